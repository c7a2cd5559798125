// Command corpus builds one relation graph over several news articles and
// writes it to standard output in Graphviz DOT, with a one-line summary on
// standard error. Entities that recur across articles (the same person,
// country or body) become one node; relations found in several articles
// become one edge.
//
// Usage, from the repository root or from this directory:
//
//	go run ./examples/corpus [FILE...] > corpus.dot
//	go run ./examples/corpus ../shared/data/articles/*.txt | dot -Tsvg > corpus.svg
//
// It reads every .txt file in the repository's testdata directory, then
// the files given as arguments, through one shared Pipeline. A file that
// cannot be read or processed is reported and skipped.
package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/relations"
)

// testdataDirs are where the repository's testdata directory is looked
// for, relative to the repository root and to this directory.
var testdataDirs = []string{"testdata", "../../testdata"}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	files, err := defaultFiles()
	if err != nil {
		return err
	}
	for _, a := range args {
		if !slices.Contains(files, a) {
			files = append(files, a)
		}
	}
	if len(files) == 0 {
		return errors.New("no articles: run from the repository or give .txt files as arguments")
	}

	p, err := newsgraph.New()
	if err != nil {
		return err
	}
	ctx := context.Background()
	g := relations.NewGraph()
	failed := 0
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err == nil {
			var doc *newsgraph.Document
			if doc, err = p.Extract(ctx, string(text)); err == nil {
				g.Add(f, doc.Document, doc.Relations)
				continue
			}
		}
		failed++
		fmt.Fprintf(os.Stderr, "%s: %v\n", f, err)
	}
	if err := relations.WriteDOT(os.Stdout, g); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d articles, %d entities, %d relations\n",
		len(g.Documents()), len(g.Entities()), len(g.Relations()))
	if failed > 0 {
		return fmt.Errorf("%d of %d articles failed", failed, len(files))
	}
	return nil
}

// defaultFiles returns the .txt files of the first testdata directory that
// exists, sorted, or none.
func defaultFiles() ([]string, error) {
	for _, dir := range testdataDirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			return nil, err
		}
		if len(files) > 0 {
			return files, nil
		}
		if _, err := os.Stat(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, nil
}
