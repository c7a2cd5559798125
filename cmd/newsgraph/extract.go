package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/relations"
)

func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output format: json or dot")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *format != "json" && *format != "dot" {
		fmt.Fprintf(stderr, "newsgraph extract: unknown format %q (want json or dot)\n", *format)
		return 2
	}
	files := fs.Args()
	if len(files) == 0 {
		fmt.Fprintln(stderr, "newsgraph extract: no input files (use - for stdin)")
		return 2
	}
	p, err := newsgraph.New()
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph: %v\n", err)
		return 1
	}
	ctx := context.Background()
	failed := 0
	corpus := relations.NewGraph()
	var objects []json.RawMessage
	for _, name := range files {
		text, err := readInput(name, stdin)
		if err == nil {
			var doc *newsgraph.Document
			if doc, err = p.Extract(ctx, string(text)); err == nil {
				if *format == "dot" {
					corpus.Add(name, doc.Document, doc.Relations)
					continue
				}
				var buf bytes.Buffer
				if err = relations.WriteJSON(&buf, doc.Graph(name)); err == nil {
					objects = append(objects, withFile(buf.Bytes(), name, len(files) > 1))
					continue
				}
			}
		}
		failed++
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
	}
	var err2 error
	switch {
	case *format == "dot":
		err2 = relations.WriteDOT(stdout, corpus)
	case len(files) == 1 && len(objects) == 1:
		_, err2 = stdout.Write(objects[0])
	case len(files) > 1:
		var buf bytes.Buffer
		buf.WriteString("[\n")
		for i, o := range objects {
			if i > 0 {
				buf.WriteString(",\n")
			}
			buf.Write(bytes.TrimRight(o, "\n"))
		}
		buf.WriteString("\n]\n")
		_, err2 = stdout.Write(buf.Bytes())
	}
	if err2 != nil {
		fmt.Fprintf(stderr, "newsgraph: writing output: %v\n", err2)
		return 1
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "newsgraph: %d of %d inputs failed\n", failed, len(files))
		return 1
	}
	return 0
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

// withFile adds a "file" member to a JSON object when several inputs
// share one output.
func withFile(obj []byte, name string, add bool) []byte {
	if !add {
		return obj
	}
	q, _ := json.Marshal(name)
	i := bytes.IndexByte(obj, '{')
	if i < 0 {
		return obj
	}
	out := append([]byte{}, obj[:i+1]...)
	out = append(out, "\n  \"file\": "...)
	out = append(out, q...)
	out = append(out, ',')
	return append(out, obj[i+1:]...)
}
