package depparse

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/newsgraph/newsgraph/internal/conllu"
)

// Clusters is a word-cluster table: Words[i] (lower case) belongs to fine
// cluster Fine[i] and coarse cluster Coarse[i]. The trainer fills it from
// the NER tagger's table (entities/model/clusters.tsv.gz: the fine k=1024
// clusters and their level-1 grouping into 256).
type Clusters struct {
	Words        []string
	Fine, Coarse []uint16
}

// TrainOptions controls Train. Zero fields take the defaults in brackets.
type TrainOptions struct {
	Epochs    int     // passes over the training sentences [15]
	MoveBits  uint    // log2 of the transition weight rows [20]
	LabelBits uint    // log2 of the label weight rows [17]
	Explore   float64 // probability of following a wrong prediction after the first epoch [0.9]
	Seed      uint64  // shuffling and exploration seed
	Runs      int     // independent trainings (other shuffles) whose averaged weights are summed [1]
	TagNoise  float64 // probability of replacing a training tag by a random one, per tag and epoch [0]
	Clusters  *Clusters
	// Epoch, if set, is called after each epoch with the averaged model so far.
	Epoch func(epoch int, m *Model)
}

// weights is a perceptron weight table with averaging: the averaged weight
// is w - u/t, where u accumulates t*update.
type weights struct {
	w []float32
	u []float64
}

func newWeights(n int) weights { return weights{make([]float32, n), make([]float64, n)} }

func (p *weights) add(i int, v float32, t float64) {
	p.w[i] += v
	p.u[i] += float64(v) * t
}

// averaged returns the averaged weights at clock t.
func (p *weights) averaged(t float64) []float64 {
	avg := make([]float64, len(p.w))
	for i, w := range p.w {
		avg[i] = float64(w) - p.u[i]/t
	}
	return avg
}

// quantize returns weights scaled to integers within ±limit, the largest
// magnitude mapping to limit. (Clipping the 0.01% largest weights to gain
// resolution for the rest cost 0.4 LAS on dev.)
func quantize(avg []float64, limit int16) []int16 {
	var maxAbs float64
	for _, a := range avg {
		maxAbs = max(maxAbs, math.Abs(a))
	}
	out := make([]int16, len(avg))
	if maxAbs == 0 {
		return out
	}
	scale := float64(limit) / maxAbs
	for i, a := range avg {
		out[i] = int16(math.Round(a * scale))
	}
	return out
}

// sentence is a training sentence: words, tags and projective gold heads
// (index n for the root) and label ids.
type sentence struct {
	words, upos, xpos []string
	head              []int32
	label             []uint8
}

// Projectivize returns heads (0 = root, else 1..n) made projective by
// lifting: while an arc is non-projective, the shortest such arc is moved to
// its head's head. Heads must form a tree.
func Projectivize(heads []int) []int {
	h := slices.Clone(heads)
	n := len(h)
	// dominated reports whether token k (1..n) is dominated by a (0..n).
	dominated := func(a, k int) bool {
		for steps := 0; k != 0 && steps <= n; steps++ {
			if k == a {
				return true
			}
			k = h[k-1]
		}
		return a == 0 || k == a
	}
	for {
		best, bestLen := -1, n+2
		for d := 1; d <= n; d++ {
			hd := h[d-1]
			lo, hi := min(hd, d), max(hd, d)
			if hd == 0 || hi-lo >= bestLen {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominated(hd, k) {
					best, bestLen = d, hi-lo
					break
				}
			}
		}
		if best < 0 {
			return h
		}
		h[best-1] = h[h[best-1]-1]
	}
}

// checkTree reports whether heads (0 = root) form a tree with one root.
func checkTree(heads []int) bool {
	n, roots := len(heads), 0
	for i, h := range heads {
		if h < 0 || h > n || h == i+1 {
			return false
		}
		if h == 0 {
			roots++
		}
	}
	if roots != 1 {
		return false
	}
	for i := range heads {
		k := i + 1
		for steps := 0; k != 0; steps++ {
			if steps > n {
				return false
			}
			k = heads[k-1]
		}
	}
	return true
}

// trainer holds the state of one training run.
type trainer struct {
	m          *Model
	mw, lw     weights
	tm, tl     float64 // update clocks
	labelID    map[string]uint8
	sc         scratch
	acc        []float32
	costs      [numMoves]int
	rng        *rand.Rand
	explore    float64
	tagNoise   float64
	nl         int
	moveShift  uint
	labelShift uint
}

// Train trains a parser on sentences with gold heads and labels, using
// their UPOS and XPOS columns as the tags the parser will see. Sentences
// whose heads do not form a tree with one root are skipped. Training is
// deterministic: the same input and options give the same model bytes.
func Train(sents []*conllu.Sentence, opt TrainOptions) (*Model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 15
	}
	if opt.MoveBits == 0 {
		opt.MoveBits = 20
	}
	if opt.LabelBits == 0 {
		opt.LabelBits = 17
	}
	if opt.Runs <= 0 {
		opt.Runs = 1
	}
	if opt.Explore == 0 {
		opt.Explore = 0.9
	}
	if opt.MoveBits > maxMoveBits || opt.LabelBits > maxLabelBits {
		return nil, fmt.Errorf("depparse: at most %d move bits and %d label bits", maxMoveBits, maxLabelBits)
	}
	m := &Model{moveBits: opt.MoveBits, labelBits: opt.LabelBits}
	labelSet := map[string]bool{"root": true}
	xset, uset := map[string]bool{}, map[string]bool{}
	var data []sentence
	var kept []*conllu.Sentence
	for _, s := range sents {
		heads := make([]int, len(s.Words))
		for i, w := range s.Words {
			heads[i] = w.Head
		}
		if len(heads) == 0 || !checkTree(heads) {
			continue
		}
		kept = append(kept, s)
		for _, w := range s.Words {
			labelSet[w.Deprel] = true
			xset[w.XPOS], uset[w.UPOS] = true, true
		}
		heads = Projectivize(heads)
		n := len(heads)
		sd := sentence{head: make([]int32, n), label: make([]uint8, n)}
		for i, w := range s.Words {
			sd.words = append(sd.words, w.Form)
			sd.upos = append(sd.upos, w.UPOS)
			sd.xpos = append(sd.xpos, w.XPOS)
			if heads[i] == 0 {
				sd.head[i] = int32(n)
			} else {
				sd.head[i] = int32(heads[i] - 1)
			}
		}
		data = append(data, sd)
	}
	if len(data) == 0 {
		return nil, errors.New("depparse: no training sentence with a valid tree")
	}
	m.labels = sortedKeys(labelSet)
	if len(m.labels) > maxLabels {
		return nil, fmt.Errorf("depparse: %d labels, at most %d", len(m.labels), maxLabels)
	}
	m.xpos, m.upos = sortedKeys(xset), sortedKeys(uset)
	m.index()
	t := &trainer{m: m, labelID: map[string]uint8{}, nl: len(m.labels), explore: opt.Explore, tagNoise: opt.TagNoise,
		moveShift: 64 - opt.MoveBits, labelShift: 64 - opt.LabelBits}
	for i, l := range m.labels {
		t.labelID[l] = uint8(i)
	}
	m.rootLabel = t.labelID["root"]
	for k, s := range kept {
		sd := &data[k]
		for i, w := range s.Words {
			l := t.labelID[w.Deprel]
			sd.label[i] = l
			if int(sd.head[i]) == len(s.Words) {
				continue
			}
			m.dirMask[dirOf(sd.head[i], int32(i))] |= 1 << l
		}
	}
	if opt.Clusters != nil {
		cl := opt.Clusters
		m.clusters = newClusterTable(len(cl.Words))
		for i, w := range cl.Words {
			m.clusters.insert(wordHash(w), clusterVal{cl.Fine[i], cl.Coarse[i]})
		}
	}
	order := make([]int, len(data))
	var sumMove, sumLabel []float64
	for run := range opt.Runs {
		t.mw = newWeights((1 << opt.MoveBits) * moveStride)
		t.lw = newWeights((1 << opt.LabelBits) * t.nl)
		t.tm, t.tl = 0, 0
		t.acc = make([]float32, t.nl)
		t.rng = rand.New(rand.NewPCG(opt.Seed, 0x5eed+uint64(run)))
		for i := range order {
			order[i] = i
		}
		shuf := rand.New(rand.NewPCG(opt.Seed, 1+uint64(run)))
		for ep := range opt.Epochs {
			shuf.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for _, i := range order {
				t.sentence(&data[i], ep > 0)
			}
			if opt.Epoch != nil {
				opt.Epoch(run*opt.Epochs+ep+1, t.snapshot(sumMove, sumLabel))
			}
		}
		sumMove = addTo(sumMove, t.mw.averaged(max(t.tm, 1)))
		sumLabel = addTo(sumLabel, t.lw.averaged(max(t.tl, 1)))
	}
	return t.model(sumMove, sumLabel), nil
}

// addTo adds b to a (allocating a when nil) and returns a.
func addTo(a, b []float64) []float64 {
	if a == nil {
		return b
	}
	for i, v := range b {
		a[i] += v
	}
	return a
}

func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// snapshot returns a model whose weights are the sums of earlier runs
// (nil: none) plus the current run's averaged weights.
func (t *trainer) snapshot(sumMove, sumLabel []float64) *Model {
	mv, lb := t.mw.averaged(max(t.tm, 1)), t.lw.averaged(max(t.tl, 1))
	if sumMove != nil {
		mv, lb = addTo(mv, sumMove), addTo(lb, sumLabel)
	}
	return t.model(mv, lb)
}

// model returns a model with the given float weights, quantised.
func (t *trainer) model(moveW, labelW []float64) *Model {
	o := t.m
	m := &Model{moveBits: o.moveBits, labelBits: o.labelBits, labels: o.labels, rootLabel: o.rootLabel,
		dirMask: o.dirMask, xpos: o.xpos, upos: o.upos, clusters: o.clusters}
	m.index()
	m.moveW = pack(quantize(moveW, moveLimit), moveStride, moveLimit)
	m.labelW = pack(quantize(labelW, labelLimit), t.nl, labelLimit)
	return m
}

// moveCosts sets t.costs to the number of gold arcs each valid transition
// would make unreachable (Goldberg & Nivre 2013, arc-hybrid).
func (t *trainer) moveCosts(s *state, gold []int32, valid uint8) {
	ns := len(s.stack)
	n := s.n
	t.costs = [numMoves]int{}
	if ns > 0 {
		s0 := s.stack[ns-1]
		deps := 0 // dependents of s0 still in the buffer
		for k := s.b; k < n; k++ {
			if gold[k] == s0 {
				deps++
			}
		}
		g := gold[s0]
		if valid&(1<<left) != 0 {
			c := deps
			if g != s.b && (g > s.b || (ns > 1 && g == s.stack[ns-2])) {
				c++
			}
			t.costs[left] = c
		}
		if valid&(1<<right) != 0 {
			c := deps
			if g >= s.b {
				c++
			}
			t.costs[right] = c
		}
	}
	if valid&(1<<shift) != 0 {
		c := 0
		b := s.b
		g := gold[b]
		for i, k := range s.stack {
			if gold[k] == b {
				c++
			}
			if g == k && i < ns-1 {
				c++
			}
		}
		t.costs[shift] = c
	}
}

func (t *trainer) scoreMoves(rows *[numMoveFeats]uint32) (sc [numMoves]float32) {
	w := t.mw.w
	for _, r := range rows {
		x := w[int(r)*moveStride : int(r)*moveStride+moveStride]
		sc[0] += x[0]
		sc[1] += x[1]
		sc[2] += x[2]
	}
	return sc
}

// sentence trains on one sentence.
func (t *trainer) sentence(sd *sentence, explore bool) {
	m := t.m
	sc := &t.sc
	n := len(sd.words)
	m.prepare(&sc.a, sd.words, sd.upos, sd.xpos)
	if t.tagNoise > 0 {
		a := &sc.a
		for i := range n {
			if t.rng.Float64() < t.tagNoise {
				a.p[i] = uint16(1 + t.rng.IntN(len(m.xpos)))
				a.wp[i] = f1(uint64(a.p[i])+0x10000, a.w[i])
			}
			if t.rng.Float64() < t.tagNoise {
				a.u[i] = uint16(1 + t.rng.IntN(len(m.upos)))
			}
		}
	}
	s := &sc.s
	s.reset(n)
	for !s.done() {
		valid := s.valid()
		mv, ok := forced(valid)
		if !ok {
			moveFeats(s, &sc.a, t.moveShift, &sc.mf)
			scores := t.scoreMoves(&sc.mf)
			t.moveCosts(s, sd.head, valid)
			pred, gold := -1, -1
			minCost := math.MaxInt
			for mvi := range numMoves {
				if valid&(1<<mvi) != 0 {
					minCost = min(minCost, t.costs[mvi])
				}
			}
			for mvi := range numMoves {
				if valid&(1<<mvi) == 0 {
					continue
				}
				if pred < 0 || scores[mvi] > scores[pred] {
					pred = mvi
				}
				if t.costs[mvi] == minCost && (gold < 0 || scores[mvi] > scores[gold]) {
					gold = mvi
				}
			}
			t.tm++
			if t.costs[pred] > minCost {
				for _, r := range sc.mf {
					t.mw.add(int(r)*moveStride+gold, 1, t.tm)
					t.mw.add(int(r)*moveStride+pred, -1, t.tm)
				}
			}
			mv = gold
			if explore && t.costs[pred] > minCost && t.rng.Float64() < t.explore {
				mv = pred
			}
		}
		h, d := s.apply(mv)
		if d < 0 {
			continue
		}
		l := m.rootLabel
		if h != s.n {
			l = t.label(s, h, d, sd)
		}
		s.attach(h, d, l)
	}
}

// label predicts the label of the arc h -> d and, when the arc is in the
// gold tree, updates the label weights toward the gold label.
func (t *trainer) label(s *state, h, d int32, sd *sentence) uint8 {
	sc := &t.sc
	labelFeats(s, &sc.a, h, d, t.labelShift, &sc.lf)
	nl := t.nl
	acc := t.acc
	clear(acc)
	for _, r := range sc.lf {
		x := t.lw.w[int(r)*nl : int(r)*nl+nl]
		for j, v := range x {
			acc[j] += v
		}
	}
	mask := t.m.dirMask[dirOf(h, d)]
	best := -1
	for j, v := range acc {
		if mask&(1<<j) != 0 && (best < 0 || v > acc[best]) {
			best = j
		}
	}
	if best < 0 {
		best = 0
	}
	if sd.head[d] != h {
		return uint8(best)
	}
	t.tl++
	g := int(sd.label[d])
	if g != best {
		for _, r := range sc.lf {
			t.lw.add(int(r)*nl+g, 1, t.tl)
			t.lw.add(int(r)*nl+best, -1, t.tl)
		}
	}
	return uint8(best)
}

// Score is the attachment accuracy of a parse.
type Score struct {
	Words, Heads, Labelled int // words, correct heads, correct heads and labels
}

// UAS is the unlabelled attachment score in percent.
func (s Score) UAS() float64 { return 100 * float64(s.Heads) / float64(max(s.Words, 1)) }

// LAS is the labelled attachment score in percent.
func (s Score) LAS() float64 { return 100 * float64(s.Labelled) / float64(max(s.Words, 1)) }

// Evaluate parses every sentence with its own UPOS and XPOS columns and
// scores the result against its HEAD and DEPREL columns, punctuation
// included.
func (m *Model) Evaluate(sents []*conllu.Sentence) Score {
	var sc Score
	for _, s := range sents {
		xpos, upos := make([]string, len(s.Words)), make([]string, len(s.Words))
		for i, w := range s.Words {
			xpos[i], upos[i] = w.XPOS, w.UPOS
		}
		heads, labels := m.Parse(s.Forms(), upos, xpos)
		for i, w := range s.Words {
			sc.Words++
			if heads[i] == w.Head {
				sc.Heads++
				if labels[i] == w.Deprel {
					sc.Labelled++
				}
			}
		}
	}
	return sc
}
