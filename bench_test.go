package newsgraph_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

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
//	pipeline   newsgraph.Pipeline.Extract with the default stages (no parse)
//	pipeline-syntax  the same with newsgraph.WithSyntax: every stage
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
	b.Run("pipeline-syntax", func(b *testing.B) {
		p, err := newsgraph.New(newsgraph.WithSyntax())
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

// corpusSizes are the corpus sizes of BenchmarkCorpusGraph and
// BenchmarkCorpusQuery, in articles.
var corpusSizes = []int{2000, 4000, 8000, 16000}

// corpusDocs extracts the testdata articles once for the corpus
// benchmarks.
func corpusDocs(b *testing.B) ([]*newsgraph.Document, int) {
	b.Helper()
	var docs []*newsgraph.Document
	ntok := 0
	for _, a := range articles(b) {
		d := extract(b, a.text)
		docs = append(docs, d)
		ntok += len(d.Document.Tokens)
	}
	return docs, ntok
}

// buildCorpus adds n articles to a new graph, as "newsgraph graph" does:
// the testdata articles over and over, each time under a new ID and a new
// date, one article a day from 2020-01-01.
func buildCorpus(docs []*newsgraph.Document, n int) *relations.Graph {
	g := relations.NewGraph()
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		d := docs[i%len(docs)]
		g.AddDated(fmt.Sprintf("a%05d", i), day.AddDate(0, 0, i), d.Document, d.Relations)
	}
	return g
}

// BenchmarkCorpusGraph builds the corpus graph of 2k to 16k articles
// (already extracted), resolves it across articles and writes it as JSON,
// the work "newsgraph graph" adds to extraction. Time per article must
// stay flat as the corpus doubles (issue 13, item 2).
func BenchmarkCorpusGraph(b *testing.B) {
	docs, ntok := corpusDocs(b)
	for _, n := range corpusSizes {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			for b.Loop() {
				g := buildCorpus(docs, n).Resolve()
				if err := relations.WriteJSON(io.Discard, g); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/article")
			b.ReportMetric(float64(ntok*n/len(docs)*b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

// BenchmarkCorpusQuery reads the saved corpus graph of 2k to 16k articles
// and ranks its entities by degree, as "newsgraph query GRAPH top" does.
// Time per article must stay flat as the corpus doubles (issue 13,
// item 2).
func BenchmarkCorpusQuery(b *testing.B) {
	docs, _ := corpusDocs(b)
	for _, n := range corpusSizes {
		var saved bytes.Buffer
		if err := relations.WriteJSON(&saved, buildCorpus(docs, n).Resolve()); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			b.SetBytes(int64(saved.Len()))
			for b.Loop() {
				g := relations.NewGraph()
				if err := relations.ReadJSON(bytes.NewReader(saved.Bytes()), g); err != nil {
					b.Fatal(err)
				}
				g.TopByDegree(10)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/article")
		})
	}
}
