// Package syntax owns the grammar of a Document: for every sentence, the
// Universal Dependencies (v2) part of speech, lemma, head and relation
// label of each token, and a small tree API that relation rules read.
//
// A Parser runs two trained engines, a tagger (UPOS, Penn XPOS, lemma) and
// a greedy transition-based dependency parser, both averaged perceptrons
// trained on the UD English treebanks (see syntax/model/README.md for the
// data, its licences and how to rebuild the weights). DefaultParser loads
// the embedded weights once; a *Parser is immutable and safe for concurrent
// use by many goroutines.
//
// Parse writes its results into the Document's tokens (entities.Token's
// POS, Lemma, Head and Dep), keeping the tokenisation and the Penn tags
// the pipeline already has. Head is an index into Document.Tokens, always
// inside the token's own sentence, or -1 for the sentence root; every
// sentence gets exactly one root and no cycles, whatever its text. Byte
// offsets are those of the Document: a subtree's Span is a byte range of
// Document.Text, end exclusive.
//
// Tree is a read-only view of one sentence's tree: children by label,
// subtree spans, the path between two tokens and the clause a token
// belongs to. Relation labels keep their subtypes ("nsubj:pass",
// "obl:agent", "nmod:poss", "acl:relcl", "compound:prt"); where a method
// takes labels, a label without a subtype matches every subtype of it.
package syntax
