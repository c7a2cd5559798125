package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/internal/conllu"
	"github.com/newsgraph/newsgraph/syntax"
)

const parseUsage = `usage:
  newsgraph parse [--format conllu|dot|text] [--sentence N] [FILE|-]
        tokenize, tag and parse raw text; CoNLL-U by default
  newsgraph parse --conllu FILE|-
        keep a CoNLL-U file's words and fill UPOS, XPOS, LEMMA, HEAD, DEPREL
`

// runParse implements "newsgraph parse": dependency trees for raw text
// (the pipeline's own sentences and tokens) or for the words of a
// CoNLL-U file, whose other columns and lines are kept.
func runParse(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "conllu", "output for raw text: conllu, dot (Graphviz, one digraph per sentence) or text (indented trees)")
	sentence := fs.Int("sentence", 0, "print only sentence N (1-based) of raw text")
	conllFile := fs.String("conllu", "", "CoNLL-U file whose words to parse (\"-\" for stdin)")
	fs.Usage = func() {
		fmt.Fprint(stderr, parseUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	switch {
	case *format != "conllu" && *format != "dot" && *format != "text":
		fmt.Fprintf(stderr, "newsgraph parse: unknown format %q (want conllu, dot or text)\n", *format)
		return 2
	case *conllFile != "" && fs.NArg() > 0:
		fmt.Fprintf(stderr, "newsgraph parse: --conllu takes no other input, got %q\n", fs.Args())
		return 2
	case *conllFile == "" && fs.NArg() > 1:
		fmt.Fprintf(stderr, "newsgraph parse: one input at a time, got %d\n", fs.NArg())
		return 2
	case *sentence < 0:
		fmt.Fprintln(stderr, "newsgraph parse: --sentence must be positive")
		return 2
	}
	p, err := syntax.DefaultParser()
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph parse: %v\n", err)
		return 1
	}
	if *conllFile != "" {
		return parseCoNLLU(ctx, p, *conllFile, stdin, stdout, stderr)
	}
	name := "-"
	if fs.NArg() == 1 {
		name = fs.Arg(0)
	}
	b, err := readInput(name, stdin) // the model refuses text over its size limit
	if err != nil {
		if _, ok := errors.AsType[*os.PathError](err); !ok {
			err = fmt.Errorf("%s: %w", displayName(name), err)
		}
		fmt.Fprintf(stderr, "newsgraph parse: %v\n", err)
		return 1
	}
	text := string(b)
	m, err := entities.DefaultModel()
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph parse: %v\n", err)
		return 1
	}
	doc, err := m.AnnotateContext(ctx, text) // with names, which the parser reads as one word
	if err == nil {
		err = p.Parse(ctx, doc)
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph parse: %s: %v\n", displayName(name), err)
		return 1
	}
	if *sentence > len(doc.Sentences) {
		fmt.Fprintf(stderr, "newsgraph parse: %s has %d sentences, not %d\n", displayName(name), len(doc.Sentences), *sentence)
		return 1
	}
	bw := bufio.NewWriterSize(stdout, 1<<16)
	for s := range doc.Sentences {
		if *sentence > 0 && s != *sentence-1 {
			continue
		}
		switch *format {
		case "dot":
			err = syntax.WriteDOT(bw, doc, s)
		case "text":
			fmt.Fprintf(bw, "# %d\n", s+1)
			err = syntax.WriteText(bw, doc, s)
			bw.WriteByte('\n')
		default:
			err = syntax.WriteCoNLLU(bw, doc, s)
		}
		if err != nil {
			break
		}
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph parse: %v\n", err)
		return 1
	}
	return 0
}

// parseCoNLLU reads CoNLL-U sentence by sentence, parses each one's words
// and writes it back with UPOS, XPOS, LEMMA, HEAD and DEPREL filled.
func parseCoNLLU(ctx context.Context, p *syntax.Parser, name string, stdin io.Reader, stdout, stderr io.Writer) int {
	var in io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph parse: %v\n", err)
			return 1
		}
		defer f.Close()
		in = f
	}
	bw := bufio.NewWriterSize(stdout, 1<<16)
	rd := conllu.NewReader(in)
	for {
		if err := ctx.Err(); err != nil {
			bw.Flush()
			fmt.Fprintf(stderr, "newsgraph parse: %v\n", err)
			return 1
		}
		s, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			bw.Flush()
			fmt.Fprintf(stderr, "%s: %v\n", displayName(name), err)
			return 1
		}
		for i, w := range p.ParseWords(s.Forms()) {
			sw := &s.Words[i]
			sw.UPOS, sw.XPOS, sw.Lemma, sw.Head, sw.Deprel = w.UPOS, w.XPOS, w.Lemma, w.Head, w.Dep
		}
		if err := conllu.Write(bw, s); err != nil {
			fmt.Fprintf(stderr, "newsgraph parse: %v\n", err)
			return 1
		}
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintf(stderr, "newsgraph parse: %v\n", err)
		return 1
	}
	return 0
}
