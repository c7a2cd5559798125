package udtag

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadBrill(t *testing.T) {
	lex, err := ReadBrill(filepath.Join("testdata", "brill"))
	require.NoError(t, err)
	assert.Equal(t, []string{"%", "Glorp", `a\b`, "glorp", "zibbed"}, lex.Words)
	assert.Equal(t, [][]string{{"NN", "JJ|IN"}, {"NNP"}, {"NN"}, {"VB", "NN"}, {"VBD"}}, lex.Tags)

	_, err = ReadBrill(filepath.Join("testdata", "no-such-folder"))
	assert.ErrorContains(t, err, "udtag: reading brill")
	_, err = ReadBrill("testdata") // has no lib/ folder
	assert.ErrorContains(t, err, "udtag: reading brill")
}

func TestJSEntriesErrors(t *testing.T) {
	nop := func(int, string, string) error { return nil }
	assert.Error(t, jsEntries([]byte("x = {\n  'open: 1,\n}\n"), nop), "unterminated string")
	assert.Error(t, jsEntries([]byte("x = {\n  novalue,\n}\n"), nop), "no key")
	assert.Error(t, jsEntries([]byte("x = {\n  'a' 1,\n}\n"), nop), "no colon")
	assert.NoError(t, jsEntries([]byte("\xff\x00binary\n"), nop), "lines that are no entries are skipped")
}

func TestLexiconEntries(t *testing.T) {
	lex, err := ReadBrill(filepath.Join("testdata", "brill"))
	require.NoError(t, err)
	m := &Model{}
	require.NoError(t, m.buildLexicon(lex))
	var title, upper, low, none tok
	m.prepareSlow(&title, "Glorp")
	m.prepareSlow(&upper, "GLORP")
	m.prepareSlow(&low, "glorp")
	m.prepareSlow(&none, "frobnitz")
	assert.NotZero(t, title.lx)
	assert.Equal(t, low.lx, title.ll, "the lower-case form's entry")
	assert.NotEqual(t, title.lx, title.ll, "NNP and VB/NN are different sets")
	assert.Zero(t, upper.lx, "GLORP is not in the lexicon")
	assert.Equal(t, low.lx, upper.ll)
	assert.Zero(t, none.lx|none.ll)
	assert.NotEqual(t, lexFirst(low.lx), lexFirst(title.lx))

	var p, n tok
	m.prepareSlow(&p, "%")
	m.prepareSlow(&n, `a\b`)
	assert.NotEqual(t, lexSet(p.lx), lexSet(n.lx), "JJ|IN adds JJ and IN to the set")
	assert.Equal(t, lexFirst(p.lx), lexFirst(n.lx), "both have NN first")

	var f1, f2 [maxWordFeats]uint64
	k1 := wordFeatures(f1[:], &upper, 0)
	k2 := wordFeatures(f2[:], &none, 0)
	assert.NotEqual(t, f1[17:k1], f2[17:k2], "the lower-case entry tells GLORP from an unknown word")
}

func TestLexiconSurvivesWriteLoad(t *testing.T) {
	lex, err := ReadBrill(filepath.Join("testdata", "brill"))
	require.NoError(t, err)
	m := &Model{classes: []class{{"NOUN", "NN"}}}
	require.NoError(t, m.buildLexicon(lex))
	var buf bytes.Buffer
	require.NoError(t, m.Write(&buf))
	back, err := Load(&buf)
	require.NoError(t, err)
	var a, b tok
	m.prepareSlow(&a, "zibbed")
	back.prepareSlow(&b, "zibbed")
	assert.NotZero(t, b.lx)
	assert.Equal(t, a.lx, b.lx)
}
