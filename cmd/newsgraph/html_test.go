package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// htmlArticle is a made-up report for the HTML format tests.
const htmlArticle = "Prime Minister Halvard Strand of Norway met President Amira Toufik of Tunisia in Oslo on Monday. Strand praised Tunisia."

func TestExtractHTML(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "made-up.txt", htmlArticle)
	code, out, errs := runCLI(t, "", "extract", "--format", "html", p)
	require.Equal(t, 0, code, errs)
	assert.True(t, strings.HasPrefix(out, "<!DOCTYPE html>"), out[:min(len(out), 80)])
	assert.Contains(t, out, "made-up.txt")
	assert.Greater(t, strings.Count(out, `<mark class="m `), 3)
	assert.Contains(t, out, `class="rel"`)

	// One page is one article.
	q := writeFile(t, dir, "second.txt", htmlArticle)
	code, _, errs = runCLI(t, "", "extract", "--format", "html", p, q)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "--format html writes one article")
}

func TestGraphHTML(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "one.txt", htmlArticle)
	q := writeFile(t, dir, "two.txt", "President Amira Toufik of Tunisia visited Oslo.")
	code, out, errs := runCLI(t, "", "graph", "--format", "html", p, q)
	require.Equal(t, 0, code, errs)
	assert.True(t, strings.HasPrefix(out, "<!DOCTYPE html>"))
	assert.Contains(t, out, `<script type="application/json" id="data">`)
	assert.Contains(t, out, "2 articles")
	assert.Contains(t, out, "Amira Toufik")
}
