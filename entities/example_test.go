package entities_test

import (
	"fmt"
	"log"

	"github.com/newsgraph/newsgraph/entities"
)

func ExampleModel_Annotate() {
	m, err := entities.DefaultModel()
	if err != nil {
		log.Fatal(err)
	}
	doc, err := m.Annotate("Russian President Vladimir Putin welcomed Syria's interim leader Ahmad al-Sharaa to Moscow. Putin praised the talks.")
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range doc.Entities {
		fmt.Printf("%s %s %q %v\n", e.ID, e.Type, e.Name, e.Aliases)
	}
	// Output:
	// e1 NORP "Russian" [Russian]
	// e2 PERSON "Vladimir Putin" [Putin Vladimir Putin]
	// e3 GPE "Syria" [Syria]
	// e4 PERSON "Ahmad al-Sharaa" [Ahmad al-Sharaa]
	// e5 GPE "Moscow" [Moscow]
}

func ExampleGazetteer_Lookup() {
	g, err := entities.DefaultGazetteer()
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range []string{"U.S.", "Kremlin", "Russians", "Kyiv"} {
		e := g.Lookup(name)[0]
		fmt.Printf("%s: %s %s %s\n", name, e.Name, e.Type, e.Country)
	}
	// Output:
	// U.S.: United States GPE US
	// Kremlin: Kremlin ORG RU
	// Russians: Russian NORP RU
	// Kyiv: Kyiv GPE UA
}
