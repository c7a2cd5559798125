package events

import (
	"cmp"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/relations"
)

// Actor is an event participant with its CAMEO actor code.
type Actor struct {
	Name string
	Type entities.Type
	// Code is the full CAMEO actor code: country and role ("RUSGOV"),
	// the country alone ("SYR"), or an international body's code
	// ("IGOUNO", "IGOWSTNAT"); "" when nothing is known.
	Code string
	// Country is the ISO 3166-1 alpha-3 code ("RUS"), or "".
	Country string
	// Role is the CAMEO role (type) code: GOV, MIL, OPP, REB, JUD, LEG,
	// MED, BUS, COP, SPY, UAF, CRM, IGO, NGO, or "".
	Role string
	// Group is the known-group code ("UNO", "NAT", "HMS"), or "".
	Group string
}

// party is an entity as the coder sees it, read from a document or from
// a graph, with the standing roles the text gives it.
type party struct {
	name    string
	typ     entities.Type
	country string // ISO 3166-1 alpha-2
	aliases []string
	roles   []heldRole
}

// heldRole is a LEADER_OF, OFFICIAL_OF or MEMBER_OF relation of a party.
type heldRole struct {
	typ    relations.Type
	title  string
	target int
	former bool
	conf   float64
}

// addRole records a standing-role relation on its source party.
func addRole(ps []party, typ relations.Type, src, dst int, title string, former bool, conf float64) {
	switch typ {
	case relations.LeaderOf, relations.OfficialOf, relations.MemberOf:
	default:
		return
	}
	if src < 0 || src >= len(ps) || dst < 0 || dst >= len(ps) || src == dst {
		return
	}
	ps[src].roles = append(ps[src].roles, heldRole{typ, title, dst, former, conf})
}

// actor codes party i of ps.
func (c *Coder) actor(ps []party, i int) Actor {
	p := ps[i]
	a := Actor{Name: p.name, Type: p.typ}
	switch p.typ {
	case entities.Person:
		c.personCode(ps, p, &a)
	case entities.Org:
		c.orgCode(p, &a)
	case entities.GPE, entities.Loc, entities.NORP:
		a.Country = c.alpha3(p.country)
	}
	if a.Code == "" {
		a.Code = a.Country + a.Role
	}
	return a
}

// alpha3 returns the alpha-3 code of an alpha-2 code, or "".
func (c *Coder) alpha3(code string) string {
	if code == "" {
		return ""
	}
	if ct := c.gz.Country(code); ct != nil {
		return ct.Alpha3
	}
	return ""
}

// orgCode codes an organisation: from the group table when it is an
// international body or a known group, else its country and the role its
// name or gazetteer kind gives.
func (c *Coder) orgCode(p party, a *Actor) {
	names := append([]string{p.name}, p.aliases...)
	var entry *entities.Entry
	for _, n := range names {
		for _, e := range c.gz.Lookup(n) {
			if e.Type == entities.Org {
				entry = &e
				break
			}
		}
		if entry != nil {
			break
		}
	}
	if entry != nil {
		names = append([]string{entry.Name}, names...)
	}
	for _, n := range names {
		if g, ok := c.t.groups[strings.ToLower(n)]; ok {
			a.Group = g.group
			if g.code != "" {
				a.Code = g.code
				a.Role = groupRole(g.code)
				return
			}
			break
		}
	}
	a.Country = c.alpha3(p.country)
	kind := ""
	if entry != nil {
		kind = entry.Kind
		if entry.Country != "" {
			a.Country = c.alpha3(entry.Country)
		}
	}
	a.Role = c.orgRole(names, kind)
	if a.Role == "" && kind == "intl" {
		a.Code, a.Role, a.Country = "IGO", "IGO", ""
	}
}

// groupRole returns the role part of an international body's code.
func groupRole(code string) string {
	if len(code) >= 3 {
		return code[:3]
	}
	return code
}

// orgRole returns the role of an organisation with the given names and
// gazetteer kind, from the roles table.
func (c *Coder) orgRole(names []string, kind string) string {
	for _, r := range c.t.roles {
		if r.scope == "name" && slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, r.pattern[0]) }) {
			return r.role
		}
	}
	if kind != "armed" {
		for _, n := range names {
			ws := words(n)
			for _, r := range c.t.roles {
				if r.scope == "word" && findCue(ws, [][]string{r.pattern}) != "" {
					return r.role
				}
			}
		}
	}
	for _, r := range c.t.roles {
		if r.scope == "kind" && r.pattern[0] == kind {
			return r.role
		}
	}
	return ""
}

// titleRole returns the role a title gives; with state set, the default
// ("*") row applies when no other does.
func (c *Coder) titleRole(title string, state bool) string {
	ws := words(title)
	for _, r := range c.t.roles {
		if r.scope != "title" {
			continue
		}
		if r.pattern[0] == "*" {
			if state {
				return r.role
			}
			continue
		}
		if findCue(ws, [][]string{r.pattern}) != "" {
			return r.role
		}
	}
	return ""
}

// personCode codes a person from the roles the text gives them that still
// hold (a former role does not count): the office's country and the role
// its title or body gives. A person with no current role gets the country
// code alone.
func (c *Coder) personCode(ps []party, p party, a *Actor) {
	a.Country = c.alpha3(p.country)
	var held, past []heldRole
	for _, r := range p.roles {
		if r.former {
			past = append(past, r)
		} else {
			held = append(held, r)
		}
	}
	if len(held) == 0 {
		c.formerCode(ps, past, a)
		return
	}
	rank := func(t relations.Type) int {
		if t == relations.MemberOf {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(held, func(x, y heldRole) int {
		if c := cmp.Compare(rank(x.typ), rank(y.typ)); c != 0 {
			return c
		}
		return cmp.Compare(y.conf, x.conf)
	})
	// The first office that gives a role wins; an office without one (a
	// party's leader) gives the country only when no other office does.
	var fallback *Actor
	for _, r := range held {
		x, ok := c.officeCode(ps, r)
		if !ok {
			continue
		}
		if x.Country == "" && x.Code == "" {
			x.Country = a.Country
		}
		if x.Role != "" || x.Code != "" {
			a.Code, a.Country, a.Role, a.Group = x.Code, x.Country, x.Role, x.Group
			return
		}
		if fallback == nil {
			fallback = &x
		}
	}
	if fallback != nil {
		a.Country, a.Group = fallback.Country, fallback.Group
	}
}

// officeCode codes a person by one office r: an international body's
// officials are coded as the body; otherwise the office's country and the
// role its title gives, or its body's role. ok is false when the office
// says nothing (membership of a body without a role, of a state).
func (c *Coder) officeCode(ps []party, r heldRole) (x Actor, ok bool) {
	t := ps[r.target]
	switch t.typ {
	case entities.Org:
		var o Actor
		c.orgCode(t, &o)
		if o.Country == "" && o.Code != "" {
			if r.typ == relations.MemberOf {
				return x, false
			}
			return Actor{Code: o.Code, Role: o.Role, Group: o.Group}, true
		}
		role := c.titleRole(r.title, false)
		if role == "" {
			role = o.Role
		}
		if role == "" && r.typ == relations.MemberOf {
			return x, false
		}
		return Actor{Country: o.Country, Role: role, Group: o.Group}, true
	case entities.GPE:
		if r.typ == relations.MemberOf {
			return x, false
		}
		return Actor{Country: c.alpha3(t.country), Role: c.titleRole(r.title, true)}, true
	}
	return x, false
}

// formerCode codes a person whose only offices are past ones: the
// country of the first past office in a state or a national body, and the
// roles table's former role; a person with no office keeps the country
// alone.
func (c *Coder) formerCode(ps []party, past []heldRole, a *Actor) {
	for _, r := range past {
		if r.typ == relations.MemberOf {
			continue
		}
		t := ps[r.target]
		cc := c.alpha3(t.country)
		if t.typ == entities.Org {
			var o Actor
			c.orgCode(t, &o)
			cc = o.Country
		}
		if cc == "" && a.Country == "" {
			continue
		}
		if cc != "" {
			a.Country = cc
		}
		for _, x := range c.t.roles {
			if x.scope == "former" {
				a.Role = x.role
				break
			}
		}
		return
	}
}
