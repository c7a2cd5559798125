package depparse

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/bits"
	"slices"
)

// clusterVal is the cluster assignment of one word.
type clusterVal struct{ fine, coarse uint16 }

// clusterTable maps lower-cased word hashes to clusters (open addressing;
// key 0 marks an empty slot).
type clusterTable struct {
	keys []uint64
	vals []clusterVal
	mask uint64
}

func newClusterTable(n int) clusterTable {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return clusterTable{keys: make([]uint64, size), vals: make([]clusterVal, size), mask: uint64(size - 1)}
}

func fixKey(h uint64) uint64 { return max(h, 1) }

func (c *clusterTable) insert(h uint64, v clusterVal) {
	h = fixKey(h)
	i := (h * k1 >> 20) & c.mask
	for c.keys[i] != 0 && c.keys[i] != h {
		i = (i + 1) & c.mask
	}
	c.keys[i], c.vals[i] = h, v
}

func (c *clusterTable) lookup(h uint64) (clusterVal, bool) {
	if len(c.keys) == 0 {
		return clusterVal{}, false
	}
	h = fixKey(h)
	i := (h * k1 >> 20) & c.mask
	for {
		switch c.keys[i] {
		case h:
			return c.vals[i], true
		case 0:
			return clusterVal{}, false
		}
		i = (i + 1) & c.mask
	}
}

const magic = "newsgraph depparse v1\n"

// Limits that Load checks, so a corrupt file cannot ask for huge memory.
const (
	maxMoveBits  = 24
	maxLabelBits = 20
	maxLabels    = 64
	maxTags      = 4096
	maxClusters  = 1 << 22
	maxString    = 1 << 10
)

// ErrFormat is wrapped by every error Load returns for a malformed file.
var ErrFormat = errors.New("depparse: malformed model file")

// Write writes the model in its binary format: a header, the label and tag
// vocabularies, the cluster table sorted by key, and the two weight tables
// stored sparsely (a bitmap of non-zero rows, then those rows), all little
// endian, followed by a CRC-32 of everything before it.
func (m *Model) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	crc := crc32.NewIEEE()
	out := io.MultiWriter(bw, crc)
	le := binary.LittleEndian
	var buf []byte
	u32 := func(v uint32) { buf = le.AppendUint32(buf, v) }
	str := func(s string) { u32(uint32(len(s))); buf = append(buf, s...) }
	buf = append(buf, magic...)
	u32(uint32(m.moveBits))
	u32(uint32(m.labelBits))
	u32(uint32(len(m.labels)))
	for _, l := range m.labels {
		str(l)
	}
	u32(uint32(m.rootLabel))
	buf = le.AppendUint64(buf, m.dirMask[1])
	buf = le.AppendUint64(buf, m.dirMask[2])
	for _, voc := range [][]string{m.xpos, m.upos} {
		u32(uint32(len(voc)))
		for _, t := range voc {
			str(t)
		}
	}
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
	slices.SortFunc(kvs, func(a, b kv) int {
		switch {
		case a.k < b.k:
			return -1
		case a.k > b.k:
			return 1
		}
		return 0
	})
	u32(uint32(len(kvs)))
	for _, e := range kvs {
		buf = le.AppendUint64(buf, e.k)
		buf = le.AppendUint16(buf, e.v.fine)
		buf = le.AppendUint16(buf, e.v.coarse)
	}
	if _, err := out.Write(buf); err != nil {
		return fmt.Errorf("depparse: %w", err)
	}
	if err := writeSparse(out, unpack(m.moveW, moveStride, moveLimit), moveStride); err != nil {
		return err
	}
	if err := writeSparse(out, unpack(m.labelW, len(m.labels), labelLimit), len(m.labels)); err != nil {
		return err
	}
	if _, err := bw.Write(le.AppendUint32(nil, crc.Sum32())); err != nil {
		return fmt.Errorf("depparse: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("depparse: %w", err)
	}
	return nil
}

func writeSparse(w io.Writer, tab []int16, width int) error {
	rows := len(tab) / width
	bitmap := make([]byte, (rows+7)/8)
	var body []byte
	for r := range rows {
		row := tab[r*width : (r+1)*width]
		if slices.ContainsFunc(row, func(v int16) bool { return v != 0 }) {
			bitmap[r/8] |= 1 << (r % 8)
			for _, v := range row {
				body = binary.LittleEndian.AppendUint16(body, uint16(v))
			}
		}
	}
	if _, err := w.Write(bitmap); err != nil {
		return fmt.Errorf("depparse: %w", err)
	}
	if _, err := w.Write(body); err != nil {
		return fmt.Errorf("depparse: %w", err)
	}
	return nil
}

// reader decodes a byte slice, remembering the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.err = fmt.Errorf("%w: truncated", ErrFormat)
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *reader) u32() uint32 {
	if p := r.take(4); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

func (r *reader) u64() uint64 {
	if p := r.take(8); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

func (r *reader) count(limit int, what string) int {
	n := r.u32()
	if r.err == nil && n > uint32(limit) {
		r.err = fmt.Errorf("%w: %d %s, at most %d", ErrFormat, n, what, limit)
		return 0
	}
	return int(n)
}

func (r *reader) str() string {
	return string(r.take(r.count(maxString, "bytes in a string")))
}

// sparse reads a table written by writeSparse straight into packed form
// (see pack): a lane of the file holds a two's-complement int16; flipping
// its sign bit gives w+32768, and subtracting 32768-limit from every lane at
// once cannot borrow across lanes once each lane is checked to be within
// ±limit.
func (r *reader) sparse(rows, width int, limit int16) []uint64 {
	bitmap := r.take((rows + 7) / 8)
	if bitmap == nil {
		return nil
	}
	nw := lanes(width)
	tab := make([]uint64, rows*nw)
	var empty [maxLabels / 4]uint64
	for j := range nw * 4 {
		empty[j/4] |= uint64(limit) << (16 * (j % 4))
	}
	const flip = 0x8000800080008000
	lo, hi := uint64(0x8000-int(limit)), uint64(0x8000+int(limit))
	sub := lo * 0x0001000100010001
	// Every row starts as all-zero weights (limit in each lane), filled by
	// doubling copies; then the stored rows overwrite theirs.
	copy(tab, empty[:nw])
	for done := nw; done < len(tab); done *= 2 {
		copy(tab[done:], tab[:done])
	}
	for i, b := range bitmap {
		if i == len(bitmap)-1 && rows%8 != 0 && b>>(rows%8) != 0 {
			r.err = fmt.Errorf("%w: bitmap past the last row", ErrFormat)
			return nil
		}
		for b != 0 {
			k := bits.TrailingZeros8(b)
			b &= b - 1
			row := i*8 + k
			dst := tab[row*nw : (row+1)*nw]
			p := r.take(2 * width)
			if p == nil {
				return nil
			}
			for w := range nw {
				var x uint64
				if n := min(width-4*w, 4); n == 4 {
					x = binary.LittleEndian.Uint64(p[8*w:])
				} else {
					var buf [8]byte // padding lanes hold weight 0
					copy(buf[:], p[8*w:8*w+2*n])
					x = binary.LittleEndian.Uint64(buf[:])
				}
				x ^= flip
				for j := range 4 {
					if v := x >> (16 * j) & 0xffff; v < lo || v > hi {
						r.err = fmt.Errorf("%w: weight %d outside ±%d", ErrFormat, int(v)-0x8000, limit)
						return nil
					}
				}
				dst[w] = x - sub
			}
		}
	}
	return tab
}

// Load reads a model written by Write. It checks the format, every size
// and the checksum, and returns an error wrapping ErrFormat for a file that
// is not a valid model.
func Load(r io.Reader) (*Model, error) {
	var data []byte
	var err error
	if lr, ok := r.(interface{ Len() int }); ok {
		// bytes.Reader and strings.Reader (an embedded model): one allocation.
		data = make([]byte, lr.Len())
		_, err = io.ReadFull(r, data)
	} else {
		data, err = io.ReadAll(r)
	}
	if err != nil {
		return nil, fmt.Errorf("depparse: reading model: %w", err)
	}
	if len(data) < len(magic)+4 || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: not a parser model", ErrFormat)
	}
	body := data[:len(data)-4]
	if crc32.ChecksumIEEE(body) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrFormat)
	}
	rd := &reader{b: body[len(magic):]}
	m := &Model{}
	m.moveBits = uint(rd.count(maxMoveBits, "move bits"))
	m.labelBits = uint(rd.count(maxLabelBits, "label bits"))
	nl := rd.count(maxLabels, "labels")
	for range nl {
		m.labels = append(m.labels, rd.str())
	}
	m.rootLabel = uint8(rd.count(max(nl-1, 0), "root label"))
	m.dirMask[1], m.dirMask[2] = rd.u64(), rd.u64()
	for _, voc := range []*[]string{&m.xpos, &m.upos} {
		nt := rd.count(maxTags, "tags")
		for range nt {
			*voc = append(*voc, rd.str())
		}
	}
	nc := rd.count(maxClusters, "clusters")
	if rd.err == nil && nc*12 > len(rd.b) {
		rd.err = fmt.Errorf("%w: truncated cluster table", ErrFormat)
	}
	if rd.err != nil {
		return nil, rd.err
	}
	if nl == 0 || m.moveBits == 0 || m.labelBits == 0 {
		return nil, fmt.Errorf("%w: empty model", ErrFormat)
	}
	m.clusters = newClusterTable(nc)
	for range nc {
		k := rd.u64()
		p := rd.take(4)
		if p == nil {
			break
		}
		m.clusters.insert(k, clusterVal{binary.LittleEndian.Uint16(p), binary.LittleEndian.Uint16(p[2:])})
	}
	m.moveW = rd.sparse(1<<m.moveBits, moveStride, moveLimit)
	m.labelW = rd.sparse(1<<m.labelBits, nl, labelLimit)
	if rd.err != nil {
		return nil, rd.err
	}
	if len(rd.b) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrFormat, len(rd.b))
	}
	m.index()
	return m, nil
}

// index builds the tag lookup maps from the vocabularies.
func (m *Model) index() {
	m.xposID = make(map[string]uint16, len(m.xpos))
	for i, t := range m.xpos {
		m.xposID[t] = uint16(i + 1)
	}
	m.uposID = make(map[string]uint16, len(m.upos))
	for i, t := range m.upos {
		m.uposID[t] = uint16(i + 1)
	}
}
