package syntax

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/entities"
)

// Tagger assigns parts of speech and lemmas to the words of one sentence.
// Implementations must be safe for concurrent use.
type Tagger interface {
	// Tag returns the UPOS and Penn XPOS tag of each word.
	Tag(words []string) (upos, xpos []string)
	// Lemma returns the dictionary form of a word with the given tags.
	Lemma(word, upos, xpos string) string
}

// Engine builds the dependency tree of one tagged sentence. Heads are
// numbered as in CoNLL-U: heads[i] is the head of words[i] as 1..n, or 0
// for the root. Implementations must be safe for concurrent use and must
// return a tree (one root, no cycles) for any input.
type Engine interface {
	Parse(words, upos, xpos []string) (heads []int, labels []string)
}

// Parser tags and parses sentences. Build it once (DefaultParser or New)
// and share it.
type Parser struct {
	tagger Tagger
	engine Engine
}

// New returns a Parser over the given tagger and dependency engine.
func New(t Tagger, e Engine) (*Parser, error) {
	if t == nil || e == nil {
		return nil, errors.New("syntax: New needs a tagger and an engine")
	}
	return &Parser{tagger: t, engine: e}, nil
}

// Word is the analysis of one word of a sentence parsed with ParseWords.
// Head is 1-based as in CoNLL-U, 0 for the root.
type Word struct {
	UPOS, XPOS, Lemma string
	Head              int
	Dep               string
}

// ParseWords tags and parses one sentence given as words, keeping the
// caller's tokenisation (for CoNLL-U input). An empty sentence gives nil.
func (p *Parser) ParseWords(words []string) []Word {
	if len(words) == 0 {
		return nil
	}
	words = cleanWords(words)
	upos, xpos := p.tagger.Tag(words)
	heads, labels := p.engine.Parse(words, upos, xpos)
	heads, labels = repair(heads, labels, len(words))
	out := make([]Word, len(words))
	for i, w := range words {
		out[i] = Word{UPOS: upos[i], XPOS: xpos[i], Lemma: p.tagger.Lemma(w, upos[i], xpos[i]),
			Head: heads[i], Dep: labels[i]}
	}
	return out
}

// Parse fills the POS, Lemma, Head and Dep of every token of doc, one
// sentence at a time. Tokens outside any sentence are left as they are.
// It returns ctx's error, leaving the document partly parsed, when ctx is
// done before the last sentence; ctx is checked before each sentence.
//
// A person's name of several tokens that the document already holds as a
// mention ("Vladimir Putin") is parsed as one word, its last token, so
// the parser sees one proper noun where the treebank style puts one
// subtree; its other tokens then attach to its first token as "flat",
// the UD convention for names.
func (p *Parser) Parse(ctx context.Context, doc *entities.Document) error {
	if doc == nil {
		return errors.New("syntax: nil document")
	}
	var (
		words  []string
		starts []int // first token of each word
		ends   []int // one past the last token of each word
	)
	mi := 0 // next mention to consider
	for si, s := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		if s.First < 0 || s.Last > len(doc.Tokens) || s.First > s.Last {
			return fmt.Errorf("syntax: sentence %d has token range [%d,%d) outside %d tokens", si, s.First, s.Last, len(doc.Tokens))
		}
		if s.First == s.Last {
			continue
		}
		words, starts, ends = words[:0], starts[:0], ends[:0]
		for i := s.First; i < s.Last; {
			end := i + 1
			for mi < len(doc.Mentions) && doc.Mentions[mi].First < i {
				mi++
			}
			if mi < len(doc.Mentions) {
				if m := doc.Mentions[mi]; m.First == i && m.Type == entities.Person && m.Last-m.First > 1 && m.Last <= s.Last {
					end = m.Last
				}
			}
			words = append(words, doc.TokenText(end-1))
			starts, ends = append(starts, i), append(ends, end)
			i = end
		}
		for k, w := range p.ParseWords(words) {
			first := starts[k]
			t := &doc.Tokens[first]
			t.POS, t.Lemma, t.Dep = w.UPOS, w.Lemma, w.Dep
			t.Head = -1
			if w.Head > 0 {
				t.Head = starts[w.Head-1]
			}
			for j := first + 1; j < ends[k]; j++ {
				u := &doc.Tokens[j]
				u.POS, u.Lemma, u.Dep, u.Head = w.UPOS, doc.TokenText(j), "flat", first
			}
		}
	}
	return nil
}

// cleanWords returns words with white space inside a word replaced by
// '_' (a token never holds any in the pipeline, but a caller's CoNLL-U
// form may), copying only when needed.
func cleanWords(words []string) []string {
	out := words
	for i, w := range words {
		if strings.ContainsAny(w, " \t\n\r") {
			if &out[0] == &words[0] {
				out = append([]string(nil), words...)
			}
			out[i] = strings.Map(func(r rune) rune {
				if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
					return '_'
				}
				return r
			}, w)
		}
	}
	return out
}

// repair makes sure heads and labels describe a tree over n words with
// exactly one root, whatever an engine returned: missing or out-of-range
// heads attach to the root, extra roots and cycles are broken by
// attaching to the first root. Engines are expected to return trees; this
// only guards the invariant the rest of the library relies on.
func repair(heads []int, labels []string, n int) ([]int, []string) {
	if n == 0 {
		return nil, nil
	}
	if len(heads) != n {
		heads = append(heads[:0:0], heads...)
		heads = append(heads, make([]int, max(0, n-len(heads)))...)[:n]
	}
	if len(labels) != n {
		labels = append(labels[:0:0], labels...)
		labels = append(labels, make([]string, max(0, n-len(labels)))...)[:n]
	}
	root := -1
	for i, h := range heads {
		if h < 0 || h > n || h == i+1 {
			heads[i] = 0
		}
		if heads[i] == 0 {
			if root < 0 {
				root = i
			} else {
				heads[i] = root + 1
				if labels[i] == "root" {
					labels[i] = "parataxis"
				}
			}
		}
	}
	if root < 0 { // all in cycles: make the first word the root
		root = 0
		heads[0] = 0
	}
	labels[root] = "root"
	// Break cycles: follow heads from each word; a walk longer than n
	// steps, or one that returns to a word on its own path, is a cycle.
	state := make([]uint8, n) // 0 unseen, 1 on the current path, 2 reaches the root
	state[root] = 2
	for i := range heads {
		j := i
		for state[j] == 0 {
			state[j] = 1
			j = heads[j] - 1
		}
		if state[j] == 1 { // cycle through j: cut it there
			heads[j] = root + 1
			if labels[j] == "root" || labels[j] == "" {
				labels[j] = "dep"
			}
		}
		for j = i; state[j] == 1; j = heads[j] - 1 {
			state[j] = 2
		}
	}
	for i, l := range labels {
		if l == "" {
			labels[i] = "dep"
		}
		if l == "root" && i != root {
			labels[i] = "dep"
		}
	}
	return heads, labels
}
