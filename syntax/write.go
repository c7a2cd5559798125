package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/entities"
)

// WriteCoNLLU writes sentences of a parsed doc in CoNLL-U, all of them
// or those numbered in sents (0-based indices into doc.Sentences): a
// "# sent_id" (1-based) and "# text" comment per sentence, then one line
// per token (ID, FORM, LEMMA, UPOS, XPOS, FEATS "_", HEAD, DEPREL, DEPS
// "_", MISC) where MISC says SpaceAfter=No when the next token follows
// without a space. Line breaks inside the text become spaces in "# text".
func WriteCoNLLU(w io.Writer, doc *entities.Document, sents ...int) error {
	bw := bufio.NewWriter(w)
	if len(sents) == 0 {
		for si := range doc.Sentences {
			writeSentence(bw, doc, si)
		}
	}
	for _, si := range sents {
		if si < 0 || si >= len(doc.Sentences) {
			return fmt.Errorf("syntax: no sentence %d in a %d-sentence document", si, len(doc.Sentences))
		}
		writeSentence(bw, doc, si)
	}
	return bw.Flush()
}

func writeSentence(bw *bufio.Writer, doc *entities.Document, si int) {
	s := doc.Sentences[si]
	if s.First >= s.Last {
		return
	}
	fmt.Fprintf(bw, "# sent_id = %d\n# text = %s\n", si+1, oneLine(doc.Text[doc.Tokens[s.First].Start:doc.Tokens[s.Last-1].End]))
	for i := s.First; i < s.Last; i++ {
		t := doc.Tokens[i]
		head := 0
		if t.Head >= 0 {
			head = t.Head - s.First + 1
		}
		misc := "_"
		if i+1 < s.Last && doc.Tokens[i+1].Start == t.End {
			misc = "SpaceAfter=No"
		}
		cols := []string{strconv.Itoa(i - s.First + 1), column(doc.TokenText(i)), column(t.Lemma),
			column(t.POS), column(t.Tag), "_", strconv.Itoa(head), column(t.Dep), "_", misc}
		bw.WriteString(strings.Join(cols, "\t"))
		bw.WriteByte('\n')
	}
	bw.WriteByte('\n')
}

// oneLine folds runs of white space to one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// column makes s safe for a CoNLL-U column: no tabs or line breaks, and
// "_" for empty.
func column(s string) string {
	if s == "" {
		return "_"
	}
	if strings.ContainsAny(s, "\t\n\r") {
		return strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, s)
	}
	return s
}

// WriteDOT writes sentence s of a parsed doc as a Graphviz digraph: one
// node per token in text order (form and UPOS), one edge from each head
// to its dependent labelled with the relation.
func WriteDOT(w io.Writer, doc *entities.Document, s int) error {
	t := SentenceTree(doc, s)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "digraph sentence%d {\n\trankdir=TB;\n\tnode [shape=box, fontname=\"Helvetica\"];\n\tedge [fontname=\"Helvetica\", fontsize=10];\n", s+1)
	for i := t.First; i < t.Last; i++ {
		fmt.Fprintf(bw, "\tt%d [label=%s];\n", i-t.First+1, strconv.Quote(doc.TokenText(i)+"\n"+doc.Tokens[i].POS))
	}
	if t.Last > t.First+1 {
		bw.WriteString("\t{ rank=same;")
		for i := t.First; i < t.Last; i++ {
			fmt.Fprintf(bw, " t%d;", i-t.First+1)
		}
		bw.WriteString(" }\n")
	}
	for i := t.First; i < t.Last; i++ {
		if h := t.Head(i); h >= 0 {
			fmt.Fprintf(bw, "\tt%d -> t%d [label=%s];\n", h-t.First+1, i-t.First+1, strconv.Quote(doc.Tokens[i].Dep))
		}
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// WriteText draws sentence s of a parsed doc as an indented tree, the
// root first and each dependent below its head in text order:
//
//	welcomed VERB root
//	  Putin PROPN nsubj
//	  al-Sharaa PROPN obj
func WriteText(w io.Writer, doc *entities.Document, s int) error {
	t := SentenceTree(doc, s)
	bw := bufio.NewWriter(w)
	var walk func(tok, depth int)
	walk = func(tok, depth int) {
		if depth > t.Last-t.First {
			return
		}
		tk := doc.Tokens[tok]
		fmt.Fprintf(bw, "%s%s %s %s\n", strings.Repeat("  ", depth), doc.TokenText(tok), tk.POS, tk.Dep)
		for _, c := range t.Children(tok) {
			walk(c, depth+1)
		}
	}
	if r := t.Root(); r >= 0 {
		walk(r, 0)
	}
	return bw.Flush()
}
