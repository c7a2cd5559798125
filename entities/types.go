package entities

import (
	"fmt"
	"strings"
)

// Type is an entity type of the schema (../shared/spec/schema.md).
type Type uint8

// The entity types. None is the zero value and never appears in output.
const (
	None   Type = iota
	Person      // people, by name
	Org         // organisations: institutions, ministries, parties, armed groups, media, international bodies
	GPE         // geo-political entities: countries, cities, states, provinces
	Loc         // other places: seas, mountains, regions without a government
	NORP        // nationalities, religious and political groups
	Misc        // other names: events, laws, works
)

var typeNames = [...]string{"", "PERSON", "ORG", "GPE", "LOC", "NORP", "MISC"}

// String returns the schema's spelling of t ("PERSON", "GPE", ...).
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return fmt.Sprintf("Type(%d)", uint8(t))
}

// MarshalText implements encoding.TextMarshaler with the schema's spelling.
func (t Type) MarshalText() ([]byte, error) {
	if t == None || int(t) >= len(typeNames) {
		return nil, fmt.Errorf("entities: cannot marshal entity type %d", uint8(t))
	}
	return []byte(typeNames[t]), nil
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

// ParseType reads a type name as the schema or CoNLL spell it
// ("PERSON" or "PER", "ORG", "GPE", "LOC", "NORP", "MISC"), in any case.
func ParseType(s string) (Type, error) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "PERSON", "PER":
		return Person, nil
	case "ORG", "ORGANIZATION":
		return Org, nil
	case "GPE":
		return GPE, nil
	case "LOC", "LOCATION":
		return Loc, nil
	case "NORP":
		return NORP, nil
	case "MISC":
		return Misc, nil
	}
	return None, fmt.Errorf("entities: unknown entity type %q", s)
}

// CoNLL returns t in CoNLL-2003's four-type scheme: PER, ORG, LOC (for GPE
// and LOC) or MISC (for NORP and MISC).
func (t Type) CoNLL() string {
	switch t {
	case Person:
		return "PER"
	case Org:
		return "ORG"
	case GPE, Loc:
		return "LOC"
	case NORP, Misc:
		return "MISC"
	}
	return ""
}

// IsPlace reports whether t is GPE or LOC.
func (t Type) IsPlace() bool { return t == GPE || t == Loc }
