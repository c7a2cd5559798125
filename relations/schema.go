package relations

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/entities"
)

// Type is a relation type of the schema (../shared/spec/schema.md).
type Type uint8

// The relation types, in the schema's order. Invalid is the zero value.
const (
	Invalid Type = iota
	LeaderOf
	OfficialOf
	MemberOf
	BasedIn
	LocatedIn
	Visit
	Host
	Meet
	Negotiate
	Agree
	Cooperate
	Praise
	ProvideAid
	GrantAsylum
	AllyOf
	MilitaryPresenceIn
	DependsOn
	Criticize
	Accuse
	Threaten
	Sanction
	Fight
	Interview
	numTypes
)

// Polarity says whether a relation is cooperative, conflictual or neutral.
type Polarity int8

// The polarities.
const (
	Neutral     Polarity = 0
	Cooperative Polarity = 1
	Conflictual Polarity = -1
)

// String returns "cooperative", "conflictual" or "neutral".
func (p Polarity) String() string {
	switch p {
	case Cooperative:
		return "cooperative"
	case Conflictual:
		return "conflictual"
	}
	return "neutral"
}

// MarshalText implements encoding.TextMarshaler.
func (p Polarity) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Spec is one row of the schema table: a relation type, the entity types
// its arguments may have, whether it is symmetric, its polarity and its
// nearest CAMEO code.
type Spec struct {
	Type      Type
	Name      string
	Sources   []entities.Type
	Targets   []entities.Type
	Symmetric bool
	Polarity  Polarity
	CAMEO     string
}

var (
	per   = entities.Person
	org   = entities.Org
	gpe   = entities.GPE
	loc   = entities.Loc
	anyT  = []entities.Type{entities.Person, entities.Org, entities.GPE, entities.Loc, entities.NORP, entities.Misc}
	actor = []entities.Type{per, org, gpe}
)

// schema is the table of ../shared/spec/schema.md, one row per type.
var schema = [numTypes]Spec{
	LeaderOf:           {LeaderOf, "LEADER_OF", []entities.Type{per}, []entities.Type{gpe, org}, false, Neutral, ""},
	OfficialOf:         {OfficialOf, "OFFICIAL_OF", []entities.Type{per}, []entities.Type{gpe, org}, false, Neutral, ""},
	MemberOf:           {MemberOf, "MEMBER_OF", []entities.Type{per, org}, []entities.Type{org}, false, Neutral, ""},
	BasedIn:            {BasedIn, "BASED_IN", []entities.Type{org}, []entities.Type{gpe}, false, Neutral, ""},
	LocatedIn:          {LocatedIn, "LOCATED_IN", []entities.Type{gpe, loc}, []entities.Type{gpe, loc}, false, Neutral, ""},
	Visit:              {Visit, "VISIT", actor, []entities.Type{gpe, loc, org}, false, Cooperative, "042"},
	Host:               {Host, "HOST", actor, actor, false, Cooperative, "043"},
	Meet:               {Meet, "MEET", actor, actor, true, Cooperative, "040"},
	Negotiate:          {Negotiate, "NEGOTIATE", actor, actor, true, Cooperative, "046"},
	Agree:              {Agree, "AGREE", actor, actor, true, Cooperative, "057"},
	Cooperate:          {Cooperate, "COOPERATE", actor, actor, true, Cooperative, "05"},
	Praise:             {Praise, "PRAISE", actor, anyT, false, Cooperative, "051"},
	ProvideAid:         {ProvideAid, "PROVIDE_AID", actor, actor, false, Cooperative, "07"},
	GrantAsylum:        {GrantAsylum, "GRANT_ASYLUM", []entities.Type{gpe, org}, []entities.Type{per}, false, Cooperative, "075"},
	AllyOf:             {AllyOf, "ALLY_OF", actor, actor, true, Cooperative, ""},
	MilitaryPresenceIn: {MilitaryPresenceIn, "MILITARY_PRESENCE_IN", []entities.Type{gpe, org}, []entities.Type{gpe, loc}, false, Neutral, ""},
	DependsOn:          {DependsOn, "DEPENDS_ON", []entities.Type{gpe, org}, []entities.Type{gpe, org}, false, Neutral, ""},
	Criticize:          {Criticize, "CRITICIZE", anyT, anyT, false, Conflictual, "111"},
	Accuse:             {Accuse, "ACCUSE", anyT, anyT, false, Conflictual, "112"},
	Threaten:           {Threaten, "THREATEN", anyT, anyT, false, Conflictual, "13"},
	Sanction:           {Sanction, "SANCTION", anyT, anyT, false, Conflictual, "16"},
	Fight:              {Fight, "FIGHT", anyT, anyT, false, Conflictual, "18"},
	Interview:          {Interview, "INTERVIEW", []entities.Type{org, per}, []entities.Type{per}, false, Neutral, ""},
}

// Types returns every relation type in the schema's order.
func Types() []Type {
	ts := make([]Type, 0, numTypes-1)
	for t := LeaderOf; t < numTypes; t++ {
		ts = append(ts, t)
	}
	return ts
}

// Spec returns the schema row of t; ok is false for an invalid type.
func (t Type) Spec() (s Spec, ok bool) {
	if t == Invalid || t >= numTypes {
		return Spec{}, false
	}
	return schema[t], true
}

// String returns the schema's spelling of t ("LEADER_OF", "MEET", ...).
func (t Type) String() string {
	if s, ok := t.Spec(); ok {
		return s.Name
	}
	return fmt.Sprintf("Type(%d)", uint8(t))
}

// Symmetric reports whether t is undirected (MEET, NEGOTIATE, AGREE,
// COOPERATE, ALLY_OF).
func (t Type) Symmetric() bool { s, _ := t.Spec(); return s.Symmetric }

// Polarity returns the polarity of t.
func (t Type) Polarity() Polarity { s, _ := t.Spec(); return s.Polarity }

// CAMEO returns the nearest CAMEO code of t, or "".
func (t Type) CAMEO() string { s, _ := t.Spec(); return s.CAMEO }

// Allows reports whether the schema allows a relation of type t from an
// entity of type src to one of type dst.
func (t Type) Allows(src, dst entities.Type) bool {
	s, ok := t.Spec()
	return ok && has(s.Sources, src) && has(s.Targets, dst)
}

func has(ts []entities.Type, t entities.Type) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// MarshalText implements encoding.TextMarshaler.
func (t Type) MarshalText() ([]byte, error) {
	if _, ok := t.Spec(); !ok {
		return nil, fmt.Errorf("relations: cannot marshal relation type %d", uint8(t))
	}
	return []byte(t.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; see ParseType.
func (t *Type) UnmarshalText(b []byte) error {
	v, err := ParseType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// ParseType reads a relation type as the schema spells it, in any case.
func ParseType(s string) (Type, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	for t := LeaderOf; t < numTypes; t++ {
		if schema[t].Name == u {
			return t, nil
		}
	}
	return Invalid, fmt.Errorf("relations: unknown relation type %q", s)
}
