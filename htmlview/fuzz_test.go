package htmlview_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/htmlview"
	"github.com/newsgraph/newsgraph/relations"
)

// FuzzWriteArticle builds a document from arbitrary text and arbitrary
// span offsets, valid or not: WriteArticle must return a page or an
// error starting with "htmlview: ", never panic, and a page must keep the
// text inert.
func FuzzWriteArticle(f *testing.F) {
	f.Add("Ida Brenn met Oskar Lund.", 0, 9, 14, 24, 0, 25)
	f.Add(hostScript+hostAttr, 0, 3, 3, 9, 2, 40)
	f.Add("é\xffx<b>", 1, 2, 0, 0, -1, 99)
	f.Add("", 0, 0, 0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2, es, ee int) {
		doc := &entities.Document{
			Text: text,
			Mentions: []entities.Mention{
				{Start: s1, End: e1, Type: entities.Person, Entity: 0},
				{Start: s2, End: e2, Type: entities.GPE, Entity: 1},
			},
			Entities: []entities.Entity{
				{Name: text, Type: entities.Person, Mentions: []int{0}},
				{Name: "x", Type: entities.GPE, Mentions: []int{1}},
			},
		}
		rels := []relations.Relation{{Type: relations.Visit, Source: 0, Target: 1,
			Evidence: []relations.Evidence{{Start: es, End: ee}}}}
		var buf bytes.Buffer
		err := htmlview.WriteArticle(&buf, text, doc, rels)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "htmlview: ") {
				t.Fatalf("error without the package name: %v", err)
			}
			return
		}
		if n := strings.Count(buf.String(), "<script"); n != 1 {
			t.Fatalf("%d script elements", n)
		}
		g := relations.NewGraph()
		g.Add(text, doc, rels)
		if err := htmlview.WriteCorpus(io.Discard, g, htmlview.Options{}); err != nil {
			t.Fatal(err)
		}
	})
}
