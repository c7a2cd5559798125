package htmlview_test

import (
	"io"
	"testing"

	"github.com/newsgraph/newsgraph/htmlview"
)

// BenchmarkWriteCorpus measures a corpus page of a few thousand made-up
// entities: ranking, layout, labels and rendering.
func BenchmarkWriteCorpus(b *testing.B) {
	g := bigGraph(4000, 2500)
	b.ReportMetric(float64(len(g.Entities())), "entities")
	for b.Loop() {
		if err := htmlview.WriteCorpus(io.Discard, g, htmlview.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
