package newsgraph_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph"
)

// countdownCtx is a context that reports itself cancelled after its Err
// has been asked budget times: it tells where the pipeline looks at its
// context without timing anything.
type countdownCtx struct {
	context.Context
	budget int64
	calls  atomic.Int64
}

func (c *countdownCtx) Err() error {
	if c.calls.Add(1) > c.budget {
		return context.Canceled
	}
	return nil
}

// longText is many short sentences written for these tests, each with a
// relation, so that every stage has work per sentence.
func longText(n int) string {
	var b strings.Builder
	for i := range n {
		switch i % 3 {
		case 0:
			b.WriteString("Chilean President Marta Quiroga visited Lisbon on Monday. ")
		case 1:
			b.WriteString("Quiroga met Portuguese Prime Minister Rui Falcão to discuss fishing rights. ")
		default:
			b.WriteString("The two leaders signed an agreement on ocean research.\n\n")
		}
	}
	return b.String()
}

// A cancelled context stops Extract inside its stages, sentence by
// sentence, not only before it starts: wherever the budget of checks runs
// out (splitting, tagging, recognising, reading relations), Extract
// returns context.Canceled and looks at the context no more (issue 13,
// item 4).
func TestExtractStopsWithinStages(t *testing.T) {
	p := pipeline(t)
	text := longText(30)
	probe := &countdownCtx{Context: context.Background(), budget: 1 << 40}
	_, err := p.Extract(probe, text)
	require.NoError(t, err)
	total := probe.calls.Load()
	require.Greater(t, total, int64(5*30), "the context is looked at per sentence in each stage")

	for _, frac := range []int64{10, 45, 75, 95} {
		budget := total * frac / 100
		ctx := &countdownCtx{Context: context.Background(), budget: budget}
		doc, err := p.Extract(ctx, text)
		assert.ErrorIs(t, err, context.Canceled, "budget %d of %d", budget, total)
		assert.Nil(t, doc)
		// The stage that saw it returns; the pipeline asks once more to
		// tell a cancel from an extractor's own error.
		assert.LessOrEqual(t, ctx.calls.Load(), budget+2, "nothing runs after the first cancelled check")
	}
}

// When ctx is done, ExtractAll ends even though its input is blocked (a
// pipe whose writer stays open), and the article in hand stops early.
func TestExtractAllStopsOnBlockedInput(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	in := func(yield func(newsgraph.Article, error) bool) {
		if !yield(newsgraph.Article{ID: "first", Text: "Quiroga visited Lisbon."}, nil) {
			return
		}
		<-release // the writer never closes the pipe during the test
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	results := make(chan newsgraph.Result, 4)
	go func() {
		defer close(results)
		for r := range pipeline(t).ExtractAll(ctx, in, 2) {
			results <- r
			cancel()
		}
	}()
	deadline := time.After(60 * time.Second) // generous: only a hang fails
	var got []newsgraph.Result
	for done := false; !done; {
		select {
		case r, ok := <-results:
			if !ok {
				done = true
				break
			}
			got = append(got, r)
		case <-deadline:
			t.Fatal("ExtractAll still waits for its blocked input after cancel")
		}
	}
	require.Len(t, got, 1)
	assert.Equal(t, "first", got[0].ID)
	assert.NoError(t, got[0].Err)
}
