package events

import (
	"cmp"
	"fmt"
	"slices"
	"sync"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/relations"
)

// Row is one event: one occurrence (one evidence sentence) of a relation
// that CAMEO codes as an event. Its fields are the columns of the TSV and
// JSON-lines outputs, in order, named by their json tags.
type Row struct {
	// Article is the document's ID (file name or JSON-lines id).
	Article string `json:"article"`
	// Date is the event's date as the text places it ("2025-10-15",
	// "2025-07"), else the article's date, else "".
	Date string `json:"date"`
	// DateFrom says where Date comes from: "event", "article" or "".
	DateFrom string `json:"date_from"`

	// Source* and Target* describe the two actors (see Actor): name,
	// entity type, CAMEO actor code, ISO 3166-1 alpha-3 country, role code
	// and known-group code; the codes are "" where nothing is known.
	Source        string `json:"source"`
	SourceType    string `json:"source_type"`
	SourceCode    string `json:"source_code"`
	SourceCountry string `json:"source_country"`
	SourceRole    string `json:"source_role"`
	SourceGroup   string `json:"source_group"`
	Target        string `json:"target"`
	TargetType    string `json:"target_type"`
	TargetCode    string `json:"target_code"`
	TargetCountry string `json:"target_country"`
	TargetRole    string `json:"target_role"`
	TargetGroup   string `json:"target_group"`

	// Relation is the newsgraph relation type ("VISIT").
	Relation string `json:"relation"`
	// EventCode is the CAMEO code at the most specific level the relation
	// and its cue words support; BaseCode its three-digit and RootCode its
	// two-digit ancestor.
	EventCode string  `json:"event_code"`
	BaseCode  string  `json:"base_code"`
	RootCode  string  `json:"root_code"`
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`
	EventName string  `json:"event_name"`
	// PloverEvent, PloverMode and PloverContext are the PLOVER 2021
	// category, mode and contexts of EventCode; see Code.PLOVERParts.
	PloverEvent   string `json:"plover_event"`
	PloverMode    string `json:"plover_mode"`
	PloverContext string `json:"plover_context"`
	// CodeCue is the cue (data/eventcodes.tsv) that chose a code more
	// specific than the relation's default, or "".
	CodeCue    string  `json:"code_cue"`
	Modality   string  `json:"modality"`
	Confidence float64 `json:"confidence"`
	// EvidenceStart and EvidenceEnd are byte offsets of the evidence
	// sentence in the article's text, end exclusive.
	EvidenceStart int    `json:"evidence_start"`
	EvidenceEnd   int    `json:"evidence_end"`
	Evidence      string `json:"evidence"`
}

// Coder turns relations into CAMEO-coded event rows. Build it once (New
// or Default); it is read-only afterwards and safe for concurrent use.
type Coder struct {
	t  *tables
	gz *entities.Gazetteer
}

// New returns a coder over the embedded code tables that reads
// organisation kinds and country codes from gz.
func New(gz *entities.Gazetteer) (*Coder, error) {
	if gz == nil {
		return nil, fmt.Errorf("events: nil gazetteer")
	}
	t, err := loadTables(dataFS)
	if err != nil {
		return nil, err
	}
	return &Coder{t: t, gz: gz}, nil
}

var defaultCoder = sync.OnceValues(func() (*Coder, error) {
	gz, err := entities.DefaultGazetteer()
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return New(gz)
})

// Default returns the coder over the embedded tables and the default
// gazetteer, built once.
func Default() (*Coder, error) { return defaultCoder() }

// Code returns the row of the CAMEO code table for code ("042").
func (c *Coder) Code(code string) (Code, bool) {
	x, ok := c.t.codes[code]
	return x, ok
}

// IsEvent reports whether relations of type t are coded as events.
func (c *Coder) IsEvent(t relations.Type) bool { return len(c.t.rules[t]) > 0 }

// occurrence is one relation occurrence to code.
type occurrence struct {
	doc        string
	typ        relations.Type
	src, dst   int
	modality   relations.Modality
	conf       float64
	date       string
	dateFrom   string
	start, end int
	text       string
}

// Document returns the event rows of one document, in text order. id is
// the article's ID. Relations whose type is not an event, or whose source
// or target is out of range, give no rows; a relation gives one row per
// evidence sentence.
func (c *Coder) Document(id string, doc *newsgraph.Document) []Row {
	if doc == nil || doc.Document == nil {
		return nil
	}
	ps := make([]party, len(doc.Entities))
	for i, e := range doc.Entities {
		ps[i] = party{name: e.Name, typ: e.Type, country: e.Country, aliases: e.Aliases}
	}
	for _, r := range doc.Relations {
		addRole(ps, r.Type, r.Source, r.Target, r.Title, r.Former, r.Confidence)
	}
	var occ []occurrence
	for _, r := range doc.Relations {
		if !c.IsEvent(r.Type) || r.Source < 0 || r.Source >= len(ps) || r.Target < 0 || r.Target >= len(ps) {
			continue
		}
		date, from := r.Date, "event"
		if date == "" {
			date, from = relations.FormatDate(doc.Date), "article"
		}
		if date == "" {
			from = ""
		}
		for _, ev := range r.Evidence {
			if doc.CheckSpan(ev.Start, ev.End) != nil {
				continue
			}
			occ = append(occ, occurrence{id, r.Type, r.Source, r.Target, r.Modality, r.Confidence,
				date, from, ev.Start, ev.End, doc.Text[ev.Start:ev.End]})
		}
	}
	slices.SortStableFunc(occ, func(a, b occurrence) int { return cmp.Compare(a.start, b.start) })
	return c.rows(ps, occ)
}

// Graph returns the event rows of a corpus graph: one per evidence span
// of each event edge, ordered by document (in the order added) and
// offset. An edge keeps the modality of its first occurrence and the
// date its text gives in its first document; in later documents the date
// is the document's (Graph.DocDate). Roles come from the graph's
// LEADER_OF, OFFICIAL_OF and MEMBER_OF edges.
func (c *Coder) Graph(g *relations.Graph) []Row {
	if g == nil {
		return nil
	}
	nodes := g.Entities()
	ps := make([]party, len(nodes))
	for i, n := range nodes {
		ps[i] = party{name: n.Name, typ: n.Type, country: n.Country, aliases: n.Aliases}
	}
	edges := g.Relations()
	for _, e := range edges {
		addRole(ps, e.Type, int(e.Source.ID()), int(e.Target.ID()), e.Title, e.Former, e.Confidence)
	}
	docIndex := map[string]int{}
	for i, d := range g.Documents() {
		docIndex[d] = i
	}
	var occ []occurrence
	for _, e := range edges {
		if !c.IsEvent(e.Type) {
			continue
		}
		for _, ev := range e.Evidence {
			date, from := "", ""
			if len(e.Documents) > 0 && ev.Doc == e.Documents[0] && e.Date != "" {
				date, from = e.Date, "event"
			} else if d := relations.FormatDate(g.DocDate(ev.Doc)); d != "" {
				date, from = d, "article"
			}
			occ = append(occ, occurrence{ev.Doc, e.Type, int(e.Source.ID()), int(e.Target.ID()), e.Modality,
				e.Confidence, date, from, ev.Start, ev.End, ev.Text})
		}
	}
	slices.SortStableFunc(occ, func(a, b occurrence) int {
		if c := cmp.Compare(docIndex[a.doc], docIndex[b.doc]); c != 0 {
			return c
		}
		return cmp.Compare(a.start, b.start)
	})
	return c.rows(ps, occ)
}

// rows codes the occurrences.
func (c *Coder) rows(ps []party, occ []occurrence) []Row {
	actors := make([]*Actor, len(ps))
	actor := func(i int) Actor {
		if actors[i] == nil {
			a := c.actor(ps, i)
			actors[i] = &a
		}
		return *actors[i]
	}
	// One sentence often states several relations: split it once.
	sentWords := map[string][]string{}
	out := make([]Row, 0, len(occ))
	for _, o := range occ {
		src, dst := actor(o.src), actor(o.dst)
		ws, ok := sentWords[o.text]
		if !ok {
			ws = words(o.text)
			sentWords[o.text] = ws
		}
		code, cue := c.eventCode(o.typ, o.modality, src.Role, ws)
		x := c.t.codes[code]
		pe, pm, pc := x.PLOVERParts()
		out = append(out, Row{
			Article: o.doc, Date: o.date, DateFrom: o.dateFrom,
			Source: src.Name, SourceType: src.Type.String(), SourceCode: src.Code,
			SourceCountry: src.Country, SourceRole: src.Role, SourceGroup: src.Group,
			Target: dst.Name, TargetType: dst.Type.String(), TargetCode: dst.Code,
			TargetCountry: dst.Country, TargetRole: dst.Role, TargetGroup: dst.Group,
			Relation:  o.typ.String(),
			EventCode: x.Code, BaseCode: x.Base(), RootCode: x.Root, QuadClass: x.QuadClass,
			Goldstein: x.Goldstein, EventName: x.Name,
			PloverEvent: pe, PloverMode: pm, PloverContext: pc, CodeCue: cue,
			Modality: o.modality.String(), Confidence: o.conf,
			EvidenceStart: o.start, EvidenceEnd: o.end, Evidence: o.text,
		})
	}
	return out
}

// eventCode picks the CAMEO code of a relation occurrence from the rules
// of data/eventcodes.tsv, given the words of its evidence, and the cue
// that chose it.
func (c *Coder) eventCode(t relations.Type, m relations.Modality, srcRole string, ws []string) (code, cue string) {
	rules := c.t.rules[t]
	for _, intended := range []bool{m == relations.Intended, false} {
		for _, r := range rules {
			if r.intended != intended {
				continue
			}
			if len(r.roles) > 0 && !slices.Contains(r.roles, srcRole) {
				continue
			}
			if len(r.cues) == 0 {
				return r.code, ""
			}
			if k := findCue(ws, r.cues); k != "" {
				return r.code, k
			}
		}
	}
	return "", ""
}
