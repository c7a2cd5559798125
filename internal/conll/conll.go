// Package conll reads and writes CoNLL-style column files: one token per line
// with whitespace-separated columns (token first, gold tag last), a blank line
// after each sentence, and "-DOCSTART-" lines between documents.
//
// The reader keeps every original line, so a writer can reproduce the input with
// one more column appended (a predicted tag, for instance). It accepts the
// 4-column CoNLL-2003 layout ("-DOCSTART- -X- O O") and 2-column layouts such
// as WikiGold's ("-DOCSTART- O"), LF or CRLF line ends, runs of blank lines, a
// missing final blank line and arbitrarily long lines up to MaxLineBytes.
package conll

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// DocStart is the first column of a line that starts a new document.
const DocStart = "-DOCSTART-"

// MaxLineBytes is the longest line the reader accepts; longer lines yield an error.
const MaxLineBytes = 1 << 22

// Line is one non-blank input line.
type Line struct {
	Num  int    // 1-based line number in the input
	Text string // the line without its line end (CR and LF removed)
}

// Fields returns the whitespace-separated columns of the line.
func (l Line) Fields() []string { return strings.Fields(l.Text) }

// Token returns the first column of the line.
func (l Line) Token() string {
	s := strings.TrimLeft(l.Text, " \t")
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return s[:i]
	}
	return s
}

// Tag returns the last column of the line (the gold tag in annotated files),
// or "" when the line has a single column.
func (l Line) Tag() string {
	f := l.Fields()
	if len(f) < 2 {
		return ""
	}
	return f[len(f)-1]
}

// Sentence is a run of token lines ended by a blank line, a -DOCSTART- line or
// the end of input.
type Sentence struct {
	Lines []Line
	Gap   int // number of blank lines that follow the sentence
}

// Tokens returns the first column of every line of the sentence.
func (s *Sentence) Tokens() []string {
	out := make([]string, len(s.Lines))
	for i, l := range s.Lines {
		out[i] = l.Token()
	}
	return out
}

// Tags returns the last column of every line of the sentence.
func (s *Sentence) Tags() []string {
	out := make([]string, len(s.Lines))
	for i, l := range s.Lines {
		out[i] = l.Tag()
	}
	return out
}

// Document is the text between two -DOCSTART- lines.
type Document struct {
	Start     *Line // the -DOCSTART- line that opened the document; nil for text before the first one
	Gap       int   // blank lines between Start (or the beginning of input) and the first sentence
	Sentences []Sentence
}

// Tokens returns the tokens of the document, sentence by sentence.
func (d *Document) Tokens() [][]string {
	out := make([][]string, len(d.Sentences))
	for i := range d.Sentences {
		out[i] = d.Sentences[i].Tokens()
	}
	return out
}

// Tags returns the last column of the document's lines, sentence by sentence.
func (d *Document) Tags() [][]string {
	out := make([][]string, len(d.Sentences))
	for i := range d.Sentences {
		out[i] = d.Sentences[i].Tags()
	}
	return out
}

// NumTokens returns the number of token lines in the document.
func (d *Document) NumTokens() int {
	n := 0
	for i := range d.Sentences {
		n += len(d.Sentences[i].Lines)
	}
	return n
}

// Error is a read error tied to an input line.
type Error struct {
	Line int // 1-based line number
	Err  error
}

// Error formats the error with its line number.
func (e *Error) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// ErrLineTooLong is returned (wrapped in an *Error) for a line longer than MaxLineBytes.
var ErrLineTooLong = errors.New("conll: line too long")

// Reader reads documents one at a time.
type Reader struct {
	// MaxTokens, when above zero, bounds the documents Next returns: a
	// document that reaches MaxTokens tokens is returned at the end of
	// the sentence that reaches it, or at 2×MaxTokens tokens inside a
	// sentence that long, and the rest of it follows from the next call
	// as a document without a -DOCSTART- line. Writing the parts in turn
	// writes the input, so memory stays bounded on any input.
	MaxTokens int

	r       *bufio.Reader
	num     int
	pending *Line // a -DOCSTART- line read ahead
	started bool
	done    bool
}

// NewReader returns a Reader reading from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 64<<10)}
}

// readLine returns the next line without its line end; io.EOF at end of input.
func (r *Reader) readLine() (string, error) {
	var buf []byte
	for {
		frag, err := r.r.ReadSlice('\n')
		if len(buf)+len(frag) > MaxLineBytes+2 {
			// Skip the rest of the line so the error is reported once.
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = r.r.ReadSlice('\n')
			}
			r.num++
			return "", &Error{Line: r.num, Err: ErrLineTooLong}
		}
		if err == nil || (err == io.EOF && (len(frag) > 0 || len(buf) > 0)) {
			r.num++
			var line []byte
			if buf == nil {
				line = frag
			} else {
				line = append(buf, frag...)
			}
			line = bytes.TrimSuffix(line, []byte("\n"))
			line = bytes.TrimSuffix(line, []byte("\r"))
			return string(line), nil
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			buf = append(buf, frag...)
			continue
		}
		return "", err
	}
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

func isDocStart(s string) bool {
	s = strings.TrimLeft(s, " \t")
	return strings.HasPrefix(s, DocStart) && (len(s) == len(DocStart) || s[len(DocStart)] == ' ' || s[len(DocStart)] == '\t')
}

// Next returns the next document, or io.EOF when the input is exhausted. A
// document without sentences is returned when a -DOCSTART- line is followed
// directly by another one. Text before the first -DOCSTART- line, if any, forms
// a document whose Start is nil.
func (r *Reader) Next() (*Document, error) {
	if r.done {
		return nil, io.EOF
	}
	doc := &Document{Start: r.pending}
	r.pending = nil
	hasContent := doc.Start != nil
	var cur *Sentence
	tokens := 0
	for {
		text, err := r.readLine()
		if err == io.EOF {
			r.done = true
			if !hasContent {
				return nil, io.EOF
			}
			return doc, nil
		}
		if err != nil {
			r.done = true
			return nil, err
		}
		switch {
		case isDocStart(text):
			l := Line{Num: r.num, Text: text}
			if hasContent {
				r.pending = &l
				return doc, nil
			}
			doc.Start = &l
			hasContent = true
			cur = nil
		case isBlank(text):
			if cur != nil {
				cur.Gap++
			} else if len(doc.Sentences) > 0 {
				doc.Sentences[len(doc.Sentences)-1].Gap++
			} else {
				doc.Gap++
				hasContent = true
			}
			cur = nil
			if r.MaxTokens > 0 && tokens >= r.MaxTokens {
				return doc, nil
			}
		default:
			hasContent = true
			if cur == nil || cur.Gap > 0 {
				doc.Sentences = append(doc.Sentences, Sentence{})
				cur = &doc.Sentences[len(doc.Sentences)-1]
			}
			cur.Lines = append(cur.Lines, Line{Num: r.num, Text: text})
			tokens++
			if r.MaxTokens > 0 && tokens >= 2*r.MaxTokens {
				return doc, nil
			}
		}
		if cur != nil && cur.Gap > 0 {
			cur = nil
		}
	}
}

// ReadAll reads every document of r.
func ReadAll(r io.Reader) ([]*Document, error) {
	rd := NewReader(r)
	var docs []*Document
	for {
		d, err := rd.Next()
		if err == io.EOF {
			return docs, nil
		}
		if err != nil {
			return docs, err
		}
		docs = append(docs, d)
	}
}

// WriteDocument writes d as it was read, with one more column on each token
// line: extra[s][t] for token t of sentence s (a missing entry is written as
// "O"). When startCol is not empty it is appended to the -DOCSTART- line too.
// Blank lines are written as empty lines and line ends as LF.
func WriteDocument(w io.Writer, d *Document, extra [][]string, startCol string) error {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	if d.Start != nil {
		bw.WriteString(d.Start.Text)
		if startCol != "" {
			bw.WriteByte(' ')
			bw.WriteString(startCol)
		}
		bw.WriteByte('\n')
	}
	for i := 0; i < d.Gap; i++ {
		bw.WriteByte('\n')
	}
	for si := range d.Sentences {
		s := &d.Sentences[si]
		for ti, l := range s.Lines {
			col := "O"
			if si < len(extra) && ti < len(extra[si]) && extra[si][ti] != "" {
				col = extra[si][ti]
			}
			bw.WriteString(strings.TrimRight(l.Text, " \t"))
			bw.WriteByte(' ')
			bw.WriteString(col)
			bw.WriteByte('\n')
		}
		for i := 0; i < s.Gap; i++ {
			bw.WriteByte('\n')
		}
	}
	if !ok {
		return bw.Flush()
	}
	return nil
}
