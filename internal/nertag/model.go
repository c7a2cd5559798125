// Package nertag is the engine behind entities.NERTagger: a two-stage
// averaged-perceptron sequence tagger for CoNLL's PER, ORG, LOC and MISC with
// hashed features, word-cluster features and document-level features.
package nertag

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"
)

// clusterVal is the cluster assignment of one word.
type clusterVal struct {
	fine, fine2 uint16
	row         uint32 // 1-based row in the dense tables; 0 none
}

// clusterTable maps lower-case word hashes to clusters (open addressing).
type clusterTable struct {
	keys []uint64
	vals []clusterVal
	mask uint64
}

func newClusterTable(n int) clusterTable {
	size := 1
	for size < 2*n+16 {
		size <<= 1
	}
	return clusterTable{keys: make([]uint64, size), vals: make([]clusterVal, size), mask: uint64(size - 1)}
}

func fixKey(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

func (c *clusterTable) insert(h uint64, v clusterVal) {
	h = fixKey(h)
	i := mix(h) & c.mask
	for c.keys[i] != 0 && c.keys[i] != h {
		i = (i + 1) & c.mask
	}
	c.keys[i] = h
	c.vals[i] = v
}

func (c *clusterTable) lookup(h uint64) (clusterVal, bool) {
	if len(c.keys) == 0 {
		return clusterVal{}, false
	}
	h = fixKey(h)
	i := mix(h) & c.mask
	for {
		k := c.keys[i]
		if k == h {
			return c.vals[i], true
		}
		if k == 0 {
			return clusterVal{}, false
		}
		i = (i + 1) & c.mask
	}
}

// stage holds the weights of one tagging stage.
type stage struct {
	dense []int16 // (nrows+1)*3*NumTags: per word, its score contribution at offsets -1, 0, +1
	w     []int16 // nb*NumTags, row per hashed feature
	trans [NumTags + 1][NumTags]int32
}

// Model is a trained tagger. It is immutable after construction and safe for concurrent use.
type Model struct {
	bits     uint
	clusters clusterTable
	nclust   int
	levels   [4][]uint16 // fine cluster -> id at each granularity
	stages   [2]stage
	flevel   int              // optional feature groups in use
	nrows    int              // rows of the dense tables (words with vectors)
	dim      int              // training only: vector dimension
	vecs     []int8           // training only: nrows*dim quantised word vectors
	gaz      map[uint64]uint8 // training gazetteer: hashed lower-case token sequence -> type mask
	pool     sync.Pool
}

func (m *Model) mask() uint64 { return uint64(1)<<m.bits - 1 }

const magic = "NGNER\x04"

// Write serialises the model (gzip-compressed binary).
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.DefaultCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { n := binary.PutUvarint(buf[:], x); bw.Write(buf[:n]) }
	sv := func(x int64) { n := binary.PutVarint(buf[:], x); bw.Write(buf[:n]) }
	bw.WriteString(magic)
	uv(uint64(m.bits))
	uv(uint64(m.flevel))
	// clusters, sorted by key for a deterministic file
	type kv struct {
		k uint64
		v clusterVal
	}
	var kvs []kv
	for i, k := range m.clusters.keys {
		if k != 0 {
			kvs = append(kvs, kv{k, m.clusters.vals[i]})
		}
	}
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].k < kvs[j].k })
	uv(uint64(len(kvs)))
	var prev uint64
	for _, e := range kvs {
		uv(e.k - prev)
		prev = e.k
		uv(uint64(e.v.fine))
		uv(uint64(e.v.fine2))
		uv(uint64(e.v.row))
	}
	uv(uint64(m.nrows))
	for k := range m.levels {
		uv(uint64(len(m.levels[k])))
		for _, x := range m.levels[k] {
			uv(uint64(x))
		}
	}
	gk := make([]uint64, 0, len(m.gaz))
	for k := range m.gaz {
		gk = append(gk, k)
	}
	sort.Slice(gk, func(i, j int) bool { return gk[i] < gk[j] })
	uv(uint64(len(gk)))
	prev = 0
	for _, k := range gk {
		uv(k - prev)
		prev = k
		bw.WriteByte(m.gaz[k])
	}
	for s := range m.stages {
		st := &m.stages[s]
		for a := range st.trans {
			for b := range st.trans[a] {
				sv(int64(st.trans[a][b]))
			}
		}
		if len(st.dense) != (m.nrows+1)*3*NumTags {
			uv(0)
		} else {
			uv(1)
			for _, x := range st.dense[3*NumTags:] {
				sv(int64(x))
			}
		}
		nb := len(st.w) / NumTags
		rows := 0
		for r := 0; r < nb; r++ {
			if !zeroRow(st.w[r*NumTags : r*NumTags+NumTags]) {
				rows++
			}
		}
		uv(uint64(rows))
		last := -1
		for r := 0; r < nb; r++ {
			row := st.w[r*NumTags : r*NumTags+NumTags]
			if zeroRow(row) {
				continue
			}
			uv(uint64(r - last))
			last = r
			for _, x := range row {
				sv(int64(x))
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func zeroRow(r []int16) bool {
	for _, x := range r {
		if x != 0 {
			return false
		}
	}
	return true
}

var errFormat = errors.New("entities: malformed NER model")

// Read decodes a model written by Write.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("entities: reading NER model: %w", err)
	}
	// The stream is inflated whole and decoded from memory: a varint at a
	// time through a bufio.Reader cost several calls per byte, which the
	// race detector made the slowest part of loading the model.
	data, err := io.ReadAll(zr)
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("entities: not a NER model (bad magic)")
	}
	if err != nil {
		return nil, fmt.Errorf("entities: reading NER model: %w", err)
	}
	var rerr error
	rest := data[len(magic):]
	uv := func() uint64 {
		if rerr != nil {
			return 0
		}
		x, n := binary.Uvarint(rest)
		if n <= 0 {
			rerr = io.ErrUnexpectedEOF
			return 0
		}
		rest = rest[n:]
		return x
	}
	sv := func() int64 {
		if rerr != nil {
			return 0
		}
		x, n := binary.Varint(rest)
		if n <= 0 {
			rerr = io.ErrUnexpectedEOF
			return 0
		}
		rest = rest[n:]
		return x
	}
	readByte := func() (byte, error) {
		if len(rest) == 0 {
			return 0, io.ErrUnexpectedEOF
		}
		b := rest[0]
		rest = rest[1:]
		return b, nil
	}
	m := &Model{}
	bits := uv()
	if bits < 8 || bits > 24 {
		return nil, errFormat
	}
	m.bits = uint(bits)
	fl := uv()
	if fl > 255 {
		return nil, errFormat
	}
	m.flevel = int(fl)
	n := uv()
	if rerr != nil || n > 1<<24 {
		return nil, errFormat
	}
	m.clusters = newClusterTable(int(n))
	var key uint64
	maxFine := 0
	for i := uint64(0); i < n && rerr == nil; i++ {
		key += uv()
		f, f2, row := uv(), uv(), uv()
		if f > math.MaxUint16 || f2 > math.MaxUint16 || row > 1<<24 {
			return nil, errFormat
		}
		if int(f) > maxFine {
			maxFine = int(f)
		}
		m.clusters.insert(key, clusterVal{uint16(f), uint16(f2), uint32(row)})
	}
	nrows := uv()
	if rerr != nil || nrows > n {
		return nil, errFormat
	}
	m.nrows = int(nrows)
	m.nclust = maxFine + 1
	for k := range m.levels {
		l := uv()
		if rerr != nil || l > 1<<16 || (n > 0 && int(l) < m.nclust) {
			return nil, errFormat
		}
		m.levels[k] = make([]uint16, l)
		for i := range m.levels[k] {
			m.levels[k][i] = uint16(uv())
		}
	}
	ng := uv()
	if rerr != nil || ng > 1<<24 {
		return nil, errFormat
	}
	if ng > 0 {
		m.gaz = make(map[uint64]uint8, ng)
	}
	key = 0
	for i := uint64(0); i < ng && rerr == nil; i++ {
		key += uv()
		b, err := readByte()
		if err != nil {
			rerr = err
		}
		m.gaz[key] = b
	}
	nb := 1 << m.bits
	for s := range m.stages {
		st := &m.stages[s]
		for a := range st.trans {
			for b := range st.trans[a] {
				st.trans[a][b] = int32(sv())
			}
		}
		if hasDense := uv(); hasDense == 1 {
			st.dense = make([]int16, (m.nrows+1)*3*NumTags)
			for i := 3 * NumTags; i < len(st.dense) && rerr == nil; i++ {
				x := sv()
				if x < math.MinInt16 || x > math.MaxInt16 {
					return nil, errFormat
				}
				st.dense[i] = int16(x)
			}
		}
		st.w = make([]int16, nb*NumTags)
		rows := uv()
		if rerr != nil || rows > uint64(nb) {
			return nil, errFormat
		}
		r := -1
		for i := uint64(0); i < rows && rerr == nil; i++ {
			r += int(uv())
			if r < 0 || r >= nb {
				return nil, errFormat
			}
			row := st.w[r*NumTags : r*NumTags+NumTags]
			for j := range row {
				x := sv()
				if x < math.MinInt16 || x > math.MaxInt16 {
					return nil, errFormat
				}
				row[j] = int16(x)
			}
		}
	}
	if rerr != nil {
		return nil, fmt.Errorf("entities: reading NER model: %w", rerr)
	}
	return m, nil
}
