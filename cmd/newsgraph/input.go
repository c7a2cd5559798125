package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/newsgraph/newsgraph"
)

// Input modes of --input.
const (
	inputText  = "text"  // each file is one article; directories give their *.txt files
	inputJSONL = "jsonl" // each file holds JSON lines; directories give their *.jsonl and *.ndjson files
)

// textExts and jsonlExts are the files a directory contributes, searched
// recursively, in lexical order.
var (
	textExts  = []string{".txt"}
	jsonlExts = []string{".jsonl", ".ndjson"}
)

// source is one input file ("-" for stdin), or a path that could not be
// listed.
type source struct {
	name string
	err  error
}

// expand turns the command-line paths into sources: files as given,
// directories walked recursively for files with the mode's extensions.
func expand(paths []string, mode string) []source {
	exts := textExts
	if mode == inputJSONL {
		exts = jsonlExts
	}
	var out []source
	for _, p := range paths {
		if p == "-" {
			out = append(out, source{name: p})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil || !fi.IsDir() {
			out = append(out, source{name: p, err: err})
			continue
		}
		n := len(out)
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, source{name: path, err: err})
				return nil
			}
			if !d.IsDir() && slices.Contains(exts, strings.ToLower(filepath.Ext(path))) {
				out = append(out, source{name: path})
			}
			return nil
		})
		if err == nil && len(out) == n {
			err = fmt.Errorf("no %s files in directory", strings.Join(exts, " or "))
		}
		if err != nil {
			out = append(out, source{name: p, err: err})
		}
	}
	return out
}

// fileLineError is a JSON lines error with the name of its file: it reads
// "FILE:LINE: message" and unwraps to the *newsgraph.LineError.
type fileLineError struct {
	file string
	*newsgraph.LineError
}

func (e *fileLineError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.file, e.Line, userMessage(e.Err))
}

func (e *fileLineError) Unwrap() error { return e.LineError }

// userMessage is err's message for a person at the command line: without
// the package prefixes ("newsgraph: ", "entities: ") that library errors
// carry for Go programs, since the message already follows a file name.
func userMessage(err error) string {
	msg := err.Error()
	for {
		cut := false
		for _, p := range []string{"newsgraph: ", "entities: ", "relations: "} {
			if strings.HasPrefix(msg, p) {
				msg, cut = msg[len(p):], true
			}
		}
		if !cut {
			return msg
		}
	}
}

// sourceNames remembers which file each JSON lines article came from, by
// its position in the input, until its result is reported: an error
// raised while processing the article then reads "FILE:LINE: …".
type sourceNames struct {
	mu    sync.Mutex
	next  int
	names map[int]string
}

// add records the file of the next article read.
func (s *sourceNames) add(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.names == nil {
		s.names = map[int]string{}
	}
	s.names[s.next] = name
	s.next++
}

// take returns and forgets the file of the article at index i.
func (s *sourceNames) take(i int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	name := s.names[i]
	delete(s.names, i)
	return name
}

// displayName is how a source is named in messages.
func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return name
}

// articles returns the articles of the sources, in order: one per text
// file, or one per JSON line. A source that cannot be read becomes one
// article with an error, its ID the file name.
func articles(srcs []source, mode string, stdin io.Reader, from *sourceNames) iter.Seq2[newsgraph.Article, error] {
	return func(yield func(newsgraph.Article, error) bool) {
		for _, s := range srcs {
			if s.err != nil {
				from.add(s.name)
				if !yield(newsgraph.Article{ID: s.name}, s.err) {
					return
				}
				continue
			}
			if mode == inputText {
				text, err := readInput(s.name, stdin)
				from.add(s.name)
				if !yield(newsgraph.Article{ID: s.name, Text: string(text)}, err) {
					return
				}
				continue
			}
			var r io.Reader = stdin
			if s.name != "-" {
				f, err := os.Open(s.name)
				if err != nil {
					from.add(s.name)
					if !yield(newsgraph.Article{ID: s.name}, err) {
						return
					}
					continue
				}
				r = f
			}
			ok := true
			for a, err := range newsgraph.ReadJSONL(r) {
				if le, isLE := errors.AsType[*newsgraph.LineError](err); isLE {
					err = &fileLineError{file: displayName(s.name), LineError: le}
				} else if err != nil {
					a.ID = s.name
				}
				from.add(s.name)
				if !yield(a, err) {
					ok = false
					break
				}
			}
			if c, isFile := r.(io.Closer); isFile {
				c.Close()
			}
			if !ok {
				return
			}
		}
	}
}

// countArticles returns how many articles the sources hold, for the
// progress bar, or -1 when that is unknown (stdin in JSON lines mode).
func countArticles(srcs []source, mode string) int64 {
	if mode == inputText {
		return int64(len(srcs))
	}
	var n int64
	for _, s := range srcs {
		if s.err != nil {
			n++
			continue
		}
		if s.name == "-" {
			return -1
		}
		f, err := os.Open(s.name)
		if err != nil {
			n++
			continue
		}
		n += countLines(f)
		f.Close()
	}
	return n
}

// countLines counts the non-blank lines of r.
func countLines(r io.Reader) int64 {
	br := bufio.NewReaderSize(r, 1<<16)
	var n int64
	blank := true
	for {
		b, err := br.ReadSlice('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			blank = false
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if !blank {
			n++
		}
		blank = true
		if err != nil {
			return n
		}
	}
}

// maxInput bounds what is read from one file or stdin; the pipeline refuses
// anything larger anyway, with a clear error.
const maxInput = 64 << 20

func readInput(name string, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxInput {
		return nil, fmt.Errorf("input larger than %d bytes", maxInput)
	}
	return b, nil
}

// progress is a progress bar on standard error when it is a terminal,
// and nothing otherwise.
type progress struct{ bar *progressbar.ProgressBar }

// newProgress starts a bar over total articles (-1 when unknown) if w is
// a terminal.
func newProgress(w io.Writer, total int64, what string) *progress {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || total == 1 {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
	)}
}

// add counts one article done.
func (p *progress) add() {
	if p.bar != nil {
		p.bar.Add(1)
	}
}

// clear removes the bar until the next add, to print a message.
func (p *progress) clear() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

// done removes the bar.
func (p *progress) done() {
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}

// runStats are the figures of one process run.
type runStats struct {
	total, failed int
	workers       int
	load, work    time.Duration // building the pipeline; processing the articles
}

// String reads "121 articles (1 failed) in 0.45s with 2 workers, 269
// articles/s, after 0.38s loading the models".
func (s runStats) String() string {
	rate := float64(s.total) / max(s.work.Seconds(), 1e-9)
	return fmt.Sprintf("%s (%d failed) in %.2fs with %s, %.0f articles/s, after %.2fs loading the models",
		plural(s.total, "article"), s.failed, s.work.Seconds(), plural(s.workers, "worker"), rate, s.load.Seconds())
}

// process runs the pipeline over the articles of srcs with j workers and
// calls fn with each result in input order, showing progress on stderr
// and reporting the failed ones there (reportError). It returns the
// numbers of articles and of failures, and the times taken. When ctx is
// cancelled (Ctrl-C) it stops within about a sentence of work, without
// passing the interrupted articles to fn, and returns errInterrupted.
func process(ctx context.Context, srcs []source, mode string, j int, stdin io.Reader, stderr io.Writer, what string, fn func(newsgraph.Result) error) (runStats, error) {
	st := runStats{workers: j}
	start := time.Now()
	p, err := loadPipeline(ctx)
	if err != nil {
		return st, err
	}
	st.load = time.Since(start)
	start = time.Now()
	defer func() { st.work = time.Since(start) }()
	bar := newProgress(stderr, countArticles(srcs, mode), what)
	defer bar.done()
	var from sourceNames
	for r := range p.ExtractAll(ctx, articles(srcs, mode, stdin, &from), j) {
		if ctx.Err() != nil && errors.Is(r.Err, ctx.Err()) {
			break // interrupted, not failed: neither reported nor written
		}
		file := from.take(r.Index)
		if _, ok := errors.AsType[*fileLineError](r.Err); !ok && r.Err != nil && r.Line > 0 {
			// Raised while processing a JSON line: keep its place.
			r.Err = &fileLineError{file: displayName(file), LineError: &newsgraph.LineError{
				Line: r.Line, Err: fmt.Errorf("article %q: %s", r.ID, userMessage(r.Err))}}
		}
		st.total++
		if r.Err != nil {
			st.failed++
			bar.clear()
			reportError(stderr, r)
		}
		bar.add()
		if err := fn(r); err != nil {
			st.work = time.Since(start)
			return st, err
		}
	}
	st.work = time.Since(start)
	return st, interrupted(ctx.Err())
}

// loadPipeline builds the pipeline, or gives up with errInterrupted when
// ctx is done first: loading the models takes a few hundred
// milliseconds, and Ctrl-C must not wait for it (the load goroutine is
// left to finish as the process exits).
func loadPipeline(ctx context.Context) (*newsgraph.Pipeline, error) {
	type loaded struct {
		p   *newsgraph.Pipeline
		err error
	}
	done := make(chan loaded, 1)
	opts := pipelineOptions() // read the flags here, not in a goroutine that may outlive the run
	go func() {
		p, err := newsgraph.New(opts...)
		done <- loaded{p, err}
	}()
	select {
	case l := <-done:
		return l.p, l.err
	case <-ctx.Done():
		return nil, interrupted(ctx.Err())
	}
}

// reportError prints a failed result on stderr as "NAME: message", or
// "FILE:LINE: message" for a JSON line.
func reportError(stderr io.Writer, r newsgraph.Result) {
	if _, ok := errors.AsType[*fileLineError](r.Err); ok {
		fmt.Fprintln(stderr, r.Err)
		return
	}
	fmt.Fprintf(stderr, "%s: %s\n", displayName(r.ID), userMessage(r.Err))
}
