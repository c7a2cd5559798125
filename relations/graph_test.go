package relations

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/network"

	"github.com/newsgraph/newsgraph/entities"
)

// graphEnt describes one entity of a hand-built document: its name, type,
// country, aliases and the texts of its mentions, found in the document
// text in order.
type graphEnt struct {
	name    string
	typ     entities.Type
	country string
	aliases []string
	texts   []string
}

// graphMakeDoc builds a Document by hand: each mention text is located in
// text after the end of the entity's previous mention.
func graphMakeDoc(t testing.TB, text string, ents []graphEnt) *entities.Document {
	t.Helper()
	doc := &entities.Document{Text: text}
	for i, e := range ents {
		ent := entities.Entity{ID: fmt.Sprintf("d%d", i), Name: e.name, Type: e.typ, Aliases: e.aliases, Country: e.country}
		from := 0
		for _, s := range e.texts {
			k := strings.Index(text[from:], s)
			require.GreaterOrEqual(t, k, 0, "mention %q of %q not in text after %d", s, e.name, from)
			start := from + k
			ent.Mentions = append(ent.Mentions, len(doc.Mentions))
			doc.Mentions = append(doc.Mentions, entities.Mention{
				Start: start, End: start + len(s), Type: e.typ, Entity: i, Country: e.country,
			})
			from = start + len(s)
		}
		doc.Entities = append(doc.Entities, ent)
	}
	return doc
}

// graphEvidence returns the evidence for sentence s of text.
func graphEvidence(t testing.TB, text, s string) []Evidence {
	t.Helper()
	k := strings.Index(text, s)
	require.GreaterOrEqual(t, k, 0, "evidence %q not in text", s)
	return []Evidence{{Start: k, End: k + len(s), Text: s}}
}

// graphInput is one document to add to a graph.
type graphInput struct {
	id   string
	doc  *entities.Document
	rels []Relation
}

// graphTwoDocs returns the two documents of the golden files: the same
// meeting reported twice, with a case difference, a missing country and a
// reversed symmetric relation, plus relations that must be skipped.
func graphTwoDocs(t testing.TB) []graphInput {
	t.Helper()
	textA := "Russian President Vladimir Putin met Syrian interim leader Ahmad al-Sharaa in Moscow on Wednesday. Putin praised Damascus."
	docA := graphMakeDoc(t, textA, []graphEnt{
		{"Vladimir Putin", entities.Person, "RU", []string{"Putin"}, []string{"Vladimir Putin", "Putin"}},
		{"Ahmad al-Sharaa", entities.Person, "SY", nil, []string{"Ahmad al-Sharaa"}},
		{"Moscow", entities.GPE, "RU", nil, []string{"Moscow"}},
		{"Damascus", entities.GPE, "SY", nil, []string{"Damascus"}},
	})
	s1 := "Russian President Vladimir Putin met Syrian interim leader Ahmad al-Sharaa in Moscow on Wednesday."
	s2 := "Putin praised Damascus."
	relsA := []Relation{
		{Type: Meet, Source: 0, Target: 1, Confidence: 0.82, When: "on Wednesday", Evidence: graphEvidence(t, textA, s1)},
		{Type: Praise, Source: 0, Target: 3, Confidence: 0.6, Evidence: graphEvidence(t, textA, s2)},
		{Type: Meet, Source: 0, Target: 9, Confidence: 0.9},  // out of range: skipped
		{Type: Meet, Source: -1, Target: 1, Confidence: 0.9}, // out of range: skipped
		{Type: Meet, Source: 1, Target: 1, Confidence: 0.9},  // self-relation: dropped
	}

	textB := "Ahmad Al-Sharaa held talks with Vladimir Putin in Moscow. Reports suggest Putin will visit Damascus. Damascus condemned Washington."
	docB := graphMakeDoc(t, textB, []graphEnt{
		{"Ahmad Al-Sharaa", entities.Person, "", []string{"Al-Sharaa"}, []string{"Ahmad Al-Sharaa"}},
		{"Vladimir Putin", entities.Person, "RU", nil, []string{"Vladimir Putin", "Putin"}},
		{"Moscow", entities.GPE, "RU", nil, []string{"Moscow"}},
		{"Damascus", entities.GPE, "SY", nil, []string{"Damascus", "Damascus"}},
		{"Washington", entities.GPE, "US", nil, []string{"Washington"}},
	})
	relsB := []Relation{
		{Type: Meet, Source: 0, Target: 1, Confidence: 0.9, Modality: Asserted,
			Evidence: graphEvidence(t, textB, "Ahmad Al-Sharaa held talks with Vladimir Putin in Moscow.")},
		{Type: Visit, Source: 1, Target: 3, Confidence: 0.555, Modality: Reported,
			Evidence: graphEvidence(t, textB, "Reports suggest Putin will visit Damascus.")},
		{Type: Criticize, Source: 3, Target: 4, Confidence: 0.7,
			Evidence: graphEvidence(t, textB, "Damascus condemned Washington.")},
	}
	return []graphInput{{"a", docA, relsA}, {"b", docB, relsB}}
}

// graphBuild adds the inputs to a new graph in order.
func graphBuild(in []graphInput) *Graph {
	g := NewGraph()
	for _, d := range in {
		g.Add(d.id, d.doc, d.rels)
	}
	return g
}

// graphEdgeStrings lists the edges of g as "e1 MEET e2".
func graphEdgeStrings(g *Graph) []string {
	var out []string
	for _, e := range g.Relations() {
		out = append(out, fmt.Sprintf("%s %s %s", e.Source.EntityID, e.Type, e.Target.EntityID))
	}
	return out
}

// graphNodeStrings lists the nodes of g as "e1 PERSON Vladimir Putin RU".
func graphNodeStrings(g *Graph) []string {
	var out []string
	for _, n := range g.Entities() {
		out = append(out, strings.TrimSpace(fmt.Sprintf("%s %s %s %s", n.EntityID, n.Type, n.Name, n.Country)))
	}
	return out
}

func TestGraphTwoDocsMerge(t *testing.T) {
	g := graphBuild(graphTwoDocs(t))

	assert.Equal(t, []string{
		"e1 PERSON Vladimir Putin RU",
		"e2 PERSON Ahmad al-Sharaa SY",
		"e3 GPE Moscow RU",
		"e4 GPE Damascus SY",
		"e5 GPE Washington US",
	}, graphNodeStrings(g))
	assert.Equal(t, []string{
		"e1 MEET e2",
		"e1 VISIT e4",
		"e1 PRAISE e4",
		"e4 CRITICIZE e5",
	}, graphEdgeStrings(g))
	assert.Equal(t, []string{"a", "b"}, g.Documents())

	putin := g.Entity("e1")
	require.NotNil(t, putin)
	assert.Equal(t, []string{"Putin", "Vladimir Putin"}, putin.Aliases)
	assert.Equal(t, []string{"a", "b"}, putin.Documents)
	require.Len(t, putin.Mentions, 4)
	assert.Equal(t, Span{Doc: "b", Start: 32, End: 46, Text: "Vladimir Putin"}, putin.Mentions[2])

	sharaa := g.Entity("e2")
	require.NotNil(t, sharaa)
	assert.Equal(t, []string{"Ahmad Al-Sharaa", "Ahmad al-Sharaa", "Al-Sharaa"}, sharaa.Aliases)
	assert.Nil(t, g.Entity("e6"))
	assert.Nil(t, g.Entity(""))

	meet := g.Relations()[0]
	assert.Equal(t, putin, meet.Source, "symmetric edge keeps the first orientation")
	assert.Equal(t, sharaa, meet.Target)
	assert.Equal(t, 2, meet.Mentions)
	assert.Equal(t, []string{"a", "b"}, meet.Documents)
	assert.InDelta(t, 0.9, meet.Confidence, 1e-12, "max confidence")
	assert.Equal(t, "on Wednesday", meet.When, "first occurrence's when")
	require.Len(t, meet.Evidence, 2)
	assert.Equal(t, "a", meet.Evidence[0].Doc)
	assert.Equal(t, "b", meet.Evidence[1].Doc)
	assert.Equal(t, Cooperative, meet.Polarity())

	for _, n := range g.Entities() {
		for _, m := range n.Mentions {
			for _, d := range graphTwoDocs(t) {
				if d.id == m.Doc {
					assert.Equal(t, d.doc.Text[m.Start:m.End], m.Text)
				}
			}
		}
	}
}

func TestGraphAdd(t *testing.T) {
	person := func(name, country string) graphEnt {
		return graphEnt{name, entities.Person, country, nil, nil}
	}
	gpe := func(name, country string) graphEnt {
		return graphEnt{name, entities.GPE, country, nil, nil}
	}
	tests := []struct {
		name      string
		docs      [][]graphEnt
		rels      [][]Relation
		wantNodes []string
		wantEdges []string
	}{
		{
			name:      "case and curly quote folding merge",
			docs:      [][]graphEnt{{person("Conor O’Brien", "IE")}, {person("CONOR  o'brien", "IE")}},
			wantNodes: []string{"e1 PERSON Conor O’Brien IE"},
		},
		{
			name:      "non-breaking hyphen merges",
			docs:      [][]graphEnt{{person("Ahmad al-Sharaa", "SY")}, {person("Ahmad al\u2011Sharaa", "SY")}},
			wantNodes: []string{"e1 PERSON Ahmad al-Sharaa SY"},
		},
		{
			name:      "decomposed accents merge with precomposed",
			docs:      [][]graphEnt{{person("Recep Erdoğan", "TR")}, {person("RECEP ERDOG\u0306AN", "TR")}},
			wantNodes: []string{"e1 PERSON Recep Erdoğan TR"},
		},
		{
			name:      "full case folding merges",
			docs:      [][]graphEnt{{gpe("Straße", "DE")}, {gpe("STRASSE", "DE")}},
			wantNodes: []string{"e1 GPE Straße DE"},
		},
		{
			name:      "conflicting countries stay apart",
			docs:      [][]graphEnt{{gpe("Georgia", "US")}, {gpe("Georgia", "GE")}},
			wantNodes: []string{"e1 GPE Georgia US", "e2 GPE Georgia GE"},
		},
		{
			name:      "empty country merges and is filled in",
			docs:      [][]graphEnt{{gpe("Georgia", "")}, {gpe("Georgia", "GE")}},
			wantNodes: []string{"e1 GPE Georgia GE"},
		},
		{
			name: "different types stay apart",
			docs: [][]graphEnt{{gpe("Jordan", "JO")}, {person("Jordan", "")}},
			wantNodes: []string{
				"e1 GPE Jordan JO",
				"e2 PERSON Jordan",
			},
		},
		{
			name: "invalid entity type skipped with its relations",
			docs: [][]graphEnt{{person("Putin", "RU"), {"Thing", entities.None, "", nil, nil}}},
			rels: [][]Relation{{{Type: Meet, Source: 0, Target: 1}}},
			wantNodes: []string{
				"e1 PERSON Putin RU",
			},
		},
		{
			name:      "symmetric relation reversed merges",
			docs:      [][]graphEnt{{person("A", ""), person("B", "")}, {person("B", ""), person("A", "")}},
			rels:      [][]Relation{{{Type: Meet, Source: 0, Target: 1}}, {{Type: Meet, Source: 0, Target: 1}}},
			wantNodes: []string{"e1 PERSON A", "e2 PERSON B"},
			wantEdges: []string{"e1 MEET e2"},
		},
		{
			name:      "directed relation reversed stays two edges",
			docs:      [][]graphEnt{{person("A", ""), person("B", "")}, {person("B", ""), person("A", "")}},
			rels:      [][]Relation{{{Type: Praise, Source: 0, Target: 1}}, {{Type: Praise, Source: 0, Target: 1}}},
			wantNodes: []string{"e1 PERSON A", "e2 PERSON B"},
			wantEdges: []string{"e1 PRAISE e2", "e2 PRAISE e1"},
		},
		{
			name:      "same pair different types are different edges",
			docs:      [][]graphEnt{{person("A", ""), person("B", "")}},
			rels:      [][]Relation{{{Type: Praise, Source: 0, Target: 1}, {Type: Criticize, Source: 0, Target: 1}}},
			wantNodes: []string{"e1 PERSON A", "e2 PERSON B"},
			wantEdges: []string{"e1 PRAISE e2", "e1 CRITICIZE e2"},
		},
		{
			name: "out of range relations skipped",
			docs: [][]graphEnt{{person("A", ""), person("B", "")}},
			rels: [][]Relation{{
				{Type: Meet, Source: 0, Target: 2},
				{Type: Meet, Source: -1, Target: 0},
				{Type: Meet, Source: 5, Target: 0},
				{Type: Meet, Source: 0, Target: math.MaxInt},
			}},
			wantNodes: []string{"e1 PERSON A", "e2 PERSON B"},
		},
		{
			name:      "invalid relation type skipped",
			docs:      [][]graphEnt{{person("A", ""), person("B", "")}},
			rels:      [][]Relation{{{Type: Invalid, Source: 0, Target: 1}, {Type: Type(200), Source: 0, Target: 1}}},
			wantNodes: []string{"e1 PERSON A", "e2 PERSON B"},
		},
		{
			name:      "self relation dropped",
			docs:      [][]graphEnt{{person("A", "")}},
			rels:      [][]Relation{{{Type: Praise, Source: 0, Target: 0}}},
			wantNodes: []string{"e1 PERSON A"},
		},
		{
			name:      "relation between two entities merged into one node dropped",
			docs:      [][]graphEnt{{person("Putin", "RU"), person("putin", "")}},
			rels:      [][]Relation{{{Type: Meet, Source: 0, Target: 1}}},
			wantNodes: []string{"e1 PERSON Putin RU"},
		},
		{
			name:      "first name kept",
			docs:      [][]graphEnt{{person("Putin", "RU")}, {person("putin", "RU")}, {person("Putin", "")}},
			wantNodes: []string{"e1 PERSON Putin RU"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewGraph()
			for i, ents := range tt.docs {
				doc := graphMakeDoc(t, "", ents)
				var rels []Relation
				if i < len(tt.rels) {
					rels = tt.rels[i]
				}
				require.NotPanics(t, func() { g.Add(fmt.Sprintf("d%d", i), doc, rels) })
			}
			assert.Equal(t, tt.wantNodes, graphNodeStrings(g))
			assert.Equal(t, tt.wantEdges, graphEdgeStrings(g))
			assert.Equal(t, len(tt.wantNodes), g.Nodes().Len())
		})
	}
}

func TestGraphAddBadInput(t *testing.T) {
	tests := []struct {
		name         string
		doc          *entities.Document
		wantMentions int
	}{
		{name: "nil document", doc: nil},
		{name: "mention index out of range", doc: &entities.Document{
			Text:     "Putin",
			Entities: []entities.Entity{{Name: "Putin", Type: entities.Person, Mentions: []int{0, 3, -1}}},
		}},
		{name: "mention span outside text", doc: &entities.Document{
			Text:     "Putin",
			Mentions: []entities.Mention{{Start: 2, End: 40}, {Start: 4, End: 2}},
			Entities: []entities.Entity{{Name: "Putin", Type: entities.Person, Mentions: []int{0, 1}}},
		}},
		{name: "entity without name", doc: &entities.Document{
			Text:     "Putin",
			Mentions: []entities.Mention{{Start: 0, End: 5}},
			Entities: []entities.Entity{{Type: entities.Person, Mentions: []int{0}}},
		}, wantMentions: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewGraph()
			require.NotPanics(t, func() {
				g.Add("d", tt.doc, []Relation{{Type: Meet, Source: 0, Target: 1}})
			})
			for _, n := range g.Entities() {
				assert.NotEmpty(t, n.Name)
				assert.Len(t, n.Mentions, tt.wantMentions)
			}
			var buf bytes.Buffer
			require.NoError(t, WriteJSON(&buf, g))
			require.NoError(t, WriteDOT(&buf, g))
		})
	}
}

func TestGraphFirstOccurrenceAttributes(t *testing.T) {
	ents := []graphEnt{{"Bashar Assad", entities.Person, "SY", nil, nil}, {"Syria", entities.GPE, "SY", nil, nil}}
	g := NewGraph()
	g.Add("a", graphMakeDoc(t, "", ents), []Relation{
		{Type: LeaderOf, Source: 0, Target: 1, Title: "President", Modality: Reported, When: "in 2020", Confidence: 0.4},
	})
	g.Add("b", graphMakeDoc(t, "", ents), []Relation{
		{Type: LeaderOf, Source: 0, Target: 1, Title: "leader", Former: true, Modality: Asserted, Confidence: 0.7},
		{Type: LeaderOf, Source: 0, Target: 1, Confidence: math.NaN()},
		{Type: LeaderOf, Source: 0, Target: 1, Confidence: 3},
	})
	es := g.Relations()
	require.Len(t, es, 1)
	e := es[0]
	assert.Equal(t, "President", e.Title)
	assert.False(t, e.Former)
	assert.Equal(t, Reported, e.Modality)
	assert.Equal(t, "in 2020", e.When)
	assert.Equal(t, 1.0, e.Confidence, "confidence clamped to [0, 1]")
	assert.Equal(t, 4, e.Mentions)
	assert.Equal(t, []string{"a", "b"}, e.Documents)
}

func TestGraphGonum(t *testing.T) {
	g := graphBuild(graphTwoDocs(t))

	n := g.Node(0)
	require.NotNil(t, n)
	assert.Same(t, g.Entity("e1"), n.(*Node))
	assert.Nil(t, g.Node(-1))
	assert.Nil(t, g.Node(99))

	assert.True(t, g.HasEdgeFromTo(0, 1))
	assert.False(t, g.HasEdgeFromTo(1, 0), "symmetric edges are stored once")
	assert.True(t, g.HasEdgeBetween(1, 0))
	assert.Equal(t, 2, g.From(0).Len())
	assert.Equal(t, 1, g.To(3).Len())
	assert.Equal(t, 1, g.To(1).Len())
	assert.Equal(t, 0, g.From(1).Len())

	lines := graph.LinesOf(g.Lines(0, 3))
	require.Len(t, lines, 2)
	for _, l := range lines {
		e, ok := l.(*Edge)
		require.True(t, ok)
		assert.Contains(t, []Type{Praise, Visit}, e.Type)
		r := e.ReversedLine().(*Edge)
		assert.Equal(t, e.Target, r.Source)
		assert.Equal(t, e.ID(), r.ID())
	}
	require.NotNil(t, g.Edge(0, 3))
	assert.Nil(t, g.Edge(3, 0))
}

func TestGraphPageRank(t *testing.T) {
	// Three people all praise a fourth, who praises nobody: the fourth
	// ranks highest.
	ents := []graphEnt{
		{"A", entities.Person, "", nil, nil}, {"B", entities.Person, "", nil, nil},
		{"C", entities.Person, "", nil, nil}, {"D", entities.Person, "", nil, nil},
	}
	g := NewGraph()
	g.Add("d", graphMakeDoc(t, "", ents), []Relation{
		{Type: Praise, Source: 0, Target: 3},
		{Type: Praise, Source: 1, Target: 3},
		{Type: Praise, Source: 2, Target: 3},
		{Type: Criticize, Source: 2, Target: 3},
		{Type: Praise, Source: 0, Target: 1},
	})
	rank := network.PageRank(g, 0.85, 1e-8)
	require.Len(t, rank, 4)
	sum := 0.0
	for _, r := range rank {
		sum += r
	}
	assert.InDelta(t, 1, sum, 1e-6)
	d := g.Entity("e4").ID()
	for id, r := range rank {
		if id != d {
			assert.Greater(t, rank[d], r, "node %d", id)
		}
	}
}

func TestGraphDeterministic(t *testing.T) {
	write := func(g *Graph) []byte {
		var buf bytes.Buffer
		require.NoError(t, WriteJSON(&buf, g))
		require.NoError(t, WriteDOT(&buf, g))
		return buf.Bytes()
	}
	want := write(graphBuild(graphTwoDocs(t)))
	require.Equal(t, want, write(graphBuild(graphTwoDocs(t))))

	// Graphs built in other goroutines, under whatever schedule the
	// runtime picks, and one graph exported from many goroutines at once,
	// all give the same bytes.
	shared := graphBuild(graphTwoDocs(t))
	const n = 8
	got := make([][]byte, 2*n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			var buf bytes.Buffer
			g := graphBuild(graphTwoDocs(t))
			_ = WriteJSON(&buf, g)
			_ = WriteDOT(&buf, g)
			got[i] = buf.Bytes()
		})
		wg.Go(func() {
			var buf bytes.Buffer
			_ = WriteJSON(&buf, shared)
			_ = WriteDOT(&buf, shared)
			got[n+i] = buf.Bytes()
		})
	}
	wg.Wait()
	for i, b := range got {
		assert.Equal(t, string(want), string(b), "run %d", i)
	}
}
