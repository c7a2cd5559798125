package relations

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/entities"
)

// addRole records that a person leads (Leader) or serves (Official)
// the state or body of mention x, with the title tokens [tFirst, tEnd];
// a party's officials are its members, a deputy head an official.
func (r *reader) addRole(person, x int, role entities.Role, tFirst, tEnd, si int, conf float64) bool {
	typ := roleType(role)
	if typ == Invalid {
		return false
	}
	target, tt := r.actor(x)
	if tt == entities.NORP {
		target, tt = r.asState(target), entities.GPE
	}
	if tt == entities.Person && target != person {
		// "Celso Amorim, Lula's chief foreign policy adviser": whoever
		// serves a state's office holder serves the state.
		target, tt, typ = r.stateOfPerson(target), entities.GPE, OfficialOf
		conf -= 0.1
	}
	return r.addRoleTo(person, target, tt, typ, tFirst, tEnd, si, conf)
}

// stateOfPerson returns the country entity whose office person e holds,
// as found so far, or -1.
func (r *reader) stateOfPerson(e int) int {
	if e < 0 {
		return -1
	}
	if code := r.countryOf[e]; code != "" {
		return r.countryEntity(code)
	}
	return -1
}

// addRoleTo is addRole once the target entity is known.
func (r *reader) addRoleTo(person, target int, tt entities.Type, typ Type, tFirst, tEnd, si int, conf float64) bool {
	if target < 0 || (tt != entities.GPE && tt != entities.Org) {
		return false
	}
	if typ == OfficialOf && tt == entities.Org && tFirst == tEnd && (r.lower[tFirst] == "chief" || r.lower[tFirst] == "head") {
		typ = LeaderOf // "Communist Party chief To Lam", "IAEA chief Rafael Grossi"
	}
	if typ == OfficialOf && r.isParty(target) {
		typ = MemberOf // "a Georgian Dream lawmaker"
	}
	title := "" // tFirst > tEnd: no title words ("a force led by X")
	if tFirst <= tEnd {
		title = r.doc.Text[r.doc.Tokens[tFirst].Start:r.doc.Tokens[tEnd].End]
	}
	if tt == entities.GPE && strings.Contains(strings.ToLower(title), "opposition") {
		return false // "Israel's opposition leader" holds no office of Israel
	}
	if typ == LeaderOf {
		for _, w := range strings.Fields(strings.ToLower(title)) {
			if w == "deputy" || w == "vice" || w == "assistant" || w == "vice-chairman" || w == "vice-president" {
				typ = OfficialOf // "deputy chairman of Russia's Security Council"
			}
		}
	}
	former := strings.Contains(strings.ToLower(title), "former") || strings.Contains(strings.ToLower(title), "late ")
	title = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(title, "former"), "Former"))
	ok := r.add(Relation{Type: typ, Source: person, Target: target, Title: title, Former: former,
		Modality: Asserted, Confidence: conf}, si)
	if ok && r.countryOf[person] == "" {
		if c := r.countryOf[target]; c != "" {
			r.countryOf[person] = c
		}
	}
	return ok
}

// titleSpan returns the role of the title that tokens first..end (inclusive)
// spell, or NoRole; a title holds no mention.
func (r *reader) titleSpan(first, end int) entities.Role {
	for t := first; t <= end; t++ {
		if r.mentionAt[t] >= 0 {
			return entities.NoRole
		}
	}
	return r.gaz.Title(r.doc.Text[r.doc.Tokens[first].Start:r.doc.Tokens[end].End])
}

// titleEndingAt finds the longest title of up to three words ending at
// token end (inclusive); it returns its first token and role.
func (r *reader) titleEndingAt(end int, s entities.Sentence) (int, entities.Role) {
	for n := 3; n >= 1; n-- {
		first := end - n + 1
		if first < s.First || end >= s.Last {
			continue
		}
		if role := r.titleSpan(first, end); role != entities.NoRole {
			return first, role
		}
	}
	return -1, entities.NoRole
}

// titleModifiers may stand before a title: "former President", "acting
// head", "Deputy Foreign Minister".
var titleModifiers = map[string]bool{
	"former": true, "interim": true, "acting": true, "deputy": true, "then": true, "new": true,
	"incoming": true, "outgoing": true, "late": true, "top": true, "senior": true, "chief": true,
	"vice": true, "caretaker": true, "transitional": true, "de": true, "facto": true, "current": true,
	"foreign": true, "state": true, "longtime": true, "veteran": true, "military": true,
	"defence": true, "defense": true, "top-ranking": true, "newly": true, "elected": true,
}

// roles reads LEADER_OF and OFFICIAL_OF from titles around people in
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
		if !r.preTitle(mi, si) && !r.apposTitle(mi, si) {
			r.possessedPerson(mi, si)
		}
		r.otherOfficials(mi, si)
	}
	r.ledBy(si)
}

// ledBy reads "the Rapid Support Forces, led by Gen. Mohamed Hamdan
// Dagalo," and "a coalition headed by X": the person leads the body or
// state named right before.
func (r *reader) ledBy(si int) {
	s := r.doc.Sentences[si]
	for k := s.First + 1; k+2 < s.Last; k++ {
		if (r.lower[k] != "led" && r.lower[k] != "headed") || !r.tokenIs(k+1, s, "by") {
			continue
		}
		j := k - 1
		if r.tokenIs(j, s, ",") {
			j--
		}
		x := r.mentionEndingAt(j, s)
		if x < 0 {
			continue
		}
		if t := r.doc.Mentions[x].Type; t != entities.Org && t != entities.GPE {
			continue
		}
		p := k + 2
		for p < s.Last && r.mentionAt[p] < 0 && (r.gaz.Title(r.lower[p]) != entities.NoRole || r.gaz.Title(r.lower[p]+".") != entities.NoRole || r.lower[p] == "." || titleModifiers[r.lower[p]]) {
			p++ // "led by Gen. X", "headed by former President X"
		}
		if p >= s.Last || r.mentionAt[p] < 0 || r.doc.Mentions[r.mentionAt[p]].Type != entities.Person {
			continue
		}
		r.addRole(r.doc.Mentions[r.mentionAt[p]].Entity, x, entities.Leader, k+1, k, si, 0.8)
	}
}

// possessedPerson notes "China's Wang Yi": a person a country's name
// owns, with no title. bareTitles makes such a person an official of
// that country if the person takes part in diplomacy and has no other
// role.
func (r *reader) possessedPerson(mi, si int) {
	s := r.doc.Sentences[si]
	f := r.doc.Mentions[mi].First
	if !r.possessiveAt(f-1, s) {
		return
	}
	x := r.mentionEndingAt(f-2, s)
	if x < 0 || !r.isCountry(r.doc.Mentions[x]) {
		return
	}
	r.possessed = append(r.possessed, possessed{person: mi, country: x, si: si})
}

// pluralOfficials are the plural nouns of "X and other officials of Y".
var pluralOfficials = map[string]bool{
	"officials": true, "lawmakers": true, "ministers": true, "commanders": true,
	"executives": true, "members": true, "legislators": true, "politicians": true,
}

// otherOfficials reads "X and more than a dozen other officials of the
// ruling Georgian Dream party": X is one of them.
func (r *reader) otherOfficials(mi, si int) bool {
	s := r.doc.Sentences[si]
	m := r.doc.Mentions[mi]
	j := m.Last
	if !r.tokenIs(j, s, "and") {
		return false
	}
	other := -1
	for k := j + 1; k < s.Last && k <= j+6 && r.mentionAt[k] < 0; k++ {
		if r.lower[k] == "other" {
			other = k
			break
		}
	}
	if other < 0 || other+2 >= s.Last || !pluralOfficials[r.lower[other+1]] || !r.tokenIs(other+2, s, "of") {
		return false
	}
	k := other + 3
	if r.tokenIs(k, s, "the") {
		k++
	}
	for n := 0; n < 2 && k < s.Last && r.mentionAt[k] < 0 && (r.lower[k] == "ruling" || r.lower[k] == "opposition" || r.lower[k] == "governing"); n++ {
		k++
	}
	if k >= s.Last || r.mentionAt[k] < 0 || r.possessiveAt(r.doc.Mentions[r.mentionAt[k]].Last, s) {
		return false
	}
	if r.lower[other+1] == "members" {
		// "X and other members of Hamas"
		body, bt := r.actor(r.mentionAt[k])
		if bt != entities.Org {
			return false
		}
		return r.add(Relation{Type: MemberOf, Source: m.Entity, Target: body, Modality: Asserted, Confidence: 0.75}, si)
	}
	return r.addRole(m.Entity, r.mentionAt[k], entities.Official, other+1, other+1, si, 0.75)
}

// preTitle reads "[X('s)] [former] TITLE PERSON", "its TITLE, PERSON"
// and "TITLE of X PERSON".
func (r *reader) preTitle(mi, si int) bool {
	s := r.doc.Sentences[si]
	m := r.doc.Mentions[mi]
	j := m.First - 1
	// Honorifics and abbreviated ranks next to the name are not the
	// office: "Prince Faisal", "Niger's leader, Gen. Abdourahamane Tiani".
	for {
		if r.tokenIs(j, s, ".") && j-1 >= s.First && r.gaz.Title(r.lower[j-1]+".") != entities.NoRole {
			g := j - 1
			if g-1 >= s.First && r.mentionAt[g-1] < 0 && titleModifiers[r.lower[g-1]] {
				g-- // "Senior Gen . Min Aung Hlaing"
			}
			if r.hasTitleBefore(g, s) {
				j = g - 1 // "Burkina Faso's Capt . Ibrahim Traoré"
				continue
			}
		}
		if f, ro := r.titleEndingAt(j, s); f >= 0 && (ro == entities.Courtesy || (f == j && strings.HasSuffix(r.lower[j], ".") && r.hasTitleBefore(f, s)) ||
			(ro == entities.Official && r.tokenIs(f-1, s, ",") && r.hasTitleBefore(f, s))) {
			// "Pakistan's army chief, Field Marshal Asim Munir": a rank
			// after the office, set off by a comma.
			j = f - 1
			if j >= s.First && r.mentionAt[j] < 0 && titleModifiers[r.lower[j]] && ro != entities.Courtesy {
				j-- // "Senior Gen."
			}
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
		if r.tokenIs(k, s, "his", "her") {
			// "Her deputy foreign minister for Latin America, X"
			return r.pronounState(m.Entity, k, si, ro, k+1, tEnd)
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
	// "the bloc's commission president", "Iran's atomic energy chief",
	// "Her security chief": up to two lower-case words may qualify the
	// title after a possessive.
	if q := r.titleQualifiers(k, s); q < k && (r.possessiveAt(q, s) || r.tokenIs(q, s, "his", "her", "its", "their")) {
		k, titleStart = q, q+1
	}
	if r.tokenIs(k, s, "his", "her") {
		// "Her deputy foreign minister, X": the referent's state.
		return r.pronounState(m.Entity, k, si, role, titleStart, tEnd)
	}
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
	possessive := r.possessiveAt(k, s)
	if possessive {
		k--
	}
	x := r.mentionEndingAt(k, s)
	if x < 0 && possessive {
		// "the bloc's president": the nearest body of that kind.
		if g := r.groupNoun(k, si); g >= 0 {
			return r.addRole(m.Entity, g, role, titleStart, tEnd, si, 0.75)
		}
	}
	if x < 0 && !possessive {
		// "President Bola Tinubu of Nigeria"
		if y := r.bodyAfterOf(m.Last, s); y >= 0 {
			return r.addRole(m.Entity, y, role, titleStart, tEnd, si, 0.85)
		}
	}
	if x < 0 {
		r.bare = append(r.bare, bareTitle{person: mi, role: role, first: titleStart, last: tEnd, si: si})
		return false
	}
	ok := r.addRole(m.Entity, x, role, titleStart, tEnd, si, 0.9)
	if q := r.doc.Mentions[x].First - 1; ok && q >= s.First && r.mentionAt[q] < 0 &&
		(r.lower[q] == "former" || r.lower[q] == "ex" || r.lower[q] == "late") {
		r.markFormer(m.Entity, s.Start) // "a former Ruritanian President": the modifier stands before the state
	}
	return ok
}

// markFormer marks the offices of person stated in the sentence starting
// at start as past ones.
func (r *reader) markFormer(person, start int) {
	for i := range r.rels {
		rel := &r.rels[i]
		if rel.Source != person || (rel.Type != LeaderOf && rel.Type != OfficialOf && rel.Type != MemberOf) {
			continue
		}
		for _, e := range rel.Evidence {
			if e.Start == start {
				rel.Former = true
			}
		}
	}
}

// pronounState gives person the office title tFirst..tEnd in the state of
// the person that the possessive pronoun at token k refers to: "Mexican
// President Claudia Sheinbaum ... Her deputy foreign minister, X". Any
// office under a state's office holder is one of the state's officials.
func (r *reader) pronounState(person, k, si int, role entities.Role, tFirst, tEnd int) bool {
	ref := r.pronounReferent(k, si)
	if ref < 0 {
		return false
	}
	e := r.doc.Mentions[ref].Entity
	if e == person {
		return false
	}
	st := r.stateOfPerson(e)
	if st < 0 {
		return false
	}
	return r.addRoleTo(person, st, entities.GPE, OfficialOf, tFirst, tEnd, si, 0.6)
}

// bodyAfterOf returns the state or organisation named right after "of"
// at token t ("... Bola Tinubu of Nigeria"), or -1; not when it only
// qualifies a possessive ("of Britain's Labour Party").
func (r *reader) bodyAfterOf(t int, s entities.Sentence) int {
	if !r.tokenIs(t, s, "of") {
		return -1
	}
	k := t + 1
	if r.tokenIs(k, s, "the") {
		k++
	}
	if k >= s.Last || r.mentionAt[k] < 0 {
		return -1
	}
	x := r.mentionAt[k]
	m := r.doc.Mentions[x]
	if m.First != k || (m.Type != entities.GPE && m.Type != entities.Org) || r.possessiveAt(m.Last, s) {
		return -1
	}
	return x
}

// titleQualifiers steps back from token k over at most two lower-case
// nouns or adjectives that are no mention ("commission" in "the bloc's
// commission president") and returns the token before them; k itself
// when there are none.
func (r *reader) titleQualifiers(k int, s entities.Sentence) int {
	q := k
	for n := 0; n < 2 && q >= s.First && r.mentionAt[q] < 0 && r.qualifier(q); n++ {
		q--
	}
	return q
}

// qualifier reports whether token q is a lower-case noun or adjective,
// such as may qualify a title: "nuclear chief", "policy adviser".
func (r *reader) qualifier(q int) bool {
	tag := r.doc.Tokens[q].Tag
	w := r.doc.TokenText(q)
	return w != "" && unicode.IsLower([]rune(w)[0]) && (tag == "NN" || tag == "JJ")
}

// hasTitleBefore reports whether another title ends just before token f,
// perhaps after a comma: the rank at f is then not the office.
func (r *reader) hasTitleBefore(f int, s entities.Sentence) bool {
	k := f - 1
	if k >= s.First && r.mentionAt[k] < 0 && titleModifiers[r.lower[k]] {
		k-- // "ruler, Senior Gen. X"
	}
	if r.tokenIs(k, s, ",") {
		k--
	}
	t, _ := r.titleEndingAt(k, s)
	return t >= 0 || r.possessiveAt(k, s)
}

// apposTitle reads "PERSON, [the] [X] [former] TITLE [of|for X]".
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
	// "a senior Japanese Foreign Ministry official": modifiers may come
	// before the employer.
	k := j
	for k < s.Last && r.mentionAt[k] < 0 && titleModifiers[r.lower[k]] {
		k++
	}
	if k < s.Last && r.mentionAt[k] >= 0 {
		j = k
	}
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
	// The longest title through j, starting at j or at a modifier that is
	// part of it: "foreign minister" is a title, "foreign" also a modifier.
	tEnd, role := -1, entities.NoRole
search:
	for f := titleStart; f <= j; f++ {
		for end := min(f+2, s.Last-1); end >= j; end-- {
			if ro := r.titleSpan(f, end); ro != entities.NoRole {
				tEnd, role = end, ro
				break search
			}
		}
	}
	if tEnd < 0 && x >= 0 {
		// "Lula's chief foreign policy adviser": up to two lower-case
		// qualifiers before the title, after a named employer.
	qual:
		for q := j; q < j+2 && q < s.Last && r.mentionAt[q] < 0 && r.qualifier(q); q++ {
			for end := min(q+3, s.Last-1); end > q; end-- {
				if ro := r.titleSpan(q+1, end); ro != entities.NoRole {
					tEnd, role = end, ro
					break qual
				}
			}
		}
	}
	if tEnd < 0 || r.possessiveAt(tEnd+1, s) {
		return false // "Kim Yo Jong, the North Korean leader's sister"
	}
	if x < 0 && r.tokenIs(tEnd+1, s, "of", "for", "at", "from") {
		k := tEnd + 2
		if r.tokenIs(k, s, "the") {
			k++
		}
		for n := 0; n < 2 && k < s.Last && r.mentionAt[k] < 0 && (r.lower[k] == "ruling" || r.lower[k] == "opposition" || r.lower[k] == "governing"); n++ {
			k++ // "a lawmaker from the ruling Democratic Party"
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

// memberNouns name a part of a larger body: "a paramilitary unit of the
// Russian Defense Ministry", "al-Qaida's affiliate in the Sahel".
var memberNouns = map[string]bool{
	"unit": true, "affiliate": true, "branch": true, "wing": true, "arm": true, "offshoot": true,
	"faction": true, "member": true, "subsidiary": true, "division": true, "franchise": true,
}

// membership reads MEMBER_OF from an apposition after an organisation or
// a person: "X, a paramilitary unit of the Russian Defense Ministry,",
// "X, al-Qaida's affiliate in the Sahel,", "X, a member of NATO,".
func (r *reader) membership(si int) {
	s := r.doc.Sentences[si]
	lo, hi := r.sentMentions(s)
	for mi := lo; mi < hi; mi++ {
		m := r.doc.Mentions[mi]
		if m.Entity < 0 || (m.Type != entities.Org && m.Type != entities.Person) || !r.tokenIs(m.Last, s, ",") {
			continue
		}
		k := m.Last + 1
		if r.tokenIs(k, s, "a", "an", "the") {
			k++
		}
		var body int = -1
		if k >= s.Last {
			continue
		}
		if x := r.mentionAt[k]; x >= 0 {
			// "al-Qaida's affiliate"
			e := r.doc.Mentions[x].Last
			if r.possessiveAt(e, s) && e+1 < s.Last && memberNouns[r.lower[e+1]] {
				body = x
			}
		} else {
			for n := 0; n < 2 && k < s.Last && r.mentionAt[k] < 0 && !memberNouns[r.lower[k]] && r.doc.Tokens[k].Tag == "JJ"; n++ {
				k++ // "a paramilitary unit"
			}
			if k < s.Last && memberNouns[r.lower[k]] && r.tokenIs(k+1, s, "of") {
				j := k + 2
				if r.tokenIs(j, s, "the") {
					j++
				}
				if j < s.Last && r.mentionAt[j] >= 0 && r.doc.Mentions[r.mentionAt[j]].First == j {
					body = r.mentionAt[j]
				}
			}
		}
		if body < 0 {
			continue
		}
		if t, _ := r.actor(body); t >= 0 && r.doc.Entities[t].Type == entities.Org {
			r.add(Relation{Type: MemberOf, Source: m.Entity, Target: t, Modality: Asserted, Confidence: 0.8}, si)
		}
	}
}

// isParty reports whether entity e is a political party.
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
	if len(w) > 1 && strings.EqualFold(w[len(w)-1], "party") {
		return true
	}
	// "the ruling Pastef party": the text calls it one.
	for _, mi := range ent.Mentions {
		if l := r.doc.Mentions[mi].Last; l < len(r.lower) && r.lower[l] == "party" {
			return true
		}
	}
	return false
}

// locatedIn reads "PLACE, COUNTRY" and "PLACE, in (northern) COUNTRY"
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
		if n := r.nationalPlace(j, s); n >= 0 {
			// "Kaliningrad, the Russian exclave"
			if c := r.doc.Mentions[n].Country; m.Country == "" || m.Country == c {
				if ci := r.countryEntity(c); ci >= 0 && ci != m.Entity {
					r.add(Relation{Type: LocatedIn, Source: m.Entity, Target: ci, Modality: Asserted, Confidence: 0.8}, si)
				}
			}
			continue
		}
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
		if n.Entity == m.Entity || (m.Country != "" && m.Country != n.Country) {
			continue
		}
		// "Northwood, England", "Austin, Texas": a region the gazetteer
		// knows holds a place that is not itself a region.
		if !r.isCountry(n) && !(r.isRegion(n) && !r.isRegion(m)) {
			continue
		}
		r.add(Relation{Type: LocatedIn, Source: m.Entity, Target: n.Entity, Modality: Asserted, Confidence: 0.85}, si)
	}
	r.possessivePlaces(si)
}

// isRegion reports whether a mention names a region the gazetteer knows
// (a state, a province, a constituent country).
func (r *reader) isRegion(m entities.Mention) bool {
	if m.Canonical == "" || (m.Type != entities.GPE && m.Type != entities.Loc) {
		return false
	}
	for _, e := range r.gaz.Lookup(m.Canonical) {
		if e.Kind == "region" {
			return true
		}
	}
	return false
}

// nationalPlace reads "the Russian exclave", "a Ukrainian port city" at
// token j and returns the nationality's mention, or -1.
func (r *reader) nationalPlace(j int, s entities.Sentence) int {
	if !r.tokenIs(j, s, "the", "a", "an") {
		return -1
	}
	j++
	if j < s.Last && r.mentionAt[j] < 0 && r.doc.Tokens[j].Tag == "JJ" {
		j++ // "the strategic Russian exclave"
	}
	if j >= s.Last || r.mentionAt[j] < 0 {
		return -1
	}
	n := r.mentionAt[j]
	if r.doc.Mentions[n].Type != entities.NORP || r.doc.Mentions[n].Country == "" || r.doc.Mentions[n].First != j {
		return -1
	}
	k := r.doc.Mentions[n].Last
	if k < s.Last && r.mentionAt[k] < 0 && !placeNouns[r.lower[k]] && r.qualifier(k) {
		k++ // "a Ukrainian port city"
	}
	if k >= s.Last || !placeNouns[r.lower[k]] {
		return -1
	}
	return n
}

// placeNouns name a kind of place within a larger one.
var placeNouns = map[string]bool{
	"capital": true, "city": true, "town": true, "port": true, "region": true, "province": true,
	"state": true, "district": true, "village": true, "county": true, "enclave": true, "exclave": true,
	"island": true, "oblast": true, "governorate": true, "neighbourhood": true, "neighborhood": true,
	"suburb": true, "prefecture": true,
}

// possessivePlaces reads LOCATED_IN from a place owned by another:
// "Yemen's capital Sanaa", "Yemen's capital, Sanaa", "Russia's Kursk
// region", "Dakar's Ouakam district". The owner must be a place; a
// country does not sit in a city, and a place the gazetteer puts in
// another country is not read as this one's.
func (r *reader) possessivePlaces(si int) {
	s := r.doc.Sentences[si]
	lo, hi := r.sentMentions(s)
	for _, x := range r.doc.Mentions[lo:hi] {
		if x.First < s.First || x.Last >= s.Last || !x.Type.IsPlace() || x.Entity < 0 || !r.possessiveAt(x.Last, s) {
			continue
		}
		k := x.Last + 1
		if k >= s.Last {
			continue // "... Yemen's" ending the sentence
		}
		y := -1
		switch {
		case placeNouns[r.lower[k]]:
			// "Yemen's capital (,) Sanaa"
			k++
			if r.tokenIs(k, s, ",") {
				k++
			}
			if k < s.Last && r.mentionAt[k] >= 0 && r.doc.Mentions[r.mentionAt[k]].First == k {
				y = r.mentionAt[k]
			}
		case r.mentionAt[k] >= 0 && r.doc.Mentions[r.mentionAt[k]].First == k:
			// "Russia's Kursk region"
			if m := r.mentionAt[k]; r.doc.Mentions[m].Last < s.Last && placeNouns[r.lower[r.doc.Mentions[m].Last]] {
				y = m
			}
		}
		if y < 0 {
			continue
		}
		m := r.doc.Mentions[y]
		if !m.Type.IsPlace() || m.Entity < 0 || m.Entity == x.Entity || r.isCountry(m) {
			continue
		}
		if r.isCountry(x) && m.Country != "" && m.Country != x.Country {
			continue
		}
		if !r.isCountry(x) && x.Country != "" && m.Country != "" && m.Country != x.Country {
			continue
		}
		r.add(Relation{Type: LocatedIn, Source: m.Entity, Target: x.Entity, Modality: Asserted, Confidence: 0.8}, si)
	}
}

// compass words may stand between "in" and a country.
var compass = map[string]bool{
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"north": true, "south": true, "east": true, "west": true,
}

// isCountry reports whether m names a country by its gazetteer name.
func (r *reader) isCountry(m entities.Mention) bool {
	if m.Type != entities.GPE || m.Country == "" {
		return false
	}
	c := r.gaz.Country(m.Country)
	return c != nil && c.Name == m.Canonical
}

// bareTitles gives a person whose title names no body ("President Donald
// Trump", "Prime Minister Benjamin Netanyahu") the country the text was
// just speaking of: the nearest country or nationality before the title
// in the same sentence, else in the sentence before. It is a guess, made
// only for people with no role found otherwise, and carries a low
// confidence.
func (r *reader) bareTitles() {
	hasRole := map[int]bool{}
	partners := map[int]map[int]bool{} // entities a person interacts with
	r.diplomat = map[int]bool{}
	for _, rel := range r.rels {
		switch rel.Type {
		case Meet, Host, Visit, Negotiate, Agree, Cooperate:
			r.diplomat[rel.Source], r.diplomat[rel.Target] = true, true
		}
		if rel.Type == LeaderOf || rel.Type == OfficialOf {
			// A party or armed group's leader may still hold a state
			// office: "Prime Minister X, the leader of the ruling party".
			if !r.isParty(rel.Target) {
				hasRole[rel.Source] = true
			}
			continue
		}
		for _, p := range [][2]int{{rel.Source, rel.Target}, {rel.Target, rel.Source}} {
			if partners[p[0]] == nil {
				partners[p[0]] = map[int]bool{}
			}
			partners[p[0]][p[1]] = true
		}
	}
	for _, p := range r.possessed {
		ent := r.doc.Mentions[p.person].Entity
		if hasRole[ent] || !r.diplomat[ent] {
			continue
		}
		c, _ := r.actor(p.country)
		if partners[ent][c] {
			continue // a country the person deals with is no employer
		}
		if r.add(Relation{Type: OfficialOf, Source: ent, Target: c, Modality: Asserted, Confidence: 0.5}, p.si) {
			hasRole[ent] = true
		}
	}
	dateline := -2 // not looked for yet
	for _, b := range r.bare {
		ent := r.doc.Mentions[b.person].Entity
		if hasRole[ent] {
			continue
		}
		if st := r.partyState(ent); st >= 0 && r.formalTitle(b) && !r.partyOffice(b) {
			// "Prime Minister X and other officials of the ruling
			// Georgian Dream party": the party's country.
			if typ := roleType(b.role); typ != Invalid && r.addRoleTo(ent, st, entities.GPE, typ, b.first, b.last, b.si, 0.5) {
				hasRole[ent] = true
				continue
			}
		}
		// The states of the people one deals with are not one's own:
		// "Zelenskyy was received by King Charles III".
		skip := map[int]bool{}
		for p := range partners[ent] {
			skip[p] = true
			if c := r.countryOf[p]; c != "" && r.doc.Entities[p].Type == entities.Person {
				if ce := r.countryEntity(c); ce >= 0 {
					skip[ce] = true
				}
			}
		}
		x, conf := r.countryBefore(b.first, b.si, skip), 0.5
		if x < 0 && r.formalTitle(b) {
			// "TOKYO (AP) — ... Prime Minister Shigeru Ishiba": news style
			// names local office holders without their country.
			if dateline < -1 {
				dateline = r.datelineCountry()
			}
			if x, conf = dateline, 0.45; x >= 0 && (partners[ent][r.doc.Mentions[x].Entity] || skip[r.doc.Mentions[x].Entity] || skip[r.asState(r.doc.Mentions[x].Entity)] ||
				r.otherCountryIn(b.si, r.doc.Mentions[x].Country)) {
				x = -1
			}
		}
		if x < 0 {
			continue
		}
		if m := r.doc.Mentions[x]; m.Type == entities.Org && m.Country != "" {
			// "at the White House, hosted by President Donald Trump": the
			// guess is the state the institution belongs to.
			if typ := roleType(b.role); typ != Invalid && r.addRoleTo(ent, r.countryEntity(m.Country), entities.GPE, typ, b.first, b.last, b.si, conf) {
				hasRole[ent] = true
			}
			continue
		}
		if r.addRole(ent, x, b.role, b.first, b.last, b.si, conf) {
			hasRole[ent] = true
		}
	}
}

// partyState returns the country of a party person e belongs to, when
// exactly one such country is known, or -1.
func (r *reader) partyState(e int) int {
	code := ""
	for _, rel := range r.rels {
		if rel.Type != MemberOf || rel.Source != e || !r.isParty(rel.Target) {
			continue
		}
		c := r.countryOf[rel.Target]
		if c == "" || (code != "" && c != code) {
			return -1
		}
		code = c
	}
	if code == "" {
		return -1
	}
	return r.countryEntity(code)
}

// partyOffice reports whether a bare title may be an office within a
// party rather than the state: "Opposition Leader X", "Chairman X".
func (r *reader) partyOffice(b bareTitle) bool {
	title := strings.ToLower(r.doc.Text[r.doc.Tokens[b.first].Start:r.doc.Tokens[b.last].End])
	if r.lower[max(b.first-1, 0)] == "opposition" || strings.Contains(title, "opposition") || strings.Contains(title, "party") {
		return true
	}
	switch title {
	case "leader", "chairman", "chairwoman", "chair", "head", "secretary-general", "secretary general", "founder", "spokesman", "spokeswoman", "spokesperson":
		return true
	}
	return false
}

// roleType is the relation type of an office's role, or Invalid.
func roleType(role entities.Role) Type {
	switch role {
	case entities.Leader:
		return LeaderOf
	case entities.Official:
		return OfficialOf
	}
	return Invalid
}

// otherCountryIn reports whether sentence si names a country or
// nationality other than code's and nothing of code's own (no place,
// nationality or institution of it): the dateline's country is then no
// safe guess ("ISLAMABAD — ... talks with President Donald Trump, who has
// imposed tariffs on Indian goods").
func (r *reader) otherCountryIn(si int, code string) bool {
	s := r.doc.Sentences[si]
	lo, hi := r.sentMentions(s)
	other := false
	for _, m := range r.doc.Mentions[lo:hi] {
		switch {
		case m.Country == code:
			return false
		case m.Country != "" && (m.Type == entities.GPE || m.Type == entities.NORP):
			other = true
		}
	}
	return other
}

// formalTitle reports whether a bare title is a formal, present office
// put before the name as news style writes a local office holder's:
// "Prime Minister Shigeru Ishiba", "talks with Sultan Haitham". Lower-case
// descriptions ("the group's leader"), abbreviated ranks ("Gen."), titles
// after a determiner or possessive, and past offices ("former President")
// are not.
func (r *reader) formalTitle(b bareTitle) bool {
	first := r.doc.TokenText(b.first)
	if first == "" || !unicode.IsUpper([]rune(first)[0]) || strings.HasSuffix(r.doc.TokenText(b.last), ".") {
		return false
	}
	for k := b.first; k <= b.last; k++ {
		switch r.lower[k] {
		case "former", "ex", "late", "then", "ex-president":
			return false
		}
	}
	s := r.doc.Sentences[b.si]
	if r.tokenIs(b.first-1, s, "the", "a", "an", "its", "their", "his", "her", "'s", "'") {
		return false
	}
	return true
}

// datelineRE matches a news dateline at the start of a line: "TOKYO (AP)
// —", "DAKAR, Senegal (Reuters) -", "RIYADH, Feb 10 (Reuters) -",
// "Moscow, Oct 15 (AP) –". Group 1 is the place part.
var datelineRE = regexp.MustCompile(`(?m)^[ \t]*(\p{Lu}[\p{L}\p{M} .,'’-]{1,48}?)(?:,?\s*\d{1,2})?\s*\([\p{L}. ]{2,16}\)\s*[—–-]`)

// datelineCountry returns the first mention, after the dateline, of the
// country the article is datelined in, or -1: when the text has no
// dateline in its first lines, its place has no known country, or the
// body never names that country (a story datelined in Brussels is seldom
// about Belgium).
func (r *reader) datelineCountry() int {
	head := r.doc.Text
	if len(head) > 1500 {
		head = head[:1500]
	}
	loc := datelineRE.FindStringSubmatchIndex(head)
	if loc == nil {
		return -1
	}
	lo, hi, end := loc[2], loc[3], loc[1]
	code := ""
	for _, m := range r.doc.Mentions {
		start := r.doc.Tokens[m.First].Start
		if start < lo || start >= hi || m.Country == "" || (m.Type != entities.GPE && m.Type != entities.Loc) {
			continue
		}
		if r.isCountry(m) || code == "" {
			code = m.Country // "DAKAR, Senegal": the country named wins
		}
	}
	if code == "" {
		return -1
	}
	for mi, m := range r.doc.Mentions {
		if r.doc.Tokens[m.First].Start >= end && m.Country == code && (r.isCountry(m) || m.Type == entities.NORP) {
			return mi
		}
	}
	return -1
}

// countryBefore returns the nearest mention of a country (by name or
// nationality), or of an institution with a country, before token t in
// sentence si and not among skip; failing that, the subject of the
// sentence before when it is one. It returns -1 when there is none.
func (r *reader) countryBefore(t, si int, skip map[int]bool) int {
	s := r.doc.Sentences[si]
	for k := t - 1; k >= s.First; k-- {
		if r.lower[k] == "that" && r.doc.Tokens[k].Tag == "IN" {
			return -1 // "Iran's IRNA reported that ... Sultan X": another clause
		}
		if adjunctWords[r.lower[k]] && r.doc.Tokens[k].Tag == "IN" {
			return -1 // "Venezuela freed Americans after President X met": another clause
		}
		mi := r.mentionAt[k]
		if mi < 0 {
			continue
		}
		k = r.doc.Mentions[mi].First
		if m := r.doc.Mentions[mi]; m.Type == entities.NORP && (r.doc.Tokens[m.Last-1].Tag == "NNPS" || r.doc.Tokens[m.Last-1].Tag == "NNS") {
			continue // "detained Americans": people, not the state
		}
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
			if e, _ := r.actor(mi); r.statelike(mi) && r.doc.Mentions[mi].Type != entities.Org && !skip[e] && !skip[r.doc.Mentions[mi].Entity] {
				return mi
			}
			return -1
		}
	}
	return -1
}

// governs reports whether a state-like mention can employ an office
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

// statelike reports whether mention mi names a country, a nationality, or
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

// basedIn reads BASED_IN from a country or nationality that qualifies an
// organisation: "Syrian news outlet SANA", "Iran's state-run IRNA news
// agency", and from "ORG, based in X" / "headquartered in X".
func (r *reader) basedIn(si int) {
	r.compoundBases(si)
	s := r.doc.Sentences[si]
	lo, hi := r.sentMentions(s)
	for mi := lo; mi < hi; mi++ {
		m := r.doc.Mentions[mi]
		if m.First < s.First || m.First >= s.Last || m.Entity < 0 || r.doc.Entities[m.Entity].Type != entities.Org {
			continue
		}
		// "PLACE, where ORG is based", "In PLACE, where ORG has its headquarters".
		if w := r.whereBased(mi, s); w >= 0 {
			r.add(Relation{Type: BasedIn, Source: m.Entity, Target: r.doc.Mentions[w].Entity, Modality: Asserted, Confidence: 0.8}, si)
		}
		// Before: X ('s) descriptor* ORG, descriptors being lower-case
		// nouns and adjectives.
		k := m.First - 1
		if r.tokenIs(k, s, ",") && k-1 >= s.First && orgNouns[r.lower[k-1]] {
			k-- // "Venezuela's state oil company, PDVSA"
		}
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

// compoundBases reads "the London-based Syrian Observatory" and "the
// Vienna-based agency" (the nearest agency named before).
func (r *reader) compoundBases(si int) {
	s := r.doc.Sentences[si]
	for t := s.First; t+1 < s.Last; t++ {
		if !strings.HasSuffix(r.lower[t], "-based") && !strings.HasSuffix(r.lower[t], "-headquartered") {
			continue
		}
		pm := r.mentionAt[t]
		if pm < 0 || r.doc.Mentions[pm].Type != entities.GPE || r.doc.Mentions[pm].Entity < 0 {
			continue
		}
		place := r.doc.Mentions[pm].Entity
		k := t + 1
		if k < s.Last && r.mentionAt[k] < 0 && r.doc.Tokens[k].Tag == "JJ" {
			k++ // "the Vienna-based nuclear watchdog"
		}
		if k >= s.Last {
			continue
		}
		if x := r.mentionAt[k]; x >= 0 {
			if body, bt := r.actor(x); bt == entities.Org && r.doc.Mentions[x].First == k {
				r.add(Relation{Type: BasedIn, Source: body, Target: place, Modality: Asserted, Confidence: 0.85}, si)
			}
			continue
		}
		if r.tokenIs(t-1, s, "the", "a") && r.tokenIs(t-2, s, ",") {
			// "Euroclear, the Brussels-based clearing house,"
			if x := r.mentionEndingAt(t-3, s); x >= 0 {
				if body, bt := r.actor(x); bt == entities.Org {
					r.add(Relation{Type: BasedIn, Source: body, Target: place, Modality: Asserted, Confidence: 0.8}, si)
				}
				continue
			}
		}
		kinds, ok := groupKinds[r.lower[k]]
		if !ok || !r.tokenIs(t-1, s, "the") {
			continue
		}
		if x := r.nearestBody(t-2, si, kinds); x >= 0 {
			// "the Qatar-based broadcaster" after the London-based SOHR
			// is another body: a known country must agree.
			body, bt := r.actor(x)
			if bc, pc := r.countryOf[body], r.countryOf[place]; bt == entities.Org && (bc == "" || pc == "" || bc == pc) {
				r.add(Relation{Type: BasedIn, Source: body, Target: place, Modality: Asserted, Confidence: 0.6}, si)
			}
		}
	}
}

// whereBased returns the place of "PLACE, where ORG is based" or "PLACE,
// where ORG has its headquarters" for the organisation mention mi, or -1.
// Up to four words ("Germany's 45th") may stand between "where" and the
// organisation.
func (r *reader) whereBased(mi int, s entities.Sentence) int {
	m := r.doc.Mentions[mi]
	w := -1
	for k := m.First - 1; k >= s.First && k >= m.First-5; k-- {
		if r.lower[k] == "where" {
			w = k
			break
		}
	}
	if w < 0 || !r.tokenIs(w-1, s, ",") {
		return -1
	}
	p := r.mentionEndingAt(w-2, s)
	if p < 0 || !r.doc.Mentions[p].Type.IsPlace() {
		return -1
	}
	k := m.Last
	switch {
	case r.tokenIs(k, s, "is", "are", "was", "were") && r.tokenIs(k+1, s, "based", "headquartered", "stationed"):
	case r.tokenIs(k, s, "has", "had", "have") && r.tokenIs(k+1, s, "its", "their") && r.tokenIs(k+2, s, "headquarters", "seat", "base"):
	default:
		return -1
	}
	return p
}

// orgNouns are the nouns that may head a description of an organisation
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
	"gang": true, "cartel": true, "syndicate": true, "broadcasters": true,
}

// stateWords before an organisation tie it to its state: "Iran's
// state-run IRNA", "North Korea's official KCNA".
var stateWords = map[string]bool{"state-run": true, "state-owned": true, "official": true, "state": true, "government-run": true}

// isDescriptor reports whether a token may stand between a country and an
// organisation it qualifies: a lower-case noun or adjective ("state-run",
// "news", "outlet"), not a verb or a function word.
func isDescriptor(w, tag string) bool {
	if w == "" || strings.ToLower(w) != w {
		return false
	}
	return strings.HasPrefix(tag, "NN") || tag == "JJ" || strings.HasSuffix(w, "-run") || strings.HasSuffix(w, "-owned")
}

// compounds reads relations from hyphenated compounds before a name:
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
