package newsgraph_test

import (
	"context"
	"fmt"
	"log"

	"github.com/newsgraph/newsgraph"
)

// Example builds a pipeline, extracts the entities and relations of a
// short text, and prints them.
func Example() {
	p, err := newsgraph.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "French President Emmanuel Macron visited Nairobi on Tuesday. " +
		"Macron met Kenyan President William Ruto, who thanked France for its support."
	doc, err := p.Extract(context.Background(), text)
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range doc.Entities {
		fmt.Println(e.Type, e.Name, e.Country)
	}
	for _, r := range doc.Relations {
		fmt.Println(doc.Entities[r.Source].Name, r.Type, doc.Entities[r.Target].Name)
	}
	// Output:
	// NORP French FR
	// PERSON Emmanuel Macron FR
	// GPE Nairobi KE
	// NORP Kenyan KE
	// PERSON William Ruto KE
	// GPE France FR
	// GPE Kenya KE
	// Emmanuel Macron LEADER_OF France
	// Emmanuel Macron VISIT Nairobi
	// William Ruto LEADER_OF Kenya
	// Emmanuel Macron MEET William Ruto
	// William Ruto PRAISE France
}
