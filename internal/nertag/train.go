package nertag

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
)

// Doc is one training document: sentences of tokens and their gold tag indices.
type Doc struct {
	Sents [][]string
	Gold  [][]uint8
	Fold  int // jackknife fold key: copies of one document must share it
}

// Clusters is a word-cluster table: Words[i] belongs to fine cluster Fine[i] and
// to the second clustering's Fine2[i]; Levels[k][fine] gives the cluster at granularity k.
type Clusters struct {
	Vecs   []float32 // optional: Dim-dimensional unit vectors of the first NDense words (training only)
	Dim    int
	NDense int
	Words  []string
	Fine   []uint16
	Fine2  []uint16
	Levels [4][]uint16
}

// Config controls training.
type Config struct {
	Bits      uint   // log2 of the number of hashed feature rows
	Epochs    int    // perceptron epochs per stage
	Folds     int    // jackknife folds for stage 2 (0: no stage 2)
	Seed      uint64 // shuffling seed
	Workers   int
	Gazetteer bool // add jackknifed training-gazetteer features
	// Lexicon, if set, is an external gazetteer: lower-case phrases (tokens
	// separated by single spaces) with a mask of up to eight classes. It is
	// stored in the model and marks the tokens it covers, in training and tagging.
	// It excludes Gazetteer, whose marks use the same bits.
	Lexicon map[string]uint8
	Logf    func(format string, args ...any)
}

// NewModel returns an untrained model with the given cluster table.
func NewModel(cl *Clusters, bits uint) *Model {
	m := &Model{bits: bits, flevel: FeatureLevel}
	if cl != nil {
		m.clusters = newClusterTable(len(cl.Words))
		nd := 0
		if cl.Dim > 0 && cl.NDense > 0 && len(cl.Vecs) >= cl.NDense*cl.Dim {
			nd = cl.NDense
			m.nrows, m.dim = nd, cl.Dim
			maxAbs := float32(1e-9)
			for _, x := range cl.Vecs[:nd*cl.Dim] {
				maxAbs = max(maxAbs, x, -x)
			}
			m.vecs = make([]int8, nd*cl.Dim)
			for i, x := range cl.Vecs[:nd*cl.Dim] {
				m.vecs[i] = int8(math.Round(float64(x * 127 / maxAbs)))
			}
		}
		for i, w := range cl.Words {
			row := uint32(0)
			if i < nd {
				row = uint32(i + 1)
			}
			m.clusters.insert(hashString(w), clusterVal{cl.Fine[i], cl.Fine2[i], row})
			if int(cl.Fine[i]) >= m.nclust {
				m.nclust = int(cl.Fine[i]) + 1
			}
		}
		for k := range m.levels {
			m.levels[k] = append([]uint16(nil), cl.Levels[k]...)
		}
	}
	return m
}

type sentInst struct {
	rows  []int32
	feats []uint32
	off   []int32
	gold  []uint8
}

type prepared struct {
	rows    []int32
	feats   []uint32
	off     []int32
	sentOff []int
	gold    []uint8
}

func (m *Model) prepTrain(d *Doc, gaz map[uint64]uint8) *prepared {
	sc := m.getScratch()
	defer m.pool.Put(sc)
	m.prepDocGaz(sc, d.Sents, gaz)
	p := &prepared{
		feats:   append([]uint32(nil), sc.feats...),
		off:     append([]int32(nil), sc.off...),
		sentOff: append([]int(nil), sc.sentOff...),
	}
	for _, g := range d.Gold {
		p.gold = append(p.gold, g...)
	}
	p.rows = make([]int32, len(sc.toks))
	for i := range sc.toks {
		p.rows[i] = sc.toks[i].row
	}
	return p
}

func instances(p *prepared, feats []uint32, off []int32) []sentInst {
	var out []sentInst
	for si := 0; si+1 < len(p.sentOff); si++ {
		a, b := p.sentOff[si], p.sentOff[si+1]
		if a == b {
			continue
		}
		o := make([]int32, b-a+1)
		for i := range o {
			o[i] = off[a+i] - off[a]
		}
		out = append(out, sentInst{rows: p.rows[a:b], feats: feats[off[a]:off[b]], off: o, gold: p.gold[a:b]})
	}
	return out
}

// trainStage runs the averaged perceptron over insts, runs times with different
// shuffling seeds, and sums the averaged weights.
func (m *Model) trainStage(insts []sentInst, bits uint, epochs int, seed uint64) stage {
	nb := 1 << bits
	acc := make([]float64, nb*NumTags)
	accD := make([]float64, 3*m.dim*NumTags)
	var tacc [NumTags + 1][NumTags]float64
	for r := 0; r < trainRuns; r++ {
		m.perceptron(insts, bits, epochs, seed+uint64(r)*7919, acc, accD, &tacc)
	}
	maxAbs := 1e-9
	for _, x := range acc {
		maxAbs = max(maxAbs, math.Abs(x))
	}
	var table []float64
	if m.dim > 0 {
		table = make([]float64, (m.nrows+1)*3*NumTags)
		for r := 1; r <= m.nrows; r++ {
			x := m.vecs[(r-1)*m.dim : r*m.dim]
			for p := 0; p < 3; p++ {
				out := table[(r*3+p)*NumTags : (r*3+p+1)*NumTags]
				for d, xd := range x {
					wd := accD[(p*m.dim+d)*NumTags : (p*m.dim+d+1)*NumTags]
					for t := range out {
						out[t] += float64(xd) * wd[t]
					}
				}
			}
		}
		for _, x := range table {
			maxAbs = max(maxAbs, math.Abs(x))
		}
	}
	scale := 32000 / maxAbs
	var st stage
	if table != nil {
		st.dense = make([]int16, len(table))
		for i, x := range table {
			st.dense[i] = int16(math.Round(x * scale))
		}
	}
	st.w = make([]int16, nb*NumTags)
	for i, x := range acc {
		st.w[i] = int16(math.Round(x * scale))
	}
	for a := range tacc {
		for b := range tacc[a] {
			st.trans[a][b] = int32(math.Round(tacc[a][b] * scale))
		}
	}
	return st
}

// trainRuns is the number of perceptron runs averaged per stage.
var trainRuns = 1

// SetRuns sets the number of perceptron runs (different shuffles) averaged per stage.
func SetRuns(n int) { trainRuns = max(n, 1) }

// SparseValue is the value of a binary feature relative to the int8 vector components.
var SparseValue int32 = 32

func (m *Model) perceptron(insts []sentInst, bits uint, epochs int, seed uint64, acc, accD []float64, tacc *[NumTags + 1][NumTags]float64) {
	nb := 1 << bits
	V := SparseValue
	dim := m.dim
	w := make([]int32, nb*NumTags)
	u := make([]int64, nb*NumTags)
	dw := make([]int32, 3*dim*NumTags)
	du := make([]int64, 3*dim*NumTags)
	vec := func(r int32) []int8 {
		if r == 0 || dim == 0 {
			return nil
		}
		return m.vecs[int(r-1)*dim : int(r)*dim]
	}
	var tw [NumTags + 1][NumTags]int32
	var tu [NumTags + 1][NumTags]int64
	c := int64(1)
	order := make([]int, len(insts))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	var em []int32
	var bp, pred []uint8
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, ix := range order {
			in := &insts[ix]
			n := len(in.gold)
			if cap(em) < n*NumTags {
				em = make([]int32, n*NumTags)
				bp = make([]uint8, n*NumTags)
				pred = make([]uint8, n)
			}
			em, bp, pred = em[:n*NumTags], bp[:n*NumTags], pred[:n]
			for i := 0; i < n; i++ {
				var s [NumTags]int32
				for _, fi := range in.feats[in.off[i]:in.off[i+1]] {
					row := w[int(fi)*NumTags : int(fi)*NumTags+NumTags]
					for t := range s {
						s[t] += row[t]
					}
				}
				if dim > 0 {
					for p := 0; p < 3; p++ {
						j := i + p - 1 // p=0: word i-1, p=1: word i, p=2: word i+1
						if j < 0 || j >= n {
							continue
						}
						x := vec(in.rows[j])
						for d, xd := range x {
							wd := dw[(p*dim+d)*NumTags : (p*dim+d+1)*NumTags]
							for t := range s {
								s[t] += int32(xd) * wd[t]
							}
						}
					}
				}
				copy(em[i*NumTags:], s[:])
			}
			viterbi(em, &tw, pred, bp)
			for i := 0; i < n; i++ {
				g, p := in.gold[i], pred[i]
				pg, pp := uint8(NumTags), uint8(NumTags)
				if i > 0 {
					pg, pp = in.gold[i-1], pred[i-1]
				}
				if g != p {
					for _, fi := range in.feats[in.off[i]:in.off[i+1]] {
						base := int(fi) * NumTags
						w[base+int(g)] += V
						u[base+int(g)] += c * int64(V)
						w[base+int(p)] -= V
						u[base+int(p)] -= c * int64(V)
					}
					for q := 0; q < 3 && dim > 0; q++ {
						j := i + q - 1
						if j < 0 || j >= n {
							continue
						}
						for d, xd := range vec(in.rows[j]) {
							base := (q*dim + d) * NumTags
							dw[base+int(g)] += int32(xd)
							du[base+int(g)] += c * int64(xd)
							dw[base+int(p)] -= int32(xd)
							du[base+int(p)] -= c * int64(xd)
						}
					}
				}
				if g != p || pg != pp {
					tw[pg][g] += V
					tu[pg][g] += c * int64(V)
					tw[pp][p] -= V
					tu[pp][p] -= c * int64(V)
				}
			}
			c++
		}
	}
	avg := func(wv int32, uv int64) float64 { return float64(wv) - float64(uv)/float64(c) }
	for i := range w {
		acc[i] += avg(w[i], u[i])
	}
	for i := range dw {
		accD[i] += avg(dw[i], du[i])
	}
	for a := range tw {
		for b := range tw[a] {
			tacc[a][b] += avg(tw[a][b], tu[a][b])
		}
	}
}

// Train trains a model on docs. Deterministic for a given input and config.
func Train(docs []Doc, cl *Clusters, cfg Config) *Model {
	logf := cfg.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if cfg.Workers < 1 {
		cfg.Workers = 1
	}
	m := NewModel(cl, cfg.Bits)
	folds := max(cfg.Folds, 2)
	var gazF []map[uint64]uint8
	if cfg.Lexicon != nil && cfg.Gazetteer {
		panic("nertag: Config.Lexicon and Config.Gazetteer exclude each other")
	}
	if cfg.Lexicon != nil {
		m.gaz = LexiconKeys(cfg.Lexicon)
		logf("lexicon: %d entries", len(m.gaz))
	}
	if cfg.Gazetteer {
		m.gaz = buildGaz(docs, func(int) bool { return true })
		for f := 0; f < folds; f++ {
			gazF = append(gazF, buildGaz(docs, func(d int) bool { return docs[d].Fold%folds != f }))
		}
		logf("gazetteer: %d entries", len(m.gaz))
	}
	docGaz := func(d int) map[uint64]uint8 {
		if gazF == nil {
			return m.gaz // the lexicon, or nil
		}
		return gazF[docs[d].Fold%folds]
	}
	prep := make([]*prepared, len(docs))
	for i := range docs {
		prep[i] = m.prepTrain(&docs[i], docGaz(i))
	}
	all := func(keep func(d int) bool) []sentInst {
		var out []sentInst
		for d, p := range prep {
			if keep(d) {
				out = append(out, instances(p, p.feats, p.off)...)
			}
		}
		return out
	}
	if cfg.Folds < 2 {
		m.stages[0] = m.trainStage(all(func(int) bool { return true }), cfg.Bits, cfg.Epochs, cfg.Seed)
		return m
	}
	// jackknife: stage-1 predictions for every training document from a model that did not see it
	jack := make([][]uint8, len(docs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, cfg.Workers)
	var full stage
	for f := -1; f < cfg.Folds; f++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(f int) {
			defer wg.Done()
			defer func() { <-sem }()
			if f < 0 {
				full = m.trainStage(all(func(int) bool { return true }), cfg.Bits, cfg.Epochs, cfg.Seed)
				logf("stage 1 trained on all documents")
				return
			}
			fm := NewModel(cl, cfg.Bits)
			fm.stages[0] = fm.trainStage(all(func(d int) bool { return docs[d].Fold%cfg.Folds != f }), cfg.Bits, cfg.Epochs, cfg.Seed+uint64(f)+1)
			sc := fm.getScratch()
			for d := range docs {
				if docs[d].Fold%cfg.Folds == f {
					fm.prepDocGaz(sc, docs[d].Sents, docGaz(d))
					flat := make([]uint8, len(sc.toks))
					fm.decode(sc, &fm.stages[0], sc.feats, sc.off, flat)
					jack[d] = flat
				}
			}
			logf("fold %d done", f)
		}(f)
	}
	wg.Wait()
	m.stages[0] = full
	var insts2 []sentInst
	sc := m.getScratch()
	for d := range docs {
		m.prepDocGaz(sc, docs[d].Sents, docGaz(d))
		m.stage2Feats(sc, jack[d])
		p := prep[d]
		insts2 = append(insts2, instances(p, append([]uint32(nil), sc.f2...), append([]int32(nil), sc.off2...))...)
	}
	m.stages[1] = m.trainStage(insts2, cfg.Bits, cfg.Epochs, cfg.Seed+1000)
	logf("stage 2 trained")
	return m
}

// Score is a precision/recall/F1 triple (in percent) with the gold count.
type Score struct {
	P, R, F1 float64
	Gold     int
}

// String formats the score for logs.
func (s Score) String() string {
	return fmt.Sprintf("P %6.2f R %6.2f F1 %6.2f (gold %d)", s.P, s.R, s.F1, s.Gold)
}

type chunk struct{ typ, a, b int }

func chunks(tags []uint8) []chunk {
	var out []chunk
	start, typ := -1, 0
	for i := 0; i <= len(tags); i++ {
		t := uint8(0)
		if i < len(tags) {
			t = tags[i]
		}
		ty := tagType(t)
		begins := t >= 1 && t <= 4 || (t >= 5 && ty != typ)
		if typ != 0 && (t == 0 || begins) {
			out = append(out, chunk{typ, start, i})
			typ = 0
		}
		if begins {
			start, typ = i, ty
		}
	}
	return out
}

// Evaluate returns conlleval-style entity scores per type (index 1..4) and overall (index 0).
func Evaluate(gold, pred [][]uint8) [numTypes + 1]Score {
	var tp, np, ng [numTypes + 1]int
	for s := range gold {
		g := chunks(gold[s])
		p := chunks(pred[s])
		set := map[chunk]bool{}
		for _, c := range g {
			set[c] = true
			ng[c.typ]++
			ng[0]++
		}
		for _, c := range p {
			np[c.typ]++
			np[0]++
			if set[c] {
				tp[c.typ]++
				tp[0]++
			}
		}
	}
	var out [numTypes + 1]Score
	for k := range out {
		var p, r, f float64
		if np[k] > 0 {
			p = float64(tp[k]) / float64(np[k])
		}
		if ng[k] > 0 {
			r = float64(tp[k]) / float64(ng[k])
		}
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		out[k] = Score{100 * p, 100 * r, 100 * f, ng[k]}
	}
	return out
}

// LexiconKeys hashes the phrases of an external gazetteer the way tokens are
// matched against it.
func LexiconKeys(lex map[string]uint8) map[uint64]uint8 {
	out := make(map[uint64]uint8, len(lex))
	for p, mask := range lex {
		words := strings.Fields(p)
		if len(words) == 0 || len(words) > gazMaxLen {
			continue
		}
		h := uint64(0x6a2)
		for _, w := range words {
			h = gazKey(h, hashString(Lower(clip(w))))
		}
		out[h] |= mask
	}
	return out
}

// buildGaz collects the gold entities of the selected documents, keyed by their
// hashed lower-case token sequence, with the mask of types they were seen with.
func buildGaz(docs []Doc, keep func(d int) bool) map[uint64]uint8 {
	var m Model
	gaz := map[uint64]uint8{}
	var t tok
	for d := range docs {
		if !keep(d) {
			continue
		}
		for s, sent := range docs[d].Sents {
			for _, c := range chunks(docs[d].Gold[s]) {
				if c.b-c.a > gazMaxLen {
					continue
				}
				h := uint64(0x6a2)
				first := true
				skip := false
				for i := c.a; i < c.b; i++ {
					m.prepare(&t, clip(sent[i]))
					if first && t.cas == caseLower {
						skip = true
					}
					first = false
					h = gazKey(h, t.l)
				}
				if !skip {
					gaz[h] |= 1 << (c.typ - 1)
				}
			}
		}
	}
	return gaz
}
