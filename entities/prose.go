package entities

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// proseAdapter is the one place the project talks to prose. It fixes the
// three ways prose v2 falls short of what a Document needs:
//
//   - prose keeps no offsets (and rewrites curly quotes before splitting):
//     the adapter realigns every token to the source by scanning forward;
//   - prose shares one *Token between repeats of a whitespace-delimited
//     chunk, so every occurrence reports the tag of the last one, and its
//     tagger spends most of the pipeline's time in maps: the adapter takes
//     only prose's tokens and tags them with posTagger, which runs prose's
//     own weights faster and gives each token its own tag;
//   - prose reloads its models on every NewDocument unless given one: the
//     adapter loads the tagger's weights once.
//
// Sentences come from the Punkt tokenizer prose itself uses
// (gopkg.in/neurosnap/sentences.v1), which keeps byte offsets.
type proseAdapter struct {
	pos   *posTagger
	punkt *sentences.DefaultSentenceTokenizer
}

func newProseAdapter() (a *proseAdapter, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("entities: loading prose models: %v", r)
		}
	}()
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil, fmt.Errorf("entities: loading sentence model: %w", err)
	}
	training, err := sentences.LoadTraining(b)
	if err != nil {
		return nil, fmt.Errorf("entities: loading sentence model: %w", err)
	}
	// Abbreviated titles and ranks that news puts before names; Punkt's
	// English data lacks some, and would end a sentence at "Capt.".
	for _, a := range titleAbbrevs {
		training.AbbrevTypes.Add(a)
	}
	punkt, err := english.NewSentenceTokenizer(training)
	if err != nil {
		return nil, fmt.Errorf("entities: loading sentence model: %w", err)
	}
	pos, err := loadPOSTagger()
	if err != nil {
		return nil, err
	}
	return &proseAdapter{pos: pos, punkt: punkt}, nil
}

// sentences splits text into sentence spans. Blocks separated by line
// breaks that end a line with no continuation (headlines, bylines, list
// items) are split first; Punkt splits inside each block.
func (a *proseAdapter) sentences(text string) []Span {
	out, _ := a.sentencesContext(context.Background(), text)
	return out
}

// sentencesContext is sentences that stops with ctx's error, checked
// before each block of text, when ctx is done.
func (a *proseAdapter) sentencesContext(ctx context.Context, text string) ([]Span, error) {
	var out []Span
	for _, b := range blocks(text) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, piece := range splitLong(text, b, maxBlockBytes) {
			for _, s := range a.punkt.Tokenize(text[piece.Start:piece.End]) {
				st, en := trimSpace(text, piece.Start+s.Start, piece.Start+s.End)
				if st < en {
					out = append(out, splitLong(text, Span{st, en}, maxSentenceBytes)...)
				}
			}
		}
	}
	return out, nil
}

// Limits that keep the work per sentence bounded on text without
// sentence ends (lists, tables, binary-like dumps): Punkt and prose are
// superlinear in the length of what they are given.
const (
	maxBlockBytes    = 16 << 10
	maxSentenceBytes = 1200
)

// splitLong cuts a span longer than limit bytes into pieces of at most
// limit bytes, at white space, preferring a break after ; : or , in the
// second half of each piece. Pieces never split a rune.
func splitLong(text string, sp Span, limit int) []Span {
	var out []Span
	for sp.End-sp.Start > limit {
		cut := -1
		for i := sp.Start + limit; i > sp.Start+limit/2; i-- {
			if i < len(text) && (text[i] == ' ' || text[i] == '\n') && strings.ContainsRune(";:,", rune(text[i-1])) {
				cut = i
				break
			}
		}
		for i := sp.Start + limit; cut < 0 && i > sp.Start; i-- {
			if text[i] == ' ' || text[i] == '\n' || text[i] == '\t' {
				cut = i
			}
		}
		if cut < 0 {
			// No white space at all: cut at a rune boundary.
			cut = sp.Start + limit
			for cut > sp.Start && !utf8.RuneStart(text[cut]) {
				cut--
			}
		}
		if st, en := trimSpace(text, sp.Start, cut); st < en {
			out = append(out, Span{st, en})
		}
		sp.Start = cut
		if st, _ := trimSpace(text, sp.Start, sp.End); st > sp.Start {
			sp.Start = st
		}
	}
	if st, en := trimSpace(text, sp.Start, sp.End); st < en {
		out = append(out, Span{st, en})
	}
	return out
}

// titleAbbrevs are lower-cased abbreviations, without their period, that
// do not end a sentence.
var titleAbbrevs = []string{
	"gen", "lt", "col", "capt", "cpt", "maj", "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "brig",
	"gov", "sen", "rep", "amb", "pres", "prof", "dr", "mr", "mrs", "ms", "rev", "fr", "sr", "jr",
	"st", "hon", "supt", "insp", "lt.-gen", "maj.-gen", "u.s", "u.n", "u.k", "e.u",
}

// blocks cuts text at blank lines and at line breaks after a line that
// looks complete (ends in sentence punctuation, or is short like a
// headline or byline). Hard-wrapped paragraphs stay whole.
func blocks(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		if s, e := trimSpace(text, start, end); s < e {
			out = append(out, Span{s, e})
		}
		start = end
	}
	lineStart := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		line := strings.TrimSpace(text[lineStart:i])
		next := nextLine(text, i+1)
		switch {
		case line == "" || next == "" || endsSentence(line):
			emit(i + 1)
		case continues(next):
			// a wrapped sentence goes on
		case utf8.RuneCountInString(line) < 60:
			emit(i + 1) // a headline, byline or list item
		}
		lineStart = i + 1
	}
	emit(len(text))
	return out
}

func nextLine(text string, from int) string {
	end := strings.IndexByte(text[from:], '\n')
	if end < 0 {
		return strings.TrimSpace(text[from:])
	}
	return strings.TrimSpace(text[from : from+end])
}

func endsSentence(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?:;\"”’)|", r)
}

// continues reports whether a line reads as the continuation of a wrapped
// sentence: it starts in lower case or with a digit.
func continues(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLower(r) || unicode.IsDigit(r)
}

func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// tag tokenizes and tags the sentence text[s.Start:s.End] and appends its
// tokens, with offsets into text, to dst.
func (a *proseAdapter) tag(dst []Token, text string, s Span) (_ []Token, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("entities: prose failed on sentence at byte %d: %v", s.Start, r)
		}
	}()
	sent := text[s.Start:s.End]
	toks, err := a.run(sent)
	if err != nil {
		return dst, err
	}
	for _, t := range toks {
		dst = append(dst, Token{Start: s.Start + t.Start, End: s.Start + t.End, Tag: t.Tag})
	}
	return dst, nil
}

// run tokenizes one sentence with prose, tags it and aligns its tokens to
// sent.
func (a *proseAdapter) run(sent string) ([]Token, error) {
	doc, err := prose.NewDocument(sent,
		prose.WithSegmentation(false), prose.WithExtraction(false), prose.WithTagging(false))
	if err != nil {
		return nil, fmt.Errorf("entities: prose: %w", err)
	}
	ptoks := doc.Tokens()
	words := make([]string, len(ptoks))
	for i, pt := range ptoks {
		words[i] = pt.Text
	}
	tags := a.pos.tag(words)
	out := make([]Token, 0, len(ptoks))
	pos := 0
	for i, w := range words {
		st, en, ok := align(sent, pos, w)
		if !ok {
			continue // prose invented or lost text here; keep what aligns
		}
		out = append(out, Token{Start: st, End: en, Tag: tags[i]})
		pos = en
	}
	return splitFinalPeriod(sent, out), nil
}

// splitFinalPeriod separates a sentence's final period from a short
// capitalised word that prose mistakes for an abbreviation ("the East
// China Sea." gives "Sea."), unless the word is a known one ("Jr.").
func splitFinalPeriod(sent string, toks []Token) []Token {
	n := len(toks)
	if n == 0 {
		return toks
	}
	last := toks[n-1]
	w := sent[last.Start:last.End]
	if len(w) < 3 || len(w) > 4 || w[len(w)-1] != '.' || strings.Count(w, ".") != 1 {
		return toks
	}
	stem := strings.ToLower(w[:len(w)-1])
	for _, a := range titleAbbrevs {
		if a == stem {
			return toks
		}
	}
	toks[n-1].End--
	toks[n-1].Tag = "NNP"
	return append(toks, Token{Start: last.End - 1, End: last.End, Tag: "."})
}

// maxSkip bounds how far align looks ahead for a token it cannot place at
// the cursor.
const maxSkip = 64

// align finds tok in src at or after pos, allowing for prose's rewriting of
// curly quotes and "&rsquo;" to straight quotes. It returns the byte range
// in src.
func align(src string, pos int, tok string) (int, int, bool) {
	if tok == "" {
		return 0, 0, false
	}
	for start := pos; start < len(src) && start <= pos+maxSkip; {
		if end, ok := matchAt(src, start, tok); ok {
			return start, end, true
		}
		_, n := utf8.DecodeRuneInString(src[start:])
		start += n
	}
	return 0, 0, false
}

// matchAt matches tok against src starting at i and returns the end offset.
func matchAt(src string, i int, tok string) (int, bool) {
	for _, c := range tok {
		if i >= len(src) {
			return 0, false
		}
		if c == '\'' && strings.HasPrefix(src[i:], "&rsquo;") {
			i += len("&rsquo;")
			continue
		}
		r, n := utf8.DecodeRuneInString(src[i:])
		if r != c && sanitizeRune(r) != c {
			return 0, false
		}
		i += n
	}
	return i, true
}

// sanitizeRune mirrors prose's quote rewriting.
func sanitizeRune(r rune) rune {
	switch r {
	case '\u201c', '\u201d':
		return '"'
	case '\u2018', '\u2019':
		return '\''
	}
	return r
}
