package entities

import (
	"bytes"
	_ "embed"
	"errors"
	"io"
	"sync"

	"github.com/newsgraph/newsgraph/internal/nertag"
)

// nerModelBin is the trained model; see model/README.md for its provenance
// and the command that rebuilds it.
//
//go:embed model/ner.bin
var nerModelBin []byte

// NERTagger is a trained sequence tagger for CoNLL's PER, ORG, LOC, MISC. Safe for concurrent use.
//
// It is a two-stage averaged perceptron with Viterbi decoding over IOB2 tags:
// the first stage sees hashed lexical, shape, affix and word-cluster features
// of a five-token window; the second stage adds document-level features built
// from the first stage's labels for the other occurrences of each word.
type NERTagger struct {
	m *nertag.Model
}

// LoadNERTagger reads a model written by (*NERTagger).Write / the training command.
func LoadNERTagger(r io.Reader) (*NERTagger, error) {
	if r == nil {
		return nil, errors.New("entities: LoadNERTagger: nil reader")
	}
	m, err := nertag.Read(r)
	if err != nil {
		return nil, err
	}
	return &NERTagger{m: m}, nil
}

var nerDefault = sync.OnceValues(func() (*NERTagger, error) {
	return LoadNERTagger(bytes.NewReader(nerModelBin))
})

// DefaultNERTagger returns the embedded model, decoded once (sync.OnceValues over go:embed).
func DefaultNERTagger() (*NERTagger, error) { return nerDefault() }

// Tag labels one document given as sentences of tokens; it returns IOB2 tags ("B-PER", "I-ORG", "O"), one per token.
// Document-level features use all sentences together. It never panics on any input (empty, huge tokens, invalid UTF-8).
func (t *NERTagger) Tag(sents [][]string) [][]string {
	out := make([][]string, len(sents))
	if t == nil || t.m == nil {
		for i, s := range sents {
			out[i] = make([]string, len(s))
			for j := range out[i] {
				out[i][j] = "O"
			}
		}
		return out
	}
	tags := t.m.TagDoc(sents)
	for i, s := range tags {
		o := make([]string, len(s))
		for j, x := range s {
			o[j] = nertag.TagNames[x]
		}
		out[i] = o
	}
	return out
}

// Write serialises the model.
func (t *NERTagger) Write(w io.Writer) error {
	if t == nil || t.m == nil {
		return errors.New("entities: Write: nil NERTagger")
	}
	if err := t.m.Write(w); err != nil {
		return errors.Join(errors.New("entities: writing NER model"), err)
	}
	return nil
}
