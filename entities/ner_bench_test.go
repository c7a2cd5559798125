package entities_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/entities"
)

// nerBenchDocs returns the CoNLL-2003 dev documents when ../shared is present,
// else the whitespace/punctuation-tokenised test article.
func nerBenchDocs(b *testing.B) [][][]string {
	if shared := nerSharedDir(); shared != "" {
		var docs [][][]string
		for _, d := range nerReadDocs(b, filepath.Join(shared, "conll2003", "dev.conll")) {
			docs = append(docs, d.Tokens())
		}
		return docs
	}
	return [][][]string{nerTestDoc(b)}
}

func BenchmarkNERTagger(b *testing.B) {
	tg := nerTagger(b)
	docs := nerBenchDocs(b)
	ntok := 0
	for _, d := range docs {
		for _, s := range d {
			ntok += len(s)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			tg.Tag(d)
		}
	}
	b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoadNERTagger(b *testing.B) {
	var buf bytes.Buffer
	if err := nerTagger(b).Write(&buf); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.ReportMetric(float64(len(data)), "bytes")
	for b.Loop() {
		if _, err := entities.LoadNERTagger(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
