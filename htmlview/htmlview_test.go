package htmlview_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/htmlview"
	"github.com/newsgraph/newsgraph/relations"
)

// The hostile strings: each would run code, add an attribute or close an
// element if the page did not escape it.
const (
	hostScript = `<script>document.documentElement.setAttribute("data-pwned","script")</script>`
	hostAttr   = `"onmouseover=alert(1) x="`
	hostStyle  = `</style><img src=x onerror="document.documentElement.setAttribute('data-pwned','img')">`
	hostCDATA  = `]]></script><script>document.documentElement.setAttribute("data-pwned","json")</script>`
)

// docBuilder builds a Document by hand: text pieces, some of them
// mentions of entities.
type docBuilder struct {
	doc entities.Document
}

// text appends plain text.
func (b *docBuilder) text(s string) { b.doc.Text += s }

// mention appends s as a mention of entity e (added when new, with name
// and type) and returns its mention index.
func (b *docBuilder) mention(s string, e int, name string, t entities.Type) int {
	for len(b.doc.Entities) <= e {
		b.doc.Entities = append(b.doc.Entities, entities.Entity{})
	}
	if b.doc.Entities[e].Name == "" {
		b.doc.Entities[e] = entities.Entity{ID: fmt.Sprintf("e%d", e+1), Name: name, Type: t}
	}
	start := len(b.doc.Text)
	b.doc.Text += s
	i := len(b.doc.Mentions)
	b.doc.Mentions = append(b.doc.Mentions, entities.Mention{Start: start, End: len(b.doc.Text), Type: t, Entity: e})
	b.doc.Entities[e].Mentions = append(b.doc.Entities[e].Mentions, i)
	return i
}

// evidence returns the evidence for the sentence [start, end).
func (b *docBuilder) evidence(start, end int) []relations.Evidence {
	return []relations.Evidence{{Start: start, End: end, Text: b.doc.Text[start:end]}}
}

// sampleDoc is two short made-up sentences: three entities, two
// relations.
func sampleDoc() (*entities.Document, []relations.Relation) {
	var b docBuilder
	b.mention("Mara Velin", 0, "Mara Velin", entities.Person)
	b.text(" flew to ")
	b.mention("Norwind", 1, "Norwind", entities.GPE)
	b.text(" on Monday. ")
	s2 := len(b.doc.Text)
	b.mention("Velin", 0, "", entities.Person)
	b.text(" praised the ")
	b.mention("Calder Trade Office", 2, "Calder Trade Office", entities.Org)
	b.text(".")
	b.doc.Entities[1].Country = "NW"
	rels := []relations.Relation{
		{Type: relations.Visit, Source: 0, Target: 1, Confidence: 0.8, When: "on Monday", Date: "2026-03-02", Evidence: b.evidence(0, s2-1)},
		{Type: relations.Praise, Source: 0, Target: 2, Confidence: 0.7, Modality: relations.Reported, Evidence: b.evidence(s2, len(b.doc.Text))},
	}
	return &b.doc, rels
}

// hostileDoc puts the hostile strings in the text, in entity names,
// aliases and countries, and in relation titles and time expressions.
func hostileDoc() (*entities.Document, []relations.Relation) {
	var b docBuilder
	b.text(hostScript + " ")
	b.mention(hostAttr, 0, hostStyle, entities.Person)
	b.text(" met ")
	b.mention(hostCDATA, 1, hostCDATA, entities.Org)
	b.text(" " + hostStyle + " " + hostAttr + "\n")
	b.doc.Entities[0].Aliases = []string{hostScript, hostAttr}
	b.doc.Entities[1].Country = hostAttr
	b.doc.Mentions[0].Canonical = hostScript
	rels := []relations.Relation{
		{Type: relations.Meet, Source: 0, Target: 1, Confidence: 0.5, Title: hostStyle, When: hostCDATA, Date: hostAttr,
			Evidence: b.evidence(0, len(b.doc.Text))},
		{Type: relations.OfficialOf, Source: 0, Target: 1, Confidence: 0.5, Title: hostScript,
			Evidence: b.evidence(len(hostScript)+1, len(b.doc.Text)-1)},
	}
	return &b.doc, rels
}

func article(t *testing.T, title string, doc *entities.Document, rels []relations.Relation) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, htmlview.WriteArticle(&buf, title, doc, rels))
	return buf.String()
}

func corpus(t *testing.T, g *relations.Graph, opt htmlview.Options) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, htmlview.WriteCorpus(&buf, g, opt))
	return buf.String()
}

// assertInert checks that none of the hostile strings made it into the
// page as markup: the only script and style elements are the page's own,
// no element has an event handler attribute, and the raw strings appear
// nowhere.
func assertInert(t *testing.T, page string, scripts int) {
	t.Helper()
	assert.Equal(t, scripts, strings.Count(page, "<script"), "script elements")
	assert.Equal(t, scripts, strings.Count(page, "</script"), "script end tags")
	assert.Equal(t, 1, strings.Count(page, "<style"), "style elements")
	assert.Equal(t, 1, strings.Count(page, "</style"), "style end tags")
	assert.NotContains(t, page, "<img")
	assert.NotContains(t, page, "data-pwned=")
	assert.NotContains(t, page, "]]>")
	for _, h := range []string{hostScript, hostAttr, hostStyle, hostCDATA} {
		assert.NotContains(t, page, h)
	}
	// An attribute that a quote in the data opened would show as
	// onmouseover= after whitespace inside a tag.
	assert.NotRegexp(t, regexp.MustCompile(`<[^>]*\sonmouseover=`), page)
}

func TestArticleHostileInput(t *testing.T) {
	doc, rels := hostileDoc()
	page := article(t, hostAttr+hostScript, doc, rels)
	assertInert(t, page, 1)
	// The text is still all there, escaped.
	assert.Contains(t, page, "&lt;script&gt;document.documentElement.setAttribute(&#34;data-pwned&#34;,&#34;script&#34;)&lt;/script&gt;")
	assert.Equal(t, len(doc.Mentions), strings.Count(page, `<mark class="m `))
}

func TestCorpusHostileInput(t *testing.T) {
	doc, rels := hostileDoc()
	g := relations.NewGraph()
	g.Add(hostScript, doc, rels)
	page := corpus(t, g, htmlview.Options{Title: hostStyle})
	assertInert(t, page, 2)

	// The JSON data block parses back to the original strings.
	m := regexp.MustCompile(`(?s)<script type="application/json" id="data">(.*?)</script>`).FindStringSubmatch(page)
	require.Len(t, m, 2)
	var data struct {
		Nodes []struct {
			Name    string   `json:"name"`
			Aliases []string `json:"aliases"`
			Docs    []string `json:"docs"`
		} `json:"nodes"`
		Edges []struct {
			Title string `json:"title"`
			Ev    []struct{ Doc, Text string }
		} `json:"edges"`
	}
	require.NoError(t, json.Unmarshal([]byte(m[1]), &data))
	require.Len(t, data.Nodes, 2)
	names := []string{data.Nodes[0].Name, data.Nodes[1].Name}
	assert.ElementsMatch(t, []string{hostStyle, hostCDATA}, names)
	assert.Equal(t, []string{hostScript}, data.Nodes[0].Docs)
	require.NotEmpty(t, data.Edges)
	assert.Equal(t, hostScript, data.Edges[0].Ev[0].Doc)
}

func TestArticleCounts(t *testing.T) {
	doc, rels := sampleDoc()
	page := article(t, "sample", doc, rels)
	assert.Equal(t, len(doc.Mentions), strings.Count(page, `<mark class="m `), "one highlight per mention")
	assert.Equal(t, len(doc.Entities), strings.Count(page, `<g class="node `), "one SVG node per entity")
	assert.Equal(t, len(rels), strings.Count(page, `<button type="button" class="rel"`), "relation list")
	assert.Equal(t, len(rels), strings.Count(page, `<path class="e `), "one SVG edge per relation")
	assert.Equal(t, len(doc.Entities), strings.Count(page, `<button type="button" class="ent"`), "entity list")
	// Each mention covers exactly its text, with its hover text.
	assert.Contains(t, page, `title="Norwind · GPE · NW">Norwind</mark>`)
	assert.Contains(t, page, `title="Mara Velin · PERSON">Velin</mark>`)
	// The relation names its evidence, and the evidence is marked in the text.
	assert.Contains(t, page, `data-evs="0"`)
	assert.Contains(t, page, `<span class="ev" data-ev="0"> flew to </span>`)
	assert.Contains(t, page, "on Monday (2026-03-02)")
	assert.Contains(t, page, "CAMEO 042")
	assert.Contains(t, page, "reported")
	// Self-contained: nothing is loaded from elsewhere.
	assert.NotRegexp(t, regexp.MustCompile(`(?i)(src|href)=|@import|url\(http|//[a-z]`), strings.ReplaceAll(page, `url(#a-`, ""))
}

func TestArticleDeterministic(t *testing.T) {
	doc, rels := sampleDoc()
	a := article(t, "x", doc, rels)
	doc2, rels2 := sampleDoc()
	assert.Equal(t, a, article(t, "x", doc2, rels2))
}

func TestArticleBadInput(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*entities.Document, []relations.Relation)
	}{
		{"mention past the end", func(d *entities.Document, _ []relations.Relation) { d.Mentions[1].End = len(d.Text) + 3 }},
		{"mention inside a rune", func(d *entities.Document, _ []relations.Relation) {
			d.Text = "é" + d.Text[2:]
			d.Mentions[0].Start = 1
		}},
		{"mentions overlap", func(d *entities.Document, _ []relations.Relation) { d.Mentions[1].Start = 2 }},
		{"mention of a missing entity", func(d *entities.Document, _ []relations.Relation) { d.Mentions[2].Entity = 9 }},
		{"relation to a missing entity", func(_ *entities.Document, r []relations.Relation) { r[0].Target = 7 }},
		{"negative relation source", func(_ *entities.Document, r []relations.Relation) { r[1].Source = -1 }},
		{"evidence out of range", func(d *entities.Document, r []relations.Relation) { r[1].Evidence[0].End = len(d.Text) + 1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, rels := sampleDoc()
			tt.mutate(doc, rels)
			var buf bytes.Buffer
			err := htmlview.WriteArticle(&buf, "bad", doc, rels)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), "htmlview: "), err.Error())
			assert.Zero(t, buf.Len(), "nothing written on error")
		})
	}
}

func TestEmptyInputs(t *testing.T) {
	page := article(t, "", &entities.Document{}, nil)
	assert.Contains(t, page, "No relations found.")
	assert.Contains(t, page, "No entities found.")
	page = article(t, "nil", nil, nil)
	assert.Contains(t, page, "0 mentions")
	page = corpus(t, nil, htmlview.Options{})
	assert.Contains(t, page, "0 articles · 0 entities · 0 relations")
	page = corpus(t, relations.NewGraph(), htmlview.Options{})
	assert.Contains(t, page, `<script type="application/json" id="data">`)
}

// bigGraph is a made-up corpus: docs articles, each naming six people of
// a pool (two of them hubs) and relating the first to the others, so some
// entities are much heavier than others.
func bigGraph(people, docs int) *relations.Graph {
	g := relations.NewGraph()
	for d := range docs {
		var b docBuilder
		var rels []relations.Relation
		for k := range 6 {
			// The first two come from a small pool of hubs, the others
			// from everyone.
			p := (d*7 + k*k*13) % people
			switch k {
			case 0:
				p = d % 50
			case 1:
				p = 50 + (d*3+7)%50
			}
			if k > 0 {
				b.text(" and ")
			}
			b.mention(fmt.Sprintf("Person %d", p), k, fmt.Sprintf("Person %d", p), entities.Person)
		}
		b.text(".")
		for k := 1; k < 6; k++ {
			typ := []relations.Type{relations.Meet, relations.Accuse, relations.Praise}[k%3]
			rels = append(rels, relations.Relation{Type: typ, Source: 0, Target: k, Confidence: 0.6, Evidence: b.evidence(0, len(b.doc.Text))})
		}
		g.Add(fmt.Sprintf("doc-%d", d), &b.doc, rels)
	}
	return g
}

func TestCorpusCapsAndRanks(t *testing.T) {
	g := bigGraph(400, 300)
	n := len(g.Entities())
	require.Greater(t, n, 300)
	page := corpus(t, g, htmlview.Options{MaxNodes: 300, Show: 40})
	assert.Equal(t, 300, strings.Count(page, `<g class="node `), "carries MaxNodes entities")
	assert.Equal(t, 300-40, strings.Count(page, `<g class="node t-person hide"`), "draws Show of them at first")
	hidden := regexp.MustCompile(`<path class="e [a-z ]* hide"`).FindAllString(page, -1)
	assert.NotEmpty(t, hidden, "edges to entities not drawn at first are not drawn either")
	assert.Less(t, len(hidden), strings.Count(page, `<path class="e `))
	assert.Contains(t, page, fmt.Sprintf("carries the 300 heaviest of %d entities", n))
	assert.Contains(t, page, `<option value="300">all 300</option>`)
	assert.Equal(t, page, corpus(t, bigGraph(400, 300), htmlview.Options{MaxNodes: 300, Show: 40}), "same graph, same bytes")

	// The first node drawn is the heaviest.
	weights := map[string]int{}
	for _, e := range g.Relations() {
		weights[e.Source.Name] += len(e.Documents)
		weights[e.Target.Name] += len(e.Documents)
	}
	best := 0
	for _, w := range weights {
		best = max(best, w)
	}
	m := regexp.MustCompile(`aria-label="([^"]*), PERSON: \d+ articles?, weight (\d+)"`).FindStringSubmatch(page)
	require.Len(t, m, 3)
	assert.Equal(t, fmt.Sprint(best), m[2])
}

func TestCorpusFilters(t *testing.T) {
	doc, rels := sampleDoc()
	g := relations.NewGraph()
	g.Add("one", doc, rels)
	g.Add("two", doc, rels[:1])
	page := corpus(t, g, htmlview.Options{Title: "Two made-up reports"})
	assert.Contains(t, page, "<h1>Two made-up reports</h1>")
	assert.Contains(t, page, "2 articles · 3 entities · 2 relations")
	for _, want := range []string{`value="PERSON" checked`, `value="GPE" checked`, `value="ORG" checked`,
		`value="VISIT" checked`, `value="PRAISE" checked`, `value="coop" checked`, `id="minw"`, `id="q"`, `id="topn"`} {
		assert.Contains(t, page, want)
	}
	assert.NotContains(t, page, `value="LOC"`, "only types present")
	assert.Contains(t, page, `(2 articles)`, "edge weight in its tooltip")
}

func ExampleWriteArticle() {
	var b docBuilder
	b.mention("Ida Brenn", 0, "Ida Brenn", entities.Person)
	b.text(" met ")
	b.mention("Oskar Lund", 1, "Oskar Lund", entities.Person)
	b.text(" in ")
	b.mention("Selvik", 2, "Selvik", entities.GPE)
	b.text(".")
	rels := []relations.Relation{{Type: relations.Meet, Source: 0, Target: 1, Confidence: 0.9, Evidence: b.evidence(0, len(b.doc.Text))}}

	var page bytes.Buffer
	if err := htmlview.WriteArticle(&page, "made-up.txt", &b.doc, rels); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Count(page.String(), "<mark "), "mentions highlighted")
	fmt.Println(strings.Count(page.String(), `<g class="node `), "nodes drawn")
	fmt.Println(strings.Count(page.String(), `class="rel"`), "relation listed")
	// Output:
	// 3 mentions highlighted
	// 3 nodes drawn
	// 1 relation listed
}

func TestConcurrentWrites(t *testing.T) {
	doc, rels := sampleDoc()
	g := relations.NewGraph()
	g.Add("one", doc, rels)
	want := article(t, "x", doc, rels)
	wantCorpus := corpus(t, g, htmlview.Options{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			var a, c bytes.Buffer
			assert.NoError(t, htmlview.WriteArticle(&a, "x", doc, rels))
			assert.NoError(t, htmlview.WriteCorpus(&c, g, htmlview.Options{}))
			assert.Equal(t, want, a.String())
			assert.Equal(t, wantCorpus, c.String())
		})
	}
	wg.Wait()
}

func ExampleWriteCorpus() {
	g := relations.NewGraph()
	for i, place := range []string{"Selvik", "Marrow Bay"} {
		var b docBuilder
		b.mention("Ida Brenn", 0, "Ida Brenn", entities.Person)
		b.text(" visited ")
		b.mention(place, 1, place, entities.GPE)
		b.text(".")
		rels := []relations.Relation{{Type: relations.Visit, Source: 0, Target: 1, Confidence: 0.8, Evidence: b.evidence(0, len(b.doc.Text))}}
		g.Add(fmt.Sprintf("report-%d", i+1), &b.doc, rels)
	}

	var page bytes.Buffer
	if err := htmlview.WriteCorpus(&page, g, htmlview.Options{Title: "Two made-up reports"}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Count(page.String(), `<g class="node `), "nodes drawn")
	fmt.Println(strings.Count(page.String(), `<path class="e `), "edges drawn")
	// Output:
	// 3 nodes drawn
	// 2 edges drawn
}
