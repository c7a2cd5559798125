package entities

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// Errors returned for input that cannot be processed.
var (
	// ErrInvalidUTF8 is returned for text that is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("entities: text is not valid UTF-8")
	// ErrTooLarge is returned for text longer than the configured limit.
	ErrTooLarge = errors.New("entities: text too large")
	// ErrBinary is returned for text that holds NUL or other control bytes
	// that do not occur in prose.
	ErrBinary = errors.New("entities: text looks binary")
)

// SpanError reports a span that does not fit its text.
type SpanError struct {
	Start, End, Len int
}

// Error describes the span and the text it does not fit.
func (e *SpanError) Error() string {
	return fmt.Sprintf("entities: span [%d,%d) outside %d-byte text or not on rune boundaries", e.Start, e.End, e.Len)
}

// Span is a byte range [Start, End) of a Document's Text.
type Span struct {
	Start, End int
}

// Token is one word or punctuation mark: its byte range and its Penn
// Treebank part-of-speech tag. The syntactic fields are filled by package
// syntax when the document is parsed; before that Dep is "" (see
// Document.Parsed).
type Token struct {
	Start, End int
	Tag        string
	// POS is the Universal Dependencies part of speech (UPOS: NOUN,
	// PROPN, VERB, ...).
	POS string
	// Lemma is the token's dictionary form ("visited" → "visit").
	Lemma string
	// Head is the index in Document.Tokens of the token's syntactic head,
	// always within the same sentence, or -1 for the sentence's root.
	Head int
	// Dep is the Universal Dependencies v2 relation to the head, with its
	// subtype ("nsubj", "obl:agent", "nmod:poss"); "root" for the root.
	Dep string
}

// Sentence is a byte range of the text and the range of its tokens,
// Tokens[First:Last].
type Sentence struct {
	Start, End  int
	First, Last int
}

// Mention is one occurrence of a name in the text: its byte range, its
// token range Tokens[First:Last], its type and the entity it refers to
// (an index into Document.Entities, or -1 before resolution).
type Mention struct {
	Start, End  int
	First, Last int
	Type        Type
	Entity      int
	// Country is the ISO 3166-1 alpha-2 code the mention itself carries
	// (Moscow → RU, "Russian" → RU), or "".
	Country string
	// Canonical is the gazetteer's name for the mention, when it matched
	// one ("United States" for "U.S."), or "". For a state's institution
	// it is a name composed to group the ways the text qualifies it
	// ("Iran's Foreign Ministry" for "Iranian Foreign Ministry"), which
	// groups mentions but does not name the entity.
	Canonical string

	composed bool // Canonical was composed, not found in the gazetteer
}

// Entity is one real-world referent within a document: all of its
// mentions, one canonical name (the longest proper name) and its aliases.
type Entity struct {
	ID       string
	Name     string
	Type     Type
	Aliases  []string
	Country  string
	Mentions []int // indices into Document.Mentions, in text order
	// Key, when not empty, is the name under which the entity is the
	// same as entities of other documents, where Name is as the text
	// writes it: "Iran's Foreign Ministry" for an entity named "Iranian
	// Foreign Ministry". A corpus graph merges entities by Key or Name.
	Key string
}

// Document is a text and everything found in it, located by byte offsets
// into Text (end exclusive). A Document is not safe for concurrent
// mutation; once built it may be read from many goroutines.
type Document struct {
	Text string
	// Date is the article's own date when known (given by the caller or
	// read from its dateline); relative dates in the text are read
	// against it. The zero time means unknown.
	Date      time.Time
	Tokens    []Token
	Sentences []Sentence
	Mentions  []Mention
	Entities  []Entity
}

// Parsed reports whether the document's tokens carry a dependency parse
// (package syntax fills it). An empty document counts as parsed.
func (d *Document) Parsed() bool { return len(d.Tokens) == 0 || d.Tokens[0].Dep != "" }

// TokenText returns the text of token i.
func (d *Document) TokenText(i int) string { return d.Text[d.Tokens[i].Start:d.Tokens[i].End] }

// MentionText returns the text of mention i.
func (d *Document) MentionText(i int) string {
	return d.Text[d.Mentions[i].Start:d.Mentions[i].End]
}

// SentenceOf returns the index of the sentence holding token i, or -1.
func (d *Document) SentenceOf(tok int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := d.Sentences[m]; {
		case tok < s.First:
			hi = m
		case tok >= s.Last:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// CheckSpan returns a *SpanError unless [start, end) lies within the text
// and both ends fall on rune boundaries.
func (d *Document) CheckSpan(start, end int) error {
	if start < 0 || end < start || end > len(d.Text) ||
		(start < len(d.Text) && !utf8.RuneStart(d.Text[start])) ||
		(end < len(d.Text) && !utf8.RuneStart(d.Text[end])) {
		return &SpanError{Start: start, End: end, Len: len(d.Text)}
	}
	return nil
}
