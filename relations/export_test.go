package relations

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/multi"

	"github.com/newsgraph/newsgraph/entities"
)

// updateGolden rewrites the golden files under testdata instead of
// comparing against them: go test ./relations -update
var updateGolden = flag.Bool("update", false, "rewrite golden files")

// graphGolden compares got with testdata/name byte for byte, or rewrites
// the file when -update is set.
func graphGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateGolden {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./relations -update to create it")
	assert.Equal(t, string(want), string(got), "output differs from %s; run go test ./relations -update and review the diff", path)
}

// graphOneDoc returns the first document of graphTwoDocs alone.
func graphOneDoc(t testing.TB) []graphInput { return graphTwoDocs(t)[:1] }

func TestGraphGolden(t *testing.T) {
	tests := []struct {
		name  string
		write func(*bytes.Buffer, *Graph) error
	}{
		{name: "two-docs.golden.json", write: func(b *bytes.Buffer, g *Graph) error { return WriteJSON(b, g) }},
		{name: "two-docs.golden.dot", write: func(b *bytes.Buffer, g *Graph) error { return WriteDOT(b, g) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, tt.write(&buf, graphBuild(graphTwoDocs(t))))
			graphGolden(t, tt.name, buf.Bytes())
		})
	}
}

func TestGraphDOTParses(t *testing.T) {
	g := graphBuild(graphTwoDocs(t))
	var buf bytes.Buffer
	require.NoError(t, WriteDOT(&buf, g))
	dst := multi.NewDirectedGraph()
	require.NoError(t, dot.UnmarshalMulti(buf.Bytes(), dst))
	assert.Equal(t, len(g.Entities()), dst.Nodes().Len())
	assert.Equal(t, len(g.Relations()), dst.Lines(0, 1).Len()+dst.Lines(0, 3).Len()+dst.Lines(3, 4).Len())
}

func TestGraphJSONShape(t *testing.T) {
	tests := []struct {
		name     string
		in       func(testing.TB) []graphInput
		multiDoc bool
	}{
		{name: "one document", in: graphOneDoc, multiDoc: false},
		{name: "two documents", in: graphTwoDocs, multiDoc: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, WriteJSON(&buf, graphBuild(tt.in(t))))
			out := buf.String()
			assert.True(t, strings.HasSuffix(out, "}\n"), "trailing newline")
			assert.True(t, strings.HasPrefix(out, "{\n  \"entities\": ["), "two-space indent")

			var v struct {
				Entities  []map[string]any `json:"entities"`
				Relations []map[string]any `json:"relations"`
			}
			require.NoError(t, json.Unmarshal(buf.Bytes(), &v))
			require.NotEmpty(t, v.Entities)
			require.NotEmpty(t, v.Relations)
			for _, e := range v.Entities {
				for _, k := range []string{"id", "name", "type", "aliases", "mentions"} {
					assert.Contains(t, e, k)
				}
				_, hasDocs := e["documents"]
				assert.Equal(t, tt.multiDoc, hasDocs, "entity documents count")
				for _, m := range e["mentions"].([]any) {
					_, hasDoc := m.(map[string]any)["doc"]
					assert.Equal(t, tt.multiDoc, hasDoc, "mention doc")
				}
			}
			for _, r := range v.Relations {
				for _, k := range []string{"type", "source", "target", "polarity", "modality", "confidence", "evidence"} {
					assert.Contains(t, r, k)
				}
				_, hasMentions := r["mentions"]
				assert.Equal(t, tt.multiDoc, hasMentions, "relation mentions count")
				for _, x := range r["evidence"].([]any) {
					_, hasDoc := x.(map[string]any)["doc"]
					assert.Equal(t, tt.multiDoc, hasDoc, "evidence doc")
				}
			}
			// Optional fields are omitted when empty.
			assert.NotContains(t, out, `"country": ""`)
			assert.NotContains(t, out, `"former": false`)
			assert.NotContains(t, out, `"when": ""`)
			assert.NotContains(t, out, `"cameo": ""`)
		})
	}
}

func TestGraphJSONRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		in   func(testing.TB) []graphInput
	}{
		{name: "one document", in: graphOneDoc},
		{name: "two documents", in: graphTwoDocs},
		{name: "empty graph", in: func(testing.TB) []graphInput { return nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := graphBuild(tt.in(t))
			var first bytes.Buffer
			require.NoError(t, WriteJSON(&first, orig))

			back := NewGraph()
			require.NoError(t, ReadJSON(bytes.NewReader(first.Bytes()), back))
			var second bytes.Buffer
			require.NoError(t, WriteJSON(&second, back))
			assert.Equal(t, first.String(), second.String())

			assert.Equal(t, graphNodeStrings(orig), graphNodeStrings(back))
			assert.Equal(t, graphEdgeStrings(orig), graphEdgeStrings(back))
			assert.Equal(t, orig.Documents(), back.Documents())

			var dot1, dot2 bytes.Buffer
			require.NoError(t, WriteDOT(&dot1, orig))
			require.NoError(t, WriteDOT(&dot2, back))
			assert.Equal(t, dot1.String(), dot2.String())
		})
	}
}

func TestGraphReadJSONSchemaExample(t *testing.T) {
	// The example object of ../shared/spec/schema.md, with no documents
	// list, reads as one document with the ID "".
	const in = `{
  "entities": [
    {"id": "e1", "name": "Vladimir Putin", "type": "PERSON",
     "aliases": ["Putin", "Vladimir Putin"], "country": "RU",
     "mentions": [{"start": 412, "end": 426, "text": "Vladimir Putin"}]},
    {"id": "e2", "name": "Ahmad al-Sharaa", "type": "PERSON", "aliases": [], "mentions": []}
  ],
  "relations": [
    {"type": "MEET", "source": "e1", "target": "e2",
     "polarity": "cooperative", "cameo": "040", "modality": "asserted",
     "confidence": 0.82, "when": "on Wednesday",
     "evidence": [{"start": 1510, "end": 1650, "text": "..."}]}
  ]
}`
	g := NewGraph()
	require.NoError(t, ReadJSON(strings.NewReader(in), g))
	assert.Equal(t, []string{"e1 PERSON Vladimir Putin RU", "e2 PERSON Ahmad al-Sharaa"}, graphNodeStrings(g))
	assert.Equal(t, []string{"e1 MEET e2"}, graphEdgeStrings(g))
	e := g.Relations()[0]
	assert.Equal(t, "on Wednesday", e.When)
	assert.InDelta(t, 0.82, e.Confidence, 1e-12)
	assert.Equal(t, []Span{{Start: 1510, End: 1650, Text: "..."}}, e.Evidence)
}

func TestGraphReadJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "malformed", in: `{"entities": [`, want: "relations: graph file ends in the middle"},
		{name: "not an object", in: `[1, 2]`, want: "relations: graph file holds a JSON array, not a graph object"},
		{name: "unknown entity type", in: `{"entities": [{"id": "e1", "name": "X", "type": "ANIMAL"}], "relations": []}`, want: "entities[0].type: unknown entity type"},
		{name: "duplicate entity id", in: `{"entities": [{"id": "e1", "name": "X", "type": "ORG"}, {"id": "e1", "name": "Y", "type": "ORG"}], "relations": []}`, want: "entities[1].id: duplicate entity ID"},
		{name: "unknown relation type", in: `{"entities": [{"id": "e1", "name": "X", "type": "ORG"}], "relations": [{"type": "LIKES", "source": "e1", "target": "e1"}]}`, want: "unknown relation type"},
		{name: "unknown modality", in: `{"entities": [{"id": "e1", "name": "X", "type": "ORG"}], "relations": [{"type": "MEET", "source": "e1", "target": "e1", "modality": "maybe"}]}`, want: "unknown modality"},
		{name: "unknown source", in: `{"entities": [{"id": "e1", "name": "X", "type": "ORG"}], "relations": [{"type": "MEET", "source": "e7", "target": "e1"}]}`, want: "unknown entity \"e7\""},
		{name: "unknown target", in: `{"entities": [{"id": "e1", "name": "X", "type": "ORG"}], "relations": [{"type": "MEET", "source": "e1", "target": "e8"}]}`, want: "unknown entity \"e8\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewGraph()
			err := ReadJSON(strings.NewReader(tt.in), g)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "relations: "), err.Error())
			assert.Empty(t, g.Entities(), "dst unchanged on error")
			assert.Empty(t, g.Documents(), "dst unchanged on error")
		})
	}
	require.Error(t, ReadJSON(strings.NewReader(`{}`), nil))
}

func TestGraphReadJSONMerges(t *testing.T) {
	// Reading the first document's export into a graph that already holds
	// the second gives the same nodes and edges as adding both.
	docs := graphTwoDocs(t)
	var a bytes.Buffer
	require.NoError(t, WriteJSON(&a, graphBuild(docs[:1])))

	g := graphBuild(docs[1:])
	require.NoError(t, ReadJSON(&a, g))
	assert.Equal(t, []string{"b", "a"}, g.Documents())

	var got, want bytes.Buffer
	require.NoError(t, WriteJSON(&got, g))
	require.NoError(t, WriteJSON(&want, graphBuild([]graphInput{docs[1], docs[0]})))
	assert.Equal(t, want.String(), got.String())
}

func TestGraphDOTAttributes(t *testing.T) {
	tests := []struct {
		name string
		typ  entities.Type
		want string
	}{
		{name: "person", typ: entities.Person, want: "ellipse"},
		{name: "org", typ: entities.Org, want: "box"},
		{name: "gpe", typ: entities.GPE, want: "house"},
		{name: "loc", typ: entities.Loc, want: "hexagon"},
		{name: "norp", typ: entities.NORP, want: "note"},
		{name: "misc", typ: entities.Misc, want: "diamond"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := &Node{EntityID: "e1", Name: `Say "hi"`, Type: tt.typ}
			assert.Equal(t, "e1", n.DOTID())
			attrs := n.Attributes()
			require.Len(t, attrs, 2)
			assert.Equal(t, `Say "hi"`, attrs[0].Value)
			assert.Equal(t, tt.want, attrs[1].Value)
		})
	}

	edges := []struct {
		name      string
		edge      Edge
		wantColor string
		dashed    bool
	}{
		{name: "cooperative asserted", edge: Edge{Type: Praise}, wantColor: "green"},
		{name: "conflictual reported", edge: Edge{Type: Fight, Modality: Reported}, wantColor: "red", dashed: true},
		{name: "neutral negated", edge: Edge{Type: LeaderOf, Modality: Negated}, wantColor: "grey", dashed: true},
	}
	for _, tt := range edges {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]string{}
			for _, a := range tt.edge.Attributes() {
				got[a.Key] = a.Value
			}
			assert.Equal(t, tt.edge.Type.String(), got["label"])
			assert.Equal(t, tt.wantColor, got["color"])
			assert.Equal(t, tt.dashed, got["style"] == "dashed")
		})
	}

	// Names with quotes come out as valid, quoted DOT strings.
	g := NewGraph()
	g.Add("d", graphMakeDoc(t, "", []graphEnt{{`The "Base"`, entities.Org, "", nil, nil}}), nil)
	var buf bytes.Buffer
	require.NoError(t, WriteDOT(&buf, g))
	assert.Contains(t, buf.String(), `label="The \"Base\""`)
}
