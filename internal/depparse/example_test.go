package depparse_test

import (
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/internal/depparse"
)

func Example() {
	f, err := os.Open("../../syntax/model/parser.bin")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	m, err := depparse.Load(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	words := []string{"The", "report", "was", "written", "by", "two", "clerks", "."}
	upos := []string{"DET", "NOUN", "AUX", "VERB", "ADP", "NUM", "NOUN", "PUNCT"}
	xpos := []string{"DT", "NN", "VBD", "VBN", "IN", "CD", "NNS", "."}
	heads, labels := m.Parse(words, upos, xpos)
	for i, w := range words {
		head := "ROOT"
		if heads[i] > 0 {
			head = words[heads[i]-1]
		}
		fmt.Printf("%s <-%s- %s\n", w, labels[i], head)
	}
	// Output:
	// The <-det- report
	// report <-nsubj:pass- written
	// was <-aux:pass- written
	// written <-root- ROOT
	// by <-case- clerks
	// two <-nummod- clerks
	// clerks <-obl:agent- written
	// . <-punct- written
}
