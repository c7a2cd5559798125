package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/newsgraph/newsgraph/relations"
)

const queryUsage = `usage: newsgraph query [--state] GRAPH.json QUERY
queries:
  neighbours NAME                       the relations of an entity (name, alias or ID)
  path A B                              a shortest chain of relations between two entities
  top [--by degree|pagerank] [-n 10]    the most connected entities
  counts [--by type|country-pair]       relation counts
GRAPH.json is a graph saved by "newsgraph graph --format json" ("-" reads stdin).
`

// runQuery implements "newsgraph query": questions about a saved graph.
func runQuery(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("query", flag.ContinueOnError)
	state := fs.Bool("state", false, "ask the state-level view of the graph (see graph --state)")
	if ok, code := parseFlags(fs, queryUsage, args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() < 2 {
		fs.Usage()
		return 2
	}
	g := relations.NewGraph()
	if err := readGraph(fs.Arg(0), stdin, g); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", displayName(fs.Arg(0)), err)
		return 1
	}
	if *state {
		g = g.StateView()
	}
	bw := bufio.NewWriter(stdout)
	defer bw.Flush()
	q, rest := fs.Arg(1), fs.Args()[2:]
	switch q {
	case "neighbours", "neighbors":
		if len(rest) != 1 {
			fmt.Fprint(stderr, queryUsage)
			return 2
		}
		n := findOne(g, rest[0], stderr)
		if n == nil {
			return 1
		}
		fmt.Fprintf(bw, "%s (%s%s), %s:\n", n.Name, n.Type, countrySuffix(n), plural(len(g.Incident(n)), "relation"))
		for _, e := range g.Incident(n) {
			fmt.Fprintf(bw, "  %s  %s\n", edgeLine(e), edgeStats(e))
		}
	case "path":
		if len(rest) != 2 {
			fmt.Fprint(stderr, queryUsage)
			return 2
		}
		a, b := findOne(g, rest[0], stderr), findOne(g, rest[1], stderr)
		if a == nil || b == nil {
			return 1
		}
		p := g.ShortestPath(a, b)
		if p == nil {
			fmt.Fprintf(stderr, "newsgraph query: no path between %s and %s\n", a.Name, b.Name)
			return 1
		}
		fmt.Fprintf(bw, "%s to %s in %s:\n", a.Name, b.Name, plural(len(p)-1, "step"))
		for i := 1; i < len(p); i++ {
			// One number per step; other relations between the same two
			// entities follow it, aligned, unnumbered.
			num := fmt.Sprintf("%d.", i)
			for _, e := range g.Between(p[i-1], p[i]) {
				fmt.Fprintf(bw, "  %s %s  %s\n", num, edgeLine(e), edgeStats(e))
				num = strings.Repeat(" ", len(num))
			}
		}
	case "top":
		qs := flag.NewFlagSet("top", flag.ContinueOnError)
		by := qs.String("by", "degree", "degree or pagerank")
		n := qs.Int("n", 10, "number of entities")
		if ok, code := parseSubquery(qs, rest, by, []string{"degree", "pagerank"}, stdout, stderr); !ok {
			return code
		}
		var top []relations.Score
		if *by == "degree" {
			top = g.TopByDegree(*n)
		} else {
			top = g.TopByPageRank(*n)
		}
		tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "rank\t%s\tentity\ttype\tcountry\tarticles\n", *by)
		for i, s := range top {
			v := fmt.Sprintf("%.0f", s.Value)
			if *by == "pagerank" {
				v = fmt.Sprintf("%.4f", s.Value)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\n", i+1, v, s.Node.Name, s.Node.Type, s.Node.Country, len(s.Node.Documents))
		}
		tw.Flush()
	case "counts":
		qs := flag.NewFlagSet("counts", flag.ContinueOnError)
		by := qs.String("by", "type", "type or country-pair")
		if ok, code := parseSubquery(qs, rest, by, []string{"type", "country-pair"}, stdout, stderr); !ok {
			return code
		}
		var counts []relations.Count
		if *by == "type" {
			counts = g.CountByType()
		} else {
			counts = g.CountByCountryPair()
		}
		tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "%s\trelations\tarticles\tmentions\tcooperative\tconflictual\tneutral\n", *by)
		for _, c := range counts {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\n", c.Key, c.Relations, c.Articles, c.Mentions, c.Cooperative, c.Conflictual, c.Neutral)
		}
		tw.Flush()
	default:
		fmt.Fprintf(stderr, "newsgraph query: unknown query %q\n%s", q, queryUsage)
		return 2
	}
	return 0
}

// parseSubquery parses the flags of a query (top, counts) and checks that
// --by is one of want, naming a bad value or a stray argument in the
// message rather than printing the general usage.
func parseSubquery(qs *flag.FlagSet, args []string, by *string, want []string, stdout, stderr io.Writer) (ok bool, code int) {
	if ok, code := parseFlags(qs, "usage: newsgraph query GRAPH.json "+qs.Name()+" [flags]\n", args, stdout, stderr); !ok {
		return false, code
	}
	switch {
	case qs.NArg() > 0:
		fmt.Fprintf(stderr, "newsgraph query: %s: unexpected argument %q\n", qs.Name(), qs.Arg(0))
	case !slices.Contains(want, *by):
		fmt.Fprintf(stderr, "newsgraph query: %s: unknown --by %q (want %s)\n", qs.Name(), *by, strings.Join(want, " or "))
	default:
		return true, 0
	}
	return false, 2
}

// findOne returns the best entity for name, noting other candidates on
// stderr, or nil with a message.
func findOne(g *relations.Graph, name string, stderr io.Writer) *relations.Node {
	ns := g.Find(name)
	if len(ns) == 0 {
		fmt.Fprintf(stderr, "newsgraph query: no entity %q\n", name)
		return nil
	}
	if len(ns) > 1 {
		var others []string
		for _, n := range ns[1:min(len(ns), 6)] {
			others = append(others, n.Name+" ("+n.EntityID+")")
		}
		fmt.Fprintf(stderr, "newsgraph query: %q: using %s (%s); also %s\n", name, ns[0].Name, ns[0].EntityID, strings.Join(others, ", "))
	}
	return ns[0]
}

func countrySuffix(n *relations.Node) string {
	if n.Country == "" {
		return ""
	}
	return ", " + n.Country
}

// edgeLine reads "Vladimir Putin —HOST→ Ahmad al-Sharaa", with "↔" for
// symmetric types.
func edgeLine(e *relations.Edge) string {
	arrow := "—" + e.Type.String() + "→"
	if e.Type.Symmetric() {
		arrow = "←" + e.Type.String() + "→"
	}
	return e.Source.Name + " " + arrow + " " + e.Target.Name
}

// edgeStats reads "[cooperative; 2 articles, 3 mentions; 2026-11-19..2026-11-21]".
func edgeStats(e *relations.Edge) string {
	s := fmt.Sprintf("[%s; %s, %s", e.Polarity(), plural(len(e.Documents), "article"), plural(e.Mentions, "mention"))
	if f, l := relations.FormatDay(e.FirstSeen), relations.FormatDay(e.LastSeen); f != "" {
		if f == l {
			s += "; " + f
		} else {
			s += "; " + f + ".." + l
		}
	}
	return s + "]"
}

// plural reads "1 article", "2 articles".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
