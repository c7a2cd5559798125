// Package entities finds the people, places and organisations in English
// news text and groups their mentions into entities.
//
// A Model runs the stages in order: sentences and tokens with
// part-of-speech tags (prose's tokenizer and prose's tagging weights, run
// by one adapter that keeps byte offsets, loads the weights once and tags
// several times faster than prose itself), a trained sequence tagger for
// CoNLL's four types (NERTagger), embedded gazetteers that type and
// correct its spans (countries, cities, places, organisations, demonyms,
// titles), and resolution of mentions into one Entity per referent
// ("Russian President Vladimir Putin" and "Putin" are one PERSON named
// "Vladimir Putin"; "Moscow" is a GPE with country RU).
//
// The package owns Document, Token, Sentence, Mention and Entity; it does
// not find relations (package relations does). Offsets are byte offsets
// into Document.Text, end exclusive: Text[m.Start:m.End] is a mention's
// text.
//
// A *Model, a *Gazetteer and a *NERTagger are safe for concurrent use and
// are meant to be loaded once and shared; a *Document belongs to the
// caller that asked for it. Input that is not valid UTF-8, holds binary
// control bytes, or is larger than the model's limit is refused with
// ErrInvalidUTF8, ErrBinary or ErrTooLarge; markup is read as white space.
package entities
