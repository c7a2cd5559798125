package udtag

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLowerHash(t *testing.T) {
	assert.Equal(t, hashString("école"), lowerHash("ÉCOLE"))
	assert.Equal(t, hashString("state-run"), lowerHash("State-Run"))
	assert.NotEqual(t, lowerHash("bank"), lowerHash("banks"))
	// Invalid UTF-8 is hashed as it is, without panicking.
	assert.Equal(t, hashString("a\xffb"), lowerHash("A\xffB"))
}

func TestPrepareFlags(t *testing.T) {
	m := &Model{}
	tests := []struct {
		name, word string
		want, not  uint8
	}{
		{"title", "Lisbon", flUpper, flAllUp | flDigit},
		{"acronym", "NATO", flUpper | flAllUp, flDigit},
		{"number", "1,250", flDigit | flAllDig, flUpper},
		{"date", "05/11/2024", flDigit | flAllDig, flNoAlnum},
		{"hyphenated", "well-known", flHyphen, flUpper | flDigit},
		{"punctuation", "...", flNoAlnum | flPeriod, flDigit},
		{"long", "antidisestablishmentarianism", flLong, flUpper},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tk tok
			m.prepareSlow(&tk, tt.word)
			assert.Equal(t, tt.want, tk.flags&tt.want, "flags %08b", tk.flags)
			assert.Zero(t, tk.flags&tt.not, "flags %08b", tk.flags)
			assert.Equal(t, uint64(unknownWord), tk.w, "no word table: every word is unknown")
		})
	}
}

func TestShapeAndAffixes(t *testing.T) {
	m := &Model{}
	var a, b, c tok
	m.prepareSlow(&a, "Walking")
	m.prepareSlow(&b, "Talking")
	m.prepareSlow(&c, "walking")
	assert.Equal(t, a.shp, b.shp, "same shape Xx")
	assert.NotEqual(t, a.shp, c.shp)
	assert.Equal(t, a.suf, c.suf, "suffixes read the lower-case form")
	assert.NotEqual(t, a.pre[0], b.pre[0])
	var s tok
	m.prepareSlow(&s, "")
	assert.Equal(t, uint64(3), s.suf[0], "empty word has no suffix")
}

func TestFeatureCounts(t *testing.T) {
	m := &Model{}
	toks := make([]tok, 3)
	for i, w := range []string{"Rain", "fell", "."} {
		m.prepareSlow(&toks[i], w)
	}
	var st [maxStatic]uint64
	n := staticFeatures(&st, toks, 1)
	assert.Equal(t, maxContext+17+3+6+1+2+4+1+1, n, "with the lexicon features")
	seen := map[uint64]bool{}
	for _, k := range st[:n] {
		seen[k] = true
	}
	assert.Greater(t, len(seen), n-3, "templates give distinct keys")
	var d1, d2 [maxDynamic]uint64
	dynamicFeatures(&d1, toks, 1, 3, 4)
	dynamicFeatures(&d2, toks, 1, 4, 3)
	assert.NotEqual(t, d1, d2, "previous classes are read in order")
}

func TestScriptFor(t *testing.T) {
	tests := []struct {
		form, lemma string
		want        script
	}{
		{"studies", "study", script{lower: true, strip: 3, add: "y"}},
		{"Dogs", "dog", script{lower: true, strip: 1}},
		{"Lisbon", "Lisbon", script{lower: false}},
		{"ran", "run", script{lower: true, strip: 2, add: "un"}},
		{"the", "the", script{lower: true}},
	}
	for _, tt := range tests {
		t.Run(tt.form, func(t *testing.T) {
			s := scriptFor(tt.form, tt.lemma)
			assert.Equal(t, tt.want, s)
			assert.Equal(t, tt.lemma, s.apply(tt.form, lowerBytes(tt.form)))
		})
	}
}

func TestLemmatizerRules(t *testing.T) {
	l := trainLemmatizer([]lemmaSample{
		{"walked", "VERB", "VBD", "walk"}, {"jumped", "VERB", "VBD", "jump"}, {"played", "VERB", "VBD", "play"},
		{"ran", "VERB", "VBD", "run"}, {"carried", "VERB", "VBD", "carry"}, {"hurried", "VERB", "VBD", "hurry"},
		{"boxes", "NOUN", "NNS", "box"}, {"cats", "NOUN", "NNS", "cat"}, {"dogs", "NOUN", "NNS", "dog"},
		{"Paris", "PROPN", "NNP", "Paris"}, {"Rome", "PROPN", "NNP", "Rome"},
	})
	m := &Model{lem: l}
	assert.Equal(t, "kick", m.Lemma("kicked", "VERB", "VBD"), "suffix rule")
	assert.Equal(t, "worry", m.Lemma("worried", "VERB", "VBD"), "longer suffix rule")
	assert.Equal(t, "run", m.Lemma("ran", "VERB", "VBD"), "exception")
	assert.Equal(t, "run", m.Lemma("Ran", "VERB", "VBD"), "exceptions ignore case")
	assert.Equal(t, "hat", m.Lemma("Hats", "NOUN", "NNS"))
	assert.Equal(t, "Oslo", m.Lemma("Oslo", "PROPN", "NNP"), "proper nouns keep their case")
	assert.Equal(t, "cats", m.Lemma("Cats", "NOUN", ""), "no XPOS: NOUN reads as NN")
	assert.Equal(t, "quickly", m.Lemma("Quickly", "ADV", "RB"), "unknown tag: lower-case")
	assert.Equal(t, "", m.Lemma("", "NOUN", "NN"))
	assert.Equal(t, "a\uFFFDb", m.Lemma("a\xffb", "NOUN", "NN"), "invalid UTF-8 is repaired")
}
