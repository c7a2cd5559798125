package entities

import (
	"context"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SequenceTagger labels a document, given as sentences of tokens, with
// IOB2 tags over CoNLL's four types (B-PER, I-ORG, B-LOC, I-MISC, O): one
// tag per token. *NERTagger is the trained implementation; any tagger
// that fits may be plugged in with WithTagger.
type SequenceTagger interface {
	Tag(sents [][]string) [][]string
}

// candidate is a mention before resolution.
type candidate struct {
	first, last int // token range
	start, end  int // byte range (may cut inside a token for "Moscow-based")
	typ         Type
	country     string
	canonical   string
	fromTagger  bool
	// composed says canonical was made by institutionName, not found in
	// the gazetteer: it groups mentions but does not name the entity.
	composed bool
}

// recognize finds the mentions of doc: the tagger's spans (or, without a
// tagger, proper-noun chunks) typed and corrected with the gazetteer, plus
// gazetteer names the tagger missed.
// It stops with ctx's error, looked at per sentence, when ctx is done.
func (m *Model) recognize(ctx context.Context, doc *Document) error {
	tagged, err := m.nerTags(ctx, doc)
	if err != nil {
		return err
	}
	all := make([][]candidate, len(doc.Sentences))
	headline := make([]bool, len(doc.Sentences))
	seen := map[string]bool{} // names tagged in running text
	for si, s := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		if tagged != nil && si < len(tagged) {
			all[si] = spansFromIOB(tagged[si], s.First, s.Last)
		} else {
			all[si] = m.chunkProperNouns(doc, s.First, s.Last)
		}
		all[si] = m.repairSpans(doc, all[si], s.First, s.Last)
		headline[si] = isHeadline(doc, s)
		if !headline[si] {
			for _, c := range all[si] {
				for _, w := range strings.Fields(doc.Text[doc.Tokens[c.first].Start:doc.Tokens[c.last-1].End]) {
					seen[w] = true
				}
			}
		}
	}
	var cands []candidate
	for si, s := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		spans := all[si]
		if headline[si] {
			// Capitals mean little in a title-case headline ("Syria's
			// Interim Leader Visits Kremlin"): keep a span only when
			// the running text names its words too; the gazetteer still
			// finds what it knows.
			kept := spans[:0]
			for _, c := range spans {
				ok := true
				for _, w := range strings.Fields(doc.Text[doc.Tokens[c.first].Start:doc.Tokens[c.last-1].End]) {
					ok = ok && seen[w]
				}
				if ok {
					kept = append(kept, c)
				}
			}
			spans = kept
		}
		gaz := m.gaz.matchTokens(doc, s.First, s.Last)
		merged := m.merge(doc, spans, gaz)
		cands = append(cands, m.compounds(doc, s.First, s.Last, merged)...)
	}
	sortCandidates(cands)
	for _, c := range cands {
		if c.typ == None || c.start >= c.end {
			continue
		}
		// "AP Photo/Emre Tanrıverdi": a credit's prefix is no part of a name.
		if i := strings.LastIndexByte(doc.Text[c.start:doc.Tokens[c.first].End], '/'); i >= 0 {
			c.start += i + 1
			if c.start >= c.end {
				continue
			}
		}
		doc.Mentions = append(doc.Mentions, Mention{
			Start: c.start, End: c.end, First: c.first, Last: c.last,
			Type: c.typ, Entity: -1, Country: c.country, Canonical: c.canonical,
			composed: c.composed,
		})
	}
	surnameMentions(doc)
	return nil
}

// nerTags returns the sequence tagger's IOB2 tags for the sentences of
// doc, one per token, or nil when the model has no tagger.
func (m *Model) nerTags(ctx context.Context, doc *Document) ([][]string, error) {
	if m.tagger == nil {
		return nil, nil
	}
	sents := make([][]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		words := make([]string, 0, s.Last-s.First)
		for t := s.First; t < s.Last; t++ {
			words = append(words, normWord(doc.TokenText(t)))
		}
		sents[i] = words
	}
	return tagInWindows(ctx, m.tagger, sents)
}

// TagNER returns the IOB2 tags (B-PER, I-ORG, B-LOC, B-MISC, O) that the
// model's sequence tagger gives the tokens of doc, a document this model
// annotated: one slice per sentence, one tag per token. With no tagger
// (WithTagger(nil)) every tag is "O". It stops with ctx's error when ctx
// is done.
func (m *Model) TagNER(ctx context.Context, doc *Document) ([][]string, error) {
	tags, err := m.nerTags(ctx, doc)
	if err != nil || tags != nil {
		return tags, err
	}
	tags = make([][]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		tags[i] = slices.Repeat([]string{"O"}, s.Last-s.First)
	}
	return tags, nil
}

// surnameMentions adds the mentions the tagger missed of a surname whose
// full name it found: "Abdel Fattah el-Sisi ... Sisi also spoke". A
// capitalised token counts when it is the last word of a person's
// multi-word name, stands alone (no capitalised word beside it) and, at
// the start of a sentence, comes before a verb, an adverb or a comma.
func surnameMentions(doc *Document) {
	surnames := map[string]bool{}
	inMention := make([]bool, len(doc.Tokens))
	for _, mt := range doc.Mentions {
		for t := mt.First; t < mt.Last && t < len(inMention); t++ {
			inMention[t] = true
		}
		if mt.Type != Person {
			continue
		}
		if w := nameWords(doc.Text[mt.Start:mt.End]); len(w) > 1 && len([]rune(w[len(w)-1])) > 2 {
			surnames[w[len(w)-1]] = true
		}
	}
	if len(surnames) == 0 {
		return
	}
	capital := func(i int) bool {
		w := doc.TokenText(i)
		return w != "" && unicode.IsUpper([]rune(w)[0])
	}
	added := false
	for _, s := range doc.Sentences {
		for i := s.First; i < s.Last; i++ {
			if inMention[i] || !capital(i) {
				continue
			}
			w := nameWords(doc.TokenText(i))
			if len(w) != 1 || !surnames[w[0]] {
				continue
			}
			if i+1 < s.Last && capital(i+1) || i > s.First && capital(i-1) {
				continue // part of a longer name the tagger left alone
			}
			if i == s.First {
				next := ""
				if i+1 < s.Last {
					next = doc.Tokens[i+1].Tag
				}
				if !strings.HasPrefix(next, "VB") && !strings.HasPrefix(next, "RB") && next != "MD" && next != "," && next != "POS" {
					continue // "Young people protested"
				}
			}
			tk := doc.Tokens[i]
			doc.Mentions = append(doc.Mentions, Mention{Start: tk.Start, End: tk.End, First: i, Last: i + 1, Type: Person, Entity: -1})
			added = true
		}
	}
	if added {
		sort.SliceStable(doc.Mentions, func(a, b int) bool { return doc.Mentions[a].Start < doc.Mentions[b].Start })
	}
}

// repairSpans fixes tagger spans the way names are written in news:
// "Badr bin Hamad Al Busaidi" split at "bin" is one person; "45th Armored
// Brigade" keeps its ordinal.
func (m *Model) repairSpans(doc *Document, spans []candidate, first, last int) []candidate {
	out := spans[:0]
	for i := 0; i < len(spans); i++ {
		c := spans[i]
		for i+1 < len(spans) && spans[i+1].first == c.last+1 && isNameLink(doc.TokenText(c.last)) {
			c.last = spans[i+1].last
			c.typ = Person
			i++
		}
		if c.typ == Org && c.first > first && isOrdinal(doc.TokenText(c.first-1)) {
			c.first--
		}
		out = append(out, c)
	}
	return out
}

func isNameLink(w string) bool {
	switch w {
	case "bin", "ibn", "bint", "ben", "Bin", "Ibn":
		return true
	}
	return false
}

func isOrdinal(w string) bool {
	n := 0
	for n < len(w) && w[n] >= '0' && w[n] <= '9' {
		n++
	}
	if n == 0 {
		return false
	}
	switch strings.ToLower(w[n:]) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// compoundSuffixes are the second halves of hyphenated compounds whose
// first half is a name: "Vienna-based", "Iran-aligned", "U.N.-brokered".
var compoundSuffixes = map[string]bool{
	"based": true, "led": true, "backed": true, "aligned": true, "allied": true, "brokered": true,
	"run": true, "owned": true, "sponsored": true, "funded": true, "supported": true,
	"headquartered": true, "born": true, "made": true, "controlled": true, "held": true,
	"linked": true, "affiliated": true, "inspired": true, "dominated": true, "appointed": true,
}

// compounds adds a mention for the name inside a hyphenated compound
// token no other mention covers: "Vienna" in "the Vienna-based agency".
// The mention's bytes lie inside the token; its token range is the token.
func (m *Model) compounds(doc *Document, first, last int, cs []candidate) []candidate {
	for t := first; t < last; t++ {
		w := doc.TokenText(t)
		h := strings.LastIndexByte(w, '-')
		if h <= 0 || !compoundSuffixes[strings.ToLower(w[h+1:])] {
			continue
		}
		name := w[:h]
		es := m.gaz.Lookup(name)
		if len(es) == 0 {
			// "the Cupertino-based company": a name no list knows keeps
			// the tagger's span, without the suffix; before "-based" or
			// "-headquartered" it is a place.
			for i := range cs {
				if c := &cs[i]; c.first == t && c.last == t+1 && unicode.IsUpper([]rune(name)[0]) {
					c.end = c.start + h
					if suf := strings.ToLower(w[h+1:]); suf == "based" || suf == "headquartered" {
						c.typ = GPE
					}
				}
			}
			continue
		}
		// A span that starts with the compound loses it ("Iran-aligned
		// Houthis" → "Houthis"); one inside it or past its start wins.
		keep := true
		for i := 0; i < len(cs); i++ {
			c := &cs[i]
			switch {
			case c.first == t && c.last == t+1:
				cs = append(cs[:i], cs[i+1:]...)
				i--
			case c.first == t:
				c.first++
				c.start = doc.Tokens[c.first].Start
			case c.first < t && t < c.last:
				keep = false
			}
		}
		if !keep {
			continue
		}
		st := doc.Tokens[t].Start
		cs = append(cs, candidate{first: t, last: t + 1, start: st, end: st + h,
			typ: es[0].Type, country: es[0].Country, canonical: es[0].Name})
	}
	return cs
}

// isHeadline reports whether sentence s is written in title case: at
// least four words, most of them capitalised, with no final period.
func isHeadline(doc *Document, s Sentence) bool {
	words, caps := 0, 0
	for t := s.First; t < s.Last; t++ {
		w := doc.TokenText(t)
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || len(w) <= 3 && unicode.IsLower(r) {
			continue // punctuation, and "of", "in", "to" stay lower case in titles
		}
		words++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	last := doc.TokenText(s.Last - 1)
	return words >= 4 && caps*10 >= words*8 && last != "."
}

// normWord gives the tagger the word as its training data spelled it:
// straight quotes.
func normWord(w string) string {
	if strings.ContainsAny(w, "\u2018\u2019\u201c\u201d") {
		w = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`).Replace(w)
	}
	return w
}

// tagWindow bounds how many tokens the tagger sees at once. Its
// document-level features need the whole of an article (a few thousand
// tokens) but cost memory in proportion to what it is given; a 10 MB input
// is tagged window by window.
const tagWindow = 50000

// tagInWindows tags sents in runs of whole sentences of at most tagWindow
// tokens (a longer sentence alone).
func tagInWindows(ctx context.Context, t SequenceTagger, sents [][]string) ([][]string, error) {
	out := make([][]string, 0, len(sents))
	for start := 0; start < len(sents); {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		end, n := start, 0
		for end < len(sents) && (end == start || n+len(sents[end]) <= tagWindow) {
			n += len(sents[end])
			end++
		}
		out = append(out, t.Tag(sents[start:end])...)
		start = end
	}
	return out, nil
}

// spansFromIOB reads IOB2 tags for tokens [first, last) into candidates.
func spansFromIOB(tags []string, first, last int) []candidate {
	var out []candidate
	cur := -1
	for i := 0; i < len(tags) && first+i < last; i++ {
		tag := tags[i]
		kind := ""
		if len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' {
			kind = tag[2:]
		}
		if cur >= 0 && (kind == "" || tag[0] == 'B' || out[cur].canonical != kind) {
			cur = -1
		}
		if kind == "" {
			continue
		}
		if cur < 0 {
			out = append(out, candidate{first: first + i, last: first + i + 1, canonical: kind, fromTagger: true})
			cur = len(out) - 1
		} else {
			out[cur].last = first + i + 1
		}
	}
	// canonical held the CoNLL type while reading; move it to typ.
	for i := range out {
		switch out[i].canonical {
		case "PER":
			out[i].typ = Person
		case "ORG":
			out[i].typ = Org
		case "LOC":
			out[i].typ = GPE
		default:
			out[i].typ = Misc
		}
		out[i].canonical = ""
	}
	return out
}

// chunkProperNouns is the tagger-less fallback: runs of capitalised
// proper-noun tokens, typed by their words.
func (m *Model) chunkProperNouns(doc *Document, first, last int) []candidate {
	var out []candidate
	for i := first; i < last; {
		if !m.nameToken(doc, i, i == first) {
			i++
			continue
		}
		j := i + 1
		for j < last && (m.nameToken(doc, j, false) || (j+1 < last && isConnector(doc.TokenText(j)) && m.nameToken(doc, j+1, false))) {
			j++
		}
		c := candidate{first: i, last: j, fromTagger: true}
		c.typ = m.guessType(doc, i, j)
		out = append(out, c)
		i = j
	}
	return out
}

func (m *Model) nameToken(doc *Document, i int, sentStart bool) bool {
	w := doc.TokenText(i)
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-")
	}
	if m.gaz.Title(w) != NoRole || isCalendarWord(w) {
		return false
	}
	if h := strings.LastIndexByte(w, '-'); h > 0 && compoundSuffixes[strings.ToLower(w[h+1:])] {
		return false // "Iran-aligned" qualifies a name; compounds reads it
	}
	tag := doc.Tokens[i].Tag
	if sentStart && tag != "NNP" && tag != "NNPS" {
		return false
	}
	return true
}

func isConnector(w string) bool {
	switch w {
	case "of", "bin", "bint", "ibn", "de", "da", "van", "von", "al":
		return true
	}
	return false
}

// guessType types a proper-noun chunk without a tagger.
func (m *Model) guessType(doc *Document, i, j int) Type {
	head := doc.TokenText(j - 1)
	switch {
	case m.gaz.IsOrgWord(head):
		return Org
	case m.gaz.IsGivenName(doc.TokenText(i)) && j-i >= 2:
		return Person
	case i > 0 && m.gaz.Title(doc.TokenText(i-1)) != NoRole:
		return Person
	case j-i == 1 && isAcronym(head):
		return Org
	case strings.Contains(doc.Text[doc.Tokens[i].Start:doc.Tokens[j-1].End], "al-"):
		return Person
	}
	return None
}

func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2 && n <= 6
}

func isCalendarWord(w string) bool {
	switch w {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"January", "February", "March", "April", "June", "July", "August", "September",
		"October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
		"Sep", "Sept", "Oct", "Nov", "Dec":
		return true
	}
	return false
}

// placeWords are head words of places that have no government.
var placeWords = map[string]bool{
	"Sea": true, "Ocean": true, "River": true, "Mountains": true, "Mountain": true, "Gulf": true,
	"Strait": true, "Desert": true, "Valley": true, "Lake": true, "Island": true, "Islands": true,
	"Peninsula": true, "Bay": true, "Coast": true, "Plateau": true, "Basin": true, "Canal": true,
}

// merge combines the tagger's spans with gazetteer matches for one
// sentence and fixes the types.
func (m *Model) merge(doc *Document, spans []candidate, gaz []match) []candidate {
	var out []candidate
	used := make([]bool, len(gaz))
	for _, c := range spans {
		c = m.trimTitles(doc, c)
		if c.first >= c.last {
			continue
		}
		c.start, c.end = doc.Tokens[c.first].Start, doc.Tokens[c.last-1].End
		exact := -1
		for gi, g := range gaz {
			if g.first == c.first && g.last == c.last {
				exact = gi
			}
			if g.first < c.last && c.first < g.last {
				used[gi] = true
			}
		}
		if exact >= 0 {
			c.typ, c.country, c.canonical = gaz[exact].entry.Type, gaz[exact].entry.Country, gaz[exact].entry.Name
			out = append(out, c)
			continue
		}
		if g, ok := covering(gaz, c); ok {
			// The list knows a longer name: "East China Sea" for the
			// tagger's "East China".
			c.first, c.last = g.first, g.last
			c.start, c.end = doc.Tokens[c.first].Start, doc.Tokens[c.last-1].End
			c.typ, c.country, c.canonical = g.entry.Type, g.entry.Country, g.entry.Name
			out = append(out, c)
			continue
		}
		if g := m.gazFor(doc, c.first, c.last); g != nil {
			c.typ, c.country, c.canonical = g.Type, g.Country, g.Name
			out = append(out, c)
			continue
		}
		c.typ = m.fixType(doc, c)
		if c.typ == None {
			continue
		}
		if c.typ == Org {
			// "Saudi Foreign Ministry" as one span: the state's institution.
			for _, g := range gaz {
				if g.first == c.first && g.last < c.last && (g.entry.Type == NORP || g.entry.Type == GPE) && m.gaz.IsOrgWord(doc.TokenText(c.last-1)) {
					k := g.last
					if k < c.last && isPossessive(doc.TokenText(k)) {
						k++
					}
					if k < c.last {
						c.country = g.entry.Country
						c.canonical = m.institutionName(g.entry.Country, doc.Text[doc.Tokens[k].Start:c.end])
						c.composed = c.canonical != ""
					}
				}
			}
		}
		out = append(out, c)
	}
	for gi, g := range gaz {
		if used[gi] {
			continue
		}
		// An untagged gazetteer name: trust places, nationalities and
		// organisations the lists know; skip a lone given-name-like match.
		out = append(out, candidate{
			first: g.first, last: g.last,
			start: doc.Tokens[g.first].Start, end: doc.Tokens[g.last-1].End,
			typ: g.entry.Type, country: g.entry.Country, canonical: g.entry.Name,
		})
	}
	sortCandidates(out)
	return m.joinOrgs(doc, dropOverlaps(out))
}

// dropOverlaps keeps, of candidates that share tokens, the longest (the
// first of equals): a span the gazetteer grew ("Syrian Observatory for
// Human Rights" from the tagger's "Observatory for Human Rights") swallows
// the tagger's "Syrian". cs must be sorted by start.
func dropOverlaps(cs []candidate) []candidate {
	out := cs[:0]
	for _, c := range cs {
		if n := len(out); n > 0 && c.first < out[n-1].last {
			if c.last-c.first > out[n-1].last-out[n-1].first {
				out[n-1] = c
			}
			continue
		}
		out = append(out, c)
	}
	return out
}

// covering returns a gazetteer match that strictly contains c.
func covering(gaz []match, c candidate) (match, bool) {
	for _, g := range gaz {
		if g.first <= c.first && g.last >= c.last && g.last-g.first > c.last-c.first {
			return g, true
		}
	}
	return match{}, false
}

// gazFor looks a token range up in the gazetteer, also in title case for
// all-caps datelines ("MUSCAT").
func (m *Model) gazFor(doc *Document, first, last int) *Entry {
	s := doc.Text[doc.Tokens[first].Start:doc.Tokens[last-1].End]
	if es := m.gaz.Lookup(s); len(es) > 0 {
		return &es[0]
	}
	if isAllCaps(s) {
		if es := m.gaz.Lookup(titleCase(s)); len(es) > 0 && es[0].Type != Org {
			return &es[0]
		}
	}
	return nil
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

func titleCase(s string) string {
	b := []rune(strings.ToLower(s))
	up := true
	for i, r := range b {
		if up && unicode.IsLetter(r) {
			b[i] = unicode.ToUpper(r)
		}
		up = r == ' ' || r == '-'
	}
	return string(b)
}

// trimTitles drops titles, honorifics and determiners at the start of a
// person's span ("President Bashar Assad" → "Bashar Assad").
func (m *Model) trimTitles(doc *Document, c candidate) candidate {
	if c.typ != Person {
		return c
	}
	for c.first < c.last {
		w := doc.TokenText(c.first)
		// "Russian President Vladimir Putin": a nationality or country
		// before a title belongs to the title, not the name.
		if c.first+1 < c.last && m.isTitleAt(doc, c.first+1, c.last) {
			if es := m.gaz.Lookup(w); len(es) > 0 && (es[0].Type == NORP || es[0].Type == GPE) {
				c.first++
				continue
			}
		}
		// "Gen ." as the tokenizer may split it; "Gen Nakatani" is a name.
		split := c.first+1 < c.last && doc.TokenText(c.first+1) == "." && m.gaz.Title(w+".") != NoRole
		if m.gaz.Title(w) != NoRole || split || w == "the" || w == "The" || w == "former" || w == "Former" {
			c.first++
			if split {
				c.first++
			}
			continue
		}
		// "Senior Gen. Min Aung Hlaing", "Acting President X": a
		// modifier before a title.
		if titleLead[strings.ToLower(w)] && c.first+1 < c.last && m.isTitleAt(doc, c.first+1, c.last) {
			c.first++
			continue
		}
		// Two-word titles: "Prime Minister", "Foreign Minister".
		if c.first+1 < c.last && m.gaz.Title(w+" "+doc.TokenText(c.first+1)) != NoRole {
			c.first += 2
			continue
		}
		break
	}
	// "Burkinabe Capt.": a rank or title at the end is no part of a name.
	for c.last > c.first {
		w := doc.TokenText(c.last - 1)
		if m.gaz.Title(w) != NoRole || m.gaz.Title(w+".") != NoRole || w == "." {
			c.last--
			continue
		}
		break
	}
	return c
}

// titleLead words stand before a title: "Senior Gen.", "Acting President".
var titleLead = map[string]bool{
	"senior": true, "acting": true, "interim": true, "deputy": true, "vice": true, "grand": true,
	"supreme": true, "late": true, "caretaker": true, "outgoing": true, "incoming": true,
}

// isTitleAt reports whether a one- or two-word title starts at token i.
func (m *Model) isTitleAt(doc *Document, i, last int) bool {
	if m.gaz.Title(doc.TokenText(i)) != NoRole {
		return true
	}
	return i+1 < last && m.gaz.Title(doc.TokenText(i)+" "+doc.TokenText(i+1)) != NoRole
}

// fixType corrects the tagger's type with what the words say.
func (m *Model) fixType(doc *Document, c candidate) Type {
	head := doc.TokenText(c.last - 1)
	if (c.typ == Org || c.typ == Misc) && c.last-c.first <= 2 && c.last < len(doc.Tokens) &&
		strings.EqualFold(doc.TokenText(c.last), "administration") && !m.gaz.IsOrgWord(head) {
		// "the Trump administration": a name that no list knows, before
		// "administration", is the president's.
		return Person
	}
	switch c.typ {
	case Person:
		if m.gaz.IsOrgWord(head) {
			return Org
		}
	case GPE:
		if placeWords[head] {
			return Loc
		}
		if m.gaz.IsOrgWord(head) && c.last-c.first > 1 {
			return Org
		}
	case Misc:
		if es := m.gaz.Lookup(doc.Text[doc.Tokens[c.first].Start:doc.Tokens[c.last-1].End]); len(es) > 0 {
			return es[0].Type
		}
	}
	return c.typ
}

func sortCandidates(cs []candidate) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].start < cs[j-1].start; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// joinOrgs makes one organisation of a country or nationality and the
// institution it qualifies: "Iran's Foreign Ministry", "Saudi Foreign
// Ministry". The organisation takes the country's code.
func (m *Model) joinOrgs(doc *Document, cs []candidate) []candidate {
	out := cs[:0]
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		if i+1 < len(cs) {
			n := cs[i+1]
			possessive := c.typ == GPE && c.last+1 == n.first && isPossessive(doc.TokenText(c.last))
			// "Russia's Security Council" is Russia's, not the UN's.
			generic := n.canonical == "" || (possessive && m.isIntl(n.canonical))
			institution := n.typ == Org && generic && m.gaz.IsOrgWord(doc.TokenText(n.last-1))
			adjective := c.typ == NORP && c.last == n.first
			if institution && (possessive || adjective) && c.country != "" {
				n.canonical = m.institutionName(c.country, doc.Text[n.start:n.end])
				n.composed = n.canonical != ""
				n.first, n.start, n.country = c.first, c.start, c.country
				out = append(out, n)
				i++
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// isIntl reports whether the gazetteer knows name as an international body.
func (m *Model) isIntl(name string) bool {
	for _, e := range m.gaz.Lookup(name) {
		if e.Type == Org {
			return e.Kind == "intl"
		}
	}
	return false
}

// institutionName names a state's institution one way however the text
// qualifies it: "Iran's Foreign Ministry" for "Iranian Foreign Ministry"
// too.
func (m *Model) institutionName(code, institution string) string {
	c := m.gaz.Country(code)
	if c == nil {
		return ""
	}
	if strings.HasSuffix(c.Name, "s") {
		return c.Name + "' " + normKey(institution) // "Philippines' Coast Guard"
	}
	return c.Name + "'s " + normKey(institution)
}

func isPossessive(w string) bool { return w == "'s" || w == "\u2019s" || w == "'" }
