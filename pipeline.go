package newsgraph

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/relations"
	"github.com/newsgraph/newsgraph/syntax"
)

// Pipeline turns text into a Document of entities and relations. Build it
// once with New and share it: it is safe for concurrent use.
type Pipeline struct {
	model      *entities.Model
	parser     *syntax.Parser
	extractors []relations.Extractor
}

// Option configures a Pipeline.
type Option func(*config)

type config struct {
	model         *entities.Model
	parser        *syntax.Parser
	syntax        bool
	extractors    []relations.Extractor
	maxBytes      int
	negated       bool
	minConfidence float64
}

// WithModel sets the entity model; by default entities.DefaultModel.
func WithModel(m *entities.Model) Option { return func(c *config) { c.model = m } }

// WithSyntax gives every document its dependency parse (package
// syntax, with syntax.DefaultParser): each token's UPOS, lemma, head and
// relation. The default relation extractor does not read the tree yet,
// and the parse costs about as much CPU as the rest of the pipeline
// (BenchmarkPipeline), so it is off by default.
func WithSyntax() Option { return func(c *config) { c.syntax = true } }

// WithParser is WithSyntax with the given parser.
func WithParser(p *syntax.Parser) Option {
	return func(c *config) { c.parser, c.syntax = p, p != nil }
}

// WithExtractors replaces the relation extractors; by default one
// relations.RuleExtractor over the model's gazetteer.
func WithExtractors(ex ...relations.Extractor) Option {
	return func(c *config) { c.extractors = ex }
}

// WithMaxBytes sets the largest text Extract accepts; by default
// entities.DefaultMaxBytes. It builds a model of its own unless WithModel
// is given too.
func WithMaxBytes(n int) Option { return func(c *config) { c.maxBytes = n } }

// WithNegated keeps relations the text denies ("did not meet") in the
// output, marked with the negated modality; by default they are dropped.
// It applies to the default extractor.
func WithNegated() Option { return func(c *config) { c.negated = true } }

// WithMinConfidence drops relations whose confidence is below min. It
// applies to the default extractor.
func WithMinConfidence(min float64) Option { return func(c *config) { c.minConfidence = min } }

// New returns a pipeline with the documented defaults, changed by opts.
func New(opts ...Option) (*Pipeline, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	// The entity model and the parser load side by side.
	var (
		wg   sync.WaitGroup
		perr error
	)
	if c.parser == nil && c.syntax {
		wg.Go(func() { c.parser, perr = syntax.DefaultParser() })
	}
	var err error
	switch {
	case c.model != nil:
	case c.maxBytes > 0:
		c.model, err = entities.NewModel(entities.WithMaxBytes(c.maxBytes))
	default:
		c.model, err = entities.DefaultModel()
	}
	wg.Wait()
	if err == nil {
		err = perr
	}
	if err != nil {
		return nil, fmt.Errorf("newsgraph: %w", err)
	}
	if c.extractors == nil {
		x := relations.NewRuleExtractor(c.model.Gazetteer())
		x.KeepNegated, x.MinConfidence = c.negated, c.minConfidence
		c.extractors = []relations.Extractor{x}
	}
	return &Pipeline{model: c.model, parser: c.parser, extractors: c.extractors}, nil
}

// Document is an annotated text and the relations found in it. Relation
// Source and Target index Entities.
type Document struct {
	*entities.Document
	Relations []relations.Relation
}

// Extract annotates text and extracts its relations. Empty text gives an
// empty Document; text the model refuses (invalid UTF-8, binary, too
// large) gives an error wrapping entities.ErrInvalidUTF8, ErrBinary or
// ErrTooLarge. Extract stops early with ctx's error when ctx is done,
// within about a sentence's work of it.
//
// The article's date, which anchors relative dates ("on Wednesday"), is
// read from its first lines when they print one; ExtractDated takes it
// from the caller.
func (p *Pipeline) Extract(ctx context.Context, text string) (*Document, error) {
	return p.ExtractDated(ctx, text, time.Time{})
}

// ExtractDated is Extract for an article published on date; a zero date
// means unknown, and the text's own dateline is used when it has one.
func (p *Pipeline) ExtractDated(ctx context.Context, text string, date time.Time) (*Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ed, err := p.model.AnnotateContext(ctx, text)
	if err != nil {
		return nil, err
	}
	if p.parser != nil {
		if err := p.parser.Parse(ctx, ed); err != nil {
			return nil, err
		}
	}
	ed.Date = date
	if ed.Date.IsZero() {
		ed.Date = relations.ArticleDate(text)
	}
	doc := &Document{Document: ed}
	for _, x := range p.extractors {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var rels []relations.Relation
		if cx, ok := x.(relations.ContextExtractor); ok {
			rels, err = cx.ExtractContext(ctx, ed)
		} else {
			rels, err = x.Extract(ed)
		}
		if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
			return nil, err
		}
		if err != nil {
			return nil, fmt.Errorf("newsgraph: %w", err)
		}
		doc.Relations = append(doc.Relations, rels...)
	}
	inheritCountries(doc)
	return doc, nil
}

// inheritCountries gives a person, institution or place the country of
// the state or body it leads, serves, is based or located in, when it has
// none of its own.
func inheritCountries(doc *Document) {
	for changed := true; changed; {
		changed = false
		for _, r := range doc.Relations {
			switch r.Type {
			case relations.LeaderOf, relations.OfficialOf, relations.BasedIn, relations.LocatedIn:
			default:
				continue
			}
			if r.Former {
				continue
			}
			src, dst := &doc.Entities[r.Source], doc.Entities[r.Target]
			if src.Country == "" && dst.Country != "" {
				src.Country = dst.Country
				changed = true
			}
		}
	}
}

// Graph returns a graph holding this one document under the given ID.
func (d *Document) Graph(id string) *relations.Graph {
	g := relations.NewGraph()
	g.Add(id, d.Document, d.Relations)
	return g
}
