package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/htmlview"
	"github.com/newsgraph/newsgraph/relations"
)

// graphFormats are the output formats of the graph command.
var graphFormats = []string{"json", "dot", "graphml", "csv", "cypher", formatEvents, formatEventsJSONL, "html"}

// runGraph implements "newsgraph graph": one corpus graph over many
// articles (or saved graphs), resolved across articles, optionally folded
// to states and filtered, in one of the export formats.
func runGraph(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("graph", flag.ContinueOnError)
	format := fs.String("format", "json", "output format: "+strings.Join(graphFormats, ", "))
	out := fs.String("out", "", "output file (default stdout); for csv, the directory for nodes.csv and edges.csv")
	input, jobs, stats := addInputFlags(fs)
	fromGraph := fs.Bool("graphs", false, "inputs are graphs saved by graph --format json, merged instead of articles")
	types := fs.String("types", "", "keep only these entity types, comma-separated (PERSON,ORG,GPE,LOC,NORP,MISC)")
	rels := fs.String("relations", "", "keep only these relation types, comma-separated (HOST,MEET,…)")
	polarity := fs.String("polarity", "", "keep only relations of these polarities, comma-separated (cooperative,conflictual,neutral)")
	minWeight := fs.Int("min-weight", 0, "keep only relations stated in at least this many articles")
	minMentions := fs.Int("min-mentions", 0, "keep only relations stated at least this many times")
	state := fs.Bool("state", false, "fold people, institutions and places into their countries (the state-level view)")
	noResolve := fs.Bool("no-resolve", false, "do not merge entities across articles beyond identical names")
	connected := fs.Bool("connected", false, "leave out entities without relations (implied by the relation filters)")
	if ok, code := parseFlags(fs, "usage: newsgraph graph [flags] FILE|DIR|-...\n", args, stdout, stderr); !ok {
		return code
	}
	if !checkInput("graph", *input, *jobs, fs.Args(), stderr) {
		return 2
	}
	f, err := parseFilter(*types, *rels, *polarity, *minWeight, *minMentions)
	if err == nil && !strings.Contains(","+strings.Join(graphFormats, ",")+",", ","+*format+",") {
		err = fmt.Errorf("unknown format %q (want %s)", *format, strings.Join(graphFormats, ", "))
	}
	if err == nil && *format == "csv" && *out == "" {
		err = fmt.Errorf("--format csv needs --out DIR")
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph graph: %v\n", err)
		return 2
	}
	f.DropIsolated = *connected || len(f.Relations) > 0 || len(f.Polarities) > 0 || f.MinWeight > 0 || f.MinMentions > 0

	g := relations.NewGraph()
	var st runStats
	if *fromGraph {
		from := map[string]string{} // article ID → the graph file it came from
		for _, name := range fs.Args() {
			st.total++
			known := len(g.Documents())
			err := readGraph(name, stdin, g)
			if dup, ok := errors.AsType[*relations.DuplicateDocError](err); ok {
				err = fmt.Errorf("article %q is already merged from %s; merging it again would count it twice", dup.Doc, from[dup.Doc])
			}
			if err != nil {
				st.failed++
				fmt.Fprintf(stderr, "%s: %v\n", displayName(name), err)
				continue
			}
			for _, d := range g.Documents()[known:] {
				from[d] = displayName(name)
			}
		}
	} else {
		srcs := expand(fs.Args(), *input)
		first := map[string]int{} // article ID → its input number, from 1
		dups := 0
		st, err = process(ctx, srcs, *input, *jobs, stdin, stderr, "graph", func(r newsgraph.Result) error {
			if r.Err != nil {
				return nil
			}
			if n, ok := first[r.ID]; ok {
				// Two articles under one ID would be merged into one.
				dups++
				fmt.Fprintf(stderr, "newsgraph graph: input %d has the article ID %q of input %d; left out\n", r.Index+1, r.ID, n)
				return nil
			}
			first[r.ID] = r.Index + 1
			g.AddDated(r.ID, r.Date, r.Doc.Document, r.Doc.Relations)
			return nil
		})
		st.failed += dups
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph graph: %v\n", interrupted(err))
			return 1
		}
	}
	if st.total > 0 && st.failed == st.total {
		// Nothing to write: an old output file stays as it was.
		fmt.Fprintf(stderr, "newsgraph graph: no input could be read (%d failed); nothing written\n", st.failed)
		return 1
	}
	if !*noResolve {
		g = g.Resolve()
	}
	if *state {
		g = g.StateView()
	}
	g = g.Filter(f)
	if err := writeGraph(g, *format, *out, stdout); err != nil {
		fmt.Fprintf(stderr, "newsgraph graph: %v\n", err)
		return 1
	}
	if *stats && !*fromGraph {
		fmt.Fprintf(stderr, "newsgraph: %v\n", st)
	}
	fmt.Fprintf(stderr, "newsgraph: %d articles, %d entities, %d relations\n", len(g.Documents()), len(g.Entities()), len(g.Relations()))
	if st.failed > 0 {
		fmt.Fprintf(stderr, "newsgraph: %d of %d inputs failed\n", st.failed, st.total)
		return 1
	}
	return 0
}

// parseFilter reads the filter flags.
func parseFilter(types, rels, polarity string, minWeight, minMentions int) (relations.Filter, error) {
	f := relations.Filter{MinWeight: minWeight, MinMentions: minMentions}
	for _, s := range splitList(types) {
		t, err := entities.ParseType(strings.ToUpper(s))
		if err != nil {
			return f, err
		}
		f.Types = append(f.Types, t)
	}
	for _, s := range splitList(rels) {
		t, err := relations.ParseType(strings.ToUpper(s))
		if err != nil {
			return f, err
		}
		f.Relations = append(f.Relations, t)
	}
	for _, s := range splitList(polarity) {
		p, err := relations.ParsePolarity(s)
		if err != nil {
			return f, err
		}
		f.Polarities = append(f.Polarities, p)
	}
	return f, nil
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// readGraph adds the graph saved as JSON in the file name ("-" for stdin)
// to g.
func readGraph(name string, stdin io.Reader, g *relations.Graph) error {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	return relations.ReadJSON(bufio.NewReader(r), g)
}

// writeGraph writes g in format to out (a file, or for csv a directory),
// or to stdout when out is "".
func writeGraph(g *relations.Graph, format, out string, stdout io.Writer) error {
	if format == "csv" {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
		return writeFilesAtomically(
			[]string{filepath.Join(out, "nodes.csv"), filepath.Join(out, "edges.csv")},
			[]func(io.Writer) error{
				func(w io.Writer) error { return relations.WriteCSVNodes(w, g) },
				func(w io.Writer) error { return relations.WriteCSVEdges(w, g) },
			})
	}
	write := map[string]func(io.Writer, *relations.Graph) error{
		"json":    relations.WriteJSON,
		"dot":     relations.WriteDOT,
		"graphml": relations.WriteGraphML,
		"cypher":  relations.WriteCypher,

		formatEvents:      graphEvents(formatEvents),
		formatEventsJSONL: graphEvents(formatEventsJSONL),
		"html": func(w io.Writer, g *relations.Graph) error {
			return htmlview.WriteCorpus(w, g, htmlview.Options{})
		},
	}[format]
	if out != "" {
		return writeGraphFile(out, g, write)
	}
	bw := bufio.NewWriter(stdout)
	if err := write(bw, g); err != nil {
		return err
	}
	return bw.Flush()
}

// writeGraphFile writes g to the file name with write, through a
// temporary file renamed into place (writeFilesAtomically).
func writeGraphFile(name string, g *relations.Graph, write func(io.Writer, *relations.Graph) error) error {
	return writeFilesAtomically([]string{name}, []func(io.Writer) error{func(w io.Writer) error { return write(w, g) }})
}
