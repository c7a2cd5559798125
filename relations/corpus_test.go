package relations

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/entities"
)

// corpusDate is day d of November 2026.
func corpusDate(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }

// corpusDocs returns three dated articles: a Kremlin visit (19 Nov), a
// NATO exchange naming Putin by surname only (21 Nov), and a second visit
// with an agreement whose name has quotes (20 Nov).
func corpusDocs(t testing.TB) []struct {
	graphInput
	date time.Time
} {
	t.Helper()
	textA := "Russian President Vladimir Putin hosted Syria's leader Ahmad al-Sharaa in Moscow. Kremlin spokesman Dmitry Peskov praised al-Sharaa."
	docA := graphMakeDoc(t, textA, []graphEnt{
		{"Vladimir Putin", entities.Person, "RU", []string{"Putin", "Vladimir Putin"}, []string{"Vladimir Putin"}},
		{"Ahmad al-Sharaa", entities.Person, "SY", []string{"al-Sharaa"}, []string{"Ahmad al-Sharaa", "al-Sharaa"}},
		{"Russia", entities.GPE, "RU", nil, []string{"Russian"}},
		{"Syria", entities.GPE, "SY", nil, []string{"Syria"}},
		{"Moscow", entities.GPE, "RU", nil, []string{"Moscow"}},
		{"Kremlin", entities.Org, "RU", nil, []string{"Kremlin"}},
		{"Dmitry Peskov", entities.Person, "RU", nil, []string{"Dmitry Peskov"}},
	})
	s1 := "Russian President Vladimir Putin hosted Syria's leader Ahmad al-Sharaa in Moscow."
	s2 := "Kremlin spokesman Dmitry Peskov praised al-Sharaa."
	relsA := []Relation{
		{Type: LeaderOf, Source: 0, Target: 2, Title: "President", Confidence: 0.9, Evidence: graphEvidence(t, textA, s1)},
		{Type: LeaderOf, Source: 1, Target: 3, Title: "leader", Confidence: 0.8, Evidence: graphEvidence(t, textA, s1)},
		{Type: Host, Source: 0, Target: 1, Confidence: 0.75, When: "on Wednesday", Evidence: graphEvidence(t, textA, s1)},
		{Type: BasedIn, Source: 5, Target: 4, Confidence: 0.7, Evidence: graphEvidence(t, textA, s2)},
		{Type: OfficialOf, Source: 6, Target: 5, Title: "spokesman", Confidence: 0.8, Evidence: graphEvidence(t, textA, s2)},
		{Type: Praise, Source: 6, Target: 1, Confidence: 0.6, Evidence: graphEvidence(t, textA, s2)},
	}

	textB := "Putin warned NATO chief Mark Rutte. Rutte criticized Moscow."
	docB := graphMakeDoc(t, textB, []graphEnt{
		{"Putin", entities.Person, "", nil, []string{"Putin"}},
		{"NATO", entities.Org, "", nil, []string{"NATO"}},
		{"Mark Rutte", entities.Person, "", []string{"Rutte"}, []string{"Mark Rutte", "Rutte"}},
		{"Moscow", entities.GPE, "RU", nil, []string{"Moscow"}},
	})
	relsB := []Relation{
		{Type: Threaten, Source: 0, Target: 2, Confidence: 0.7, Evidence: graphEvidence(t, textB, "Putin warned NATO chief Mark Rutte.")},
		{Type: LeaderOf, Source: 2, Target: 1, Title: "chief", Confidence: 0.8, Evidence: graphEvidence(t, textB, "Putin warned NATO chief Mark Rutte.")},
		{Type: Criticize, Source: 2, Target: 3, Confidence: 0.7, Evidence: graphEvidence(t, textB, "Rutte criticized Moscow.")},
	}

	textC := "Vladimir Putin hosted Ahmad al-Sharaa again.\nSyria and Russia signed Syria's \"Energy\" deal."
	docC := graphMakeDoc(t, textC, []graphEnt{
		{"Vladimir Putin", entities.Person, "RU", nil, []string{"Vladimir Putin"}},
		{"Ahmad al-Sharaa", entities.Person, "SY", nil, []string{"Ahmad al-Sharaa"}},
		{"Syria", entities.GPE, "SY", nil, []string{"Syria"}},
		{"Russia", entities.GPE, "RU", nil, []string{"Russia"}},
		{"Syria's \"Energy\" deal", entities.Misc, "", nil, []string{"Syria's \"Energy\" deal"}},
	})
	relsC := []Relation{
		{Type: Host, Source: 0, Target: 1, Confidence: 0.8, Evidence: graphEvidence(t, textC, "Vladimir Putin hosted Ahmad al-Sharaa again.")},
		{Type: Agree, Source: 2, Target: 3, Confidence: 0.7, Evidence: graphEvidence(t, textC, "Syria and Russia signed Syria's \"Energy\" deal.")},
	}
	return []struct {
		graphInput
		date time.Time
	}{
		{graphInput{"a", docA, relsA}, corpusDate(19)},
		{graphInput{"b", docB, relsB}, corpusDate(21)},
		{graphInput{"c", docC, relsC}, corpusDate(20)},
	}
}

// corpusGraph is the dated graph of corpusDocs, resolved across articles.
func corpusGraph(t testing.TB) *Graph {
	t.Helper()
	g := NewGraph()
	for _, d := range corpusDocs(t) {
		g.AddDated(d.id, d.date, d.doc, d.rels)
	}
	return g.Resolve()
}

// edgeNames lists the edges of g as "Source TYPE Target articles/mentions".
func edgeNames(g *Graph) []string {
	var out []string
	for _, e := range g.Relations() {
		out = append(out, fmt.Sprintf("%s %s %s %d/%d", e.Source.Name, e.Type, e.Target.Name, len(e.Documents), e.Mentions))
	}
	return out
}

func TestAddDatedSeen(t *testing.T) {
	g := NewGraph()
	for _, d := range corpusDocs(t) {
		g.AddDated(d.id, d.date, d.doc, d.rels)
	}
	putin := g.Find("Vladimir Putin")[0]
	assert.Equal(t, corpusDate(19), putin.FirstSeen)
	assert.Equal(t, corpusDate(20), putin.LastSeen)
	host := g.Between(putin, g.Find("Ahmad al-Sharaa")[0])
	require.Len(t, host, 1)
	assert.Equal(t, corpusDate(19), host[0].FirstSeen)
	assert.Equal(t, corpusDate(20), host[0].LastSeen)
	assert.Equal(t, 2, host[0].Mentions)

	// A date set after the document was added, or changed, is taken into
	// account; removing it leaves the others.
	g.SetDocDate("c", corpusDate(25))
	assert.Equal(t, corpusDate(25), host[0].LastSeen)
	g.SetDocDate("c", time.Time{})
	assert.Equal(t, corpusDate(19), host[0].LastSeen)
	assert.Equal(t, time.Time{}, g.DocDate("c"))

	// Add without a date leaves the dates zero.
	u := NewGraph()
	d := corpusDocs(t)[0]
	u.Add(d.id, d.doc, d.rels)
	assert.True(t, u.Entities()[0].FirstSeen.IsZero())
}

func TestDatedJSONRoundTrip(t *testing.T) {
	g := corpusGraph(t)
	var a, b bytes.Buffer
	require.NoError(t, WriteJSON(&a, g))
	assert.Contains(t, a.String(), `"doc_dates": {`)
	assert.Contains(t, a.String(), `"first_seen": "2026-11-19"`)
	h := NewGraph()
	require.NoError(t, ReadJSON(bytes.NewReader(a.Bytes()), h))
	require.NoError(t, WriteJSON(&b, h))
	assert.Equal(t, a.String(), b.String())

	err := ReadJSON(bytes.NewReader([]byte(`{"entities":[],"relations":[],"docs":["a"],"doc_dates":{"a":"19 Nov"}}`)), NewGraph())
	assert.ErrorContains(t, err, `relations: doc_dates["a"]: "19 Nov" is not a date`)
}

func TestFormatDate(t *testing.T) {
	assert.Equal(t, "", FormatDate(time.Time{}))
	assert.Equal(t, "2026-11-19", FormatDate(corpusDate(19)))
	assert.Equal(t, "2026-11-19T09:30:00Z", FormatDate(corpusDate(19).Add(9*time.Hour+30*time.Minute)))
}

func TestResolve(t *testing.T) {
	g := corpusGraph(t)
	assert.Empty(t, g.Find("Putin")[1:], "one Putin after resolution")
	putin := g.Find("Putin")[0]
	assert.Equal(t, "Vladimir Putin", putin.Name)
	assert.Equal(t, "RU", putin.Country)
	assert.Equal(t, []string{"a", "c", "b"}, putin.Documents)
	assert.Equal(t, corpusDate(21), putin.LastSeen)
	assert.Contains(t, edgeNames(g), "Vladimir Putin THREATEN Mark Rutte 1/1")
	assert.Contains(t, edgeNames(g), "Vladimir Putin HOST Ahmad al-Sharaa 2/2")

	// An ambiguous surname is left alone.
	h := NewGraph()
	h.Add("x", graphMakeDoc(t, "Joe Biden and Hunter Biden.", []graphEnt{
		{"Joe Biden", entities.Person, "US", nil, []string{"Joe Biden"}},
		{"Hunter Biden", entities.Person, "US", nil, []string{"Hunter Biden"}},
	}), nil)
	h.Add("y", graphMakeDoc(t, "Biden spoke.", []graphEnt{
		{"Biden", entities.Person, "", nil, []string{"Biden"}},
	}), nil)
	assert.Len(t, h.Resolve().Entities(), 3)
}

func TestFilter(t *testing.T) {
	g := corpusGraph(t)
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{name: "zero filter keeps all", f: Filter{}, want: edgeNames(g)},
		{name: "min weight", f: Filter{MinWeight: 2}, want: []string{"Vladimir Putin HOST Ahmad al-Sharaa 2/2"}},
		{name: "conflictual", f: Filter{Polarities: []Polarity{Conflictual}}, want: []string{
			"Vladimir Putin THREATEN Mark Rutte 1/1", "Mark Rutte CRITICIZE Moscow 1/1"}},
		{name: "types", f: Filter{Types: []entities.Type{entities.GPE}}, want: []string{"Syria AGREE Russia 1/1"}},
		{name: "relation types", f: Filter{Relations: []Type{Praise, Agree}}, want: []string{
			"Syria AGREE Russia 1/1", "Dmitry Peskov PRAISE Ahmad al-Sharaa 1/1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, edgeNames(g.Filter(tt.f)))
		})
	}
	assert.Len(t, g.Filter(Filter{MinWeight: 2}).Entities(), len(g.Entities()))
	kept := g.Filter(Filter{MinWeight: 2, DropIsolated: true})
	assert.Equal(t, []string{"e1 PERSON Vladimir Putin RU", "e2 PERSON Ahmad al-Sharaa SY"}, graphNodeStrings(kept))
	assert.Equal(t, corpusDate(20), kept.Relations()[0].LastSeen)
	assert.Len(t, g.Relations(), 10, "the filtered graph is new")
}

func TestStateView(t *testing.T) {
	s := corpusGraph(t).StateView()
	assert.Equal(t, []string{
		"Russia HOST Syria 2/2",
		"Russia PRAISE Syria 1/1",
		"Russia THREATEN NATO 1/1",
		"Syria AGREE Russia 1/1",
		"NATO CRITICIZE Russia 1/1",
	}, edgeNames(s))
	var names []string
	for _, n := range s.Entities() {
		names = append(names, n.Name)
	}
	assert.Equal(t, []string{"Russia", "Syria", "NATO", `Syria's "Energy" deal`}, names)
	ru := s.Find("Russia")[0]
	assert.Equal(t, entities.GPE, ru.Type)
	assert.Equal(t, "RU", ru.Country)
	assert.Subset(t, ru.Aliases, []string{"Vladimir Putin", "Moscow", "Kremlin", "Dmitry Peskov"})
	assert.Equal(t, corpusDate(19), ru.FirstSeen)
	assert.Equal(t, corpusDate(21), ru.LastSeen)
	assert.Contains(t, s.Find("NATO")[0].Aliases, "Mark Rutte")
}

func TestParsePolarity(t *testing.T) {
	p, err := ParsePolarity("Conflictual")
	require.NoError(t, err)
	assert.Equal(t, Conflictual, p)
	_, err = ParsePolarity("hostile")
	assert.ErrorContains(t, err, "relations: unknown polarity")
}
