// Command analyst shows an analyst's workflow over a corpus with the
// library: read articles as JSON lines, extract them in parallel sharing
// one pipeline, merge them into one dated corpus graph resolved across
// articles, and print what a first look needs: the most central
// entities, the relation counts between countries, and how two entities
// are connected. It writes the graph as JSON and GraphML for later
// queries and for Gephi.
//
// Usage, from the repository root:
//
//	go run ./examples/analyst [-j N] [-out DIR] [ARTICLES.jsonl]
//
// Without a file it reads every .txt file in ../shared/data/articles (or
// testdata), dated in file order from 1 November 2026, as if they were
// JSON lines.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/relations"
)

func main() {
	jobs := flag.Int("j", runtime.GOMAXPROCS(0), "parallel workers")
	out := flag.String("out", os.TempDir(), "directory for corpus.json and corpus.graphml")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, flag.Args(), *jobs, *out); err != nil {
		fmt.Fprintln(os.Stderr, "analyst:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, jobs int, out string) error {
	in, closeIn, err := input(args)
	if err != nil {
		return err
	}
	defer closeIn()

	// 1. One pipeline, shared by the workers; results come in input order.
	p, err := newsgraph.New()
	if err != nil {
		return err
	}
	g := relations.NewGraph()
	start, n, failed := time.Now(), 0, 0
	for r := range p.ExtractAll(ctx, in, jobs) {
		n++
		if r.Err != nil { // a malformed line or a refused text: reported, not dropped
			failed++
			fmt.Fprintf(os.Stderr, "%s: %v\n", r.ID, r.Err)
			continue
		}
		g.AddDated(r.ID, r.Date, r.Doc.Document, r.Doc.Relations)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	fmt.Printf("%d articles (%d failed) in %.1fs with %d workers\n", n, failed, time.Since(start).Seconds(), jobs)

	// 2. Cross-article resolution: "Putin" here is "Vladimir Putin" there.
	g = g.Resolve()
	fmt.Printf("%d entities, %d relations\n\n", len(g.Entities()), len(g.Relations()))

	// 3. Who is central?
	fmt.Println("Top entities by PageRank:")
	for i, s := range g.TopByPageRank(5) {
		fmt.Printf("  %d. %-24s %.4f  (articles: %d, first seen %s)\n", i+1, s.Node.Name, s.Value,
			len(s.Node.Documents), relations.FormatDate(s.Node.FirstSeen))
	}

	// 4. States: fold people and institutions into their countries, keep
	// the conflictual relations, count them by country pair.
	state := g.StateView()
	fmt.Println("\nConflictual relations between states:")
	conflict := state.Filter(relations.Filter{Polarities: []relations.Polarity{relations.Conflictual}, DropIsolated: true})
	for _, c := range conflict.CountByCountryPair() {
		fmt.Printf("  %-8s relations: %d, articles: %d\n", c.Key, c.Relations, c.Articles)
	}

	// 5. How are the two best-connected entities connected?
	if top := g.TopByDegree(2); len(top) == 2 {
		a, b := top[0].Node, top[1].Node
		path := g.ShortestPath(a, b)
		if path == nil {
			fmt.Printf("\n%s and %s are not connected\n", a.Name, b.Name)
		} else {
			fmt.Printf("\n%s to %s: %d steps\n", a.Name, b.Name, len(path)-1)
		}
		for i := 1; i < len(path); i++ {
			for _, e := range g.Between(path[i-1], path[i]) {
				fmt.Printf("  %s —%s→ %s  (%s)\n", e.Source.Name, e.Type, e.Target.Name, e.Evidence[0].Doc)
			}
		}
	}

	// 6. Save for "newsgraph query" and for Gephi.
	for name, write := range map[string]func(io.Writer, *relations.Graph) error{
		"corpus.json": relations.WriteJSON, "corpus.graphml": relations.WriteGraphML,
	} {
		if err := save(filepath.Join(out, name), g, write); err != nil {
			return err
		}
	}
	fmt.Printf("\nwrote %s and %s\n", filepath.Join(out, "corpus.json"), filepath.Join(out, "corpus.graphml"))
	return nil
}

// input returns the articles: the JSON lines of args[0], or the .txt
// files of the shared articles or testdata as dated articles.
func input(args []string) (iter.Seq2[newsgraph.Article, error], func(), error) {
	if len(args) > 0 {
		f, err := os.Open(args[0])
		if err != nil {
			return nil, nil, err
		}
		return newsgraph.ReadJSONL(f), func() { f.Close() }, nil
	}
	var files []string
	for _, dir := range []string{"../shared/data/articles", "testdata", "../../testdata"} {
		if files, _ = filepath.Glob(filepath.Join(dir, "*.txt")); len(files) > 0 {
			break
		}
	}
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("no articles: give a JSON lines file, or run from the repository root")
	}
	return func(yield func(newsgraph.Article, error) bool) {
		for i, f := range files {
			text, err := os.ReadFile(f)
			a := newsgraph.Article{ID: filepath.Base(f), Text: string(text), Date: time.Date(2026, 11, 1+i, 0, 0, 0, 0, time.UTC)}
			if !yield(a, err) {
				return
			}
		}
	}, func() {}, nil
}

func save(name string, g *relations.Graph, write func(io.Writer, *relations.Graph) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := write(f, g); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
