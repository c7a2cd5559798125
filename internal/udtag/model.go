package udtag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

// maxClasses bounds the number of (UPOS, XPOS) classes a model has.
const maxClasses = 128

// class is one (UPOS, XPOS) pair the tagger predicts.
type class struct{ upos, xpos string }

// wordEntry is what the tagger knows of a frequent word form.
type wordEntry struct {
	fixed uint8  // the class of a frequent word that always had it, or noClass
	amb   uint16 // index into Model.amb of the classes it was seen with (0: any)
	known uint8  // 1: a known form; 2 (under lowerKey): a known lower-case form
	row   uint32 // 1-based index into Model.vocab; 0 none
}

// lowerKey is the word-table key of a lower-case form's hash.
func lowerKey(l uint64) uint64 { return mix(l ^ 0x10e3) }

// span locates a feature's weights in Model.entries.
type span struct{ off, n uint32 }

// Model is a trained tagger and lemmatizer. It is immutable after Train or
// Load and safe for concurrent use. The zero Model has no classes: its
// Tag gives empty tags; use Train or Load.
type Model struct {
	classes  []class
	clusters table[[5]uint16]
	words    table[wordEntry]
	amb      [][2]uint64 // class sets; amb[0] is unused
	feats    table[span]
	entries  []uint32 // class<<16 | uint16(weight)
	lem      lemmatizer
	lex      table[uint32] // lexKey(form hash) -> tag-set entry (lexicon.go)
	// vocab lists the most frequent training words. For each, vtoks holds
	// its prepared tok and vecs the summed weights of its wordFeatures at
	// each offset (nOffsets*len(classes) per word), so that tagging reads
	// one row instead of looking up each feature.
	vocab []string
	vtoks []tok
	vecs  []int32
	// prev1 and prev2 tabulate the first two dynamicFeatures: the weights
	// of the previous class, and of the previous two classes
	// (classSlot-indexed rows of len(classes)).
	prev1, prev2 []int32
	pool         sync.Pool
}

// precompute fills vtoks and vecs from vocab and the feature weights, and
// points the word table at them.
func (m *Model) precompute() {
	nc := len(m.classes)
	nc1 := nc + 1
	m.prev1 = make([]int32, nc1*nc)
	m.prev2 = make([]int32, nc1*nc1*nc)
	classes := func(s int) uint8 {
		if s == nc {
			return noClass
		}
		return uint8(s)
	}
	for a := 0; a < nc1; a++ {
		m.addWeights(m.prev1[a*nc:(a+1)*nc], fkey(40, uint64(classes(a))))
		for b := 0; b < nc1; b++ {
			row := m.prev2[(a*nc1+b)*nc : (a*nc1+b+1)*nc]
			m.addWeights(row, fkey(41, uint64(classes(a))<<8|uint64(classes(b))))
		}
	}
	// Make room for the vocabulary in the word table.
	old := m.words
	m.words = newTable[wordEntry](old.n + len(m.vocab))
	for _, sl := range old.slots {
		if sl.key != 0 {
			m.words.insert(sl.key, sl.val)
		}
	}
	m.vtoks = make([]tok, len(m.vocab))
	m.vecs = make([]int32, len(m.vocab)*nOffsets*nc)
	var fs [maxWordFeats]uint64
	for r, w := range m.vocab {
		t := &m.vtoks[r]
		m.prepareSlow(t, w)
		for o := -2; o <= 2; o++ {
			v := m.vecs[(r*nOffsets+o+2)*nc : (r*nOffsets+o+3)*nc]
			for _, k := range fs[:wordFeatures(fs[:], t, o)] {
				m.addWeights(v, k)
			}
		}
		h := hashString(w)
		e, _ := m.words.lookup(h)
		if e.fixed == 0 && e.known == 0 && e.amb == 0 {
			e.fixed = noClass
		}
		e.row = uint32(r + 1)
		m.words.insert(h, e)
		t.row = uint32(r + 1)
	}
}

// Classes returns the (UPOS, XPOS) pairs the model predicts, as "UPOS/XPOS".
func (m *Model) Classes() []string {
	out := make([]string, len(m.classes))
	for i, c := range m.classes {
		out[i] = c.upos + "/" + c.xpos
	}
	return out
}

type scratch struct {
	toks []tok
}

func (m *Model) getScratch(n int) *scratch {
	sc, _ := m.pool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	if cap(sc.toks) < n {
		sc.toks = make([]tok, n)
	}
	sc.toks = sc.toks[:n]
	return sc
}

// Tag returns the UPOS and XPOS tags of a sentence's words. Any input is
// accepted: empty words, very long ones and invalid UTF-8 get tags too.
func (m *Model) Tag(words []string) (upos, xpos []string) {
	upos = make([]string, len(words))
	xpos = make([]string, len(words))
	if len(words) == 0 || len(m.classes) == 0 {
		return upos, xpos
	}
	sc := m.getScratch(len(words))
	defer m.pool.Put(sc)
	toks := sc.toks
	for i, w := range words {
		m.prepare(&toks[i], w)
	}
	c1, c2 := uint8(noClass), uint8(noClass)
	for i := range toks {
		c := toks[i].fixed
		if c == noClass {
			c = m.predict(toks, i, c1, c2)
		}
		upos[i], xpos[i] = m.classes[c].upos, m.classes[c].xpos
		c1, c2 = c, c1
	}
	return upos, xpos
}

// predict scores word i and returns its best class.
func (m *Model) predict(toks []tok, i int, c1, c2 uint8) uint8 {
	var cf [maxContext]uint64
	var wf [maxWordFeats]uint64
	var dy [maxDynamic]uint64
	var score [maxClasses]int32
	nc := len(m.classes)
	for o := -2; o <= 2; o++ {
		t := at(toks, i+o)
		if t.row > 0 {
			base := (int(t.row-1)*nOffsets + o + 2) * nc
			v := m.vecs[base : base+nc]
			s := score[:len(v)]
			for c, x := range v {
				s[c] += x
			}
			continue
		}
		for _, k := range wf[:wordFeatures(wf[:], t, o)] {
			m.addFeature(&score, k)
		}
	}
	contextFeatures(&cf, toks, i)
	for _, k := range cf {
		m.addFeature(&score, k)
	}
	dynamicFeatures(&dy, toks, i, c1, c2)
	s1, s2 := classSlot(c1, nc), classSlot(c2, nc)
	p1 := m.prev1[s1*nc : (s1+1)*nc]
	p2 := m.prev2[(s1*(nc+1)+s2)*nc : (s1*(nc+1)+s2+1)*nc]
	sc := score[:nc]
	for c := range sc {
		sc[c] += p1[c] + p2[c]
	}
	for _, k := range dy[2:] {
		m.addFeature(&score, k)
	}
	return argmax(&score, len(m.classes), m.allowed(toks[i].amb))
}

// addWeights adds the weights of feature k to row (len(classes) long).
func (m *Model) addWeights(row []int32, k uint64) {
	sp, ok := m.feats.lookup(k)
	if !ok {
		return
	}
	for _, e := range m.entries[sp.off : sp.off+sp.n] {
		if c := int(e >> 16); c < len(row) {
			row[c] += int32(int16(uint16(e)))
		}
	}
}

func (m *Model) addFeature(score *[maxClasses]int32, k uint64) {
	sp, ok := m.feats.lookup(k)
	if !ok {
		return
	}
	for _, e := range m.entries[sp.off : sp.off+sp.n] {
		score[(e>>16)&(maxClasses-1)] += int32(int16(uint16(e)))
	}
}

// allowed returns the class set for an ambiguity index (nil: any class).
func (m *Model) allowed(a uint16) *[2]uint64 {
	if a == 0 || int(a) >= len(m.amb) {
		return nil
	}
	return &m.amb[a]
}

// argmax returns the best class below n among those allowed (all when
// allowed is nil), the lowest index on ties.
func argmax[T int32 | float64](score *[maxClasses]T, n int, allowed *[2]uint64) uint8 {
	best := -1
	for c := 0; c < n; c++ {
		if allowed != nil && allowed[c>>6]&(1<<(c&63)) == 0 {
			continue
		}
		if best < 0 || score[c] > score[best] {
			best = c
		}
	}
	if best < 0 {
		best = 0
	}
	return uint8(best)
}

const magic = "NGUDTAG\x01"

// maxModelBytes bounds the uncompressed size Load accepts.
const maxModelBytes = 1 << 28

// Write serialises the model (gzip-compressed binary). The same model
// always gives the same bytes.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	e := &enc{w: bufio.NewWriter(zw)}
	e.w.WriteString(magic)
	e.uv(uint64(len(m.classes)))
	for _, c := range m.classes {
		e.str(c.upos)
		e.str(c.xpos)
	}
	writeTable(e, &m.clusters, func(v [5]uint16) {
		for _, x := range v {
			e.uv(uint64(x))
		}
	})
	e.uv(uint64(len(m.amb)))
	for _, a := range m.amb {
		e.uv(a[0])
		e.uv(a[1])
	}
	writeTable(e, &m.words, func(v wordEntry) {
		e.w.WriteByte(v.fixed)
		e.w.WriteByte(v.known)
		e.uv(uint64(v.amb))
	})
	e.uv(uint64(len(m.entries)))
	writeTable(e, &m.feats, func(v span) {
		e.uv(uint64(v.n))
		for _, x := range m.entries[v.off : v.off+v.n] {
			e.w.WriteByte(byte(x >> 16))
			e.sv(int64(int16(uint16(x))))
		}
	})
	m.lem.write(e)
	e.uv(uint64(len(m.vocab)))
	for _, w := range m.vocab {
		e.str(w)
	}
	writeTable(e, &m.lex, func(v uint32) { e.uv(uint64(v)) })
	if err := e.w.Flush(); err != nil {
		return fmt.Errorf("udtag: writing model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("udtag: writing model: %w", err)
	}
	return nil
}

// writeTable writes a table's keys in increasing order, delta-coded, each
// followed by its value.
func writeTable[V any](e *enc, t *table[V], val func(V)) {
	idx := make([]int, 0, t.n)
	for i := range t.slots {
		if t.slots[i].key != 0 {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		ka, kb := t.slots[a].key, t.slots[b].key
		switch {
		case ka < kb:
			return -1
		case ka > kb:
			return 1
		}
		return 0
	})
	e.uv(uint64(len(idx)))
	var prev uint64
	for _, i := range idx {
		e.uv(t.slots[i].key - prev)
		prev = t.slots[i].key
		val(t.slots[i].val)
	}
}

type enc struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

func (e *enc) uv(x uint64) { e.w.Write(e.buf[:binary.PutUvarint(e.buf[:], x)]) }
func (e *enc) sv(x int64)  { e.w.Write(e.buf[:binary.PutVarint(e.buf[:], x)]) }
func (e *enc) str(s string) {
	e.uv(uint64(len(s)))
	e.w.WriteString(s)
}

// dec reads what enc wrote from memory, keeping the first error.
type dec struct {
	b   []byte
	err error
}

var errShort = errors.New("truncated")

func (d *dec) uv() uint64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errShort
		return 0
	}
	d.b = d.b[n:]
	return x
}

func (d *dec) sv() int64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errShort
		return 0
	}
	d.b = d.b[n:]
	return x
}

func (d *dec) byte() byte {
	if d.err != nil {
		return 0
	}
	if len(d.b) == 0 {
		d.err = errShort
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

// count reads a length and checks it against limit.
func (d *dec) count(limit uint64) int {
	n := d.uv()
	if n > limit {
		d.fail("count %d over %d", n, limit)
		return 0
	}
	return int(n)
}

func (d *dec) str() string {
	n := d.count(1 << 16)
	if d.err != nil {
		return ""
	}
	if n > len(d.b) {
		d.err = errShort
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *dec) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
}

// ErrFormat is returned (wrapped) by Load for data that is not a tagger model.
var ErrFormat = errors.New("udtag: not a tagger model")

// Load reads a model written by Write.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	data, err := io.ReadAll(io.LimitReader(zr, maxModelBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	if len(data) > maxModelBytes {
		return nil, fmt.Errorf("%w: over %d bytes", ErrFormat, maxModelBytes)
	}
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, fmt.Errorf("%w: bad magic", ErrFormat)
	}
	d := &dec{b: data[len(magic):]}
	m := &Model{}
	nc := d.count(maxClasses)
	for i := 0; i < nc && d.err == nil; i++ {
		m.classes = append(m.classes, class{d.str(), d.str()})
	}
	readTable(d, &m.clusters, func() [5]uint16 {
		var v [5]uint16
		for i := range v {
			x := d.uv()
			if x > math.MaxUint16 {
				d.fail("cluster %d", x)
			}
			v[i] = uint16(x)
		}
		return v
	})
	na := d.count(1 << 20)
	m.amb = make([][2]uint64, 0, na)
	for i := 0; i < na && d.err == nil; i++ {
		m.amb = append(m.amb, [2]uint64{d.uv(), d.uv()})
	}
	readTable(d, &m.words, func() wordEntry {
		f, k := d.byte(), d.byte()
		a := d.uv()
		if (f != noClass && int(f) >= nc) || a >= uint64(max(na, 1)) {
			d.fail("word entry %d/%d", f, a)
		}
		return wordEntry{fixed: f, amb: uint16(a), known: k}
	})
	m.entries = make([]uint32, 0, d.count(1<<28))
	readTable(d, &m.feats, func() span {
		n := d.count(maxClasses)
		sp := span{off: uint32(len(m.entries)), n: uint32(n)}
		for i := 0; i < n && d.err == nil; i++ {
			c, w := d.byte(), d.sv()
			if int(c) >= nc || w < math.MinInt16 || w > math.MaxInt16 {
				d.fail("weight %d/%d", c, w)
			}
			m.entries = append(m.entries, uint32(c)<<16|uint32(uint16(int16(w))))
		}
		return sp
	})
	m.lem.read(d)
	nv := d.count(1 << 20)
	for i := 0; i < nv && d.err == nil; i++ {
		m.vocab = append(m.vocab, d.str())
	}
	if len(d.b) > 0 { // models written before the lexicon end here
		readTable(d, &m.lex, func() uint32 {
			x := d.uv()
			if x > 0xffffffff {
				d.fail("lexicon entry %d", x)
			}
			return uint32(x)
		})
	}
	if d.err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, d.err)
	}
	if nc == 0 {
		return nil, fmt.Errorf("%w: no classes", ErrFormat)
	}
	m.precompute()
	return m, nil
}

func readTable[V any](d *dec, t *table[V], val func() V) {
	n := d.count(1 << 26)
	*t = newTable[V](n)
	var key uint64
	for i := 0; i < n && d.err == nil; i++ {
		delta := d.uv()
		if delta == 0 && i > 0 {
			d.fail("keys out of order")
		}
		key += delta
		t.insert(key, val())
	}
}
