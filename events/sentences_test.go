package events_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/events"
)

// TestWrittenSentences measures the coder end to end, through the
// pipeline, on testdata/sentences.tsv: event sentences written for this
// test with the codes a CAMEO coder would give them. They are a
// development set, not a held-out one: the AGREE cue rows were added after
// reading its misses. The floors are the figures measured when the test
// was written (30 sentences: 29 coded; event code 28, root code 29, source
// 28, target 28), less one sentence, so that a regression shows and a
// small change of the tagger does not fail the build.
func TestWrittenSentences(t *testing.T) {
	b, err := os.ReadFile("testdata/sentences.tsv")
	require.NoError(t, err)
	p, err := sharedPipeline()
	require.NoError(t, err)
	c := coder(t)
	var n, found, event, root, src, dst int
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		require.Len(t, f, 4, line)
		n++
		doc, err := p.Extract(context.Background(), f[0])
		require.NoError(t, err)
		rows := c.Document("s", doc)
		if len(rows) == 0 {
			t.Logf("no event: %s", f[0])
			continue
		}
		found++
		r := pick(rows, f[1], f[3])
		if r.SourceCode != f[1] && r.TargetCode == f[1] {
			r.SourceCode, r.TargetCode = r.TargetCode, r.SourceCode // a symmetric relation written the other way
		}
		ok := [4]bool{r.EventCode == f[2], r.RootCode == f[2][:2], r.SourceCode == f[1], r.TargetCode == f[3]}
		for i, x := range []*int{&event, &root, &src, &dst} {
			if ok[i] {
				*x++
			}
		}
		if !ok[0] || !ok[2] || !ok[3] {
			t.Logf("want %s %s %s, got %s %s %s: %s", f[1], f[2], f[3], r.SourceCode, r.EventCode, r.TargetCode, f[0])
		}
	}
	t.Logf("%d sentences: %d coded; event code %d, root code %d, source %d, target %d", n, found, event, root, src, dst)
	assert.GreaterOrEqual(t, found, 28)
	assert.GreaterOrEqual(t, event, 27)
	assert.GreaterOrEqual(t, root, 28)
	assert.GreaterOrEqual(t, src, 27)
	assert.GreaterOrEqual(t, dst, 27)
}

// pick returns the row whose actors are src and dst, either way round,
// else the first row.
func pick(rows []events.Row, src, dst string) events.Row {
	for _, r := range rows {
		if (r.SourceCode == src && r.TargetCode == dst) || (r.SourceCode == dst && r.TargetCode == src) {
			return r
		}
	}
	return rows[0]
}
