package main

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonlInput returns n articles as JSON lines, with a malformed line
// inserted after the second.
func jsonlInput(t *testing.T, n int) string {
	t.Helper()
	texts := []string{
		article,
		"Kenyan President William Ruto visited Paris on Tuesday. Ruto met French President Emmanuel Macron.",
		"",
		"Turkish President Recep Tayyip Erdogan hosted Azerbaijani President Ilham Aliyev in Ankara.",
	}
	var b strings.Builder
	for i := range n {
		line, err := json.Marshal(map[string]string{"id": fmt.Sprintf("a%d", i), "text": texts[i%len(texts)], "date": "2026-11-20"})
		require.NoError(t, err)
		b.Write(line)
		b.WriteByte('\n')
		if i == 1 {
			b.WriteString(`{"id": "broken", "text": "Putin met` + "\n")
		}
	}
	return b.String()
}

func TestExtractJSONL(t *testing.T) {
	in := jsonlInput(t, 9)
	code1, out1, errs1 := runCLI(t, in, "extract", "--input", "jsonl", "--format", "jsonl", "-j", "1", "-")
	code2, out2, errs2 := runCLI(t, in, "extract", "--input", "jsonl", "--format", "jsonl", "-j", "2", "-")
	assert.Equal(t, 1, code1, "a failed line sets the exit status")
	assert.Equal(t, 1, code2)
	assert.Equal(t, out1, out2, "same output whatever -j")
	assert.Equal(t, errs1, errs2)
	assert.Contains(t, errs1, "<stdin>:3: malformed JSON")
	assert.Contains(t, errs1, "newsgraph: 1 of 10 inputs failed")
	assert.NotContains(t, errs1, "\r", "no progress bar when stderr is not a terminal")

	lines := strings.Split(strings.TrimSuffix(out1, "\n"), "\n")
	require.Len(t, lines, 10)
	var ids []string
	for _, l := range lines {
		var o struct {
			ID, Error, Date string
			Line            int
			Entities        []json.RawMessage
		}
		require.NoError(t, json.Unmarshal([]byte(l), &o), l)
		ids = append(ids, o.ID)
		if o.ID == "line:3" {
			assert.Equal(t, 3, o.Line)
			assert.Contains(t, o.Error, "malformed JSON")
		} else {
			assert.Empty(t, o.Error)
			assert.Equal(t, "2026-11-20", o.Date)
		}
	}
	assert.Equal(t, []string{"a0", "a1", "line:3", "a2", "a3", "a4", "a5", "a6", "a7", "a8"}, ids)
}

func TestExtractDirectory(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "sub"), 0o755))
	b := writeFile(t, dir, "b.txt", article)
	a := writeFile(t, filepath.Join(dir, "sub"), "a.txt", article)
	writeFile(t, dir, "notes.md", "not an article")
	code, out, errs := runCLI(t, "", "extract", "-j", "2", dir)
	require.Equal(t, 0, code, errs)
	var docs []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &docs))
	require.Len(t, docs, 2)
	assert.Equal(t, b, docs[0]["file"], "lexical order, recursively")
	assert.Equal(t, a, docs[1]["file"])

	code, _, errs = runCLI(t, "", "extract", t.TempDir())
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "no .txt files in directory")
}

func TestExtractJSONLFilesAsJSON(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "in.jsonl", jsonlInput(t, 2))
	code, out, errs := runCLI(t, "", "extract", "--input", "jsonl", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, filepath.Join(dir, "in.jsonl")+":3: malformed JSON")
	var docs []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &docs))
	require.Len(t, docs, 2)
	assert.Equal(t, "a0", docs[0]["id"])
}

// graphCorpus writes three articles as JSON lines and returns the file.
func graphCorpus(t *testing.T) string {
	t.Helper()
	return writeFile(t, t.TempDir(), "corpus.jsonl", strings.Join([]string{
		`{"id":"k1","date":"2026-11-19","text":"Russian President Vladimir Putin hosted Syria's interim leader Ahmad al-Sharaa in Moscow on Wednesday."}`,
		`{"id":"k2","date":"2026-11-21","text":"Putin met al-Sharaa again in Moscow. Putin praised Syria."}`,
		`{"id":"k3","date":"2026-11-20","text":"Turkish President Recep Tayyip Erdogan hosted Azerbaijani President Ilham Aliyev in Ankara."}`,
	}, "\n")+"\n")
}

func TestGraphFormats(t *testing.T) {
	in := graphCorpus(t)
	t.Run("json", func(t *testing.T) {
		code, out, errs := runCLI(t, "", "graph", "--input", "jsonl", in)
		require.Equal(t, 0, code, errs)
		assert.Contains(t, errs, "newsgraph: 3 articles")
		var g struct {
			Entities []struct{ Name string }
			DocDates map[string]string `json:"doc_dates"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &g))
		assert.Equal(t, "2026-11-21", g.DocDates["k2"])
		n := 0
		for _, e := range g.Entities {
			if strings.Contains(e.Name, "Putin") {
				n++
			}
		}
		assert.Equal(t, 1, n, "Putin and Vladimir Putin are one entity")
	})
	t.Run("graphml", func(t *testing.T) {
		code, out, errs := runCLI(t, "", "graph", "--input", "jsonl", "--format", "graphml", in)
		require.Equal(t, 0, code, errs)
		var doc struct {
			XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
		}
		require.NoError(t, xml.Unmarshal([]byte(out), &doc))
	})
	t.Run("dot state", func(t *testing.T) {
		code, out, errs := runCLI(t, "", "graph", "--input", "jsonl", "--format", "dot", "--state", "--connected", in)
		require.Equal(t, 0, code, errs)
		assert.Contains(t, out, "label=Russia")
		assert.NotContains(t, out, "Putin")
		assert.NotContains(t, out, "LEADER_OF")
	})
	t.Run("cypher", func(t *testing.T) {
		code, out, errs := runCLI(t, "", "graph", "--input", "jsonl", "--format", "cypher", "--relations", "HOST", in)
		require.Equal(t, 0, code, errs)
		assert.Contains(t, out, "MERGE (a)-[r:HOST]->(b)")
		assert.NotContains(t, out, "LEADER_OF")
	})
	t.Run("csv", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "out")
		code, _, errs := runCLI(t, "", "graph", "--input", "jsonl", "--format", "csv", "--out", dir, "--polarity", "cooperative", "--min-weight", "1", in)
		require.Equal(t, 0, code, errs)
		for _, name := range []string{"nodes.csv", "edges.csv"} {
			f, err := os.Open(filepath.Join(dir, name))
			require.NoError(t, err)
			recs, err := csv.NewReader(f).ReadAll()
			f.Close()
			require.NoError(t, err)
			assert.GreaterOrEqual(t, len(recs), 2, name)
		}
	})
}

func TestGraphSavedAndQuery(t *testing.T) {
	saved := filepath.Join(t.TempDir(), "g.json")
	code, _, errs := runCLI(t, "", "graph", "--input", "jsonl", "--out", saved, graphCorpus(t))
	require.Equal(t, 0, code, errs)

	code, out, errs := runCLI(t, "", "graph", "--graphs", "--format", "dot", saved)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "Vladimir Putin")

	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"neighbours", []string{"neighbours", "putin"}, 0, []string{"Vladimir Putin (PERSON, RU)", "Vladimir Putin —HOST→ Ahmad al-Sharaa  [cooperative; 1 article, 1 mention; 2026-11-19]"}},
		{"path", []string{"path", "Erdogan", "Aliyev"}, 0, []string{"in 1 step", "Recep Tayyip Erdogan —HOST→ Ilham Aliyev"}},
		{"top degree", []string{"top", "-n", "2"}, 0, []string{"rank  degree  entity", "1     "}},
		{"top pagerank", []string{"top", "--by", "pagerank"}, 0, []string{"pagerank"}},
		{"counts", []string{"counts"}, 0, []string{"HOST"}},
		{"counts by country pair", []string{"--state", "counts", "--by", "country-pair"}, 0, []string{"RU→SY"}},
		{"no path", []string{"path", "Putin", "Erdogan"}, 1, nil},
		{"unknown entity", []string{"neighbours", "Napoleon"}, 1, nil},
		{"unknown query", []string{"frobnicate"}, 2, nil},
		{"bad top flag", []string{"top", "--by", "fame"}, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"query"}
			if tt.args[0] == "--state" {
				args = append(args, "--state", saved)
				args = append(args, tt.args[1:]...)
			} else {
				args = append(append(args, saved), tt.args...)
			}
			code, out, errs := runCLI(t, "", args...)
			assert.Equal(t, tt.code, code, errs)
			for _, w := range tt.want {
				assert.Contains(t, out, w)
			}
		})
	}
}

func TestBatchUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"bad input", []string{"extract", "--input", "xml", "x"}},
		{"bad jobs", []string{"extract", "-j", "0", "x"}},
		{"graph without inputs", []string{"graph"}},
		{"graph bad format", []string{"graph", "--format", "png", "x"}},
		{"csv without out", []string{"graph", "--format", "csv", "x"}},
		{"bad entity type", []string{"graph", "--types", "ANIMAL", "x"}},
		{"bad relation type", []string{"graph", "--relations", "LOVE", "x"}},
		{"bad polarity", []string{"graph", "--polarity", "hostile", "x"}},
		{"query without graph", []string{"query"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runCLI(t, "", tt.args...)
			assert.Equal(t, 2, code)
			assert.NotEmpty(t, errs)
		})
	}
}
