package udtag

import (
	"unicode"
	"unicode/utf8"
)

// maxWordBytes is how much of a word features look at; longer words are
// cut (on a byte, which is fine for hashing).
const maxWordBytes = 64

const (
	fnvOff   = 14695981039346656037
	fnvPrime = 1099511628211
)

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// hashBytes is FNV-1a over b.
func hashBytes(b []byte) uint64 {
	h := uint64(fnvOff)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// hashString is FNV-1a over s.
func hashString(s string) uint64 {
	h := uint64(fnvOff)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// lowerInto writes the lower-case form of s (cut to maxWordBytes) into buf
// and returns its length. Invalid UTF-8 bytes are copied unchanged.
func lowerInto(buf *[maxWordBytes + 4]byte, s string) int {
	n := 0
	for i := 0; i < len(s) && n < maxWordBytes; {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf[n] = c
			n++
			i++
			continue
		}
		n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
		i += size
	}
	return min(n, maxWordBytes)
}

// lowerHash is the hash of the lower-case form of s, as features and the
// cluster table use it.
func lowerHash(s string) uint64 {
	var buf [maxWordBytes + 4]byte
	return hashBytes(buf[:lowerInto(&buf, s)])
}

// Flags of a word.
const (
	flDigit   = 1 << iota // has a digit
	flHyphen              // has a '-'
	flUpper               // first letter upper-case
	flAllUp               // letters, all upper-case
	flPeriod              // has a '.'
	flNoAlnum             // no letter and no digit
	flAllDig              // digits only (with , . allowed)
	flLong                // more than 12 bytes
)

// tok holds what the features of one word are built from.
type tok struct {
	w, l     uint64    // hashes of the form and of its lower-case form
	pre, suf [4]uint64 // hashes of 1..4-byte prefixes and suffixes of the lower-case form
	shp      uint64    // shape: Xx, dd, ... with runs collapsed
	cl       [5]uint32 // clusters at four granularities and the second clustering (+1; 0 none)
	flags    uint8
	fixed    uint8 // class of a frequent unambiguous word, or noClass
	amb      uint16
	row      uint32 // 1-based row of the word in Model.vecs; 0 none
	lx, ll   uint32 // lexicon entries of the form and of its lower-case form (lexicon.go)
}

const noClass = 255

// unknownWord replaces the hashes of words too rare in training to have
// features of their own.
const unknownWord = 0x0a4b0e5

var bosTok, eosTok tok

func init() {
	bosTok = tok{w: 0xb05, l: 0xb05, shp: 0xb05, pre: [4]uint64{1, 1, 1, 1}, suf: [4]uint64{1, 1, 1, 1},
		cl: [5]uint32{1 << 20, 1 << 20, 1 << 20, 1 << 20, 1 << 20}, fixed: noClass, lx: lexBoundary, ll: lexBoundary}
	eosTok = tok{w: 0xe05, l: 0xe05, shp: 0xe05, pre: [4]uint64{2, 2, 2, 2}, suf: [4]uint64{2, 2, 2, 2},
		cl: [5]uint32{1<<20 + 1, 1<<20 + 1, 1<<20 + 1, 1<<20 + 1, 1<<20 + 1}, fixed: noClass, lx: lexBoundary, ll: lexBoundary}
}

// prepare fills t from word s: from the precomputed words when s is one
// of them, else by prepareSlow.
func (m *Model) prepare(t *tok, s string) {
	if len(s) <= maxWordBytes {
		if e, ok := m.words.lookup(hashString(s)); ok && e.row > 0 {
			*t = m.vtoks[e.row-1]
			return
		}
	}
	m.prepareSlow(t, s)
}

// prepareSlow fills t from word s.
func (m *Model) prepareSlow(t *tok, s string) {
	t.row = 0
	if len(s) > maxWordBytes {
		s = s[:maxWordBytes]
		t.flags = flLong
	} else {
		t.flags = 0
		if len(s) > 12 {
			t.flags = flLong
		}
	}
	t.w = hashString(s)
	var buf [maxWordBytes + 4]byte
	n := lowerInto(&buf, s)
	low := buf[:n]
	t.l = hashBytes(low)
	h := uint64(fnvOff)
	for i := 0; i < 4; i++ {
		if i < n {
			h ^= uint64(low[i])
			h *= fnvPrime
			t.pre[i] = h
		} else {
			t.pre[i] = 3
		}
	}
	h = fnvOff
	for i := 0; i < 4; i++ {
		if i < n {
			h ^= uint64(low[n-1-i])
			h *= fnvPrime
			t.suf[i] = h
		} else {
			t.suf[i] = 3
		}
	}
	sh := uint64(fnvOff)
	var prev byte
	letters, uppers, digits, alnum := 0, 0, 0, 0
	first := true
	for i := 0; i < len(s); {
		c := s[i]
		var k byte
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z':
				k = 'x'
			case 'A' <= c && c <= 'Z':
				k = 'X'
			case '0' <= c && c <= '9':
				k = 'd'
			default:
				k = c
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			switch {
			case unicode.IsUpper(r):
				k = 'X'
			case unicode.IsLetter(r):
				k = 'x'
			case unicode.IsDigit(r):
				k = 'd'
			default:
				k = '*'
			}
		}
		switch k {
		case 'X':
			letters++
			uppers++
			alnum++
			if first {
				t.flags |= flUpper
			}
		case 'x':
			letters++
			alnum++
		case 'd':
			digits++
			alnum++
			t.flags |= flDigit
		case '-':
			t.flags |= flHyphen
		case '.':
			t.flags |= flPeriod
		}
		if k == 'X' || k == 'x' || k == 'd' {
			first = false
		}
		if k != prev {
			sh ^= uint64(k)
			sh *= fnvPrime
			prev = k
		}
	}
	t.shp = sh
	if letters > 0 && uppers == letters && letters > 1 {
		t.flags |= flAllUp
	}
	if alnum == 0 {
		t.flags |= flNoAlnum
	}
	if digits > 0 && letters == 0 {
		t.flags |= flAllDig
	}
	t.cl = [5]uint32{}
	if v, ok := m.clusters.lookup(t.l); ok {
		t.cl = [5]uint32{uint32(v[0]), uint32(v[1]), uint32(v[2]), uint32(v[3]), uint32(v[4])}
	} else if t.flags&flDigit != 0 {
		// Numbers: look again with every digit read as 0.
		for i := range low {
			if '0' <= low[i] && low[i] <= '9' {
				low[i] = '0'
			}
		}
		if v, ok := m.clusters.lookup(hashBytes(low)); ok {
			t.cl = [5]uint32{uint32(v[0]), uint32(v[1]), uint32(v[2]), uint32(v[3]), uint32(v[4])}
		}
	}
	t.lx, t.ll = m.lexLookup(t.w), m.lexLookup(t.l)
	t.fixed, t.amb = noClass, 0
	e, ok := m.words.lookup(t.w)
	if ok {
		t.fixed, t.amb = e.fixed, e.amb
	}
	if !ok || e.known == 0 {
		t.w = unknownWord
	}
	if _, ok := m.words.lookup(lowerKey(t.l)); !ok {
		t.l = unknownWord
	}
}

// Feature templates. Each feature is a 64-bit key: the template number and
// its values, mixed.
func fkey(tmpl, v uint64) uint64 { return mix(v ^ tmpl*0x9e3779b97f4a7c15) }

func fkey2(tmpl, a, b uint64) uint64 { return fkey(tmpl, a*0x2545f4914f6cdd1d^mix(b+tmpl)) }

// maxStatic bounds the number of static features of a word.
const maxStatic = 48

// Offsets of the words a word's features read: -2..+2, index o+2.
const nOffsets = 5

// maxWordFeats bounds wordFeatures' output.
const maxWordFeats = 17 + 4

// wordFeatures writes the features that read only the word t, seen from
// the word o places before it (o = 0: t itself), into out and returns how
// many. Their weights can be summed per word ahead of time.
func wordFeatures(out []uint64, t *tok, o int) int {
	switch o {
	case 0:
		out[0] = fkey(2, t.w)
		out[1] = fkey(3, t.l)
		for j := 0; j < 4; j++ {
			out[2+j] = fkey(uint64(4+j), t.pre[j])
			out[6+j] = fkey(uint64(8+j), t.suf[j])
		}
		out[10] = fkey(12, t.shp)
		for j := 0; j < 5; j++ {
			out[11+j] = fkey(uint64(13+j), uint64(t.cl[j]))
		}
		out[16] = fkey(37, uint64(t.flags&(flDigit|flAllDig|flNoAlnum|flHyphen|flPeriod)))
		return 17 + lexWordFeatures(out[17:], t, o)
	case -1:
		out[0] = fkey(18, t.l)
		out[1] = fkey(22, t.suf[2])
		out[2] = fkey(27, uint64(t.cl[1]))
		return 3 + lexWordFeatures(out[3:], t, o)
	case 1:
		out[0] = fkey(19, t.l)
		out[1] = fkey(23, t.suf[2])
		out[2] = fkey(24, t.suf[0])
		out[3] = fkey(25, uint64(t.cl[1]))
		out[4] = fkey(28, uint64(t.cl[0]))
		out[5] = fkey(32, t.shp)
		return 6 + lexWordFeatures(out[6:], t, o)
	case -2:
		out[0] = fkey(20, t.l)
		return 1
	case 2:
		out[0] = fkey(21, t.l)
		out[1] = fkey(26, uint64(t.cl[1]))
		return 2
	}
	return 0
}

// at returns word j of toks, or the sentence boundary marks.
func at(toks []tok, j int) *tok {
	if j < 0 {
		return &bosTok
	}
	if j >= len(toks) {
		return &eosTok
	}
	return &toks[j]
}

// maxContext bounds contextFeatures' output.
const maxContext = 4

// contextFeatures writes the static features of word i that read more
// than one word or the word's position.
func contextFeatures(out *[maxContext]uint64, toks []tok, i int) {
	t := &toks[i]
	p1, n1 := at(toks, i-1), at(toks, i+1)
	pos := uint64(0)
	switch {
	case i == 0:
		pos = 1
	case i+1 == len(toks):
		pos = 2
	}
	out[0] = fkey(1, 0)
	out[1] = fkey(29, uint64(t.flags)|pos<<8)
	out[2] = fkey2(30, t.l, n1.l)
	out[3] = fkey2(31, p1.l, t.l)
}

// staticFeatures writes all features of word i that do not depend on
// predicted tags into out and returns how many.
func staticFeatures(out *[maxStatic]uint64, toks []tok, i int) int {
	var cf [maxContext]uint64
	contextFeatures(&cf, toks, i)
	k := copy(out[:], cf[:])
	for o := -2; o <= 2; o++ {
		k += wordFeatures(out[k:], at(toks, i+o), o)
	}
	return k
}

// maxDynamic is the number of features that read predicted tags.
const maxDynamic = 6

// classSlot maps a class or noClass to 0..nc.
func classSlot(c uint8, nc int) int {
	if c == noClass {
		return nc
	}
	return int(c)
}

// dynamicFeatures writes the features of word i that read the classes
// predicted for the two words before it (noClass at the start). The first
// two read only the classes, so Model.precompute can tabulate them.
func dynamicFeatures(out *[maxDynamic]uint64, toks []tok, i int, c1, c2 uint8) {
	t := &toks[i]
	n1 := at(toks, i+1)
	out[0] = fkey(40, uint64(c1))
	out[1] = fkey(41, uint64(c1)<<8|uint64(c2))
	out[2] = fkey2(42, uint64(c1), t.l)
	out[3] = fkey2(43, uint64(c1), t.suf[2])
	out[4] = fkey2(44, uint64(c1), n1.l)
	out[5] = fkey2(45, uint64(c1), uint64(t.cl[1]))
}
