package events_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkDocument codes the events of the Kremlin article, already
// extracted; it reports rows/s.
func BenchmarkDocument(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "..", "shared", "data", "articles", "kremlin-visit.txt"))
	if err != nil {
		b.Skipf("skipping: %v", err)
	}
	p, err := sharedPipeline()
	if err != nil {
		b.Fatal(err)
	}
	doc, err := p.Extract(context.Background(), string(text))
	if err != nil {
		b.Fatal(err)
	}
	c := coder(b)
	b.SetBytes(int64(len(text)))
	var rows int
	for b.Loop() {
		rows += len(c.Document("kremlin-visit", doc))
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}
