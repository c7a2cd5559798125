package syntax_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/syntax"
)

// handDoc builds a one-sentence parsed document from words separated by
// single spaces, with 1-based heads (0 root) and labels as in CoNLL-U.
func handDoc(t *testing.T, words []string, heads []int, deps []string) *entities.Document {
	t.Helper()
	require.Len(t, heads, len(words))
	doc := &entities.Document{Text: strings.Join(words, " ")}
	off := 0
	for i, w := range words {
		doc.Tokens = append(doc.Tokens, entities.Token{Start: off, End: off + len(w), Head: heads[i] - 1, Dep: deps[i], POS: "X"})
		off += len(w) + 1
	}
	doc.Sentences = []entities.Sentence{{Start: 0, End: len(doc.Text), First: 0, Last: len(words)}}
	return doc
}

// A sentence written for this test, parsed by hand:
// "The minister who arrived on Monday was welcomed by the queen ."
func ministerDoc(t *testing.T) *entities.Document {
	words := []string{"The", "minister", "who", "arrived", "on", "Monday", "was", "welcomed", "by", "the", "queen", "."}
	heads := []int{2, 8, 4, 2, 6, 4, 8, 0, 11, 11, 8, 8}
	deps := []string{"det", "nsubj:pass", "nsubj", "acl:relcl", "case", "obl", "aux:pass", "root", "case", "det", "obl:agent", "punct"}
	doc := handDoc(t, words, heads, deps)
	for i, p := range []string{"DET", "NOUN", "PRON", "VERB", "ADP", "PROPN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"} {
		doc.Tokens[i].POS = p
	}
	return doc
}

func TestTreeAPI(t *testing.T) {
	doc := ministerDoc(t)
	tr := syntax.SentenceTree(doc, 0)
	assert.Equal(t, 7, tr.Root())
	assert.Equal(t, []int{1, 6, 10, 11}, tr.Children(7))
	assert.Equal(t, []int{1}, tr.Children(7, "nsubj"), "nsubj matches nsubj:pass")
	assert.Equal(t, 10, tr.Child(7, "obl:agent"))
	assert.Equal(t, 10, tr.Child(7, "obl"))
	assert.Equal(t, -1, tr.Child(7, "obj"))
	first, last := tr.Subtree(1)
	assert.Equal(t, [2]int{0, 6}, [2]int{first, last})
	sp := tr.Span(1)
	assert.Equal(t, "The minister who arrived on Monday", doc.Text[sp.Start:sp.End])
	assert.Equal(t, []int{5, 3, 1, 7, 10}, tr.Path(5, 10))
	assert.Equal(t, []int{7}, tr.Path(7, 7))
	assert.Equal(t, 3, tr.Clause(5), "Monday sits in the relative clause")
	assert.Equal(t, 7, tr.Clause(10))
	assert.True(t, tr.Dominates(7, 5))
	assert.False(t, tr.Dominates(3, 10))
	assert.Equal(t, -1, tr.Head(7))
	assert.Nil(t, tr.Path(0, 99))
	assert.Equal(t, syntax.TreeOf(doc, 4), tr)
}

func TestIsAndBase(t *testing.T) {
	assert.Equal(t, "obl", syntax.Base("obl:agent"))
	assert.True(t, syntax.Is("obl:agent", "obl"))
	assert.True(t, syntax.Is("obl:agent", "nsubj", "obl:agent"))
	assert.False(t, syntax.Is("obl", "obl:agent"))
}

func TestClauseConjunct(t *testing.T) {
	// "She arrived and met them ." : "met" is a verbal conjunct, a clause.
	doc := handDoc(t, []string{"She", "arrived", "and", "met", "them", "."},
		[]int{2, 0, 4, 2, 4, 2}, []string{"nsubj", "root", "cc", "conj", "obj", "punct"})
	doc.Tokens[3].POS = "VERB"
	tr := syntax.SentenceTree(doc, 0)
	assert.Equal(t, 3, tr.Clause(4))
	assert.Equal(t, 1, tr.Clause(0))
}

func TestWriters(t *testing.T) {
	doc := ministerDoc(t)
	var b bytes.Buffer
	require.NoError(t, syntax.WriteCoNLLU(&b, doc))
	lines := strings.Split(b.String(), "\n")
	assert.Equal(t, "# text = The minister who arrived on Monday was welcomed by the queen .", lines[1])
	assert.Equal(t, "2\tminister\t_\tNOUN\t_\t_\t8\tnsubj:pass\t_\t_", lines[3])
	assert.Equal(t, "8\twelcomed\t_\tVERB\t_\t_\t0\troot\t_\t_", lines[9])
	b.Reset()
	require.NoError(t, syntax.WriteDOT(&b, doc, 0))
	assert.Contains(t, b.String(), "t8 -> t11 [label=\"obl:agent\"];")
	b.Reset()
	require.NoError(t, syntax.WriteText(&b, doc, 0))
	assert.True(t, strings.HasPrefix(b.String(), "welcomed VERB root\n  minister NOUN nsubj:pass\n    The DET det\n"), b.String())
}
