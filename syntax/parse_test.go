package syntax_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/syntax"
)

var loadAll = sync.OnceValues(func() (*entities.Model, error) {
	if _, err := syntax.DefaultParser(); err != nil {
		return nil, err
	}
	return entities.DefaultModel()
})

func models(tb testing.TB) (*entities.Model, *syntax.Parser) {
	tb.Helper()
	m, err := loadAll()
	require.NoError(tb, err)
	p, err := syntax.DefaultParser()
	require.NoError(tb, err)
	return m, p
}

// parse tokenizes and parses text with the default models.
func parse(tb testing.TB, text string) *entities.Document {
	tb.Helper()
	m, p := models(tb)
	doc, err := m.Tokenize(context.Background(), text)
	require.NoError(tb, err)
	require.NoError(tb, p.Parse(context.Background(), doc))
	return doc
}

// udLabels are the universal relations of UD v2; subtypes follow a colon.
var udLabels = map[string]bool{"acl": true, "advcl": true, "advmod": true, "amod": true, "appos": true,
	"aux": true, "case": true, "cc": true, "ccomp": true, "clf": true, "compound": true, "conj": true,
	"cop": true, "csubj": true, "dep": true, "det": true, "discourse": true, "dislocated": true,
	"expl": true, "fixed": true, "flat": true, "goeswith": true, "iobj": true, "list": true,
	"mark": true, "nmod": true, "nsubj": true, "nummod": true, "obj": true, "obl": true,
	"orphan": true, "parataxis": true, "punct": true, "reparandum": true, "root": true,
	"vocative": true, "xcomp": true}

var upos = map[string]bool{"ADJ": true, "ADP": true, "ADV": true, "AUX": true, "CCONJ": true,
	"DET": true, "INTJ": true, "NOUN": true, "NUM": true, "PART": true, "PRON": true, "PROPN": true,
	"PUNCT": true, "SCONJ": true, "SYM": true, "VERB": true, "X": true}

// checkDoc fails unless every sentence of doc is one tree with UD labels.
func checkDoc(t testing.TB, doc *entities.Document) {
	t.Helper()
	require.True(t, doc.Parsed())
	for si, s := range doc.Sentences {
		roots := 0
		for i := s.First; i < s.Last; i++ {
			tk := doc.Tokens[i]
			require.True(t, udLabels[syntax.Base(tk.Dep)], "label %q", tk.Dep)
			require.True(t, upos[tk.POS], "UPOS %q", tk.POS)
			if tk.Head < 0 {
				roots++
				require.Equal(t, "root", tk.Dep)
				continue
			}
			require.True(t, tk.Head >= s.First && tk.Head < s.Last && tk.Head != i, "sentence %d token %d head %d", si, i, tk.Head)
			j := i
			for n := 0; doc.Tokens[j].Head >= 0; n++ {
				require.LessOrEqual(t, n, s.Last-s.First, "cycle at token %d", i)
				j = doc.Tokens[j].Head
			}
		}
		require.Equal(t, 1, roots, "sentence %d", si)
	}
}

func TestParseSentences(t *testing.T) {
	doc := parse(t, "The minister was welcomed by the queen. She thanked the envoy who brought the letter.")
	checkDoc(t, doc)
	tr := syntax.SentenceTree(doc, 0)
	root := tr.Root()
	assert.Equal(t, "welcomed", doc.TokenText(root))
	assert.Equal(t, "welcome", doc.Tokens[root].Lemma)
	assert.Equal(t, "minister", doc.TokenText(tr.Child(root, "nsubj:pass")))
	assert.Equal(t, "queen", doc.TokenText(tr.Child(root, "obl:agent", "obl")))
	tr = syntax.SentenceTree(doc, 1)
	brought := -1
	for i := tr.First; i < tr.Last; i++ {
		if doc.TokenText(i) == "brought" {
			brought = i
		}
	}
	require.GreaterOrEqual(t, brought, 0)
	require.GreaterOrEqual(t, tr.Head(brought), 0)
	assert.Equal(t, "envoy", doc.TokenText(tr.Head(brought)), "the relative clause modifies its antecedent")
	assert.Equal(t, "acl:relcl", doc.Tokens[brought].Dep)
	assert.Equal(t, brought, tr.Clause(tr.Child(brought, "obj")), "the letter sits in the relative clause")
}

func TestParseRandomWords(t *testing.T) {
	_, p := models(t)
	r := rand.New(rand.NewPCG(3, 4))
	vocab := []string{"", "the", "of", ",", ".", "visit", "Paris", "\xff\xfe", strings.Repeat("x", 5000),
		"ran", "and", "who", "(", ")", "\"", "42", "-", "n't", "'s", "über", "\u200b"}
	for trial := 0; trial < 300; trial++ {
		words := make([]string, r.IntN(60))
		if trial == 0 {
			words = make([]string, 3000)
		}
		for i := range words {
			words[i] = vocab[r.IntN(len(vocab))]
		}
		out := p.ParseWords(words)
		require.Len(t, out, len(words))
		roots := 0
		for i, w := range out {
			require.True(t, w.Head >= 0 && w.Head <= len(words) && w.Head != i+1)
			require.True(t, udLabels[syntax.Base(w.Dep)], "label %q", w.Dep)
			require.True(t, upos[w.UPOS], "UPOS %q", w.UPOS)
			if w.Head == 0 {
				roots++
			}
			j := i
			for n := 0; out[j].Head != 0; n++ {
				require.LessOrEqual(t, n, len(words))
				j = out[j].Head - 1
			}
		}
		if len(words) > 0 {
			require.Equal(t, 1, roots)
		}
	}
}

func TestParseConcurrent(t *testing.T) {
	texts := []string{"Rebels attacked the town on Sunday.", "The envoy, who arrived late, met both leaders.",
		"Aid was delivered by the agency.", "She said they would not sign the deal."}
	want := make([]string, len(texts))
	for i, s := range texts {
		var b strings.Builder
		require.NoError(t, syntax.WriteCoNLLU(&b, parse(t, s)))
		want[i] = b.String()
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for k := 0; k < 20; k++ {
				i := (g + k) % len(texts)
				var b strings.Builder
				if err := syntax.WriteCoNLLU(&b, parse(t, texts[i])); err != nil || b.String() != want[i] {
					t.Errorf("goroutine %d: different parse of %q", g, texts[i])
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestParseCancelled(t *testing.T) {
	m, p := models(t)
	doc, err := m.Tokenize(context.Background(), strings.Repeat("Troops crossed the river. ", 200))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	assert.ErrorIs(t, p.Parse(ctx, doc), context.Canceled)
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "The talks ended.", "<p>Hi</p>", "a\n\nb", "((((", "Mr. X met Y in Z.",
		"Foreign Minister Ana Paula Ruiz Ortega met John Smith.\nJohn\nSmith"} {
		f.Add(s)
	}
	m, p := models(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := m.Annotate(text) // with mentions: names are parsed as one word
		if err != nil {
			return // refused input: invalid UTF-8, binary
		}
		require.NoError(t, p.Parse(context.Background(), doc))
		checkDoc(t, doc)
	})
}

func TestParsePersonNamesFlat(t *testing.T) {
	m, p := models(t)
	doc, err := m.Annotate("Swedish Prime Minister Anna Lindqvist visited the port on Friday.")
	require.NoError(t, err)
	require.NoError(t, p.Parse(context.Background(), doc))
	checkDoc(t, doc)
	tok := func(w string) int {
		for i := range doc.Tokens {
			if doc.TokenText(i) == w {
				return i
			}
		}
		t.Fatalf("no token %q", w)
		return -1
	}
	anna, lindqvist, visited := tok("Anna"), tok("Lindqvist"), tok("visited")
	assert.Equal(t, anna, doc.Tokens[lindqvist].Head)
	assert.Equal(t, "flat", doc.Tokens[lindqvist].Dep)
	assert.Equal(t, visited, doc.Tokens[anna].Head, "the name is the verb's subject")
	assert.Equal(t, "nsubj", doc.Tokens[anna].Dep)
	assert.Equal(t, "PROPN", doc.Tokens[lindqvist].POS)
}
