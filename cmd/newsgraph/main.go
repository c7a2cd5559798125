// Command newsgraph extracts entities and relation graphs from English news
// articles, builds corpus graphs over many of them, and answers questions
// about saved graphs.
//
// Usage:
//
//	newsgraph extract [--format json|jsonl|dot|events|events-jsonl|html] [--input text|jsonl] [-j N] FILE|DIR|-...
//	newsgraph graph [--format json|dot|graphml|csv|cypher|events|events-jsonl|html] [--out PATH] [filters] [--state] FILE|DIR|-...
//	newsgraph query [--state] GRAPH.json neighbours NAME | path A B | top [--by degree|pagerank] [-n N] | counts [--by type|country-pair]
//	newsgraph tag --conll FILE
//	newsgraph parse [--format conllu|dot|text] [FILE|-] | parse --conllu FILE
//
// Inputs are text files (one article each), directories (searched
// recursively for *.txt, or with --input jsonl for *.jsonl and *.ndjson),
// and "-" for standard input. With --input jsonl every line is an article
// {"id", "text", "date"?, "url"?, "title"?}. Articles are processed by -j
// workers (all cores by default) and come out in input order; a progress
// bar shows on standard error when it is a terminal.
//
// extract prints, for one article, the schema's JSON object (or a DOT
// graph); for several, a JSON array of such objects, each with its "file"
// (or "id"), or one DOT graph over all of them; with --format jsonl, one
// line per article, {"id", "entities", "relations", …} or {"id", "error"};
// with --format events (or events-jsonl), CAMEO-coded event rows as TSV
// with a header (or JSON lines), one per event occurrence (package events).
// With --format html, extract writes one article as a self-contained web
// page and graph writes the corpus graph as one (package htmlview).
// graph merges the articles into one corpus graph and exports it. Errors
// name the file (FILE:LINE for JSON lines); one bad input does not stop
// the others; the exit status is 1 when any failed, 2 for a usage error.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := runContext(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `usage:
  newsgraph extract [--format json|jsonl|dot|events|events-jsonl|html] [--input text|jsonl] [-j N] INPUT...
        extract entities and relations per article (INPUT: file, directory, "-" for stdin)
  newsgraph graph [--format json|dot|graphml|csv|cypher|events|events-jsonl|html] [--out PATH] [--state] [filters] INPUT...
        one corpus graph over all the articles ("newsgraph graph -h" for the filters)
  newsgraph query [--state] GRAPH.json neighbours NAME | path A B | top [--by degree|pagerank] [-n N] | counts [--by type|country-pair]
        questions about a graph saved with graph --format json
  newsgraph tag --conll FILE
        tag CoNLL tokens with PER, ORG, LOC, MISC
  newsgraph parse [--format conllu|dot|text] [FILE|-] | parse --conllu FILE
        dependency trees (Universal Dependencies) of raw text or of CoNLL-U words
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdin, stdout, stderr)
}

func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "extract":
		return runExtract(ctx, args[1:], stdin, stdout, stderr)
	case "graph":
		return runGraph(ctx, args[1:], stdin, stdout, stderr)
	case "query":
		return runQuery(args[1:], stdin, stdout, stderr)
	case "tag":
		return runTag(args[1:], stdin, stdout, stderr)
	case "parse":
		return runParse(ctx, args[1:], stdin, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "newsgraph: unknown command %q\n%s", args[0], usage)
	return 2
}
