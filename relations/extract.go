package relations

import (
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
	if x == nil || x.gaz == nil {
		return nil, errNoGazetteer
	}
	r := newReader(doc, x.gaz)
	for si := range doc.Sentences {
		r.roles(si)
		r.basedIn(si)
		r.compounds(si)
	}
	for si := range doc.Sentences {
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
	added     int            // entities before the first one countryEntity added
}

// bareTitle is a person with a title that names no state or body:
// "President Donald Trump".
type bareTitle struct {
	person      int // mention
	role        entities.Role
	first, last int // title tokens
	si          int
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

// token end (inclusive); it returns its first token and role.
func (r *reader) titleEndingAt(end int, s entities.Sentence) (int, entities.Role) {
	for n := 3; n >= 1; n-- {
		first := end - n + 1
		if first < s.First || end >= s.Last {
			continue
		}
		ok := true
		for t := first; t <= end; t++ {
			if r.mentionAt[t] >= 0 {
				ok = false
			}
		}
		if !ok {
			continue
		}
		phrase := r.doc.Text[r.doc.Tokens[first].Start:r.doc.Tokens[end].End]
		if role := r.gaz.Title(phrase); role != entities.NoRole {
			return first, role
		}
	}
	return -1, entities.NoRole
}

// head", "Deputy Foreign Minister".
var titleModifiers = map[string]bool{
	"former": true, "interim": true, "acting": true, "deputy": true, "then": true, "new": true,
	"incoming": true, "outgoing": true, "late": true, "top": true, "senior": true, "chief": true,
	"vice": true, "caretaker": true, "transitional": true, "de": true, "facto": true, "current": true,
	"foreign": true, "state": true, "longtime": true, "veteran": true, "military": true,
	"defence": true, "defense": true, "top-ranking": true, "newly": true, "elected": true,
}

// sentence si: "Russian President Vladimir Putin", "Kremlin spokesperson
// Dmitry Peskov", "Rafael Grossi, head of the IAEA", "Hans Grundberg, the
// U.N. special envoy".
func (r *reader) roles(si int) {
	s := r.doc.Sentences[si]
	lo, hi := r.sentMentions(s)
	for mi := lo; mi < hi; mi++ {
		m := r.doc.Mentions[mi]
		if m.First < s.First || m.First >= s.Last || m.Entity < 0 || r.doc.Entities[m.Entity].Type != entities.Person {
			continue
		}
		if !r.preTitle(mi, si) {
			r.apposTitle(mi, si)
		}
	}
}

// and "TITLE of X PERSON".
func (r *reader) preTitle(mi, si int) bool {
	s := r.doc.Sentences[si]
	m := r.doc.Mentions[mi]
	j := m.First - 1
	// Honorifics and abbreviated ranks next to the name are not the
	// office: "Prince Faisal", "Niger's leader, Gen. Abdourahamane Tiani".
	for {
		if r.tokenIs(j, s, ".") && j-1 >= s.First && r.gaz.Title(r.lower[j-1]+".") != entities.NoRole && r.hasTitleBefore(j-1, s) {
			j -= 2 // "Burkina Faso's Capt . Ibrahim Traoré"
			continue
		}
		if f, ro := r.titleEndingAt(j, s); f >= 0 && (ro == entities.Courtesy || (f == j && strings.HasSuffix(r.lower[j], ".") && r.hasTitleBefore(f, s))) {
			j = f - 1
			continue
		}
		break
	}
	if r.tokenIs(j, s, ",") {
		j-- // "Oman's Foreign Minister, Badr Albusaidi"
	}
	tFirst, role := r.titleEndingAt(j, s)
	if tFirst < 0 {
		// "Secretary-General of NATO Mark Rutte", "the U.N. special envoy
		// for Yemen, Hans Grundberg": the body before the title employs;
		// the one after "of" does when there is none before.
		x := r.mentionEndingAt(j, s)
		if x < 0 || !r.tokenIs(r.doc.Mentions[x].First-1, s, "of", "for") {
			return false
		}
		tEnd := r.doc.Mentions[x].First - 2
		tf, ro := r.titleEndingAt(tEnd, s)
		if tf < 0 {
			return false
		}
		k := tf - 1
		for k >= s.First && r.mentionAt[k] < 0 && titleModifiers[r.lower[k]] {
			k--
		}
		if r.possessiveAt(k, s) {
			k--
		}
		if before := r.mentionEndingAt(k, s); before >= 0 {
			return r.addRole(m.Entity, before, ro, k+1, tEnd, si, 0.85)
		}
		if r.lower[r.doc.Mentions[x].First-1] != "of" {
			return false
		}
		return r.addRole(m.Entity, x, ro, tf, tEnd, si, 0.85)
	}
	tEnd := j
	// Stack modifiers: "former President", "Houthi military spokesman".
	k := tFirst - 1
	for k >= s.First && r.mentionAt[k] < 0 && titleModifiers[r.lower[k]] {
		k--
	}
	titleStart := k + 1
	if r.tokenIs(k, s, "its", "their") {
		// "the IAEA said its director general, Rafael Grossi": the body
		// is the nearest organisation or country before.
		for b := k - 1; b >= s.First; b-- {
			if x := r.mentionAt[b]; x >= 0 {
				if t := r.doc.Mentions[x].Type; t == entities.Org || t == entities.GPE {
					return r.addRole(m.Entity, x, role, titleStart, tEnd, si, 0.7)
				}
				break
			}
		}
		return false
	}
	if r.possessiveAt(k, s) {
		k--
	}
	x := r.mentionEndingAt(k, s)
	if x < 0 {
		r.bare = append(r.bare, bareTitle{person: mi, role: role, first: titleStart, last: tEnd, si: si})
		return false
	}
	return r.addRole(m.Entity, x, role, titleStart, tEnd, si, 0.9)
}

// perhaps after a comma: the rank at f is then not the office.
func (r *reader) hasTitleBefore(f int, s entities.Sentence) bool {
	k := f - 1
	if r.tokenIs(k, s, ",") {
		k--
	}
	t, _ := r.titleEndingAt(k, s)
	return t >= 0 || r.possessiveAt(k, s)
}

func (r *reader) apposTitle(mi, si int) bool {
	s := r.doc.Sentences[si]
	m := r.doc.Mentions[mi]
	j := m.Last
	if m.Last < s.Last && r.possessiveAt(m.Last, s) {
		return false
	}
	if !r.tokenIs(j, s, ",") {
		return false
	}
	j++
	indefinite := r.tokenIs(j, s, "a", "an")
	if r.tokenIs(j, s, "the", "a", "an") {
		j++
	}
	x := -1
	if j < s.Last && r.mentionAt[j] >= 0 {
		x = r.mentionAt[j]
		j = r.doc.Mentions[x].Last
		if r.possessiveAt(j, s) {
			j++
		} else if indefinite && r.doc.Mentions[x].Type == entities.NORP {
			return false // "Grundberg, a Swedish diplomat": a nationality, not an employer
		}
	}
	titleStart := j
	for j < s.Last && r.mentionAt[j] < 0 && titleModifiers[r.lower[j]] {
		j++
	}
	// Longest title starting at j.
	tEnd, role := -1, entities.NoRole
	for n := 3; n >= 1; n-- {
		if end := j + n - 1; end < s.Last {
			if f, ro := r.titleEndingAt(end, s); f == j {
				tEnd, role = end, ro
				break
			}
		}
	}
	if tEnd < 0 || r.possessiveAt(tEnd+1, s) {
		return false // "Kim Yo Jong, the North Korean leader's sister"
	}
	if x < 0 && r.tokenIs(tEnd+1, s, "of", "for", "at") {
		k := tEnd + 2
		if r.tokenIs(k, s, "the") {
			k++
		}
		if k < s.Last && r.mentionAt[k] >= 0 {
			x = r.mentionAt[k]
			if e := r.doc.Mentions[x].Last; r.possessiveAt(e, s) && role == entities.Leader {
				// "the head of France's Africa command": head of a unit
				// of the state, so one of its officials.
				role = entities.Official
			}
		}
	}
	if x < 0 {
		return false
	}
	return r.addRole(m.Entity, x, role, titleStart, tEnd, si, 0.85)
}

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

func (r *reader) isParty(e int) bool {
	ent := r.doc.Entities[e]
	if ent.Type != entities.Org {
		return false
	}
	for _, g := range r.gaz.Lookup(ent.Name) {
		if g.Type == entities.Org {
			return g.Kind == "party"
		}
	}
	w := strings.Fields(ent.Name)
	return len(w) > 1 && strings.EqualFold(w[len(w)-1], "party")
}

// for a place that is not itself a country: "Muscat, Oman", "Djibo, in
// northern Burkina Faso". A place the gazetteer knows must be in that
// country.
func (r *reader) locatedIn(si int) {
	s := r.doc.Sentences[si]
	lo, hi := r.sentMentions(s)
	for _, m := range r.doc.Mentions[lo:hi] {
		if m.First < s.First || m.First >= s.Last || !m.Type.IsPlace() || m.Entity < 0 || r.isCountry(m) {
			continue
		}
		j := m.Last
		if !r.tokenIs(j, s, ",") {
			continue
		}
		j++
		if r.tokenIs(j, s, "in") {
			j++
			if j < s.Last && r.mentionAt[j] < 0 && compass[r.lower[j]] {
				j++
			}
		}
		if j >= s.Last || r.mentionAt[j] < 0 {
			continue
		}
		n := r.doc.Mentions[r.mentionAt[j]]
		if !r.isCountry(n) || n.Entity == m.Entity || (m.Country != "" && m.Country != n.Country) {
			continue
		}
		r.add(Relation{Type: LocatedIn, Source: m.Entity, Target: n.Entity, Modality: Asserted, Confidence: 0.85}, si)
	}
}

var compass = map[string]bool{
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"north": true, "south": true, "east": true, "west": true,
}

func (r *reader) isCountry(m entities.Mention) bool {
	if m.Type != entities.GPE || m.Country == "" {
		return false
	}
	c := r.gaz.Country(m.Country)
	return c != nil && c.Name == m.Canonical
}

// Trump", "Prime Minister Benjamin Netanyahu") the country the text was
// just speaking of: the nearest country or nationality before the title
// in the same sentence, else in the sentence before. It is a guess, made
// only for people with no role found otherwise, and carries a low
// confidence.
func (r *reader) bareTitles() {
	hasRole := map[int]bool{}
	partners := map[int]map[int]bool{} // entities a person interacts with
	for _, rel := range r.rels {
		if rel.Type == LeaderOf || rel.Type == OfficialOf {
			hasRole[rel.Source] = true
			continue
		}
		for _, p := range [][2]int{{rel.Source, rel.Target}, {rel.Target, rel.Source}} {
			if partners[p[0]] == nil {
				partners[p[0]] = map[int]bool{}
			}
			partners[p[0]][p[1]] = true
		}
	}
	for _, b := range r.bare {
		ent := r.doc.Mentions[b.person].Entity
		if hasRole[ent] {
			continue
		}
		x := r.countryBefore(b.first, b.si, partners[ent])
		if x < 0 {
			continue
		}
		if r.addRole(ent, x, b.role, b.first, b.last, b.si, 0.5) {
			hasRole[ent] = true
		}
	}
}

// nationality), or of an institution with a country, before token t in
// sentence si and not among skip; failing that, the subject of the
// sentence before when it is one. It returns -1 when there is none.
func (r *reader) countryBefore(t, si int, skip map[int]bool) int {
	s := r.doc.Sentences[si]
	for k := t - 1; k >= s.First; k-- {
		if r.lower[k] == "that" && r.doc.Tokens[k].Tag == "IN" {
			return -1 // "Iran's IRNA reported that ... Sultan X": another clause
		}
		mi := r.mentionAt[k]
		if mi < 0 {
			continue
		}
		k = r.doc.Mentions[mi].First
		if r.statelike(mi) && r.governs(mi) {
			if e, _ := r.actor(mi); !skip[e] && !skip[r.doc.Mentions[mi].Entity] {
				return mi
			}
		}
	}
	if si == 0 {
		return -1
	}
	// The subject that opens the sentence before: "Israel, which ...".
	p := r.doc.Sentences[si-1]
	for k := p.First; k < p.Last && k <= p.First+1; k++ {
		if mi := r.mentionAt[k]; mi >= 0 {
			if r.statelike(mi) && r.doc.Mentions[mi].Type != entities.Org {
				return mi
			}
			return -1
		}
	}
	return -1
}

// holder: a country or nationality, or a state institution, but not a
// news agency or an international body.
func (r *reader) governs(mi int) bool {
	m := r.doc.Mentions[mi]
	if m.Type != entities.Org {
		return true
	}
	for _, e := range r.gaz.Lookup(m.Canonical) {
		if e.Type == entities.Org {
			return e.Kind == "gov" || e.Kind == "seat"
		}
	}
	return m.Canonical != "" // an institution named after its state
}

// an institution of a country.
func (r *reader) statelike(mi int) bool {
	m := r.doc.Mentions[mi]
	switch {
	case m.Country == "":
		return false
	case m.Type == entities.NORP, m.Type == entities.Org:
		return true
	case m.Type == entities.GPE:
		c := r.gaz.Country(m.Country)
		return c != nil && c.Name == m.Canonical
	}
	return false
}

// organisation: "Syrian news outlet SANA", "Iran's state-run IRNA news
// agency", and from "ORG, based in X" / "headquartered in X".
func (r *reader) basedIn(si int) {
	s := r.doc.Sentences[si]
	lo, hi := r.sentMentions(s)
	for mi := lo; mi < hi; mi++ {
		m := r.doc.Mentions[mi]
		if m.First < s.First || m.First >= s.Last || m.Entity < 0 || r.doc.Entities[m.Entity].Type != entities.Org {
			continue
		}
		// Before: X ('s) descriptor* ORG, descriptors being lower-case
		// nouns and adjectives.
		k := m.First - 1
		named := m.Last < s.Last && orgNouns[r.lower[m.Last]] // "IRNA news agency"
		if k >= s.First && r.mentionAt[k] < 0 && !orgNouns[r.lower[k]] && !r.possessiveAt(k, s) && !named && !stateWords[r.lower[k]] {
			continue // "its French acronym AES" says nothing of a base
		}
		for n := 0; k >= s.First && n < 4 && r.mentionAt[k] < 0 && isDescriptor(r.doc.TokenText(k), r.doc.Tokens[k].Tag); n++ {
			k--
		}
		if r.possessiveAt(k, s) {
			k--
		}
		if x := r.mentionEndingAt(k, s); x >= 0 && x != mi && r.doc.Mentions[x].End == r.doc.Tokens[k].End {
			if xt := r.doc.Mentions[x].Type; xt == entities.GPE || xt == entities.NORP {
				if c := r.doc.Mentions[x].Country; c != "" {
					if ci := r.countryEntity(c); ci >= 0 {
						r.add(Relation{Type: BasedIn, Source: m.Entity, Target: ci, Modality: Asserted, Confidence: 0.8}, si)
					}
				}
			}
		}
		// After: "ORG, based in X", "ORG, headquartered in X".
		k = m.Last
		if r.tokenIs(k, s, ",") {
			k++
		}
		if r.tokenIs(k, s, "based", "headquartered") && r.tokenIs(k+1, s, "in") {
			if k+2 < s.Last && r.mentionAt[k+2] >= 0 {
				x := r.mentionAt[k+2]
				if r.doc.Mentions[x].Type == entities.GPE {
					r.add(Relation{Type: BasedIn, Source: m.Entity, Target: r.doc.Mentions[x].Entity, Modality: Asserted, Confidence: 0.85}, si)
				}
			}
		}
	}
}

// named next: "news outlet SANA", "the broadcaster Imedi TV".
var orgNouns = map[string]bool{
	"news": true, "agency": true, "outlet": true, "broadcaster": true, "network": true, "channel": true,
	"newspaper": true, "daily": true, "paper": true, "tabloid": true, "media": true, "television": true,
	"tv": true, "radio": true, "station": true, "company": true, "firm": true, "group": true, "party": true,
	"movement": true, "bank": true, "carrier": true, "airline": true, "giant": true, "maker": true,
	"operator": true, "producer": true, "militia": true, "unit": true, "ministry": true, "service": true,
	"body": true, "regulator": true, "authority": true, "institute": true, "council": true, "court": true,
	"government": true, "website": true, "portal": true, "magazine": true, "weekly": true, "insurgents": true,
	"rebels": true, "army": true, "navy": true, "coalition": true, "opposition": true, "organization": true,
	"organisation": true, "association": true, "union": true, "federation": true, "foundation": true,
}

// state-run IRNA", "North Korea's official KCNA".
var stateWords = map[string]bool{"state-run": true, "state-owned": true, "official": true, "state": true, "government-run": true}

// organisation it qualifies: a lower-case noun or adjective ("state-run",
// "news", "outlet"), not a verb or a function word.
func isDescriptor(w, tag string) bool {
	if w == "" || strings.ToLower(w) != w {
		return false
	}
	return strings.HasPrefix(tag, "NN") || tag == "JJ" || strings.HasSuffix(w, "-run") || strings.HasSuffix(w, "-owned")
}

// "the Tbilisi-based channel Formula" (BASED_IN), "the Iran-aligned
// Houthis" (ALLY_OF), "Iran-backed militias" (PROVIDE_AID).
func (r *reader) compounds(si int) {
	s := r.doc.Sentences[si]
	lo, hi := r.sentMentions(s)
	for mi := lo; mi < hi; mi++ {
		m := r.doc.Mentions[mi]
		tok := r.doc.Tokens[m.First]
		if m.Last != m.First+1 || m.End >= tok.End || r.doc.Text[m.End] != '-' {
			continue
		}
		suffix := strings.ToLower(r.doc.Text[m.End+1 : tok.End])
		k := m.Last
		for n := 0; k < s.Last && n < 3 && r.mentionAt[k] < 0 && isDescriptor(r.doc.TokenText(k), r.doc.Tokens[k].Tag); n++ {
			k++
		}
		if k >= s.Last || r.mentionAt[k] < 0 {
			continue
		}
		head := r.mentionAt[k]
		other, ot := r.actor(head)
		self, _ := r.actor(mi)
		if other < 0 || self < 0 {
			continue
		}
		switch suffix {
		case "based", "headquartered":
			if ot == entities.Org && m.Type == entities.GPE {
				r.add(Relation{Type: BasedIn, Source: other, Target: m.Entity, Modality: Asserted, Confidence: 0.85}, si)
			}
		case "aligned", "allied":
			r.add(Relation{Type: AllyOf, Source: other, Target: self, Modality: Asserted, Confidence: 0.75}, si)
		case "backed", "funded", "sponsored", "supported":
			r.add(Relation{Type: ProvideAid, Source: self, Target: other, Modality: Asserted, Confidence: 0.75}, si)
		}
	}
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
