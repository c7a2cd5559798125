package relations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"time"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/iterator"

	"github.com/newsgraph/newsgraph/entities"
)

// jsonGraph is the file format of WriteJSON and ReadJSON: the schema's
// output object (../shared/spec/schema.md) with a few added fields.
type jsonGraph struct {
	Entities  []jsonEntity   `json:"entities"`
	Relations []jsonRelation `json:"relations"`
	Docs      []string       `json:"docs,omitempty"`
	// DocDates maps document IDs to their dates (Graph.SetDocDate).
	DocDates map[string]string `json:"doc_dates,omitempty"`
}

type jsonEntity struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Type      string     `json:"type"`
	Aliases   []string   `json:"aliases"`
	Country   string     `json:"country,omitempty"`
	Documents int        `json:"documents,omitempty"`
	FirstSeen string     `json:"first_seen,omitempty"`
	LastSeen  string     `json:"last_seen,omitempty"`
	Mentions  []jsonSpan `json:"mentions"`
}

type jsonRelation struct {
	Type       string     `json:"type"`
	Source     string     `json:"source"`
	Target     string     `json:"target"`
	Polarity   string     `json:"polarity"`
	CAMEO      string     `json:"cameo,omitempty"`
	Modality   string     `json:"modality"`
	Confidence float64    `json:"confidence"`
	Title      string     `json:"title,omitempty"`
	Former     bool       `json:"former,omitempty"`
	When       string     `json:"when,omitempty"`
	Date       string     `json:"date,omitempty"`
	Documents  int        `json:"documents,omitempty"`
	Mentions   int        `json:"mentions,omitempty"`
	FirstSeen  string     `json:"first_seen,omitempty"`
	LastSeen   string     `json:"last_seen,omitempty"`
	Evidence   []jsonSpan `json:"evidence"`
}

type jsonSpan struct {
	Doc   string `json:"doc,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// WriteJSON writes g as the schema's JSON object (../shared/spec/schema.md):
// "entities" in ID order and "relations" in the order of Graph.Relations,
// indented with two spaces and followed by a newline. Confidence is
// rounded to two decimals and empty optional fields are omitted, so the
// same graph always gives the same bytes.
//
// The object also lists the document IDs under "docs". When the graph
// holds more than one document, each mention and evidence span carries its
// "doc", each entity and relation the number of its "documents", and each
// relation the number of its "mentions" (occurrences); for a single
// document these are left out, giving the schema's exact shape. Documents
// with a date (Graph.AddDated) are listed under "doc_dates", and the
// entities and relations they occur in carry "first_seen" and
// "last_seen" (FormatDate); undated graphs leave these out.
func WriteJSON(w io.Writer, g *Graph) error {
	multiDoc := len(g.docs) > 1
	span := func(s Span) jsonSpan {
		j := jsonSpan{Start: s.Start, End: s.End, Text: s.Text}
		if multiDoc {
			j.Doc = s.Doc
		}
		return j
	}
	out := jsonGraph{
		Entities:  make([]jsonEntity, 0, len(g.nodes)),
		Relations: make([]jsonRelation, 0, len(g.edges)),
		Docs:      g.Documents(),
	}
	for d, t := range g.docDate {
		if out.DocDates == nil {
			out.DocDates = make(map[string]string, len(g.docDate))
		}
		out.DocDates[d] = FormatDate(t)
	}
	for _, n := range g.nodes {
		e := jsonEntity{
			ID:        n.EntityID,
			Name:      n.Name,
			Type:      n.Type.String(),
			Aliases:   append([]string{}, n.Aliases...),
			Country:   n.Country,
			FirstSeen: FormatDate(n.FirstSeen),
			LastSeen:  FormatDate(n.LastSeen),
			Mentions:  make([]jsonSpan, 0, len(n.Mentions)),
		}
		for _, m := range n.Mentions {
			e.Mentions = append(e.Mentions, span(m))
		}
		if multiDoc {
			e.Documents = len(n.Documents)
		}
		out.Entities = append(out.Entities, e)
	}
	for _, e := range g.Relations() {
		r := jsonRelation{
			Type:       e.Type.String(),
			Source:     e.Source.EntityID,
			Target:     e.Target.EntityID,
			Polarity:   e.Type.Polarity().String(),
			CAMEO:      e.Type.CAMEO(),
			Modality:   e.Modality.String(),
			Confidence: math.Round(e.Confidence*100) / 100,
			Title:      e.Title,
			Former:     e.Former,
			When:       e.When,
			Date:       e.Date,
			FirstSeen:  FormatDate(e.FirstSeen),
			LastSeen:   FormatDate(e.LastSeen),
			Evidence:   make([]jsonSpan, 0, len(e.Evidence)),
		}
		for _, x := range e.Evidence {
			r.Evidence = append(r.Evidence, span(x))
		}
		if multiDoc {
			r.Documents = len(e.Documents)
			r.Mentions = e.Mentions
		}
		out.Relations = append(out.Relations, r)
	}
	// Names and evidence are data, written as they are: "<b>" and "AT&T"
	// stay readable instead of becoming \u003cb\u003e and AT\u0026T.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("relations: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// ReadJSON reads a graph written by WriteJSON (or any object of the
// schema's shape) from r and adds it to dst, merging entities and
// relations exactly as Graph.Add does; into an empty graph it gives back
// the graph that was written. Mentions and evidence without a "doc" are
// taken to belong to the only document listed under "docs", or to "" when
// none is listed. It returns an error, and leaves dst unchanged, for malformed
// JSON, unknown entity, relation or modality names, duplicate entity IDs
// and relations that name an unknown entity.
func ReadJSON(r io.Reader, dst *Graph) error {
	if dst == nil {
		return errors.New("relations: ReadJSON into nil *Graph")
	}
	var in jsonGraph
	dec := json.NewDecoder(r)
	if err := dec.Decode(&in); err != nil {
		return fmt.Errorf("relations: reading JSON: %w", err)
	}
	defaultDoc := ""
	if len(in.Docs) == 1 {
		defaultDoc = in.Docs[0]
	}
	spans := func(js []jsonSpan) ([]Span, []string) {
		var ss []Span
		var docs []string
		for _, j := range js {
			d := j.Doc
			if d == "" {
				d = defaultDoc
			}
			ss = append(ss, Span{Doc: d, Start: j.Start, End: j.End, Text: j.Text})
			if !slices.Contains(docs, d) {
				docs = append(docs, d)
			}
		}
		return ss, docs
	}

	// Validate everything before touching dst.
	types := make([]entities.Type, len(in.Entities))
	index := make(map[string]int, len(in.Entities))
	for i, e := range in.Entities {
		t, err := entities.ParseType(e.Type)
		if err != nil {
			return fmt.Errorf("relations: entity %q: %w", e.ID, err)
		}
		if _, dup := index[e.ID]; dup {
			return fmt.Errorf("relations: duplicate entity ID %q", e.ID)
		}
		index[e.ID] = i
		types[i] = t
	}
	rels := make([]Relation, len(in.Relations))
	for i, jr := range in.Relations {
		t, err := ParseType(jr.Type)
		if err != nil {
			return err
		}
		m, err := parseModality(jr.Modality)
		if err != nil {
			return err
		}
		src, ok := index[jr.Source]
		if !ok {
			return fmt.Errorf("relations: %s relation from unknown entity %q", jr.Type, jr.Source)
		}
		tgt, ok := index[jr.Target]
		if !ok {
			return fmt.Errorf("relations: %s relation to unknown entity %q", jr.Type, jr.Target)
		}
		rels[i] = Relation{Type: t, Source: src, Target: tgt, Title: jr.Title, Former: jr.Former,
			Modality: m, Confidence: jr.Confidence, When: jr.When, Date: jr.Date}
	}

	dates := make(map[string]time.Time, len(in.DocDates))
	for d, s := range in.DocDates {
		t, err := parseDate(s)
		if err != nil {
			return fmt.Errorf("relations: document %q: bad date %q", d, s)
		}
		dates[d] = t
	}

	for _, d := range in.Docs {
		dst.addDoc(d)
	}
	for d, t := range dates {
		dst.SetDocDate(d, t)
	}
	nodes := make([]*Node, len(in.Entities))
	for i, e := range in.Entities {
		ms, docs := spans(e.Mentions)
		if len(docs) == 0 && defaultDoc != "" {
			docs = []string{defaultDoc}
		}
		for _, d := range docs {
			dst.addDoc(d)
		}
		nodes[i] = dst.mergeNode(e.Name, types[i], e.Aliases, e.Country, ms, docs)
	}
	for i, jr := range in.Relations {
		ev, docs := spans(jr.Evidence)
		if len(docs) == 0 && defaultDoc != "" {
			docs = []string{defaultDoc}
		}
		for _, d := range docs {
			dst.addDoc(d)
		}
		mentions := jr.Mentions
		if mentions <= 0 {
			mentions = max(1, len(ev))
		}
		dst.mergeEdge(rels[i], nodes[rels[i].Source], nodes[rels[i].Target], ev, mentions, docs)
	}
	return nil
}

// parseModality reads a modality as the schema spells it; "" is asserted.
func parseModality(s string) (Modality, error) {
	if s == "" {
		return Asserted, nil
	}
	for i, name := range modalityNames {
		if name == s {
			return Modality(i), nil
		}
	}
	return Asserted, fmt.Errorf("relations: unknown modality %q", s)
}

// dotGraph adds graph-level DOT attributes to a Graph, and gives its lines
// IDs in the order of Graph.Relations, so that the DOT encoder, which
// writes lines in ID order, writes them in that order too.
type dotGraph struct {
	*Graph
	rank map[*Edge]int64
}

// dotLine is an Edge with the ID that orders it in DOT output.
type dotLine struct {
	*Edge
	id int64
}

// ID implements graph.Line.
func (l dotLine) ID() int64 { return l.id }

// Lines implements graph.Multigraph with lines ordered as Graph.Relations.
func (g dotGraph) Lines(uid, vid int64) graph.Lines {
	ls := graph.LinesOf(g.Graph.Lines(uid, vid))
	if len(ls) == 0 {
		return graph.Empty
	}
	out := make([]graph.Line, 0, len(ls))
	for _, l := range ls {
		e := l.(*Edge)
		out = append(out, dotLine{Edge: e, id: g.rank[e]})
	}
	return iterator.NewOrderedLines(out)
}

// DOTAttributers implements dot.Attributers.
func (dotGraph) DOTAttributers() (graph, node, edge encoding.Attributer) {
	return &encoding.Attributes{{Key: "rankdir", Value: "LR"}}, nil, nil
}

// WriteDOT writes g in Graphviz DOT, with gonum's graph/encoding/dot, as
// a digraph named "newsgraph" laid out left to right. Nodes are written by entity ID, labelled
// with the entity name and shaped by type (PERSON ellipse, ORG box, GPE
// house, LOC hexagon, NORP note, MISC diamond). Edges are labelled with the
// relation type, coloured by polarity (green cooperative, red conflictual,
// grey neutral), drawn with arrows at both ends when symmetric, and dashed
// unless asserted. Nodes are written in ID order and edges in the order of
// Graph.Relations, so the same graph always gives the same bytes.
func WriteDOT(w io.Writer, g *Graph) error {
	rank := make(map[*Edge]int64, len(g.edges))
	for i, e := range g.Relations() {
		rank[e] = int64(i)
	}
	b, err := dot.MarshalMulti(dotGraph{g, rank}, "newsgraph", "", "  ")
	if err != nil {
		return fmt.Errorf("relations: %w", err)
	}
	b = append(bytes.TrimRight(b, "\n"), '\n')
	_, err = w.Write(b)
	return err
}

// DOTID returns the entity ID, the node's DOT ID; it implements dot.Node.
func (n *Node) DOTID() string { return n.EntityID }

// Attributes returns the node's DOT attributes: label and shape; it
// implements encoding.Attributer.
func (n *Node) Attributes() []encoding.Attribute {
	shape := "ellipse"
	switch n.Type {
	case entities.Org:
		shape = "box"
	case entities.GPE:
		shape = "house"
	case entities.Loc:
		shape = "hexagon"
	case entities.NORP:
		shape = "note"
	case entities.Misc:
		shape = "diamond"
	}
	return []encoding.Attribute{{Key: "label", Value: n.Name}, {Key: "shape", Value: shape}}
}

// Attributes returns the edge's DOT attributes: label, colour, and style
// for relations that are not asserted; it implements encoding.Attributer.
func (e *Edge) Attributes() []encoding.Attribute {
	color := "grey"
	switch e.Type.Polarity() {
	case Cooperative:
		color = "green"
	case Conflictual:
		color = "red"
	}
	as := []encoding.Attribute{{Key: "label", Value: e.Type.String()}, {Key: "color", Value: color}}
	if e.Type.Symmetric() {
		as = append(as, encoding.Attribute{Key: "dir", Value: "both"})
	}
	if e.Modality != Asserted {
		as = append(as, encoding.Attribute{Key: "style", Value: "dashed"})
	}
	return as
}
