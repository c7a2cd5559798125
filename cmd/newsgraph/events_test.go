package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// eventText is written for these tests: a visit by a head of government
// and sanctions by an international body.
const eventText = "Norwegian Prime Minister Ingrid Haugen visited Nairobi on Monday. " +
	"The European Union imposed sanctions on Belarus."

func TestExtractEvents(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", eventText)
	code, out, errs := runCLI(t, "", "extract", "--format", "events", p)
	require.Equal(t, 0, code, errs)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.GreaterOrEqual(t, len(lines), 3, out)
	header := strings.Split(lines[0], "\t")
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	var got []string
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		require.Len(t, f, len(header))
		got = append(got, f[col["source_code"]]+" "+f[col["event_code"]]+" "+f[col["target_code"]])
	}
	assert.Contains(t, got, "NORGOV 042 KEN")
	assert.Contains(t, got, "IGOEUREEC 163 BLR")

	code, out, errs = runCLI(t, "", "extract", "--format", "events-jsonl", p)
	require.Equal(t, 0, code, errs)
	var n int
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var row map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &row), l)
		assert.Contains(t, row, "goldstein")
		n++
	}
	assert.Equal(t, len(lines)-1, n)
}

func TestGraphEvents(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", eventText)
	writeFile(t, dir, "b.txt", "The European Union imposed sanctions on Belarus again on Friday.")
	code, out, errs := runCLI(t, "", "graph", "--format", "events", dir)
	require.Equal(t, 0, code, errs)
	assert.True(t, strings.HasPrefix(out, "article\tdate\t"), out)
	assert.Equal(t, 2, strings.Count(out, "IGOEUREEC"), "one row per occurrence, in each article")

	code, _, errs = runCLI(t, "", "extract", "--format", "event", dir)
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "events-jsonl")
}
