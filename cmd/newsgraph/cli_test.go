package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Errors of JSON lines input keep their place: a member of the wrong kind
// keeps the line's own id and is named in JSON's terms; an error raised
// while processing an article reads FILE:LINE with the article's id and
// its output line has "line"; no "newsgraph: " after the place, and no
// HTML escapes in data (issue 13, items 9 and 16).
func TestJSONLErrorsKeepTheirPlace(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"n1","text":42}`,
		`{"id":"bin","text":"Lena Brandt\u0000met"}`,
		`{"id":"d","text":"x","date":"soon"}`,
		`{"id":"ok","text":"Lena Brandt of AT&T visited <b>Oslo</b>."}`,
	}, "\n") + "\n"
	dir := t.TempDir()
	feed := writeFile(t, dir, "feed.jsonl", in)
	code, out, errs := runCLI(t, "", "extract", "--input", "jsonl", "--format", "jsonl", feed)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, feed+`:1: "text" is a number, not a string`)
	assert.Contains(t, errs, feed+`:2: article "bin": text looks binary`)
	assert.Contains(t, errs, feed+`:3: "date" "soon" is not RFC 3339 or YYYY-MM-DD`)
	assert.NotContains(t, errs, ": newsgraph:")
	assert.NotContains(t, errs, "entities:")
	assert.NotContains(t, errs, "jsonlArticle")

	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 4)
	for i, want := range []struct {
		id   string
		line int
	}{{"n1", 1}, {"bin", 2}, {"d", 3}} {
		var o struct {
			ID    string
			Line  int
			Error string
		}
		require.NoError(t, json.Unmarshal([]byte(lines[i]), &o))
		assert.Equal(t, want.id, o.ID)
		assert.Equal(t, want.line, o.Line)
		assert.True(t, strings.HasPrefix(o.Error, feed+":"), o.Error)
	}
	assert.Contains(t, lines[3], "AT&T visited <b>Oslo</b>", "evidence as written")

	code, out, _ = runCLI(t, in, "extract", "--input", "jsonl", "--format", "jsonl", "-")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, `"error":"<stdin>:1: `)
	assert.NotContains(t, out, `\u003c`)
}

// The rough edges of query and of -h (issue 13, item 13).
func TestQueryAndHelpRoughEdges(t *testing.T) {
	saved := filepath.Join(t.TempDir(), "g.json")
	in := writeFile(t, t.TempDir(), "k1.txt", "Russian President Vladimir Putin hosted Syria's interim leader Ahmad al-Sharaa in Moscow on Wednesday.")
	code, _, errs := runCLI(t, "", "graph", "--out", saved, in)
	require.Equal(t, 0, code, errs)

	// A step with two relations is numbered once.
	code, out, errs := runCLI(t, "", "query", saved, "path", "Syria", "Vladimir Putin")
	require.Equal(t, 0, code, errs)
	m := regexp.MustCompile(`in (\d+) steps?:`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	nums := regexp.MustCompile(`(?m)^  (\d+)\. `).FindAllStringSubmatch(out, -1)
	var got []string
	for _, n := range nums {
		got = append(got, n[1])
	}
	assert.Equal(t, []string{"1", "2"}, got, out)
	assert.Equal(t, "2", m[1])
	assert.Contains(t, out, "\n     Vladimir Putin", "a second relation of step 2, aligned, unnumbered")

	code, out, errs = runCLI(t, "", "query", saved, "top", "--by", "foo")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, `unknown --by "foo" (want degree or pagerank)`)
	assert.NotContains(t, errs, "queries:", "not the general usage")
	code, _, errs = runCLI(t, "", "query", saved, "counts", "--by", "colour")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, `unknown --by "colour" (want type or country-pair)`)

	for _, args := range [][]string{{"extract", "-h"}, {"graph", "--help"}, {"query", "-h"}, {"tag", "-h"}, {"-h"}} {
		code, out, errs := runCLI(t, "", args...)
		assert.Equal(t, 0, code, "%v: %s", args, errs)
		assert.Contains(t, out, "usage:", args)
	}
	code, out, errs = runCLI(t, "", "extract", "--no-such-flag")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "flag provided but not defined")
	assert.Contains(t, errs, "usage: newsgraph extract")
}

// tag FILE without --conll tags the file as prose, one token a line,
// instead of reading it as CoNLL and tagging every line O; a CoNLL file
// given so is refused with a pointer to --conll (issue 13, item 15).
func TestTagPlainText(t *testing.T) {
	dir := t.TempDir()
	prose := writeFile(t, dir, "a.txt", "Chilean President Marta Quiroga visited Lisbon on Monday.\nShe met officials of the European Union.\n")
	code, out, errs := runCLI(t, "", "tag", prose)
	require.Equal(t, 0, code, errs)
	sents := strings.Split(strings.TrimSuffix(out, "\n\n"), "\n\n")
	require.Len(t, sents, 2, out)
	assert.Contains(t, sents[0], "Marta NNP B-PER\nQuiroga NNP I-PER\n")
	assert.Contains(t, sents[0], "Lisbon NNP B-LOC\n")
	assert.Contains(t, sents[1], "European NNP B-ORG\nUnion NNP I-ORG")
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l != "" {
			assert.Len(t, strings.Fields(l), 3, l)
		}
	}

	conllFile := writeFile(t, dir, "dev.conll", "-DOCSTART- -X- O O\n\nLisbon NNP B-NP B-LOC\n")
	code, out, errs = runCLI(t, "", "tag", conllFile)
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "use newsgraph tag --conll "+conllFile)

	code, _, errs = runCLI(t, "", "tag", filepath.Join(dir, "nosuch.txt"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "no such file")
}

// newsgraph --version names the build and the digest of each embedded
// model file (issue 13, item 18).
func TestVersion(t *testing.T) {
	for _, arg := range []string{"--version", "version"} {
		code, out, errs := runCLI(t, "", arg)
		require.Equal(t, 0, code, errs)
		assert.True(t, strings.HasPrefix(out, "newsgraph "), out)
		assert.Contains(t, out, runtime.Version())
		b, err := os.ReadFile(filepath.Join("..", "..", "entities", "model", "ner.bin"))
		require.NoError(t, err)
		sum := sha256.Sum256(b)
		assert.Contains(t, out, "entities/model/ner.bin")
		assert.Contains(t, out, hex.EncodeToString(sum[:])[:16])
		assert.Contains(t, out, "entities/data/countries.tsv")
	}
}
