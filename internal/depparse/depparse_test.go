package depparse_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/internal/conllu"
	"github.com/newsgraph/newsgraph/internal/depparse"
)

func tinySents(t testing.TB) []*conllu.Sentence {
	f, err := os.Open("testdata/tiny.conllu")
	require.NoError(t, err)
	defer f.Close()
	ss, err := conllu.ReadAll(f)
	require.NoError(t, err)
	return ss
}

var tinyClusters = &depparse.Clusters{
	Words:  []string{"the", "a", "mayor", "farmers", "clerks", "workers", "bridge", "market"},
	Fine:   []uint16{1, 1, 2, 2, 2, 2, 3, 3},
	Coarse: []uint16{0, 0, 1, 1, 1, 1, 1, 1},
}

// tinyModel trains once on the hand-written sentences of testdata and
// returns the model and its bytes.
var tinyModel = sync.OnceValues(func() (*depparse.Model, []byte) {
	f, err := os.Open("testdata/tiny.conllu")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	ss, err := conllu.ReadAll(f)
	if err != nil {
		panic(err)
	}
	m, err := depparse.Train(ss, depparse.TrainOptions{Epochs: 10, MoveBits: 12, LabelBits: 10, Seed: 3, Clusters: tinyClusters})
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		panic(err)
	}
	return m, buf.Bytes()
})

// checkTree asserts that heads and labels form a tree with exactly one root
// labelled "root", heads in range, no cycle, and labels of the model.
func checkTree(t testing.TB, m *depparse.Model, n int, heads []int, labels []string) {
	t.Helper()
	require.Len(t, heads, n)
	require.Len(t, labels, n)
	roots := 0
	for i, h := range heads {
		require.True(t, h >= 0 && h <= n && h != i+1, "word %d: head %d of %d", i+1, h, n)
		if h == 0 {
			roots++
			require.Equal(t, "root", labels[i])
		} else {
			require.NotEqual(t, "root", labels[i], "word %d", i+1)
		}
		require.Contains(t, m.Labels(), labels[i])
	}
	if n > 0 {
		require.Equal(t, 1, roots)
	}
	for i := range heads {
		k := i + 1
		for steps := 0; k != 0; steps++ {
			require.LessOrEqual(t, steps, n, "cycle through word %d", i+1)
			k = heads[k-1]
		}
	}
}

func TestTrainFitsTinyTreebank(t *testing.T) {
	m, _ := tinyModel()
	s := m.Evaluate(tinySents(t))
	// Six short sentences seen ten times: a working learner fits them.
	assert.GreaterOrEqual(t, s.UAS(), 95.0)
	assert.GreaterOrEqual(t, s.LAS(), 90.0)
	assert.Contains(t, m.Labels(), "nsubj:pass")
	assert.Contains(t, m.Labels(), "compound:prt")
}

func TestTrainDeterministic(t *testing.T) {
	_, b1 := tinyModel()
	m, err := depparse.Train(tinySents(t), depparse.TrainOptions{Epochs: 10, MoveBits: 12, LabelBits: 10, Seed: 3, Clusters: tinyClusters})
	require.NoError(t, err)
	var b2 bytes.Buffer
	require.NoError(t, m.Write(&b2))
	assert.True(t, bytes.Equal(b1, b2.Bytes()), "two trainings gave different bytes")
}

func TestTrainRejectsNoTrees(t *testing.T) {
	_, err := depparse.Train(nil, depparse.TrainOptions{})
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "depparse: "))
}

func TestWriteLoadRoundTrip(t *testing.T) {
	m, b := tinyModel()
	m2, err := depparse.Load(bytes.NewReader(b))
	require.NoError(t, err)
	var again bytes.Buffer
	require.NoError(t, m2.Write(&again))
	assert.Equal(t, b, again.Bytes())
	assert.Equal(t, m.Labels(), m2.Labels())
	for _, s := range tinySents(t) {
		h1, l1 := m.Parse(s.Forms(), nil, nil)
		h2, l2 := m2.Parse(s.Forms(), nil, nil)
		assert.Equal(t, h1, h2)
		assert.Equal(t, l1, l2)
	}
}

func TestLoadCorrupt(t *testing.T) {
	_, b := tinyModel()
	cases := map[string][]byte{
		"empty":     nil,
		"garbage":   []byte("not a model at all, just some text"),
		"truncated": b[:len(b)/2],
		"one byte":  b[:1],
	}
	flipped := slices.Clone(b)
	flipped[len(flipped)/3] ^= 0x40
	cases["flipped"] = flipped
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := depparse.Load(bytes.NewReader(data))
			require.Error(t, err)
			assert.ErrorIs(t, err, depparse.ErrFormat)
		})
	}
}

func randomWord(r *rand.Rand) string {
	switch r.IntN(8) {
	case 0:
		return ""
	case 1:
		return string([]byte{0xff, 0xfe, byte(r.IntN(256))})
	case 2:
		return strings.Repeat("x", 1+r.IntN(5000))
	case 3:
		return "<b>tag</b>"
	}
	words := []string{"the", "mayor", "sold", "apples", ".", ",", "in", "Rain", "fell", "Zürich", "40%"}
	return words[r.IntN(len(words))]
}

func TestParseAlwaysTree(t *testing.T) {
	m, _ := tinyModel()
	r := rand.New(rand.NewPCG(1, 2))
	tags := []string{"NN", "VBD", "DT", ".", "IN", "unknown", ""}
	lengths := []int{0, 1, 2, 3, 5, 8, 13, 40, 120, 1500}
	for _, n := range lengths {
		for range 5 {
			words := make([]string, n)
			xpos := make([]string, r.IntN(n+1)) // tags may be short
			for i := range words {
				words[i] = randomWord(r)
			}
			for i := range xpos {
				xpos[i] = tags[r.IntN(len(tags))]
			}
			heads, labels := m.Parse(words, nil, xpos)
			checkTree(t, m, n, heads, labels)
		}
	}
}

func TestParseConcurrent(t *testing.T) {
	m, _ := tinyModel()
	sents := tinySents(t)
	want := make([][]int, len(sents))
	for i, s := range sents {
		want[i], _ = m.Parse(s.Forms(), nil, nil)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 50 {
				i := (g + k) % len(sents)
				h, _ := m.Parse(sents[i].Forms(), nil, nil)
				assert.Equal(t, want[i], h)
			}
		})
	}
	wg.Wait()
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		name        string
		heads, want []int
	}{
		{"projective unchanged", []int{2, 0, 2}, []int{2, 0, 2}},
		// 1 -> 3 crosses 2 -> 4 (4 hangs from 2 across 3, whose head is 1).
		{"crossing arc lifted", []int{0, 1, 1, 2}, []int{0, 1, 1, 1}},
		{"single word", []int{0}, []int{0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, depparse.Projectivize(tc.heads))
		})
	}
}

func FuzzParse(f *testing.F) {
	m, _ := tinyModel()
	f.Add("The mayor opened a new bridge .", "DT NN VBD DT JJ NN .")
	f.Add("", "")
	f.Add("\xff\xfe \x00", "NN")
	f.Add("a b c d e f g h i j k l m n o p", "IN IN IN")
	f.Fuzz(func(t *testing.T, text, tags string) {
		words := strings.Split(text, " ")
		if text == "" {
			words = nil
		}
		xpos := strings.Fields(tags)
		heads, labels := m.Parse(words, xpos, xpos)
		checkTree(t, m, len(words), heads, labels)
	})
}
