package conllu_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/internal/conllu"
)

func Example() {
	in := "# text = Rain fell.\n1\tRain\t_\t_\t_\t_\t_\t_\t_\t_\n2\tfell\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
	ss, err := conllu.ReadAll(strings.NewReader(in))
	if err != nil {
		panic(err)
	}
	s := ss[0]
	fmt.Println(s.Forms())
	// Fill the columns a parser predicts.
	s.Words[0].UPOS, s.Words[0].Head, s.Words[0].Deprel = "NOUN", 2, "nsubj"
	s.Words[1].UPOS, s.Words[1].Head, s.Words[1].Deprel = "VERB", 0, "root"
	s.Words[2].UPOS, s.Words[2].Head, s.Words[2].Deprel = "PUNCT", 2, "punct"
	if err := conllu.Write(os.Stdout, s); err != nil {
		panic(err)
	}
	// Output:
	// [Rain fell .]
	// # text = Rain fell.
	// 1	Rain	_	NOUN	_	_	2	nsubj	_	_
	// 2	fell	_	VERB	_	_	0	root	_	SpaceAfter=No
	// 3	.	_	PUNCT	_	_	2	punct	_	_
}
