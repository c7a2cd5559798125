package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// updateREADME rewrites the outputs of README.md's checked examples:
// go test ./cmd/newsgraph -run TestREADMEExamples -update-readme
var updateREADME = flag.Bool("update-readme", false, "rewrite the outputs of README.md's checked console examples")

// readmeMarker comes on the line before each console block of README.md
// whose commands TestREADMEExamples runs and whose output it compares.
const readmeMarker = "<!-- checked by TestREADMEExamples -->"

// TestREADMEExamples runs the commands of README.md's checked console
// blocks, in order, from a directory beside ../shared as the repository
// root is, and compares what they print (standard error, then standard
// output, as a terminal shows them) with the block, so the samples
// cannot go stale (issue 13, item 12). A command line is "newsgraph
// ARGS", optionally piped into "head -N", or "head -N FILE...".
func TestREADMEExamples(t *testing.T) {
	shared, err := filepath.Abs(filepath.Join("..", "..", "..", "shared"))
	require.NoError(t, err)
	if _, err := os.Stat(filepath.Join(shared, "data", "articles")); err != nil {
		t.Skipf("skipping: the README's examples read ../shared/data/articles: %v", err)
	}
	readme, err := filepath.Abs(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	src, err := os.ReadFile(readme)
	require.NoError(t, err)
	lines := strings.Split(string(src), "\n")

	root := t.TempDir()
	work := filepath.Join(root, "repo")
	require.NoError(t, os.Mkdir(work, 0o755))
	require.NoError(t, os.Symlink(shared, filepath.Join(root, "shared")))
	t.Chdir(work)

	var out []string // README with the outputs as they are now
	blocks := 0
	for i := 0; i < len(lines); i++ {
		out = append(out, lines[i])
		if strings.TrimSpace(lines[i]) != readmeMarker {
			continue
		}
		require.Less(t, i+1, len(lines))
		require.Equal(t, "```console", lines[i+1], "README.md:%d: the marker must come right before a console block", i+1)
		blocks++
		out = append(out, lines[i+1])
		i += 2
		for i < len(lines) && lines[i] != "```" {
			require.True(t, strings.HasPrefix(lines[i], "$ "), "README.md:%d: a command line starting with \"$ \"", i+1)
			cmdLine := lines[i]
			var want []string
			for i++; i < len(lines) && lines[i] != "```" && !strings.HasPrefix(lines[i], "$ "); i++ {
				want = append(want, lines[i])
			}
			got := runShown(t, strings.TrimPrefix(cmdLine, "$ "))
			out = append(out, cmdLine)
			out = append(out, got...)
			if !*updateREADME {
				assert.Equal(t, strings.Join(want, "\n"), strings.Join(got, "\n"),
					"README.md: the output of %q has changed; check it and rewrite the README with -update-readme", cmdLine)
			}
		}
		require.Less(t, i, len(lines), "unterminated console block")
		out = append(out, lines[i])
	}
	assert.GreaterOrEqual(t, blocks, 2, "README.md has checked examples")
	if *updateREADME {
		require.NoError(t, os.WriteFile(readme, []byte(strings.Join(out, "\n")), 0o644))
		t.Logf("rewrote %s", readme)
	}
}

// runShown runs one README command line and returns its output lines,
// trailing spaces removed.
func runShown(t *testing.T, line string) []string {
	t.Helper()
	if i := strings.Index(line, "   #"); i >= 0 {
		line = line[:i] // a comment for the reader
	}
	limit := -1
	if i := strings.LastIndex(line, "|"); i >= 0 {
		head := strings.Fields(line[i+1:])
		require.Len(t, head, 2, "only | head -N is supported: %s", line)
		require.Equal(t, "head", head[0], line)
		n, err := strconv.Atoi(strings.TrimPrefix(head[1], "-"))
		require.NoError(t, err, line)
		limit, line = n, line[:i]
	}
	args := shellWords(t, line)
	var text string
	switch args[0] {
	case "newsgraph":
		code, stdout, stderr := runCLI(t, "", args[1:]...)
		require.Equal(t, 0, code, "%s: %s", line, stderr)
		text = stderr + stdout
	case "head":
		n, err := strconv.Atoi(strings.TrimPrefix(args[1], "-"))
		require.NoError(t, err, line)
		var b strings.Builder
		for k, f := range args[2:] {
			if len(args) > 3 {
				if k > 0 {
					b.WriteString("\n")
				}
				fmt.Fprintf(&b, "==> %s <==\n", f)
			}
			data, err := os.ReadFile(f)
			require.NoError(t, err, line)
			for j, l := range bytes.SplitAfter(data, []byte("\n")) {
				if j < n {
					b.Write(l)
				}
			}
		}
		text = b.String()
	default:
		t.Fatalf("README command %q: only newsgraph and head are run", line)
	}
	got := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if limit >= 0 && len(got) > limit {
		got = got[:limit]
	}
	for k := range got {
		got[k] = strings.TrimRight(got[k], " ")
	}
	return got
}

// shellWords splits a command line as a shell would for the README's
// examples: words separated by spaces, with "double" or 'single' quotes.
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	require.Zero(t, quote, "unbalanced quotes in %q", line)
	if inWord {
		words = append(words, cur.String())
	}
	require.NotEmpty(t, words, "empty command line")
	return words
}
