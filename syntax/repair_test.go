package syntax

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkTree fails unless heads/labels form one tree over n words.
func checkTree(t *testing.T, heads []int, labels []string, n int) {
	t.Helper()
	require.Len(t, heads, n)
	require.Len(t, labels, n)
	roots := 0
	for i, h := range heads {
		require.True(t, h >= 0 && h <= n && h != i+1, "head %d of word %d", h, i+1)
		if h == 0 {
			roots++
			assert.Equal(t, "root", labels[i])
		} else {
			assert.NotEqual(t, "root", labels[i])
			assert.NotEmpty(t, labels[i])
		}
		// Reaches the root within n steps.
		j, steps := i, 0
		for heads[j] != 0 {
			j = heads[j] - 1
			steps++
			require.LessOrEqual(t, steps, n, "cycle through word %d", i+1)
		}
	}
	if n > 0 {
		assert.Equal(t, 1, roots)
	}
}

func TestRepairAnyHeads(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 2000; trial++ {
		n := r.IntN(30)
		heads := make([]int, r.IntN(n+3)) // sometimes too short or too long
		labels := make([]string, r.IntN(n+3))
		for i := range heads {
			heads[i] = r.IntN(n+4) - 2
		}
		for i := range labels {
			labels[i] = []string{"", "root", "nsubj", "obj"}[r.IntN(4)]
		}
		h, l := repair(heads, labels, n)
		checkTree(t, h, l, n)
	}
}

func TestRepairKeepsTrees(t *testing.T) {
	heads := []int{2, 0, 2}
	labels := []string{"nsubj", "root", "obj"}
	h, l := repair(append([]int(nil), heads...), append([]string(nil), labels...), 3)
	assert.Equal(t, heads, h)
	assert.Equal(t, labels, l)
}
