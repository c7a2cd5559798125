package depparse_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/internal/conllu"
	"github.com/newsgraph/newsgraph/internal/depparse"
	"github.com/newsgraph/newsgraph/internal/udtag"
)

// modelPath is the shipped parser, relative to this package.
const modelPath = "../../syntax/model/parser.bin"

// devPath is the UD dev treebank in the shared data beside the repository.
const devPath = "../../../shared/data/ud/dev.conllu"

var shipped = sync.OnceValues(func() (*depparse.Model, error) {
	f, err := os.Open(modelPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return depparse.Load(f)
})

func shippedModel(t testing.TB) *depparse.Model {
	m, err := shipped()
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("no %s: train it with go run ./internal/cmd/trainparser", modelPath)
	}
	require.NoError(t, err)
	return m
}

var devSents = sync.OnceValues(func() ([]*conllu.Sentence, error) { return conllu.ReadFile(devPath) })

func dev(t testing.TB) []*conllu.Sentence {
	if raceEnabled {
		t.Skip("dev treebank checks skipped under -race: ten times slower and single-goroutine; run go test without -race")
	}
	ss, err := devSents()
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("no UD dev data at %s (../shared is not beside the repository)", devPath)
	}
	require.NoError(t, err)
	return ss
}

func TestShippedModelGoldTagsFloor(t *testing.T) {
	sents := dev(t)
	m := shippedModel(t)
	s := m.Evaluate(sents)
	t.Logf("dev with gold tags: UAS %.2f LAS %.2f over %d words", s.UAS(), s.LAS(), s.Words)
	// Measured 83.3 UAS / 80.3 LAS when the model was trained on jackknifed
	// tags (syntax/model/README.md); the floors leave a point for retraining.
	assert.GreaterOrEqual(t, s.UAS(), 82.5)
	assert.GreaterOrEqual(t, s.LAS(), 79.4)
}

// taggerPath is the shipped UD tagger, relative to this package.
const taggerPath = "../../syntax/model/tagger.bin"

func TestShippedModelPredictedTagsFloor(t *testing.T) {
	sents := dev(t)
	m := shippedModel(t)
	f, err := os.Open(taggerPath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("no %s: the floor with predicted tags needs the UD tagger (go run ./internal/cmd/traintagger)", taggerPath)
	}
	require.NoError(t, err)
	defer f.Close()
	tg, err := udtag.Load(f)
	require.NoError(t, err)
	tagged := make([]*conllu.Sentence, len(sents))
	for i, s := range sents {
		c := &conllu.Sentence{Words: slices.Clone(s.Words)}
		up, xp := tg.Tag(s.Forms())
		for j := range c.Words {
			c.Words[j].UPOS, c.Words[j].XPOS = up[j], xp[j]
		}
		tagged[i] = c
	}
	s := m.Evaluate(tagged)
	t.Logf("dev with udtag tags: UAS %.2f LAS %.2f over %d words", s.UAS(), s.LAS(), s.Words)
	// Measured 80.15 UAS / 75.47 LAS with the udtag tagger of dev UPOS 93.8
	// (syntax/model/README.md); the floors leave a point and a half. Issue
	// 11 asks for UAS 84 and LAS 80: a better tagger is the way there.
	assert.GreaterOrEqual(t, s.UAS(), 78.5)
	assert.GreaterOrEqual(t, s.LAS(), 73.8)
}

func TestShippedModelLabels(t *testing.T) {
	if raceEnabled {
		t.Skip("skipped under -race: loading the shipped model there takes seconds, and Example loads it already")
	}
	m := shippedModel(t)
	for _, l := range []string{"root", "nsubj", "nsubj:pass", "obl:agent", "nmod:poss", "acl:relcl", "compound:prt"} {
		assert.Contains(t, m.Labels(), l)
	}
}

func BenchmarkParse(b *testing.B) {
	sents := dev(b)
	m := shippedModel(b)
	var words, upos, xpos [][]string
	ntok := 0
	for _, s := range sents[:1000] {
		u, x := make([]string, len(s.Words)), make([]string, len(s.Words))
		for i, w := range s.Words {
			u[i], x[i] = w.UPOS, w.XPOS
		}
		words, upos, xpos = append(words, s.Forms()), append(upos, u), append(xpos, x)
		ntok += len(s.Words)
	}
	cpu0 := cpuSeconds()
	for b.Loop() {
		for i := range words {
			m.Parse(words[i], upos[i], xpos[i])
		}
	}
	b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tokens/s")
	// On a shared machine wall time counts other processes' work too; the
	// process CPU time does not.
	b.ReportMetric(float64(ntok*b.N)/(cpuSeconds()-cpu0), "tokens/cpu-s")
}

// cpuSeconds returns the user and system CPU time of the process.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

func BenchmarkLoad(b *testing.B) {
	data, err := os.ReadFile(modelPath)
	if errors.Is(err, fs.ErrNotExist) {
		b.Skipf("no %s", filepath.Clean(modelPath))
	}
	require.NoError(b, err)
	b.SetBytes(int64(len(data)))
	var m *depparse.Model
	var heap uint64
	var cpu float64
	for b.Loop() {
		c0 := cpuSeconds()
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		m, err = depparse.Load(bytes.NewReader(data))
		require.NoError(b, err)
		cpu += cpuSeconds() - c0
		runtime.GC()
		runtime.ReadMemStats(&after)
		heap = after.HeapAlloc - before.HeapAlloc
	}
	runtime.KeepAlive(m)
	b.ReportMetric(float64(heap)/(1<<20), "MB-heap")
	b.ReportMetric(1000*cpu/float64(b.N), "cpu-ms/load")
}
