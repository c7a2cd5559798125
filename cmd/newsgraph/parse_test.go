package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const parseText = "The envoy arrived in the capital. She met the prime minister."

func TestParseRawTextCoNLLU(t *testing.T) {
	code, out, errs := runCLI(t, parseText, "parse", "-")
	require.Equal(t, 0, code, errs)
	blocks := strings.Split(strings.TrimSpace(out), "\n\n")
	require.Len(t, blocks, 2)
	lines := strings.Split(blocks[0], "\n")
	assert.Equal(t, "# sent_id = 1", lines[0])
	assert.Equal(t, "# text = The envoy arrived in the capital.", lines[1])
	roots := 0
	for _, l := range lines[2:] {
		cols := strings.Split(l, "\t")
		require.Len(t, cols, 10, l)
		if cols[6] == "0" {
			roots++
			assert.Equal(t, "arrived", cols[1])
			assert.Equal(t, "arrive", cols[2])
		}
	}
	assert.Equal(t, 1, roots)
	assert.Contains(t, blocks[0], "6\tcapital\tcapital\tNOUN\tNN\t_\t3\tobl\t_\tSpaceAfter=No")
}

func TestParseFormats(t *testing.T) {
	code, out, errs := runCLI(t, parseText, "parse", "--format", "dot", "--sentence", "2", "-")
	require.Equal(t, 0, code, errs)
	assert.True(t, strings.HasPrefix(out, "digraph sentence2 {"), out)
	assert.Contains(t, out, `[label="nsubj"]`)
	code, out, errs = runCLI(t, parseText, "parse", "--format", "text", "-")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "arrived VERB root\n  envoy NOUN nsubj\n")
	code, _, errs = runCLI(t, parseText, "parse", "--format", "svg", "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, `unknown format "svg"`)
	code, _, errs = runCLI(t, parseText, "parse", "--sentence", "9", "-")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "has 2 sentences")
}

func TestParseCoNLLUKeepsLines(t *testing.T) {
	in := "# sent_id = x\n# text = They don't wait.\n" +
		"1\tThey\t_\t_\t_\tCase=Nom\t_\t_\t_\t_\n" +
		"2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"4\twait\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" +
		"5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
	p := filepath.Join(t.TempDir(), "in.conllu")
	require.NoError(t, os.WriteFile(p, []byte(in), 0o644))
	code, out, errs := runCLI(t, "", "parse", "--conllu", p)
	require.Equal(t, 0, code, errs)
	lines := strings.Split(out, "\n")
	require.Len(t, lines, 10)
	assert.Equal(t, "# sent_id = x", lines[0])
	assert.Equal(t, "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_", lines[3])
	assert.True(t, strings.HasPrefix(lines[2], "1\tThey\tthey\tPRON\tPRP\tCase=Nom\t4\tnsubj\t"), lines[2])
	assert.True(t, strings.HasPrefix(lines[6], "4\twait\twait\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No"), lines[6])

	code, _, errs = runCLI(t, "1\tx\n\n", "parse", "--conllu", "-")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "<stdin>: conllu: line 1")
}

func TestExtractTokens(t *testing.T) {
	code, out, errs := runCLI(t, article, "extract", "--tokens", "-")
	require.Equal(t, 0, code, errs)
	var doc struct {
		Entities []json.RawMessage
		Tokens   []struct {
			Start, End, Head, Sent     int
			Text, Tag, POS, Lemma, Dep string
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	require.NotEmpty(t, doc.Entities)
	require.NotEmpty(t, doc.Tokens)
	roots := 0
	for i, tk := range doc.Tokens {
		assert.Equal(t, article[tk.Start:tk.End], tk.Text)
		if tk.Head < 0 {
			roots++
			assert.Equal(t, "hosted", tk.Text)
			assert.Equal(t, "host", tk.Lemma)
			assert.Equal(t, "VERB", tk.POS)
		} else {
			assert.NotEqual(t, i, tk.Head)
		}
	}
	assert.Equal(t, 1, roots)

	code, out, errs = runCLI(t, article, "extract", "--format", "jsonl", "--tokens", "-")
	require.Equal(t, 0, code, errs)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 1)
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &doc))
	assert.Equal(t, "Russian", doc.Tokens[0].Text)

	code, _, errs = runCLI(t, article, "extract", "--format", "dot", "--tokens", "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "--tokens goes with --format json or jsonl")
}

func TestParseMissingFile(t *testing.T) {
	code, _, errs := runCLI(t, "", "parse", filepath.Join(t.TempDir(), "nosuch.txt"))
	assert.Equal(t, 1, code)
	assert.Equal(t, 1, strings.Count(errs, "nosuch.txt"), errs)
}
