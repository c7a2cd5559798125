package nertag

import "math"

// allowed[a][b] reports whether tag b may follow tag a in IOB2 (a == NumTags is the start).
var allowed [NumTags + 1][NumTags]bool

func init() {
	for a := 0; a <= NumTags; a++ {
		for b := 0; b < NumTags; b++ {
			ok := true
			if b >= 5 { // I-X
				ok = a < NumTags && a != 0 && tagType(uint8(a)) == tagType(uint8(b))
			}
			allowed[a][b] = ok
		}
	}
}

type scratch struct {
	toks    []tok
	feats   []uint32
	off     []int32
	em      []int32
	bp      []uint8
	dcase   map[uint64]uint8
	counts  map[uint64]*[NumTags + 1]uint16
	cpool   [][NumTags + 1]uint16
	f2      []uint32
	off2    []int32
	sentOff []int
	sinfo   []sentInfo
	gz      []uint32
	ctx     []uint8
	occ     map[uint64][]int32
	nbr     [][2]uint64 // per token: lower-case hash of previous and next word (0 at sentence ends)
}

func (m *Model) getScratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{dcase: map[uint64]uint8{}, counts: map[uint64]*[NumTags + 1]uint16{}}
}

const maxTokBytes = 256 // longer tokens are truncated for feature purposes

func clip(s string) string {
	if len(s) > maxTokBytes {
		return s[:maxTokBytes]
	}
	return s
}

// prepDoc fills sc.toks, sc.feats, sc.off (flat over the document) with stage-1 features.
func (m *Model) prepDoc(sc *scratch, sents [][]string) { m.prepDocGaz(sc, sents, m.gaz) }

const gazMaxLen = 8

func gazKey(h, l uint64) uint64 { return mix(h*0x9e3779b97f4a7c15 + l) }

// gazClasses is the number of gazetteer classes, one bit each in a gazetteer mask.
const gazClasses = 8

// gazMarks sets, for every token covered by a gazetteer match, a 3-bit code per
// class (1 B, 2 I, 3 L, 4 U) of the longest match of that class.
func gazMarks(toks []tok, gaz map[uint64]uint8, out []uint32) {
	clear(out)
	if len(gaz) == 0 {
		return
	}
	var buf [64][gazClasses]uint8
	var best [][gazClasses]uint8 // length of the longest match covering each token, per class
	if len(toks) <= len(buf) {
		best = buf[:len(toks)]
	} else {
		best = make([][gazClasses]uint8, len(toks))
	}
	for a := range toks {
		if toks[a].cas == caseLower {
			continue
		}
		h := uint64(0x6a2)
		for b := a; b < len(toks) && b < a+gazMaxLen; b++ {
			h = gazKey(h, toks[b].l)
			mask, ok := gaz[h]
			if !ok {
				continue
			}
			n := b - a + 1
			for ty := 0; ty < gazClasses; ty++ {
				if mask&(1<<ty) == 0 {
					continue
				}
				for i := a; i <= b; i++ {
					if int(best[i][ty]) >= n {
						continue
					}
					best[i][ty] = uint8(n)
					var code uint32
					switch {
					case n == 1:
						code = 4
					case i == a:
						code = 1
					case i == b:
						code = 3
					default:
						code = 2
					}
					out[i] = out[i]&^(7<<(3*ty)) | code<<(3*ty)
				}
			}
		}
	}
}

func (m *Model) prepDocGaz(sc *scratch, sents [][]string, gaz map[uint64]uint8) {
	ntok := 0
	for _, s := range sents {
		ntok += len(s)
	}
	if cap(sc.toks) < ntok {
		sc.toks = make([]tok, ntok)
	}
	sc.toks = sc.toks[:ntok]
	sc.sentOff = sc.sentOff[:0]
	sc.sinfo = sc.sinfo[:0]
	clear(sc.dcase)
	k := 0
	for _, s := range sents {
		sc.sentOff = append(sc.sentOff, k)
		lower, letters := 0, 0
		for _, w := range s {
			t := &sc.toks[k]
			m.prepare(t, clip(w))
			if t.cas != caseNone {
				letters++
				if t.cas == caseLower {
					lower++
				}
			}
			k++
		}
		sc.sinfo = append(sc.sinfo, sentInfo{headline: letters > 0 && lower == 0})
	}
	sc.sentOff = append(sc.sentOff, k)
	// document casing evidence
	for si := range sents {
		if sc.sinfo[si].headline {
			continue
		}
		for i := sc.sentOff[si] + 1; i < sc.sentOff[si+1]; i++ {
			t := &sc.toks[i]
			if t.cas != caseNone {
				sc.dcase[t.l] |= 1 << (t.cas - 1)
			}
		}
	}
	if m.flevel&8 != 0 {
		// truecase headlines: give upper-case headline words the casing the
		// document uses for them elsewhere
		for si := range sents {
			if !sc.sinfo[si].headline {
				continue
			}
			a := sc.sentOff[si]
			for i, w := range sents[si] {
				t := &sc.toks[a+i]
				if t.cas != caseUpper || len(w) < 2 {
					continue
				}
				switch dc := sc.dcase[t.l]; {
				case dc&(1<<(caseTitle-1)) != 0:
					m.prepare(t, titleCase(clip(w)))
				case dc == 1<<(caseLower-1):
					m.prepare(t, Lower(clip(w)))
				}
			}
		}
	}
	if cap(sc.gz) < ntok {
		sc.gz = make([]uint32, ntok)
	}
	sc.gz = sc.gz[:ntok]
	for si := range sents {
		a, b := sc.sentOff[si], sc.sentOff[si+1]
		gazMarks(sc.toks[a:b], gaz, sc.gz[a:b])
	}
	if cap(sc.ctx) < ntok {
		sc.ctx = make([]uint8, ntok)
	}
	sc.ctx = sc.ctx[:ntok]
	for si := range sents {
		a, b := sc.sentOff[si], sc.sentOff[si+1]
		bracketFlags(sc.toks[a:b], sc.ctx[a:b])
	}
	if m.flevel&4 != 0 {
		m.prepAgg(sc, len(sents))
	}
	f := fb{out: sc.feats[:0], mask: m.mask()}
	if cap(sc.off) < ntok+1 {
		sc.off = make([]int32, ntok+1)
	}
	sc.off = sc.off[:ntok+1]
	for si := range sents {
		a, b := sc.sentOff[si], sc.sentOff[si+1]
		st := sc.toks[a:b]
		for i := range st {
			sc.off[a+i] = int32(len(f.out))
			baseFeatures(&f, st, i, sc.sinfo[si], sc.dcase[st[i].l])
			if m.flevel&1 != 0 {
				extraFeatures(&f, st, i, sc.ctx[a+i])
			}
			if m.flevel&2 != 0 {
				ngramFeatures(&f, &st[i])
			}
			if m.flevel&4 != 0 {
				aggFeatures(&f, sc, a+i)
			}
			if g := sc.gz[a+i]; g != 0 {
				gazFeatures(&f, g, sc.gz[a:b], i)
			}
		}
	}
	sc.off[ntok] = int32(len(f.out))
	sc.feats = f.out
}

// stage2Feats builds the stage-2 feature list (base + document-level) from the stage-1 tags.
func (m *Model) stage2Feats(sc *scratch, tags []uint8) {
	ntok := len(sc.toks)
	clear(sc.counts)
	sc.cpool = sc.cpool[:0]
	if cap(sc.cpool) < ntok {
		sc.cpool = make([][NumTags + 1]uint16, 0, ntok)
	}
	for i := range sc.toks {
		if !countable(&sc.toks[i], tags[i]) {
			continue
		}
		t := &sc.toks[i]
		c := sc.counts[t.l]
		if c == nil {
			sc.cpool = append(sc.cpool, [NumTags + 1]uint16{})
			c = &sc.cpool[len(sc.cpool)-1]
			c[NumTags] = uint16(tags[i]) // first occurrence's tag
			sc.counts[t.l] = c
		}
		if c[tags[i]] < math.MaxUint16 {
			c[tags[i]]++
		}
	}
	f := fb{out: sc.f2[:0], mask: m.mask()}
	if cap(sc.off2) < ntok+1 {
		sc.off2 = make([]int32, ntok+1)
	}
	sc.off2 = sc.off2[:ntok+1]
	for si := 0; si+1 < len(sc.sentOff); si++ {
		a, b := sc.sentOff[si], sc.sentOff[si+1]
		for i := a; i < b; i++ {
			sc.off2[i] = int32(len(f.out))
			f.out = append(f.out, sc.feats[sc.off[i]:sc.off[i+1]]...)
			prev, next := uint64(NumTags), uint64(NumTags+1)
			if i > a {
				prev = uint64(tags[i-1])
			}
			if i+1 < b {
				next = uint64(tags[i+1])
			}
			cur := uint64(tags[i])
			f.add(100, cur)
			f.add(101, prev*16+cur)
			f.add(102, cur*16+next)
			f.add(103, prev*256+cur*16+next)
			t := &sc.toks[i]
			c := sc.counts[t.l]
			if c == nil {
				f.add(104, uint64(t.cas))
				continue
			}
			var others [NumTags]int
			self := countable(t, tags[i])
			tot := 0
			for k := 0; k < NumTags; k++ {
				others[k] = int(c[k])
				if k == int(tags[i]) && self && others[k] > 0 {
					others[k]--
				}
				tot += others[k]
			}
			if tot == 0 {
				f.add(104, uint64(t.cas))
				continue
			}
			// majority tag and type mask among other occurrences
			best, bestN := 0, -1
			var tmask uint64
			var typeN [numTypes + 1]int
			for k := 0; k < NumTags; k++ {
				if others[k] > bestN {
					best, bestN = k, others[k]
				}
				if others[k] > 0 {
					tmask |= 1 << tagType(uint8(k))
				}
				typeN[tagType(uint8(k))] += others[k]
			}
			bt, btN := 0, 0
			for k := 1; k <= numTypes; k++ {
				if typeN[k] > btN {
					bt, btN = k, typeN[k]
				}
			}
			f.add(105, uint64(best)|uint64(t.cas)<<8)
			f.add(106, tmask|uint64(t.cas)<<8)
			f.add(107, uint64(bt)*16+cur)
			f.add(108, uint64(c[NumTags])|uint64(t.cas)<<8)
			frac := uint64(btN * 4 / tot)
			f.add(109, uint64(bt)|frac<<4|uint64(t.cas)<<8)
			f.add2(110, uint64(bt), t.l)
		}
	}
	sc.off2[ntok] = int32(len(f.out))
	sc.f2 = f.out
}

// emissions computes per-token tag scores from features.
func emissions(w []int16, feats []uint32, off []int32, em []int32) {
	n := len(off) - 1
	for i := 0; i < n; i++ {
		var s [NumTags]int32
		for _, fi := range feats[off[i]:off[i+1]] {
			row := w[int(fi)*NumTags : int(fi)*NumTags+NumTags : int(fi)*NumTags+NumTags]
			s[0] += int32(row[0])
			s[1] += int32(row[1])
			s[2] += int32(row[2])
			s[3] += int32(row[3])
			s[4] += int32(row[4])
			s[5] += int32(row[5])
			s[6] += int32(row[6])
			s[7] += int32(row[7])
			s[8] += int32(row[8])
		}
		copy(em[i*NumTags:], s[:])
	}
}

// viterbi decodes the best IOB2-valid tag sequence of em (n*NumTags) into out.
func viterbi(em []int32, trans *[NumTags + 1][NumTags]int32, out []uint8, bp []uint8) {
	n := len(out)
	if n == 0 {
		return
	}
	const neg = math.MinInt32 / 4
	var cur, nxt [NumTags]int64
	for b := 0; b < NumTags; b++ {
		if allowed[NumTags][b] {
			cur[b] = int64(trans[NumTags][b]) + int64(em[b])
		} else {
			cur[b] = neg
		}
	}
	for i := 1; i < n; i++ {
		for b := 0; b < NumTags; b++ {
			best, arg := int64(math.MinInt64), 0
			for a := 0; a < NumTags; a++ {
				if !allowed[a][b] {
					continue
				}
				v := cur[a] + int64(trans[a][b])
				if v > best {
					best, arg = v, a
				}
			}
			nxt[b] = best + int64(em[i*NumTags+b])
			bp[i*NumTags+b] = uint8(arg)
		}
		cur = nxt
	}
	best, arg := int64(math.MinInt64), 0
	for b := 0; b < NumTags; b++ {
		if cur[b] > best {
			best, arg = cur[b], b
		}
	}
	out[n-1] = uint8(arg)
	for i := n - 1; i > 0; i-- {
		arg = int(bp[i*NumTags+arg])
		out[i-1] = uint8(arg)
	}
}

// decode runs emissions+viterbi for every sentence of the document.
func (m *Model) decode(sc *scratch, st *stage, feats []uint32, off []int32, out []uint8) {
	ntok := len(sc.toks)
	if cap(sc.em) < ntok*NumTags {
		sc.em = make([]int32, ntok*NumTags)
		sc.bp = make([]uint8, ntok*NumTags)
	}
	em, bp := sc.em[:ntok*NumTags], sc.bp[:ntok*NumTags]
	emissions(st.w, feats, off, em)
	for si := 0; si+1 < len(sc.sentOff); si++ {
		a, b := sc.sentOff[si], sc.sentOff[si+1]
		if st.dense != nil {
			addDense(st.dense, sc.toks[a:b], em[a*NumTags:b*NumTags])
		}
		viterbi(em[a*NumTags:b*NumTags], &st.trans, out[a:b], bp[a*NumTags:b*NumTags])
	}
}

// TagDoc returns tag indices for a document, sentence by sentence.
func (m *Model) TagDoc(sents [][]string) [][]uint8 {
	sc := m.getScratch()
	defer m.pool.Put(sc)
	m.prepDoc(sc, sents)
	ntok := len(sc.toks)
	tags := make([]uint8, ntok)
	m.decode(sc, &m.stages[0], sc.feats, sc.off, tags)
	if m.stages[1].w != nil {
		m.stage2Feats(sc, tags)
		tags2 := make([]uint8, ntok)
		m.decode(sc, &m.stages[1], sc.f2, sc.off2, tags2)
		tags = tags2
	}
	out := make([][]uint8, len(sents))
	for si := range sents {
		out[si] = tags[sc.sentOff[si]:sc.sentOff[si+1]:sc.sentOff[si+1]]
	}
	return out
}

// addDense adds the per-word dense contributions of the words at offsets -1, 0, +1.
func addDense(dense []int16, toks []tok, em []int32) {
	for i := range toks {
		r := int(toks[i].row)
		if r == 0 {
			continue
		}
		base := r * 3 * NumTags
		// word i seen from token i+1 (offset -1), token i (0) and token i-1 (+1)
		if i+1 < len(toks) {
			d := dense[base : base+NumTags]
			e := em[(i+1)*NumTags : (i+2)*NumTags]
			for t := range e {
				e[t] += int32(d[t])
			}
		}
		d := dense[base+NumTags : base+2*NumTags]
		e := em[i*NumTags : (i+1)*NumTags]
		for t := range e {
			e[t] += int32(d[t])
		}
		if i > 0 {
			d := dense[base+2*NumTags : base+3*NumTags]
			e := em[(i-1)*NumTags : i*NumTags]
			for t := range e {
				e[t] += int32(d[t])
			}
		}
	}
}

// prepAgg indexes the occurrences of capitalised words and their neighbours.
func (m *Model) prepAgg(sc *scratch, nsent int) {
	if sc.occ == nil {
		sc.occ = map[uint64][]int32{}
	}
	clear(sc.occ)
	ntok := len(sc.toks)
	if cap(sc.nbr) < ntok {
		sc.nbr = make([][2]uint64, ntok)
	}
	sc.nbr = sc.nbr[:ntok]
	for si := 0; si < nsent; si++ {
		a, b := sc.sentOff[si], sc.sentOff[si+1]
		for i := a; i < b; i++ {
			var p, n uint64
			if i > a {
				p = sc.toks[i-1].l
			}
			if i+1 < b {
				n = sc.toks[i+1].l
			}
			sc.nbr[i] = [2]uint64{p, n}
			t := &sc.toks[i]
			if t.cas != caseNone && t.cas != caseLower {
				if o := sc.occ[t.l]; len(o) < 8 {
					sc.occ[t.l] = append(o, int32(i))
				}
			}
		}
	}
}

// aggFeatures adds the neighbours of the other occurrences of token i's word.
func aggFeatures(f *fb, sc *scratch, i int) {
	t := &sc.toks[i]
	if t.cas == caseNone || t.cas == caseLower {
		return
	}
	n := 0
	for _, j := range sc.occ[t.l] {
		if int(j) == i {
			continue
		}
		nb := sc.nbr[j]
		if nb[0] != 0 && nb[0] != sc.nbr[i][0] {
			f.add(71, nb[0])
		}
		if nb[1] != 0 && nb[1] != sc.nbr[i][1] {
			f.add(72, nb[1])
		}
		if n++; n >= 4 {
			break
		}
	}
}

// countable reports whether a token's stage-1 tag enters the document counts:
// words with a letter, lower-case ones only when tagged as (part of) an entity.
func countable(t *tok, tag uint8) bool {
	return t.cas != caseNone && (t.cas != caseLower || tag != 0)
}
