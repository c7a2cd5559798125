package udtag

import (
	"strings"
	"unicode/utf8"
)

// script turns a word into its lemma: optionally lower-case it, cut strip
// bytes from its end and append add ("studies" → lower, 3, "y").
type script struct {
	lower bool
	strip int
	add   string
}

// maxSuffix is the longest suffix (in bytes of the lower-case form) a
// lemma rule is keyed on.
const maxSuffix = 5

// lemmatizer holds lemma rules keyed by XPOS and word suffix, and
// exceptions keyed by XPOS and the whole lower-case word, both learnt
// from a treebank's LEMMA column (word lists, not text).
type lemmatizer struct {
	scripts []script
	rules   table[uint32] // ruleKey(xpos, suffix) -> script index
	except  table[uint32] // exceptKey(xpos, lower word) -> script index
}

func ruleKey(tag uint64, suffix []byte) uint64 {
	return mix(tag*0x9e3779b97f4a7c15 ^ hashBytes(suffix) ^ uint64(len(suffix))<<56)
}

// classTagHash is the rule tag of a (UPOS, XPOS) pair.
func classTagHash(upos, xpos string) uint64 { return mix(hashString(upos)+0x75) ^ hashString(xpos) }

func exceptKey(xpos string, low []byte) uint64 {
	return mix(hashString(xpos)*0x2545f4914f6cdd1d ^ hashBytes(low) ^ 0x6c656d6d61)
}

// lowerBytes is the lower-case form of w.
func lowerBytes(w string) []byte { return []byte(strings.ToLower(w)) }

// Lemma returns the lemma of a word with the given tags, as UD English
// writes it: "ran"/VBD → "run", "mice"/NNS → "mouse", "n't"/RB → "not",
// proper nouns and numbers as written. xpos drives the rules; upos is used
// when xpos is empty or unknown to the model.
func (m *Model) Lemma(word, upos, xpos string) string {
	if word == "" {
		return ""
	}
	if !utf8.ValidString(word) {
		word = strings.ToValidUTF8(word, "\uFFFD")
	}
	tag := xpos
	if tag == "" || tag == "_" {
		tag = uposToXPOS[upos]
	}
	low := lowerBytes(word)
	if s, ok := m.lem.find(upos, tag, low); ok {
		return s.apply(word, low)
	}
	if upos == "PROPN" || upos == "NUM" || upos == "PUNCT" || upos == "SYM" || upos == "X" {
		return word
	}
	return string(low)
}

// uposToXPOS gives the usual Penn tag of a UPOS, for callers without XPOS.
var uposToXPOS = map[string]string{
	"NOUN": "NN", "PROPN": "NNP", "VERB": "VB", "AUX": "VB", "ADJ": "JJ", "ADV": "RB",
	"ADP": "IN", "DET": "DT", "PRON": "PRP", "NUM": "CD", "PART": "RP", "CCONJ": "CC",
	"SCONJ": "IN", "INTJ": "UH", "PUNCT": ".", "SYM": "SYM", "X": "FW",
}

func (l *lemmatizer) find(upos, xpos string, low []byte) (script, bool) {
	if len(l.scripts) == 0 {
		return script{}, false
	}
	if i, ok := l.except.lookup(exceptKey(xpos, low)); ok {
		return l.scripts[i], true
	}
	return l.findRule(upos, xpos, low)
}

// findRule returns the rule of the longest suffix of low for the (UPOS,
// XPOS) pair, or for XPOS alone when the pair has no rules.
func (l *lemmatizer) findRule(upos, xpos string, low []byte) (script, bool) {
	for _, tag := range [2]uint64{classTagHash(upos, xpos), hashString(xpos)} {
		for k := min(maxSuffix, len(low)); k >= 0; k-- {
			if i, ok := l.rules.lookup(ruleKey(tag, low[len(low)-k:])); ok {
				if s := l.scripts[i]; s.strip <= len(low) {
					return s, true
				}
			}
		}
	}
	return script{}, false
}

func (s script) apply(word string, low []byte) string {
	base := word
	if s.lower {
		base = string(low)
	}
	cut := len(base) - s.strip
	if cut < 0 || (cut < len(base) && !utf8.RuneStart(base[cut])) {
		// The rule would split a character: it was not made for this word.
		return base
	}
	return base[:cut] + s.add
}

// scriptFor returns the shortest script that turns form into lemma,
// lower-casing on ties.
func scriptFor(form, lemma string) script {
	best := script{}
	bestCost := -1
	for _, lower := range []bool{true, false} {
		base := form
		if lower {
			base = strings.ToLower(form)
		}
		cp := 0
		for cp < len(base) && cp < len(lemma) && base[cp] == lemma[cp] {
			cp++
		}
		s := script{lower: lower, strip: len(base) - cp, add: lemma[cp:]}
		if c := s.strip + len(s.add); bestCost < 0 || c < bestCost {
			best, bestCost = s, c
		}
	}
	return best
}

// lemmaSample is one word seen in training.
type lemmaSample struct {
	form, upos, xpos, lemma string
}

// trainLemmatizer learns rules and exceptions from training words.
func trainLemmatizer(samples []lemmaSample) lemmatizer {
	var l lemmatizer
	index := map[script]uint32{}
	scriptID := func(s script) uint32 {
		if i, ok := index[s]; ok {
			return i
		}
		i := uint32(len(l.scripts))
		l.scripts = append(l.scripts, s)
		index[s] = i
		return i
	}
	majority := func(c map[uint32]int) uint32 {
		best, bn := uint32(0), -1
		for id, n := range c {
			if n > bn || (n == bn && id < best) {
				best, bn = id, n
			}
		}
		return best
	}
	// Word types: (lower form, upos, xpos), with the scripts of their
	// tokens and their most frequent form.
	type tkey struct{ low, upos, xpos string }
	type tval struct {
		scripts map[uint32]int
		lemmas  map[string]int
		forms   map[string]int
	}
	types := map[tkey]*tval{}
	var tkeys []tkey
	for _, s := range samples {
		tk := tkey{strings.ToLower(s.form), s.upos, s.xpos}
		v := types[tk]
		if v == nil {
			v = &tval{map[uint32]int{}, map[string]int{}, map[string]int{}}
			types[tk] = v
			tkeys = append(tkeys, tk)
		}
		v.scripts[scriptID(scriptFor(s.form, s.lemma))]++
		v.lemmas[s.lemma]++
		v.forms[s.form]++
	}
	top := func(c map[string]int) string {
		best, bn := "", -1
		for k, n := range c {
			if n > bn || (n == bn && k < best) {
				best, bn = k, n
			}
		}
		return best
	}
	// Rules: count the scripts of word types per (tag, suffix), for the
	// tag as UPOS and XPOS together and as XPOS alone.
	type key struct {
		tag    uint64
		suffix string
	}
	counts := map[key]map[uint32]int{}
	var keys []key
	for _, tk := range tkeys {
		sid := majority(types[tk].scripts)
		for _, tag := range []uint64{classTagHash(tk.upos, tk.xpos), hashString(tk.xpos)} {
			for k := 0; k <= maxSuffix && k <= len(tk.low); k++ {
				kk := key{tag, tk.low[len(tk.low)-k:]}
				if counts[kk] == nil {
					counts[kk] = map[uint32]int{}
					keys = append(keys, kk)
				}
				counts[kk][sid]++
			}
		}
	}
	// Keep a rule when it differs from the rule of the suffix one byte
	// shorter (the lookup takes the longest suffix that has a rule).
	best := map[key]uint32{}
	for _, k := range keys {
		best[k] = majority(counts[k])
	}
	var kept []key
	for _, k := range keys {
		if len(k.suffix) > 0 {
			if p, ok := best[key{k.tag, k.suffix[1:]}]; ok && p == best[k] {
				continue
			}
		}
		kept = append(kept, k)
	}
	l.rules = newTable[uint32](len(kept))
	for _, k := range kept {
		l.rules.insert(ruleKey(k.tag, []byte(k.suffix)), best[k])
	}
	// Exceptions: word types whose most frequent form (or lower-case
	// form) the rules give the wrong lemma. They map the lower-case form to
	// the type's most frequent lemma, whatever the case of the word
	// ("i" → "I").
	type exc struct {
		key uint64
		sid uint32
	}
	var excs []exc
	for _, tk := range tkeys {
		v := types[tk]
		form, lemma := top(v.forms), top(v.lemmas)
		low := []byte(tk.low)
		s, ok := l.findRule(tk.upos, tk.xpos, low)
		// Words other than proper nouns must also come out right when
		// written in lower case.
		if ok && s.apply(form, low) == lemma && (tk.upos == "PROPN" || s.apply(tk.low, low) == lemma) {
			continue
		}
		excs = append(excs, exc{exceptKey(tk.xpos, low), scriptID(lowerScript(tk.low, lemma))})
	}
	l.except = newTable[uint32](len(excs))
	for _, e := range excs {
		l.except.insert(e.key, e.sid)
	}
	return l
}

// lowerScript returns the script that turns the lower-case form low into
// lemma after lower-casing, so that it applies to any case of the word.
func lowerScript(low, lemma string) script {
	cp := 0
	for cp < len(low) && cp < len(lemma) && low[cp] == lemma[cp] {
		cp++
	}
	return script{lower: true, strip: len(low) - cp, add: lemma[cp:]}
}

func (l *lemmatizer) write(e *enc) {
	e.uv(uint64(len(l.scripts)))
	for _, s := range l.scripts {
		b := uint64(0)
		if s.lower {
			b = 1
		}
		e.uv(b | uint64(s.strip)<<1)
		e.str(s.add)
	}
	writeTable(e, &l.rules, func(v uint32) { e.uv(uint64(v)) })
	writeTable(e, &l.except, func(v uint32) { e.uv(uint64(v)) })
}

func (l *lemmatizer) read(d *dec) {
	n := d.count(1 << 20)
	l.scripts = make([]script, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		b := d.uv()
		l.scripts = append(l.scripts, script{lower: b&1 == 1, strip: int(min(b>>1, 1<<16)), add: d.str()})
	}
	val := func() uint32 {
		v := d.uv()
		if v >= uint64(n) {
			d.fail("lemma script %d of %d", v, n)
			return 0
		}
		return uint32(v)
	}
	readTable(d, &l.rules, val)
	readTable(d, &l.except, val)
}
