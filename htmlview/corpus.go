package htmlview

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/relations"
)

// Defaults of Options.
const (
	DefaultMaxNodes = 3000
	DefaultShow     = 150
)

// Limits on what the corpus page carries per entity and relation, so the
// page stays small for big corpora; the panel says how many more there
// are.
const (
	maxEvidence = 3   // evidence snippets per relation
	maxSnippet  = 320 // runes per snippet
	maxDocs     = 12  // article IDs listed per entity
	maxAliases  = 8   // aliases listed per entity
)

// Options shape a corpus page. The zero value gives the defaults.
type Options struct {
	// Title heads the page; "newsgraph corpus" when empty.
	Title string
	// MaxNodes is the most entities the page carries: the heaviest ones
	// (see WriteCorpus). DefaultMaxNodes when zero or less.
	MaxNodes int
	// Show is the number of heaviest entities drawn when the page opens;
	// the page has a control to show more. DefaultShow when zero or less.
	Show int
}

// corpusPage is what the corpus template renders.
type corpusPage struct {
	Title    string
	Counts   string
	Note     string
	Types    []typeView
	TypesIn  []countView
	RelTypes []countView
	Pols     []countView
	ShowOpts []showOpt
	Graph    svgGraph
	Data     corpusData
	Top      []svgNode
}

// countView is one filter choice and how many items it covers.
type countView struct {
	Name, Label, Class string
	N                  int
}

// showOpt is one choice of the "show top N" control.
type showOpt struct {
	N        int
	Label    string
	Selected bool
}

// corpusData is embedded in the page as JSON for its script.
type corpusData struct {
	Show  int     `json:"show"`
	Nodes []cNode `json:"nodes"`
	Edges []cEdge `json:"edges"`
}

type cNode struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Country string   `json:"country,omitempty"`
	Aliases []string `json:"aliases,omitempty"`
	Docs    []string `json:"docs"`
	NDocs   int      `json:"ndocs"`
	W       int      `json:"w"`
	X       float64  `json:"x"`
	Y       float64  `json:"y"`
	R       float64  `json:"r"`
}

type cEdge struct {
	S      int     `json:"s"`
	T      int     `json:"t"`
	Type   string  `json:"type"`
	Pol    string  `json:"pol"`
	Sym    bool    `json:"sym,omitempty"`
	W      int     `json:"w"`
	M      int     `json:"m"`
	Conf   float64 `json:"conf"`
	Mod    string  `json:"mod"`
	When   string  `json:"when,omitempty"`
	Title  string  `json:"title,omitempty"`
	Former bool    `json:"former,omitempty"`
	Ev     []cEv   `json:"ev"`
	NEv    int     `json:"nev"`
}

type cEv struct {
	Doc  string `json:"doc"`
	Text string `json:"text"`
}

// WriteCorpus writes a self-contained HTML page for a corpus graph: the
// graph as SVG with filters (entity type, relation type, polarity, minimum
// weight in articles), a search box over names and aliases, and a panel
// that lists the relations of the selected entity with evidence snippets
// and article IDs.
//
// To stay usable with thousands of entities, the page ranks entities by
// weight (the number of articles stating each of their relations, added
// up; then the articles they occur in; then graph order), carries at most
// opt.MaxNodes of them, and draws the opt.Show heaviest at first, with a
// control to show more and zoom, pan and fit controls. Searching finds
// every carried entity, drawn or not; selecting one draws it with its
// neighbours. Layout and labels are computed here, once, for all carried
// entities, so the page is the same bytes for the same graph.
func WriteCorpus(w io.Writer, g *relations.Graph, opt Options) error {
	if g == nil {
		g = relations.NewGraph()
	}
	p := buildCorpus(g, opt)
	return render(w, "corpus", p)
}

func buildCorpus(g *relations.Graph, opt Options) *corpusPage {
	if opt.MaxNodes <= 0 {
		opt.MaxNodes = DefaultMaxNodes
	}
	if opt.Show <= 0 {
		opt.Show = DefaultShow
	}
	if opt.Title == "" {
		opt.Title = "newsgraph corpus"
	}
	nodes := g.Entities()
	edges := g.Relations()
	weight := make(map[*relations.Node]int, len(nodes))
	for _, e := range edges {
		weight[e.Source] += len(e.Documents)
		if e.Target != e.Source {
			weight[e.Target] += len(e.Documents)
		}
	}
	order := slices.Clone(nodes)
	slices.SortStableFunc(order, func(a, b *relations.Node) int {
		return cmp.Or(cmp.Compare(weight[b], weight[a]),
			cmp.Compare(len(b.Documents), len(a.Documents)),
			cmp.Compare(a.ID(), b.ID()))
	})
	total := len(order)
	if len(order) > opt.MaxNodes {
		order = order[:opt.MaxNodes]
	}
	n := len(order)
	rank := make(map[*relations.Node]int, n)
	for i, nd := range order {
		rank[nd] = i
	}
	var kept []*relations.Edge
	for _, e := range edges {
		_, okS := rank[e.Source]
		_, okT := rank[e.Target]
		if okS && okT {
			kept = append(kept, e)
		}
	}

	radius := make([]float64, n)
	names := make([]string, n)
	for i, nd := range order {
		radius[i] = math.Min(4+1.5*math.Sqrt(float64(weight[nd])), 16)
		names[i] = truncate(clean(nd.Name), 28)
	}
	links := make([]link, len(kept))
	curves := make([]curve, len(kept))
	for i, e := range kept {
		links[i] = link{rank[e.Source], rank[e.Target]}
		curves[i] = curve{rank[e.Source], rank[e.Target]}
	}
	// The drawing grows with the number of entities, about 60×60 units
	// each, in a 16:10 box.
	area := math.Max(float64(n)*3600, 900*560)
	wd := math.Sqrt(area * 1.6)
	ht := wd / 1.6
	pos := layout(n, links, radius, names, wd, ht, 30)
	labels := placeLabels(pos, radius, names, min(opt.Show, n))
	paths := edgePaths(pos, radius, curves)

	p := &corpusPage{Title: opt.Title, Types: typeViews()}
	p.Data.Show = min(opt.Show, n)
	p.Graph = svgGraph{W: num(wd), H: num(ht)}
	typeCount := map[string]int{}
	for i, nd := range order {
		aria := fmt.Sprintf("%s, %s", clean(nd.Name), nd.Type)
		if nd.Country != "" {
			aria += ", " + nd.Country
		}
		aria += fmt.Sprintf(": %s, weight %d", count(len(nd.Documents), "article"), weight[nd])
		v := nodeView(i, pos[i], radius[i], labels[i], typeClass(nd.Type), clean(nd.Name), names[i], aria)
		v.Hidden = i >= opt.Show
		v.Rank, v.Weight = i, weight[nd]
		p.Graph.Nodes = append(p.Graph.Nodes, v)
		typeCount[nd.Type.String()]++
		cn := cNode{
			ID: nd.EntityID, Name: clean(nd.Name), Type: nd.Type.String(), Country: nd.Country,
			NDocs: len(nd.Documents), W: weight[nd],
			X: round1(pos[i].X), Y: round1(pos[i].Y), R: round1(radius[i]),
		}
		for _, a := range nd.Aliases {
			if a != nd.Name && len(cn.Aliases) < maxAliases {
				cn.Aliases = append(cn.Aliases, clean(a))
			}
		}
		cn.Docs = []string{}
		for _, d := range nd.Documents[:min(len(nd.Documents), maxDocs)] {
			cn.Docs = append(cn.Docs, clean(d))
		}
		p.Data.Nodes = append(p.Data.Nodes, cn)
	}
	if n > 0 {
		p.Top = p.Graph.Nodes[:min(n, 40)]
	}
	relCount := map[relations.Type]int{}
	polCount := map[string]int{}
	for i, e := range kept {
		s, t := rank[e.Source], rank[e.Target]
		pc := polClass(e.Polarity())
		when := e.When
		if e.Date != "" && e.Date != e.When {
			when += " (" + e.Date + ")"
		}
		ce := cEdge{
			S: s, T: t, Type: e.Type.String(), Pol: pc, Sym: e.Type.Symmetric(),
			W: len(e.Documents), M: e.Mentions, Conf: round2(e.Confidence), Mod: e.Modality.String(),
			When: clean(when), Title: clean(e.Title), Former: e.Former, NEv: len(e.Evidence), Ev: []cEv{},
		}
		for _, ev := range e.Evidence[:min(len(e.Evidence), maxEvidence)] {
			ce.Ev = append(ce.Ev, cEv{Doc: clean(ev.Doc), Text: truncate(clean(ev.Text), maxSnippet)})
		}
		p.Data.Edges = append(p.Data.Edges, ce)
		p.Graph.Edges = append(p.Graph.Edges, svgEdge{
			Key: i, S: s, T: t, D: paths[i], Pol: pc, Hidden: s >= opt.Show || t >= opt.Show,
			Dashed: e.Modality != relations.Asserted, Directed: !e.Type.Symmetric(),
			Title: fmt.Sprintf("%s %s %s %s (%s)", clean(e.Source.Name), e.Type, arrow(e.Type), clean(e.Target.Name), count(len(e.Documents), "article")),
		})
		relCount[e.Type]++
		polCount[pc]++
	}
	for _, t := range p.Types {
		if c := typeCount[t.Name]; c > 0 {
			p.TypesIn = append(p.TypesIn, countView{Name: t.Name, Label: t.Label, Class: t.Class, N: c})
		}
	}
	for _, t := range relations.Types() {
		if c := relCount[t]; c > 0 {
			p.RelTypes = append(p.RelTypes, countView{Name: t.String(), Label: t.String(), Class: polClass(t.Polarity()), N: c})
		}
	}
	for _, pc := range []struct{ class, label string }{{"coop", "cooperative"}, {"conf", "conflictual"}, {"neut", "neutral"}} {
		p.Pols = append(p.Pols, countView{Name: pc.class, Label: pc.label, Class: pc.class, N: polCount[pc.class]})
	}
	for _, k := range []int{50, 150, 500, 1000, 3000} {
		if k < n {
			p.ShowOpts = append(p.ShowOpts, showOpt{N: k, Label: "top " + strconv.Itoa(k), Selected: k == p.Data.Show})
		}
	}
	p.ShowOpts = append(p.ShowOpts, showOpt{N: n, Label: fmt.Sprintf("all %d", n), Selected: n <= p.Data.Show})
	if !slices.ContainsFunc(p.ShowOpts, func(o showOpt) bool { return o.Selected }) {
		p.ShowOpts = append(p.ShowOpts, showOpt{N: p.Data.Show, Label: "top " + strconv.Itoa(p.Data.Show), Selected: true})
		slices.SortFunc(p.ShowOpts, func(a, b showOpt) int { return cmp.Compare(a.N, b.N) })
	}
	p.Counts = fmt.Sprintf("%d articles · %d entities · %d relations", len(g.Documents()), total, len(edges))
	if total > n {
		p.Note = fmt.Sprintf("This page carries the %d heaviest of %d entities; filter the graph with newsgraph graph --types, --relations or --min-weight to see others.", n, total)
	}
	return p
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
func round2(x float64) float64 { return math.Round(x*100) / 100 }

// entityTypes lists the schema's entity types in its order.
var entityTypes = []entities.Type{entities.Person, entities.Org, entities.GPE, entities.Loc, entities.NORP, entities.Misc}
