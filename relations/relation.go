package relations

import (
	"context"

	"github.com/newsgraph/newsgraph/entities"
)

// Modality says how the text presents a relation.
type Modality uint8

// The modalities of the schema.
const (
	Asserted Modality = iota // it happened or holds
	Intended                 // plans, hopes, intentions
	Reported                 // attributed claims ("reports suggest")
	Negated                  // "did not meet", "denied sending"
)

var modalityNames = [...]string{"asserted", "intended", "reported", "negated"}

// String returns the schema's spelling: "asserted", "intended", "reported" or "negated".
func (m Modality) String() string {
	if int(m) < len(modalityNames) {
		return modalityNames[m]
	}
	return "asserted"
}

// MarshalText implements encoding.TextMarshaler.
func (m Modality) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// Evidence is a byte range of a document's text that states a relation.
type Evidence struct {
	Start, End int
	Text       string
}

// Relation is one edge found in one document: a typed link from the entity
// Source to the entity Target (indices into Document.Entities), with its
// attributes and the sentences that state it.
type Relation struct {
	Type       Type
	Source     int
	Target     int
	Title      string // LEADER_OF and OFFICIAL_OF: "President", "Foreign Minister"
	Former     bool   // the role or alliance no longer holds
	Modality   Modality
	Confidence float64
	When       string // time expression as written ("on Wednesday")
	Date       string // When as a date ("2025-10-15", "2025-07", "2025") where the article's date places it
	Evidence   []Evidence
}

// Extractor finds relations in a document whose entities are resolved.
type Extractor interface {
	Extract(doc *entities.Document) ([]Relation, error)
}

// ContextExtractor is an Extractor that can stop early: ExtractContext
// returns ctx's error when ctx is done before it finishes. A pipeline
// calls it instead of Extract when an extractor has it (RuleExtractor
// does), so that cancelling stops a long document within a sentence.
type ContextExtractor interface {
	Extractor
	ExtractContext(ctx context.Context, doc *entities.Document) ([]Relation, error)
}
