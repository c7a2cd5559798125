package htmlview

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/relations"
)

// Article drawing size in SVG user units.
const (
	articleW, articleH = 600.0, 420.0
	graphMargin        = 18.0
)

// articlePage is what the article template renders.
type articlePage struct {
	Title, Date string
	Counts      string
	Types       []typeView
	Segments    []segment
	Entities    []entityView
	Relations   []relationView
	Graph       svgGraph
}

// typeView is one entity type of the legend and the filters.
type typeView struct {
	Name  string // "PERSON"
	Class string // "t-person"
	Label string // "person"
}

// segment is a run of the article text: a mention, or plain text that
// may lie in the evidence of some relations.
type segment struct {
	Text    string
	Mention bool
	M, E    int    // mention and entity index (E is -1 for none)
	Class   string // entity type class
	Hover   string // canonical name, type and country
	Ev      string // evidence ids, space-separated
}

// entityView is one entity in the entity list.
type entityView struct {
	I                 int
	Name, Type, Class string
	Country           string
	Mentions, Rels    int
}

// relationView is one relation in the relation list.
type relationView struct {
	I                  int
	Type, Pol          string
	S, T               int
	Source, Target     string
	Arrow              string
	Modality, Conf     string
	When, CAMEO, Title string
	Former             bool
	Evs                string
	Snippet            string
}

// svgGraph is a drawn graph: nodes with positions and labels, edges with
// paths.
type svgGraph struct {
	W, H  string
	Nodes []svgNode
	Edges []svgEdge
}

// svgNode is one drawn node. Key is the index the page's script uses
// (the entity index); LX, LY place its label relative to the centre.
type svgNode struct {
	Key          int
	X, Y, R      string
	Class        string
	Name, Label  string
	LX, LY       string
	Anchor       string
	LabelHidden  bool
	Aria         string
	Hidden       bool
	Rank, Weight int
}

// svgEdge is one drawn edge. Key is the relation's index for the script.
type svgEdge struct {
	Key      int
	S, T     int
	D        string
	Pol      string
	Dashed   bool
	Directed bool
	Hidden   bool // drawn only on request (corpus beyond the first nodes)
	Title    string
}

// WriteArticle writes a self-contained HTML page for one article: its text
// with every mention highlighted by entity type, the entities, the
// relations, and an SVG drawing of the article's graph. title names the
// article on the page (a file name or an ID). rels are the relations
// found in doc; their Source and Target index doc.Entities.
//
// It returns an error, and writes nothing, when a mention or an evidence
// span lies outside the text or off a rune boundary, when mentions
// overlap, or when an index points outside doc.Entities.
func WriteArticle(w io.Writer, title string, doc *entities.Document, rels []relations.Relation) error {
	p, err := buildArticle(title, doc, rels)
	if err != nil {
		return err
	}
	return render(w, "article", p)
}

// evSpan is one distinct evidence span of the article.
type evSpan struct{ start, end int }

func buildArticle(title string, doc *entities.Document, rels []relations.Relation) (*articlePage, error) {
	if doc == nil {
		doc = &entities.Document{}
	}
	ne := len(doc.Entities)
	prevEnd := 0
	for i, m := range doc.Mentions {
		if err := doc.CheckSpan(m.Start, m.End); err != nil {
			return nil, fmt.Errorf("htmlview: mention %d: %w", i, err)
		}
		if m.Start < prevEnd {
			return nil, fmt.Errorf("htmlview: mention %d at [%d,%d) overlaps the one before or is out of order", i, m.Start, m.End)
		}
		if m.Entity >= ne {
			return nil, fmt.Errorf("htmlview: mention %d refers to entity %d of %d", i, m.Entity, ne)
		}
		prevEnd = m.End
	}
	// Distinct evidence spans, numbered in text order.
	var evs []evSpan
	for i, r := range rels {
		if r.Source < 0 || r.Source >= ne || r.Target < 0 || r.Target >= ne {
			return nil, fmt.Errorf("htmlview: relation %d joins entities %d and %d of %d", i, r.Source, r.Target, ne)
		}
		for _, e := range r.Evidence {
			if err := doc.CheckSpan(e.Start, e.End); err != nil {
				return nil, fmt.Errorf("htmlview: relation %d evidence: %w", i, err)
			}
			if e.End > e.Start {
				evs = append(evs, evSpan{e.Start, e.End})
			}
		}
	}
	slices.SortFunc(evs, func(a, b evSpan) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
	evs = slices.Compact(evs)
	evID := func(e relations.Evidence) int {
		i, _ := slices.BinarySearchFunc(evs, evSpan{e.Start, e.End}, func(a, b evSpan) int {
			return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
		})
		return i
	}

	p := &articlePage{Title: title, Types: typeViews()}
	if !doc.Date.IsZero() {
		p.Date = doc.Date.Format("2 January 2006")
	}
	p.Segments = segments(doc, evs)

	relCount := make([]int, ne)
	for _, r := range rels {
		relCount[r.Source]++
		if r.Target != r.Source {
			relCount[r.Target]++
		}
	}
	for i, e := range doc.Entities {
		p.Entities = append(p.Entities, entityView{
			I: i, Name: clean(e.Name), Type: e.Type.String(), Class: typeClass(e.Type),
			Country: e.Country, Mentions: len(e.Mentions), Rels: relCount[i],
		})
	}
	for i, r := range rels {
		var ids []string
		var snip []string
		seen := map[int]bool{}
		for _, e := range r.Evidence {
			if e.End <= e.Start {
				continue
			}
			k := evID(e)
			if !seen[k] {
				seen[k] = true
				ids = append(ids, strconv.Itoa(k))
				snip = append(snip, doc.Text[e.Start:e.End])
			}
		}
		when := r.When
		if r.Date != "" && r.Date != r.When {
			when = strings.TrimSpace(when + " (" + r.Date + ")")
		}
		p.Relations = append(p.Relations, relationView{
			I: i, Type: r.Type.String(), Pol: polClass(r.Type.Polarity()),
			S: r.Source, T: r.Target,
			Source: clean(doc.Entities[r.Source].Name), Target: clean(doc.Entities[r.Target].Name),
			Arrow: arrow(r.Type), Modality: r.Modality.String(),
			Conf: strconv.FormatFloat(r.Confidence, 'f', 2, 64), When: clean(when),
			CAMEO: r.Type.CAMEO(), Title: clean(r.Title), Former: r.Former,
			Evs: strings.Join(ids, " "), Snippet: truncate(clean(strings.Join(snip, " … ")), 600),
		})
	}
	p.Counts = fmt.Sprintf("%d mentions · %d entities · %d relations", len(doc.Mentions), ne, len(rels))
	p.Graph = articleGraph(doc, rels, relCount)
	return p, nil
}

// segments cuts the text at every mention and evidence boundary: each
// mention becomes one segment, and the text between mentions is cut
// where the set of evidence spans covering it changes.
func segments(doc *entities.Document, evs []evSpan) []segment {
	text := doc.Text
	cuts := []int{0, len(text)}
	for _, m := range doc.Mentions {
		cuts = append(cuts, m.Start, m.End)
	}
	for _, e := range evs {
		cuts = append(cuts, e.start, e.end)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	// covering returns the ids of the evidence spans that overlap
	// [a, b); evs is sorted by start, so the scan stops early.
	covering := func(a, b int) string {
		var ids []string
		for k, e := range evs {
			if e.start >= b {
				break
			}
			if e.end > a {
				ids = append(ids, strconv.Itoa(k))
			}
		}
		return strings.Join(ids, " ")
	}
	var out []segment
	ms := doc.Mentions
	pos, mi, ci := 0, 0, 0
	for pos < len(text) || mi < len(ms) {
		if mi < len(ms) && ms[mi].Start == pos {
			m := ms[mi]
			out = append(out, segment{Text: clean(text[m.Start:m.End]), Mention: true, M: mi, E: m.Entity,
				Class: typeClass(m.Type), Ev: covering(m.Start, m.End), Hover: mentionHover(doc, m)})
			pos = m.End
			mi++
			continue
		}
		for ci < len(cuts) && cuts[ci] <= pos {
			ci++
		}
		if pos >= len(text) || ci == len(cuts) {
			break // not reached: mentions are checked to be in order
		}
		next := cuts[ci]
		out = append(out, segment{Text: clean(text[pos:next]), E: -1, Ev: covering(pos, next)})
		pos = next
	}
	return out
}

// mentionHover is the hover text of a mention: its canonical name, type
// and country.
func mentionHover(doc *entities.Document, m entities.Mention) string {
	name := m.Canonical
	country := m.Country
	if m.Entity >= 0 {
		e := doc.Entities[m.Entity]
		if name == "" {
			name = e.Name
		}
		if country == "" {
			country = e.Country
		}
	}
	if name == "" {
		name = doc.Text[m.Start:m.End]
	}
	s := clean(name) + " · " + m.Type.String()
	if country != "" {
		s += " · " + country
	}
	return s
}

// articleGraph draws every entity of the article as a node and every
// relation as an edge.
func articleGraph(doc *entities.Document, rels []relations.Relation, relCount []int) svgGraph {
	ne := len(doc.Entities)
	// Most connected, then most mentioned, entities first.
	order := make([]int, ne)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(relCount[b], relCount[a]),
			cmp.Compare(len(doc.Entities[b].Mentions), len(doc.Entities[a].Mentions)))
	})
	rank := make([]int, ne)
	for r, i := range order {
		rank[i] = r
	}
	radius := make([]float64, ne)
	names := make([]string, ne)
	for r, i := range order {
		e := doc.Entities[i]
		radius[r] = math.Min(6+1.6*math.Sqrt(float64(len(e.Mentions))), 14)
		names[r] = truncate(clean(e.Name), 28)
	}
	var links []link
	var curves []curve
	for _, r := range rels {
		links = append(links, link{rank[r.Source], rank[r.Target]})
		curves = append(curves, curve{rank[r.Source], rank[r.Target]})
	}
	pos := layout(ne, links, radius, names, articleW, articleH, graphMargin+10)
	labels := placeLabels(pos, radius, names, ne)
	paths := edgePaths(pos, radius, curves)
	g := svgGraph{W: num(articleW), H: num(articleH)}
	for r, i := range order {
		e := doc.Entities[i]
		aria := fmt.Sprintf("%s, %s", clean(e.Name), e.Type)
		if e.Country != "" {
			aria += ", " + e.Country
		}
		aria += ": " + count(len(e.Mentions), "mention") + ", " + count(relCount[i], "relation")
		g.Nodes = append(g.Nodes, nodeView(i, pos[r], radius[r], labels[r], typeClass(e.Type), clean(e.Name), names[r], aria))
	}
	for i, r := range rels {
		g.Edges = append(g.Edges, svgEdge{
			Key: i, S: r.Source, T: r.Target, D: paths[i], Pol: polClass(r.Type.Polarity()),
			Dashed: r.Modality != relations.Asserted, Directed: !r.Type.Symmetric(),
			Title: fmt.Sprintf("%s %s %s %s", clean(doc.Entities[r.Source].Name), r.Type, arrow(r.Type), clean(doc.Entities[r.Target].Name)),
		})
	}
	// Nodes are drawn in entity order, so their order in the page does
	// not depend on the layout.
	slices.SortFunc(g.Nodes, func(a, b svgNode) int { return cmp.Compare(a.Key, b.Key) })
	return g
}

// nodeView builds a drawn node from its layout.
func nodeView(key int, p point, r float64, l label, class, name, short, aria string) svgNode {
	return svgNode{
		Key: key, X: num(p.X), Y: num(p.Y), R: num(r), Class: class,
		Name: name, Label: short,
		LX: num(l.X - p.X), LY: num(l.Y - p.Y), Anchor: l.Anchor, LabelHidden: l.Hidden,
		Aria: aria,
	}
}

// typeViews lists the entity types in the schema's order.
func typeViews() []typeView {
	var out []typeView
	for _, t := range entityTypes {
		label := map[entities.Type]string{
			entities.Person: "person", entities.Org: "organisation", entities.GPE: "state or city",
			entities.Loc: "place", entities.NORP: "nationality or group", entities.Misc: "other",
		}[t]
		out = append(out, typeView{Name: t.String(), Class: typeClass(t), Label: label})
	}
	return out
}

// typeClass is the CSS class of an entity type: "t-person", "t-org", ….
func typeClass(t entities.Type) string {
	s := t.String()
	if s == "" || strings.HasPrefix(s, "Type(") {
		return "t-none"
	}
	return "t-" + strings.ToLower(s)
}

// polClass is the CSS class of a polarity.
func polClass(p relations.Polarity) string {
	switch p {
	case relations.Cooperative:
		return "coop"
	case relations.Conflictual:
		return "conf"
	}
	return "neut"
}

// arrow is "↔" for symmetric relation types and "→" for the others.
func arrow(t relations.Type) string {
	if t.Symmetric() {
		return "↔"
	}
	return "→"
}

// count is "1 thing" or "n things".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return strconv.Itoa(n) + " " + thing + "s"
}

// clean makes s valid UTF-8; html/template escapes it.
func clean(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

// truncate shortens s to at most n runes, ending with "…" when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, c := 0, 0
	for i = range s {
		if c == n-1 {
			break
		}
		c++
	}
	return s[:i] + "…"
}
