package nertag

import (
	"bytes"
	"compress/gzip"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

func tinyDocs() []Doc {
	mk := func(text, tags string) ([]string, []uint8) {
		var g []uint8
		for _, t := range strings.Fields(tags) {
			g = append(g, uint8(TagIndex(t)))
		}
		return strings.Fields(text), g
	}
	var docs []Doc
	sents := [][2]string{
		{"John Smith visited Paris on Monday .", "B-PER I-PER O B-LOC O O O"},
		{"Acme Corp opened an office in Berlin .", "B-ORG I-ORG O O O O B-LOC O"},
		{"The German team lost to Brazil .", "O B-MISC O O O B-LOC O"},
		{"Smith said Acme will grow .", "B-PER O B-ORG O O O"},
	}
	for d := 0; d < 6; d++ {
		var doc Doc
		for i := range sents {
			s, g := mk(sents[(i+d)%len(sents)][0], sents[(i+d)%len(sents)][1])
			doc.Sents = append(doc.Sents, s)
			doc.Gold = append(doc.Gold, g)
		}
		doc.Fold = d
		docs = append(docs, doc)
	}
	return docs
}

func tinyClusters() *Clusters {
	cl := &Clusters{Words: []string{"paris", "berlin", "brazil", "monday", "john", "smith"}, Fine: []uint16{0, 0, 0, 1, 2, 2}, Fine2: []uint16{0, 0, 1, 2, 3, 3}}
	for k := range cl.Levels {
		cl.Levels[k] = []uint16{0, 1, 2}
	}
	return cl
}

func trainTiny(t *testing.T) []byte {
	t.Helper()
	m := Train(tinyDocs(), tinyClusters(), Config{Bits: 12, Epochs: 5, Folds: 3, Seed: 1, Workers: 2})
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestTrainDeterministicAndFits(t *testing.T) {
	a, b := trainTiny(t), trainTiny(t)
	if !bytes.Equal(a, b) {
		t.Fatal("training is not deterministic")
	}
	m, err := Read(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	docs := tinyDocs()
	var gold, pred [][]uint8
	for _, d := range docs {
		gold = append(gold, d.Gold...)
		pred = append(pred, m.TagDoc(d.Sents)...)
	}
	if s := Evaluate(gold, pred); s[0].F1 < 99 {
		t.Errorf("training-set F1 %v", s[0])
	}
}

func TestEvaluate(t *testing.T) {
	g := [][]uint8{{1, 5, 0, 3}, {2, 6, 6}}
	p := [][]uint8{{1, 5, 0, 4}, {2, 6, 0}}
	s := Evaluate(g, p)
	// gold: PER, LOC, ORG(3); pred: PER, MISC, ORG(2): 1 correct of 3 and 3
	if s[0].P < 33.3 || s[0].P > 33.4 || s[0].R < 33.3 || s[0].R > 33.4 || s[1].F1 != 100 {
		t.Errorf("scores %v", s)
	}
}

func TestViterbiValid(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var trans [NumTags + 1][NumTags]int32
	for n := 1; n < 40; n++ {
		em := make([]int32, n*NumTags)
		for i := range em {
			em[i] = rng.Int32N(2000) - 1000
		}
		out, bp := make([]uint8, n), make([]uint8, n*NumTags)
		viterbi(em, &trans, out, bp)
		prev := NumTags
		for _, x := range out {
			if !allowed[prev][x] {
				t.Fatalf("invalid transition %d -> %d", prev, x)
			}
			prev = int(x)
		}
	}
}

// TestReadCorrupt checks that damaged models give errors, not panics.
func TestReadCorrupt(t *testing.T) {
	good := trainTiny(t)
	zr, err := gzip.NewReader(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 300; i++ {
		bad := append([]byte(nil), raw...)
		switch i % 3 {
		case 0:
			bad = bad[:rng.IntN(len(bad))]
		default:
			for k := 0; k < 1+rng.IntN(4); k++ {
				bad[rng.IntN(len(bad))] = byte(rng.Uint32())
			}
		}
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(bad)
		zw.Close()
		m, err := Read(&b)
		if err == nil {
			// a model that decodes must still tag without panicking
			m.TagDoc([][]string{{"John", "Smith", "in", "Paris"}})
		} else if !strings.HasPrefix(err.Error(), "entities: ") {
			t.Fatalf("error %q lacks the package prefix", err)
		}
	}
}

func TestLexiconMarks(t *testing.T) {
	lex := LexiconKeys(map[string]uint8{
		"new york":      1 << 7,
		"new york city": 1 << 2,
		"york":          1 << 5,
	})
	var m Model
	words := strings.Fields("He left New York City for york and York .")
	toks := make([]tok, len(words))
	for i, w := range words {
		m.prepare(&toks[i], w)
	}
	out := make([]uint32, len(toks))
	gazMarks(toks, lex, out)
	code := func(i, class int) uint32 { return out[i] >> (3 * class) & 7 }
	// "New York City": class 2 B I L; "New York": class 7 B L; "York" alone: class 5 U.
	want := []struct {
		tok, class int
		code       uint32
	}{
		{2, 2, 1}, {3, 2, 2}, {4, 2, 3},
		{2, 7, 1}, {3, 7, 3}, {4, 7, 0},
		{3, 5, 4},
		{6, 5, 0}, // lower-case "york" starts no match
		{8, 5, 4},
		{0, 2, 0}, {1, 7, 0},
	}
	for _, w := range want {
		if got := code(w.tok, w.class); got != w.code {
			t.Errorf("%q class %d: code %d, want %d", words[w.tok], w.class, got, w.code)
		}
	}
	// The lexicon travels with the model and changes what it learns.
	docs := tinyDocs()
	plain := Train(docs, tinyClusters(), Config{Bits: 12, Epochs: 3, Folds: 2, Seed: 1, Workers: 1})
	withLex := Train(docs, tinyClusters(), Config{Bits: 12, Epochs: 3, Folds: 2, Seed: 1, Workers: 1, Lexicon: map[string]uint8{"acme corp": 1 << 1}})
	var a, b bytes.Buffer
	if err := plain.Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := withLex.Write(&b); err != nil {
		t.Fatal(err)
	}
	r, err := Read(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.gaz) != 1 || bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("lexicon not stored with the model: %d entries", len(r.gaz))
	}
}
