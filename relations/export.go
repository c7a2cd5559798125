package relations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"

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
	DocIDs    []string   `json:"doc_ids,omitempty"`
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
	DocIDs     []string   `json:"doc_ids,omitempty"`
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
// An entity that a relation implies without the text naming it (the
// country of a "Norwegian Prime Minister" who leads it) has empty
// "mentions"; its "doc_ids" still say which articles imply it.
//
// The object also lists the document IDs under "docs". When the graph
// holds more than one document, each mention and evidence span carries its
// "doc", each entity and relation the number of its "documents" and their
// IDs ("doc_ids", so that an entity known only by implication, without a
// mention, keeps its articles), and each relation the number of its
// "mentions" (occurrences); for a single
// document these are left out, giving the schema's exact shape. Documents
// with a date (Graph.AddDated) are listed under "doc_dates", and the
// entities and relations they occur in carry "first_seen" and
// "last_seen" (FormatDay); undated graphs leave these out.
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
		if !g.docSet[d] {
			continue // dated but never added
		}
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
			FirstSeen: FormatDay(n.FirstSeen),
			LastSeen:  FormatDay(n.LastSeen),
			Mentions:  make([]jsonSpan, 0, len(n.Mentions)),
		}
		for _, m := range n.Mentions {
			e.Mentions = append(e.Mentions, span(m))
		}
		if multiDoc {
			e.Documents = len(n.Documents)
			e.DocIDs = n.Documents
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
			FirstSeen:  FormatDay(e.FirstSeen),
			LastSeen:   FormatDay(e.LastSeen),
			Evidence:   make([]jsonSpan, 0, len(e.Evidence)),
		}
		for _, x := range e.Evidence {
			r.Evidence = append(r.Evidence, span(x))
		}
		if multiDoc {
			r.Documents = len(e.Documents)
			r.DocIDs = e.Documents
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

// MaxOffset bounds the byte offsets ReadJSON accepts in mentions and
// evidence: 1 GiB, far above the largest document the pipeline takes.
const MaxOffset = 1 << 30

// DuplicateDocError is the error of ReadJSON for a graph file that holds
// a document already in the destination graph: merging it would count
// its mentions twice.
type DuplicateDocError struct {
	// Doc is the ID of the document.
	Doc string
}

// Error implements error.
func (e *DuplicateDocError) Error() string {
	return fmt.Sprintf("relations: article %q is already in the graph; merging it again would count it twice", e.Doc)
}

// ReadJSON reads a graph written by WriteJSON (or any object of the
// schema's shape) from r and adds it to dst, merging its entities into
// the entities of dst as Graph.Add does, and its relations likewise;
// entities of the file are not merged with each other, so that into an
// empty graph it gives back the graph that was written, and WriteJSON
// then writes the same bytes. Mentions and evidence without a "doc" are
// taken to belong to the only document listed under "docs", or to ""
// when none is listed; entities and relations without "doc_ids" occur in
// the documents of their mentions and evidence.
//
// Reading is strict: it returns an error naming the field and its place
// ("entities[3].mentions[0].start"), and leaves dst unchanged, for an
// empty file, anything but one JSON object (null, trailing data, two
// graphs), a missing "entities" or "relations", empty or duplicate IDs,
// unknown entity, relation or modality names, relations that name an
// unknown entity, a confidence outside [0, 1], negative counts, offsets
// outside [0, MaxOffset] or an end before its start, dates that are
// not YYYY-MM-DD or RFC 3339, documents not listed under "docs" (an
// empty ID is only the one unnamed article of an object read without
// "docs"), and spans without a "doc" when several are listed. A document already in dst gives a *DuplicateDocError.
func ReadJSON(r io.Reader, dst *Graph) error {
	if dst == nil {
		return errors.New("relations: ReadJSON into nil *Graph")
	}
	var in *jsonGraph
	dec := json.NewDecoder(r)
	if err := dec.Decode(&in); err != nil {
		return decodeError(err)
	}
	end := dec.InputOffset()
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("relations: data after the graph object at offset %d", end)
	}
	if err := in.check(); err != nil {
		return err
	}
	for _, d := range in.Docs {
		if dst.docSet[d] {
			return &DuplicateDocError{Doc: d}
		}
	}
	defaultDoc := ""
	if len(in.Docs) == 1 {
		defaultDoc = in.Docs[0]
	}
	spans := func(js []jsonSpan, ids []string) ([]Span, []string) {
		ss := make([]Span, 0, len(js))
		docs := ids
		seen := map[string]bool{}
		for _, j := range js {
			d := j.Doc
			if d == "" {
				d = defaultDoc
			}
			ss = append(ss, Span{Doc: d, Start: j.Start, End: j.End, Text: j.Text})
			if ids == nil && !seen[d] {
				seen[d] = true
				docs = append(docs, d)
			}
		}
		if len(docs) == 0 && defaultDoc != "" {
			docs = []string{defaultDoc}
		}
		return ss, docs
	}

	types := make([]entities.Type, len(in.Entities))
	index := make(map[string]int, len(in.Entities))
	for i, e := range in.Entities {
		types[i], _ = entities.ParseType(e.Type)
		index[e.ID] = i
	}
	rels := make([]Relation, len(in.Relations))
	for i, jr := range in.Relations {
		t, _ := ParseType(jr.Type)
		m, _ := parseModality(jr.Modality)
		rels[i] = Relation{Type: t, Source: index[jr.Source], Target: index[jr.Target], Title: jr.Title, Former: jr.Former,
			Modality: m, Confidence: jr.Confidence, When: jr.When, Date: jr.Date}
	}

	for _, d := range in.Docs {
		dst.addDoc(d)
	}
	for d, s := range in.DocDates {
		t, _ := parseDate(s)
		dst.SetDocDate(d, t)
	}
	fresh := int64(len(dst.nodes))
	nodes := make([]*Node, len(in.Entities))
	for i, e := range in.Entities {
		ms, docs := spans(e.Mentions, e.DocIDs)
		for _, d := range docs {
			dst.addDoc(d)
		}
		nodes[i] = dst.mergeNode(e.Name, "", types[i], e.Aliases, e.Country, ms, docs, fresh)
	}
	for i, jr := range in.Relations {
		ev, docs := spans(jr.Evidence, jr.DocIDs)
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

// decodeError words an error of encoding/json for a graph file, with the
// place it occurred.
func decodeError(err error) error {
	if err == io.EOF {
		return errors.New("relations: empty graph file")
	}
	if se, ok := errors.AsType[*json.SyntaxError](err); ok {
		return fmt.Errorf("relations: graph file is not valid JSON at offset %d: %v", se.Offset, se)
	}
	if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		want := map[reflect.Kind]string{reflect.Int: "an integer", reflect.Float64: "a number", reflect.String: "a string",
			reflect.Bool: "true or false", reflect.Slice: "a list", reflect.Map: "an object", reflect.Struct: "an object"}[te.Type.Kind()]
		if te.Field == "" {
			return fmt.Errorf("relations: graph file holds a JSON %s, not a graph object", te.Value)
		}
		return fmt.Errorf("relations: %s at offset %d: a JSON %s where %s is wanted", te.Field, te.Offset, te.Value, want)
	}
	if err == io.ErrUnexpectedEOF {
		return errors.New("relations: graph file ends in the middle of the graph")
	}
	return fmt.Errorf("relations: reading graph: %w", err)
}

// check validates a graph read from a file, before anything is added to
// a graph; its errors name the field at fault and its place.
func (in *jsonGraph) check() error {
	if in == nil {
		return errors.New("relations: graph file holds null, not a graph object")
	}
	if in.Entities == nil {
		return errors.New(`relations: graph object has no "entities"`)
	}
	if in.Relations == nil {
		return errors.New(`relations: graph object has no "relations"`)
	}
	fail := func(place, format string, args ...any) error {
		return fmt.Errorf("relations: %s: %s", place, fmt.Sprintf(format, args...))
	}
	listed := make(map[string]bool, len(in.Docs))
	for i, d := range in.Docs {
		switch {
		case d == "" && len(in.Docs) > 1:
			// "" alone is the unnamed article of an object without "docs".
			return fail(fmt.Sprintf("docs[%d]", i), "empty document ID")
		case listed[d]:
			return fail(fmt.Sprintf("docs[%d]", i), "document %q listed twice", d)
		}
		listed[d] = true
	}
	checkDoc := func(place, d string) error {
		if !listed[d] {
			return fail(place, "document %q is not listed under \"docs\"", d)
		}
		return nil
	}
	for d, s := range in.DocDates {
		if !listed[d] {
			return fail("doc_dates", "document %q is not listed under \"docs\"", d)
		}
		if _, err := parseDate(s); err != nil {
			return fail(fmt.Sprintf("doc_dates[%q]", d), "%q is not a date (YYYY-MM-DD or RFC 3339)", s)
		}
	}
	checkSpans := func(place string, js []jsonSpan) error {
		for k, j := range js {
			p := fmt.Sprintf("%s[%d]", place, k)
			switch {
			case j.Start < 0 || j.Start > MaxOffset:
				return fail(p+".start", "offset %d is outside [0, %d]", j.Start, MaxOffset)
			case j.End < j.Start || j.End > MaxOffset:
				return fail(p+".end", "offset %d is outside [start %d, %d]", j.End, j.Start, MaxOffset)
			}
			switch {
			case j.Doc != "":
				if err := checkDoc(p+".doc", j.Doc); err != nil {
					return err
				}
			case len(in.Docs) > 1:
				return fail(p+".doc", "missing, and \"docs\" lists %d documents", len(in.Docs))
			}
		}
		return nil
	}
	checkCommon := func(place string, documents int, ids []string, first, last string) error {
		if documents < 0 {
			return fail(place+".documents", "negative count %d", documents)
		}
		if ids != nil && documents != 0 && documents != len(ids) {
			return fail(place+".documents", "%d, but doc_ids lists %d", documents, len(ids))
		}
		seen := make(map[string]bool, len(ids))
		for k, d := range ids {
			p := fmt.Sprintf("%s.doc_ids[%d]", place, k)
			switch {
			case d == "":
				return fail(p, "empty document ID")
			case seen[d]:
				return fail(p, "document %q listed twice", d)
			}
			seen[d] = true
			if err := checkDoc(p, d); err != nil {
				return err
			}
		}
		for name, s := range map[string]string{"first_seen": first, "last_seen": last} {
			if s == "" {
				continue
			}
			if _, err := parseDate(s); err != nil {
				return fail(place+"."+name, "%q is not a date (YYYY-MM-DD or RFC 3339)", s)
			}
		}
		return nil
	}
	index := make(map[string]bool, len(in.Entities))
	for i, e := range in.Entities {
		place := fmt.Sprintf("entities[%d]", i)
		switch {
		case e.ID == "":
			return fail(place+".id", "empty entity ID")
		case index[e.ID]:
			return fail(place+".id", "duplicate entity ID %q", e.ID)
		}
		index[e.ID] = true
		if _, err := entities.ParseType(e.Type); err != nil {
			return fail(place+".type", "unknown entity type %q", e.Type)
		}
		if err := checkSpans(place+".mentions", e.Mentions); err != nil {
			return err
		}
		if err := checkCommon(place, e.Documents, e.DocIDs, e.FirstSeen, e.LastSeen); err != nil {
			return err
		}
	}
	for i, jr := range in.Relations {
		place := fmt.Sprintf("relations[%d]", i)
		if _, err := ParseType(jr.Type); err != nil {
			return fail(place+".type", "unknown relation type %q", jr.Type)
		}
		if _, err := parseModality(jr.Modality); err != nil {
			return fail(place+".modality", "unknown modality %q", jr.Modality)
		}
		if !index[jr.Source] {
			return fail(place+".source", "unknown entity %q", jr.Source)
		}
		if !index[jr.Target] {
			return fail(place+".target", "unknown entity %q", jr.Target)
		}
		if jr.Confidence < 0 || jr.Confidence > 1 {
			return fail(place+".confidence", "%v is outside [0, 1]", jr.Confidence)
		}
		if jr.Mentions < 0 {
			return fail(place+".mentions", "negative count %d", jr.Mentions)
		}
		if err := checkSpans(place+".evidence", jr.Evidence); err != nil {
			return err
		}
		if err := checkCommon(place, jr.Documents, jr.DocIDs, jr.FirstSeen, jr.LastSeen); err != nil {
			return err
		}
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
