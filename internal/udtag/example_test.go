package udtag_test

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/conllu"
	"github.com/newsgraph/newsgraph/internal/udtag"
)

func Example() {
	// Three training sentences in CoNLL-U (FORM, LEMMA, UPOS, XPOS matter).
	row := func(id int, form, lemma, upos, xpos string) string {
		return fmt.Sprintf("%d\t%s\t%s\t%s\t%s\t_\t_\t_\t_\t_\n", id, form, lemma, upos, xpos)
	}
	var b strings.Builder
	for _, s := range [][3]string{{"Cats", "cat", "slept"}, {"Dogs", "dog", "barked"}, {"Birds", "bird", "sang"}} {
		b.WriteString(row(1, s[0], s[1], "NOUN", "NNS"))
		b.WriteString(row(2, s[2], "_", "VERB", "VBD"))
		b.WriteString(row(3, ".", ".", "PUNCT", "."))
		b.WriteString("\n")
	}
	sents, err := conllu.ReadAll(strings.NewReader(b.String()))
	if err != nil {
		panic(err)
	}
	m, err := udtag.Train(sents, udtag.TrainOptions{Epochs: 5, Seed: 1})
	if err != nil {
		panic(err)
	}
	words := []string{"Cows", "slept", "."}
	upos, xpos := m.Tag(words)
	for i, w := range words {
		fmt.Println(w, upos[i], xpos[i], m.Lemma(w, upos[i], xpos[i]))
	}
	// Output:
	// Cows NOUN NNS cow
	// slept VERB VBD slept
	// . PUNCT . .
}
