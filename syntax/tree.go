package syntax

import (
	"strings"

	"github.com/newsgraph/newsgraph/entities"
)

// Tree is the dependency tree of one sentence of a parsed Document, a
// read-only view of its tokens Doc.Tokens[First:Last]. Token arguments
// and results are indices into Doc.Tokens; -1 means none.
type Tree struct {
	Doc         *entities.Document
	First, Last int
}

// SentenceTree returns the tree of sentence s of doc.
func SentenceTree(doc *entities.Document, s int) Tree {
	if s < 0 || s >= len(doc.Sentences) {
		return Tree{Doc: doc}
	}
	return Tree{Doc: doc, First: doc.Sentences[s].First, Last: doc.Sentences[s].Last}
}

// TreeOf returns the tree of the sentence holding token tok.
func TreeOf(doc *entities.Document, tok int) Tree {
	return SentenceTree(doc, doc.SentenceOf(tok))
}

// Has reports whether tok is a token of the tree.
func (t Tree) Has(tok int) bool { return tok >= t.First && tok < t.Last }

// Root returns the root token, or -1 for an empty or unparsed tree.
func (t Tree) Root() int {
	for i := t.First; i < t.Last; i++ {
		if t.Doc.Tokens[i].Head < 0 && t.Doc.Tokens[i].Dep != "" {
			return i
		}
	}
	return -1
}

// Head returns the head of tok, or -1 for the root and for tokens outside
// the tree.
func (t Tree) Head(tok int) int {
	if !t.Has(tok) {
		return -1
	}
	h := t.Doc.Tokens[tok].Head
	if !t.Has(h) {
		return -1
	}
	return h
}

// Dep returns tok's relation label ("" outside the tree).
func (t Tree) Dep(tok int) string {
	if !t.Has(tok) {
		return ""
	}
	return t.Doc.Tokens[tok].Dep
}

// Base returns a relation label without its subtype: "nsubj" for
// "nsubj:pass".
func Base(label string) string {
	if i := strings.IndexByte(label, ':'); i >= 0 {
		return label[:i]
	}
	return label
}

// Is reports whether label is one of labels, where a label without a
// subtype matches all of its subtypes ("obl" matches "obl:agent", while
// "obl:agent" matches only itself).
func Is(label string, labels ...string) bool {
	for _, l := range labels {
		if label == l || (strings.IndexByte(l, ':') < 0 && Base(label) == l) {
			return true
		}
	}
	return false
}

// Children returns the dependents of tok in text order; with labels, only
// those whose relation Is one of them.
func (t Tree) Children(tok int, labels ...string) []int {
	if !t.Has(tok) {
		return nil
	}
	var out []int
	for i := t.First; i < t.Last; i++ {
		tk := &t.Doc.Tokens[i]
		if tk.Head == tok && i != tok && (len(labels) == 0 || Is(tk.Dep, labels...)) {
			out = append(out, i)
		}
	}
	return out
}

// Child returns the first dependent of tok whose relation Is one of
// labels, or -1.
func (t Tree) Child(tok int, labels ...string) int {
	if !t.Has(tok) {
		return -1
	}
	for i := t.First; i < t.Last; i++ {
		tk := &t.Doc.Tokens[i]
		if tk.Head == tok && i != tok && (len(labels) == 0 || Is(tk.Dep, labels...)) {
			return i
		}
	}
	return -1
}

// Dominates reports whether a is b or an ancestor of b.
func (t Tree) Dominates(a, b int) bool {
	if !t.Has(a) || !t.Has(b) {
		return false
	}
	for n := 0; b >= 0 && n <= t.Last-t.First; n++ {
		if b == a {
			return true
		}
		b = t.Head(b)
	}
	return false
}

// Subtree returns the token range [first, last) covered by tok and its
// descendants: the smallest range holding all of them (a non-projective
// tree may leave other tokens inside it).
func (t Tree) Subtree(tok int) (first, last int) {
	if !t.Has(tok) {
		return -1, -1
	}
	first, last = tok, tok+1
	for i := t.First; i < t.Last; i++ {
		if (i < first || i >= last) && t.Dominates(tok, i) {
			first, last = min(first, i), max(last, i+1)
		}
	}
	return first, last
}

// Span returns the byte range of tok's subtree in Doc.Text.
func (t Tree) Span(tok int) entities.Span {
	first, last := t.Subtree(tok)
	if first < 0 {
		return entities.Span{Start: -1, End: -1}
	}
	return entities.Span{Start: t.Doc.Tokens[first].Start, End: t.Doc.Tokens[last-1].End}
}

// Path returns the tokens on the tree path from a to b, both included:
// up from a to their lowest common ancestor, then down to b. It returns
// nil when either token is outside the tree.
func (t Tree) Path(a, b int) []int {
	if !t.Has(a) || !t.Has(b) {
		return nil
	}
	var up []int
	for x, n := a, 0; x >= 0 && n <= t.Last-t.First; x, n = t.Head(x), n+1 {
		up = append(up, x)
		if t.Dominates(x, b) {
			var down []int
			for y := b; y != x; y = t.Head(y) {
				down = append(down, y)
			}
			for i := len(down) - 1; i >= 0; i-- {
				up = append(up, down[i])
			}
			return up
		}
	}
	return nil
}

// clauseLabels are the relations that attach a clause to its governor.
var clauseLabels = []string{"root", "ccomp", "xcomp", "advcl", "acl", "csubj", "parataxis"}

// IsClauseHead reports whether tok heads a clause: the root, a clausal
// complement, adverbial or relative clause, a parataxis, or a conjunct of
// a clause head that is itself predicative (a verb, or a word with a
// subject, copula or auxiliary of its own).
func (t Tree) IsClauseHead(tok int) bool {
	if !t.Has(tok) {
		return false
	}
	dep := t.Doc.Tokens[tok].Dep
	if Is(dep, clauseLabels...) {
		return true
	}
	if Base(dep) != "conj" || !t.IsClauseHead(t.Head(tok)) {
		return false
	}
	return t.Doc.Tokens[tok].POS == "VERB" || t.Child(tok, "nsubj", "csubj", "cop", "aux") >= 0
}

// Clause returns the head of the smallest clause holding tok: tok itself
// when it heads one, else its nearest ancestor that does.
func (t Tree) Clause(tok int) int {
	for x, n := tok, 0; t.Has(x) && n <= t.Last-t.First; x, n = t.Head(x), n+1 {
		if t.IsClauseHead(x) {
			return x
		}
	}
	return -1
}
