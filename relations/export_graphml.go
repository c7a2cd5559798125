package relations

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// graphmlKey is one attribute declared in a GraphML file.
type graphmlKey struct {
	id, domain, name, typ string
}

// graphmlKeys are the attributes WriteGraphML declares, in order.
var graphmlKeys = []graphmlKey{
	{"n_name", "node", "name", "string"},
	{"n_type", "node", "type", "string"},
	{"n_country", "node", "country", "string"},
	{"n_aliases", "node", "aliases", "string"},
	{"n_articles", "node", "articles", "int"},
	{"n_mentions", "node", "mentions", "int"},
	{"n_first_seen", "node", "first_seen", "string"},
	{"n_last_seen", "node", "last_seen", "string"},
	{"e_type", "edge", "type", "string"},
	{"e_polarity", "edge", "polarity", "string"},
	{"e_cameo", "edge", "cameo", "string"},
	{"e_modality", "edge", "modality", "string"},
	{"e_confidence", "edge", "confidence", "double"},
	{"e_title", "edge", "title", "string"},
	{"e_former", "edge", "former", "boolean"},
	{"e_when", "edge", "when", "string"},
	{"e_articles", "edge", "articles", "int"},
	{"e_mentions", "edge", "mentions", "int"},
	{"e_first_seen", "edge", "first_seen", "string"},
	{"e_last_seen", "edge", "last_seen", "string"},
	{"e_evidence", "edge", "evidence", "string"},
}

// WriteGraphML writes g as GraphML (http://graphml.graphdrawing.org/), for
// Gephi, yEd, Cytoscape and networkx.read_graphml: a directed graph whose
// nodes have the entity ID as id and the attributes name, type, country,
// aliases ("|"-separated), articles, mentions, first_seen and last_seen,
// and whose edges ("r1", "r2", … in the order of Graph.Relations) have
// type, polarity, cameo, modality, confidence, title, former, when,
// articles, mentions (the weights), first_seen, last_seen and the first
// evidence sentence. Symmetric relations are written once, in the
// direction first seen; empty attributes are left out. The same graph
// always gives the same bytes.
func WriteGraphML(w io.Writer, g *Graph) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range graphmlKeys {
		fmt.Fprintf(bw, "  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.domain, k.name, k.typ)
	}
	bw.WriteString(`  <graph id="newsgraph" edgedefault="directed">` + "\n")
	data := func(key, value string) {
		if value == "" {
			return
		}
		fmt.Fprintf(bw, "      <data key=%q>", key)
		xml.EscapeText(bw, []byte(value))
		bw.WriteString("</data>\n")
	}
	for _, n := range g.nodes {
		bw.WriteString("    <node id=\"")
		xml.EscapeText(bw, []byte(n.EntityID))
		bw.WriteString("\">\n")
		data("n_name", n.Name)
		data("n_type", n.Type.String())
		data("n_country", n.Country)
		data("n_aliases", strings.Join(n.Aliases, "|"))
		data("n_articles", strconv.Itoa(len(n.Documents)))
		data("n_mentions", strconv.Itoa(len(n.Mentions)))
		data("n_first_seen", FormatDay(n.FirstSeen))
		data("n_last_seen", FormatDay(n.LastSeen))
		bw.WriteString("    </node>\n")
	}
	for i, e := range g.Relations() {
		fmt.Fprintf(bw, "    <edge id=\"r%d\" source=\"", i+1)
		xml.EscapeText(bw, []byte(e.Source.EntityID))
		bw.WriteString(`" target="`)
		xml.EscapeText(bw, []byte(e.Target.EntityID))
		bw.WriteString("\">\n")
		data("e_type", e.Type.String())
		data("e_polarity", e.Type.Polarity().String())
		data("e_cameo", e.Type.CAMEO())
		data("e_modality", e.Modality.String())
		data("e_confidence", strconv.FormatFloat(math.Round(e.Confidence*100)/100, 'f', -1, 64))
		data("e_title", e.Title)
		if e.Former {
			data("e_former", "true")
		}
		data("e_when", e.When)
		data("e_articles", strconv.Itoa(len(e.Documents)))
		data("e_mentions", strconv.Itoa(e.Mentions))
		data("e_first_seen", FormatDay(e.FirstSeen))
		data("e_last_seen", FormatDay(e.LastSeen))
		if len(e.Evidence) > 0 {
			data("e_evidence", e.Evidence[0].Text)
		}
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("relations: writing GraphML: %w", err)
	}
	return nil
}
