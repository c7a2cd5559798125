package udtag_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/internal/conllu"
	"github.com/newsgraph/newsgraph/internal/udtag"
)

// The UD tag sets the tagger may answer with.
var (
	uposSet = set("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X")
	xposSet = set("$ `` '' , -LRB- -RRB- . : ADD AFX CC CD DT EX FW GW HYPH IN JJ JJR JJS LS MD NFP NN NNP NNPS NNS PDT POS PRP PRP$ RB RBR RBS RP SYM TO UH VB VBD VBG VBN VBP VBZ WDT WP WP$ WRB XX")
)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		m[f] = true
	}
	return m
}

// mini is a small model trained once on the sentences of testdata/mini.conllu.
var mini = sync.OnceValues(func() (*udtag.Model, error) {
	ss, err := conllu.ReadFile(filepath.Join("testdata", "mini.conllu"))
	if err != nil {
		return nil, err
	}
	return udtag.Train(ss, udtag.TrainOptions{Epochs: 8, Runs: 2, Seed: 3})
})

// shipped is the model in syntax/model/tagger.bin, loaded once.
var shipped = sync.OnceValues(func() (*udtag.Model, error) {
	f, err := os.Open(filepath.Join("..", "..", "syntax", "model", "tagger.bin"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return udtag.Load(f)
})

func miniModel(t testing.TB) *udtag.Model {
	m, err := mini()
	require.NoError(t, err)
	return m
}

func shippedModel(t testing.TB) *udtag.Model {
	m, err := shipped()
	if os.IsNotExist(err) {
		t.Skip("syntax/model/tagger.bin is absent: build it with go run ./internal/cmd/traintagger")
	}
	require.NoError(t, err)
	return m
}

func devSentences(t testing.TB) []*conllu.Sentence {
	path := filepath.Join("..", "..", "..", "shared", "data", "ud", "dev.conllu")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no UD dev data at %s (../shared is not beside the repository)", path)
	}
	ss, err := conllu.ReadFile(path)
	require.NoError(t, err)
	return ss
}

func TestTrainTagsTrainingSentences(t *testing.T) {
	m := miniModel(t)
	up, xp := m.Tag([]string{"The", "children", "walked", "to", "the", "park", "."})
	assert.Equal(t, []string{"DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT"}, up)
	assert.Equal(t, []string{"DT", "NNS", "VBD", "IN", "DT", "NN", "."}, xp)
	// The pipeline keeps "well-known" whole; the merged training copy
	// teaches it as an adjective.
	up, xp = m.Tag([]string{"Two", "well-known", "singers", "visited", "Lisbon", "."})
	assert.Equal(t, "ADJ", up[1])
	assert.Equal(t, "JJ", xp[1])
	assert.Equal(t, "walk", m.Lemma("walked", "VERB", "VBD"))
	assert.Equal(t, "bridge", m.Lemma("bridges", "NOUN", "NNS"))
	assert.Equal(t, "child", m.Lemma("children", "NOUN", "NNS"))
}

func TestTrainDeterministic(t *testing.T) {
	ss, err := conllu.ReadFile(filepath.Join("testdata", "mini.conllu"))
	require.NoError(t, err)
	opt := udtag.TrainOptions{Epochs: 8, Runs: 2, Seed: 3}
	var a, b bytes.Buffer
	m1, err := udtag.Train(ss, opt)
	require.NoError(t, err)
	require.NoError(t, m1.Write(&a))
	m2, err := udtag.Train(ss, opt)
	require.NoError(t, err)
	require.NoError(t, m2.Write(&b))
	assert.Equal(t, a.Bytes(), b.Bytes(), "same data and options give the same bytes")

	back, err := udtag.Load(bytes.NewReader(a.Bytes()))
	require.NoError(t, err)
	words := []string{"She", "painted", "a", "small", "bakery", "."}
	u1, x1 := m1.Tag(words)
	u2, x2 := back.Tag(words)
	assert.Equal(t, u1, u2)
	assert.Equal(t, x1, x2)
	assert.Equal(t, m1.Classes(), back.Classes())

	_, err = udtag.Train(nil, opt)
	assert.ErrorContains(t, err, "udtag:")
}

func TestJackknife(t *testing.T) {
	ss, err := conllu.ReadFile(filepath.Join("testdata", "mini.conllu"))
	require.NoError(t, err)
	orig, merged, err := udtag.Jackknife(ss, 3, udtag.TrainOptions{Epochs: 4, Runs: 1})
	require.NoError(t, err)
	require.Len(t, orig, len(ss))
	require.Len(t, merged, len(ss))
	for i, s := range ss {
		require.Equal(t, s.Forms(), orig[i].Forms())
		assert.Equal(t, conllu.MergePipelineTokens(s).Forms(), merged[i].Forms())
		for j, w := range orig[i].Words {
			assert.True(t, uposSet[w.UPOS] && xposSet[w.XPOS], "%s %s", w.UPOS, w.XPOS)
			assert.Equal(t, s.Words[j].Lemma, w.Lemma, "other columns kept")
		}
	}
	assert.NotEqual(t, "", ss[0].Words[0].UPOS, "input left as it was")
	_, _, err = udtag.Jackknife(ss, 1, udtag.TrainOptions{})
	assert.ErrorContains(t, err, "udtag:")
}

func TestLoadErrors(t *testing.T) {
	var good bytes.Buffer
	require.NoError(t, miniModel(t).Write(&good))
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"text", []byte("not a model at all")},
		{"truncated", good.Bytes()[:good.Len()/2]},
		{"html", []byte("<html><body>404</body></html>")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := udtag.Load(bytes.NewReader(tt.data))
			assert.Nil(t, m)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), "udtag:"), err.Error())
			assert.ErrorIs(t, err, udtag.ErrFormat)
		})
	}
}

// checkTags asserts the tags of words are well formed.
func checkTags(t *testing.T, m *udtag.Model, words []string) {
	t.Helper()
	up, xp := m.Tag(words)
	require.Len(t, up, len(words))
	require.Len(t, xp, len(words))
	for i := range words {
		assert.True(t, uposSet[up[i]], "UPOS %q", up[i])
		assert.True(t, xposSet[xp[i]], "XPOS %q", xp[i])
		l := m.Lemma(words[i], up[i], xp[i])
		assert.True(t, utf8.ValidString(l), "lemma %q", l)
	}
}

func TestAnyWords(t *testing.T) {
	odd := [][]string{
		nil,
		{""},
		{"", "", ""},
		{strings.Repeat("x", 100000)},
		{"a\xff\xfeb", "\xc3", "ok"},
		{"<p>", "&amp;", "</p>"},
		{"\x00", "\t", " ", "\u200b"},
		strings.Fields(strings.Repeat("word ", 5000)),
		{"ÉCOLE", "naïve", "日本", "🙂"},
	}
	models := []*udtag.Model{miniModel(t)}
	if m, err := shipped(); err == nil {
		models = append(models, m)
	}
	for _, m := range models {
		for _, words := range odd {
			checkTags(t, m, words)
		}
	}
}

func FuzzTag(f *testing.F) {
	f.Add("The farmers walked to the market .")
	f.Add("well-known 40% U.S.-led")
	f.Add("\xff\xfe \x00 <b>")
	f.Add("")
	m, err := mini()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Split(s, " ")
		up, xp := m.Tag(words)
		if len(up) != len(words) || len(xp) != len(words) {
			t.Fatalf("%d words, %d/%d tags", len(words), len(up), len(xp))
		}
		for i, w := range words {
			if !uposSet[up[i]] || !xposSet[xp[i]] {
				t.Fatalf("word %q: tags %q %q", w, up[i], xp[i])
			}
			if l := m.Lemma(w, up[i], xp[i]); !utf8.ValidString(l) {
				t.Fatalf("word %q: lemma %q", w, l)
			}
		}
	})
}

func TestConcurrentTagging(t *testing.T) {
	m := miniModel(t)
	sents := [][]string{
		{"The", "old", "ship", "sailed", "."},
		{"Prices", "rose", "5%", "last", "year", "."},
		{"We", "washed", "the", "walls", "."},
	}
	want := make([][2][]string, len(sents))
	for i, s := range sents {
		want[i][0], want[i][1] = m.Tag(s)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 50; r++ {
				i := (g + r) % len(sents)
				u, x := m.Tag(sents[i])
				assert.Equal(t, want[i][0], u)
				assert.Equal(t, want[i][1], x)
			}
		}()
	}
	wg.Wait()
}

// devFloor is the dev UPOS of the shipped model (see syntax/model/README.md)
// less 0.3 points.
const devFloor = 94.3

func TestShippedModelOnDev(t *testing.T) {
	m := shippedModel(t)
	dev := devSentences(t)
	sc := udtag.Evaluate(m, dev)
	t.Logf("dev: %s", sc)
	assert.GreaterOrEqual(t, sc.UPOS, devFloor)
	assert.GreaterOrEqual(t, sc.XPOS, devFloor-1.3)
	assert.GreaterOrEqual(t, sc.Lemma, 96.0)
}

func TestShippedLemmas(t *testing.T) {
	m := shippedModel(t)
	tests := []struct{ word, upos, xpos, want string }{
		{"ran", "VERB", "VBD", "run"},
		{"written", "VERB", "VBN", "write"},
		{"studies", "NOUN", "NNS", "study"},
		{"children", "NOUN", "NNS", "child"},
		{"is", "AUX", "VBZ", "be"},
		{"n't", "PART", "RB", "not"},
		{"Negotiations", "NOUN", "NNS", "negotiation"},
		{"Ankara", "PROPN", "NNP", "Ankara"},
		{"larger", "ADJ", "JJR", "large"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, m.Lemma(tt.word, tt.upos, tt.xpos), tt.word)
	}
}

func BenchmarkTag(b *testing.B) {
	m := shippedModel(b)
	dev := devSentences(b)
	sents := make([][]string, len(dev))
	n := 0
	for i, s := range dev {
		sents[i] = s.Forms()
		n += len(sents[i])
	}
	for b.Loop() {
		for _, s := range sents {
			m.Tag(s)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "syntax", "model", "tagger.bin"))
	if err != nil {
		b.Skip("syntax/model/tagger.bin is absent")
	}
	for b.Loop() {
		if _, err := udtag.Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
