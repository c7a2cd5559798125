package conll_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/internal/conll"
)

func Example() {
	in := "-DOCSTART- -X- O O\n\nEU NNP I-NP B-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP B-MISC\ncall NN I-NP O\n\n"
	docs, err := conll.ReadAll(strings.NewReader(in))
	if err != nil {
		panic(err)
	}
	for _, d := range docs {
		fmt.Println(d.Tokens())
		// Append a predicted column (here: the gold tags again).
		if err := conll.WriteDocument(os.Stdout, d, d.Tags(), "O"); err != nil {
			panic(err)
		}
	}
	// Output:
	// [[EU rejects German call]]
	// -DOCSTART- -X- O O O
	//
	// EU NNP I-NP B-ORG B-ORG
	// rejects VBZ I-VP O O
	// German JJ I-NP B-MISC B-MISC
	// call NN I-NP O O
	//
}
