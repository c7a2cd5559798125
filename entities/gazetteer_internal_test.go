package entities

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// normKey's shortcut must give what folding gives, on keys it takes and
// keys it must leave to folding.
func TestNormKeyShortcut(t *testing.T) {
	for _, s := range []string{
		"", "Moscow", "Vladimir Putin", "United Nations Security Council", "U.S.", "al-Sharaa",
		"the Kremlin", "The Hague", "theocracy", "Thebes", " Moscow", "Moscow ", "New  York",
		"New\nYork", "New\tYork", "Russia\u2019s", "S\u00e3o Paulo", "New\u00a0York", "a\x01b", "x\x7fy",
		"the", "The", "them all",
	} {
		assert.Equal(t, foldKey(s), normKey(s), "%q", s)
	}
	for _, s := range []string{"Moscow", "Vladimir Putin", "U.S.", "theocracy", "them all"} {
		assert.True(t, plainKey(s), s)
	}
}

// matchTokens stops growing a span once it can no longer become a name;
// it must find what trying every length finds.
func TestMatchTokensPruning(t *testing.T) {
	m, err := DefaultModel()
	require.NoError(t, err)
	g := m.Gazetteer()
	brute := func(doc *Document, from, to int) []match {
		var out []match
		for i := from; i < to; {
			if !startsName(doc.TokenText(i)) {
				i++
				continue
			}
			n := min(g.maxWords*2, to-i)
			for ; n >= 1; n-- {
				key := normKey(doc.Text[doc.Tokens[i].Start:doc.Tokens[i+n-1].End])
				if es, ok := g.names[key]; ok {
					out = append(out, match{i, i + n, es[0]})
					break
				}
			}
			i += max(n, 1)
		}
		return out
	}
	files, err := filepath.Glob("../testdata/*.txt")
	require.NoError(t, err)
	texts := []string{"The Hague and the United Arab Emirates' envoy met in Côte d\u2019Ivoire.",
		"The  Hague\nhosted the U.S.-Russia talks; New\u00a0York watched."}
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		require.NoError(t, err)
		texts = append(texts, string(b))
	}
	total := 0
	for _, text := range texts {
		// Only tokens are needed: tokenize, without the tagger and
		// resolution of Annotate, which cost most of this test's time
		// under -race.
		doc := &Document{Text: text}
		require.NoError(t, m.tokenize(context.Background(), doc, maskMarkup(text)))
		for _, s := range doc.Sentences {
			want := brute(doc, s.First, s.Last)
			total += len(want)
			assert.Equal(t, want, g.matchTokens(doc, s.First, s.Last), "%q", text[s.Start:s.End])
		}
	}
	assert.Greater(t, total, 200)
}
