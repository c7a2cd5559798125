package newsgraph

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/relations"
)

// concurrency is an Extractor that records how many documents it holds
// at once.
type concurrency struct {
	mu       sync.Mutex
	now, max int
}

func (c *concurrency) Extract(*entities.Document) ([]relations.Relation, error) {
	c.mu.Lock()
	c.now++
	c.max = max(c.max, c.now)
	c.mu.Unlock()
	time.Sleep(20 * time.Millisecond)
	c.mu.Lock()
	c.now--
	c.mu.Unlock()
	return nil, nil
}

// TestExtractAllTextBudget runs four workers over articles that each
// fill the text budget: they must be processed one at a time, however
// many workers there are, since memory grows with the text in hand
// (issue 13, item 3). With room for all, they overlap.
func TestExtractAllTextBudget(t *testing.T) {
	run := func(units int) int {
		saved := textBudgetUnits
		textBudgetUnits = units
		defer func() { textBudgetUnits = saved }()
		c := &concurrency{}
		p, err := New(WithExtractors(c))
		require.NoError(t, err)
		var as []Article
		for i := range 6 {
			as = append(as, Article{ID: string(rune('a' + i)), Text: strings.Repeat("The harbour board met. ", 10)})
		}
		n := 0
		for r := range p.ExtractAll(context.Background(), Articles(as), 4) {
			require.NoError(t, r.Err)
			assert.Equal(t, n, r.Index)
			n++
		}
		assert.Equal(t, len(as), n)
		return c.max
	}
	assert.Equal(t, 1, run(1), "articles over the budget overlap")
	assert.Greater(t, run(1000), 1, "articles within the budget do not overlap")
}
