package htmlview_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/htmlview"
	"github.com/newsgraph/newsgraph/relations"
)

// chromiumFlags run Chromium headless, offline and without a profile of
// its own.
var chromiumFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
}

// chromium returns the Chromium binary, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("skipping: no chromium binary on PATH (apt-get install chromium; .ci/run installs it)")
	return ""
}

// sharedArticles returns the shared gold articles directory, found as
// shared/data/articles beside the working directory or a parent, or "".
func sharedArticles(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		d := filepath.Join(dir, "shared", "data", "articles")
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// dumpDOM loads the page in headless Chromium and returns the DOM after
// its scripts ran, and the wall time it took.
func dumpDOM(ctx context.Context, bin, page string) (string, time.Duration, error) {
	profile, err := os.MkdirTemp("", "htmlview-chromium-")
	if err != nil {
		return "", 0, err
	}
	defer os.RemoveAll(profile)
	args := append(append([]string{}, chromiumFlags...), "--user-data-dir="+profile, "--dump-dom", "file://"+page)
	cmd := exec.CommandContext(ctx, bin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err = cmd.Run()
	took := time.Since(start)
	if err != nil {
		return "", took, fmt.Errorf("%v: %s", err, errb.String())
	}
	return out.String(), took, nil
}

// TestBrowser renders the Kremlin article, a corpus of articles and a
// page of hostile input in headless Chromium and checks the DOM its
// script leaves: the script ran to its end without error, every mention
// is highlighted once, every entity is one SVG node, the relation list
// is there, and nothing from the hostile text ran.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	articles := sharedArticles(t)
	kremlin := filepath.Join(articles, "kremlin-visit.txt")
	corpusFiles, _ := filepath.Glob(filepath.Join(articles, "*.txt"))
	if articles == "" {
		t.Log("no shared/data/articles: using the repository's testdata articles")
		kremlin = filepath.Join("..", "testdata", "kremlin-visit.txt")
		corpusFiles, _ = filepath.Glob(filepath.Join("..", "testdata", "*.txt"))
		corpusFiles = corpusFiles[:min(len(corpusFiles), 12)]
	}
	require.NotEmpty(t, corpusFiles)

	ctx := context.Background()
	p, err := newsgraph.New()
	require.NoError(t, err)
	dir := t.TempDir()

	// One Chromium per page, each started as soon as its page is
	// written, so the browsers run while the corpus is extracted.
	pages := make([]string, 2)
	doms := make([]string, len(pages))
	errs := make([]error, len(pages))
	bctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	load := func(i int, pg string) {
		pages[i] = pg
		wg.Go(func() {
			// Each page opens with a selection, to check that selecting
			// works: relation 0 of the article, the heaviest entity of the
			// corpus.
			var took time.Duration
			doms[i], took, errs[i] = dumpDOM(bctx, bin, pg+[]string{"#r0", "#e0"}[i])
			ready := regexp.MustCompile(`data-ready-ms="(\d+)"`).FindStringSubmatch(doms[i])
			if len(ready) == 2 {
				t.Logf("%s: %d bytes, headless run %v, page ready %s ms after navigation", filepath.Base(pg), fileSize(pg), took.Round(10*time.Millisecond), ready[1])
			}
		})
	}
	defer wg.Wait()

	text, err := os.ReadFile(kremlin)
	require.NoError(t, err)
	doc, err := p.Extract(ctx, string(text))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, htmlview.WriteArticle(&buf, "kremlin-visit.txt", doc.Document, doc.Relations))
	articlePage := filepath.Join(dir, "kremlin.html")
	require.NoError(t, os.WriteFile(articlePage, buf.Bytes(), 0o644))
	load(0, articlePage)

	g := relations.NewGraph()
	for _, f := range corpusFiles {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		d, err := p.Extract(ctx, string(b))
		require.NoError(t, err)
		g.AddDated(filepath.Base(f), d.Date, d.Document, d.Relations)
	}
	// The hostile made-up report joins the corpus: its strings reach the
	// SVG, the JSON data and, through the script, the panel.
	hdoc, hrels := hostileDoc()
	g.Add(hostAttr, hdoc, hrels)
	g = g.Resolve()
	buf.Reset()
	require.NoError(t, htmlview.WriteCorpus(&buf, g, htmlview.Options{Title: hostCDATA}))
	corpusPage := filepath.Join(dir, "corpus.html")
	require.NoError(t, os.WriteFile(corpusPage, buf.Bytes(), 0o644))
	load(1, corpusPage)

	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, pages[i])
		html := regexp.MustCompile(`<html[^>]*>`).FindString(doms[i])
		assert.Contains(t, html, `data-script="ok"`, "%s: the page's script ran without error", filepath.Base(pages[i]))
		assert.NotContains(t, html, "data-pwned", "%s: hostile text ran", filepath.Base(pages[i]))
	}

	t.Run("article", func(t *testing.T) {
		dom := doms[0]
		assert.Equal(t, len(doc.Mentions), strings.Count(dom, `<mark class="m t-`), "one highlight per mention")
		assert.Equal(t, len(doc.Entities), strings.Count(dom, `<g class="node t-`), "one SVG node per entity")
		assert.Equal(t, len(doc.Relations), len(regexp.MustCompile(`<button type="button" class="rel[ "]`).FindAllString(dom, -1)), "relation list")
		assert.Contains(t, dom, fmt.Sprintf("ready: %d mentions, %d nodes, %d relations", len(doc.Mentions), len(doc.Entities), len(doc.Relations)))
		assert.Greater(t, len(doc.Relations), 5)
		// Relation 0 is selected: its evidence and both arguments are
		// highlighted, and it is the one relation pressed.
		assert.Equal(t, 1, strings.Count(dom, `class="rel on" data-r="0"`))
		assert.Regexp(t, `class="(ev|m t-[a-z]+) hl`, dom, "evidence highlighted")
		assert.GreaterOrEqual(t, strings.Count(dom, ` arg"`), 2, "both arguments highlighted")
	})
	t.Run("corpus", func(t *testing.T) {
		dom := doms[1]
		n := min(len(g.Entities()), htmlview.DefaultMaxNodes)
		assert.Equal(t, n, strings.Count(dom, `<g class="node t-`), "one SVG node per entity")
		assert.Equal(t, len(g.Relations()), strings.Count(dom, `<path class="e `), "one SVG edge per relation")
		// The script applied the filters: the top entities are drawn,
		// with the neighbours of the selected one.
		status := regexp.MustCompile(`showing (\d+) of (\d+) entities, `).FindStringSubmatch(dom)
		require.Len(t, status, 3)
		assert.Equal(t, fmt.Sprint(n), status[2])
		shown, _ := strconv.Atoi(status[1])
		assert.GreaterOrEqual(t, shown, min(n, htmlview.DefaultShow))
		assert.Contains(t, dom, `<h2>Heaviest entities</h2>`)
		// Entity 0 is selected: the panel lists its relations with
		// evidence and article IDs.
		assert.Regexp(t, `<h3>Relations \(\d+\)</h3>`, dom)
		assert.Regexp(t, `<blockquote>[^<]+<cite>[^<]+</cite></blockquote>`, dom)
	})
	t.Run("hostile", func(t *testing.T) {
		dom := doms[1]
		assert.Equal(t, 2, strings.Count(dom, "<script"), "only the page's own scripts")
		assert.False(t, strings.Contains(dom, "<img"), "no element from the text")
		assert.False(t, regexp.MustCompile(`<[^>]*\sonmouseover=`).MatchString(dom), "no attribute from the text")
		assert.Contains(t, dom, "<h1>]]&gt;&lt;/script&gt;&lt;script&gt;")
	})
}

func fileSize(name string) int64 {
	fi, err := os.Stat(name)
	if err != nil {
		return -1
	}
	return fi.Size()
}
