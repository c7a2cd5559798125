package entities

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

// posTagger is prose's part-of-speech tagger (an averaged perceptron,
// prose's port of TextBlob's "fast and accurate" tagger) running prose's own
// weights, re-implemented so that it gives prose's tags at several times its
// speed and tags repeated words right:
//
//   - prose keeps its weights in a map of maps and scores a word by
//     building fourteen feature strings and iterating over maps; here the
//     weights sit in flat arrays, and each feature's row is found by a
//     hash of its text, streamed from the parts without building it;
//   - prose shares one *Token between repeats of a whitespace chunk, so every
//     repeat reported the last one's tag; here each token has its own tag.
//
// The tagger is read-only once loaded and safe for concurrent use.
type posTagger struct {
	classes []string
	tagMap  map[string]string // words with a fixed tag (prose's "tags")
	slots   []posSlot         // open-addressing table: feature hash → row
	mask    uint64
	off     []int32 // row r's weights are cls/wts[off[r]:off[r+1]]
	cls     []uint8
	wts     []float64
}

// loadPOSTagger decodes prose's embedded tagger model.
func loadPOSTagger() (*posTagger, error) {
	var (
		classes []string
		tagMap  map[string]string
		weights map[string]map[string]float64
	)
	for _, a := range []struct {
		name string
		dst  any
	}{{"classes.gob", &classes}, {"tags.gob", &tagMap}, {"weights.gob", &weights}} {
		b, err := prose.Asset("model/AveragedPerceptron/" + a.name)
		if err != nil {
			return nil, fmt.Errorf("entities: loading prose's tagger: %w", err)
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.dst); err != nil {
			return nil, fmt.Errorf("entities: decoding prose's tagger %s: %w", a.name, err)
		}
	}
	if len(classes) == 0 || len(classes) > 255 {
		return nil, fmt.Errorf("entities: prose's tagger has %d classes", len(classes))
	}
	p := &posTagger{
		classes: classes,
		tagMap:  tagMap,
		off:     make([]int32, 1, len(weights)+1),
	}
	size := 1
	for size < 2*len(weights) {
		size *= 2
	}
	p.slots, p.mask = make([]posSlot, size), uint64(size-1)
	classIdx := make(map[string]uint8, len(classes))
	for i, c := range classes {
		classIdx[c] = uint8(i)
	}
	type cw struct {
		c uint8
		w float64
	}
	var row []cw
	for k, ws := range weights {
		// Each row in class order, so that scores sum in a fixed order.
		row = row[:0]
		for c, w := range ws {
			ci, ok := classIdx[c]
			if !ok {
				return nil, fmt.Errorf("entities: prose's tagger weights name a class %q outside its classes", c)
			}
			row = append(row, cw{ci, w})
		}
		slices.SortFunc(row, func(a, b cw) int { return int(a.c) - int(b.c) })
		for _, x := range row {
			p.cls = append(p.cls, x.c)
			p.wts = append(p.wts, x.w)
		}
		if !p.insert(posHash(posHashString(fnvOffset64, k)), int32(len(p.off)-1)) {
			return nil, fmt.Errorf("entities: two of prose's tagger features share a hash (%q)", k)
		}
		p.off = append(p.off, int32(len(p.cls)))
	}
	return p, nil
}

// The tokens prose's tagger tags by rule, before its model.
var (
	posNone = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	posKeep = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// tag returns the tags of one sentence's words (prose's token texts).
func (p *posTagger) tag(words []string) []string {
	tags := make([]string, len(words))
	ctx := make([]string, len(words)+4)
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i, w := range words {
		ctx[i+2] = posNormalize(w)
	}
	ctx[len(ctx)-2], ctx[len(ctx)-1] = "-END-", "-END2-"
	p1, p2 := "-START-", "-START2-"
	var sc posScratch
	for i, w := range words {
		tag := p.ruleTag(w)
		if tag == "" {
			var ok bool
			if tag, ok = p.tagMap[w]; !ok {
				tag = p.predict(&sc, i, ctx, w, p1, p2)
			}
		}
		tags[i] = tag
		p2, p1 = p1, tag
	}
	return tags
}

// ruleTag gives the tag prose's tagger assigns w by rule, or "". The cheap
// tests in front of each regular expression only skip words it cannot
// match: a link or e-mail address has a period, posNone matches "0" and
// words starting with '*', posKeep words starting with '-'.
func (p *posTagger) ruleTag(w string) string {
	switch {
	case w == "-":
		return "-"
	case posEmoticons[w]:
		return "SYM"
	case strings.HasPrefix(w, "@"):
		return "NN"
	case strings.IndexByte(w, '.') >= 0 &&
		(commonregex.LinkRegex.MatchString(w) || commonregex.EmailRegex.MatchString(w)):
		return "NN"
	case (w == "0" || strings.HasPrefix(w, "*")) && posNone.MatchString(w):
		return "-NONE-"
	case strings.HasPrefix(w, "-") && posKeep.MatchString(w):
		return w
	}
	return ""
}

// posSlot is one entry of the feature table; h == 0 marks an empty slot.
type posSlot struct {
	h   uint64
	row int32
}

// Features are found by a 64-bit FNV-1a hash of their text, as prose
// spells it ("i-1 tag+i word NNP moscow"), kept in an open-addressing
// table: no key is built and no string compared. Loading fails if two of
// prose's features share a hash; a word's feature absent from the model
// could only be taken for one present with odds of about 10^-14.
const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

func posHashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime64
	}
	return h
}

// posHash hashes the feature text of a template prefix (hashed once) and
// its parts, joined by spaces as prose joins them.
func posHash(prefix uint64, parts ...string) uint64 {
	h := prefix
	for _, s := range parts {
		h ^= ' '
		h *= fnvPrime64
		h = posHashString(h, s)
	}
	if h == 0 {
		h = 1
	}
	return h
}

// slot returns the index of h's slot in the table, or of the empty slot
// where h would go.
func (p *posTagger) slot(h uint64) uint64 {
	i := (h * 0x9e3779b97f4a7c15) >> 32 & p.mask
	for p.slots[i].h != h && p.slots[i].h != 0 {
		i = (i + 1) & p.mask
	}
	return i
}

// insert adds feature hash h (from posHash) with its row; false if h is
// there already.
func (p *posTagger) insert(h uint64, row int32) bool {
	i := p.slot(h)
	if p.slots[i].h == h {
		return false
	}
	p.slots[i] = posSlot{h, row}
	return true
}

// row returns the row of feature hash h, or -1.
func (p *posTagger) row(h uint64) int32 {
	if i := p.slot(h); p.slots[i].h == h {
		return p.slots[i].row
	}
	return -1
}

// The hashed names of prose's fourteen feature templates.
var (
	posBias       = posHash(posHashString(fnvOffset64, "bias"))
	posSuffix     = posHashString(fnvOffset64, "i suffix")
	posPref1      = posHashString(fnvOffset64, "i pref1")
	posTag1       = posHashString(fnvOffset64, "i-1 tag")
	posTag2       = posHashString(fnvOffset64, "i-2 tag")
	posTag12      = posHashString(fnvOffset64, "i tag+i-2 tag")
	posWord       = posHashString(fnvOffset64, "i word")
	posTag1Word   = posHashString(fnvOffset64, "i-1 tag+i word")
	posPrevWord   = posHashString(fnvOffset64, "i-1 word")
	posPrevSuffix = posHashString(fnvOffset64, "i-1 suffix")
	posPrev2Word  = posHashString(fnvOffset64, "i-2 word")
	posNextWord   = posHashString(fnvOffset64, "i+1 word")
	posNextSuffix = posHashString(fnvOffset64, "i+1 suffix")
	posNext2Word  = posHashString(fnvOffset64, "i+2 word")
)

// posScratch is the per-call scratch space of predict.
type posScratch struct {
	scores [256]float64
	seen   [256]bool
}

// predict scores word i with prose's fourteen features and returns the best
// class among those some feature gave a weight, as prose does.
func (p *posTagger) predict(sc *posScratch, i int, ctx []string, w, p1, p2 string) string {
	n := len(p.classes)
	clear(sc.scores[:n])
	clear(sc.seen[:n])
	c := i + 2
	var first [4]byte
	f := first[:0]
	if w != "" {
		// prose spells the first byte as the rune of that value
		f = utf8.AppendRune(f, rune(w[0]))
	}
	for _, h := range [...]uint64{
		posBias,
		posHash(posSuffix, suffix3(w)),
		posHash(posPref1, string(f)),
		posHash(posTag1, p1),
		posHash(posTag2, p2),
		posHash(posTag12, p1, p2),
		posHash(posWord, ctx[c]),
		posHash(posTag1Word, p1, ctx[c]),
		posHash(posPrevWord, ctx[c-1]),
		posHash(posPrevSuffix, suffix3(ctx[c-1])),
		posHash(posPrev2Word, ctx[c-2]),
		posHash(posNextWord, ctx[c+1]),
		posHash(posNextSuffix, suffix3(ctx[c+1])),
		posHash(posNext2Word, ctx[c+2]),
	} {
		r := p.row(h)
		if r < 0 {
			continue
		}
		for j := p.off[r]; j < p.off[r+1]; j++ {
			cl := p.cls[j]
			sc.scores[cl] += p.wts[j]
			sc.seen[cl] = true
		}
	}
	best, bestScore := -1, math.Inf(-1)
	for cl := 0; cl < n; cl++ {
		if sc.seen[cl] && sc.scores[cl] > bestScore {
			best, bestScore = cl, sc.scores[cl]
		}
	}
	if best < 0 {
		return ""
	}
	return p.classes[best]
}

// suffix3 is the last three bytes of s, as prose cuts them.
func suffix3(s string) string {
	return s[len(s)-min(len(s), 3):]
}

// posNormalize is prose's normalisation of a context word.
func posNormalize(w string) string {
	if w == "" {
		return w
	}
	switch {
	case strings.Contains(w, "-") && w[0] != '-':
		return "!HYPHEN"
	case len(w) == 4 && isAtoi(w):
		return "!YEAR"
	case '0' <= w[0] && w[0] <= '9':
		return "!DIGITS"
	}
	return strings.ToLower(w)
}

func isAtoi(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// posEmoticons are the emoticons prose's tagger tags SYM (prose's list).
var posEmoticons = map[string]bool{
	"(-8": true, "(-;": true, "(-_-)": true, "(._.)": true, "(:": true, "(=": true,
	"(o:": true, "(¬_¬)": true, "(ಠ_ಠ)": true, "(╯°□°）╯︵┻━┻": true, "-__-": true,
	"8-)": true, "8-D": true, "8D": true, ":(": true, ":((": true, ":(((": true,
	":()": true, ":)))": true, ":-)": true, ":-))": true, ":-)))": true, ":-*": true,
	":-/": true, ":-X": true, ":-]": true, ":-o": true, ":-p": true, ":-x": true,
	":-|": true, ":-}": true, ":0": true, ":3": true, ":P": true, ":]": true,
	":`(": true, ":`)": true, ":`-(": true, ":o": true, ":o)": true, "=(": true,
	"=)": true, "=D": true, "=|": true, "@_@": true, "O.o": true, "O_o": true,
	"V_V": true, "XDD": true, "[-:": true, "^___^": true, "o_0": true, "o_O": true,
	"o_o": true, "v_v": true, "xD": true, "xDD": true, "¯\\(ツ)/¯": true,
}
