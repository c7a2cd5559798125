package relations

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/entities"
)

// AddDated adds the document doc, published on date, as Add does, and
// records the date (SetDocDate). A zero date records nothing.
func (g *Graph) AddDated(docID string, date time.Time, doc *entities.Document, rels []Relation) {
	if doc == nil {
		return
	}
	g.SetDocDate(docID, date)
	g.Add(docID, doc, rels)
}

// SetDocDate records the publication date of the document docID, before
// or after it is added, and updates the FirstSeen and LastSeen dates of
// the nodes and edges it occurs in. A zero date removes the record.
//
// It touches only the nodes and edges of docID: dating a document that
// is not added yet costs nothing, a first date only widens their ranges,
// and only a changed or removed date has them looked at again whole.
func (g *Graph) SetDocDate(docID string, date time.Time) {
	_, had := g.docDate[docID]
	if date.IsZero() {
		if !had {
			return
		}
		delete(g.docDate, docID)
	} else {
		g.docDate[docID] = date
	}
	for _, n := range g.docNodes[docID] {
		if had {
			n.FirstSeen, n.LastSeen = g.seen(n.Documents)
		} else {
			n.FirstSeen, n.LastSeen = widen(n.FirstSeen, n.LastSeen, date)
		}
	}
	for _, e := range g.docEdges[docID] {
		if had {
			e.FirstSeen, e.LastSeen = g.seen(e.Documents)
		} else {
			e.FirstSeen, e.LastSeen = widen(e.FirstSeen, e.LastSeen, date)
		}
	}
}

// DocDate returns the date recorded for the document docID, or the zero
// time.
func (g *Graph) DocDate(docID string) time.Time { return g.docDate[docID] }

// seen returns the earliest and latest recorded dates of docs.
func (g *Graph) seen(docs []string) (first, last time.Time) {
	for _, d := range docs {
		t, ok := g.docDate[d]
		if !ok {
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if last.IsZero() || t.After(last) {
			last = t
		}
	}
	return first, last
}

// FormatDate formats a document date for the exports: "" for the zero
// time, YYYY-MM-DD when it is midnight UTC, RFC 3339 otherwise.
func FormatDate(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Equal(t.Truncate(24*time.Hour)) && t.Location() == time.UTC:
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339Nano)
}

// FormatDay formats the day of a first or last sighting for the exports
// (first_seen, last_seen): "" for the zero time, else always the UTC
// calendar day as YYYY-MM-DD, whatever the precision of the article
// dates it comes from, so that one field never mixes two formats.
func FormatDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// parseDate reads what FormatDate and FormatDay write.
func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("relations: date %q is not YYYY-MM-DD or RFC 3339", s)
	}
	return t, nil
}

// ParsePolarity reads a polarity as String spells it: "cooperative",
// "conflictual" or "neutral".
func ParsePolarity(s string) (Polarity, error) {
	for _, p := range []Polarity{Cooperative, Conflictual, Neutral} {
		if strings.EqualFold(s, p.String()) {
			return p, nil
		}
	}
	return Neutral, fmt.Errorf("relations: unknown polarity %q (want cooperative, conflictual or neutral)", s)
}

// Filter selects part of a graph; see Graph.Filter. The zero Filter
// keeps everything.
type Filter struct {
	// Types keeps only entities of these types, and the relations
	// between them; all types when empty.
	Types []entities.Type
	// Relations keeps only relations of these types; all when empty.
	Relations []Type
	// Polarities keeps only relations of these polarities; all when empty.
	Polarities []Polarity
	// MinWeight keeps only relations stated in at least this many
	// documents (articles).
	MinWeight int
	// MinMentions keeps only relations with at least this many
	// occurrences.
	MinMentions int
	// DropIsolated leaves out the entities that have no relation left.
	DropIsolated bool
}

// Filter returns a new graph with the entities and relations of g that f
// keeps. Entities keep their names, aliases, mentions and dates, and get
// new IDs, dense in the order of g; relations keep all their attributes.
// g is not changed.
func (g *Graph) Filter(f Filter) *Graph {
	keepNode := make([]bool, len(g.nodes))
	for i, n := range g.nodes {
		keepNode[i] = len(f.Types) == 0 || slices.Contains(f.Types, n.Type)
	}
	keepEdge := func(e *Edge) bool {
		return keepNode[e.Source.id] && keepNode[e.Target.id] &&
			(len(f.Relations) == 0 || slices.Contains(f.Relations, e.Type)) &&
			(len(f.Polarities) == 0 || slices.Contains(f.Polarities, e.Type.Polarity())) &&
			len(e.Documents) >= f.MinWeight && e.Mentions >= f.MinMentions
	}
	if f.DropIsolated {
		linked := make([]bool, len(g.nodes))
		for _, e := range g.edges {
			if keepEdge(e) {
				linked[e.Source.id], linked[e.Target.id] = true, true
			}
		}
		for i := range keepNode {
			keepNode[i] = keepNode[i] && linked[i]
		}
	}
	group := make([]int, len(g.nodes))
	for i := range group {
		group[i] = -1
		if keepNode[i] {
			group[i] = i
		}
	}
	return g.project(group, nil, keepEdge)
}

// project returns a new graph whose nodes are the groups of g's nodes:
// group[i] is the ID of the node of g that node i joins (its
// representative), or -1 to drop it. A group node takes the name, type
// and country of its representative, or of name(rep) when name is not nil
// and returns ok, and the aliases, mentions and documents of all its
// members. Edges that keep accepts are carried over between the group
// nodes of their ends and merged where they coincide; self-loops are
// dropped.
func (g *Graph) project(group []int, name func(rep *Node) (string, entities.Type, string, bool), keep func(*Edge) bool) *Graph {
	h := NewGraph()
	for _, d := range g.docs {
		h.addDoc(d)
	}
	for d, t := range g.docDate {
		h.docDate[d] = t
	}
	nodeOf := make(map[int]*Node)
	newNode := make([]*Node, len(g.nodes))
	for i, n := range g.nodes {
		rep := group[i]
		if rep < 0 {
			continue
		}
		gn := nodeOf[rep]
		if gn == nil {
			r := g.nodes[rep]
			nm, typ, country := r.Name, r.Type, r.Country
			if name != nil {
				if a, b, c, ok := name(r); ok {
					nm, typ, country = a, b, c
				}
			}
			id := int64(len(h.nodes))
			gn = &Node{EntityID: fmt.Sprintf("e%d", id+1), Name: nm, Type: typ, Country: country, id: id}
			h.nodes = append(h.nodes, gn)
			h.byID[gn.EntityID] = gn
			key := nodeKey{typ, h.normalizeName(nm)}
			h.byName[key] = append(h.byName[key], gn)
			h.g.AddNode(gn)
			nodeOf[rep] = gn
		}
		if gn.Country == "" {
			gn.Country = n.Country
		}
		gn.Aliases = mergeStrings(gn.Aliases, n.Aliases, n.Name)
		gn.Aliases = mergeStrings(gn.Aliases, nil, gn.Name)
		h.addNodeSpans(gn, n.Mentions, n.Documents)
		newNode[i] = gn
	}
	for _, e := range g.Relations() {
		src, dst := newNode[e.Source.id], newNode[e.Target.id]
		if src == nil || dst == nil || src == dst || (keep != nil && !keep(e)) {
			continue
		}
		r := Relation{Type: e.Type, Title: e.Title, Former: e.Former, Modality: e.Modality, Confidence: e.Confidence, When: e.When}
		h.mergeEdge(r, src, dst, e.Evidence, e.Mentions, e.Documents)
	}
	return h
}

// defaultGazetteer names countries in StateView.
var defaultGazetteer = sync.OnceValues(entities.DefaultGazetteer)

// roleTypes are the relations StateView folds along and leaves out.
var roleTypes = []Type{LeaderOf, OfficialOf, BasedIn, LocatedIn}

// StateView returns a new graph at the level of states: every person,
// institution, place or group that belongs to a country is folded into
// one node for that country, so that "Vladimir Putin —HOST→ Ahmad
// al-Sharaa" reads "Russia —HOST→ Syria".
//
// An entity belongs to the state of the body it leads or serves
// (LEADER_OF, OFFICIAL_OF, not former; a country before an organisation),
// or where it is based (BASED_IN), followed transitively; failing that, to
// its own country code. Bodies with no country (NATO, the UN) stay
// themselves, as do people who serve them. The country node is a GPE
// named as in the gazetteer ("Russia"), with the names of everything
// folded into it among its aliases. LEADER_OF, OFFICIAL_OF, BASED_IN and
// LOCATED_IN relations are left out, relations that become self-loops are
// dropped, and the others are merged where they coincide (their article
// and mention counts added up).
func (g *Graph) StateView() *Graph {
	// up[i] is the node i folds into through a role, or -1.
	up := make([]int, len(g.nodes))
	for i := range up {
		up[i] = -1
	}
	rank := func(e *Edge) int {
		if e.Target.Type == entities.GPE {
			return 0
		}
		return 1
	}
	best := make([]*Edge, len(g.nodes))
	for _, e := range g.Relations() {
		if !slices.Contains(roleTypes[:3], e.Type) || e.Former {
			continue
		}
		if b := best[e.Source.id]; b == nil || rank(e) < rank(b) {
			best[e.Source.id] = e
		}
	}
	for i, e := range best {
		if e != nil {
			up[i] = int(e.Target.id)
		}
	}
	// countryRep[code] is the node that stands for the country: the first
	// GPE with that code whose name is the country's, else the first node
	// folded into it.
	gaz, _ := defaultGazetteer()
	countryName := func(code string) string {
		if gaz != nil {
			if c := gaz.Country(code); c != nil {
				return c.Name
			}
		}
		return code
	}
	state := make([]string, len(g.nodes)) // country code each node folds into, or ""
	root := make([]int, len(g.nodes))     // the node it folds into when no country
	for i := range g.nodes {
		j, steps := i, 0
		for up[j] >= 0 && steps < len(g.nodes) {
			j = up[j]
			steps++
		}
		root[i] = j
		state[i] = g.nodes[j].Country
	}
	countryRep := make(map[string]int)
	for i, n := range g.nodes {
		c := state[i]
		if c == "" {
			continue
		}
		if r, ok := countryRep[c]; !ok || (n.Type == entities.GPE && strings.EqualFold(n.Name, countryName(c)) && !strings.EqualFold(g.nodes[r].Name, countryName(c))) {
			countryRep[c] = i
		}
	}
	group := make([]int, len(g.nodes))
	for i := range g.nodes {
		if c := state[i]; c != "" {
			group[i] = countryRep[c]
		} else {
			group[i] = root[i]
		}
	}
	// Representatives of groups must be their own representative.
	for i := range group {
		group[i] = group[group[i]]
	}
	name := func(rep *Node) (string, entities.Type, string, bool) {
		c := state[rep.id]
		if c == "" {
			return "", 0, "", false
		}
		return countryName(c), entities.GPE, c, true
	}
	return g.project(group, name, func(e *Edge) bool { return !slices.Contains(roleTypes, e.Type) })
}

// Resolve returns a new graph in which entities that name the same
// referent across documents are merged: an entity whose name is the
// alias of exactly one other entity of the same type with a longer name
// ("Putin" and "Vladimir Putin", aliases ["Putin", "Vladimir Putin"]), or,
// for people, whose one-word name is the last word of exactly one other
// person's name, joins that entity, provided their countries agree (or
// one is unknown). The merged entity takes the longest name. Entities
// whose name fits several others are left alone. g is not changed.
func (g *Graph) Resolve() *Graph {
	byKey := make(map[nodeKey][]int) // alias or surname key → nodes
	for i, n := range g.nodes {
		seen := map[string]bool{}
		add := func(s string) {
			k := g.normalizeName(s)
			if k == "" || seen[k] {
				return
			}
			seen[k] = true
			byKey[nodeKey{n.Type, k}] = append(byKey[nodeKey{n.Type, k}], i)
		}
		add(n.Name)
		for _, a := range n.Aliases {
			add(a)
		}
		if n.Type == entities.Person {
			if f := strings.Fields(n.Name); len(f) > 1 {
				add(f[len(f)-1])
			}
		}
	}
	parent := make([]int, len(g.nodes))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	compatible := func(a, b *Node) bool { return a.Country == "" || b.Country == "" || a.Country == b.Country }
	for i, n := range g.nodes {
		nameLen := len(strings.Fields(n.Name))
		target := -1
		unique := true
		for _, j := range byKey[nodeKey{n.Type, g.normalizeName(n.Name)}] {
			m := g.nodes[j]
			if j == i || len(strings.Fields(m.Name)) <= nameLen || !compatible(n, m) {
				continue
			}
			if target >= 0 && find(target) != find(j) {
				unique = false
				break
			}
			target = j
		}
		if target >= 0 && unique {
			a, b := find(i), find(target)
			if a != b {
				parent[a] = b
			}
		}
	}
	// The representative of a group is its longest name, first seen.
	rep := make(map[int]int)
	for i, n := range g.nodes {
		r := find(i)
		cur, ok := rep[r]
		if !ok || len(n.Name) > len(g.nodes[cur].Name) {
			rep[r] = i
		}
	}
	group := make([]int, len(g.nodes))
	first := make(map[int]int) // root → first member, for the node order
	for i := range g.nodes {
		r := find(i)
		if _, ok := first[r]; !ok {
			first[r] = i
		}
		group[i] = first[r]
	}
	name := func(n *Node) (string, entities.Type, string, bool) {
		r := g.nodes[rep[find(int(n.id))]]
		return r.Name, r.Type, r.Country, true
	}
	return g.project(group, name, nil)
}
