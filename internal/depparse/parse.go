package depparse

import (
	"math"
	"sync"
)

// Model is a trained parser. It is immutable; safe for concurrent use.
type Model struct {
	moveBits, labelBits uint
	moveW               []uint64 // packed transition rows, one word each
	labelW              []uint64 // packed label rows, lanes(len(labels)) words each
	labels              []string
	rootLabel           uint8
	dirMask             [3]uint64 // allowed labels by direction (1: head right of dependent, 2: head left)
	xpos, upos          []string  // tag vocabularies; id = index+1
	xposID, uposID      map[string]uint16
	clusters            clusterTable
	pool                sync.Pool
}

// scratch is the per-call memory of Parse.
type scratch struct {
	a  attrs
	s  state
	mf [numMoveFeats]uint32
	lf [numLabelFeats]uint32
}

func (m *Model) getScratch() *scratch {
	if sc, ok := m.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{}
}

// Labels returns the relation labels the model can output, "root" included,
// in the model's order. The slice is a copy.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// prepare fills the token attributes of a sentence.
func (m *Model) prepare(a *attrs, words, upos, xpos []string) {
	n := len(words)
	a.reset(n)
	for i, wd := range words {
		h := wordHash(wd)
		var p, u uint16
		if i < len(xpos) {
			p = m.xposID[xpos[i]]
		}
		if i < len(upos) {
			u = m.uposID[upos[i]]
		}
		a.w[i] = h
		a.sfx[i], a.shp[i] = suffixHash(wd), shape(wd)
		a.wp[i] = f1(uint64(p)+0x10000, h)
		a.p[i], a.u[i] = p, u
		a.c[i], a.k[i] = 0, 0
		if cv, ok := m.clusters.lookup(h); ok {
			a.c[i], a.k[i] = cv.fine+1, cv.coarse+1
		}
	}
}

// scoreMoves adds up the transition weights of the feature rows.
func scoreMoves(w []uint64, rows *[numMoveFeats]uint32) (sc [numMoves]int32) {
	var sum [moveAccs]uint64
	for i := 0; i+moveAccs <= len(rows); i += moveAccs {
		sum[0] += w[rows[i]]
		sum[1] += w[rows[i+1]]
		sum[2] += w[rows[i+2]]
		sum[3] += w[rows[i+3]]
	}
	for i := len(rows) / moveAccs * moveAccs; i < len(rows); i++ {
		sum[i%moveAccs] += w[rows[i]]
	}
	for _, s := range sum {
		for t := range numMoves {
			sc[t] += int32(uint16(s >> (16 * t)))
		}
	}
	return sc
}

// bestMove returns the highest-scoring transition among those in mask;
// ties go to the lowest-numbered transition.
func bestMove(sc [numMoves]int32, mask uint8) int {
	best, bs := -1, int32(math.MinInt32)
	for t := range numMoves {
		if mask&(1<<t) != 0 && (best < 0 || sc[t] > bs) {
			best, bs = t, sc[t]
		}
	}
	return best
}

// bestLabel adds up the label weights of the rows and returns the best label
// allowed by mask (the lowest id on ties).
func bestLabel(w []uint64, nl int, rows *[numLabelFeats]uint32, mask uint64) uint8 {
	nw := lanes(nl)
	var acc [labelAccs][maxLabels / 4]uint64
	for i, r := range rows {
		sum := acc[i%labelAccs][:nw]
		x := w[int(r)*nw : int(r)*nw+nw]
		for j, v := range x {
			sum[j] += v
		}
	}
	best, bs := -1, int32(math.MinInt32)
	for j := range nl {
		var v int32
		for a := range acc {
			v += int32(uint16(acc[a][j/4] >> (16 * (j % 4))))
		}
		if mask&(1<<j) != 0 && (best < 0 || v > bs) {
			best, bs = j, v
		}
	}
	if best < 0 {
		best = 0
	}
	return uint8(best)
}

// Parse returns, for words[i] (word i+1 in CoNLL-U numbering), its head
// (0 = root, else 1..n) and relation label. Exactly one word gets head 0 and
// label "root"; the result is always a projective tree, for any input:
// words may be empty strings, huge or invalid UTF-8, and upos or xpos may be
// shorter than words or nil (missing tags count as unknown).
func (m *Model) Parse(words, upos, xpos []string) (heads []int, labels []string) {
	n := len(words)
	heads, labels = make([]int, n), make([]string, n)
	if n == 0 {
		return heads, labels
	}
	sc := m.getScratch()
	defer m.pool.Put(sc)
	m.prepare(&sc.a, words, upos, xpos)
	s := &sc.s
	s.reset(n)
	nl := len(m.labels)
	for !s.done() {
		mask := s.valid()
		mv, ok := forced(mask)
		if !ok {
			moveFeats(s, &sc.a, 64-m.moveBits, &sc.mf)
			mv = bestMove(scoreMoves(m.moveW, &sc.mf), mask)
		}
		h, d := s.apply(mv)
		if d < 0 {
			continue
		}
		l := m.rootLabel
		if h != s.n {
			labelFeats(s, &sc.a, h, d, 64-m.labelBits, &sc.lf)
			l = bestLabel(m.labelW, nl, &sc.lf, m.dirMask[dirOf(h, d)])
		}
		s.attach(h, d, l)
	}
	for i := range n {
		h := int(s.head[i])
		if h == n {
			heads[i] = 0
		} else {
			heads[i] = h + 1
		}
		labels[i] = m.labels[s.label[i]]
	}
	return heads, labels
}

func dirOf(h, d int32) int {
	if d < h {
		return 1
	}
	return 2
}
