package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	return p
}

const article = "Russian President Vladimir Putin hosted Syria's interim leader Ahmad al-Sharaa in Moscow on Wednesday."

func TestExtractJSON(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", article)
	code, out, errs := runCLI(t, "", "extract", p)
	require.Equal(t, 0, code, errs)
	var doc struct {
		Entities []struct {
			ID, Name, Type string
		}
		Relations []struct {
			Type, Source, Target string
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	names := map[string]string{}
	for _, e := range doc.Entities {
		names[e.ID] = e.Name
	}
	var rels []string
	for _, r := range doc.Relations {
		rels = append(rels, r.Type+" "+names[r.Source]+" -> "+names[r.Target])
	}
	assert.Contains(t, rels, "HOST Vladimir Putin -> Ahmad al-Sharaa")
	assert.Contains(t, rels, "LEADER_OF Vladimir Putin -> Russia")
}

func TestExtractStdinAndDOT(t *testing.T) {
	code, out, errs := runCLI(t, article, "extract", "--format", "dot", "-")
	require.Equal(t, 0, code, errs)
	assert.True(t, strings.HasPrefix(out, "digraph"), out)
	assert.Contains(t, out, "Vladimir Putin")
}

// One bad file does not stop the others: its error names it, the good
// files are printed, and the exit status says something failed.
func TestExtractBadFileDoesNotStopOthers(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", article)
	bad := writeFile(t, dir, "bad.txt", "Putin \xff\xfe met")
	missing := filepath.Join(dir, "missing.txt")
	code, out, errs := runCLI(t, "", "extract", good, bad, missing, good)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, bad+": ")
	assert.Contains(t, errs, "not valid UTF-8")
	assert.Contains(t, errs, missing+": ")
	assert.Contains(t, errs, "2 of 4 inputs failed")
	var docs []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &docs))
	require.Len(t, docs, 2)
	assert.Equal(t, good, docs[0]["file"])
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"no command", nil},
		{"unknown command", []string{"frobnicate"}},
		{"no files", []string{"extract"}},
		{"bad format", []string{"extract", "--format", "xml", "x.txt"}},
		{"tag without file", []string{"tag"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runCLI(t, "", tt.args...)
			assert.Equal(t, 2, code)
			assert.NotEmpty(t, errs)
		})
	}
}

func TestTagCoNLL(t *testing.T) {
	in := "-DOCSTART- -X- O O\n\nVladimir NNP B-NP B-PER\nPutin NNP I-NP I-PER\nvisited VBD B-VP O\nSyria NNP B-NP B-LOC\n. . O O\n\n"
	code, out, errs := runCLI(t, in, "tag", "--conll", "-")
	require.Equal(t, 0, code, errs)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	require.Len(t, lines, 7)
	assert.Equal(t, "Vladimir NNP B-NP B-PER B-PER", lines[2])
	assert.Equal(t, "Putin NNP I-NP I-PER I-PER", lines[3])
	assert.Equal(t, "Syria NNP B-NP B-LOC B-LOC", lines[5])
}

func TestExtractNegatedFlag(t *testing.T) {
	const text = "Russian President Vladimir Putin did not meet Ukrainian President Volodymyr Zelenskyy in Istanbul."
	_, out, _ := runCLI(t, text, "extract", "-")
	assert.NotContains(t, out, `"negated"`)
	code, out, errs := runCLI(t, text, "extract", "--negated", "-")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, `"modality": "negated"`)
	_, out, _ = runCLI(t, text, "extract", "--min-confidence", "0.99", "-")
	assert.NotContains(t, out, `"type": "LEADER_OF"`)
}

func TestSetMemoryLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	assert.False(t, setMemoryLimit(func(string) string { return "2GiB" }), "GOMEMLIMIT wins")
	assert.Equal(t, old, debug.SetMemoryLimit(-1))
	assert.True(t, setMemoryLimit(func(string) string { return "" }))
	assert.Equal(t, int64(defaultMemoryLimit), debug.SetMemoryLimit(-1))
}
