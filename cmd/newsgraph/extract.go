package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"runtime"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/htmlview"
	"github.com/newsgraph/newsgraph/relations"
	"github.com/newsgraph/newsgraph/syntax"
)

// addInputFlags defines the flags extract and graph share.
func addInputFlags(fs *flag.FlagSet) (input *string, jobs *int, stats *bool) {
	input = fs.String("input", inputText, "input: text (one article per file; directories give *.txt) or jsonl (JSON lines; directories give *.jsonl, *.ndjson)")
	jobs = fs.Int("j", runtime.GOMAXPROCS(0), "number of articles processed in parallel")
	stats = fs.Bool("stats", false, "print the number of articles, the time taken and the rate on stderr")
	fs.BoolVar(&pipelineFlags.negated, "negated", false, "keep relations the text denies (\"did not meet\"), marked with the negated modality")
	fs.Float64Var(&pipelineFlags.minConfidence, "min-confidence", 0, "drop relations with a lower confidence (0 to 1)")
	return input, jobs, stats
}

// pipelineFlags holds the flags that configure the pipeline; one command
// runs per process.
var pipelineFlags struct {
	negated       bool
	minConfidence float64
	syntax        bool // parse every article (extract --tokens)
}

// pipelineOptions turns pipelineFlags into pipeline options.
func pipelineOptions() []newsgraph.Option {
	var opts []newsgraph.Option
	if pipelineFlags.negated {
		opts = append(opts, newsgraph.WithNegated())
	}
	if pipelineFlags.minConfidence > 0 {
		opts = append(opts, newsgraph.WithMinConfidence(pipelineFlags.minConfidence))
	}
	if pipelineFlags.syntax {
		opts = append(opts, newsgraph.WithSyntax())
	}
	return opts
}

// checkInput validates the shared flags and the input paths.
func checkInput(cmd, input string, jobs int, paths []string, stderr io.Writer) bool {
	switch {
	case input != inputText && input != inputJSONL:
		fmt.Fprintf(stderr, "newsgraph %s: unknown input %q (want text or jsonl)\n", cmd, input)
	case jobs < 1:
		fmt.Fprintf(stderr, "newsgraph %s: -j must be at least 1\n", cmd)
	case len(paths) == 0:
		fmt.Fprintf(stderr, "newsgraph %s: no inputs (files, directories, or - for stdin)\n", cmd)
	default:
		return true
	}
	return false
}

const extractSynopsis = `usage: newsgraph extract [flags] FILE|DIR|-...
Extract the entities and relations of each article. --format json prints
one object for one file given by name and an array of objects for several;
--format jsonl prints one line per article in every case.
`

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	format := fs.String("format", "json", "output format: json (one object for one file, an array for several), jsonl (one line per article, the stable choice for scripts), dot, events (CAMEO event rows as TSV), events-jsonl (the same as JSON lines) or html (one article as a web page)")
	tokens := fs.Bool("tokens", false, "with json or jsonl: parse each article and add its tokens (offsets, text, tag, pos, lemma, head, dep)")
	input, jobs, stats := addInputFlags(fs)
	if ok, code := parseFlags(fs, extractSynopsis, args, stdout, stderr); !ok {
		return code
	}
	if *format != "json" && *format != "dot" && *format != "jsonl" && *format != "html" && !isEventFormat(*format) {
		fmt.Fprintf(stderr, "newsgraph extract: unknown format %q (want json, jsonl, dot, events, events-jsonl or html)\n", *format)
		return 2
	}
	if *tokens && *format != "json" && *format != "jsonl" {
		fmt.Fprintf(stderr, "newsgraph extract: --tokens goes with --format json or jsonl, not %q\n", *format)
		return 2
	}
	pipelineFlags.syntax = *tokens
	var coder *events.Coder
	if isEventFormat(*format) {
		var err error
		if coder, err = events.Default(); err != nil {
			fmt.Fprintf(stderr, "newsgraph extract: %v\n", err)
			return 1
		}
	}
	if !checkInput("extract", *input, *jobs, fs.Args(), stderr) {
		return 2
	}
	srcs := expand(fs.Args(), *input)
	// One object rather than an array: one text file given by name.
	single := *input == inputText && len(srcs) == 1 && len(fs.Args()) == 1 && srcs[0].name == fs.Args()[0]

	bw := bufio.NewWriterSize(stdout, 1<<16)
	corpus := relations.NewGraph()
	var objects [][]byte
	var page *newsgraph.Result // --format html: the one article
	if coder != nil {
		// The header first, then each article's rows as it comes.
		if err := writeEvents(bw, *format, nil, true); err != nil {
			fmt.Fprintf(stderr, "newsgraph extract: %v\n", err)
			return 1
		}
	}
	var line bytes.Buffer
	st, err := process(ctx, srcs, *input, *jobs, stdin, stderr, "extract", func(r newsgraph.Result) error {
		switch {
		case *format == "jsonl" && *tokens && r.Err == nil:
			var buf bytes.Buffer
			if err := newsgraph.WriteResultJSONL(&buf, r); err != nil {
				return err
			}
			line, err := withTokens(bytes.TrimRight(buf.Bytes(), "\n"), r.Doc, false)
			if err != nil {
				return err
			}
			bw.Write(line)
			bw.WriteByte('\n')
			return bw.Flush()
		case *format == "jsonl":
			// One write per line, straight to stdout: a line is out
			// whole as soon as its article is done, and an interrupt
			// never cuts one (lockedWriter).
			line.Reset()
			if err := newsgraph.WriteResultJSONL(&line, r); err != nil {
				return err
			}
			_, err := stdout.Write(line.Bytes())
			return err
		case r.Err != nil:
		case coder != nil:
			if err := writeEvents(bw, *format, coder.Document(r.ID, r.Doc), false); err != nil {
				return err
			}
			return bw.Flush()
		case *format == "dot":
			corpus.AddDated(r.ID, r.Date, r.Doc.Document, r.Doc.Relations)
		case *format == "html":
			if page != nil {
				return fmt.Errorf("--format html writes one article, and the inputs hold more")
			}
			page = &r
		default:
			var buf bytes.Buffer
			g := r.Doc.Graph(r.ID)
			g.SetDocDate(r.ID, r.Date)
			if err := relations.WriteJSON(&buf, g); err != nil {
				return err
			}
			key := "file"
			if *input == inputJSONL {
				key = "id"
			}
			obj := withMember(buf.Bytes(), key, r.ID, !single)
			if *tokens {
				var err error
				if obj, err = withTokens(obj, r.Doc, true); err != nil {
					return err
				}
			}
			objects = append(objects, obj)
		}
		return nil
	})
	if err == nil {
		switch {
		case coder != nil:
		case *format == "dot":
			err = relations.WriteDOT(bw, corpus)
		case *format == "jsonl":
		case *format == "html":
			if page != nil {
				err = htmlview.WriteArticle(bw, page.ID, page.Doc.Document, page.Doc.Relations)
			}
		case single && len(objects) == 1:
			_, err = bw.Write(objects[0])
		case !single:
			bw.WriteString("[\n")
			for i, o := range objects {
				if i > 0 {
					bw.WriteString(",\n")
				}
				bw.Write(bytes.TrimRight(o, "\n"))
			}
			_, err = bw.WriteString("\n]\n")
		}
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph extract: %v\n", interrupted(err))
		return 1
	}
	if *stats {
		fmt.Fprintf(stderr, "newsgraph: %v\n", st)
	}
	if st.failed > 0 {
		fmt.Fprintf(stderr, "newsgraph: %d of %d inputs failed\n", st.failed, st.total)
		return 1
	}
	return 0
}

// withTokens adds a "tokens" member, the document's tokens as
// syntax.JSONToken objects, at the end of a JSON object; indented puts one
// token per line.
func withTokens(obj []byte, doc *newsgraph.Document, indented bool) ([]byte, error) {
	end := bytes.LastIndexByte(obj, '}')
	if end < 0 {
		return obj, nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	head := bytes.TrimRight(obj[:end], " \n")
	b.Write(head)
	if len(head) > 0 && head[len(head)-1] != '{' {
		b.WriteByte(',')
	}
	sep := ""
	if indented {
		b.WriteString("\n  ")
		sep = "\n    "
	}
	b.WriteString(`"tokens": [`)
	for i, t := range syntax.JSONTokens(doc.Document) {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(sep)
		if err := enc.Encode(t); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1) // Encode's newline
	}
	if indented {
		b.WriteString("\n  ]\n")
	} else {
		b.WriteByte(']')
	}
	b.Write(obj[end:])
	return b.Bytes(), nil
}

// withMember adds a string member at the start of a JSON object when
// several inputs share one output.
func withMember(obj []byte, key, value string, add bool) []byte {
	if !add {
		return obj
	}
	q, _ := json.Marshal(value)
	i := bytes.IndexByte(obj, '{')
	if i < 0 {
		return obj
	}
	out := append([]byte{}, obj[:i+1]...)
	out = append(out, "\n  \""+key+"\": "...)
	out = append(out, q...)
	out = append(out, ',')
	return append(out, obj[i+1:]...)
}
