package htmlview

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testGraph is a made-up graph of n nodes: a few hubs, chains and some
// unlinked nodes, with names of varied length.
func testGraph(n int) (links []link, radius []float64, names []string) {
	for i := range n {
		radius = append(radius, 4+float64(i%5))
		names = append(names, fmt.Sprintf("Node %d %s", i, "abcdefghijklmnop"[:i%13]))
		switch {
		case i == 0:
		case i%9 == 0:
			// unlinked
		case i%4 == 0:
			links = append(links, link{i, i / 4})
		default:
			links = append(links, link{i, i - 1})
		}
	}
	return links, radius, names
}

func TestLayoutInBoxAndApart(t *testing.T) {
	for _, n := range []int{1, 2, 12, 150} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			links, radius, names := testGraph(n)
			const w, h, margin = 900.0, 560.0, 20.0
			pos := layout(n, links, radius, names, w, h, margin)
			require.Len(t, pos, n)
			for i, p := range pos {
				assert.False(t, math.IsNaN(p.X) || math.IsNaN(p.Y), "node %d", i)
				assert.True(t, p.X >= 0 && p.X <= w && p.Y >= 0 && p.Y <= h, "node %d at %v outside the box", i, p)
			}
			assert.Equal(t, pos, layout(n, links, radius, names, w, h, margin), "same input, same layout")
		})
	}
}

func TestLabelsDoNotOverlap(t *testing.T) {
	links, radius, names := testGraph(300)
	pos := layout(len(names), links, radius, names, 1400, 900, 20)
	labels := placeLabels(pos, radius, names, len(names))
	var boxes []rect
	shown := 0
	for i, l := range labels {
		if l.Hidden {
			continue
		}
		shown++
		boxes = append(boxes, l.box(names[i]))
	}
	assert.Greater(t, shown, len(names)/2, "most labels find a place")
	for i, a := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			assert.False(t, a.overlaps(boxes[j]), "labels %d and %d overlap", i, j)
		}
		for k, p := range pos {
			c := rect{p.X - radius[k], p.Y - radius[k], p.X + radius[k], p.Y + radius[k]}
			assert.False(t, a.overlaps(c), "label %d covers node %d", i, k)
		}
	}
}

func TestTruncate(t *testing.T) {
	assert.Equal(t, "abc", truncate("abc", 3))
	assert.Equal(t, "ab…", truncate("abcd", 3))
	assert.Equal(t, "éé…", truncate("éééé", 3))
}

func TestEdgePathsBendApart(t *testing.T) {
	pos := []point{{0, 0}, {100, 0}}
	radius := []float64{5, 5}
	paths := edgePaths(pos, radius, []curve{{0, 1}, {1, 0}, {0, 1}, {0, 0}})
	assert.Len(t, paths, 4)
	assert.Equal(t, 4, len(map[string]bool{paths[0]: true, paths[1]: true, paths[2]: true, paths[3]: true}), "each edge its own path: %q", paths)
	assert.Equal(t, "M5 0L94 0", edgePaths(pos, radius, []curve{{0, 1}})[0], "a lone edge is straight, rim to rim")
}
