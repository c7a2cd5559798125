package entities

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// resolve groups doc's mentions into entities: one per referent.
//   - Names the gazetteer knows group by their canonical name ("U.S." and
//     "United States").
//   - A person's shorter mention joins the longer name it is part of
//     ("Putin" → "Vladimir Putin", "Sharaa" → "Ahmad al-Sharaa"), the
//     nearest one before it when several fit.
//   - An organisation's acronym joins the name it abbreviates ("IAEA").
//   - A word the tagger typed otherwise but which is part of a person's
//     name elsewhere in the article becomes that person.
//   - Anything else groups by type and normalised text.
func (m *Model) resolve(doc *Document) {
	ms := doc.Mentions
	if len(ms) == 0 {
		return
	}
	groupAppositions(doc)
	m.personConsistency(doc)
	compassCountries(doc)
	acronymSpellings(doc)

	// Each mention's folded words, computed once: the sort and the
	// look-ups below need them many times.
	wordsOf := make([][]string, len(ms))
	for i := range ms {
		wordsOf[i] = nameWords(doc.MentionText(i))
	}
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	// Longest names first, so short forms find the long ones.
	sort.SliceStable(order, func(a, b int) bool {
		return len(wordsOf[order[a]]) > len(wordsOf[order[b]])
	})

	var (
		clusters []*cluster
		byKey    = map[string]*cluster{}
		// byWord indexes person clusters by each word of their name, and
		// byInitials organisation clusters by the initials of theirs, so
		// that a short form is matched against the clusters that can fit
		// it, not against all of them.
		byWord     = map[string][]*cluster{}
		byInitials = map[string][]*cluster{}
	)
	// nearest returns the candidate with a member nearest before pos, or
	// failing that the first; a mention is resolved in time linear in the
	// number of candidates, whatever the number of mentions seen.
	round := -1 // the name length being resolved
	nearest := func(cands []*cluster, pos int) *cluster {
		var best *cluster
		bestDist := -1
		for _, c := range cands {
			d := c.distanceBefore(ms, pos, round)
			if best == nil || (d >= 0 && (bestDist < 0 || d < bestDist)) {
				best, bestDist = c, d
			}
		}
		return best
	}
	add := func(c *cluster, mi int) {
		c.members = append(c.members, mi)
		c.latest = mi
		c.latestRound = round
	}
	for _, mi := range order {
		mt := &ms[mi]
		text := doc.MentionText(mi)
		words := wordsOf[mi]
		if len(words) != round {
			// A new, shorter length: from now on the members added before
			// are searched by position.
			round = len(words)
			for _, c := range clusters {
				c.sortBefore(ms)
			}
		}
		var key string
		switch {
		case mt.Canonical != "":
			key = mt.Type.String() + "|" + mt.Canonical
		case mt.Type == Person:
			var fits []*cluster
			for _, c := range rarest(byWord, words) {
				if subsequence(words, c.words) {
					fits = append(fits, c)
				}
			}
			if len(fits) > 0 {
				add(nearest(fits, mt.Start), mi)
				continue
			}
			key = "PERSON|" + strings.Join(words, " ")
		case mt.Type == Org && isAcronym(text):
			if fits := byInitials[strings.ToLower(strings.ReplaceAll(text, ".", ""))]; len(fits) > 0 {
				add(nearest(fits, mt.Start), mi)
				continue
			}
			key = "ORG|" + strings.Join(words, " ")
		default:
			key = mt.Type.String() + "|" + strings.Join(words, " ")
		}
		if c, ok := byKey[key]; ok {
			add(c, mi)
			continue
		}
		c := &cluster{typ: mt.Type, key: key, words: words, latest: -1}
		add(c, mi)
		byKey[key] = c
		clusters = append(clusters, c)
		switch {
		case c.typ == Person:
			seen := map[string]bool{}
			for _, w := range words {
				if !seen[w] {
					seen[w] = true
					byWord[w] = append(byWord[w], c)
				}
			}
		case c.typ == Org && len(words) > 1:
			in := initials(words)
			byInitials[in] = append(byInitials[in], c)
		}
	}

	for _, c := range clusters {
		sort.Ints(c.members)
	}
	sort.Slice(clusters, func(a, b int) bool { return clusters[a].members[0] < clusters[b].members[0] })
	doc.Entities = doc.Entities[:0]
	for ei, c := range clusters {
		e := Entity{ID: "e" + strconv.Itoa(ei+1), Type: c.typ, Mentions: c.members}
		aliases := map[string]bool{}
		best := ""
		for _, mi := range c.members {
			ms[mi].Entity = ei
			ms[mi].Type = c.typ
			a := displayName(doc.MentionText(mi))
			aliases[a] = true
			if ms[mi].Canonical != "" && e.Name == "" {
				if ms[mi].composed {
					e.Key = ms[mi].Canonical
				} else {
					e.Name = ms[mi].Canonical
				}
			}
			if e.Country == "" {
				e.Country = ms[mi].Country
			}
			if betterName(a, best) {
				best = a
			}
		}
		if e.Name == "" {
			e.Name = best
		}
		for a := range aliases {
			e.Aliases = append(e.Aliases, a)
		}
		sort.Strings(e.Aliases)
		doc.Entities = append(doc.Entities, e)
	}
}

// cluster is one entity being built by resolve: the mentions that
// refer to one referent.
type cluster struct {
	typ     Type
	key     string
	words   []string // longest name's folded words (persons, orgs)
	members []int
	// before holds the starts of the members added in earlier rounds
	// (longer names), sorted; latest is the member added last and
	// latestRound the round it was added in. Within a round mentions
	// come in text order, so the latest member of the current round is
	// the nearest of that round before any later mention.
	before      []int
	sorted      int // members[:sorted] are in before
	latest      int
	latestRound int
}

// sortBefore moves the members added since the last call into before.
func (c *cluster) sortBefore(ms []Mention) {
	if c.sorted == len(c.members) {
		return
	}
	for _, mi := range c.members[c.sorted:] {
		c.before = append(c.before, ms[mi].Start)
	}
	c.sorted = len(c.members)
	sort.Ints(c.before)
}

// distanceBefore returns the distance from pos back to the nearest
// member starting at or before it, or 1<<40 when every member starts
// after it.
func (c *cluster) distanceBefore(ms []Mention, pos, round int) int {
	d := 1 << 40
	if i := sort.SearchInts(c.before, pos+1); i > 0 {
		d = pos - c.before[i-1]
	}
	if c.latest >= 0 && c.latestRound == round && ms[c.latest].Start <= pos {
		d = min(d, pos-ms[c.latest].Start)
	}
	return d
}

// rarest returns the shortest of the lists that index names of the
// given words: a name that has all the words is in each of them.
func rarest(index map[string][]*cluster, words []string) []*cluster {
	var best []*cluster
	for i, w := range words {
		l := index[w]
		if len(l) == 0 {
			return nil
		}
		if i == 0 || len(l) < len(best) {
			best = l
		}
	}
	return best
}

// betterName reports whether a names an entity better than b, both
// written as in the text: a name in capitals (a headline's) is worse
// than one that is not, then more words are better, then more bytes.
func betterName(a, b string) bool {
	if b == "" {
		return a != ""
	}
	if ac, bc := allCaps(a), allCaps(b); ac != bc {
		return bc
	}
	na, nb := len(nameWords(a)), len(nameWords(b))
	return na > nb || (na == nb && len(a) > len(b))
}

// allCaps reports whether s is a name of several words in capitals
// ("CAMP LAKESIDE"); an acronym ("NATO") is not.
func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n > 3 && strings.ContainsRune(s, ' ')
}

// groupNouns, heading an apposition, say that the name before is a body:
// "Jama'at Nusrat al-Islam wal-Muslimin, al-Qaida's affiliate in the
// Sahel", "X, a militant group".
var groupNouns = map[string]bool{
	"affiliate": true, "branch": true, "wing": true, "faction": true, "group": true, "militia": true,
	"movement": true, "organization": true, "organisation": true, "party": true, "offshoot": true,
	"coalition": true, "alliance": true, "network": true,
}

// groupAppositions retypes as an organisation a person-typed name that
// an apposition calls a group: the tagger reads long Arabic names of
// militant groups as people.
func groupAppositions(doc *Document) {
	for i := range doc.Mentions {
		mt := &doc.Mentions[i]
		if mt.Type != Person || mt.Canonical != "" {
			continue
		}
		k := mt.Last
		if k >= len(doc.Tokens) || doc.TokenText(k) != "," {
			continue
		}
		k++
		if k < len(doc.Tokens) {
			switch strings.ToLower(doc.TokenText(k)) {
			case "a", "an", "the":
				k++
			}
		}
		// "al-Qaida's": another name and its possessive may come first.
		if j := i + 1; j < len(doc.Mentions) && doc.Mentions[j].First == k && doc.Mentions[j].Last+1 < len(doc.Tokens) && isPossessive(doc.TokenText(doc.Mentions[j].Last)) {
			k = doc.Mentions[j].Last + 1
		}
		// up to two modifiers: "a militant group", "a Sunni jihadist group"
		for n := 0; n < 3 && k < len(doc.Tokens); n++ {
			w := strings.ToLower(doc.TokenText(k))
			if groupNouns[w] {
				// the head of its phrase: not "a party member", not "the
				// group's leader"
				if k+1 >= len(doc.Tokens) || (!isPossessive(doc.TokenText(k+1)) && !strings.HasPrefix(doc.Tokens[k+1].Tag, "NN")) {
					mt.Type = Org
				}
				break
			}
			if w == "," || w == "." || w == "who" || w == "whose" {
				break
			}
			k++
		}
	}
}

// acronymSpellings gives a long organisation name the list does not know
// the canonical name of an acronym in the text that the list does know,
// when the long name's initials spell it: "Jama'at Nusrat al-Islam
// wal-Muslimin ... known as JNIM", the list spelling it "Jama'at Nasr
// al-Islam wal Muslimin".
func acronymSpellings(doc *Document) {
	byAcronym := map[string]*Mention{}
	for i := range doc.Mentions {
		mt := &doc.Mentions[i]
		if mt.Type == Org && mt.Canonical != "" && isAcronym(doc.MentionText(i)) {
			byAcronym[strings.ToLower(strings.ReplaceAll(doc.MentionText(i), ".", ""))] = mt
		}
	}
	if len(byAcronym) == 0 {
		return
	}
	for i := range doc.Mentions {
		mt := &doc.Mentions[i]
		words := nameWords(doc.MentionText(i))
		if mt.Type != Org || mt.Canonical != "" || len(words) < 3 {
			continue
		}
		if a := byAcronym[initials(words)]; a != nil {
			mt.Canonical, mt.Country = a.Canonical, a.Country
		}
	}
}

// compassCountries reads "the North" as North Korea, "the South" as South
// Korea, in a document that names exactly one country whose name begins
// with that word: news writes them so once the country is named.
func compassCountries(doc *Document) {
	known := map[string]*Mention{} // compass word → the one country named with it
	ambiguous := map[string]bool{}
	for i := range doc.Mentions {
		mt := &doc.Mentions[i]
		if mt.Type != GPE || mt.Canonical == "" {
			continue
		}
		w, _, ok := strings.Cut(mt.Canonical, " ")
		if !ok || !compassWords[w] {
			continue
		}
		if k := known[w]; k != nil && k.Canonical != mt.Canonical {
			ambiguous[w] = true
		}
		known[w] = mt
	}
	for i := range doc.Mentions {
		mt := &doc.Mentions[i]
		w := doc.MentionText(i)
		c := known[w]
		if c == nil || ambiguous[w] || mt.Canonical != "" || mt.First == 0 || !strings.EqualFold(doc.TokenText(mt.First-1), "the") {
			continue
		}
		mt.Type, mt.Canonical, mt.Country = GPE, c.Canonical, c.Country
	}
}

var compassWords = map[string]bool{"North": true, "South": true, "East": true, "West": true}

// personConsistency retypes a mention that is one word of a person's
// name found elsewhere in the document ("Assad" tagged ORG once, "Bashar
// Assad" a PERSON), unless the gazetteer knows it.
func (m *Model) personConsistency(doc *Document) {
	surnames := map[string]bool{}
	for i, mt := range doc.Mentions {
		if mt.Type == Person {
			if w := nameWords(doc.MentionText(i)); len(w) > 1 {
				for _, x := range w {
					surnames[x] = true
				}
			}
		}
	}
	for i := range doc.Mentions {
		mt := &doc.Mentions[i]
		if mt.Type == Person || mt.Canonical != "" {
			continue
		}
		if w := nameWords(doc.MentionText(i)); len(w) == 1 && surnames[w[0]] {
			mt.Type = Person
		}
	}
}

// nameWords folds a name to lower-case words without accents, with the
// Arabic article "al-"/"el-" and a possessive removed ("al-Sharaa's" →
// ["sharaa"]). Connectors such as "bin" are kept.
func nameWords(s string) []string {
	s = displayName(s)
	var out []string
	for _, w := range strings.Fields(s) {
		w = foldWord(w)
		for _, p := range []string{"al-", "el-", "ad-", "as-", "an-", "ar-", "at-", "az-", "wal-"} {
			if strings.HasPrefix(w, p) && len(w) > len(p)+1 {
				w = w[len(p):]
				break
			}
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func foldWord(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'ı':
			b.WriteRune('i')
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '.' || r == '&':
			b.WriteRune(r)
		}
	}
	return b.String()
}

// displayName is a mention's text as a name: white space collapsed,
// curly apostrophes straightened, a leading "the" and a trailing
// possessive dropped.
func displayName(s string) string {
	s = normKey(s)
	s = strings.TrimSuffix(s, "'s")
	return strings.TrimSpace(s)
}

// subsequence reports whether every word of short appears in long in the
// same order, short not being only connectors.
func subsequence(short, long []string) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
	content := false
	j := 0
	for _, w := range short {
		for j < len(long) && long[j] != w {
			j++
		}
		if j == len(long) {
			return false
		}
		j++
		if !isConnector(w) {
			content = true
		}
	}
	return content
}

// initials returns the lower-case first letters of the content words.
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		switch w {
		case "of", "the", "and", "for", "on", "in", "&":
			continue
		}
		for _, part := range strings.Split(w, "-") {
			if part != "" {
				b.WriteByte(part[0])
			}
		}
	}
	return b.String()
}
