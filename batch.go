package newsgraph

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/relations"
)

// Article is one news article to process: its text and what is known
// about it. Date is the zero time when unknown; when set, it is the date
// the article was published, which anchors relative time expressions
// ("on Wednesday") and dates the relations of a corpus graph
// (relations.Graph.AddDated).
type Article struct {
	ID    string
	Text  string
	URL   string
	Title string
	Date  time.Time
	Line  int // the input line, from 1, for an article ReadJSONL read; 0 otherwise
}

// Result is the outcome of processing one Article: its Document, or the
// error that kept it from being processed (Doc is then nil). Index is the
// article's position in the input, from 0.
type Result struct {
	Article
	Index int
	Doc   *Document
	Err   error

	cost int // units of textBudget the article holds until yielded
}

// Articles returns an input for ExtractAll that yields the given articles
// in order, with no errors.
func Articles(as []Article) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		for _, a := range as {
			if !yield(a, nil) {
				return
			}
		}
	}
}

// ExtractArticle extracts a's text, as ExtractDated does with a.Date (its
// dateline when a.Date is zero), so relative dates resolve against it. It
// is the unit of work of ExtractAll.
func (p *Pipeline) ExtractArticle(ctx context.Context, a Article) (*Document, error) {
	return p.ExtractDated(ctx, a.Text, a.Date)
}

// ExtractAll processes the articles of in with workers goroutines sharing
// p (all cores, runtime.GOMAXPROCS(0), when workers < 1) and yields one
// Result per item of in, in input order whatever the number of workers.
// An item that in yields with an error (a malformed JSON line, an
// unreadable file) becomes a Result with that error, so nothing is
// dropped.
//
// Memory is bounded: at most 4×workers articles, and at most
// TextInFlight bytes of their text, are read ahead of the result being
// yielded; an article larger than that is processed alone. Annotating an
// article takes about 40 times its size at its peak, so a run stays under
// 1 GB however many workers and however large the articles. When ctx is
// done, reading stops and the article each worker has in hand stops
// within about a sentence; the articles already handed to a worker are
// yielded with ctx's error (or their result, if done), and the sequence
// ends without waiting for the input; check ctx.Err() to tell a cut-short
// run. When the caller stops iterating early, the workers are stopped.
// The input is read from one goroutine; if it blocks (a pipe whose writer
// stays open), that goroutine ends when the read returns, but ExtractAll
// does not wait for it once ctx is done.
func (p *Pipeline) ExtractAll(ctx context.Context, in iter.Seq2[Article, error], workers int) iter.Seq[Result] {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	return func(yield func(Result) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		window := 4 * workers
		// slots bounds the articles between reading and yielding; done
		// can hold all of them, so workers never block on sending.
		slots := make(chan struct{}, window)
		// budget holds one token per textUnit bytes of text read and not
		// yet yielded; only the reading goroutine takes tokens.
		budget := make(chan struct{}, textBudgetUnits)
		jobs := make(chan Result)
		done := make(chan Result, window)

		go func() {
			defer close(jobs)
			i := 0
			for a, err := range in {
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
					return
				}
				cost := min(cap(budget), len(a.Text)/textUnit+1)
				for range cost {
					select {
					case budget <- struct{}{}:
					case <-ctx.Done():
						return
					}
				}
				select {
				case jobs <- Result{Article: a, Index: i, Err: err, cost: cost}:
				case <-ctx.Done():
					return
				}
				i++
			}
		}()
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for {
					// The reader may be blocked on its input (a pipe
					// whose writer stays open): when ctx is done, the
					// workers stop without waiting for it.
					var r Result
					var ok bool
					select {
					case r, ok = <-jobs:
						if !ok {
							return
						}
					case <-ctx.Done():
						return
					}
					if r.Err == nil {
						r.Doc, r.Err = p.ExtractArticle(ctx, r.Article)
					}
					done <- r
				}
			})
		}
		go func() {
			wg.Wait()
			close(done)
		}()

		pending := make(map[int]Result, window)
		next := 0
		for r := range done {
			pending[r.Index] = r
			for {
				r, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				if !yield(r) {
					return
				}
				<-slots
				for range r.cost {
					<-budget
				}
			}
		}
	}
}

// TextInFlight bounds the bytes of article text that ExtractAll holds at
// once, read and not yet yielded: 16 MiB, the largest article the default
// model annotates.
const TextInFlight = entities.DefaultMaxBytes

// textUnit is the grain in which ExtractAll counts text against
// TextInFlight.
const textUnit = 64 << 10

// textBudgetUnits is TextInFlight in textUnits; tests make it smaller.
var textBudgetUnits = TextInFlight / textUnit

// MaxJSONLLine is the longest line ReadJSONL accepts, in bytes: room for
// an article at the pipeline's default size limit, escaped as JSON.
const MaxJSONLLine = 64 << 20

// LineError is the error for one line of JSON lines input that is not a
// valid article.
type LineError struct {
	Line int // line number, from 1
	Err  error
}

// Error returns "newsgraph: line N: message".
func (e *LineError) Error() string { return fmt.Sprintf("newsgraph: line %d: %v", e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *LineError) Unwrap() error { return e.Err }

// ReadJSONL reads JSON lines from r, one article per line:
//
//	{"id": "a1", "text": "…", "date": "2026-11-20", "url": "…", "title": "…"}
//
// and yields them in order. "text" is required; "id" is a string or a
// number, and "line:N" when absent; "date" is RFC 3339 or YYYY-MM-DD (also
// YYYY-MM-DDThh:mm:ss, read as UTC); other members are ignored. Blank
// lines are skipped. A line that is not such an object (malformed JSON, no
// text, a bad date, longer than MaxJSONLLine) is yielded as an Article
// with the ID "line:N" (or its own ID when that could be read) and a
// *LineError, and reading goes on with the next line. An error reading r
// is yielded last, on its own.
func ReadJSONL(r io.Reader) iter.Seq2[Article, error] { return readJSONL(r, MaxJSONLLine) }

// readJSONL is ReadJSONL with lines of at most limit bytes.
func readJSONL(r io.Reader, limit int) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		br := bufio.NewReaderSize(r, 1<<20)
		var buf []byte
		for line := 1; ; line++ {
			b, tooLong, err := readLine(br, &buf, limit)
			if len(bytes.TrimSpace(b)) > 0 || tooLong {
				a, perr := parseJSONLine(b, line, tooLong, limit)
				if !yield(a, perr) {
					return
				}
			}
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(Article{}, fmt.Errorf("newsgraph: reading line %d: %w", line, err))
				return
			}
		}
	}
}

// readLine reads one line into *buf, without its line ending. A line
// longer than limit is read to its end but not kept, and reported with
// tooLong. err is io.EOF after the last line.
func readLine(br *bufio.Reader, buf *[]byte, limit int) (line []byte, tooLong bool, err error) {
	*buf = (*buf)[:0]
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(*buf)+len(chunk) > limit+2 { // +2 for "\r\n"
				tooLong = true
				*buf = (*buf)[:0]
			} else {
				*buf = append(*buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == nil:
			return bytes.TrimRight(*buf, "\r\n"), tooLong, nil
		case err == io.EOF && len(*buf) == 0 && !tooLong:
			return nil, false, io.EOF
		default:
			return bytes.TrimRight(*buf, "\r\n"), tooLong, err
		}
	}
}

// parseJSONLine turns one input line into an Article. The members are
// read one by one, so that the article keeps its own ID when another
// member is wrong, and messages name the member and what it holds in
// JSON's terms, not Go's.
func parseJSONLine(b []byte, line int, tooLong bool, limit int) (Article, error) {
	a := Article{ID: "line:" + strconv.Itoa(line), Line: line}
	fail := func(err error) (Article, error) { return a, &LineError{Line: line, Err: err} }
	if tooLong {
		return fail(fmt.Errorf("line longer than %d bytes", limit))
	}
	var in map[string]json.RawMessage
	if err := json.Unmarshal(b, &in); err != nil {
		if bytes.HasPrefix(bytes.TrimSpace(b), []byte("{")) || !json.Valid(b) {
			return fail(fmt.Errorf("malformed JSON: %s", jsonMessage(err)))
		}
		return fail(fmt.Errorf("not a JSON object but %s", jsonKind(bytes.TrimSpace(b))))
	}
	if id := bytes.TrimSpace(in["id"]); len(id) > 0 && !bytes.Equal(id, []byte("null")) {
		var s string
		switch {
		case json.Unmarshal(id, &s) == nil:
		case id[0] == '-' || id[0] >= '0' && id[0] <= '9':
			s = string(id)
		default:
			return fail(fmt.Errorf("\"id\" is %s, not a string or a number", jsonKind(id)))
		}
		if s != "" {
			a.ID = s
		}
	}
	var err error
	str := func(name string) string {
		raw := bytes.TrimSpace(in[name])
		if err != nil || len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
			return ""
		}
		var s string
		if json.Unmarshal(raw, &s) != nil {
			err = fmt.Errorf("%q is %s, not a string", name, jsonKind(raw))
		}
		return s
	}
	a.URL, a.Title = str("url"), str("title")
	text, date := str("text"), str("date")
	if err != nil {
		return fail(err)
	}
	if raw := bytes.TrimSpace(in["text"]); len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return fail(errors.New("no \"text\""))
	}
	a.Text = text
	if date != "" {
		d, err := parseDate(date)
		if err != nil {
			return fail(err)
		}
		a.Date = d
	}
	return a, nil
}

// jsonKind names the kind of a JSON value for messages: "a number",
// "an object".
func jsonKind(v []byte) string {
	if len(v) == 0 {
		return "empty"
	}
	switch v[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// jsonMessage is a JSON syntax error's message without Go's type names.
func jsonMessage(err error) string {
	msg := err.Error()
	return strings.TrimPrefix(msg, "json: ")
}

// dateLayouts are the date formats ParseDate accepts, most precise first.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"}

// ParseDate reads an article date: RFC 3339 ("2026-11-20T09:30:00Z"),
// a date and time without zone (read as UTC), or a date ("2026-11-20").
func ParseDate(s string) (time.Time, error) {
	t, err := parseDate(s)
	if err != nil {
		return t, fmt.Errorf("newsgraph: %w", err)
	}
	return t, nil
}

// parseDate is ParseDate with a message that names no package, for
// errors that already carry a place (FILE:LINE).
func parseDate(s string) (time.Time, error) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("\"date\" %q is not RFC 3339 or YYYY-MM-DD", s)
}

// FormatDate writes an article date as ParseDate reads it: YYYY-MM-DD
// when it is midnight UTC, RFC 3339 otherwise, and "" for the zero time.
func FormatDate(t time.Time) string {
	return relations.FormatDate(t)
}

// jsonlResult is the shape of one output line of WriteResultJSONL.
type jsonlResult struct {
	ID        string          `json:"id"`
	Title     string          `json:"title,omitempty"`
	URL       string          `json:"url,omitempty"`
	Date      string          `json:"date,omitempty"`
	Line      int             `json:"line,omitempty"`
	Error     string          `json:"error,omitempty"`
	Entities  json.RawMessage `json:"entities,omitempty"`
	Relations json.RawMessage `json:"relations,omitempty"`
}

// WriteResultJSONL writes r as one line of JSON, ended by a newline: for a
// processed article
//
//	{"id": …, "title"?, "url"?, "date"?, "entities": […], "relations": […]}
//
// with entities and relations as relations.WriteJSON writes them for a
// single document, and for a failed one {"id": …, "line"?, "error": "…"},
// with the input line number (of a *LineError, or the Article's Line). The same result always
// gives the same bytes.
func WriteResultJSONL(w io.Writer, r Result) error {
	out := jsonlResult{ID: r.ID, Title: r.Title, URL: r.URL, Date: FormatDate(r.Date)}
	switch {
	case r.Err != nil:
		out.Error = r.Err.Error()
		out.Line = r.Line
		if le, ok := errors.AsType[*LineError](r.Err); ok {
			out.Line = le.Line
		}
	case r.Doc == nil:
		out.Error = "newsgraph: no document"
	default:
		var buf bytes.Buffer
		if err := relations.WriteJSON(&buf, r.Doc.Graph(r.ID)); err != nil {
			return err
		}
		var g struct{ Entities, Relations json.RawMessage }
		if err := json.Unmarshal(buf.Bytes(), &g); err != nil {
			return fmt.Errorf("newsgraph: %w", err)
		}
		out.Entities, out.Relations = g.Entities, g.Relations
	}
	// Data, not HTML: "<stdin>" and "AT&T" are written as they are.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("newsgraph: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
