// Package udtag tags the words of a sentence with Universal Dependencies
// UPOS and Penn Treebank XPOS tags, and gives their lemmas.
//
// The tagger is a greedy left-to-right averaged perceptron over hashed
// features of a five-word window (forms, lower-case forms, prefixes and
// suffixes, shapes, word clusters at several granularities, flags,
// sentence position, the tag sets of an optional tag dictionary given at
// training time, see Lexicon) and of the two classes predicted before; a
// class is one (UPOS, XPOS) pair seen in training. Frequent unambiguous
// words are tagged from a word table without scoring; words seen once in
// training are read as unknown, in training and tagging alike. The
// lemmatizer applies suffix rules keyed by UPOS and XPOS, with a table of
// exceptions, both learnt from a treebank's LEMMA column.
//
// Words are strings; the package knows nothing of offsets. A *Model is
// immutable after Train or Load and safe for concurrent use: per-call
// scratch comes from a sync.Pool.
//
// It owns tagging and lemmas only; the dependency parser that reads the
// tags is internal/depparse, and package syntax embeds the weights.
package udtag
