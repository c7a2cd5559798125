package relations_test

import (
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/relations"
)

// exampleDoc builds by hand, without a tagger, the document
// "Putin met Assad in Moscow." with its three entities and the meeting.
func exampleDoc() (*entities.Document, []relations.Relation) {
	const text = "Putin met Assad in Moscow."
	doc := &entities.Document{
		Text: text,
		Mentions: []entities.Mention{
			{Start: 0, End: 5, Type: entities.Person, Entity: 0},
			{Start: 10, End: 15, Type: entities.Person, Entity: 1},
			{Start: 19, End: 25, Type: entities.GPE, Entity: 2, Country: "RU"},
		},
		Entities: []entities.Entity{
			{Name: "Putin", Type: entities.Person, Country: "RU", Mentions: []int{0}},
			{Name: "Assad", Type: entities.Person, Country: "SY", Mentions: []int{1}},
			{Name: "Moscow", Type: entities.GPE, Country: "RU", Mentions: []int{2}},
		},
	}
	rels := []relations.Relation{{
		Type: relations.Meet, Source: 0, Target: 1, Confidence: 0.8,
		Evidence: []relations.Evidence{{Start: 0, End: len(text), Text: text}},
	}, {
		Type: relations.Visit, Source: 1, Target: 2, Confidence: 0.5, Modality: relations.Reported,
		Evidence: []relations.Evidence{{Start: 0, End: len(text), Text: text}},
	}}
	return doc, rels
}

func ExampleGraph() {
	doc, rels := exampleDoc()
	g := relations.NewGraph()
	g.Add("article-1", doc, rels)
	g.Add("article-2", doc, rels) // the same report again: merged

	for _, n := range g.Entities() {
		fmt.Println(n.EntityID, n.Type, n.Name, n.Documents)
	}
	for _, e := range g.Relations() {
		fmt.Println(e.Source.Name, e.Type, e.Target.Name, e.Mentions, "mentions")
	}
	// Output:
	// e1 PERSON Putin [article-1 article-2]
	// e2 PERSON Assad [article-1 article-2]
	// e3 GPE Moscow [article-1 article-2]
	// Putin MEET Assad 2 mentions
	// Assad VISIT Moscow 2 mentions
}

func ExampleWriteJSON() {
	doc, rels := exampleDoc()
	g := relations.NewGraph()
	doc.Entities = doc.Entities[:2] // Putin and Assad only
	g.Add("article-1", doc, rels[:1])
	if err := relations.WriteJSON(os.Stdout, g); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "entities": [
	//     {
	//       "id": "e1",
	//       "name": "Putin",
	//       "type": "PERSON",
	//       "aliases": [
	//         "Putin"
	//       ],
	//       "country": "RU",
	//       "mentions": [
	//         {
	//           "start": 0,
	//           "end": 5,
	//           "text": "Putin"
	//         }
	//       ]
	//     },
	//     {
	//       "id": "e2",
	//       "name": "Assad",
	//       "type": "PERSON",
	//       "aliases": [
	//         "Assad"
	//       ],
	//       "country": "SY",
	//       "mentions": [
	//         {
	//           "start": 10,
	//           "end": 15,
	//           "text": "Assad"
	//         }
	//       ]
	//     }
	//   ],
	//   "relations": [
	//     {
	//       "type": "MEET",
	//       "source": "e1",
	//       "target": "e2",
	//       "polarity": "cooperative",
	//       "cameo": "040",
	//       "modality": "asserted",
	//       "confidence": 0.8,
	//       "evidence": [
	//         {
	//           "start": 0,
	//           "end": 26,
	//           "text": "Putin met Assad in Moscow."
	//         }
	//       ]
	//     }
	//   ],
	//   "docs": [
	//     "article-1"
	//   ]
	// }
}

func ExampleWriteDOT() {
	doc, rels := exampleDoc()
	g := relations.NewGraph()
	g.Add("article-1", doc, rels)
	if err := relations.WriteDOT(os.Stdout, g); err != nil {
		fmt.Println(err)
	}
	// Output:
	// digraph newsgraph {
	//   graph [
	//     rankdir=LR
	//   ];
	//
	//   // Node definitions.
	//   e1 [
	//     label=Putin
	//     shape=ellipse
	//   ];
	//   e2 [
	//     label=Assad
	//     shape=ellipse
	//   ];
	//   e3 [
	//     label=Moscow
	//     shape=house
	//   ];
	//
	//   // Edge definitions.
	//   e1 -> e2 [
	//     label=MEET
	//     color=green
	//     dir=both
	//   ];
	//   e2 -> e3 [
	//     label=VISIT
	//     color=green
	//     style=dashed
	//   ];
	// }
}
