package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGraphMergeSameFileTwice merges one saved graph with itself: the
// second copy is refused, naming both files, instead of doubling the
// mention counts (issue 13, item 7).
func TestGraphMergeSameFileTwice(t *testing.T) {
	dir := t.TempDir()
	saved := filepath.Join(dir, "big.json")
	code, _, errs := runCLI(t, "", "graph", "--out", saved, graphCorpus(t))
	require.Equal(t, 0, code, errs)

	code, once, errs := runCLI(t, "", "graph", "--graphs", saved)
	require.Equal(t, 0, code, errs)
	code, twice, errs := runCLI(t, "", "graph", "--graphs", saved, saved)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "big.json: article ")
	assert.Contains(t, errs, "is already merged from "+saved+"; merging it again would count it twice")
	assert.Equal(t, once, twice, "the refused copy changes nothing")
}

// TestGraphDuplicateArticleID gives two different articles under one ID:
// the second is left out with a message naming both inputs.
func TestGraphDuplicateArticleID(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "feed.jsonl",
		`{"id": "same", "text": "Ingrid Halvorsen visited Lakeside on Monday."}`+"\n"+
			`{"id": "same", "text": "Erik Brannigan met Halvorsen in Lakeside."}`+"\n")
	code, _, errs := runCLI(t, "", "graph", "--input", "jsonl", p)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, `input 2 has the article ID "same" of input 1; left out`)
}

// TestGraphEmptyFile reads an empty graph file: the message says so.
func TestGraphEmptyFile(t *testing.T) {
	p := writeFile(t, t.TempDir(), "empty.json", "")
	code, _, errs := runCLI(t, "", "query", p, "top")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "empty.json: relations: empty graph file")
	assert.NotContains(t, errs, "EOF")
}
