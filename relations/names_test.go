package relations

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/entities"
)

// personDoc is a one-sentence document naming one person.
func personDoc(name string) *entities.Document {
	text := name + " spoke."
	return &entities.Document{
		Text:     text,
		Mentions: []entities.Mention{{Start: 0, End: len(name), Type: entities.Person}},
		Entities: []entities.Entity{{ID: "e1", Name: name, Type: entities.Person, Mentions: []int{0}}},
	}
}

// TestAccentsFoldAcrossArticles adds one person spelt with and without
// accents in two articles: one node, with both spellings as aliases
// (issue 13, item 17).
func TestAccentsFoldAcrossArticles(t *testing.T) {
	g := NewGraph()
	g.Add("a1", personDoc("Ilona Várkonyi"), nil)
	g.Add("a2", personDoc("Ilona Varkonyi"), nil)
	g.Add("a3", personDoc("Gülşen Yıldırım"), nil)
	g.Add("a4", personDoc("Gulsen Yildirim"), nil)
	g.Add("a5", personDoc("Paweł Ødegård"), nil)
	g.Add("a6", personDoc("Pawel Odegard"), nil)
	var names []string
	for _, n := range g.Entities() {
		names = append(names, n.Name+" "+strings.Join(n.Documents, ","))
	}
	assert.Equal(t, []string{"Ilona Várkonyi a1,a2", "Gülşen Yıldırım a3,a4", "Paweł Ødegård a5,a6"}, names)
	assert.Equal(t, []string{"Ilona Varkonyi", "Ilona Várkonyi"}, g.Entities()[0].Aliases)
	assert.Len(t, g.Find("ilona varkonyi"), 1)
}

// TestSeenIsOneFormat dates one article with a time of day and another
// with a day only: first_seen and last_seen are both days (issue 13,
// item 17), while doc_dates keep each article's date whole.
func TestSeenIsOneFormat(t *testing.T) {
	g := NewGraph()
	g.AddDated("a1", time.Date(2023, 8, 18, 10, 0, 0, 0, time.UTC), personDoc("Ilona Várkonyi"), nil)
	g.AddDated("a2", time.Date(2020, 6, 16, 0, 0, 0, 0, time.UTC), personDoc("Ilona Várkonyi"), nil)
	g.AddDated("a3", time.Date(2021, 1, 2, 23, 30, 0, 0, time.FixedZone("", -5*3600)), personDoc("Erik Brannigan"), nil)
	var b bytes.Buffer
	require.NoError(t, WriteJSON(&b, g))
	out := b.String()
	assert.Contains(t, out, `"first_seen": "2020-06-16"`)
	assert.Contains(t, out, `"last_seen": "2023-08-18"`)
	assert.Contains(t, out, `"first_seen": "2021-01-03"`, "the UTC day")
	assert.NotContains(t, out, `_seen": "2023-08-18T`)
	assert.Contains(t, out, `"a1": "2023-08-18T10:00:00Z"`)
	assert.Equal(t, "", FormatDay(time.Time{}))
}

// TestKeyMergesAcrossArticles adds one institution written two ways in
// two articles, with the same Key: one node, named as first written.
func TestKeyMergesAcrossArticles(t *testing.T) {
	g := NewGraph()
	for i, name := range []string{"Norwegian Foreign Ministry", "Norway's Foreign Ministry"} {
		doc := personDoc(name)
		doc.Mentions[0].Type = entities.Org
		doc.Entities[0].Type = entities.Org
		doc.Entities[0].Key = "Norway's Foreign Ministry"
		g.Add(string(rune('a'+i)), doc, nil)
	}
	require.Len(t, g.Entities(), 1)
	n := g.Entities()[0]
	assert.Equal(t, "Norwegian Foreign Ministry", n.Name)
	assert.Equal(t, []string{"a", "b"}, n.Documents)
}
