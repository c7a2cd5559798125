package newsgraph_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/relations"
)

// assertRoundTrip checks that reading g's JSON back gives a graph that
// writes the same bytes and counts the same articles for every entity
// and relation (issue 13, item 6).
func assertRoundTrip(t *testing.T, g *relations.Graph) {
	t.Helper()
	var saved bytes.Buffer
	require.NoError(t, relations.WriteJSON(&saved, g))
	back := relations.NewGraph()
	require.NoError(t, relations.ReadJSON(bytes.NewReader(saved.Bytes()), back))
	var again bytes.Buffer
	require.NoError(t, relations.WriteJSON(&again, back))
	assert.Equal(t, saved.String(), again.String(), "WriteJSON after ReadJSON")

	require.Len(t, back.Entities(), len(g.Entities()))
	for i, n := range g.Entities() {
		m := back.Entities()[i]
		assert.Equal(t, n.Documents, m.Documents, "documents of %s", n.Name)
		assert.Equal(t, n.Mentions, m.Mentions, "mentions of %s", n.Name)
		assert.Equal(t, n.FirstSeen, m.FirstSeen, "first seen of %s", n.Name)
	}
	require.Len(t, back.Relations(), len(g.Relations()))
	for i, e := range g.Relations() {
		f := back.Relations()[i]
		assert.Equal(t, e.Documents, f.Documents, "documents of %s", e.Type)
		assert.Equal(t, e.Mentions, f.Mentions, "mentions of %s", e.Type)
	}
}

// corpusOf builds the graph "newsgraph graph" builds from the given
// texts, one article a day.
func corpusOf(t *testing.T, names, texts []string) *relations.Graph {
	t.Helper()
	g := relations.NewGraph()
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	for i, text := range texts {
		d := extract(t, text)
		g.AddDated(names[i], day.AddDate(0, 0, i), d.Document, d.Relations)
	}
	return g
}

func TestCorpusGraphRoundTrip(t *testing.T) {
	var names, texts []string
	for _, a := range articles(t) {
		names, texts = append(names, a.name), append(texts, a.text)
	}
	g := corpusOf(t, names, texts)
	implied := 0
	for _, n := range g.Entities() {
		if len(n.Mentions) == 0 {
			implied++
		}
	}
	t.Logf("%d entities, %d without mentions", len(g.Entities()), implied)
	for _, view := range []struct {
		name string
		g    *relations.Graph
	}{{"added", g}, {"resolved", g.Resolve()}, {"state", g.Resolve().StateView()}} {
		t.Run(view.name, func(t *testing.T) { assertRoundTrip(t, view.g) })
	}
}

func TestGoldCorpusGraphRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short: extracts every gold article")
	}
	_, arts := goldArticles(t)
	var names, texts []string
	for _, a := range arts {
		b, err := os.ReadFile(a.txt)
		require.NoError(t, err)
		names, texts = append(names, a.name), append(texts, string(b))
	}
	g := corpusOf(t, names, texts).Resolve()
	assertRoundTrip(t, g)
}

// TestMergeSavedGraphTwice reads one saved corpus graph twice into one
// graph: the second reading must be refused, not count every article
// twice (issue 13, item 7).
func TestMergeSavedGraphTwice(t *testing.T) {
	var names, texts []string
	for _, a := range articles(t)[:3] {
		names, texts = append(names, a.name), append(texts, a.text)
	}
	var saved bytes.Buffer
	require.NoError(t, relations.WriteJSON(&saved, corpusOf(t, names, texts)))
	path := filepath.Join(t.TempDir(), "g.json")
	require.NoError(t, os.WriteFile(path, saved.Bytes(), 0o644))

	g := relations.NewGraph()
	require.NoError(t, relations.ReadJSON(bytes.NewReader(saved.Bytes()), g))
	var once bytes.Buffer
	require.NoError(t, relations.WriteJSON(&once, g))

	err := relations.ReadJSON(bytes.NewReader(saved.Bytes()), g)
	var dup *relations.DuplicateDocError
	require.ErrorAs(t, err, &dup)
	assert.Equal(t, names[0], dup.Doc)
	assert.Contains(t, err.Error(), fmt.Sprintf("article %q is already in the graph", names[0]))
	var after bytes.Buffer
	require.NoError(t, relations.WriteJSON(&after, g))
	assert.Equal(t, once.String(), after.String(), "graph unchanged by the refused merge")
}
