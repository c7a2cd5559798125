package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/internal/conll"
)

// runTag implements "newsgraph tag --conll FILE": it reads a CoNLL column file
// (FILE "-" is stdin), tags each document's tokens (first column) with the
// embedded NER model and prints every input line with the predicted IOB2 tag
// appended as a last column. -DOCSTART- lines get an "O" column, as conlleval
// expects; blank lines are kept. Errors are reported as FILE:LINE: message.
//
// A document longer than tagPartTokens tokens is read and tagged in parts
// (see conll.Reader.MaxTokens), each part with its own document-level
// features, so that memory stays bounded whatever the input.
// tagPartTokens bounds the tokens tagged at once: the tagger needs about
// 1.7 KB a token, and CoNLL news documents have a few hundred.
const tagPartTokens = 50_000

func runTag(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tag", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("conll", "", "CoNLL file to tag (\"-\" for stdin)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph tag --conll FILE")
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "A document over %d tokens is tagged in parts of whole sentences, each as its own document.\n", tagPartTokens)
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *file == "" && fs.NArg() == 1 {
		*file = fs.Arg(0)
	} else if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "newsgraph tag: unexpected arguments %q\n", fs.Args())
		return 2
	}
	if *file == "" {
		fs.Usage()
		return 2
	}
	name := *file
	var in io.Reader
	if name == "-" {
		in = stdin
		name = "<stdin>"
	} else {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph tag: %v\n", err)
			return 1
		}
		defer f.Close()
		in = f
	}
	tagger, err := entities.DefaultNERTagger()
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph tag: %v\n", err)
		return 1
	}
	bw := bufio.NewWriterSize(stdout, 1<<16)
	rd := conll.NewReader(in)
	rd.MaxTokens = tagPartTokens
	status := 0
	for {
		doc, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var ce *conll.Error
			if errors.As(err, &ce) {
				fmt.Fprintf(stderr, "%s:%d: %v\n", name, ce.Line, ce.Err)
			} else {
				fmt.Fprintf(stderr, "%s: %v\n", name, err)
			}
			status = 1
			break
		}
		tags := tagger.Tag(doc.Tokens())
		if err := conll.WriteDocument(bw, doc, tags, "O"); err != nil {
			fmt.Fprintf(stderr, "newsgraph tag: %v\n", err)
			return 1
		}
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintf(stderr, "newsgraph tag: %v\n", err)
		return 1
	}
	return status
}
