package relations

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/entities"
)

// TestReadJSONStrict feeds ReadJSON graph files that are wrong in one
// place each: every one is refused with a message naming the place, and
// the graph is left as it was (issue 13, item 8).
func TestReadJSONStrict(t *testing.T) {
	const ent = `{"id": "e1", "name": "Harbour Board", "type": "ORG", "aliases": [], "mentions": []}`
	const ent2 = `{"id": "e2", "name": "Lakeside", "type": "GPE", "aliases": [], "mentions": []}`
	withEntity := func(e string) string {
		return `{"entities": [` + e + `], "relations": [], "docs": ["d1", "d2"]}`
	}
	withRelation := func(r string) string {
		return `{"entities": [` + ent + `, ` + ent2 + `], "relations": [` + r + `], "docs": ["d1", "d2"]}`
	}
	const good = `{"type": "BASED_IN", "source": "e1", "target": "e2", "modality": "asserted", "confidence": 0.5, "evidence": []`
	tests := []struct {
		name, in, want string
	}{
		{"empty file", "", "relations: empty graph file"},
		{"blank file", " \n\t\n", "relations: empty graph file"},
		{"null", "null", "relations: graph file holds null, not a graph object"},
		{"empty object", "{}", `relations: graph object has no "entities"`},
		{"no relations", `{"entities": []}`, `relations: graph object has no "relations"`},
		{"a number", "7", "relations: graph file holds a JSON number, not a graph object"},
		{"trailing garbage", `{"entities": [], "relations": []} xyz`, "relations: data after the graph object at offset"},
		{"two graphs", `{"entities": [], "relations": []}{"entities": [], "relations": []}`, "relations: data after the graph object at offset 33"},
		{"cut short", `{"entities": [{"id": "e1"`, "relations: graph file ends in the middle of the graph"},
		{"bad syntax", `{"entities": [}`, "relations: graph file is not valid JSON at offset 15"},
		{"string offset", withEntity(`{"id": "e1", "name": "X", "type": "ORG", "mentions": [{"start": "5", "end": 6, "text": "X"}]}`),
			"relations: entities.mentions.start at offset"},
		{"float offset", withEntity(`{"id": "e1", "name": "X", "type": "ORG", "mentions": [{"start": 1e12, "end": 6, "text": "X"}]}`),
			"relations: entities.mentions.start at offset"},
		{"huge offset", withEntity(`{"id": "e1", "name": "X", "type": "ORG", "mentions": [{"start": 1000000000000, "end": 1000000000001, "text": "X"}]}`),
			"relations: entities[0].mentions[0].start: offset 1000000000000 is outside [0, 1073741824]"},
		{"negative offset", withEntity(`{"id": "e1", "name": "X", "type": "ORG", "mentions": [{"doc": "d1", "start": 0, "end": 1, "text": "X"}, {"doc": "d1", "start": -5, "end": 1, "text": "X"}]}`),
			"relations: entities[0].mentions[1].start: offset -5 is outside"},
		{"end before start", withEntity(`{"id": "e1", "name": "X", "type": "ORG", "mentions": [{"start": 9, "end": 3, "text": "X"}]}`),
			"relations: entities[0].mentions[0].end: offset 3 is outside [start 9"},
		{"empty entity id", withEntity(`{"id": "", "name": "X", "type": "ORG"}`), "relations: entities[0].id: empty entity ID"},
		{"empty doc id", `{"entities": [], "relations": [], "docs": ["d1", ""]}`, "relations: docs[1]: empty document ID"},
		{"doc listed twice", `{"entities": [], "relations": [], "docs": ["d1", "d1"]}`, `relations: docs[1]: document "d1" listed twice`},
		{"unlisted doc", withEntity(`{"id": "e1", "name": "X", "type": "ORG", "mentions": [{"doc": "d9", "start": 0, "end": 1, "text": "X"}]}`),
			`relations: entities[0].mentions[0].doc: document "d9" is not listed under "docs"`},
		{"empty doc_ids item", withEntity(`{"id": "e1", "name": "X", "type": "ORG", "doc_ids": [""]}`), "relations: entities[0].doc_ids[0]: empty document ID"},
		{"negative documents", withEntity(`{"id": "e1", "name": "X", "type": "ORG", "documents": -2}`), "relations: entities[0].documents: negative count -2"},
		{"documents not doc_ids", withEntity(`{"id": "e1", "name": "X", "type": "ORG", "documents": 3, "doc_ids": ["d1"]}`),
			"relations: entities[0].documents: 3, but doc_ids lists 1"},
		{"first seen yesterday", withEntity(`{"id": "e1", "name": "X", "type": "ORG", "first_seen": "yesterday"}`),
			`relations: entities[0].first_seen: "yesterday" is not a date`},
		{"confidence 7.5", withRelation(good + `, "confidence": 7.5}`), "relations: relations[0].confidence: 7.5 is outside [0, 1]"},
		{"negative confidence", withRelation(good + `, "confidence": -0.1}`), "relations: relations[0].confidence: -0.1 is outside [0, 1]"},
		{"negative mentions", withRelation(good + `, "mentions": -1}`), "relations: relations[0].mentions: negative count -1"},
		{"negative relation documents", withRelation(good + `, "documents": -1}`), "relations: relations[0].documents: negative count -1"},
		{"last seen garbage", withRelation(good + `, "last_seen": "2024-13-45"}`), `relations: relations[0].last_seen: "2024-13-45" is not a date`},
		{"evidence offset", withRelation(good[:len(good)-len(`"evidence": []`)] + `"evidence": [{"doc": "d2", "start": -5, "end": 2, "text": "ab"}]}`),
			"relations: relations[0].evidence[0].start: offset -5 is outside"},
		{"date of an unlisted doc", `{"entities": [], "relations": [], "doc_dates": {"d9": "2024-01-02"}}`,
			`relations: doc_dates: document "d9" is not listed under "docs"`},
		{"span without its doc", withEntity(`{"id": "e1", "name": "X", "type": "ORG", "mentions": [{"start": 0, "end": 1, "text": "X"}]}`),
			`relations: entities[0].mentions[0].doc: missing, and "docs" lists 2 documents`},
		{"doc without docs", `{"entities": [{"id": "e1", "name": "X", "type": "ORG", "mentions": [{"doc": "a", "start": 0, "end": 1, "text": "X"}]}], "relations": []}`,
			`relations: entities[0].mentions[0].doc: document "a" is not listed under "docs"`},
		{"empty source", withRelation(`{"type": "BASED_IN", "source": "", "target": "e2"}`), `relations: relations[0].source: unknown entity ""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewGraph()
			g.Add("before", &entities.Document{Text: "Before."}, nil)
			err := ReadJSON(strings.NewReader(tt.in), g)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Equal(t, []string{"before"}, g.Documents(), "dst unchanged on error")
			assert.Empty(t, g.Entities(), "dst unchanged on error")
		})
	}
}

// impliedGraph holds two articles and a country that one of them only
// implies: an entity without mentions.
func impliedGraph() *Graph {
	g := NewGraph()
	text := "The Lakeside harbour board met on Monday."
	doc := &entities.Document{
		Text:     text,
		Mentions: []entities.Mention{{Start: 4, End: 25, Type: entities.Org}},
		Entities: []entities.Entity{
			{ID: "e1", Name: "Lakeside harbour board", Type: entities.Org, Mentions: []int{0}},
			{ID: "e2", Name: "Norway", Type: entities.GPE, Country: "NO"},
		},
	}
	g.AddDated("a1", time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), doc, []Relation{{Type: BasedIn, Source: 0, Target: 1, Confidence: 0.7}})
	g.AddDated("a2", time.Date(2024, 5, 2, 9, 30, 0, 0, time.UTC), doc, []Relation{{Type: BasedIn, Source: 0, Target: 1, Confidence: 0.7}})
	return g
}

// TestReadJSONKeepsImpliedDocuments round-trips an entity that no mention
// names: it keeps its two articles and its dates (issue 13, item 6).
func TestReadJSONKeepsImpliedDocuments(t *testing.T) {
	g := impliedGraph()
	var saved bytes.Buffer
	require.NoError(t, WriteJSON(&saved, g))
	back := NewGraph()
	require.NoError(t, ReadJSON(bytes.NewReader(saved.Bytes()), back))
	norway := back.Find("Norway")
	require.Len(t, norway, 1)
	assert.Equal(t, []string{"a1", "a2"}, norway[0].Documents)
	assert.Empty(t, norway[0].Mentions)
	assert.Equal(t, g.Find("Norway")[0].LastSeen, norway[0].LastSeen)
	var again bytes.Buffer
	require.NoError(t, WriteJSON(&again, back))
	assert.Equal(t, saved.String(), again.String())
}

// TestReadJSONKeepsSameNamedEntities reads a file holding two entities
// with the same name that the graph kept apart (a place and the country
// a state view named like it): they stay two entities.
func TestReadJSONKeepsSameNamedEntities(t *testing.T) {
	const in = `{"entities": [
 {"id": "e1", "name": "Lakeside", "type": "GPE", "aliases": ["Lakeside"], "mentions": []},
 {"id": "e2", "name": "Lakeside", "type": "GPE", "aliases": ["Lakeside"], "country": "NO", "mentions": []}],
 "relations": [{"type": "LOCATED_IN", "source": "e1", "target": "e2", "confidence": 1, "evidence": []}]}`
	g := NewGraph()
	require.NoError(t, ReadJSON(strings.NewReader(in), g))
	assert.Len(t, g.Entities(), 2)
	assert.Len(t, g.Relations(), 1)
}

// FuzzReadJSON reads arbitrary bytes as a graph file: it must never
// panic, must leave the graph unchanged when it fails, and a graph it
// accepts must survive WriteJSON and ReadJSON unchanged.
func FuzzReadJSON(f *testing.F) {
	var b bytes.Buffer
	if err := WriteJSON(&b, impliedGraph()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"entities": [], "relations": []}`))
	f.Add([]byte(`{"entities": [{"id": "x", "name": "", "type": "ORG", "mentions": [{"start": 0, "end": 0, "text": ""}]}], "relations": [], "docs": ["d"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g := NewGraph()
		if err := ReadJSON(bytes.NewReader(data), g); err != nil {
			if !strings.HasPrefix(err.Error(), "relations: ") {
				t.Fatalf("error without the package name: %v", err)
			}
			if len(g.Entities()) != 0 || len(g.Documents()) != 0 {
				t.Fatalf("graph changed by a failed read: %v", err)
			}
			return
		}
		var once, twice bytes.Buffer
		if err := WriteJSON(&once, g); err != nil {
			t.Fatal(err)
		}
		h := NewGraph()
		if err := ReadJSON(bytes.NewReader(once.Bytes()), h); err != nil {
			t.Fatalf("cannot read back what WriteJSON wrote: %v\n%s", err, once.Bytes())
		}
		if err := WriteJSON(&twice, h); err != nil {
			t.Fatal(err)
		}
		if once.String() != twice.String() {
			t.Fatalf("round trip changed the graph:\n%s\n---\n%s", once.Bytes(), twice.Bytes())
		}
	})
}
