package relations

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// CSVNodesHeader and CSVEdgesHeader are the header rows of WriteCSVNodes
// and WriteCSVEdges, in the form neo4j-admin database import expects
// (":ID", ":LABEL", ":START_ID", ":END_ID", ":TYPE", typed columns, arrays
// separated by ";"). pandas.read_csv reads the files as they are.
var (
	CSVNodesHeader = []string{"id:ID", "name", ":LABEL", "country", "aliases:string[]", "articles:int", "mentions:int", "first_seen", "last_seen"}
	CSVEdgesHeader = []string{":START_ID", ":END_ID", ":TYPE", "polarity", "cameo", "modality", "confidence:float", "title", "former:boolean", "when", "articles:int", "mentions:int", "first_seen", "last_seen", "evidence"}
)

// WriteCSVNodes writes the entities of g as CSV (RFC 4180) with the
// header CSVNodesHeader, one row per entity in ID order: entity ID, name,
// type (PERSON, ORG, …, the Neo4j label), country code, aliases separated
// by ";", the numbers of articles and mentions, and the first and last
// dates seen (FormatDay; empty when undated).
func WriteCSVNodes(w io.Writer, g *Graph) error {
	cw := csv.NewWriter(w)
	cw.Write(CSVNodesHeader)
	for _, n := range g.nodes {
		cw.Write([]string{
			n.EntityID, n.Name, n.Type.String(), n.Country,
			strings.Join(n.Aliases, ";"),
			strconv.Itoa(len(n.Documents)), strconv.Itoa(len(n.Mentions)),
			FormatDay(n.FirstSeen), FormatDay(n.LastSeen),
		})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("relations: writing CSV: %w", err)
	}
	return nil
}

// WriteCSVEdges writes the relations of g as CSV (RFC 4180) with the
// header CSVEdgesHeader, one row per relation in the order of
// Graph.Relations: source and target entity IDs, relation type (the Neo4j
// relationship type), polarity, CAMEO code, modality, confidence, title,
// former, when, the numbers of articles and mentions (the weights), the
// first and last dates seen, and the first evidence sentence. Symmetric
// relations are written once, in the direction first seen.
func WriteCSVEdges(w io.Writer, g *Graph) error {
	cw := csv.NewWriter(w)
	cw.Write(CSVEdgesHeader)
	for _, e := range g.Relations() {
		ev := ""
		if len(e.Evidence) > 0 {
			ev = e.Evidence[0].Text
		}
		cw.Write([]string{
			e.Source.EntityID, e.Target.EntityID, e.Type.String(),
			e.Type.Polarity().String(), e.Type.CAMEO(), e.Modality.String(),
			strconv.FormatFloat(math.Round(e.Confidence*100)/100, 'f', -1, 64),
			e.Title, strconv.FormatBool(e.Former), e.When,
			strconv.Itoa(len(e.Documents)), strconv.Itoa(e.Mentions),
			FormatDay(e.FirstSeen), FormatDay(e.LastSeen), ev,
		})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("relations: writing CSV: %w", err)
	}
	return nil
}
