package relations

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// WriteCypher writes g as Cypher statements for Neo4j (cypher-shell, or
// the browser), one per line, each ended by ";":
//
//	CREATE CONSTRAINT newsgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
//	MERGE (n:Entity {id: 'e1'}) SET n:PERSON, n.name = 'Vladimir Putin', n.country = 'RU', …;
//	MATCH (a:Entity {id: 'e1'}), (b:Entity {id: 'e2'}) MERGE (a)-[r:HOST]->(b) SET r.polarity = 'cooperative', …;
//
// Every entity is an :Entity node with its type as a second label
// (PERSON, ORG, GPE, LOC, NORP, MISC) and the properties id, name,
// country, aliases (a list), articles, mentions, first_seen and last_seen;
// every relation a relationship of its type with the properties of the
// CSV export (WriteCSVEdges). MERGE makes a rerun idempotent. Strings are
// single-quoted with backslash escapes, so any name or evidence text is
// safe. Entities and relations come in the order of Graph.Entities and
// Graph.Relations; the same graph always gives the same bytes. Entity IDs
// are those of g, so load one graph per database, or a graph that
// includes the earlier ones.
func WriteCypher(w io.Writer, g *Graph) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("CREATE CONSTRAINT newsgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n")
	for _, n := range g.nodes {
		fmt.Fprintf(bw, "MERGE (n:Entity {id: %s}) SET n:%s, n.name = %s", cypherString(n.EntityID), n.Type, cypherString(n.Name))
		if n.Country != "" {
			fmt.Fprintf(bw, ", n.country = %s", cypherString(n.Country))
		}
		fmt.Fprintf(bw, ", n.aliases = %s, n.articles = %d, n.mentions = %d", cypherList(n.Aliases), len(n.Documents), len(n.Mentions))
		writeCypherDates(bw, "n", FormatDay(n.FirstSeen), FormatDay(n.LastSeen))
		bw.WriteString(";\n")
	}
	for _, e := range g.Relations() {
		fmt.Fprintf(bw, "MATCH (a:Entity {id: %s}), (b:Entity {id: %s}) MERGE (a)-[r:%s]->(b) SET r.polarity = %s",
			cypherString(e.Source.EntityID), cypherString(e.Target.EntityID), e.Type, cypherString(e.Type.Polarity().String()))
		if c := e.Type.CAMEO(); c != "" {
			fmt.Fprintf(bw, ", r.cameo = %s", cypherString(c))
		}
		fmt.Fprintf(bw, ", r.modality = %s, r.confidence = %s", cypherString(e.Modality.String()),
			strconv.FormatFloat(math.Round(e.Confidence*100)/100, 'f', -1, 64))
		if e.Title != "" {
			fmt.Fprintf(bw, ", r.title = %s", cypherString(e.Title))
		}
		if e.Former {
			bw.WriteString(", r.former = true")
		}
		if e.When != "" {
			fmt.Fprintf(bw, ", r.when = %s", cypherString(e.When))
		}
		fmt.Fprintf(bw, ", r.articles = %d, r.mentions = %d", len(e.Documents), e.Mentions)
		writeCypherDates(bw, "r", FormatDay(e.FirstSeen), FormatDay(e.LastSeen))
		if len(e.Evidence) > 0 {
			fmt.Fprintf(bw, ", r.evidence = %s", cypherString(e.Evidence[0].Text))
		}
		bw.WriteString(";\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("relations: writing Cypher: %w", err)
	}
	return nil
}

func writeCypherDates(bw *bufio.Writer, v, first, last string) {
	if first != "" {
		fmt.Fprintf(bw, ", %s.first_seen = %s, %s.last_seen = %s", v, cypherString(first), v, cypherString(last))
	}
}

// cypherString quotes s as a Cypher string literal: single quotes, with
// backslash, quotes and control characters escaped, and invalid UTF-8
// replaced by U+FFFD.
func cypherString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '\'':
			b.WriteString(`\'`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// cypherList writes ss as a Cypher list of strings.
func cypherList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = cypherString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
