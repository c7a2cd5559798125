package relations

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/traverse"
)

// Find returns the entities that the name designates, best first: those
// whose name is name (after the normalisation of Add: case, quotes,
// spaces), then those that have it as an alias, then those whose name
// contains it as whole words; within each group in ID order. An entity ID
// ("e7") finds that entity.
func (g *Graph) Find(name string) []*Node {
	if n := g.byID[strings.TrimSpace(name)]; n != nil {
		return []*Node{n}
	}
	key := g.normalizeName(name)
	if key == "" {
		return nil
	}
	var exact, alias, part []*Node
	for _, n := range g.nodes {
		nk := g.normalizeName(n.Name)
		switch {
		case nk == key:
			exact = append(exact, n)
		case slices.ContainsFunc(n.Aliases, func(a string) bool { return g.normalizeName(a) == key }):
			alias = append(alias, n)
		case strings.Contains(" "+nk+" ", " "+key+" "):
			part = append(part, n)
		}
	}
	return slices.Concat(exact, alias, part)
}

// Incident returns the relations that n takes part in, as source or
// target, in the order of Graph.Relations.
func (g *Graph) Incident(n *Node) []*Edge {
	var out []*Edge
	for _, e := range g.Relations() {
		if e.Source == n || e.Target == n {
			out = append(out, e)
		}
	}
	return out
}

// Between returns the relations between a and b, either way round, in
// the order of Graph.Relations.
func (g *Graph) Between(a, b *Node) []*Edge {
	var out []*Edge
	for _, e := range g.Relations() {
		if e.Source == a && e.Target == b || e.Source == b && e.Target == a {
			out = append(out, e)
		}
	}
	return out
}

// undirected is g seen as an undirected graph for gonum's path search,
// with neighbours in ID order so that ties between equally short paths
// are broken the same way every time.
type undirected struct{ g *Graph }

var _ traverse.Graph = undirected{}

// From returns the neighbours of id in either direction, in ID order.
func (u undirected) From(id int64) graph.Nodes {
	ns := slices.Concat(graph.NodesOf(u.g.g.From(id)), graph.NodesOf(u.g.g.To(id)))
	slices.SortFunc(ns, func(a, b graph.Node) int { return cmp.Compare(a.ID(), b.ID()) })
	ns = slices.CompactFunc(ns, func(a, b graph.Node) bool { return a.ID() == b.ID() })
	if len(ns) == 0 {
		return graph.Empty
	}
	return iterator.NewOrderedNodes(ns)
}

// Edge returns the edge between u and v in either direction.
func (u undirected) Edge(uid, vid int64) graph.Edge {
	return graph.Undirect{G: u.g}.EdgeBetween(uid, vid)
}

// ShortestPath returns a shortest chain of entities from a to b,
// beginning with a and ending with b, or nil when none joins them. The
// graph is taken as undirected, every relation counting one step
// whatever its direction, since "how are A and B connected" reads both
// ways; Between gives the relations of each step. Among equally short
// chains the same one is returned every time. It uses gonum's
// path.DijkstraFromTo.
func (g *Graph) ShortestPath(a, b *Node) []*Node {
	if a == nil || b == nil || g.Node(a.id) != a || g.Node(b.id) != b {
		return nil
	}
	if a == b {
		return []*Node{a}
	}
	ns, _ := path.DijkstraFromTo(a, b, undirected{g})
	if len(ns) == 0 {
		return nil
	}
	out := make([]*Node, len(ns))
	for i, n := range ns {
		out[i] = g.nodes[n.ID()]
	}
	return out
}

// Score is an entity with a score: its degree or PageRank.
type Score struct {
	Node  *Node
	Value float64
}

// TopByDegree returns the n entities (all when n < 1) with the most
// relations, as source or target, best first, ties in ID order. The value
// is the number of distinct relations (edges), not of their mentions.
func (g *Graph) TopByDegree(n int) []Score {
	deg := make([]float64, len(g.nodes))
	for _, e := range g.edges {
		deg[e.Source.id]++
		deg[e.Target.id]++
	}
	return g.top(deg, n)
}

// TopByPageRank returns the n entities (all when n < 1) with the highest
// PageRank, best first, ties in ID order. PageRank is gonum's
// network.PageRank over the directed graph, edge-weighted, with damping
// 0.85: rank flows along the relations from source to target (the
// visited, hosted, accused), in proportion to the number of articles
// that state them. The values sum to 1 and are rounded to 6 decimals, as
// gonum starts from a random vector.
func (g *Graph) TopByPageRank(n int) []Score {
	if len(g.nodes) == 0 {
		return nil
	}
	pr := network.PageRank(weighted{g}, 0.85, 1e-10)
	vals := make([]float64, len(g.nodes))
	for id, v := range pr {
		vals[id] = math.Round(v*1e6) / 1e6
	}
	return g.top(vals, n)
}

// weighted is g as a graph.WeightedDirected whose weight from u to v is
// the number of articles stating the relations from u to v.
type weighted struct{ *Graph }

var _ graph.WeightedDirected = weighted{}

// Weight returns the weight of the relations from x to y; it implements
// graph.Weighted.
func (w weighted) Weight(xid, yid int64) (float64, bool) {
	if xid == yid {
		return 0, true
	}
	sum := 0.0
	for _, l := range graph.LinesOf(w.g.Lines(xid, yid)) {
		sum += float64(max(1, len(l.(*Edge).Documents)))
	}
	return sum, sum > 0
}

// WeightedEdge returns the edge from u to v with its weight; it
// implements graph.Weighted.
func (w weighted) WeightedEdge(uid, vid int64) graph.WeightedEdge {
	x, ok := w.Weight(uid, vid)
	if !ok || uid == vid {
		return nil
	}
	return simple.WeightedEdge{F: w.Node(uid), T: w.Node(vid), W: x}
}

func (g *Graph) top(vals []float64, n int) []Score {
	out := make([]Score, len(g.nodes))
	for i, nd := range g.nodes {
		out[i] = Score{Node: nd, Value: vals[i]}
	}
	slices.SortStableFunc(out, func(a, b Score) int { return cmp.Compare(b.Value, a.Value) })
	if n > 0 && n < len(out) {
		out = out[:n]
	}
	return out
}

// Count is a number of relations sharing a key: a relation type, or a
// pair of countries.
type Count struct {
	// Key is the relation type ("HOST"), or the country pair: "RU→SY" for
	// a directed relation type, "RU↔SY" (codes in order) for a symmetric
	// one.
	Key string
	// Relations is the number of distinct relations (edges).
	Relations int
	// Articles is the number of distinct documents stating them.
	Articles int
	// Mentions is the number of their occurrences.
	Mentions int
	// Cooperative, Conflictual and Neutral split Relations by polarity.
	Cooperative, Conflictual, Neutral int
}

// CountByType returns the relations counted by type, most relations
// first, ties by key.
func (g *Graph) CountByType() []Count {
	return g.count(func(e *Edge) string { return e.Type.String() })
}

// CountByCountryPair returns the relations between entities of two
// different countries (Node.Country), counted by country pair, most
// relations first, ties by key. Relations with an end of no known country,
// within one country, or of the role types LEADER_OF, OFFICIAL_OF,
// BASED_IN and LOCATED_IN are not counted. Use it on a StateView to count
// what people and institutions do in their countries' names.
func (g *Graph) CountByCountryPair() []Count {
	return g.count(func(e *Edge) string {
		a, b := e.Source.Country, e.Target.Country
		if a == "" || b == "" || a == b || slices.Contains(roleTypes, e.Type) {
			return ""
		}
		if e.Type.Symmetric() {
			if b < a {
				a, b = b, a
			}
			return a + "↔" + b
		}
		return a + "→" + b
	})
}

// count groups the edges by key, skipping "".
func (g *Graph) count(key func(*Edge) string) []Count {
	byKey := map[string]*Count{}
	docs := map[string]map[string]bool{}
	for _, e := range g.edges {
		k := key(e)
		if k == "" {
			continue
		}
		c := byKey[k]
		if c == nil {
			c = &Count{Key: k}
			byKey[k] = c
			docs[k] = map[string]bool{}
		}
		c.Relations++
		c.Mentions += e.Mentions
		for _, d := range e.Documents {
			docs[k][d] = true
		}
		switch e.Type.Polarity() {
		case Cooperative:
			c.Cooperative++
		case Conflictual:
			c.Conflictual++
		default:
			c.Neutral++
		}
	}
	out := make([]Count, 0, len(byKey))
	for k, c := range byKey {
		c.Articles = len(docs[k])
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b Count) int {
		if c := cmp.Compare(b.Relations, a.Relations); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}
