package newsgraph_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/relations"
)

// BenchmarkPipeline times each stage and the whole pipeline on the Kremlin
// article, in bytes/s and tokens/s, with prose alone as a baseline:
//
//	entities   entities.Model.Annotate: sentences, tokens, tags, mentions, entities
//	relations  relations.RuleExtractor.Extract on an annotated document
//	pipeline   newsgraph.Pipeline.Extract, both stages
//	prose      prose.NewDocument with one shared prose model (tokenize, tag, NER)
//
// Compare runs with benchstat.
func BenchmarkPipeline(b *testing.B) {
	text := readArticle(b, "kremlin-visit")
	model, err := entities.DefaultModel()
	if err != nil {
		b.Fatal(err)
	}
	doc, err := model.Annotate(text)
	if err != nil {
		b.Fatal(err)
	}
	ntok := len(doc.Tokens)
	report := func(b *testing.B) {
		b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tokens/s")
	}

	b.Run("entities", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if _, err := model.Annotate(text); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
	b.Run("relations", func(b *testing.B) {
		x := relations.NewRuleExtractor(model.Gazetteer())
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if _, err := x.Extract(doc); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
	b.Run("pipeline", func(b *testing.B) {
		p := pipeline(b)
		ctx := context.Background()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if _, err := p.Extract(ctx, text); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
	b.Run("prose", func(b *testing.B) {
		m := prose.ModelFromData("en")
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if _, err := prose.NewDocument(text, prose.UsingModel(m)); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
}

// BenchmarkExtractRepeated extracts an article that repeats one sentence
// naming a person in full and then by surname, at growing sizes, and
// builds its graph as "newsgraph extract" does. Time per byte must stay
// flat as the size doubles: resolving a mention and merging it into the
// graph must not scan the mentions already seen (issue 13, item 1).
func BenchmarkExtractRepeated(b *testing.B) {
	const sentence = "Ingrid Halvorsen met Halvorsen. "
	p := pipeline(b)
	ctx := context.Background()
	for _, size := range []struct {
		name  string
		bytes int
	}{{"0.25MB", 1 << 18}, {"0.5MB", 1 << 19}, {"1MB", 1 << 20}, {"2MB", 1 << 21}} {
		text := strings.Repeat(sentence, size.bytes/len(sentence))
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			ntok := 0
			for b.Loop() {
				doc, err := p.Extract(ctx, text)
				if err != nil {
					b.Fatal(err)
				}
				doc.Graph("r")
				ntok = len(doc.Document.Tokens)
			}
			b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tokens/s")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(text)), "ns/byte")
		})
	}
}
