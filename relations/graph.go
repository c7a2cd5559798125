package relations

import (
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/multi"

	"github.com/newsgraph/newsgraph/entities"
)

// Compile-time checks that the graph, its nodes and its edges satisfy the
// gonum interfaces they claim.
var (
	_ graph.Directed           = (*Graph)(nil)
	_ graph.DirectedMultigraph = (*Graph)(nil)
	_ graph.Node               = (*Node)(nil)
	_ graph.Line               = (*Edge)(nil)
)

// Graph is a relation graph built from one or more documents: one Node per
// real-world entity, merged across documents, and one Edge per distinct
// (type, source, target) relation, with the evidence of every occurrence.
//
// Graph implements gonum's graph.Directed and graph.DirectedMultigraph, so
// gonum algorithms such as network.PageRank run on it unchanged; the nodes
// those methods return are *Node values and the lines are *Edge values.
// Node IDs (Node.ID) are dense, starting at 0, in first-seen order.
//
// A Graph is not safe for concurrent mutation: calls to Add (and ReadJSON
// into the graph) must not run at the same time as any other method.
// Without mutation, any number of goroutines may read and export it.
//
// Make a Graph with NewGraph; the zero value is not ready to use.
type Graph struct {
	g     *multi.DirectedGraph
	nodes []*Node
	edges []*Edge
	docs  []string
	// byName maps a canonical entity key to the nodes with that key; more
	// than one when countries conflict. Used only for look-ups.
	byName map[nodeKey][]*Node
	// byEdge maps a relation key to its edge. Used only for look-ups.
	byEdge map[edgeKey]*Edge
	byID   map[string]*Node
	docSet map[string]bool
	// docDate holds the dates given to AddDated and SetDocDate.
	docDate map[string]time.Time
	// docNodes and docEdges list the nodes and edges each document
	// occurs in, so that dating a document touches only those.
	docNodes map[string][]*Node
	docEdges map[string][]*Edge
	// fold case-folds names; a Caser is not safe for concurrent use, so
	// each Graph has its own.
	fold cases.Caser
}

type nodeKey struct {
	typ  entities.Type
	name string
}

type edgeKey struct {
	typ      Type
	from, to int64
}

// Node is one entity of the graph: all the mentions of one real-world
// referent across the documents added so far. Its methods ID, DOTID and
// Attributes make it a gonum graph.Node and a DOT node.
type Node struct {
	// EntityID is the entity's identifier in exports: "e1", "e2", … in
	// first-seen order.
	EntityID string
	// Name is the canonical name: the name of the first entity merged into
	// the node (later ones differ from it only in case, quotes or spaces).
	Name string
	// Type is the entity type.
	Type entities.Type
	// Aliases are every name and alias seen for the entity, sorted and
	// without duplicates.
	Aliases []string
	// Country is the ISO 3166-1 alpha-2 code of the entity's country, or "".
	Country string
	// Mentions are the entity's occurrences, in the order they were added.
	Mentions []Span
	// Documents are the IDs of the documents the entity occurs in, in the
	// order they were added.
	Documents []string
	// FirstSeen and LastSeen are the earliest and latest dates of the
	// documents the entity occurs in (Graph.AddDated, Graph.SetDocDate);
	// zero when none of them is dated.
	FirstSeen, LastSeen time.Time

	id int64
	// mentionSet and docSet hold Mentions (by spanHash) and Documents,
	// so that merging a mention or a document costs the same however
	// many there are.
	mentionSet map[uint64]struct{}
	docSet     map[string]struct{}
}

// Span is a byte range [Start, End) of the text of the document Doc,
// together with the text it covers: a mention of an entity or the evidence
// for a relation.
type Span struct {
	// Doc is the ID of the document, as given to Graph.Add.
	Doc string
	// Start is the byte offset of the first byte in the document text.
	Start int
	// End is the byte offset just past the last byte (end exclusive).
	End int
	// Text is the document text between Start and End.
	Text string
}

// ID returns the node's gonum ID: its dense index in the graph, from 0.
func (n *Node) ID() int64 { return n.id }

// Edge is one relation of the graph: every occurrence of a (type, source,
// target) triple, merged. For symmetric types the orientation is the one
// first seen. Its methods From, To, ReversedLine and ID make it a gonum
// graph.Line, and Attributes a DOT edge.
type Edge struct {
	// Type is the relation type.
	Type Type
	// Source is the node the relation goes from.
	Source *Node
	// Target is the node the relation goes to.
	Target *Node
	// Modality is the modality of the first occurrence.
	Modality Modality
	// Confidence is the highest confidence of any occurrence, in [0, 1].
	Confidence float64
	// Title is the title of the first occurrence (LEADER_OF, OFFICIAL_OF).
	Title string
	// Former is the Former flag of the first occurrence.
	Former bool
	// When is the time expression of the first occurrence, or "".
	When string
	// Date is When as a date ("2025-10-15", "2025-07"), or "".
	Date string
	// Evidence holds the sentences that state the relation, in the order
	// they were added, without duplicates.
	Evidence []Span
	// Mentions is the number of occurrences of the relation that were
	// merged into this edge.
	Mentions int
	// Documents are the IDs of the documents that state the relation, in
	// the order they were added. Their number is the edge's weight in
	// articles, Mentions its weight in occurrences.
	Documents []string
	// FirstSeen and LastSeen are the earliest and latest dates of the
	// documents that state the relation (Graph.AddDated,
	// Graph.SetDocDate); zero when none of them is dated.
	FirstSeen, LastSeen time.Time

	id int64
	// evidenceSet and docSet hold Evidence and Documents (see Node).
	evidenceSet map[uint64]struct{}
	docSet      map[string]struct{}
}

// Polarity returns the polarity of the edge's type.
func (e *Edge) Polarity() Polarity { return e.Type.Polarity() }

// From returns the source node; it implements graph.Line.
func (e *Edge) From() graph.Node { return e.Source }

// To returns the target node; it implements graph.Line.
func (e *Edge) To() graph.Node { return e.Target }

// ReversedLine returns a copy of the edge with source and target swapped;
// it implements graph.Line.
func (e *Edge) ReversedLine() graph.Line {
	r := *e
	r.Source, r.Target = e.Target, e.Source
	return &r
}

// ID returns the line's gonum ID, unique within the graph; it implements
// graph.Line.
func (e *Edge) ID() int64 { return e.id }

// NewGraph returns an empty graph.
func NewGraph() *Graph {
	return &Graph{
		g:        multi.NewDirectedGraph(),
		byName:   make(map[nodeKey][]*Node),
		byEdge:   make(map[edgeKey]*Edge),
		byID:     make(map[string]*Node),
		docSet:   make(map[string]bool),
		docDate:  make(map[string]time.Time),
		docNodes: make(map[string][]*Node),
		docEdges: make(map[string][]*Edge),
		fold:     cases.Fold(),
	}
}

// Add adds the document doc, identified by docID, and the relations found
// in it.
//
// Every entity of doc becomes a node, or is merged into an existing node
// of the same type whose name is the same after normalisation (case
// folding, Latin accents removed, curly quotes and hyphens made plain,
// spaces collapsed) and whose
// country is compatible (equal, or one of them empty). Entities of an
// invalid type are skipped, as are mentions whose index or span does not
// fit the document.
//
// Every relation becomes an edge between the nodes of its source and
// target, or is merged into the edge with the same type, source and target
// (either way round for symmetric types). Relations of an invalid type,
// with an out-of-range Source or Target, or whose source and target end up
// as the same node are skipped. A nil doc adds nothing.
func (g *Graph) Add(docID string, doc *entities.Document, rels []Relation) {
	if doc == nil {
		return
	}
	g.addDoc(docID)
	nodeOf := make([]*Node, len(doc.Entities))
	for i := range doc.Entities {
		e := &doc.Entities[i]
		var spans []Span
		for _, m := range e.Mentions {
			if m < 0 || m >= len(doc.Mentions) {
				continue
			}
			mn := doc.Mentions[m]
			if doc.CheckSpan(mn.Start, mn.End) != nil {
				continue
			}
			spans = append(spans, Span{Doc: docID, Start: mn.Start, End: mn.End, Text: doc.Text[mn.Start:mn.End]})
		}
		nodeOf[i] = g.mergeNode(e.Name, e.Key, e.Type, e.Aliases, e.Country, spans, []string{docID}, math.MaxInt64)
	}
	for _, r := range rels {
		if r.Source < 0 || r.Source >= len(nodeOf) || r.Target < 0 || r.Target >= len(nodeOf) {
			continue
		}
		ev := make([]Span, 0, len(r.Evidence))
		for _, x := range r.Evidence {
			ev = append(ev, Span{Doc: docID, Start: x.Start, End: x.End, Text: x.Text})
		}
		g.mergeEdge(r, nodeOf[r.Source], nodeOf[r.Target], ev, 1, []string{docID})
	}
}

// HasDocument reports whether the document docID has been added (Add,
// AddDated, ReadJSON).
func (g *Graph) HasDocument(docID string) bool { return g.docSet[docID] }

func (g *Graph) addDoc(docID string) {
	if !g.docSet[docID] {
		g.docSet[docID] = true
		g.docs = append(g.docs, docID)
	}
}

// mergeNode finds or creates the node for an entity and merges the given
// attributes, mentions and documents into it; it is found by key, or by
// name when key is "", among the nodes with an ID below fresh. It returns
// nil for an invalid type.
func (g *Graph) mergeNode(name, key string, typ entities.Type, aliases []string, country string, mentions []Span, docs []string, fresh int64) *Node {
	if _, err := typ.MarshalText(); err != nil {
		return nil
	}
	name = strings.TrimSpace(name)
	if name == "" {
		// An entity with no name is named by its first alias or mention.
		for _, a := range aliases {
			if a = strings.TrimSpace(a); a != "" {
				name = a
				break
			}
		}
		if name == "" && len(mentions) > 0 {
			name = strings.TrimSpace(mentions[0].Text)
		}
	}
	if key == "" {
		key = name
	}
	k := nodeKey{typ, g.normalizeName(key)}
	var n *Node
	for _, c := range g.byName[k] {
		if c.id < fresh && (c.Country == country || c.Country == "" || country == "") {
			n = c
			break
		}
	}
	if n == nil {
		id := int64(len(g.nodes))
		n = &Node{EntityID: fmt.Sprintf("e%d", id+1), Name: name, Type: typ, Country: country, id: id}
		g.nodes = append(g.nodes, n)
		g.byID[n.EntityID] = n
		g.byName[k] = append(g.byName[k], n)
		g.g.AddNode(n)
	} else if n.Country == "" {
		n.Country = country
	}
	n.Aliases = mergeStrings(n.Aliases, aliases, name)
	g.addNodeSpans(n, mentions, docs)
	return n
}

// addNodeSpans adds mentions and documents to n, leaving out those it
// has, and widens its dates to those of the new documents.
func (g *Graph) addNodeSpans(n *Node, mentions []Span, docs []string) {
	if n.mentionSet == nil {
		n.mentionSet = make(map[uint64]struct{}, len(mentions))
		n.docSet = make(map[string]struct{}, len(docs))
	}
	n.Mentions = appendNewSpans(n.mentionSet, n.Mentions, mentions)
	n.Documents = appendNew(n.docSet, n.Documents, docs, func(d string) {
		g.docNodes[d] = append(g.docNodes[d], n)
		if t, ok := g.docDate[d]; ok {
			n.FirstSeen, n.LastSeen = widen(n.FirstSeen, n.LastSeen, t)
		}
	})
}

// addEdgeSpans adds evidence and documents to e as addNodeSpans does to
// a node.
func (g *Graph) addEdgeSpans(e *Edge, ev []Span, docs []string) {
	if e.evidenceSet == nil {
		e.evidenceSet = make(map[uint64]struct{}, len(ev))
		e.docSet = make(map[string]struct{}, len(docs))
	}
	e.Evidence = appendNewSpans(e.evidenceSet, e.Evidence, ev)
	e.Documents = appendNew(e.docSet, e.Documents, docs, func(d string) {
		g.docEdges[d] = append(g.docEdges[d], e)
		if t, ok := g.docDate[d]; ok {
			e.FirstSeen, e.LastSeen = widen(e.FirstSeen, e.LastSeen, t)
		}
	})
}

// spanSeed seeds spanHash; it is the same for every graph of the process.
var spanSeed = maphash.MakeSeed()

// spanHash is the key of a span in the span sets of nodes and edges: 8
// bytes instead of the span's 48 and its text, which matters with
// millions of mentions; two different spans of one node or edge have the
// same hash with a probability of about 2⁻⁶⁴ per pair.
func spanHash(s Span) uint64 {
	var h maphash.Hash
	h.SetSeed(spanSeed)
	h.WriteString(s.Doc)
	h.WriteByte(0)
	maphash.WriteComparable(&h, [2]int{s.Start, s.End})
	h.WriteString(s.Text)
	return h.Sum64()
}

// appendNewSpans appends to list the spans of add that set does not
// hold, adding their hashes to set.
func appendNewSpans(set map[uint64]struct{}, list, add []Span) []Span {
	for _, x := range add {
		k := spanHash(x)
		if _, ok := set[k]; !ok {
			set[k] = struct{}{}
			list = append(list, x)
		}
	}
	return list
}

// appendNew appends to list the items of add that set does not hold,
// adds them to set and, when added is not nil, calls it for each.
func appendNew[T comparable](set map[T]struct{}, list, add []T, added func(T)) []T {
	for _, x := range add {
		if _, ok := set[x]; !ok {
			set[x] = struct{}{}
			list = append(list, x)
			if added != nil {
				added(x)
			}
		}
	}
	return list
}

// widen returns the range [first, last] widened to take in t; a zero
// bound is unset.
func widen(first, last, t time.Time) (time.Time, time.Time) {
	if first.IsZero() || t.Before(first) {
		first = t
	}
	if last.IsZero() || t.After(last) {
		last = t
	}
	return first, last
}

// mergeStrings returns the sorted union of have, add and extra, without
// empty strings or duplicates.
func mergeStrings(have, add []string, extra string) []string {
	out := slices.Clone(have)
	for _, a := range append(slices.Clone(add), extra) {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// mergeEdge finds or creates the edge for r between src and dst and
// merges the occurrence into it. It reports whether the relation was kept.
func (g *Graph) mergeEdge(r Relation, src, dst *Node, ev []Span, mentions int, docs []string) bool {
	if _, ok := r.Type.Spec(); !ok || src == nil || dst == nil || src == dst {
		return false
	}
	conf := r.Confidence
	switch {
	case math.IsNaN(conf) || conf < 0:
		conf = 0
	case conf > 1:
		conf = 1
	}
	e := g.byEdge[edgeKey{r.Type, src.id, dst.id}]
	if e == nil && r.Type.Symmetric() {
		e = g.byEdge[edgeKey{r.Type, dst.id, src.id}]
	}
	if e == nil {
		e = &Edge{
			Type:       r.Type,
			Source:     src,
			Target:     dst,
			Modality:   r.Modality,
			Confidence: conf,
			Title:      r.Title,
			Former:     r.Former,
			When:       r.When,
			Date:       r.Date,
			id:         int64(len(g.edges)),
		}
		g.edges = append(g.edges, e)
		g.byEdge[edgeKey{r.Type, src.id, dst.id}] = e
		g.g.SetLine(e)
	}
	e.Confidence = max(e.Confidence, conf)
	e.Mentions += mentions
	g.addEdgeSpans(e, ev, docs)
	return true
}

// normalizeName returns the key under which entity names are compared:
// case-folded, without accents ("Orbán" and "Orban" are one name, as news
// in English spells names both ways), with curly quotes, dashes and runs
// of spaces made plain.
func (g *Graph) normalizeName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(norm.NFD.String(s)) {
		if r >= '\u0300' && r <= '\u036f' {
			continue // Latin accents: "Orbán" is "Orban"
		}
		switch r {
		case 'ı':
			r = 'i'
		case 'ł':
			r = 'l'
		case 'Ł':
			r = 'L'
		case 'ø':
			r = 'o'
		case 'Ø':
			r = 'O'
		case 'đ':
			r = 'd'
		case 'Đ':
			r = 'D'
		case '\u2018', '\u2019', '\u02bc', '\u0060', '\u00b4':
			r = '\''
		case '\u201c', '\u201d':
			r = '"'
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
			r = '-'
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return g.fold.String(b.String())
}

// Entities returns the nodes in ID order. The slice is new; the nodes are
// the graph's own and must not be modified.
func (g *Graph) Entities() []*Node { return slices.Clone(g.nodes) }

// Entity returns the node with the entity ID id ("e1"), or nil.
func (g *Graph) Entity(id string) *Node { return g.byID[id] }

// Relations returns the edges sorted by source ID, target ID, type and
// first evidence (document, start). The slice is new; the edges are the
// graph's own and must not be modified.
func (g *Graph) Relations() []*Edge {
	es := slices.Clone(g.edges)
	slices.SortStableFunc(es, func(a, b *Edge) int {
		if c := cmpInt(a.Source.id, b.Source.id); c != 0 {
			return c
		}
		if c := cmpInt(a.Target.id, b.Target.id); c != 0 {
			return c
		}
		if c := cmpInt(a.Type, b.Type); c != 0 {
			return c
		}
		switch {
		case len(a.Evidence) == 0 || len(b.Evidence) == 0:
			return cmpInt(len(a.Evidence), len(b.Evidence))
		case a.Evidence[0].Doc != b.Evidence[0].Doc:
			return strings.Compare(a.Evidence[0].Doc, b.Evidence[0].Doc)
		}
		return cmpInt(a.Evidence[0].Start, b.Evidence[0].Start)
	})
	return es
}

func cmpInt[T ~int | ~int64 | ~uint8](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Documents returns the IDs of the documents added, in the order they were
// first added.
func (g *Graph) Documents() []string { return slices.Clone(g.docs) }

// Node returns the node with the gonum ID id, or nil; it implements
// graph.Graph. The node is a *Node.
func (g *Graph) Node(id int64) graph.Node {
	if id < 0 || id >= int64(len(g.nodes)) {
		return nil
	}
	return g.nodes[id]
}

// Nodes returns all the nodes, as *Node values; it implements graph.Graph.
// The iterator is only valid until the next mutation of g.
func (g *Graph) Nodes() graph.Nodes { return g.g.Nodes() }

// From returns the nodes that can be reached directly from the node id; it
// implements graph.Graph.
func (g *Graph) From(id int64) graph.Nodes { return g.g.From(id) }

// To returns the nodes that reach the node id directly; it implements
// graph.Directed.
func (g *Graph) To(id int64) graph.Nodes { return g.g.To(id) }

// HasEdgeBetween reports whether an edge joins x and y in either direction;
// it implements graph.Graph.
func (g *Graph) HasEdgeBetween(xid, yid int64) bool { return g.g.HasEdgeBetween(xid, yid) }

// HasEdgeFromTo reports whether an edge goes from u to v; it implements
// graph.Directed.
func (g *Graph) HasEdgeFromTo(uid, vid int64) bool { return g.g.HasEdgeFromTo(uid, vid) }

// Edge returns the edge from u to v, holding every *Edge line between
// them, or nil; it implements graph.Graph.
func (g *Graph) Edge(uid, vid int64) graph.Edge { return g.g.Edge(uid, vid) }

// Lines returns the lines (*Edge values) from u to v; it implements
// graph.Multigraph. The iterator is only valid until the next mutation of g.
func (g *Graph) Lines(uid, vid int64) graph.Lines { return g.g.Lines(uid, vid) }
