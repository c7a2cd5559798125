package depparse

// Transitions of the arc-hybrid system.
const (
	shift = iota
	left  // s0 becomes a dependent of b0 and is popped
	right // s0 becomes a dependent of s1 and is popped
	numMoves
)

// moveStride is the width of a transition weight row.
const moveStride = 4

// Special tag and cluster ids of the root token and of a missing token.
const (
	idRoot = 0xfffe
	idNone = 0xffff
	// labelNone is the label of a missing token or of one without a head.
	labelNone = 0xff
)

const (
	fnvOff   = 14695981039346656037
	fnvPrime = 1099511628211
	k1       = 0x9e3779b97f4a7c15
	k2       = 0xbf58476d1ce4e5b9
	k3       = 0x94d049bb133111eb
)

// wordHash is FNV-1a over the ASCII-lower-cased bytes of s.
func wordHash(s string) uint64 {
	h := uint64(fnvOff)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// suffixHash hashes the last three bytes of s, lower-cased, apart from
// wordHash's values.
func suffixHash(s string) uint64 {
	return wordHash(s[max(len(s)-3, 0):]) * k1
}

// shape returns bits for a word's form: initial capital, all capitals,
// a digit, a hyphen, no letter or digit, and length over three bytes.
func shape(s string) uint8 {
	var b uint8
	upper, alnum := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			alnum = true
			if i == 0 {
				b |= 1
			}
		case 'a' <= c && c <= 'z':
			alnum, upper = true, false
		case '0' <= c && c <= '9':
			alnum = true
			b |= 4
		case c == '-':
			b |= 8
		case c >= 0x80:
			alnum = true
		}
	}
	if upper && alnum {
		b |= 2
	}
	if !alnum {
		b |= 16
	}
	if len(s) > 3 {
		b |= 32
	}
	return b
}

// Hashes of the word forms of the root and of a missing token; no lower-cased
// word hashes to them by design of their bytes (upper case survives).
var (
	hashRoot = wordHash("\x00ROOT") ^ 1
	hashNone = wordHash("\x00NONE") ^ 2
)

// Feature hashing: a template number and up to four values are mixed into
// a 64-bit key whose top bits select a weight row.
func f1(t, a uint64) uint64       { return (t*k1 ^ a) * k2 }
func f2(t, a, b uint64) uint64    { return (f1(t, a) ^ b) * k3 }
func f3(t, a, b, c uint64) uint64 { return (f2(t, a, b) ^ c) * k1 }
func f4(t, a, b, c, d uint64) uint64 {
	return (f3(t, a, b, c) ^ d) * k2
}

func rowOf(x uint64, shift uint) uint32 {
	x ^= x >> 29
	x *= k3
	return uint32(x >> shift)
}

// attrs holds the per-token inputs of the features; index n is the root and
// n+1 a missing token.
type attrs struct {
	w    []uint64 // lower-cased word hash
	wp   []uint64 // word hash mixed with the XPOS id
	p, u []uint16 // XPOS and UPOS ids (0: unknown)
	c, k []uint16 // fine and coarse word cluster (0: none)
	sfx  []uint64 // hash of the last three lower-cased bytes
	shp  []uint8  // word shape bits (see shape)
}

// state is an arc-hybrid configuration plus the partial tree.
type state struct {
	n      int32
	stack  []int32
	b      int32 // front of the buffer; the buffer is b..n, n being the root
	head   []int32
	label  []uint8
	l1, l2 []int32 // leftmost and second leftmost child
	r1, r2 []int32 // rightmost and second rightmost child
	vl, vr []uint8 // number of left and right children (capped)
	sl, sr []uint64
}

// grow returns s resized to n elements, reallocated when too small.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}

func (a *attrs) reset(n int) {
	a.w = grow(a.w, n+2)
	a.wp = grow(a.wp, n+2)
	a.p = grow(a.p, n+2)
	a.u = grow(a.u, n+2)
	a.c = grow(a.c, n+2)
	a.k = grow(a.k, n+2)
	a.sfx = grow(a.sfx, n+2)
	a.shp = grow(a.shp, n+2)
	for i, h := range [2]uint64{hashRoot, hashNone} {
		j := n + i
		id := uint16(idRoot + i)
		a.w[j], a.wp[j], a.p[j], a.u[j], a.c[j], a.k[j] = h, h, id, id, id, id
		a.sfx[j], a.shp[j] = h, uint8(0x80+i)
	}
}

func (s *state) reset(n int) {
	s.n = int32(n)
	s.stack = s.stack[:0]
	s.b = 0
	m := n + 2
	s.head, s.label = grow(s.head, m), grow(s.label, m)
	s.l1, s.l2, s.r1, s.r2 = grow(s.l1, m), grow(s.l2, m), grow(s.r1, m), grow(s.r2, m)
	s.vl, s.vr = grow(s.vl, m), grow(s.vr, m)
	s.sl, s.sr = grow(s.sl, m), grow(s.sr, m)
	none := int32(n + 1)
	for i := range m {
		s.head[i], s.label[i] = -1, labelNone
		s.l1[i], s.l2[i], s.r1[i], s.r2[i] = none, none, none, none
		s.vl[i], s.vr[i], s.sl[i], s.sr[i] = 0, 0, 0, 0
	}
}

// forced returns the only valid transition, when the valid set has one
// element other than SHIFT (at the end of the buffer).
func forced(valid uint8) (int, bool) {
	switch valid {
	case 1 << left:
		return left, true
	case 1 << right:
		return right, true
	}
	return shift, false
}

// done reports whether the configuration is terminal.
func (s *state) done() bool { return s.b == s.n && len(s.stack) == 0 }

// valid returns a bit mask of the transitions allowed: SHIFT while a word
// is in the buffer, RIGHT with two stack items, LEFT onto a word, or onto the
// root when it would be the only root.
func (s *state) valid() uint8 {
	var v uint8
	ns := len(s.stack)
	if s.b < s.n {
		v |= 1 << shift
		if ns >= 1 {
			v |= 1 << left
		}
	} else if ns == 1 {
		v |= 1 << left
	}
	if ns >= 2 {
		v |= 1 << right
	}
	return v
}

// apply performs move m and returns the arc it made (head, dependent), or
// (-1, -1) for SHIFT. The label is set by the caller through attach.
func (s *state) apply(m int) (int32, int32) {
	switch m {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
		return -1, -1
	case left:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		return s.b, d
	default:
		d := s.stack[len(s.stack)-1]
		h := s.stack[len(s.stack)-2]
		s.stack = s.stack[:len(s.stack)-1]
		return h, d
	}
}

// attach records the arc h -> d with label l. Left children arrive nearest
// first, so each new one is the leftmost; right children likewise.
func (s *state) attach(h, d int32, l uint8) {
	s.head[d], s.label[d] = h, l
	bit := uint64(1) << (l & 63)
	if d < h {
		s.l2[h], s.l1[h] = s.l1[h], d
		if s.vl[h] < 255 {
			s.vl[h]++
		}
		s.sl[h] |= bit
	} else {
		s.r2[h], s.r1[h] = s.r1[h], d
		if s.vr[h] < 255 {
			s.vr[h]++
		}
		s.sr[h] |= bit
	}
}

func bucket(d int32) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 10:
		return 6
	case d <= 20:
		return 7
	}
	return 8
}

func vcap(v uint8) uint64 { return uint64(min(v, 6)) }

// numMoveFeats is the number of transition feature templates.
const numMoveFeats = 116

// moveFeats writes the weight rows of the transition features of s.
func moveFeats(s *state, a *attrs, shiftBits uint, out *[numMoveFeats]uint32) {
	none := s.n + 1
	s0, s1, s2 := none, none, none
	if ns := len(s.stack); ns > 0 {
		s0 = s.stack[ns-1]
		if ns > 1 {
			s1 = s.stack[ns-2]
			if ns > 2 {
				s2 = s.stack[ns-3]
			}
		}
	}
	b0, b1, b2 := s.b, none, none
	if b0+1 <= s.n {
		b1 = b0 + 1
		if b0+2 <= s.n {
			b2 = b0 + 2
		}
	}
	// Children of s0, s1 and b0. Missing tokens have missing children.
	s0l, s0l2, s0r, s0r2 := s.l1[s0], s.l2[s0], s.r1[s0], s.r2[s0]
	s1l, s1r := s.l1[s1], s.r1[s1]
	b0l, b0l2 := s.l1[b0], s.l2[b0]

	w, wp, p, u, c := a.w, a.wp, a.p, a.u, a.c
	P := func(i int32) uint64 { return uint64(p[i]) }
	L := func(i int32) uint64 { return uint64(s.label[i]) }

	var d0, d1 uint64
	if s0 != none {
		d0 = bucket(b0 - s0)
		if s1 != none {
			d1 = bucket(s0 - s1)
		}
	}
	s0p, s1p, b0p, b1p := P(s0), P(s1), P(b0), P(b1)

	f := [numMoveFeats]uint64{
		// single tokens
		f1(1, w[s0]), f1(2, s0p), f1(3, wp[s0]), f1(4, uint64(c[s0])),
		f1(5, w[s1]), f1(6, s1p), f1(7, wp[s1]), f1(8, uint64(c[s1])),
		f1(9, w[b0]), f1(10, b0p), f1(11, wp[b0]), f1(12, uint64(c[b0])),
		f1(13, w[b1]), f1(14, b1p), f1(15, wp[b1]), f1(16, uint64(c[b1])),
		f1(17, w[b2]), f1(18, P(b2)), f1(19, wp[b2]),
		f1(20, P(s2)), f1(21, w[s2]),
		// s0 and b0
		f2(22, wp[s0], wp[b0]), f2(23, wp[s0], w[b0]), f2(24, w[s0], wp[b0]),
		f2(25, wp[s0], b0p), f2(26, s0p, wp[b0]), f2(27, w[s0], w[b0]),
		f2(28, s0p, b0p), f2(29, uint64(c[s0]), uint64(c[b0])),
		f2(30, uint64(c[s0]), b0p), f2(31, s0p, uint64(c[b0])),
		// s1 and s0
		f2(32, wp[s1], wp[s0]), f2(33, w[s1], w[s0]), f2(34, s1p, s0p),
		f2(35, wp[s1], s0p), f2(36, s1p, wp[s0]), f2(37, uint64(c[s1]), uint64(c[s0])),
		f2(38, uint64(c[s1]), s0p), f2(39, s1p, uint64(c[s0])),
		// tag trigrams
		f2(40, b0p, b1p), f3(41, b0p, b1p, P(b2)), f3(42, s0p, b0p, b1p),
		f3(43, s1p, s0p, b0p), f3(44, P(s2), s1p, s0p),
		f3(45, s0p, P(s0l), b0p), f3(46, s0p, P(s0r), b0p), f3(47, s0p, b0p, P(b0l)),
		f3(48, s1p, s0p, P(s0l)), f3(49, s1p, s0p, P(s0r)), f3(50, s1p, P(s1r), s0p),
		f3(51, s1p, P(s1l), s0p),
		// distance
		f2(52, w[s0], d0), f2(53, s0p, d0), f2(54, w[b0], d0), f2(55, b0p, d0),
		f3(56, s0p, b0p, d0), f3(57, w[s0], w[b0], d0),
		f2(58, w[s1], d1), f2(59, s1p, d1), f2(60, w[s0], d1), f2(61, s0p, d1),
		f3(62, s1p, s0p, d1), f3(63, w[s1], w[s0], d1),
		// valency
		f2(64, w[s0], vcap(s.vl[s0])), f2(65, s0p, vcap(s.vl[s0])),
		f2(66, w[s0], vcap(s.vr[s0])), f2(67, s0p, vcap(s.vr[s0])),
		f2(68, w[s1], vcap(s.vl[s1])), f2(69, s1p, vcap(s.vl[s1])),
		f2(70, w[s1], vcap(s.vr[s1])), f2(71, s1p, vcap(s.vr[s1])),
		f2(72, w[b0], vcap(s.vl[b0])), f2(73, b0p, vcap(s.vl[b0])),
		// children
		f1(74, w[s0l]), f1(75, P(s0l)), f1(76, L(s0l)),
		f1(77, w[s0r]), f1(78, P(s0r)), f1(79, L(s0r)),
		f1(80, w[b0l]), f1(81, P(b0l)), f1(82, L(b0l)),
		f1(83, P(s1r)), f1(84, L(s1r)), f1(85, P(s1l)), f1(86, L(s1l)),
		f1(87, P(s0l2)), f1(88, L(s0l2)), f1(89, P(s0r2)), f1(90, L(s0r2)),
		f1(91, P(b0l2)), f1(92, L(b0l2)),
		f3(93, s0p, L(s0l), L(s0l2)), f3(94, s0p, L(s0r), L(s0r2)), f3(95, b0p, L(b0l), L(b0l2)),
		// label sets
		f2(96, w[s0], s.sl[s0]), f2(97, s0p, s.sl[s0]), f2(98, w[s0], s.sr[s0]),
		f2(99, s0p, s.sr[s0]), f2(100, w[s1], s.sr[s1]), f2(101, s1p, s.sr[s1]),
		f2(102, w[b0], s.sl[b0]), f2(103, b0p, s.sl[b0]), f2(104, s1p, s.sl[s1]),
		// universal tags
		f2(105, uint64(u[s0]), uint64(u[b0])), f2(106, uint64(u[s1]), uint64(u[s0])),
		f3(107, uint64(u[s1]), uint64(u[s0]), uint64(u[b0])),
		f3(108, uint64(u[s0]), uint64(u[b0]), uint64(u[b1])),
		// stack depth and clusters of the lookahead
		f2(109, min(uint64(len(s.stack)), 8), b0p),
		f3(110, uint64(a.k[s0]), uint64(a.k[b0]), uint64(a.k[b1])),
		// suffixes and shapes, for words the tagger gets wrong
		f1(111, a.sfx[s0]), f1(112, a.sfx[b0]), f2(113, a.sfx[s0], a.sfx[b0]),
		f2(114, uint64(a.shp[s0]), uint64(a.shp[b0])), f1(115, a.sfx[b1]),
		f2(116, a.sfx[s1], a.sfx[s0]),
	}
	for i, x := range f {
		out[i] = rowOf(x, shiftBits)
	}
}

// numLabelFeats is the number of label feature templates.
const numLabelFeats = 38

// labelFeats writes the weight rows of the label features of the arc h -> d
// (d is finished: all its children are attached).
func labelFeats(s *state, a *attrs, h, d int32, shiftBits uint, out *[numLabelFeats]uint32) {
	none := s.n + 1
	w, wp, p, u, c := a.w, a.wp, a.p, a.u, a.c
	P := func(i int32) uint64 { return uint64(p[i]) }
	var dir uint64 = 1
	dist := h - d
	if h < d {
		dir, dist = 2, d-h
	}
	dist64 := bucket(dist)
	dl, dr := s.l1[d], s.r1[d]
	prev := func(i int32) int32 {
		if i == 0 || i >= s.n {
			return none
		}
		return i - 1
	}
	next := func(i int32) int32 {
		if i+1 >= s.n {
			return none
		}
		return i + 1
	}
	dp, hp := P(d), P(h)
	lab := func(i int32) uint64 { return uint64(s.label[i]) }
	f := [numLabelFeats]uint64{
		f2(1, dir, w[d]), f2(2, dir, dp), f2(3, dir, wp[d]), f2(4, dir, uint64(c[d])),
		f2(5, dir, w[h]), f2(6, dir, hp), f2(7, dir, wp[h]), f2(8, dir, uint64(c[h])),
		f3(9, dir, w[h], w[d]), f3(10, dir, hp, dp), f3(11, dir, wp[h], dp),
		f3(12, dir, hp, wp[d]), f3(13, dir, uint64(c[h]), uint64(c[d])),
		f3(14, dir, hp, uint64(c[d])), f3(15, dir, uint64(c[h]), dp),
		f3(16, dir, uint64(u[h]), uint64(u[d])), f4(17, dir, dist64, hp, dp),
		f2(18, dir, s.sl[d]), f2(19, dir, s.sr[d]), f3(20, dir, dp, s.sl[d]),
		f3(21, dir, dp, s.sr[d]), f4(22, dir, hp, s.sl[h], s.sr[h]),
		f3(23, dir, dp, lab(dl)), f3(24, dir, dp, lab(dr)),
		f4(25, dir, dp, P(prev(d)), P(next(d))), f4(26, dir, hp, P(prev(h)), P(next(h))),
		f3(27, dir, w[d], hp), f3(28, dir, dp, w[h]), f2(29, dir, w[dl]),
		f3(30, dir, w[dl], hp), f4(31, dir, w[dl], dp, hp), f4(32, dir, P(s.b), dp, hp),
		f1(33, dir), f3(34, dir, w[dr], dp), f4(35, dir, wp[d], hp, dist64),
		f3(36, dir, uint64(u[d]), vcap(s.vl[d])*8+vcap(s.vr[d])),
		f3(37, dir, a.sfx[d], hp), f4(38, dir, uint64(a.shp[d]), dp, hp),
	}
	for i, x := range f {
		out[i] = rowOf(x, shiftBits)
	}
}
