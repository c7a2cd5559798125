// Command newsgraph extracts entities and relation graphs from English news
// articles.
//
// Usage:
//
//	newsgraph extract [--format json|dot] FILE...   (FILE "-" reads stdin)
//	newsgraph tag --conll FILE
//
// extract prints, for one article, the schema's JSON object (or a DOT
// graph); for several, a JSON array of such objects, each with its "file",
// or one DOT graph over all of them. Errors name the file; one bad file
// does not stop the others; the exit status is 1 when any failed, 2 for a
// usage error.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage:
  newsgraph extract [--format json|dot] FILE...   extract entities and relations ("-" reads stdin)
  newsgraph tag --conll FILE                      tag CoNLL tokens with PER, ORG, LOC, MISC
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "extract":
		return runExtract(args[1:], stdin, stdout, stderr)
	case "tag":
		return runTag(args[1:], stdin, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "newsgraph: unknown command %q\n%s", args[0], usage)
	return 2
}
