// Package conllu reads and writes CoNLL-U, the Universal Dependencies file
// format: ten tab-separated columns per word (ID, FORM, LEMMA, UPOS, XPOS,
// FEATS, HEAD, DEPREL, DEPS, MISC), comment lines starting with '#', and a
// blank line after each sentence.
//
// The reader keeps every line of a sentence in order, so that a writer can
// fill some columns of the words (UPOS, XPOS, LEMMA, HEAD, DEPREL) and leave
// comments, multiword-token lines ("1-2") and empty nodes ("1.1") exactly as
// they were. It accepts LF or CRLF line ends, runs of blank lines and a
// missing final blank line.
package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// MaxLineBytes is the longest line the reader accepts.
const MaxLineBytes = 1 << 22

// Word is one syntactic word of a sentence (a line whose ID is an integer).
// Head is 0 for the root and -1 when the HEAD column is "_".
type Word struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int
	Deprel string
	Deps   string
	Misc   string
}

// SpaceAfter reports whether the word's MISC column does not say
// SpaceAfter=No.
func (w Word) SpaceAfter() bool {
	for _, f := range strings.Split(w.Misc, "|") {
		if f == "SpaceAfter=No" {
			return false
		}
	}
	return true
}

// Line is one input line of a sentence: a comment, a multiword-token or
// empty-node line (kept as text), or a word (Word >= 0 indexes
// Sentence.Words).
type Line struct {
	Num  int    // 1-based line number in the input
	Text string // the line as read, for comments and other non-word lines
	Word int    // index into Sentence.Words, or -1
}

// Sentence is the words of one sentence with the lines they were read from.
type Sentence struct {
	Lines []Line
	Words []Word
}

// Forms returns the word forms of the sentence.
func (s *Sentence) Forms() []string {
	out := make([]string, len(s.Words))
	for i, w := range s.Words {
		out[i] = w.Form
	}
	return out
}

// Comment returns the value of the first "# key = value" comment, or "".
func (s *Sentence) Comment(key string) string {
	for _, l := range s.Lines {
		if l.Word >= 0 || !strings.HasPrefix(l.Text, "#") {
			continue
		}
		k, v, ok := strings.Cut(strings.TrimSpace(l.Text[1:]), "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// Text returns the sentence text: the "# text =" comment when present,
// else the forms joined as their SpaceAfter marks say.
func (s *Sentence) Text() string {
	if t := s.Comment("text"); t != "" {
		return t
	}
	var b strings.Builder
	for i, w := range s.Words {
		b.WriteString(w.Form)
		if i+1 < len(s.Words) && w.SpaceAfter() {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// ParseError reports a malformed line.
type ParseError struct {
	Line int
	Msg  string
}

// Error says where the line is and what is wrong with it.
func (e *ParseError) Error() string { return fmt.Sprintf("conllu: line %d: %s", e.Line, e.Msg) }

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	line int
	err  error
}

// NewReader returns a Reader over r.
func NewReader(r io.Reader) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), MaxLineBytes)
	return &Reader{sc: sc}
}

// Next returns the next sentence, or io.EOF after the last one.
func (r *Reader) Next() (*Sentence, error) {
	if r.err != nil {
		return nil, r.err
	}
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		text := strings.TrimSuffix(r.sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			if s != nil {
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{}
		}
		if strings.HasPrefix(text, "#") {
			s.Lines = append(s.Lines, Line{Num: r.line, Text: text, Word: -1})
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 10 {
			r.err = &ParseError{Line: r.line, Msg: fmt.Sprintf("%d columns, want 10", len(cols))}
			return nil, r.err
		}
		if strings.ContainsAny(cols[0], "-.") {
			s.Lines = append(s.Lines, Line{Num: r.line, Text: text, Word: -1})
			continue
		}
		w, err := parseWord(cols)
		if err != nil {
			r.err = &ParseError{Line: r.line, Msg: err.Error()}
			return nil, r.err
		}
		if w.ID != len(s.Words)+1 {
			r.err = &ParseError{Line: r.line, Msg: fmt.Sprintf("word ID %d, want %d", w.ID, len(s.Words)+1)}
			return nil, r.err
		}
		s.Lines = append(s.Lines, Line{Num: r.line, Text: text, Word: len(s.Words)})
		s.Words = append(s.Words, w)
	}
	if err := r.sc.Err(); err != nil {
		r.err = fmt.Errorf("conllu: line %d: %w", r.line+1, err)
		return nil, r.err
	}
	r.err = io.EOF
	if s != nil {
		return s, nil
	}
	return nil, io.EOF
}

func parseWord(c []string) (Word, error) {
	id, err := strconv.Atoi(c[0])
	if err != nil || id < 1 {
		return Word{}, fmt.Errorf("bad word ID %q", c[0])
	}
	head := -1
	if c[6] != "_" {
		head, err = strconv.Atoi(c[6])
		if err != nil || head < 0 {
			return Word{}, fmt.Errorf("bad HEAD %q", c[6])
		}
	}
	return Word{ID: id, Form: c[1], Lemma: c[2], UPOS: c[3], XPOS: c[4], Feats: c[5],
		Head: head, Deprel: c[7], Deps: c[8], Misc: c[9]}, nil
}

// ReadAll reads every sentence of r. Sentences with no words (comments
// only) are kept, so that a writer reproduces them.
func ReadAll(r io.Reader) ([]*Sentence, error) {
	rd := NewReader(r)
	var out []*Sentence
	for {
		s, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// ReadFile reads every sentence of a CoNLL-U file; sentences without
// words are dropped.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	all, err := ReadAll(f)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, s := range all {
		if len(s.Words) > 0 {
			out = append(out, s)
		}
	}
	return out, nil
}

// Write writes a sentence in CoNLL-U with a blank line after it: comment
// and other non-word lines as read, words from s.Words.
func Write(w io.Writer, s *Sentence) error {
	bw := bufio.NewWriter(w)
	for _, l := range s.Lines {
		if l.Word < 0 {
			bw.WriteString(l.Text)
		} else {
			writeWord(bw, s.Words[l.Word])
		}
		bw.WriteByte('\n')
	}
	if len(s.Lines) == 0 {
		for _, wd := range s.Words {
			writeWord(bw, wd)
			bw.WriteByte('\n')
		}
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

func writeWord(bw *bufio.Writer, w Word) {
	head := "_"
	if w.Head >= 0 {
		head = strconv.Itoa(w.Head)
	}
	cols := [10]string{strconv.Itoa(w.ID), w.Form, w.Lemma, w.UPOS, w.XPOS, w.Feats, head, w.Deprel, w.Deps, w.Misc}
	for i, c := range cols {
		if i > 0 {
			bw.WriteByte('\t')
		}
		if c == "" {
			c = "_"
		}
		bw.WriteString(c)
	}
}
