package relations

import (
	"errors"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/entities"
)

var errNoGazetteer = errors.New("relations: extractor has no gazetteer")

// prepositions whose object is not a clause's subject.
var prepositions = map[string]bool{
	"in": true, "to": true, "from": true, "of": true, "with": true, "at": true, "for": true, "on": true,
	"by": true, "between": true, "into": true, "towards": true, "toward": true, "against": true,
	"over": true, "about": true, "among": true, "than": true, "like": true, "upon": true, "near": true,
	"across": true, "within": true, "beyond": true, "through": true, "under": true, "after": true,
	"before": true, "during": true, "including": true, "amid": true, "despite": true, "and": false,
}

var auxiliaries = map[string]bool{"was": true, "were": true, "been": true, "being": true, "is": true, "are": true, "be": true, "get": true, "got": true}

var pronouns = map[string]bool{"he": true, "she": true, "his": true, "her": true, "it": true, "they": true}

// subjectPronouns are pronouns that are a clause's subject.
var subjectPronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true}

// interactions reads the trigger-word relations of sentence si.
func (r *reader) interactions(si int) {
	s := r.doc.Sentences[si]
	for t := s.First; t < s.Last; t++ {
		if r.mentionAt[t] >= 0 {
			continue
		}
		found := false
		for _, tr := range triggers[r.lower[t]] {
			if (found && !tr.also) || !r.posFits(t, tr.pos) || !r.needsFit(t, s, tr) {
				continue
			}
			n0 := len(r.rels)
			if r.readTrigger(t, si, tr) {
				found = true
				r.cooperationTopic(t, si, tr, n0)
			}
		}
	}
}

func (r *reader) posFits(t int, pos byte) bool {
	tag := r.doc.Tokens[t].Tag
	switch pos {
	case 'V':
		if tag == "NN" {
			if si := r.doc.SentenceOf(t); si >= 0 && r.causee(t, r.doc.Sentences[si]) >= 0 {
				return true
			}
			if t > 0 && r.mentionAt[t-1] >= 0 && (pastForms[r.lower[t]] || strings.HasSuffix(r.lower[t], "ed")) {
				// prose tags "spoke" NN after a name it reads as an
				// adjective ("el-Sisi/JJ spoke/NN"): a past form after a
				// name is the name's verb.
				return true
			}
		}
		if (tag == "NNS" || tag == "NN") && t > 0 && t+1 < len(r.doc.Tokens) {
			// prose often tags "accuses", "sanctions" NNS between a
			// subject and an object: "The U.S. government accuses
			// Venezuelan President ...".
			prev, next := r.doc.Tokens[t-1].Tag, r.doc.Tokens[t+1].Tag
			switch {
			case tag == "NN" && strings.HasSuffix(r.lower[t], "ing") && strings.HasPrefix(prev, "VB") &&
				(next == "DT" || next == "JJ" || strings.HasPrefix(next, "NNP") || next == "PRP$" || r.mentionAt[t+1] >= 0):
				// "killed or wounded fighting Ukrainian forces": a
				// participle after a verb, before its object.
				return true
			case !strings.HasPrefix(prev, "NN") && prev != "PRP":
			case next == "DT" || next == "PRP" || next == "PRP$" || strings.HasPrefix(next, "NNP") || next == "JJ" || next == "CD":
				return strings.HasSuffix(r.lower[t], "s") && r.mentionAt[t-1] >= 0 || r.isSubjectHead(t-1)
			}
		}
		return strings.HasPrefix(tag, "VB") || tag == "JJ" // prose tags some participles JJ
	case 'N':
		if nounOnly[r.lower[t]] {
			return true // prose tags "treaty" VBZ and "ally" RB
		}
		if tag == "RB" && t > 0 {
			// prose tags "ally" RB for its -ly: "Maduro's closest ally".
			switch r.doc.Tokens[t-1].Tag {
			case "JJ", "JJS", "JJR", "DT", "POS", "PRP$":
				return true
			}
		}
		return strings.HasPrefix(tag, "NN") || tag == "JJ" || tag == "VBG"
	}
	return true
}

// grantVerbs give their indirect object what follows: "granted him asylum".
var grantVerbs = map[string]bool{
	"granted": true, "grants": true, "grant": true, "granting": true, "gave": true, "given": true,
	"gives": true, "give": true, "offered": true, "offers": true, "offer": true, "offering": true,
}

// indirectObject reads the recipient between a verb of giving and the
// trigger noun at t: "granted González asylum", "granted him asylum" (the
// pronoun resolved as a subject pronoun would be). It returns nil when
// there is none.
func (r *reader) indirectObject(t, si int) []int {
	s := r.doc.Sentences[si]
	k := t - 1
	if r.tokenIs(k, s, "political") {
		k--
	}
	if k-1 < s.First {
		return nil
	}
	if mi := r.mentionEndingAt(k, s); mi >= 0 {
		if f := r.doc.Mentions[mi].First; f-1 >= s.First && grantVerbs[r.lower[f-1]] && r.doc.Mentions[mi].Type == entities.Person {
			return []int{mi}
		}
		return nil
	}
	if !grantVerbs[r.lower[k-1]] {
		return nil
	}
	switch r.lower[k] {
	case "him", "her":
		p := r.pronounReferent(k, si)
		if p < 0 {
			return nil
		}
		if subj := r.subjects(t, si); len(subj) > 0 && r.doc.Mentions[subj[0]].Entity == r.doc.Mentions[p].Entity {
			return nil // "Putin granted him asylum": not Putin
		}
		return []int{p}
	}
	return nil
}

// threatCue reports whether the attack trigger at t is something its
// subject says it is ready to do: "is ready to strike", "threatened to
// invade", "vowed to attack".
func (r *reader) threatCue(t int, s entities.Sentence) bool {
	if !r.tokenIs(t-1, s, "to") {
		return false
	}
	switch r.lower[max(t-2, s.First)] {
	case "ready", "prepared", "willing", "threatened", "threatens", "threaten", "threatening", "vowed", "vows":
		return t-2 >= s.First
	}
	return false
}

// cooperationTopic reads "signed agreements on defense industry
// cooperation", "talks on security cooperation": the parties of the
// agreement or talks read at t (relations from index n0 on) also
// cooperate.
func (r *reader) cooperationTopic(t, si int, tr trigger, n0 int) {
	if tr.typ != Agree && tr.typ != Negotiate && tr.typ != Meet {
		return
	}
	s := r.doc.Sentences[si]
	on := -1
	for k := t + 1; k < s.Last && k <= t+3; k++ {
		if r.lower[k] == "on" || r.lower[k] == "over" || r.lower[k] == "to" && r.tokenIs(k+1, s, "expand", "deepen", "boost", "strengthen") {
			on = k
			break
		}
	}
	if on < 0 {
		return
	}
	topic := false
	for k := on + 1; k < s.Last && k <= on+5 && !boundaryWords[r.lower[k]] && r.lower[k] != ","; k++ {
		if r.lower[k] == "cooperation" || r.lower[k] == "co-operation" || r.lower[k] == "partnership" {
			topic = true
			break
		}
	}
	if !topic {
		return
	}
	for _, rel := range append([]Relation(nil), r.rels[n0:]...) {
		if rel.Type != tr.typ {
			continue
		}
		c := rel
		c.Type, c.Confidence, c.Evidence = Cooperate, rel.Confidence-0.1, nil
		r.add(c, si)
	}
}

// asObject reads "counted Maduro as a close ally", "sees China as a
// partner" before the noun at t: it returns the object mention and the
// verb's token, or -1, -1.
func (r *reader) asObject(t int, s entities.Sentence) (int, int) {
	k := t - 1
	for k > s.First && r.mentionAt[k] < 0 && (r.doc.Tokens[k].Tag == "JJ" || r.doc.Tokens[k].Tag == "JJS" || r.lower[k] == "a" || r.lower[k] == "an" || r.lower[k] == "its" || r.lower[k] == "their") {
		k--
	}
	if !r.tokenIs(k, s, "as") {
		return -1, -1
	}
	o := r.mentionEndingAt(k-1, s)
	if o < 0 {
		return -1, -1
	}
	v := r.doc.Mentions[o].First - 1
	if v < s.First || !strings.HasPrefix(r.doc.Tokens[v].Tag, "VB") {
		return -1, -1
	}
	return o, v
}

// joined reads "X joined Y" and "X joined them" between people only
// ("Finland joined NATO" is no meeting): "them" is the two people of the
// last meeting reported before this sentence.
func (r *reader) joined(t, si int, tr trigger) bool {
	s := r.doc.Sentences[si]
	var srcs []int
	for _, a := range r.subjects(t, si) {
		if e, ty := r.actor(a); e >= 0 && ty == entities.Person {
			srcs = append(srcs, e)
		}
	}
	if len(srcs) == 0 {
		return false
	}
	var dsts []int
	if r.tokenIs(t+1, s, "them") {
		for i := len(r.rels) - 1; i >= 0; i-- {
			rel := r.rels[i]
			if rel.Type != Meet || rel.Evidence[0].Start >= s.Start {
				continue
			}
			dsts = []int{rel.Source, rel.Target}
			break
		}
	} else {
		for _, b := range r.objects(t, s, tr) {
			if e, ty := r.actor(b); e >= 0 && ty == entities.Person {
				dsts = append(dsts, e)
			}
		}
	}
	found := false
	mod, when := r.modality(t, si), r.when(si)
	for _, a := range srcs[:1] {
		for _, b := range dsts {
			if a != b && r.add(Relation{Type: Meet, Source: a, Target: b, Modality: mod, When: when, Confidence: 0.6}, si) {
				found = true
			}
		}
	}
	return found
}

// targetNouns name an armed force's post or unit as an attack's object.
var targetNouns = map[string]bool{
	"base": true, "post": true, "outpost": true, "convoy": true, "checkpoint": true, "camp": true,
	"barracks": true, "positions": true, "position": true, "patrol": true, "garrison": true,
}

// militaryTarget reads "attacked an army base near Djibo, in northern
// Burkina Faso": when the attack's object is a military post and the
// first name after it is a place the gazetteer puts in a country, the
// target is that country's forces, so the country. It returns nil
// otherwise.
func (r *reader) militaryTarget(t, place int, s entities.Sentence) []int {
	f := r.doc.Mentions[place].First
	post := false
	for k := t + 1; k < f; k++ {
		if targetNouns[r.lower[k]] {
			post = true
		}
	}
	if !post || !r.tokenIs(f-1, s, "near", "in", "at", "outside") {
		return nil
	}
	// "near Djibo, in northern Burkina Faso": the country named next, if any.
	for k := r.doc.Mentions[place].Last; k < s.Last && k <= r.doc.Mentions[place].Last+4; k++ {
		if x := r.mentionAt[k]; x >= 0 {
			if r.isCountry(r.doc.Mentions[x]) {
				return []int{x}
			}
			break
		}
	}
	if c := r.doc.Mentions[place].Country; c != "" {
		if r.isCountry(r.doc.Mentions[place]) {
			return []int{place}
		}
	}
	return nil
}

// responseVerbs are what a threat says will be done to its target.
var responseVerbs = map[string]bool{
	"respond": true, "retaliate": true, "strike": true, "attack": true, "hit": true, "punish": true,
}

// threatTargets reads the target of a threat stated in a clause: "warned
// in a statement that the North would respond with overwhelming force to
// joint exercises that South Korea and the United States plan to hold":
// the actors named after the response verb's "to" or "against". It
// returns nil when the clause makes no such threat.
func (r *reader) threatTargets(t int, s entities.Sentence) []int {
	that := -1
	for k := t + 1; k < s.Last && k <= t+10; k++ {
		if r.lower[k] == "that" {
			that = k
			break
		}
	}
	if that < 0 {
		return nil
	}
	for k := that + 1; k < s.Last && k <= that+8; k++ {
		if !responseVerbs[r.lower[k]] {
			continue
		}
		// "warned that Israel would strike Iran's nuclear sites": the
		// verb's object, or the owner of what it names.
		if x := r.mentionAt[k+1]; k+1 < s.Last && x >= 0 {
			if ty := r.doc.Mentions[x].Type; ty != entities.Loc && ty != entities.Misc {
				return []int{x}
			}
		}
		for j := k + 1; j < s.Last && j <= k+8; j++ {
			if r.lower[j] != "to" && r.lower[j] != "against" {
				continue
			}
			var out []int
			for x := j + 1; x < s.Last && x <= j+12 && !boundaryWords[r.lower[x]]; x++ {
				if mi := r.mentionAt[x]; mi >= 0 {
					if ty := r.doc.Mentions[mi].Type; ty != entities.Loc && ty != entities.Misc {
						out = append(out, mi)
					}
					x = r.doc.Mentions[mi].Last - 1
				}
			}
			return out
		}
		return nil
	}
	return nil
}

// possessedNoun reports whether mention mi owns a common noun after it:
// "Weidel's critics", not "Russia's Putin".
func (r *reader) possessedNoun(mi int, s entities.Sentence) bool {
	k := r.doc.Mentions[mi].Last
	if !r.possessiveAt(k, s) || k+1 >= s.Last || r.mentionAt[k+1] >= 0 {
		return false
	}
	if r.gaz.Title(r.lower[k+1]) != entities.NoRole || titleModifiers[r.lower[k+1]] {
		return false // "met Russia's foreign minister": a title holder stands for the meeting
	}
	return strings.HasPrefix(r.doc.Tokens[k+1].Tag, "NN") || r.doc.Tokens[k+1].Tag == "JJ"
}

// mediationVerbs make their subject a go-between, not a party.
var mediationVerbs = map[string]bool{
	"mediated": true, "mediates": true, "mediate": true, "mediating": true, "brokered": true,
	"brokers": true, "broker": true, "facilitated": true, "facilitates": true, "facilitate": true,
}

// mediated reports whether the noun trigger at t is the object of a
// verb of mediation, perhaps across a determiner and adjectives.
func (r *reader) mediated(t int, s entities.Sentence) bool {
	for k := t - 1; k >= s.First && k >= t-4; k-- {
		if mediationVerbs[r.lower[k]] {
			return true
		}
		if tag := r.doc.Tokens[k].Tag; tag != "DT" && tag != "JJ" && tag != "NN" && tag != "CD" {
			return false
		}
	}
	return false
}

// quoteMarks open and close quotations, as the tokenizer gives them.
var quoteMarks = map[string]bool{"\"": true, "“": true, "”": true, "``": true, "''": true}

// nounOnly words are nouns in news whatever prose tags them.
var nounOnly = map[string]bool{"ally": true, "allies": true, "treaty": true, "pact": true, "accord": true}

// modifierTypes are the relations whose trigger nouns, standing before
// another noun, only qualify it: "treaty ally", "attack helicopters",
// "talks venue". Aid and sanctions nouns still count there ("aid
// packages", "sanctions package").
var modifierTypes = map[Type]bool{Agree: true, Meet: true, Negotiate: true, Fight: true, Cooperate: true}

// offerWords make what follows "to" an intention: "offered to host".
var offerWords = map[string]bool{"offered": true, "offers": true, "offer": true, "offering": true, "agreed": true, "agrees": true}

// guestNouns are the people a name may qualify as a host's guests:
// "welcomed the Chinese delegation".
var guestNouns = map[string]bool{
	"delegation": true, "delegations": true, "team": true, "delegates": true, "officials": true,
	"ministers": true, "leaders": true, "envoys": true, "envoy": true, "counterpart": true,
	"counterparts": true, "guests": true, "visitors": true, "diplomats": true,
}

// modifiesThing reports whether mention mi qualifies a common noun that
// names no people and no title: "the U.S. strikes", "the EU decision".
func (r *reader) modifiesThing(mi int, s entities.Sentence) bool {
	k := r.doc.Mentions[mi].Last
	if k >= s.Last || r.mentionAt[k] >= 0 || !strings.HasPrefix(r.doc.Tokens[k].Tag, "NN") {
		return false
	}
	w := r.lower[k]
	return !guestNouns[w] && r.gaz.Title(w) == entities.NoRole && !titleModifiers[w]
}

// troopsAfter reports whether mention mi qualifies a military noun:
// "NATO troops", "U.S. forces".
func (r *reader) troopsAfter(mi int, s entities.Sentence) bool {
	k := r.doc.Mentions[mi].Last
	return k < s.Last && (militaryNouns[r.lower[k]] || r.lower[k] == "bases" || r.lower[k] == "base" || r.lower[k] == "warships")
}

// pastForms are irregular past tenses of trigger verbs, never nouns.
var pastForms = map[string]bool{
	"spoke": true, "met": true, "told": true, "flew": true, "gave": true, "sent": true, "left": true,
	"struck": true, "fought": true, "shot": true, "held": true, "took": true, "froze": true, "broke": true,
}

// governingGerund returns the gerund after "of" or "for" whose object is
// the noun trigger at t ("of carrying out airstrikes", "for launching
// attacks"), or -1.
func (r *reader) governingGerund(t int, s entities.Sentence) int {
	if !strings.HasPrefix(r.doc.Tokens[t].Tag, "NN") {
		return -1
	}
	for k := t - 1; k > s.First && k >= t-4; k-- {
		switch {
		case r.doc.Tokens[k].Tag == "VBG":
			if r.tokenIs(k-1, s, "of", "for") {
				return k
			}
			return -1
		case r.lower[k] == "out" || r.lower[k] == "up" || r.doc.Tokens[k].Tag == "DT" || r.doc.Tokens[k].Tag == "JJ":
		default:
			return -1
		}
	}
	return -1
}

// alleged reports whether the gerund trigger at t is what someone is
// accused or blamed of: "accused Iran of supplying", "blamed X for
// attacking".
func (r *reader) alleged(t int, s entities.Sentence) bool {
	if g := r.governingGerund(t, s); g >= 0 {
		t = g
	}
	if r.doc.Tokens[t].Tag != "VBG" || !r.tokenIs(t-1, s, "of", "for") {
		return false
	}
	for k := t - 2; k >= s.First && k >= t-8; k-- {
		for _, tr := range triggers[r.lower[k]] {
			if tr.typ == Accuse || tr.typ == Criticize {
				return true
			}
		}
	}
	return false
}

// afterDateline returns the first token of sentence s after a dateline
// that opens it ("BOGOTA, Colombia (AP) —"), or s.First when there is
// none: the place of the dateline is not the sentence's subject.
func (r *reader) afterDateline(s entities.Sentence) int {
	closed := false
	for k := s.First; k < s.Last && k < s.First+15; k++ {
		switch r.lower[k] {
		case ")":
			closed = true
		case "—", "–", "-", "--":
			if closed {
				return k + 1
			}
			return s.First
		}
	}
	return s.First
}

// finiteTag reports whether a POS tag is a finite verb's.
func finiteTag(tag string) bool { return tag == "VBD" || tag == "VBZ" || tag == "VBP" }

// militaryNouns head a subject that is someone's armed force.
var militaryNouns = map[string]bool{
	"forces": true, "troops": true, "army": true, "soldiers": true, "military": true, "navy": true, "fighters": true,
}

// causeWords make their object the subject of the bare verb after it:
// "drones that helped Azerbaijan defeat the separatists".
var causeWords = map[string]bool{
	"help": true, "helps": true, "helped": true, "helping": true, "enable": true, "enables": true,
	"enabled": true, "enabling": true, "allow": true, "allows": true, "allowed": true, "allowing": true,
	"let": true, "lets": true, "letting": true,
}

// causee returns the actor that a verb of enabling puts before the bare
// or to-infinitive trigger at t ("helped Azerbaijan (to) defeat"), or -1.
func (r *reader) causee(t int, s entities.Sentence) int {
	if tag := r.doc.Tokens[t].Tag; tag != "VB" && tag != "VBP" && tag != "NN" {
		return -1 // prose tags some bare verbs after a name NN: "helped Azerbaijan defeat"
	}
	k := t - 1
	if r.tokenIs(k, s, "to") {
		k--
	}
	mi := r.mentionEndingAt(k, s)
	if mi < 0 || r.doc.Mentions[mi].Type == entities.Loc || r.doc.Mentions[mi].Type == entities.Misc {
		return -1
	}
	f := r.doc.Mentions[mi].First
	if f-1 < s.First || !causeWords[r.lower[f-1]] {
		return -1
	}
	return mi
}

// isSubjectHead reports whether token k is a noun heading a subject
// that names an actor: "The U.S. government".
func (r *reader) isSubjectHead(k int) bool {
	switch r.lower[k] {
	case "government", "administration", "ministry", "army", "military", "president", "minister", "leader", "officials", "spokesman", "spokeswoman", "spokesperson":
		return k > 0 && r.mentionAt[k-1] >= 0
	}
	return false
}

// needsFit checks a trigger's required companion word ("sent aid",
// "military presence").
func (r *reader) needsFit(t int, s entities.Sentence, tr trigger) bool {
	if tr.typ == MilitaryPresenceIn && (r.lower[t] == "presence" || r.lower[t] == "forces") {
		// Only a military presence; "bases" and "forces" also need a
		// military word or a nationality right before them.
		for k := t - 1; k >= s.First && k >= t-3; k-- {
			switch r.lower[k] {
			case "military", "naval", "air", "army", "troop", "armed", "nuclear", "missile":
				return true
			}
			if mi := r.mentionAt[k]; mi >= 0 && r.lower[t] != "presence" {
				return true
			}
		}
		return false
	}
	if len(tr.before) > 0 {
		ok := false
		for k := t - 1; k >= s.First && k >= t-3 && !ok; k-- {
			for _, w := range tr.before {
				ok = ok || r.lower[k] == w
			}
		}
		if !ok {
			return false
		}
	}
	if len(tr.needs) == 0 {
		return true
	}
	for k := t + 1; k < s.Last && k <= t+4; k++ {
		for _, w := range tr.needs {
			if r.lower[k] == w {
				return true
			}
		}
	}
	return false
}

// readTrigger finds the arguments of one trigger and records the relation.
func (r *reader) readTrigger(t, si int, tr trigger) bool {
	if tr.personal {
		return r.joined(t, si, tr)
	}
	s := r.doc.Sentences[si]
	if tr.mode == pair && tr.pos != 'V' && r.mediated(t, s) {
		return false // "Saudi Arabia and the United States mediated talks": not between them
	}
	if tr.pos != 'V' && modifierTypes[tr.typ] && t+1 < s.Last && r.mentionAt[t+1] < 0 &&
		(r.doc.Tokens[t+1].Tag == "NN" || r.doc.Tokens[t+1].Tag == "NNS" || nounOnly[r.lower[t+1]]) && (tr.pos == 'N' || nounOnly[r.lower[t]]) {
		return false // "the Philippines' only treaty ally", "attack helicopters": a modifier
	}
	if tr.typ == Visit && tr.pos == 'V' && r.tokenIs(t+1, s, "back", "home") {
		return false // "flew back to Texas": going home is no visit
	}
	conf := 0.9 // an explicit trigger with both arguments beside it
	var srcs, dsts []int
	once := false // "once counted X as an ally": no longer

	tag := r.doc.Tokens[t].Tag
	passive := tr.pos != 'N' && !tr.stative && (tag == "VBN" || tag == "VBD") && (r.passiveAux(t, s) ||
		// "initialed a deal at the White House, hosted by President
		// Trump": a participle after a comma with its agent
		(r.tokenIs(t-1, s, ",") && r.tokenIs(t+1, s, "by")))
	if tr.typ == Accuse && tr.pos == 'V' && r.tokenIs(t+1, s, "of") && !passive {
		// "three Chinese companies accused of supplying drone parts":
		// "accuse" takes an object before "of"; with none, it is a
		// passive whose accuser, if any, follows "by".
		passive = true
	}
	switch {
	case (tr.mode == pair || (tr.typ == Fight && tr.pos == 'N')) && r.tokenIs(t+1, s, "between"):
		// "talks between X and Y", "the war between Israel and Hezbollah"
		a, b := r.betweenPair(t+2, s)
		if a < 0 || b < 0 {
			return false
		}
		srcs, dsts = []int{a}, []int{b}
	case passive:
		// "was welcomed by X": X is the source.
		by := -1
		for k := t + 1; k < s.Last && k <= t+10 && r.lower[k] != "," && !boundaryWords[r.lower[k]]; k++ {
			if r.lower[k] == "by" {
				by = k
				break
			}
		}
		if by < 0 {
			return false
		}
		srcs = r.mentionsAfter(by+1, s, 4)
		dsts = r.subjects(t, si)
		conf -= 0.05
		if tr.typ == Host && len(dsts) > 0 && len(srcs) > 0 {
			// "X was welcomed in Vilnius by Y": X visited Vilnius.
			for k := t + 1; k < by; k++ {
				if r.lower[k] == "in" || r.lower[k] == "to" {
					if p := r.mentionAt[k+1]; p >= 0 && r.doc.Mentions[p].Type == entities.GPE {
						src, _ := r.actor(dsts[0])
						r.add(Relation{Type: Visit, Source: src, Target: r.doc.Mentions[p].Entity, Modality: r.modality(t, si), When: r.when(si), Confidence: 0.65}, si)
					}
					break
				}
			}
		}
	case tr.mode == backing:
		giver := r.possessorOf(t, s)
		if giver < 0 {
			giver = r.modifierOf(t, s)
		}
		if giver < 0 {
			return false
		}
		srcs = []int{giver}
		dsts = r.objects(t, s, tr)
		if len(dsts) == 0 {
			// "X benefited immensely from Y's intervention"
			if v := r.beneficiaryVerb(r.doc.Mentions[giver].First, s); v >= 0 {
				dsts = r.subjects(v, si)
			}
		}
		if len(dsts) > 1 {
			dsts = dsts[:1]
		}
	case tr.pos != 'V' && r.tokenIs(t+1, s, "from", "by") && tr.typ == Visit:
		// "a visit from X to Y"
		srcs = r.mentionsAfter(t+2, s, 5)
		if len(srcs) == 0 {
			return false
		}
		end := r.doc.Mentions[srcs[0]].Last
		for k := end; k < s.Last && k <= end+2; k++ {
			if r.lower[k] == "to" {
				dsts = r.mentionsAfter(k+1, s, 3)
				break
			}
		}
	default:
		dsts = r.objects(t, s, tr)
		if len(dsts) == 0 && tr.typ == GrantAsylum {
			dsts = r.indirectObject(t, si)
		}
		if len(dsts) == 0 && tr.typ == Threaten {
			if dsts = r.threatTargets(t, s); len(dsts) > 0 {
				conf -= 0.2
			}
		}
		srcs = r.subjects(t, si)
		if len(dsts) == 0 && tr.preps == nil && tr.pos == 'V' && r.tokenIs(t+1, s, "him", "her") {
			// "revoked his visa and accused him of inciting violence":
			// the pronoun resolved, never to the subject itself.
			if p := r.pronounReferent(t+1, si); p >= 0 && (len(srcs) == 0 || r.doc.Mentions[srcs[0]].Entity != r.doc.Mentions[p].Entity) {
				dsts = []int{p}
				conf -= 0.1
			}
		}
		if len(dsts) == 0 && tr.mode == pair && tr.pos == 'N' {
			// "Lula, who once counted Maduro as a close ally": the
			// verb's object is the partner, its subject the other side.
			if o, v := r.asObject(t, s); o >= 0 {
				dsts, srcs = []int{o}, r.subjects(v, si)
				once = r.tokenIs(v-1, s, "once", "formerly")
			}
		}
		if p := r.possessorOf(t, s); p >= 0 && tr.mode != pair && tr.typ != DependsOn && strings.HasPrefix(r.doc.Tokens[t].Tag, "NN") {
			// "Moscow's war against Ukraine": the possessor acts.
			srcs = append([]int{p}, without(srcs, p)...)
		} else if p := r.pronounPossessor(t, si); p >= 0 && tr.mode != pair && strings.HasPrefix(r.doc.Tokens[t].Tag, "NN") {
			// "..., his first trip to India": his, not the name nearest.
			srcs = append([]int{p}, without(srcs, p)...)
		} else if m := r.modifierOf(t, s); m >= 0 && tr.mode != pair && strings.HasPrefix(r.doc.Tokens[t].Tag, "NN") {
			// "Russian bases in Syria": the nationality before the noun
			// is its owner.
			srcs = append([]int{m}, without(srcs, m)...)
		}
		if h := r.appositiveHead(t, s); h >= 0 && (strings.HasPrefix(r.doc.Tokens[t].Tag, "NN") || nounOnly[r.lower[t]]) {
			for k := r.doc.Mentions[h].Last; k < t; k++ {
				if r.lower[k] == "once" || r.lower[k] == "formerly" {
					once = true // "Saudi Arabia, once Lebanon's main backer,"
				}
			}
			// "X, the party's leader and a long-time critic of Y,": the
			// apposition describes X.
			srcs = append([]int{h}, without(srcs, h)...)
		}
		if tr.mode == pair && tr.pos == 'N' && len(dsts) == 0 {
			// "Turkey is Azerbaijan's closest ally": the possessor is the
			// partner, the clause's subject the other side.
			if p := r.possessorOf(t, s); p >= 0 {
				dsts = []int{p}
				srcs = without(srcs, p)
			}
		}
		if tr.typ == Interview {
			srcs, dsts = r.interviewArgs(t, si, srcs, dsts)
		}
	}
	if len(srcs) > 0 {
		// "Estonia, Latvia and Lithuania imposed bans": every member.
		srcs = append(srcs[:1:1], append(r.listBefore(srcs[0], s), srcs[1:]...)...)
	}
	if len(dsts) == 0 && tr.mode == pair && len(srcs) > 1 && r.listed(srcs[0], srcs[1], s) && r.predicate(t, s, tr) {
		// "The ministers of Japan, China and South Korea met": each pair.
		return r.addPairs(t, si, tr, r.listGroup(srcs, s))
	}
	if tr.mode == pair && len(dsts) == 0 {
		// "The two countries signed a treaty": the two states of the
		// talks the article has just reported.
		if two := r.twoPartiesSubject(t, si); two != nil {
			return r.add(Relation{Type: tr.typ, Source: two[0], Target: two[1], Modality: r.modality(t, si),
				When: r.when(si), Confidence: 0.55}, si)
		}
	}
	if tr.mode == pair && tr.pos == 'N' && len(dsts) == 0 && r.tokenIs(t+1, s, "that", "which") {
		// "joint exercises that South Korea and the United States plan
		// to hold": the relative clause's list subject are the parties.
		if a, b := r.betweenPair(t+2, s); a >= 0 {
			return r.addPairs(t, si, tr, []int{a, b})
		}
	}
	if len(srcs) == 0 && len(dsts) == 0 && tr.mode == pair {
		// "the continuation of Russian bases in Syria was on the
		// negotiating table": with no subject or object, a clause that
		// names exactly two states pairs them.
		if two := r.twoStates(t, s); two != nil {
			return r.addPairs(t, si, tr, two)
		}
	}
	if len(srcs) == 0 || len(dsts) == 0 {
		return false
	}
	if tr.typ == Host {
		r.hostVisit(t, si, dsts)
	}
	mod := r.modality(t, si)
	if tr.stative && mod == Asserted {
		mod = Intended // "X is expected in Riyadh": not there yet
	}
	if mod == Asserted && r.alleged(t, s) {
		mod = Reported // "accused Iran of supplying the Houthis": alleged
	}
	when := r.when(si)
	ended := 0
	if endable[tr.typ] {
		ended = r.endedBefore(t, s)
	}
	if ended == 2 {
		return false // "threatened to cut aid to X": whether aid flows, we cannot say
	}
	former := r.formerBefore(t, s) || tr.past || once || ended == 1
	typ0 := tr.typ
	if typ0 == Fight && r.threatCue(t, s) {
		// "ready to strike Iranian nuclear facilities": a stated
		// readiness to attack is a threat, and the threat is made
		// (unless only reported or denied).
		typ0 = Threaten
		if mod == Intended {
			mod = Asserted
			if r.reportedIn(s) {
				mod = Reported
			}
		}
	}
	// The subject and the members of its list first ("Estonia, Latvia
	// and Lithuania imposed bans"), then the other candidates, nearest
	// first, until one fits.
	group := r.listGroup(srcs, s)
	rest := []int{}
	for _, a := range srcs[1:] {
		if !r.listed(srcs[0], a, s) {
			rest = append(rest, a)
		}
	}
	tryOne := func(a int) bool {
		src, st := r.actor(a)
		if st == entities.Loc || st == entities.Misc {
			return false // seas and events do not act
		}
		found := false
		for _, b := range dsts {
			dst, _ := r.actor(b)
			// A paper interviews its own country's officials.
			if src < 0 || dst < 0 || src == dst || (tr.typ != Interview && r.sameSide(src, dst)) {
				continue
			}
			if tr.noPlace && r.doc.Mentions[b].Type.IsPlace() {
				// "captured Pokrovsk" names a place; "captured North
				// Korean soldiers" fights North Korea.
				continue
			}
			if tr.departure {
				sc, dc := r.countryOf[src], r.countryOf[dst]
				if sc == "" || dc == "" || sc == dc || !r.doc.Entities[dst].Type.IsPlace() {
					continue
				}
			}
			typ := typ0
			if typ == Fight && r.lower[t] == "clashed" && r.doc.Entities[src].Type == entities.Person && r.doc.Entities[dst].Type == entities.Person {
				typ = Criticize // "Petro has clashed with Trump over deportations": words, not arms
			}
			if (typ == Meet || typ == Host) && b >= 0 && r.possessedNoun(b, s) {
				// "met Alice Weidel's critics": not Weidel.
				continue
			}
			if typ == Host && r.troopsAfter(b, s) {
				// "ready to host more NATO troops": NATO's forces would
				// be in the host's country.
				host := r.asState(src)
				if r.doc.Entities[src].Type == entities.Person {
					host = r.stateOfPerson(src)
				}
				if host >= 0 && r.add(Relation{Type: MilitaryPresenceIn, Source: dst, Target: host, Modality: mod, When: when,
					Confidence: r.confidence(conf, t, a, b) - 0.1}, si) {
					found = true
				}
				continue
			}
			if typ == Host && r.modifiesThing(b, s) {
				continue // "welcomed the U.S. strikes": no guest
			}
			if typ == ProvideAid && r.doc.Entities[dst].Type == entities.Loc {
				// "sent warships to the southern Caribbean": forces sent
				// to a sea or region are a presence there, not aid.
				typ = MilitaryPresenceIn
			}
			rel := Relation{Type: typ, Source: src, Target: dst, Modality: mod, When: when,
				Former: former, Confidence: r.confidence(conf, t, a, b)}
			if !r.add(rel, si) {
				continue
			}
			found = true
			if tr.typ == Host && r.doc.Entities[src].Type == entities.Person && r.doc.Entities[dst].Type != entities.Org {
				// A host meets the guest.
				meet := rel
				meet.Type, meet.Confidence = Meet, rel.Confidence-0.1
				r.add(meet, si)
			}
		}
		return found
	}
	found := false
	for _, a := range group {
		found = tryOne(a) || found
	}
	for _, a := range rest {
		if found {
			break
		}
		found = tryOne(a)
	}
	return found
}

// modifierOf returns a nationality or country right before the noun at
// t, perhaps across one adjective ("Russian naval bases"), or -1.
func (r *reader) modifierOf(t int, s entities.Sentence) int {
	k := t - 1
	if k >= s.First && r.mentionAt[k] < 0 && (r.doc.Tokens[k].Tag == "JJ" || r.lower[k] == "military") {
		k--
	}
	mi := r.mentionEndingAt(k, s)
	if mi < 0 {
		return -1
	}
	if t := r.doc.Mentions[mi].Type; t != entities.NORP && t != entities.GPE {
		return -1
	}
	return mi
}

// beneficiaryVerb returns the verb of benefit before "from" at k-1
// ("benefited immensely from"), or -1.
func (r *reader) beneficiaryVerb(k int, s entities.Sentence) int {
	if !r.tokenIs(k-1, s, "from") {
		return -1
	}
	for v := k - 2; v >= s.First && v >= k-4; v-- {
		switch r.lower[v] {
		case "benefited", "benefitted", "benefits", "benefit", "benefiting", "profited", "relied", "relies", "survived":
			return v
		}
	}
	return -1
}

// possessorOf returns the mention that possesses the noun at t ("Syria's
// new leadership", "Azerbaijan's closest ally"), or -1.
func (r *reader) possessorOf(t int, s entities.Sentence) int {
	k := t - 1
	for n := 0; n < 3 && k >= s.First; n++ {
		if mi := r.mentionAt[k]; mi >= 0 && r.doc.Mentions[mi].Type == entities.NORP && r.doc.Mentions[mi].First == k && !r.possessiveAt(k-1, s) {
			k-- // "Lebanon's main Arab backer": a nationality among the adjectives
			continue
		}
		if r.mentionAt[k] < 0 && (r.doc.Tokens[k].Tag == "JJ" || r.doc.Tokens[k].Tag == "JJS" || strings.HasPrefix(r.doc.Tokens[k].Tag, "RB")) {
			k--
			continue
		}
		break
	}
	if !r.possessiveAt(k, s) {
		return -1
	}
	return r.mentionEndingAt(k-1, s)
}

func without(xs []int, x int) []int {
	out := xs[:0:0]
	for _, v := range xs {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}

// twoStates returns the mentions of exactly two different countries in
// the clause around t, when the clause names no other actor; else nil.
func (r *reader) twoStates(t int, s entities.Sentence) []int {
	lo, hi := t, t
	for lo > s.First && !boundaryWords[r.lower[lo-1]] && !(r.lower[lo-1] == "that" && r.doc.Tokens[lo-1].Tag == "IN") && r.lower[lo-1] != "," {
		lo--
	}
	for hi < s.Last-1 && !boundaryWords[r.lower[hi+1]] && r.lower[hi+1] != "," {
		hi++
	}
	var out []int
	seen := map[int]bool{}
	for k := lo; k <= hi; k++ {
		mi := r.mentionAt[k]
		if mi < 0 {
			continue
		}
		k = r.doc.Mentions[mi].Last - 1
		e, typ := r.actor(mi)
		if typ != entities.GPE || !r.statelike(mi) && r.doc.Mentions[mi].Type != entities.GPE {
			return nil
		}
		if !seen[e] {
			seen[e] = true
			out = append(out, mi)
		}
	}
	if len(out) != 2 {
		return nil
	}
	return out
}

// predicate reports whether the trigger at t states something of its
// subject: a verb, or a noun after a copula ("X and Y are allies").
func (r *reader) predicate(t int, s entities.Sentence, tr trigger) bool {
	if tr.pos == 'V' || (strings.HasPrefix(r.doc.Tokens[t].Tag, "VB") && tr.pos != 'N') {
		return true
	}
	for k := t - 1; k >= s.First && k >= t-6; k-- {
		// "X and Y are allies", "X and Y held talks": a copula or a
		// light verb governs the noun; "called on NATO allies" does not.
		if r.lower[k] == "of" && r.tokenIs(k-1, s, "round", "rounds", "series") {
			continue // "held a new round of indirect talks"
		}
		if r.mentionAt[k] >= 0 || prepositions[r.lower[k]] {
			return false
		}
		if strings.HasPrefix(r.doc.Tokens[k].Tag, "VB") {
			return true
		}
	}
	return false
}

// listed reports whether mentions a and b belong to one list.
func (r *reader) listed(a, b int, _ entities.Sentence) bool {
	// The list lies in the mentions' own sentence, which for a pronoun's
	// referents may be the one before the trigger's.
	s := r.doc.Sentences[r.doc.SentenceOf(r.doc.Mentions[a].First)]
	for _, x := range r.listBefore(a, s) {
		if x == b {
			return true
		}
	}
	for _, x := range r.listBefore(b, s) {
		if x == a {
			return true
		}
	}
	return false
}

// listGroup returns the members of the list that holds srcs[0].
func (r *reader) listGroup(srcs []int, s entities.Sentence) []int {
	out := []int{srcs[0]}
	for _, x := range srcs[1:] {
		if r.listed(srcs[0], x, s) {
			out = append(out, x)
		}
	}
	return out
}

// addPairs records a symmetric relation between every two members.
func (r *reader) addPairs(t, si int, tr trigger, members []int) bool {
	mod, when := r.modality(t, si), r.when(si)
	members = append([]int(nil), members...)
	sort.Ints(members) // text order
	found := false
	for i := range members {
		for j := i + 1; j < len(members); j++ {
			a, _ := r.actor(members[i])
			b, _ := r.actor(members[j])
			if a >= 0 && b >= 0 && a != b && r.add(Relation{Type: tr.typ, Source: a, Target: b, Modality: mod, When: when, Confidence: r.confidence(0.75, t, members[i], members[j])}, si) {
				found = true
			}
		}
	}
	return found
}

// hostVisit reads "welcomed X to Y" and "hosted X in Y": X visited Y.
func (r *reader) hostVisit(t, si int, guests []int) {
	s := r.doc.Sentences[si]
	last := guests[len(guests)-1]
	k := r.doc.Mentions[last].Last
	if !r.tokenIs(k, s, "to", "in") || k+1 >= s.Last {
		return
	}
	place := r.mentionAt[k+1]
	if place < 0 || r.doc.Mentions[place].Type != entities.GPE {
		return
	}
	for _, g := range guests {
		src, _ := r.actor(g)
		r.add(Relation{Type: Visit, Source: src, Target: r.doc.Mentions[place].Entity, Modality: r.modality(t, si),
			When: r.when(si), Confidence: 0.7}, si)
	}
}

// passiveAux reports whether a form of "be" stands before the verb at t,
// allowing one adverb between ("was later received").
func (r *reader) passiveAux(t int, s entities.Sentence) bool {
	for k := t - 1; k >= s.First && k >= t-2; k-- {
		if auxiliaries[r.lower[k]] {
			return true
		}
		if !strings.HasPrefix(r.doc.Tokens[k].Tag, "RB") {
			return false
		}
	}
	return false
}

// confidence lowers base for arguments far from the trigger at t: a
// subject three clauses back, or one brought in from another sentence by
// a pronoun or a description, is less sure than one beside the verb.
func (r *reader) confidence(base float64, t, a, b int) float64 {
	d := 0
	for _, mi := range []int{a, b} {
		m := r.doc.Mentions[mi]
		if x := abs(m.First - t); x > d {
			d = x
		}
		if y := abs(m.Last - 1 - t); y > d && m.Last-1 < t {
			d = y
		}
	}
	c := base - 0.015*float64(max(d-3, 0))
	if r.doc.SentenceOf(r.doc.Mentions[a].First) != r.doc.SentenceOf(t) || r.doc.SentenceOf(r.doc.Mentions[b].First) != r.doc.SentenceOf(t) {
		c -= 0.15
	}
	return min(max(c, 0.3), 0.95)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// sameSide reports whether two entities belong to one country, so one
// cannot visit, praise or fight the other ("Putin praised the ties
// between Moscow and Damascus" is about Damascus).
func (r *reader) sameSide(a, b int) bool {
	ca, cb := r.countryOf[a], r.countryOf[b]
	return ca != "" && ca == cb
}

// betweenPair reads "X and Y" starting at token k.
func (r *reader) betweenPair(k int, s entities.Sentence) (int, int) {
	if r.tokenIs(k, s, "the") {
		k++
	}
	if k >= s.Last || r.mentionAt[k] < 0 {
		return -1, -1
	}
	a := r.mentionAt[k]
	k = r.doc.Mentions[a].Last
	if r.possessiveAt(k, s) {
		return -1, -1
	}
	if !r.tokenIs(k, s, "and") {
		return -1, -1
	}
	k++
	if r.tokenIs(k, s, "the") {
		k++
	}
	if k >= s.Last || r.mentionAt[k] < 0 {
		return -1, -1
	}
	return a, r.mentionAt[k]
}

// isQualifier reports whether mention mi only qualifies what follows it:
// "Russian President Vladimir Putin", "Kremlin spokesperson Dmitry
// Peskov", "Syrian news outlet SANA".
func (r *reader) isQualifier(mi int, s entities.Sentence) bool {
	m := r.doc.Mentions[mi]
	k := m.Last
	poss := r.possessiveAt(k, s)
	if poss {
		k++
	}
	for n := 0; k < s.Last && n < 5; k, n = k+1, n+1 {
		if r.mentionAt[k] >= 0 {
			typ := r.doc.Mentions[r.mentionAt[k]].Type
			return (n > 0 || poss) && (typ == entities.Person || typ == entities.Org)
		}
		if f, _ := r.titleEndingAt(k, s); f >= 0 {
			continue
		}
		if r.lower[k] == "of" && k+1 < s.Last {
			if f, _ := r.titleEndingAt(k+1, s); f >= 0 && f < k {
				continue // "U.S. Secretary of State Marco Rubio"
			}
		}
		if r.lower[k] == "." && k > s.First && r.gaz.Title(r.lower[k-1]+".") != entities.NoRole {
			continue // "Capt ." split by the tokenizer
		}
		if r.lower[k] == "," && n > 0 && k+1 < s.Last && r.mentionAt[k+1] >= 0 && strings.HasPrefix(r.doc.Tokens[k-1].Tag, "NN") {
			continue // "Venezuela's state oil company, PDVSA"
		}
		tag := r.doc.Tokens[k].Tag
		if !(strings.HasPrefix(tag, "NN") || tag == "JJ" || titleModifiers[r.lower[k]]) || r.lower[k] == "," {
			return false
		}
	}
	return false
}

// describesPerson reports whether mention mi is a nationality or country
// qualifying a title noun: "the Argentine diplomat", "the Omani ruler".
func (r *reader) describesPerson(mi int, s entities.Sentence) bool {
	m := r.doc.Mentions[mi]
	if m.Type != entities.NORP && m.Type != entities.GPE {
		return false
	}
	k := m.Last
	if r.possessiveAt(k, s) {
		k++
	}
	for k < s.Last && r.mentionAt[k] < 0 && titleModifiers[r.lower[k]] {
		k++
	}
	// "a top Russian security official": up to two more lower-case words.
	for skip := 0; skip <= 2 && k+skip < s.Last; skip++ {
		for n := 3; n >= 1; n-- {
			if f, ro := r.titleEndingAt(k+skip+n-1, s); f == k+skip && ro != entities.NoRole {
				return k+skip+n >= s.Last || r.mentionAt[k+skip+n] < 0
			}
		}
		if w := r.doc.TokenText(k + skip); r.mentionAt[k+skip] >= 0 || strings.ToLower(w) != w {
			break
		}
	}
	return false
}

// personAfterOther reports whether mention mi is a person and mention b
// is not: two such cannot be members of one list.
func (r *reader) personAfterOther(mi, b int) bool {
	return r.doc.Mentions[mi].Type == entities.Person && r.doc.Mentions[b].Type != entities.Person
}

// prepObject reports whether mention mi is the object of a preposition.
func (r *reader) prepObject(mi int, s entities.Sentence) bool {
	k := r.doc.Mentions[mi].First - 1
	for k >= s.First && (r.lower[k] == "the" || r.lower[k] == "a" || titleModifiers[r.lower[k]] || r.isTitleWord(k, s)) {
		k--
	}
	if k >= s.First && (r.lower[k] == "and" || r.lower[k] == ",") {
		// A later member of a list shares the first one's role:
		// "between Lithuania and Poland" (listBefore tells a list from
		// two clauses: "parts to Russia, and Britain expelled").
		if before := r.listBefore(mi, s); len(before) > 0 {
			return r.prepObject(before[len(before)-1], s)
		}
	}
	if r.tokenIs(k, s, "of") && r.isTitleWord(k-1, s) {
		// "the presidents of Estonia, Latvia and Lithuania met": the
		// countries stand for their leaders, the clause's subject.
		return false
	}
	return k >= s.First && prepositions[r.lower[k]]
}

// afterPreposition reports whether a preposition other than "of"
// (perhaps with "the") stands right before mention mi: "of" heads lists
// that are subjects ("the ministers of Japan, China and South Korea met").
func (r *reader) afterPreposition(mi int, s entities.Sentence) bool {
	k := r.doc.Mentions[mi].First - 1
	if r.tokenIs(k, s, "the") {
		k--
	}
	return k >= s.First && prepositions[r.lower[k]] && r.lower[k] != "of"
}

func (r *reader) isTitleWord(k int, s entities.Sentence) bool {
	f, _ := r.titleEndingAt(k, s)
	return f >= 0
}

// appositiveHead returns the person or body an apposition containing the
// noun at t describes: "X, a long-time critic of Y," gives X. The
// apposition opens with a comma after the mention and "a", "an" or "the",
// and holds no finite verb up to t. It returns -1 otherwise.
func (r *reader) appositiveHead(t int, s entities.Sentence) int {
	for k := t - 1; k > s.First; k-- {
		switch tag := r.doc.Tokens[k].Tag; {
		case tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD":
			return -1
		case r.lower[k] == "," && k+1 < t && r.tokenIs(k+1, s, "a", "an", "the"):
			h := r.mentionEndingAt(k-1, s)
			if h < 0 {
				return -1
			}
			if ty := r.doc.Mentions[h].Type; ty != entities.Person && ty != entities.Org {
				return -1
			}
			return h
		case r.lower[k] == "," && k+1 < t && r.possessedApposition(k+1, s) && r.tokenIs(t+1, s, ","):
			// "Cuba, Maduro's closest ally, depends on": closed by a
			// comma, the apposition may describe a state too.
			h := r.mentionEndingAt(k-1, s)
			if h < 0 || r.doc.Mentions[h].Type == entities.Loc || r.doc.Mentions[h].Type == entities.Misc {
				return -1
			}
			return h
		case r.lower[k] == "," || boundaryWords[r.lower[k]]:
			return -1
		}
	}
	return -1
}

// pronounPossessor resolves "his"/"her" owning the noun at t, across
// adjectives and ordinals ("his first official trip"), or returns -1.
func (r *reader) pronounPossessor(t, si int) int {
	s := r.doc.Sentences[si]
	k := t - 1
	for n := 0; n < 3 && k >= s.First && r.mentionAt[k] < 0 && (r.doc.Tokens[k].Tag == "JJ" || r.doc.Tokens[k].Tag == "CD" || r.doc.Tokens[k].Tag == "NN"); n++ {
		k--
	}
	if !r.tokenIs(k, s, "his", "her") {
		return -1
	}
	return r.pronounReferent(k, si)
}

// possessedApposition reports whether an apposition opening at token k
// starts with a possessive name: "Maduro's closest ally", "the
// Philippines' only treaty ally".
func (r *reader) possessedApposition(k int, s entities.Sentence) bool {
	if r.tokenIs(k, s, "once", "formerly", "long", "still", "now") {
		k++ // "Saudi Arabia, once Lebanon's main Arab backer,"
	}
	if r.tokenIs(k, s, "the") {
		k++
	}
	return k < s.Last && r.mentionAt[k] >= 0 && r.possessiveAt(r.doc.Mentions[r.mentionAt[k]].Last, s)
}

// subjects returns candidate sources for the trigger at t, best first:
// the actors to its left in the same clause that are not objects of a
// preposition nor mere qualifiers, skipping relative clauses; for a
// sentence that opens with the trigger's clause ("Upon welcoming X, Y
// said"), the subject after it; a personal pronoun resolves to the
// nearest person before it.
func (r *reader) subjects(t, si int) []int {
	s := r.doc.Sentences[si]
	if x := r.causee(t, s); x >= 0 {
		return []int{x}
	}
	if r.doc.Tokens[t].Tag == "VBG" && t-1 > s.First && r.lower[t-1] == "," {
		// "NATO launched its mission in January, deploying frigates to
		// the Baltic Sea": a trailing participle's subject is the
		// sentence's.
		if x := r.subjectOf(si, si, t); x >= 0 && r.doc.Mentions[x].First <= s.First+1 {
			return []int{x}
		}
	}
	if g := r.governingGerund(t, s); g >= 0 {
		// "accused Cairo of carrying out airstrikes": the noun's act is
		// the gerund's, whose agent is found as for a gerund trigger.
		t = g
	}
	if r.doc.Tokens[t].Tag == "VBG" && t-1 > s.First && (r.lower[t-1] == "for" || r.lower[t-1] == "of") {
		// "thanked Iran for supplying drones": the object does it;
		// "Iran was sanctioned last year for supplying drones": the
		// passive's subject does.
		if x := r.mentionEndingAt(t-2, s); x >= 0 && !r.prepObject(x, s) {
			return []int{x}
		}
		for k := t - 2; k > s.First; k-- {
			if r.doc.Tokens[k].Tag == "VBN" && auxiliaries[r.lower[k-1]] {
				if x := r.subjectOf(si, si, k); x >= 0 {
					return []int{x}
				}
				break
			}
		}
	}
	if r.doc.Tokens[t].Tag == "VBG" && t-1 > s.First && adjunctWords[r.lower[t-1]] && r.lower[t-1] != "when" && r.lower[t-1] != "since" {
		// "X held talks before leaving Muscat": the gerund's subject
		// is the clause's.
		return r.subjects(t-1, si)
	}
	var out []int
	pron := -1 // a personal pronoun met on the way, used when no name is
	// A finite verb after "and" shares the subject of the verb before it.
	coordinated := strings.HasPrefix(r.doc.Tokens[t].Tag, "VB") && r.doc.Tokens[t].Tag != "VBG" && r.doc.Tokens[t].Tag != "VBN" &&
		(r.tokenIs(t-1, s, "and") || (r.tokenIs(t-2, s, "and") && r.doc.Tokens[t-1].Tag == "RB"))
	body := r.afterDateline(s)
	for k := t - 1; k >= body; k-- {
		if len(out) == 0 && k > s.First && r.lower[k] == "that" && r.doc.Tokens[k].Tag == "IN" && pron >= 0 && r.lower[pron] == "it" {
			// "X said that it had granted asylum": "it" is X.
			if x := r.reportingSubject(k, s); x >= 0 {
				out = append(out, x)
			}
			break
		}
		if len(out) == 0 && k > s.First && (boundaryWords[r.lower[k]] || (r.lower[k] == "that" && r.doc.Tokens[k].Tag == "IN")) {
			if coordinated && adjunctWords[r.lower[k]] && k+1 < t && r.doc.Tokens[k+1].Tag == "VBG" {
				// "X held talks before leaving Muscat and thanked Y": the
				// gerund clause is an adjunct; "thanked" shares X.
				continue
			}
			break
		}
		if r.lower[k] == "," {
			// Skip ", who/which ... ," relative clauses and appositions.
			if j := r.clauseStart(k, s); j >= 0 {
				k = j
				continue
			}
		}
		if len(out) == 0 && pron < 0 && r.definiteTitle(k, t, s) {
			// "the minister said": the one holder of that title named so far.
			if p := r.titleHolder(k, si); p >= 0 {
				out = append(out, p)
			}
			break
		}
		if len(out) == 0 && pron < 0 && r.nounSubject(k, t, s) {
			// "the two sides had agreed to meet", "Baltic states warn":
			// a common noun heads the subject; only a name qualifying it
			// ("U.S. forces have struck") can stand for it.
			if mi := r.mentionEndingAt(k-1, s); mi >= 0 && r.doc.Mentions[mi].Type != entities.Person {
				out = append(out, mi)
			} else if x := r.groupNoun(k, si); x >= 0 {
				out = append(out, x) // "the bloc said", "the group claimed"
			} else if r.tokenIs(k-1, s, "its", "their") {
				// "CENTCOM said its forces had destroyed": the owner.
				if x := r.reportingSubject(k-1, s); x >= 0 {
					out = append(out, x)
				}
			} else if p := r.possessorOf(k, s); p >= 0 && r.doc.Mentions[p].Type != entities.Person {
				// "Russia's central bank sued Euroclear": the owner.
				out = append(out, p)
			} else if r.tokenIs(k-1, s, "his", "her") && militaryNouns[r.lower[k]] {
				// "Zelenskyy said his forces had captured": his.
				if p := r.pronounReferent(k-1, si); p >= 0 {
					out = append(out, p)
				}
			}
			break
		}
		if len(out) == 0 && (r.lower[k] == "that" || r.lower[k] == "which" || r.lower[k] == "who") && r.doc.Tokens[k].Tag != "IN" {
			// A relative clause's subject is its antecedent: "Kaliningrad,
			// the Russian exclave ... that depends on".
			if a := r.antecedent(k, s); a >= 0 {
				out = append(out, a)
				break
			}
			continue // "X led a coalition that fought Y": keep looking
		}
		if pronouns[r.lower[k]] && len(out) == 0 && pron < 0 {
			pron = k
			if subjectPronouns[r.lower[k]] && r.lower[k] != "it" {
				break // "he said": the subject is the pronoun's referent
			}
			continue
		}
		mi := r.mentionAt[k]
		if mi < 0 {
			continue
		}
		k = r.doc.Mentions[mi].First
		a := k - 1
		for a >= s.First && r.mentionAt[a] < 0 && (r.lower[a] == "the" || titleModifiers[r.lower[a]] || r.isTitleWord(a, s)) {
			a-- // "after President Nicolas Maduro met"
		}
		m := r.doc.Mentions[mi]
		finite := finiteTag(r.doc.Tokens[t].Tag) || (m.Last < t && finiteTag(r.doc.Tokens[m.Last].Tag)) // "after Washington doubled tariffs"
		if len(out) == 0 && a >= s.First && adjunctWords[r.lower[a]] && finite && m.Type != entities.Loc {
			// "a day after JNIM, al-Qaida's affiliate, attacked": "after"
			// opens a clause here, and the name is its subject.
			out = append(out, mi)
			break
		}
		if r.prepObject(mi, s) || r.isQualifier(mi, s) {
			continue
		}
		if r.verbObject(mi, s) {
			continue // "X visited Moscow and praised Beijing": Moscow is visited
		}
		if f := r.doc.Mentions[mi].First; coordinated && f-1 >= s.First && strings.HasPrefix(r.doc.Tokens[f-1].Tag, "VB") && r.possessiveAt(r.doc.Mentions[mi].Last, s) {
			// "praised South Africa's presidency and met X": the first
			// verb's object, not the subject "met" shares.
			continue
		}
		if t := r.doc.Mentions[mi].Type; (t == entities.Loc || t == entities.Misc) && len(out) == 0 {
			break // "Baltic states warn": the subject is there, and does not act
		}
		if r.describesPerson(mi, s) {
			// "The Argentine diplomat criticized Iran": a person, not
			// Argentina; named only when the text makes it plain.
			if p := r.describedPerson(mi, si); p >= 0 {
				out = append(out, p)
			}
			break
		}
		out = append(out, mi)
		if len(out) == 2 {
			break
		}
	}
	if len(out) > 0 && pron >= 0 && r.lower[pron] == "it" && !r.itBeforeThat(pron, s) {
		// "has told Washington it is ready to strike": "it" is not
		// Washington but whoever told it, if a state or body did.
		out = nil
		if x := r.tellerOf(pron, s); x >= 0 {
			out = append(out, x)
		}
	}
	if len(out) == 0 && pron >= 0 && r.lower[pron] == "they" {
		out = r.pluralReferent(pron, si)
	} else if len(out) == 0 && pron >= 0 && r.lower[pron] != "it" {
		if p := r.pronounReferent(pron, si); p >= 0 {
			out = append(out, p)
		}
	}
	if len(out) == 0 && r.openingClause(t, s) {
		for k := t + 1; k < s.Last; k++ {
			if r.lower[k] != "," {
				continue
			}
			for j := k + 1; j < s.Last && j < k+12; j++ {
				if mi := r.mentionAt[j]; mi >= 0 && !r.isQualifier(mi, s) {
					out = append(out, mi)
					break
				}
			}
			break
		}
	}
	return out
}

// groupKinds maps the nouns news uses to refer back to a body already
// named to the gazetteer kinds of body they fit.
var groupKinds = map[string][]string{
	"bloc": {"intl"}, "alliance": {"intl"}, "union": {"intl"}, "organisation": {"intl"}, "organization": {"intl"},
	"group": {"armed", "party"}, "movement": {"armed", "party"}, "militia": {"armed"}, "rebels": {"armed"},
	"insurgents": {"armed"}, "militants": {"armed"}, "party": {"party"},
	"agency": {"intl", "gov", "media"}, "watchdog": {"intl", "gov"}, "monitor": {"media", "intl"},
	"broadcaster": {"media"}, "newspaper": {"media"}, "outlet": {"media"}, "company": {"company"},
}

// groupNoun resolves "the bloc", "the group" at token k to the nearest
// organisation of a fitting kind named in this sentence or the three
// before it, or -1. Only a definite description counts.
func (r *reader) groupNoun(k, si int) int {
	if k < r.doc.Sentences[si].First || k >= r.doc.Sentences[si].Last {
		return -1
	}
	kinds, ok := groupKinds[r.lower[k]]
	if !ok {
		return -1
	}
	d := k - 1
	if s := r.doc.Sentences[si]; d > s.First && r.mentionAt[d] < 0 && (r.doc.Tokens[d].Tag == "JJ" || strings.Contains(r.lower[d], "-")) && r.tokenIs(d-1, s, "the") {
		d-- // "the 27-nation bloc", "the militant group"
	}
	if !r.tokenIs(d, r.doc.Sentences[si], "the") {
		return -1
	}
	return r.nearestBody(d-1, si, kinds)
}

// nearestBody returns the nearest organisation mention of one of the
// gazetteer kinds at or before token k, in sentence si or the three
// before it, or -1.
func (r *reader) nearestBody(k, si int, kinds []string) int {
	lo := r.doc.Sentences[max(si-3, 0)].First
	for j := k; j >= lo; j-- {
		mi := r.mentionAt[j]
		if mi < 0 {
			continue
		}
		j = r.doc.Mentions[mi].First
		m := r.doc.Mentions[mi]
		if m.Type != entities.Org || m.End != r.doc.Tokens[m.Last-1].End {
			continue // "the al-Qaida-linked group" is not al-Qaida
		}
		for _, e := range r.gaz.Lookup(m.Canonical) {
			if e.Type == entities.Org {
				for _, kind := range kinds {
					if e.Kind == kind {
						return mi
					}
				}
				break
			}
		}
	}
	return -1
}

// twoPartiesSubject finds "the two countries" heading the subject of the
// trigger at t, and resolves it.
func (r *reader) twoPartiesSubject(t, si int) []int {
	s := r.doc.Sentences[si]
	k := t - 1
	if strings.HasPrefix(r.doc.Tokens[t].Tag, "NN") {
		// "the two countries signed a mutual defense treaty": back
		// over the noun's modifiers to its verb.
		for k > s.First && k >= t-4 && r.mentionAt[k] < 0 && (r.doc.Tokens[k].Tag == "DT" || r.doc.Tokens[k].Tag == "JJ" || r.doc.Tokens[k].Tag == "NN") {
			k--
		}
		if k <= s.First || !strings.HasPrefix(r.doc.Tokens[k].Tag, "VB") {
			return nil
		}
	}
	for k > s.First && (r.doc.Tokens[k].Tag == "MD" || strings.HasPrefix(r.doc.Tokens[k].Tag, "VB") || strings.HasPrefix(r.doc.Tokens[k].Tag, "RB")) {
		k-- // "the two countries have also agreed"
	}
	if r.tokenIs(k, s, ",") {
		if j := r.clauseStart(k, s); j >= 0 {
			k = j - 1 // "The neighbors, both NATO members, signed"
		}
	}
	return r.twoParties(k, si)
}

// twoParties resolves "the two countries", "both sides" at token k: the
// two states of the last symmetric relation (a meeting, talks, a deal)
// found before this sentence, or nil when it is not such a phrase or
// there is none.
func (r *reader) twoParties(k, si int) []int {
	s := r.doc.Sentences[si]
	if k < s.First || k >= s.Last {
		return nil
	}
	var want entities.Type
	switch r.lower[k] {
	case "countries", "nations", "sides", "governments", "neighbours", "neighbors", "states":
		want = entities.GPE
	case "leaders", "presidents", "ministers", "men", "women", "officials", "diplomats":
		want = entities.Person
	default:
		return nil
	}
	if !r.tokenIs(k-1, s, "two", "both") && !(r.tokenIs(k-1, s, "the") && (r.lower[k] == "neighbors" || r.lower[k] == "neighbours")) {
		return nil // "the two countries", "both sides", "the neighbors"
	}
	for i := len(r.rels) - 1; i >= 0; i-- {
		rel := r.rels[i]
		if !rel.Type.Symmetric() || rel.Evidence[0].Start > s.Start {
			continue
		}
		a, b := r.doc.Entities[rel.Source], r.doc.Entities[rel.Target]
		if a.Type == want && b.Type == want {
			return []int{rel.Source, rel.Target}
		}
		if want == entities.GPE && a.Type == entities.Person && b.Type == entities.Person {
			// "Kim received Shoigu ... The two countries signed a
			// treaty": the states the two serve.
			if sa, sb := r.stateOfPerson(rel.Source), r.stateOfPerson(rel.Target); sa >= 0 && sb >= 0 && sa != sb {
				return []int{sa, sb}
			}
		}
	}
	return nil
}

// verbObject reports whether mention mi is the object of the verb before
// it and not the subject of a clause of its own ("suggest Moscow has
// sent" keeps Moscow a subject).
func (r *reader) verbObject(mi int, s entities.Sentence) bool {
	m := r.doc.Mentions[mi]
	k := m.First - 1
	// "met Egyptian President Abdel Fattah el-Sisi": past the title and
	// the nationality qualifying it.
	for k >= s.First && r.mentionAt[k] < 0 && (r.isTitleWord(k, s) || titleModifiers[r.lower[k]]) {
		k--
	}
	if q := r.mentionAt[max(k, 0)]; k >= s.First && k < m.First-1 && q >= 0 && r.doc.Mentions[q].Type == entities.NORP {
		k = r.doc.Mentions[q].First - 1
	}
	if r.tokenIs(k, s, "the") && k < m.First-1 {
		k--
	}
	if k < s.First || !strings.HasPrefix(r.doc.Tokens[k].Tag, "VB") || !isWord(r.lower[k]) {
		return false // prose tags a dash "—" VBD now and then
	}
	if m.Last < s.Last {
		if next := r.doc.Tokens[m.Last].Tag; strings.HasPrefix(next, "VB") || next == "MD" || r.possessiveAt(m.Last, s) {
			return false // "suggest Moscow has", "support Moscow's war"
		}
	}
	return true
}

// isWord reports whether a token starts with a letter.
func isWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}

// definiteTitle reports whether token k is a title heading the subject
// of the trigger at t with nothing but "the" before it: "the minister
// said", "The president warned".
func (r *reader) definiteTitle(k, t int, s entities.Sentence) bool {
	if r.mentionAt[k] >= 0 || !r.tokenIs(k-1, s, "the") || r.gaz.Title(r.lower[k]) == entities.NoRole {
		return false
	}
	for j := k + 1; j < t; j++ {
		if tag := r.doc.Tokens[j].Tag; tag != "MD" && !strings.HasPrefix(tag, "VB") && !strings.HasPrefix(tag, "RB") {
			return false
		}
	}
	return k+1 <= t && t-k <= 4
}

// titleHolder returns a mention of the one person whose role found so
// far has a title ending in the word at k ("the minister": "Foreign
// Minister Sergey Lavrov"), or -1 when none or several do.
func (r *reader) titleHolder(k, si int) int {
	word := r.lower[k]
	holder := -1
	for _, rel := range r.rels {
		if rel.Type != LeaderOf && rel.Type != OfficialOf {
			continue
		}
		f := strings.Fields(strings.ToLower(rel.Title))
		if len(f) == 0 || f[len(f)-1] != word {
			continue
		}
		if holder >= 0 && holder != rel.Source {
			return -1 // two ministers: say nothing
		}
		holder = rel.Source
	}
	if holder < 0 || len(r.doc.Entities[holder].Mentions) == 0 {
		return -1
	}
	return r.doc.Entities[holder].Mentions[0]
}

// nounSubject reports whether token k is a common noun heading the
// subject of the verb group that ends at the trigger t: the noun is
// followed, before t, only by auxiliaries, adverbs and the verb itself.
func (r *reader) nounSubject(k, t int, s entities.Sentence) bool {
	if r.mentionAt[k] >= 0 || !strings.HasPrefix(r.doc.Tokens[k].Tag, "NN") || strings.HasPrefix(r.doc.Tokens[k].Tag, "NNP") {
		return false
	}
	if r.isTitleWord(k, s) {
		return false // "Russian President Putin", "the Turkish leader": descriptions
	}
	j := k + 1
	if j > t {
		return false
	}
	verb, sawVB := false, false
	nounTrigger := strings.HasPrefix(r.doc.Tokens[t].Tag, "NN")
	for ; j <= t; j++ {
		tag := r.doc.Tokens[j].Tag
		switch {
		case j == t:
			verb = verb || strings.HasPrefix(tag, "VB") || tag == "MD" || (nounTrigger && sawVB)
		case tag == "MD" || strings.HasPrefix(tag, "VB") || strings.HasPrefix(tag, "RB") || r.lower[j] == "to":
			verb = verb || tag == "MD" || tag == "VBD" || tag == "VBZ" || tag == "VBP"
			sawVB = sawVB || strings.HasPrefix(tag, "VB")
		case nounTrigger && sawVB && (tag == "DT" || tag == "JJ" || tag == "CD" || tag == "PRP$"):
			// "the bloc would propose new sanctions": the verb's object
			// may be the trigger noun.
		default:
			return false
		}
	}
	return verb && (r.doc.Tokens[k+1].Tag == "MD" || strings.HasPrefix(r.doc.Tokens[k+1].Tag, "VB"))
}

// antecedent returns the mention a relative pronoun at k refers to: the
// one right before it, or the name an apposition before it describes
// ("Kaliningrad, the Russian exclave wedged between A and B that ..."),
// or -1.
func (r *reader) antecedent(k int, s entities.Sentence) int {
	j := k - 1
	if r.tokenIs(j, s, ",") {
		j--
	}
	if mi := r.mentionEndingAt(j, s); mi >= 0 && !r.isQualifier(mi, s) {
		// "the exclave wedged between Lithuania and Poland that": the
		// mention may end a prepositional phrase; only trust it when
		// it is not the object of one.
		if !r.prepObject(mi, s) && r.listBefore(mi, s) == nil {
			return mi
		}
		// "talks with President Donald Trump, who imposed tariffs": "who"
		// after a person is that person, object of a preposition or not.
		if r.lower[k] == "who" && r.doc.Mentions[mi].Type == entities.Person && r.listBefore(mi, s) == nil {
			return mi
		}
	}
	for c := k - 1; c >= s.First && c > k-15; c-- {
		if r.lower[c] == "," && r.tokenIs(c+1, s, "the", "a", "an") {
			if mi := r.mentionEndingAt(c-1, s); mi >= 0 {
				return mi
			}
			return -1
		}
	}
	return -1
}

// clauseStart returns the index of the comma that opens a relative clause
// or apposition ending at the comma k ("X, who led Y, met Z"), or -1.
func (r *reader) clauseStart(k int, s entities.Sentence) int {
	for j := k - 1; j >= s.First && j > k-30; j-- {
		if r.lower[j] == "," {
			switch r.lower[j+1] {
			case "who", "which", "whose", "whom", "a", "an", "the":
				return j
			}
			// ", Rafael Grossi," or ", Prince Faisal bin Farhan," names the
			// noun before it: keep it ("Field Marshal" is one title).
			first := j + 1
			for first < k && r.mentionAt[first] < 0 {
				if r.gaz.Title(r.lower[first]) != entities.NoRole || r.gaz.Title(r.lower[first]+".") != entities.NoRole || r.lower[first] == "." || titleModifiers[r.lower[first]] {
					first++
					continue
				}
				if f, _ := r.titleEndingAt(first+1, s); f == first {
					first += 2
					continue
				}
				break
			}
			if mi := r.mentionAt[first]; mi >= 0 && r.doc.Mentions[mi].First == first && r.doc.Mentions[mi].Last == k && r.doc.Mentions[mi].Type == entities.Person {
				return -1
			}
			// An apposition has no finite verb: "Iran, long a rival,".
			for x := j + 1; x < k; x++ {
				switch r.doc.Tokens[x].Tag {
				case "VBD", "VBZ", "VBP", "MD":
					return -1
				}
			}
			return j
		}
	}
	return -1
}

// openingClause reports whether the trigger sits in an adverbial clause
// that opens the sentence: "Upon welcoming ...", "During an interview ...".
func (r *reader) openingClause(t int, s entities.Sentence) bool {
	for k := s.First; k < t; k++ {
		if r.lower[k] == "," {
			return false
		}
	}
	first := r.doc.Tokens[s.First].Tag
	return first == "IN" || first == "VBG" || first == "VBN" || t == s.First
}

// itBeforeThat reports whether the pronoun "it" at k opens its clause
// after a comma or a conjunction, where a subject found further left
// ("Although Russia ..., it offered asylum") is its referent.
func (r *reader) itBeforeThat(k int, s entities.Sentence) bool {
	return k > s.First && (r.lower[k-1] == "," || r.lower[k-1] == "and" || r.lower[k-1] == "but" || r.lower[k-1] == "that")
}

// tellVerbs report speech to an addressee: "told Washington it ...".
var tellVerbs = map[string]bool{
	"told": true, "tells": true, "informed": true, "informs": true, "assured": true,
	"assures": true, "warned": true, "warns": true, "notified": true,
}

// tellerOf resolves "it" at k in "X has told Y it is ready": the state or
// body that opens the sentence as the telling verb's subject, or -1.
func (r *reader) tellerOf(k int, s entities.Sentence) int {
	y := r.mentionEndingAt(k-1, s)
	if y < 0 {
		return -1
	}
	v := r.doc.Mentions[y].First - 1
	if v <= s.First || !tellVerbs[r.lower[v]] {
		return -1
	}
	x := -1
	for j := s.First; j < v; j++ {
		if mi := r.mentionAt[j]; mi >= 0 {
			x = mi
			break
		}
	}
	if x < 0 || r.doc.Mentions[x].First > s.First+1 {
		return -1 // only a subject that opens the sentence
	}
	if t := r.doc.Mentions[x].Type; t != entities.GPE && t != entities.Org {
		return -1
	}
	return x
}

// reportingSubject returns the organisation or country that says the
// clause opened by "that" at k: "Lithuania's Migration Department said
// separately that ...".
func (r *reader) reportingSubject(k int, s entities.Sentence) int {
	for j := k - 1; j >= s.First && j > k-6; j-- {
		mi := r.mentionAt[j]
		if mi < 0 {
			continue
		}
		if t := r.doc.Mentions[mi].Type; (t == entities.Org || t == entities.GPE) && !r.prepObject(mi, s) {
			return mi
		}
		return -1
	}
	return -1
}

// pluralReferent resolves "they" conservatively: the list that is the
// subject of its sentence before it, or of the sentence before ("Estonia,
// Latvia and Lithuania met in Riga. They called on ..."). Anything else,
// and any doubt, gives nil.
func (r *reader) pluralReferent(k, si int) []int {
	for _, sj := range []int{si, si - 1} {
		if mi := r.subjectOf(sj, si, k); mi >= 0 {
			if list := r.listFrom(mi, r.doc.Sentences[sj]); len(list) > 1 {
				return list
			}
		}
	}
	return nil
}

// pronounReferent resolves a personal pronoun conservatively: the person
// who is the subject of its sentence, or else of the sentence before.
// A person known to be of the other sex is passed over: "she" is not
// "Vladimir Putin".
func (r *reader) pronounReferent(k, si int) int {
	want := pronounSex[r.lower[k]]
	for _, sj := range []int{si, si - 1} {
		mi := r.subjectOf(sj, si, k)
		if mi < 0 || r.doc.Mentions[mi].Type != entities.Person {
			continue
		}
		if sex := r.sexOf(r.doc.Mentions[mi].Entity); want != 0 && sex != 0 && sex != want {
			continue
		}
		return mi
	}
	return -1
}

// pronounSex gives the sex a personal pronoun refers to.
var pronounSex = map[string]byte{
	"he": 'm', "him": 'm', "his": 'm', "himself": 'm',
	"she": 'f', "her": 'f', "hers": 'f', "herself": 'f',
}

// sexHonorifics are words before a name that tell its bearer's sex.
var sexHonorifics = map[string]byte{
	"mr": 'm', "mr.": 'm', "king": 'm', "prince": 'm', "sheikh": 'm', "sir": 'm', "lord": 'm',
	"mrs": 'f', "mrs.": 'f', "ms": 'f', "ms.": 'f', "miss": 'f', "queen": 'f', "princess": 'f',
	"sheikha": 'f', "dame": 'f', "lady": 'f',
}

// sexOf returns 'm' or 'f' for a person entity whose sex the text or
// its given name tells, and 0 otherwise: an honorific before one of its
// mentions ("Ms. Wong") wins over the given name's list.
func (r *reader) sexOf(e int) byte {
	if e < 0 || e >= len(r.doc.Entities) {
		return 0
	}
	if sex, ok := r.sex[e]; ok {
		return sex
	}
	var sex byte
	ent := r.doc.Entities[e]
	for _, mi := range ent.Mentions {
		if f := r.doc.Mentions[mi].First; f > 0 {
			if h := sexHonorifics[r.lower[f-1]]; h != 0 {
				sex = h
				break
			}
		}
	}
	if sex == 0 {
		if f := strings.Fields(ent.Name); len(f) > 1 {
			sex = r.gaz.Gender(f[0])
		}
	}
	r.sex[e] = sex
	return sex
}

// subjectOf returns the first mention of sentence sj that is neither the
// object of a preposition nor a qualifier, taken as its subject; in the
// pronoun's own sentence si only mentions before token k count. It
// returns -1 when there is none or sj is out of range.
func (r *reader) subjectOf(sj, si, k int) int {
	if sj < 0 {
		return -1
	}
	s := r.doc.Sentences[sj]
	quoted := false
	for j := r.afterDateline(s); j < s.Last && (sj != si || j < k); j++ {
		if quoteMarks[r.lower[j]] {
			quoted = !quoted // "'...Putin does not want peace,' Zelenskyy said": not Putin
			continue
		}
		mi := r.mentionAt[j]
		if mi < 0 || quoted {
			continue
		}
		j = r.doc.Mentions[mi].Last - 1
		if r.prepObject(mi, s) || r.isQualifier(mi, s) || r.possessiveAt(r.doc.Mentions[mi].Last, s) {
			continue // "Myanmar's military ruler, ... X": X is the subject
		}
		return mi
	}
	return -1
}

// objects returns candidate targets after the trigger at t: after one of
// its prepositions when it has them, else the first actors that follow.
func (r *reader) objects(t int, s entities.Sentence, tr trigger) []int {
	if tr.preps == nil {
		if r.tokenIs(t+1, s, "that") {
			return nil // "warned that Russia was ...": a clause, not an object
		}
		out := r.dropModifiers(r.mentionsAfter(t+1, s, 8), s, tr.typ == Visit)
		if len(out) > 0 && tr.typ != Visit && r.afterPrep(out[0], t, s) {
			// "warned in a statement carried by KCNA", "probably in
			// Rome": an agent, a place or a time, not the object.
			if tr.typ == Fight {
				return r.militaryTarget(t, out[0], s)
			}
			return nil
		}
		if len(out) > 0 && tr.typ == Fight && r.doc.Mentions[out[0]].Type.IsPlace() {
			// "attacked an army base near Djibo": the forces, not the town.
			if m := r.militaryTarget(t, out[0], s); m != nil {
				return m
			}
		}
		return out
	}
	// What is sent or deployed may be a list: "sent warships, a
	// submarine and fighter jets to the Caribbean".
	things := tr.typ == ProvideAid || tr.typ == MilitaryPresenceIn
	reach := 7
	if things {
		reach = 12
	}
	for k := t + 1; k < s.Last && k <= t+reach; k++ {
		if r.mentionAt[k] >= 0 || (r.lower[k] == "," && !things) || (things && r.lower[k] == "," && r.tokenIs(k+1, s, "which", "who", "where")) {
			// "sent oil supplies to X": words may stand between the
			// trigger and its preposition; a name or a comma may not,
			// but for a list of things sent; a verb never.
			break
		}
		if things && strings.HasPrefix(r.doc.Tokens[k].Tag, "VB") {
			break
		}
		for _, p := range tr.preps {
			if r.lower[k] == p {
				if p == "to" && k+1 < s.Last && r.doc.Tokens[k+1].Tag == "VB" {
					return nil // "sent troops to fight Ukraine": a purpose, not a recipient
				}
				if p == "between" {
					if a, b := r.betweenPair(k+1, s); a >= 0 {
						return []int{a, b}
					}
					return nil
				}
				if r.tokenIs(k+1, s, "the") && k+2 < s.Last && r.mentionAt[k+2] < 0 {
					if _, ok := groupKinds[r.lower[k+2]]; ok {
						// "an airstrike against the group near Kismayo":
						// the group named before, not the place.
						if g := r.groupNoun(k+2, r.doc.SentenceOf(t)); g >= 0 {
							return []int{g}
						}
						return nil
					}
				}
				if tr.stative {
					// "is due in Bogota": the place right after, not
					// "due in large part to Russia".
					j := k + 1
					if r.tokenIs(j, s, "the") {
						j++
					}
					if j >= s.Last || r.mentionAt[j] < 0 {
						return nil
					}
				}
				return r.mentionsAfter(k+1, s, 4)
			}
		}
	}
	if tr.typ == ProvideAid && tr.pos == 'V' {
		// "supplied Azerbaijan with armed drones"
		k := t + 1
		if r.tokenIs(k, s, "the") {
			k++
		}
		if k < s.Last && r.mentionAt[k] >= 0 {
			mi := r.mentionAt[k]
			if r.doc.Mentions[mi].First == k && r.tokenIs(r.doc.Mentions[mi].Last, s, "with") {
				return []int{mi}
			}
		}
	}
	return nil
}

// mentionsAfter returns the first actor mention starting within limit
// tokens of k, skipping determiners, adjectives and titles; and the
// mentions listed after it with "and".
func (r *reader) mentionsAfter(k int, s entities.Sentence, limit int) []int {
	var out []int
	comma := false
	for j := k; j < s.Last && j < k+limit; j++ {
		if r.lower[j] == "," && !comma && j > k && strings.HasPrefix(r.doc.Tokens[j-1].Tag, "NN") {
			// "sanctioned the party's founder, billionaire X": a name
			// in apposition to the object.
			comma, limit = true, limit+3
			continue
		}
		if r.lower[j] == "," || r.lower[j] == ";" || r.lower[j] == "." || boundaryWords[r.lower[j]] {
			break
		}
		if mi := r.mentionAt[j]; mi >= 0 {
			if r.isQualifier(mi, s) {
				// "China's Wang Yi", "Venezuela's state oil company,
				// PDVSA": the qualified name, however far.
				if n := r.nextActor(r.doc.Mentions[mi].First, s); n >= 0 {
					return append(out, r.listFrom(n, s)...)
				}
				j = r.doc.Mentions[mi].Last - 1
				continue
			}
			if r.describesPerson(mi, s) {
				if p := r.describedPerson(mi, r.doc.SentenceOf(j)); p >= 0 {
					mi = p
				}
			}
			return append(out, r.listFrom(mi, s)...)
		}
	}
	return out
}

// dropModifiers removes nationalities that modify a common noun
// ("German troops") from a list of candidate places.
func (r *reader) dropModifiers(ms []int, s entities.Sentence, visit bool) []int {
	out := ms[:0:0]
	for _, mi := range ms {
		m := r.doc.Mentions[mi]
		modifies := m.Last < s.Last && strings.HasPrefix(r.doc.Tokens[m.Last].Tag, "NN") && r.mentionAt[m.Last] < 0
		if modifies && (m.Type == entities.Loc || (visit && m.Type == entities.NORP)) {
			continue
		}
		out = append(out, mi)
	}
	return out
}

// locativePreps introduce places, times and agents, never a direct
// object.
var locativePreps = map[string]bool{
	"by": true, "in": true, "at": true, "from": true, "during": true, "since": true, "near": true,
	"after": true, "before": true, "under": true, "through": true, "within": true, "until": true,
}

// afterPrep reports whether mention mi, found after the trigger at t,
// sits in a locative or agentive phrase.
func (r *reader) afterPrep(mi, t int, s entities.Sentence) bool {
	k := r.doc.Mentions[mi].First - 1
	if r.tokenIs(k, s, "the") {
		k--
	}
	if k <= t || !locativePreps[r.lower[k]] {
		return false // "ties between A and B", "ready to strike X"
	}
	// "his counterparts from the UAE": the phrase qualifies the object
	// noun before it; "carried by KCNA", "probably in Rome", "the
	// delegations at the AU headquarters" do not.
	if r.lower[k] != "from" {
		return true
	}
	return !strings.HasPrefix(r.doc.Tokens[k-1].Tag, "NN") || r.doc.Tokens[k-1].Tag == "NNP"
}

// listFrom returns mention mi and the mentions listed after it: "X, Y
// and Z", "China's Wang Yi and South Korea's Cho Hyun".
func (r *reader) listFrom(mi int, s entities.Sentence) []int {
	out := []int{mi}
	e := r.doc.Mentions[mi].Last
	closed := 1 // members up to the last "and"
	for e+1 < s.Last && (r.lower[e] == "and" || r.lower[e] == ",") {
		k := e + 1
		and := r.lower[e] == "and"
		if r.lower[e] == "," && r.tokenIs(k, s, "and") {
			k++
			and = true
		}
		if r.tokenIs(k, s, "the") {
			k++ // "Iran and the United States"
		}
		n := r.nextActor(k, s)
		if n < 0 {
			break
		}
		out = append(out, n)
		if and {
			closed = len(out)
		}
		e = r.doc.Mentions[n].Last
	}
	// "against Ukraine, South Korea's spy agency said": a comma without
	// a closing "and" ends no list.
	return out[:closed]
}

// nextActor returns the mention starting at k, or, when that mention only
// qualifies the next one ("South Korea's Cho Hyun"), the one it qualifies.
func (r *reader) nextActor(k int, s entities.Sentence) int {
	for hops := 0; k < s.Last && hops < 3; hops++ {
		mi := r.mentionAt[k]
		if mi < 0 || r.doc.Mentions[mi].First != k {
			return -1
		}
		if !r.isQualifier(mi, s) {
			return mi
		}
		k = r.doc.Mentions[mi].Last
		for k < s.Last && r.mentionAt[k] < 0 {
			k++
		}
	}
	return -1
}

// listBefore returns the mentions listed before subject mi, nearest
// first: for "A, B and C agreed", C gives B and A.
func (r *reader) listBefore(mi int, s entities.Sentence) []int {
	var out []int
	f := r.doc.Mentions[mi].First
	for {
		k := f - 1
		// "Armenian Prime Minister Nikol Pashinyan and Azerbaijani
		// President Ilham Aliyev": past the member's title and the
		// nationality before it.
		q := k
		for q >= s.First && r.mentionAt[q] < 0 && (r.isTitleWord(q, s) || titleModifiers[r.lower[q]]) {
			q--
		}
		if q < k && q >= s.First && r.mentionAt[q] >= 0 && r.doc.Mentions[r.mentionAt[q]].Type == entities.NORP && r.doc.Mentions[mi].Type == entities.Person {
			k = r.doc.Mentions[r.mentionAt[q]].First - 1
		}
		if r.tokenIs(k, s, "the") {
			k-- // "Iran and the United States"
		}
		if !r.tokenIs(k, s, "and", ",") {
			return out
		}
		if r.tokenIs(k-1, s, ",") {
			k--
		}
		x := r.mentionEndingAt(k-1, s)
		if x < 0 || r.personAfterOther(mi, x) {
			// "the envoy for Yemen, Hans Grundberg": no list.
			return out
		}
		if e := r.doc.Mentions[mi].Last; e < s.Last && finiteTag(r.doc.Tokens[e].Tag) && r.afterPreposition(x, s) {
			// "parts to Russia, and Britain expelled": two clauses.
			return out
		}
		out = append(out, x)
		f = r.doc.Mentions[x].First
	}
}

// describedPerson names the person a description such as "the Turkish
// leader" or "his Armenian counterpart, Ararat Mirzoyan" stands for: the
// name in apposition after it, or the one person the document gives that
// country's role of the same kind. It returns -1 when unsure.
func (r *reader) describedPerson(mi, si int) int {
	s := r.doc.Sentences[si]
	m := r.doc.Mentions[mi]
	k := m.Last
	if r.possessiveAt(k, s) {
		k++
	}
	for k < s.Last && r.mentionAt[k] < 0 && titleModifiers[r.lower[k]] {
		k++
	}
	role, end := entities.NoRole, -1
	for skip := 0; skip <= 2 && end < 0 && k+skip < s.Last; skip++ {
		for n := 3; n >= 1; n-- {
			if f, ro := r.titleEndingAt(k+skip+n-1, s); f == k+skip {
				role, end = ro, k+skip+n-1
				break
			}
		}
	}
	if end < 0 || r.doc.Tokens[end].Tag == "NNS" || r.doc.Tokens[end].Tag == "NNPS" {
		return -1 // "Iranian officials" are more than the one official named
	}
	if r.tokenIs(end+1, s, ",") && end+2 < s.Last {
		if p := r.mentionAt[end+2]; p >= 0 && r.doc.Mentions[p].Type == entities.Person {
			return p
		}
	}
	country, _ := r.actor(mi)
	want := OfficialOf
	if role == entities.Leader {
		want = LeaderOf
	}
	holder := -1
	for _, rel := range r.rels {
		if rel.Type == want && !rel.Former && (rel.Target == country || r.countryOf[rel.Target] == m.Country) {
			if holder >= 0 && holder != rel.Source {
				return -1
			}
			holder = rel.Source
		}
	}
	if holder < 0 {
		return r.lonePersonBefore(mi, si)
	}
	for _, x := range r.doc.Entities[holder].Mentions {
		return x
	}
	return -1
}

// lonePersonBefore resolves a description that opens its sentence ("The
// Argentine diplomat, who runs the agency, has criticized Iran") to the
// one person the sentence before names, when that sentence names exactly
// one, this one names none before the description, and the person is
// not known to be of another country. It returns -1 otherwise.
func (r *reader) lonePersonBefore(mi, si int) int {
	if si == 0 {
		return -1
	}
	s := r.doc.Sentences[si]
	m := r.doc.Mentions[mi]
	f := m.First
	if r.tokenIs(f-1, s, "the") {
		f--
	}
	if f != s.First {
		return -1
	}
	p := r.doc.Sentences[si-1]
	lo, hi := r.sentMentions(p)
	person, last := -1, -1
	for x := lo; x < hi; x++ {
		e := r.doc.Mentions[x].Entity
		if r.doc.Mentions[x].Type != entities.Person || e < 0 {
			continue
		}
		if person >= 0 && person != e {
			return -1
		}
		person, last = e, x
	}
	if person < 0 {
		return -1
	}
	if c := r.countryOf[person]; c != "" && m.Country != "" && c != m.Country {
		return -1
	}
	return last
}

// interviewArgs orders an interview's arguments: the medium interviews
// the person. "an interview with CBS, al-Sharaa said", "the CBS
// interview", "told Reuters".
func (r *reader) interviewArgs(t, si int, srcs, dsts []int) ([]int, []int) {
	s := r.doc.Sentences[si]
	if mi := r.mentionEndingAt(t-1, s); mi >= 0 && r.doc.Mentions[mi].Type == entities.Org {
		// "the CBS interview": the person is the clause's subject.
		var people []int
		for _, c := range append(r.subjects(t, si), r.afterComma(t, s)...) {
			if r.doc.Mentions[c].Type == entities.Person {
				people = append(people, c)
			}
		}
		return []int{mi}, people
	}
	var orgs, people []int
	for _, c := range append(append([]int{}, dsts...), srcs...) {
		switch r.doc.Mentions[c].Type {
		case entities.Org:
			orgs = append(orgs, c)
		case entities.Person:
			people = append(people, c)
		}
	}
	if len(people) == 0 {
		people = r.afterComma(t, s)
	}
	return orgs, people
}

// afterComma returns the first person after the comma that closes the
// trigger's opening clause.
func (r *reader) afterComma(t int, s entities.Sentence) []int {
	for k := t + 1; k < s.Last; k++ {
		if r.lower[k] == "," {
			for j := k + 1; j < s.Last && j < k+6; j++ {
				if mi := r.mentionAt[j]; mi >= 0 && r.doc.Mentions[mi].Type == entities.Person {
					return []int{mi}
				}
			}
			return nil
		}
	}
	return nil
}

// modality reads negation, intention and report cues around the trigger.
func (r *reader) modality(t, si int) Modality {
	s := r.doc.Sentences[si]
	for k := t - 1; k >= s.First && k >= t-3; k-- {
		if negWords[r.lower[k]] {
			return Negated
		}
	}
	for k := t - 1; k >= s.First && k >= t-6; k-- {
		if r.lower[k] == "and" && (r.doc.Tokens[t].Tag == "VBD" || r.doc.Tokens[t].Tag == "VBZ") {
			break // "said the deal would deter aggression and thanked Tokyo"
		}
		if intentWords[r.lower[k]] && r.doc.TokenText(k) != "May" {
			return Intended
		}
		if offerWords[r.lower[k]] && r.tokenIs(k+1, s, "to") {
			return Intended // "offered to host American troops"; not "offered asylum"
		}
		if r.mentionAt[k] >= 0 && !(k == t-1 && strings.HasPrefix(r.doc.Tokens[t].Tag, "NN")) {
			break // a name ends the search, but for the one qualifying a noun trigger ("American troops")
		}
	}
	if r.reportedIn(s) {
		return Reported
	}
	return Asserted
}

// reportedIn reports whether sentence s carries a report cue ("according
// to", "reportedly").
func (r *reader) reportedIn(s entities.Sentence) bool {
	for k := s.First; k < s.Last; k++ {
	cues:
		for _, cue := range reportCues {
			for n, w := range cue {
				if k+n >= s.Last || r.lower[k+n] != w {
					continue cues
				}
			}
			return true
		}
	}
	return false
}

// endWords end a tie: "withdrew from the treaty", "scrapped the deal".
var endWords = map[string]bool{
	"withdrew": true, "withdrawn": true, "withdraw": true, "withdraws": true, "withdrawing": true,
	"quit": true, "quits": true, "exited": true, "abandoned": true, "scrapped": true, "scraps": true,
	"suspended": true, "suspends": true, "ended": true, "ends": true, "cut": true, "severed": true,
	"severs": true, "broke": true, "breaks": true, "terminated": true, "annulled": true, "renounced": true,
	"halted": true, "halts": true, "halt": true, "stopped": true, "stops": true, "stop": true, "froze": true,
	"frozen": true, "freeze": true, "lifted": true, "lifts": true, "lift": true, "cutting": true, "end": true,
}

// endable relation types are ties that an end word before their trigger
// marks as past: "withdrew from the treaty", "cut aid to", "lifted
// sanctions on", "ended the war with".
var endable = map[Type]bool{
	Agree: true, Cooperate: true, AllyOf: true, ProvideAid: true, Sanction: true, Fight: true, DependsOn: true,
}

// endedBefore reports whether a verb ending the tie stands up to four
// words before the trigger at t: 1 when the relation held and no longer
// does ("cut aid to"), 2 when the end is only threatened or intended
// ("threatened to cut aid to"), 0 otherwise.
func (r *reader) endedBefore(t int, s entities.Sentence) int {
	for k := t - 1; k >= s.First && k >= t-4; k-- {
		if endWords[r.lower[k]] {
			for j := k - 1; j >= s.First && j >= k-2; j-- {
				if intentWords[r.lower[j]] || r.lower[j] == "threatened" || r.lower[j] == "threatens" || r.lower[j] == "threaten" {
					return 2
				}
			}
			return 1
		}
		if r.mentionAt[k] >= 0 {
			return 0
		}
	}
	return 0
}

func (r *reader) formerBefore(t int, s entities.Sentence) bool {
	for k := t - 1; k >= s.First && k >= t-2; k-- {
		if r.lower[k] == "former" || r.lower[k] == "ex" {
			return true
		}
	}
	return false
}

var whenRE = regexp.MustCompile(`(?i)\b(?:(?:on|last|this|next|since|until|by)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:on|in|since|until|by|last|this|next|early|late|mid-?)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2})?(?:,?\s+\d{4})?|(?:January|February|March|April|June|July|August|September|October|November|December)\s+\d{1,2}(?:,\s+\d{4})?|(?:last|this|next|earlier this|later this)\s+(?:week|month|year|weekend)|yesterday|today|tonight|(?:in|since)\s+\d{4}|(?:January|February|March|April|June|July|August|September|October|November|December))\b`)

// when returns the first time expression of sentence si as written. The
// expression is searched once per sentence: whenRE is slow and every
// trigger of a sentence asks.
func (r *reader) when(si int) string {
	if !r.whenDone[si] {
		s := r.doc.Sentences[si]
		r.whenDone[si] = true
		for t := max(s.First, 0); t < s.Last && t < len(r.lower); t++ {
			if maybeTimeWord(r.lower[t]) {
				r.whens[si] = whenRE.FindString(r.doc.Text[s.Start:s.End])
				break
			}
		}
	}
	return r.whens[si]
}

// timeAnchors are lower-case pieces of which every whenRE match holds one
// (with maybeTimeWord's four digits in a row).
var timeAnchors = []string{"day", "tonight", "week", "month", "year",
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"}

// maybeTimeWord reports whether a lower-cased token could be part of a
// whenRE match: a cheap gate in front of the expression, which most
// sentences fail. Words with non-ASCII letters pass, as (?i) folds some
// of them to ASCII.
func maybeTimeWord(w string) bool {
	digits := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return true
		case '0' <= c && c <= '9':
			if digits++; digits == 4 {
				return true
			}
		default:
			digits = 0
		}
	}
	for _, a := range timeAnchors {
		if strings.Contains(w, a) {
			return true
		}
	}
	return false
}
