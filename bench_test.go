package newsgraph_test

import (
	"context"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/relations"
	"github.com/newsgraph/newsgraph/syntax"
)

// BenchmarkPipeline times each stage and the whole pipeline on the Kremlin
// article, in bytes/s and tokens/s, with prose alone as a baseline:
//
//	entities   entities.Model.Annotate: sentences, tokens, tags, mentions, entities
//	syntax     syntax.Parser.Parse on an annotated document: UD tags, lemmas, tree
//	relations  relations.RuleExtractor.Extract on an annotated document
//	pipeline   newsgraph.Pipeline.Extract, all stages
//	pipeline-nosyntax  the same with newsgraph.WithoutSyntax
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
	// Each sub-benchmark reports tokens per second of wall time and per
	// second of the process's CPU time; the second stays comparable on a
	// machine shared with other work (run with -cpu 1).
	var cpu0 float64
	start := func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		cpu0 = cpuSeconds()
	}
	report := func(b *testing.B) {
		b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tokens/s")
		if cpu := cpuSeconds() - cpu0; cpu > 0 && cpu0 > 0 {
			b.ReportMetric(float64(ntok*b.N)/cpu, "tokens/cpu-s")
		}
	}

	b.Run("entities", func(b *testing.B) {
		start(b)
		for b.Loop() {
			if _, err := model.Annotate(text); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
	b.Run("syntax", func(b *testing.B) {
		sp, err := syntax.DefaultParser()
		if err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		start(b)
		for b.Loop() {
			if err := sp.Parse(ctx, doc); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
	b.Run("relations", func(b *testing.B) {
		x := relations.NewRuleExtractor(model.Gazetteer())
		start(b)
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
		start(b)
		for b.Loop() {
			if _, err := p.Extract(ctx, text); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
	b.Run("pipeline-nosyntax", func(b *testing.B) {
		p, err := newsgraph.New(newsgraph.WithoutSyntax())
		if err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		start(b)
		for b.Loop() {
			if _, err := p.Extract(ctx, text); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
	b.Run("prose", func(b *testing.B) {
		m := prose.ModelFromData("en")
		start(b)
		for b.Loop() {
			if _, err := prose.NewDocument(text, prose.UsingModel(m)); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
}
