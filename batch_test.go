package newsgraph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph"
)

// batchArticles returns n articles cycling through testdata/*.txt and a
// few short texts, with distinct IDs and dates.
func batchArticles(tb testing.TB, n int) []newsgraph.Article {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	require.NoError(tb, err)
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(tb, err)
		texts = append(texts, string(b))
	}
	texts = append(texts, "", "French President Emmanuel Macron visited Nairobi on Tuesday.",
		"Kenyan President William Ruto thanked France for its support.")
	out := make([]newsgraph.Article, n)
	for i := range out {
		out[i] = newsgraph.Article{
			ID:   fmt.Sprintf("a%03d", i),
			Text: texts[i%len(texts)],
			Date: time.Date(2026, 11, 1+i%28, 0, 0, 0, 0, time.UTC),
		}
	}
	return out
}

// collect runs ExtractAll and returns the results as JSON lines.
func collect(tb testing.TB, ctx context.Context, in iter.Seq2[newsgraph.Article, error], workers int) ([]newsgraph.Result, string) {
	tb.Helper()
	var rs []newsgraph.Result
	var buf bytes.Buffer
	for r := range pipeline(tb).ExtractAll(ctx, in, workers) {
		rs = append(rs, r)
		require.NoError(tb, newsgraph.WriteResultJSONL(&buf, r))
	}
	return rs, buf.String()
}

func TestExtractAllOrder(t *testing.T) {
	as := batchArticles(t, 30)
	r1, out1 := collect(t, context.Background(), newsgraph.Articles(as), 1)
	r4, out4 := collect(t, context.Background(), newsgraph.Articles(as), 4)
	require.Len(t, r1, len(as))
	require.Len(t, r4, len(as))
	assert.Equal(t, out1, out4, "output differs between 1 and 4 workers")
	for i, r := range r4 {
		assert.Equal(t, i, r.Index)
		assert.Equal(t, as[i].ID, r.ID)
		assert.Equal(t, as[i].Date, r.Date)
		require.NoError(t, r.Err)
		require.NotNil(t, r.Doc)
	}
	_, out0 := collect(t, context.Background(), newsgraph.Articles(as), 0) // all cores
	assert.Equal(t, out1, out0)
}

func TestExtractAllMalformedLine(t *testing.T) {
	in := `{"id": "one", "text": "Russian President Vladimir Putin hosted Syria's interim leader Ahmad al-Sharaa in Moscow.", "date": "2026-10-15"}
{"id": "two", "text": "Putin met
{"id": "three", "text": "Kenyan President William Ruto visited Paris.", "url": "https://example.com/3", "title": "Ruto in Paris"}
`
	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprint(workers), func(t *testing.T) {
			rs, out := collect(t, context.Background(), newsgraph.ReadJSONL(strings.NewReader(in)), workers)
			require.Len(t, rs, 3)
			assert.NoError(t, rs[0].Err)
			assert.NoError(t, rs[2].Err)
			var le *newsgraph.LineError
			require.ErrorAs(t, rs[1].Err, &le)
			assert.Equal(t, 2, le.Line)
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			require.Len(t, lines, 3)
			var objs []map[string]any
			for _, l := range lines {
				var o map[string]any
				require.NoError(t, json.Unmarshal([]byte(l), &o), l)
				objs = append(objs, o)
			}
			assert.Equal(t, "one", objs[0]["id"])
			assert.Equal(t, "2026-10-15", objs[0]["date"])
			assert.NotEmpty(t, objs[0]["relations"])
			assert.Equal(t, "line:2", objs[1]["id"])
			assert.Equal(t, 2.0, objs[1]["line"])
			assert.Contains(t, objs[1]["error"], "newsgraph: line 2: malformed JSON")
			assert.Nil(t, objs[1]["entities"])
			assert.Equal(t, "Ruto in Paris", objs[2]["title"])
			assert.Equal(t, "https://example.com/3", objs[2]["url"])
		})
	}
}

func TestReadJSONL(t *testing.T) {
	big := strings.Repeat("Putin met Erdogan in Ankara. ", 40000) // 1.1 MiB, beyond bufio.Scanner's 64 KiB
	tests := []struct {
		name    string
		in      string
		want    []newsgraph.Article
		wantErr []string // per item, "" for none
	}{
		{
			name: "fields and line endings",
			in:   "{\"id\":\"a\",\"text\":\"x\",\"date\":\"2026-11-20\",\"url\":\"u\",\"title\":\"t\",\"extra\":1}\r\n\n  \n{\"id\":7,\"text\":\"\"}\n{\"text\":\"y\",\"date\":\"2026-11-20T10:00:00+02:00\"}",
			want: []newsgraph.Article{
				{ID: "a", Text: "x", URL: "u", Title: "t", Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Line: 1},
				{ID: "7", Text: "", Line: 4},
				{ID: "line:5", Text: "y", Date: time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC), Line: 5},
			},
			wantErr: []string{"", "", ""},
		},
		{
			name: "errors do not stop reading",
			in:   "not json\n{\"id\":\"b\"}\n{\"id\":\"c\",\"text\":\"z\",\"date\":\"last Tuesday\"}\n{\"id\":[1],\"text\":\"z\"}\n{\"id\":\"d\",\"text\":\"ok\"}\n",
			want: []newsgraph.Article{
				{ID: "line:1", Line: 1}, {ID: "b", Line: 2}, {ID: "c", Line: 3}, {ID: "line:4", Line: 4}, {ID: "d", Text: "ok", Line: 5},
			},
			wantErr: []string{
				"newsgraph: line 1: malformed JSON",
				"newsgraph: line 2: no \"text\"",
				"newsgraph: line 3: \"date\" \"last Tuesday\" is not RFC 3339 or YYYY-MM-DD",
				"newsgraph: line 4: \"id\" is an array, not a string or a number",
				"",
			},
		},
		{
			// A member of the wrong kind keeps the line's own id and
			// is named in JSON's terms, not Go's (issue 13, item 9).
			name: "wrong kinds keep the id",
			in:   "{\"id\":\"n1\",\"text\":42}\n{\"id\":\"n2\",\"text\":\"t\",\"date\":20260101}\n[1,2]\n{\"id\":9,\"text\":\"t\",\"title\":{}}\n",
			want: []newsgraph.Article{{ID: "n1", Line: 1}, {ID: "n2", Line: 2}, {ID: "line:3", Line: 3}, {ID: "9", Line: 4}},
			wantErr: []string{
				"newsgraph: line 1: \"text\" is a number, not a string",
				"newsgraph: line 2: \"date\" is a number, not a string",
				"newsgraph: line 3: not a JSON object but an array",
				"newsgraph: line 4: \"title\" is an object, not a string",
			},
		},
		{
			name:    "big line",
			in:      `{"id":"big","text":"` + big + `"}`,
			want:    []newsgraph.Article{{ID: "big", Text: big, Line: 1}},
			wantErr: []string{""},
		},
		{name: "empty", in: "", want: nil, wantErr: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []newsgraph.Article
			var errs []string
			for a, err := range newsgraph.ReadJSONL(strings.NewReader(tt.in)) {
				if err != nil {
					errs = append(errs, err.Error())
					a.Text = ""
				} else {
					errs = append(errs, "")
				}
				a.Date = a.Date.UTC()
				got = append(got, a)
			}
			require.Equal(t, len(tt.want), len(got))
			for i := range got {
				assert.Equal(t, tt.want[i].Date, got[i].Date, "item %d", i)
				got[i].Date = tt.want[i].Date
			}
			assert.True(t, reflect.DeepEqual(tt.want, got), "articles differ") // no diff of a 1 MiB text
			for i := range min(len(got), len(tt.want)) {
				g, w := got[i], tt.want[i]
				g.Text, w.Text = "", ""
				assert.Equal(t, w, g, "item %d", i)
			}
			for _, e := range errs {
				assert.NotContains(t, e, "jsonlArticle")
				assert.NotContains(t, e, "Go ")
			}
			for i, e := range tt.wantErr {
				if e == "" {
					assert.Empty(t, errs[i], "item %d", i)
				} else {
					assert.True(t, strings.HasPrefix(errs[i], e), "item %d: %q does not start with %q", i, errs[i], e)
				}
			}
		})
	}
}

// errReader fails after its content.
type errReader struct{ r *strings.Reader }

func (e errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil {
		return n, errors.New("disk on fire")
	}
	return n, nil
}

func TestReadJSONLReadError(t *testing.T) {
	var errs []error
	for _, err := range newsgraph.ReadJSONL(errReader{strings.NewReader("{\"text\":\"a\"}\n")}) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 2)
	assert.NoError(t, errs[0])
	assert.ErrorContains(t, errs[1], "newsgraph: reading line 2: disk on fire")
}

func TestExtractAllCancel(t *testing.T) {
	as := batchArticles(t, 40)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var n, failed int
	for r := range pipeline(t).ExtractAll(ctx, newsgraph.Articles(as), 2) {
		assert.Equal(t, n, r.Index, "in order")
		n++
		if n == 3 {
			cancel()
		}
		if r.Err != nil {
			assert.ErrorIs(t, r.Err, context.Canceled)
			failed++
		}
	}
	assert.GreaterOrEqual(t, n, 3)
	assert.Less(t, n, len(as), "reading stops")
	assert.Equal(t, context.Canceled, ctx.Err())

	// Stopping the iteration early stops the workers.
	n = 0
	for range pipeline(t).ExtractAll(context.Background(), newsgraph.Articles(as), 2) {
		n++
		if n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n)
}

// The input is read at most a window ahead of what was yielded.
func TestExtractAllBoundedReadAhead(t *testing.T) {
	const workers = 2
	var read, yielded, maxAhead atomic.Int64
	in := func(yield func(newsgraph.Article, error) bool) {
		for i := range 200 {
			if ahead := read.Add(1) - yielded.Load(); ahead > maxAhead.Load() {
				maxAhead.Store(ahead)
			}
			if !yield(newsgraph.Article{ID: fmt.Sprint(i), Text: "Putin met Erdogan."}, nil) {
				return
			}
		}
	}
	for range pipeline(t).ExtractAll(context.Background(), in, workers) {
		yielded.Add(1)
		time.Sleep(100 * time.Microsecond)
	}
	assert.Equal(t, int64(200), yielded.Load())
	assert.LessOrEqual(t, maxAhead.Load(), int64(4*workers+1))
}

// BenchmarkExtractAll measures batch throughput in articles/s with 1, 2
// and 4 workers over the testdata articles and a few short texts (as
// batchArticles cycles them); compare -j 1 and -j 2 with benchstat.
func BenchmarkExtractAll(b *testing.B) {
	as := batchArticles(b, 24)
	var size int64
	for _, a := range as {
		size += int64(len(a.Text))
	}
	p := pipeline(b)
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("j%d", workers), func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for r := range p.ExtractAll(context.Background(), newsgraph.Articles(as), workers) {
					if r.Err != nil {
						b.Fatal(r.Err)
					}
				}
			}
			b.ReportMetric(float64(len(as)*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// FuzzReadJSONL checks that ReadJSONL never panics and yields exactly one
// item, article or error, per non-blank line.
func FuzzReadJSONL(f *testing.F) {
	f.Add("{\"id\":\"a\",\"text\":\"x\"}\n\n{\"text\":\"y\",\"date\":\"2026-11-20\"}")
	f.Add("not json\r\n{\"id\":7,\"text\":\"\"}\n{\"id\":[1]}")
	f.Add("{\"text\":\"\\u00e9\\ud800\"}\n\xff\n")
	f.Fuzz(func(t *testing.T, in string) {
		want := 0
		for _, l := range strings.Split(in, "\n") {
			if strings.TrimSpace(l) != "" {
				want++
			}
		}
		got := 0
		for a, err := range newsgraph.ReadJSONL(strings.NewReader(in)) {
			got++
			if err == nil && a.ID == "" {
				t.Errorf("article without ID: %+v", a)
			}
		}
		if got != want {
			t.Errorf("%d items for %d non-blank lines", got, want)
		}
	})
}
