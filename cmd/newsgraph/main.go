// Command newsgraph extracts entities and relation graphs from English news
// articles, builds corpus graphs over many of them, and answers questions
// about saved graphs.
//
// Usage:
//
//	newsgraph extract [--format json|jsonl|dot|events|events-jsonl|html] [--input text|jsonl] [-j N] FILE|DIR|-...
//	newsgraph graph [--format json|dot|graphml|csv|cypher|events|events-jsonl|html] [--out PATH] [filters] [--state] FILE|DIR|-...
//	newsgraph query [--state] GRAPH.json neighbours NAME | path A B | top [--by degree|pagerank] [-n N] | counts [--by type|country-pair]
//	newsgraph tag [--conll] FILE
//	newsgraph parse [--format conllu|dot|text] [FILE|-] | parse --conllu FILE
//	newsgraph --version
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
// graph merges the articles into one corpus graph and exports it; --out
// files are written to a temporary file and renamed into place, so a
// failed run leaves the old file as it was. Errors name the file
// (FILE:LINE for JSON lines); one bad input does not stop the others;
// the exit status is 1 when any failed, 2 for a usage error. Ctrl-C
// (SIGINT) or SIGTERM stops the work in hand within about a sentence and
// exits with status 130; a second Ctrl-C quits at once, after the output
// line being written.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// defaultMemoryLimit is the soft limit on the Go heap the command sets
// unless GOMEMLIMIT says otherwise: the collector works harder near it,
// so that four workers on articles at the 16 MiB size limit stay under
// 1 GB of memory (an ordinary article needs a few MB).
const defaultMemoryLimit = 850 << 20

// setMemoryLimit applies defaultMemoryLimit when the environment sets
// no GOMEMLIMIT of its own, and reports whether it did.
func setMemoryLimit(getenv func(string) string) bool {
	if getenv("GOMEMLIMIT") != "" {
		return false
	}
	debug.SetMemoryLimit(defaultMemoryLimit)
	return true
}

func main() {
	setMemoryLimit(os.Getenv)
	ctx, cancel := context.WithCancel(context.Background())
	out := &lockedWriter{w: os.Stdout}
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go handleSignals(sig, cancel, out, os.Stderr, os.Exit)
	code := runContext(ctx, os.Args[1:], os.Stdin, out, os.Stderr)
	out.mu.Lock() // a second Ctrl-C now would only repeat the exit
	os.Exit(code)
}

const usage = `usage:
  newsgraph extract [--format json|jsonl|dot|events|events-jsonl|html] [--input text|jsonl] [-j N] INPUT...
        extract entities and relations per article (INPUT: file, directory, "-" for stdin)
  newsgraph graph [--format json|dot|graphml|csv|cypher|events|events-jsonl|html] [--out PATH] [--state] [filters] INPUT...
        one corpus graph over all the articles ("newsgraph graph -h" for the filters)
  newsgraph query [--state] GRAPH.json neighbours NAME | path A B | top [--by degree|pagerank] [-n N] | counts [--by type|country-pair]
        questions about a graph saved with graph --format json
  newsgraph tag [--conll] FILE
        tag names with PER, ORG, LOC, MISC: plain text, or CoNLL columns with --conll
  newsgraph parse [--format conllu|dot|text] [FILE|-] | parse --conllu FILE
        dependency trees (Universal Dependencies) of raw text or of CoNLL-U words
  newsgraph --version
        the build's version and the digests of its embedded models
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
		return stopped(ctx, runExtract(ctx, args[1:], stdin, stdout, stderr))
	case "graph":
		return stopped(ctx, runGraph(ctx, args[1:], stdin, stdout, stderr))
	case "query":
		return runQuery(args[1:], stdin, stdout, stderr)
	case "tag":
		return runTag(args[1:], stdin, stdout, stderr)
	case "parse":
		return runParse(ctx, args[1:], stdin, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	case "version", "--version", "-version":
		writeVersion(stdout)
		return 0
	}
	fmt.Fprintf(stderr, "newsgraph: unknown command %q\n%s", args[0], usage)
	return 2
}

// stopped returns exitInterrupted for a command that ended because ctx
// was cancelled (Ctrl-C), and the command's own status otherwise.
func stopped(ctx context.Context, code int) int {
	if ctx.Err() != nil && code != 0 {
		return exitInterrupted
	}
	return code
}

// parseFlags parses args into fs. Asked for help (-h, --help), it prints
// synopsis and the flags on stdout and returns ok false with status 0; on
// a bad flag it prints the flag package's message, the synopsis and the
// flags on stderr and returns status 2. Otherwise ok is true.
func parseFlags(fs *flag.FlagSet, synopsis string, args []string, stdout, stderr io.Writer) (ok bool, code int) {
	fs.SetOutput(stderr)
	usage := func(w io.Writer) {
		fs.SetOutput(w)
		fmt.Fprint(w, synopsis)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
	}
	fs.Usage = func() {} // printed below, on the right stream
	err := fs.Parse(args)
	fs.Usage = func() { usage(stderr) }
	switch {
	case errors.Is(err, flag.ErrHelp):
		usage(stdout)
		return false, 0
	case err != nil:
		usage(stderr)
		return false, 2
	}
	return true, 0
}
