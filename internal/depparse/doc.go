// Package depparse is a greedy transition-based dependency parser for
// Universal Dependencies v2: arc-hybrid transitions (SHIFT, LEFT, RIGHT)
// with the root token at the end of the buffer, trained with a dynamic
// oracle (Goldberg & Nivre 2012, 2013) and averaged perceptrons over hashed
// Zhang & Nivre (2011) features: words, POS tags, word clusters, distance,
// valency and the label sets of stack and buffer items.
//
// The transition and the relation label are chosen by two classifiers: the
// first picks SHIFT, LEFT or RIGHT from the configuration; the second, run
// only when an arc is made, picks the label of that arc from features of the
// head, the finished dependent and its children. Non-projective training
// trees are made projective by lifting (the label is kept); the parser
// outputs projective trees.
//
// The package owns the parser and its weights, not tokenisation or POS
// tagging: Parse takes words and their UPOS and XPOS tags. Words are indexed
// as in CoNLL-U: heads are 0 for the root and 1..n for words.
//
// A *Model is immutable after Load or Train and safe for concurrent use by
// any number of goroutines; each Parse call takes its scratch memory from a
// sync.Pool.
package depparse
