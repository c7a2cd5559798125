package relations

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/entities"
)

// RuleExtractor finds relations with general rules: roles from titles and
// appositions, and interactions from trigger words whose arguments are
// found around them in the same sentence. It is quiet by design: a
// trigger without two fitting arguments yields nothing.
//
// Extract may append entities to the document for countries the text
// names only through a nationality ("Iranian Foreign Minister" names
// Iran), so that roles and state-level relations have a target; such an
// entity has no mentions.
//
// A *RuleExtractor is safe for concurrent use.
type RuleExtractor struct {
	gaz *entities.Gazetteer
	// KeepNegated keeps relations the text denies ("did not meet"),
	// marked with the Negated modality; by default they are dropped, as
	// they are no edges of the graph.
	KeepNegated bool
	// MinConfidence drops relations whose confidence is below it.
	MinConfidence float64
}

var _ Extractor = (*RuleExtractor)(nil)

// NewRuleExtractor returns an extractor that reads titles and countries
// from gaz.
func NewRuleExtractor(gaz *entities.Gazetteer) *RuleExtractor {
	return &RuleExtractor{gaz: gaz}
}

// Types lists the relation types the extractor can produce.
func (x *RuleExtractor) Types() []Type { return Types() }

// Extract returns the relations stated in doc, one per (type, source,
// target) with every sentence that states it as evidence, in order of
// first evidence.
func (x *RuleExtractor) Extract(doc *entities.Document) ([]Relation, error) {
	return x.ExtractContext(context.Background(), doc)
}

// ExtractContext is Extract that gives up with ctx's error, looked at
// before each sentence, when ctx is done.
func (x *RuleExtractor) ExtractContext(ctx context.Context, doc *entities.Document) ([]Relation, error) {
	if x == nil || x.gaz == nil {
		return nil, errNoGazetteer
	}
	r := newReader(doc, x.gaz)
	for si := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r.roles(si)
		r.basedIn(si)
		r.compounds(si)
		r.membership(si)
	}
	for si := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r.locatedIn(si)
		r.interactions(si)
	}
	r.bareTitles()
	r.hostedVisits()
	rels := r.result(x.KeepNegated, x.MinConfidence)
	for i := range rels {
		rels[i].Date = NormalizeWhen(rels[i].When, doc.Date)
	}
	r.pruneCountries(rels)
	return rels, nil
}

// reader holds one document's state while relations are read from it.
type reader struct {
	doc       *entities.Document
	gaz       *entities.Gazetteer
	lower     []string // lower-cased token texts
	mentionAt []int    // token → mention index, or -1
	rels      []Relation
	index     map[relKey]int
	countryOf map[int]string // entity → country, for people through their roles
	byCountry map[string]int // ISO code → country entity
	bare      []bareTitle    // people with a title that names no body
	sex       map[int]byte   // person entity → 'm', 'f' or 0, filled by sexOf
	possessed []possessed    // "China's Wang Yi"
	diplomat  map[int]bool   // entities in a meeting, visit or talks, filled by bareTitles
	added     int            // entities before the first one countryEntity added
	whens     []string       // sentence → its first time expression, filled by when
	whenDone  []bool
}

// bareTitle is a person with a title that names no state or body:
// "President Donald Trump".
type bareTitle struct {
	person      int // mention
	role        entities.Role
	first, last int // title tokens
	si          int
}

// possessed is a person named with a country's possessive and no title:
// "China's Wang Yi".
type possessed struct {
	person, country int // mentions
	si              int
}

type relKey struct {
	t        Type
	src, dst int
}

func newReader(doc *entities.Document, gaz *entities.Gazetteer) *reader {
	r := &reader{
		doc: doc, gaz: gaz,
		lower:     make([]string, len(doc.Tokens)),
		mentionAt: make([]int, len(doc.Tokens)),
		index:     map[relKey]int{},
		countryOf: map[int]string{},
		byCountry: map[string]int{},
		sex:       map[int]byte{},
		whens:     make([]string, len(doc.Sentences)),
		whenDone:  make([]bool, len(doc.Sentences)),
	}
	r.added = len(doc.Entities)
	for i := range doc.Tokens {
		r.lower[i] = strings.ToLower(strings.ReplaceAll(doc.TokenText(i), "\u2019", "'"))
		r.mentionAt[i] = -1
	}
	for mi, m := range doc.Mentions {
		for t := m.First; t < m.Last && t < len(r.mentionAt); t++ {
			if t >= 0 {
				r.mentionAt[t] = mi
			}
		}
	}
	for ei, e := range doc.Entities {
		if e.Country != "" {
			r.countryOf[ei] = e.Country
		}
		if e.Type == entities.GPE && e.Country != "" {
			if c := gaz.Country(e.Country); c != nil && c.Name == e.Name {
				r.byCountry[e.Country] = ei
			}
		}
	}
	return r
}

// countryEntity returns the entity of the country with the given code,
// adding one without mentions when the text has none.
func (r *reader) countryEntity(code string) int {
	if ei, ok := r.byCountry[code]; ok {
		return ei
	}
	c := r.gaz.Country(code)
	if c == nil {
		return -1
	}
	ei := len(r.doc.Entities)
	r.doc.Entities = append(r.doc.Entities, entities.Entity{
		ID: "e" + strconv.Itoa(ei+1), Name: c.Name, Type: entities.GPE, Country: code,
	})
	r.byCountry[code] = ei
	r.countryOf[ei] = code
	return ei
}

// pruneCountries removes the countries countryEntity added that no
// relation kept, and renumbers the rest.
func (r *reader) pruneCountries(rels []Relation) {
	used := map[int]bool{}
	for _, rel := range rels {
		used[rel.Source], used[rel.Target] = true, true
	}
	remap := map[int]int{}
	kept := r.doc.Entities[:r.added]
	for i := r.added; i < len(r.doc.Entities); i++ {
		if used[i] {
			e := r.doc.Entities[i]
			remap[i] = len(kept)
			e.ID = "e" + strconv.Itoa(len(kept)+1)
			kept = append(kept, e)
		}
	}
	r.doc.Entities = kept
	for i := range rels {
		if n, ok := remap[rels[i].Source]; ok {
			rels[i].Source = n
		}
		if n, ok := remap[rels[i].Target]; ok {
			rels[i].Target = n
		}
	}
}

// actor returns the entity a mention stands for as an argument: its own,
// or for a nationality its country's.
func (r *reader) actor(mi int) (int, entities.Type) {
	m := r.doc.Mentions[mi]
	if m.Entity < 0 || m.Entity >= len(r.doc.Entities) {
		return -1, entities.None
	}
	e := r.doc.Entities[m.Entity]
	if e.Type == entities.NORP {
		if e.Country == "" {
			return -1, entities.None
		}
		// The country itself when the text names it; else the
		// nationality, which add turns into its country only where the
		// relation needs a state.
		if ci, ok := r.byCountry[e.Country]; ok {
			return ci, entities.GPE
		}
	}
	return m.Entity, e.Type
}

// asState returns the country entity for a nationality entity e, added
// when the text does not name it, or e itself for any other entity.
func (r *reader) asState(e int) int {
	ent := r.doc.Entities[e]
	if ent.Type != entities.NORP || ent.Country == "" {
		return e
	}
	if ci := r.countryEntity(ent.Country); ci >= 0 {
		return ci
	}
	return e
}

// metonym returns the state a capital or seat of government stands for
// when the text uses it as an actor ("Moscow has dispatched oil", "the
// Kremlin denied"), else e. Places stay places where a relation needs
// one: the target of a visit, a presence, a location or a base; roles
// keep the institution they name.
func (r *reader) metonym(e int, t Type, source bool) int {
	switch t {
	case LeaderOf, OfficialOf, MemberOf, BasedIn, LocatedIn:
		return e
	case Visit, MilitaryPresenceIn:
		if !source {
			return e
		}
	}
	ent := r.doc.Entities[e]
	if body := r.gaz.BodyAt(ent.Name); body != "" && ent.Type == entities.GPE {
		// "Brussels froze the talks": the EU, when the text names it,
		// and never Belgium.
		for i, x := range r.doc.Entities {
			if x.Type == entities.Org && x.Name == body {
				return i
			}
		}
		return e
	}
	if ent.Country == "" || (ent.Type != entities.GPE && ent.Type != entities.Org) {
		return e
	}
	c := r.gaz.Country(ent.Country)
	if c == nil || c.Name == ent.Name {
		return e
	}
	seat := ent.Name == c.Capital
	for _, x := range c.Seats {
		seat = seat || x == ent.Name
	}
	if !seat {
		return e
	}
	if s := r.countryEntity(ent.Country); s >= 0 {
		return s
	}
	return e
}

// add records a relation found in sentence si, merging it with an earlier
// one of the same type and arguments.
func (r *reader) add(rel Relation, si int) bool {
	if rel.Source < 0 || rel.Target < 0 {
		return false
	}
	rel.Source = r.metonym(rel.Source, rel.Type, true)
	rel.Target = r.metonym(rel.Target, rel.Type, false)
	if rel.Source == rel.Target {
		return false
	}
	st, dt := r.doc.Entities[rel.Source].Type, r.doc.Entities[rel.Target].Type
	if !rel.Type.Allows(st, dt) {
		// A nationality acts as its state: "Russian bases in Syria".
		if st == entities.NORP && rel.Type.Allows(entities.GPE, dt) {
			rel.Source, st = r.asState(rel.Source), entities.GPE
		}
		if dt == entities.NORP && rel.Type.Allows(st, entities.GPE) {
			rel.Target, dt = r.asState(rel.Target), entities.GPE
		}
		if !rel.Type.Allows(st, dt) || rel.Source == rel.Target {
			return false
		}
	}
	k := relKey{rel.Type, rel.Source, rel.Target}
	if rel.Type.Symmetric() && rel.Source > rel.Target {
		k.src, k.dst = k.dst, k.src
	}
	s := r.doc.Sentences[si]
	ev := Evidence{Start: s.Start, End: s.End, Text: r.doc.Text[s.Start:s.End]}
	if i, ok := r.index[k]; ok {
		old := &r.rels[i]
		for _, e := range old.Evidence {
			if e.Start == ev.Start {
				return true
			}
		}
		old.Evidence = append(old.Evidence, ev)
		if rel.Confidence > old.Confidence {
			old.Confidence = rel.Confidence
		}
		if old.When == "" {
			old.When = rel.When
		}
		// Asserted once beats intended or reported elsewhere.
		if rel.Modality == Asserted {
			old.Modality = Asserted
		}
		return true
	}
	rel.Evidence = []Evidence{ev}
	r.index[k] = len(r.rels)
	r.rels = append(r.rels, rel)
	return true
}

func (r *reader) result(keepNegated bool, minConf float64) []Relation {
	out := r.rels[:0]
	for _, rel := range r.rels {
		if (rel.Modality != Negated || keepNegated) && rel.Confidence >= minConf {
			out = append(out, rel)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Evidence[0].Start < out[b].Evidence[0].Start })
	return out
}

// sentMentions returns the range of mentions, in document order, that
// start in sentence s.
func (r *reader) sentMentions(s entities.Sentence) (int, int) {
	ms := r.doc.Mentions
	lo := sort.Search(len(ms), func(i int) bool { return ms[i].First >= s.First })
	hi := sort.Search(len(ms), func(i int) bool { return ms[i].First >= s.Last })
	return lo, hi
}

// tokenIs reports whether token i is within the sentence and one of words.
func (r *reader) tokenIs(i int, s entities.Sentence, words ...string) bool {
	if i < s.First || i >= s.Last {
		return false
	}
	for _, w := range words {
		if r.lower[i] == w {
			return true
		}
	}
	return false
}

func (r *reader) possessiveAt(i int, s entities.Sentence) bool {
	return r.tokenIs(i, s, "'s", "'")
}

// mentionEndingAt returns the mention whose last token is t, or -1.
func (r *reader) mentionEndingAt(t int, s entities.Sentence) int {
	if t < s.First || t >= s.Last {
		return -1
	}
	mi := r.mentionAt[t]
	if mi >= 0 && r.doc.Mentions[mi].Last-1 == t {
		return mi
	}
	return -1
}

// hostedVisits reads a visit into every hosting of a guest from another
// country: when a state's leader or official hosts someone, the guest has
// come to that state ("Putin welcomed al-Sharaa at the Kremlin"). The
// host's country comes from its role.
func (r *reader) hostedVisits() {
	n := len(r.rels)
	for i := 0; i < n; i++ {
		h := r.rels[i]
		if h.Type != Host || h.Modality == Negated {
			continue
		}
		hc, gc := r.countryOf[h.Source], r.countryOf[h.Target]
		if hc == "" || hc == gc || r.doc.Entities[h.Target].Type != entities.Person {
			continue
		}
		state := r.countryEntity(hc)
		if state < 0 {
			continue
		}
		si := r.doc.SentenceOf(r.tokenAt(h.Evidence[0].Start))
		if si < 0 {
			continue
		}
		r.add(Relation{Type: Visit, Source: h.Target, Target: state, Modality: h.Modality, When: h.When, Confidence: 0.6}, si)
	}
}

// tokenAt returns the index of the token starting at or after byte off.
func (r *reader) tokenAt(off int) int {
	return sort.Search(len(r.doc.Tokens), func(i int) bool { return r.doc.Tokens[i].Start >= off })
}
