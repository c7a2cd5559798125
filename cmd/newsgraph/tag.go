package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/internal/conll"
)

// tagPartTokens bounds the tokens tagged at once: the tagger needs about
// 1.7 KB a token, and CoNLL news documents have a few hundred.
const tagPartTokens = 50_000

const tagSynopsis = `usage: newsgraph tag [--conll] FILE
Tag names with PER, ORG, LOC and MISC (IOB2). FILE ("-" for stdin) is
plain text, one article, split into sentences and tokens and printed one
token a line: token, part of speech, tag, a blank line after each
sentence. With --conll FILE is CoNLL columns, token first, and each line
is printed with the predicted tag appended, for a conlleval-style scorer.
A CoNLL document over 50000 tokens is tagged in parts of whole sentences,
each as its own document, so that memory stays bounded.
`

// runTag implements "newsgraph tag": with --conll it reads a CoNLL column
// file (FILE "-" is stdin), tags each document's tokens (first column)
// with the embedded NER model and prints every input line with the
// predicted IOB2 tag appended as a last column. -DOCSTART- lines get an
// "O" column, as conlleval expects; blank lines are kept. A document
// longer than tagPartTokens tokens is read and tagged in parts (see
// conll.Reader.MaxTokens), each part with its own document-level
// features. Without --conll FILE is plain text (runTagText). Errors are
// reported as FILE:LINE: message.
func runTag(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tag", flag.ContinueOnError)
	conllFile := fs.String("conll", "", "CoNLL file to tag (\"-\" for stdin)")
	if ok, code := parseFlags(fs, tagSynopsis, args, stdout, stderr); !ok {
		return code
	}
	file := *conllFile
	switch {
	case file != "" && fs.NArg() > 0, fs.NArg() > 1:
		fmt.Fprintf(stderr, "newsgraph tag: unexpected arguments %q\n", fs.Args())
		return 2
	case file == "" && fs.NArg() == 1:
		return runTagText(fs.Arg(0), stdin, stdout, stderr)
	case file == "":
		fmt.Fprint(stderr, tagSynopsis)
		return 2
	}
	return runTagCoNLL(file, stdin, stdout, stderr)
}

// runTagCoNLL tags the CoNLL column file name ("-" for stdin).
func runTagCoNLL(file string, stdin io.Reader, stdout, stderr io.Writer) int {
	name := file
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

// runTagText tags the plain text of the file name ("-" for stdin), one
// article: it is split and tagged as extract does, and each token is
// printed on a line as "TOKEN POS TAG", with a blank line after each
// sentence. A file that starts like CoNLL columns (a -DOCSTART- line) is
// refused with a pointer to --conll rather than tagged as prose.
func runTagText(name string, stdin io.Reader, stdout, stderr io.Writer) int {
	text, err := readInput(name, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph tag: %v\n", err)
		return 1
	}
	first := strings.TrimSpace(string(text[:min(len(text), 256)]))
	if strings.HasPrefix(first, conll.DocStart) {
		fmt.Fprintf(stderr, "newsgraph tag: %s holds CoNLL columns (it starts with %s): use newsgraph tag --conll %s\n",
			displayName(name), conll.DocStart, name)
		return 2
	}
	m, err := entities.DefaultModel()
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph tag: %v\n", err)
		return 1
	}
	doc, err := m.Annotate(string(text))
	var tags [][]string
	if err == nil {
		tags, err = m.TagNER(context.Background(), doc)
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %s\n", displayName(name), userMessage(err))
		return 1
	}
	bw := bufio.NewWriterSize(stdout, 1<<16)
	for si, s := range doc.Sentences {
		for t := s.First; t < s.Last; t++ {
			fmt.Fprintf(bw, "%s %s %s\n", strings.ReplaceAll(doc.TokenText(t), " ", "_"), doc.Tokens[t].Tag, tags[si][t-s.First])
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintf(stderr, "newsgraph tag: %v\n", err)
		return 1
	}
	return 0
}
