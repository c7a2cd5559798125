package relations

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExportGolden(t *testing.T) {
	tests := []struct {
		name  string
		write func(io.Writer, *Graph) error
	}{
		{name: "corpus.golden.graphml", write: WriteGraphML},
		{name: "corpus.golden.nodes.csv", write: WriteCSVNodes},
		{name: "corpus.golden.edges.csv", write: WriteCSVEdges},
		{name: "corpus.golden.cypher", write: WriteCypher},
		{name: "corpus-state.golden.dot", write: func(w io.Writer, g *Graph) error { return WriteDOT(w, g.StateView()) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a, b bytes.Buffer
			require.NoError(t, tt.write(&a, corpusGraph(t)))
			require.NoError(t, tt.write(&b, corpusGraph(t)))
			require.Equal(t, a.String(), b.String(), "not deterministic")
			graphGolden(t, tt.name, a.Bytes())
		})
	}
}

// graphmlDoc is the GraphML structure, read with encoding/xml in the
// GraphML namespace.
type graphmlDoc struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"http://graphml.graphdrawing.org/xmlns key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string        `xml:"id,attr"`
			Data []graphmlData `xml:"http://graphml.graphdrawing.org/xmlns data"`
		} `xml:"http://graphml.graphdrawing.org/xmlns node"`
		Edges []struct {
			ID     string        `xml:"id,attr"`
			Source string        `xml:"source,attr"`
			Target string        `xml:"target,attr"`
			Data   []graphmlData `xml:"http://graphml.graphdrawing.org/xmlns data"`
		} `xml:"http://graphml.graphdrawing.org/xmlns edge"`
	} `xml:"http://graphml.graphdrawing.org/xmlns graph"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func TestGraphMLParses(t *testing.T) {
	g := corpusGraph(t)
	var buf bytes.Buffer
	require.NoError(t, WriteGraphML(&buf, g))
	var doc graphmlDoc
	require.NoError(t, xml.Unmarshal(buf.Bytes(), &doc))
	assert.Equal(t, "directed", doc.Graph.EdgeDefault)
	require.Len(t, doc.Graph.Nodes, len(g.Entities()))
	require.Len(t, doc.Graph.Edges, len(g.Relations()))
	keys := map[string]string{}
	for _, k := range doc.Keys {
		keys[k.ID] = k.For
	}
	ids := map[string]bool{}
	for i, n := range doc.Graph.Nodes {
		ids[n.ID] = true
		for _, d := range n.Data {
			assert.Equal(t, "node", keys[d.Key], "undeclared node key %q", d.Key)
			if d.Key == "n_name" {
				assert.Equal(t, g.Entities()[i].Name, d.Value, "names survive escaping")
			}
		}
	}
	for i, e := range doc.Graph.Edges {
		assert.True(t, ids[e.Source] && ids[e.Target], "edge %s joins unknown nodes", e.ID)
		for _, d := range e.Data {
			assert.Equal(t, "edge", keys[d.Key], "undeclared edge key %q", d.Key)
			if d.Key == "e_evidence" {
				assert.Equal(t, g.Relations()[i].Evidence[0].Text, d.Value, "evidence survives escaping")
			}
		}
	}
}

func TestCSVParses(t *testing.T) {
	g := corpusGraph(t)
	for _, tt := range []struct {
		name   string
		write  func(io.Writer, *Graph) error
		header []string
		rows   int
	}{
		{"nodes", WriteCSVNodes, CSVNodesHeader, len(g.Entities())},
		{"edges", WriteCSVEdges, CSVEdgesHeader, len(g.Relations())},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, tt.write(&buf, g))
			recs, err := csv.NewReader(&buf).ReadAll()
			require.NoError(t, err)
			require.Len(t, recs, tt.rows+1)
			assert.Equal(t, tt.header, recs[0])
		})
	}
}

func TestCypherString(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Vladimir Putin", `'Vladimir Putin'`},
		{"quotes", `Syria's "Energy" deal`, `'Syria\'s \"Energy\" deal'`},
		{"backslash and controls", "a\\b\nc\r\td\x00", `'a\\b\nc\r\td\u0000'`},
		{"invalid UTF-8", "a\xffb", "'a\uFFFDb'"},
		{"injection", "x'}) DETACH DELETE (n) //", `'x\'}) DETACH DELETE (n) //'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, cypherString(tt.in))
		})
	}
	var buf bytes.Buffer
	require.NoError(t, WriteCypher(&buf, corpusGraph(t)))
	for _, l := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		assert.True(t, strings.HasSuffix(l, ";"), "statement %q", l)
	}
}
