package entities

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// DefaultMaxBytes is the largest text a Model annotates unless told
// otherwise with WithMaxBytes: 16 MiB, far above any news article.
const DefaultMaxBytes = 16 << 20

// Model finds sentences, tokens, part-of-speech tags, mentions and entities
// in text. It holds the gazetteer, the prose tagger and the sequence
// tagger, each loaded once. A *Model is safe for concurrent use by many
// goroutines; every Document it returns is the caller's own.
type Model struct {
	gaz       *Gazetteer
	prose     *proseAdapter
	tagger    SequenceTagger
	ownTagger bool // WithTagger was given
	maxBytes  int
}

// Option configures a Model.
type Option func(*Model)

// WithTagger replaces the sequence tagger; nil makes the model fall back
// to proper-noun chunking typed by rules.
func WithTagger(t SequenceTagger) Option {
	return func(m *Model) { m.tagger, m.ownTagger = t, true }
}

// WithGazetteer replaces the embedded gazetteer.
func WithGazetteer(g *Gazetteer) Option { return func(m *Model) { m.gaz = g } }

// WithMaxBytes sets the largest text the model accepts (ErrTooLarge
// beyond it). n <= 0 keeps DefaultMaxBytes.
func WithMaxBytes(n int) Option {
	return func(m *Model) {
		if n > 0 {
			m.maxBytes = n
		}
	}
}

var (
	sharedProse   = sync.OnceValues(newProseAdapter)
	sharedGaz     = sync.OnceValues(DefaultGazetteer)
	defaultModelF = sync.OnceValues(func() (*Model, error) { return NewModel() })
)

// DefaultModel returns the model with the embedded gazetteer and tagger,
// built once per process and shared.
func DefaultModel() (*Model, error) { return defaultModelF() }

// NewModel builds a model: the embedded gazetteer and trained tagger unless
// options replace them. The prose tagger and the embedded data are loaded
// once per process however many models are built.
func NewModel(opts ...Option) (*Model, error) {
	m := &Model{maxBytes: DefaultMaxBytes}
	for _, o := range opts {
		o(m)
	}
	// The three loads are independent and take 70 to 170 ms each: run
	// them side by side.
	var (
		wg               sync.WaitGroup
		perr, terr, gerr error
	)
	wg.Go(func() { m.prose, perr = sharedProse() })
	if !m.ownTagger {
		wg.Go(func() { m.tagger, terr = defaultTagger() })
	}
	if m.gaz == nil {
		wg.Go(func() { m.gaz, gerr = sharedGaz() })
	}
	wg.Wait()
	for _, err := range []error{perr, terr, gerr} {
		if err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Gazetteer returns the model's gazetteer.
func (m *Model) Gazetteer() *Gazetteer { return m.gaz }

// Annotate builds a Document for text: sentences, tokens with
// part-of-speech tags, mentions and entities. Empty text gives an empty
// Document. Text that is not valid UTF-8 (ErrInvalidUTF8), holds NUL or
// other binary control bytes (ErrBinary), or is longer than the limit
// (ErrTooLarge) is refused. Markup is read as white space, so offsets
// always point into text as given.
func (m *Model) Annotate(text string) (*Document, error) {
	return m.AnnotateContext(context.Background(), text)
}

// AnnotateContext is Annotate that gives up when ctx is done, returning
// ctx's error: it looks at ctx between sentences while splitting, tagging
// and recognising, and between tagger windows, so a long text stops
// within about one sentence's work (or one window of the NER tagger,
// tagWindow tokens).
func (m *Model) AnnotateContext(ctx context.Context, text string) (*Document, error) {
	if err := m.Check(text); err != nil {
		return nil, err
	}
	doc := &Document{Text: text}
	work := maskMarkup(text)
	if err := m.tokenize(ctx, doc, work); err != nil {
		return nil, err
	}
	if err := m.recognize(ctx, doc); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.resolve(doc)
	return doc, nil
}

// Tokenize builds a Document for text with sentences and tokens with
// their Penn part-of-speech tags only: no mentions, no entities. It
// refuses the same texts as Annotate and stops with ctx's error when ctx
// is done.
func (m *Model) Tokenize(ctx context.Context, text string) (*Document, error) {
	if err := m.Check(text); err != nil {
		return nil, err
	}
	doc := &Document{Text: text}
	if err := m.tokenize(ctx, doc, maskMarkup(text)); err != nil {
		return nil, err
	}
	return doc, nil
}

// AnnotateMentions builds a Document for text with the given mentions
// instead of recognised ones: the text is tokenized and tagged, each
// mention's Start and End (byte offsets) are aligned to tokens, and the
// mentions are resolved into entities. Only Start, End, Type, and
// optionally Country and Canonical, of each mention are read. A mention
// that does not start and end on token boundaries gives a *SpanError.
// Use it to extract relations over mentions from another tagger or from
// gold annotations.
func (m *Model) AnnotateMentions(text string, mentions []Mention) (*Document, error) {
	if err := m.Check(text); err != nil {
		return nil, err
	}
	doc := &Document{Text: text}
	if err := m.tokenize(context.Background(), doc, maskMarkup(text)); err != nil {
		return nil, err
	}
	for _, in := range mentions {
		if err := doc.CheckSpan(in.Start, in.End); err != nil || in.Start == in.End {
			return nil, &SpanError{Start: in.Start, End: in.End, Len: len(text)}
		}
		first, last := -1, -1
		for i, t := range doc.Tokens {
			if t.Start == in.Start {
				first = i
			}
			if t.End == in.End {
				last = i + 1
			}
		}
		if first < 0 || last <= first {
			return nil, &SpanError{Start: in.Start, End: in.End, Len: len(text)}
		}
		doc.Mentions = append(doc.Mentions, Mention{Start: in.Start, End: in.End, First: first, Last: last,
			Type: in.Type, Entity: -1, Country: in.Country, Canonical: in.Canonical})
	}
	sort.SliceStable(doc.Mentions, func(a, b int) bool { return doc.Mentions[a].Start < doc.Mentions[b].Start })
	m.resolve(doc)
	return doc, nil
}

// Check returns the error Annotate would return for text before any work,
// or nil.
func (m *Model) Check(text string) error {
	if len(text) > m.maxBytes {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(text), m.maxBytes)
	}
	if !utf8.ValidString(text) {
		i := 0
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return fmt.Errorf("%w at byte %d", ErrInvalidUTF8, i)
	}
	for i := 0; i < len(text); i++ {
		if c := text[i]; c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
			return fmt.Errorf("%w: control byte 0x%02x at byte %d", ErrBinary, c, i)
		}
	}
	return nil
}

// tokenize fills doc's sentences and tokens from work, a copy of doc.Text
// of the same length with markup blanked. It stops with ctx's error when
// ctx is done.
func (m *Model) tokenize(ctx context.Context, doc *Document, work string) error {
	spans, err := m.prose.sentencesContext(ctx, work)
	if err != nil {
		return err
	}
	for _, s := range spans {
		if err := ctx.Err(); err != nil {
			return err
		}
		first := len(doc.Tokens)
		var err error
		doc.Tokens, err = m.prose.tag(doc.Tokens, work, s)
		if err != nil {
			return err
		}
		if len(doc.Tokens) > first {
			doc.Sentences = append(doc.Sentences, Sentence{Start: s.Start, End: s.End, First: first, Last: len(doc.Tokens)})
		}
	}
	return nil
}

// maskMarkup returns text with HTML/XML tags, comments, and the content
// of script and style elements replaced by spaces, byte for byte, so that
// offsets into the result are offsets into text. Text without '<' is
// returned as is.
func maskMarkup(text string) string {
	if !strings.Contains(text, "<") {
		return text
	}
	b := []byte(text)
	blank := func(from, to int) {
		for k := from; k < to; k++ {
			if b[k] != '\n' {
				b[k] = ' '
			}
		}
	}
	lower := strings.ToLower(text)
	for i := 0; i < len(b); {
		if b[i] != '<' || i+1 >= len(b) {
			i++
			continue
		}
		c := b[i+1]
		if !(c == '/' || c == '!' || c == '?' || (c|0x20 >= 'a' && c|0x20 <= 'z')) {
			i++
			continue
		}
		end := -1
		if strings.HasPrefix(text[i:], "<!--") {
			if e := strings.Index(text[i+4:], "-->"); e >= 0 {
				end = i + 4 + e + 3
			}
		} else if e := strings.IndexByte(text[i:], '>'); e >= 0 {
			end = i + e + 1
		}
		if end < 0 {
			break
		}
		for _, el := range []string{"script", "style"} {
			if strings.HasPrefix(lower[i+1:], el) {
				if e := strings.Index(lower[end:], "</"+el); e >= 0 {
					end += e
				}
			}
		}
		blank(i, end)
		i = end
	}
	return string(b)
}
