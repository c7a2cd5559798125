package syntax_test

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/syntax"
)

func Example() {
	m, err := entities.DefaultModel()
	if err != nil {
		panic(err)
	}
	p, err := syntax.DefaultParser()
	if err != nil {
		panic(err)
	}
	doc, err := m.Tokenize(context.Background(), "Ruto welcomed Macron at State House.")
	if err != nil {
		panic(err)
	}
	if err := p.Parse(context.Background(), doc); err != nil {
		panic(err)
	}
	tree := syntax.SentenceTree(doc, 0)
	verb := tree.Root()
	fmt.Println("verb:", doc.TokenText(verb), doc.Tokens[verb].Lemma)
	for _, c := range tree.Children(verb, "nsubj", "obj", "obl") {
		sp := tree.Span(c)
		fmt.Printf("%s: %s\n", doc.Tokens[c].Dep, doc.Text[sp.Start:sp.End])
	}
	// Output:
	// verb: welcomed welcome
	// nsubj: Ruto
	// obj: Macron
	// obl: at State House
}
