package events_test

import (
	"context"
	"fmt"
	"log"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/events"
)

// Example codes the events of a short text: actor codes, CAMEO event
// code, root code, QuadClass, Goldstein value and PLOVER category, with
// the evidence and its byte offsets.
func Example() {
	p, err := newsgraph.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "Norwegian Prime Minister Ingrid Haugen visited Nairobi on Monday. " +
		"The European Union imposed sanctions on Belarus."
	doc, err := p.Extract(context.Background(), text)
	if err != nil {
		log.Fatal(err)
	}
	c, err := events.Default()
	if err != nil {
		log.Fatal(err)
	}
	rows := c.Document("note-1", doc)
	for _, r := range rows {
		fmt.Println(r.SourceCode, r.EventCode, r.TargetCode, r.RootCode, r.QuadClass, r.Goldstein, r.PloverEvent, r.Modality)
		fmt.Printf("  %q [%d,%d)\n", r.Evidence, r.EvidenceStart, r.EvidenceEnd)
	}
	// Output:
	// NORGOV 042 KEN 04 1 1.9 CONSULT asserted
	//   "Norwegian Prime Minister Ingrid Haugen visited Nairobi on Monday." [0,65)
	// IGOEUREEC 163 BLR 16 4 -8 COERCE asserted
	//   "The European Union imposed sanctions on Belarus." [66,114)
}
