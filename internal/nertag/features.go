package nertag

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tag indices: 0 is O, 1..4 are B-PER, B-ORG, B-LOC, B-MISC and 5..8 the I- tags.
const (
	NumTags  = 9
	numTypes = 4
)

// TagNames spells the tag indices.
var TagNames = [NumTags]string{"O", "B-PER", "B-ORG", "B-LOC", "B-MISC", "I-PER", "I-ORG", "I-LOC", "I-MISC"}

// TagIndex maps an IOB1/IOB2 tag to its index (I- after O becomes B- only in IOB2 decoding, not here).
func TagIndex(s string) int {
	for i, n := range TagNames {
		if n == s {
			return i
		}
	}
	return 0
}

func tagType(t uint8) int { // 0 for O, 1..4 otherwise
	if t == 0 {
		return 0
	}
	return int(t-1)%numTypes + 1
}

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

const fnvOff = 14695981039346656037
const fnvPrime = 1099511628211

func hashString(s string) uint64 {
	h := uint64(fnvOff)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// Lower returns the lower-case form of a token as used for cluster lookup.
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// Case classes.
const (
	caseNone  = iota // no letter
	caseLower        // all letters lower-case
	caseTitle        // first letter upper, others lower
	caseUpper        // all letters upper-case (at least one)
	caseMixed
)

// tok holds the per-token values features are built from.
type tok struct {
	w, l       uint64 // exact and lower-case hashes
	shp, lshp  uint64 // short and long shape hashes
	pre, suf   [4]uint64
	cl         [4]uint32 // cluster ids at four granularities (+1; 0 unknown)
	cl2        uint32    // second, finer clustering (+1; 0 unknown)
	row        int32     // 1-based row of the word in the dense tables (0: none)
	ngr        [maxNgrams]uint64
	nngr       uint8
	cas        uint8
	nlen       uint8 // length bucket
	hasDigit   bool
	hasHyphen  bool
	hasPeriod  bool
	singleChar bool
}

func lenBucket(n int) uint8 {
	switch {
	case n <= 4:
		return uint8(n)
	case n <= 6:
		return 5
	case n <= 9:
		return 6
	case n <= 14:
		return 7
	}
	return 8
}

// prepare fills t from word s.
func (m *Model) prepare(t *tok, s string) {
	*t = tok{}
	t.w = hashString(s)
	low := Lower(s)
	t.l = hashString(low)
	// shapes and case
	var sh, lsh uint64 = fnvOff, fnvOff
	var prev rune = -1
	run := 0
	nUpper, nLower, nLetters := 0, 0, 0
	firstUpper := false
	nr := 0
	for _, r := range s {
		var c rune
		switch {
		case r < utf8.RuneSelf:
			switch {
			case 'a' <= r && r <= 'z':
				c = 'x'
			case 'A' <= r && r <= 'Z':
				c = 'X'
			case '0' <= r && r <= '9':
				c = 'd'
			default:
				c = r
			}
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = '*'
		}
		switch c {
		case 'X':
			nUpper++
			nLetters++
			if nr == 0 {
				firstUpper = true
			}
		case 'x':
			nLower++
			nLetters++
		case 'd':
			t.hasDigit = true
		case '-':
			t.hasHyphen = true
		case '.':
			t.hasPeriod = true
		}
		if c == prev {
			run++
		} else {
			run = 0
			sh ^= uint64(c)
			sh *= fnvPrime
		}
		if run < 4 {
			lsh ^= uint64(c)
			lsh *= fnvPrime
		}
		prev = c
		nr++
		if nr > 64 {
			break
		}
	}
	t.shp, t.lshp = sh, lsh
	t.singleChar = nr == 1
	switch {
	case nLetters == 0:
		t.cas = caseNone
	case nUpper == 0:
		t.cas = caseLower
	case nLower == 0:
		t.cas = caseUpper
	case firstUpper && nUpper == 1:
		t.cas = caseTitle
	default:
		t.cas = caseMixed
	}
	t.nlen = lenBucket(nr)
	// prefixes and suffixes of the lower-case form (bytes)
	h := uint64(fnvOff)
	for i := 0; i < 4 && i < len(low); i++ {
		h ^= uint64(low[i])
		h *= fnvPrime
		t.pre[i] = h
	}
	h = fnvOff
	for i := 0; i < 4 && i < len(low); i++ {
		h ^= uint64(low[len(low)-1-i])
		h *= fnvPrime
		t.suf[i] = h
	}
	if m.flevel&2 != 0 && t.cas != caseNone && t.cas != caseLower {
		// character trigrams of the lower-case form, with boundary marks
		n := len(low)
		for i := -1; i+2 <= n && int(t.nngr) < maxNgrams; i++ {
			h := uint64(fnvOff)
			for j := i; j < i+3; j++ {
				c := byte('^')
				if j >= 0 && j < n {
					c = low[j]
				} else if j >= n {
					c = '$'
				}
				h ^= uint64(c)
				h *= fnvPrime
			}
			t.ngr[t.nngr] = h
			t.nngr++
		}
	}
	c, ok := m.clusters.lookup(t.l)
	if !ok && t.hasDigit {
		// numbers: normalise digits and look again
		c, ok = m.clusters.lookup(hashString(digitNorm(low)))
	}
	if ok {
		for k := range t.cl {
			t.cl[k] = uint32(m.levels[k][c.fine]) + 1
		}
		t.cl2 = uint32(c.fine2) + 1
		if int(c.row) <= m.nrows {
			t.row = int32(c.row)
		}
	}
}

func digitNorm(s string) string {
	b := []byte(s)
	for i, c := range b {
		if '0' <= c && c <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}

// feature builder
type fb struct {
	out  []uint32
	mask uint64
}

func (f *fb) add(tmpl uint64, v uint64) {
	h := mix(v ^ tmpl*0x9e3779b97f4a7c15)
	f.out = append(f.out, uint32(h&f.mask))
}

func (f *fb) add2(tmpl uint64, a, b uint64) {
	f.add(tmpl, a*0x2545F4914F6CDD1D^mix(b+tmpl))
}

var bosTok, eosTok tok

func init() {
	bosTok = tok{w: 0xb05, l: 0xb05, shp: 0xb05, lshp: 0xb05, cl: [4]uint32{1 << 20, 1 << 20, 1 << 20, 1 << 20}, cl2: 1 << 20}
	eosTok = tok{w: 0xe05, l: 0xe05, shp: 0xe05, lshp: 0xe05, cl: [4]uint32{1<<20 + 1, 1<<20 + 1, 1<<20 + 1, 1<<20 + 1}, cl2: 1<<20 + 1}
}

// sentence context flags
type sentInfo struct {
	headline bool // no lower-case word in the sentence
}

// baseFeatures appends the stage-1 features of token i to f.out.
func baseFeatures(f *fb, toks []tok, i int, si sentInfo, dcase uint8) {
	at := func(j int) *tok {
		if j < 0 {
			return &bosTok
		}
		if j >= len(toks) {
			return &eosTok
		}
		return &toks[j]
	}
	t := &toks[i]
	p1, p2, n1, n2 := at(i-1), at(i-2), at(i+1), at(i+2)
	f.add(1, 0) // bias
	f.add(2, t.w)
	f.add(3, t.l)
	f.add(4, p1.w)
	f.add(5, n1.w)
	f.add(6, p2.l)
	f.add(7, n2.l)
	f.add2(8, p1.l, t.l)
	f.add2(9, t.l, n1.l)
	f.add(10, t.shp)
	f.add(11, t.lshp)
	f.add2(12, p1.shp, t.shp)
	f.add2(13, t.shp, n1.shp)
	f.add2(14, p1.shp, t.shp^n1.shp*31)
	for k := 0; k < 4; k++ {
		if t.pre[k] != 0 {
			f.add(uint64(20+k), t.pre[k])
		}
		if t.suf[k] != 0 {
			f.add(uint64(24+k), t.suf[k])
		}
	}
	for k := 0; k < 4; k++ {
		f.add(uint64(30+k), uint64(t.cl[k]))
	}
	f.add(34, uint64(t.cl2))
	f.add(35, uint64(p1.cl[0]))
	f.add(36, uint64(n1.cl[0]))
	f.add(37, uint64(p1.cl[2]))
	f.add(38, uint64(n1.cl[2]))
	f.add(39, uint64(p2.cl[2]))
	f.add(40, uint64(n2.cl[2]))
	f.add2(41, uint64(p1.cl[1]), uint64(t.cl[1]))
	f.add2(42, uint64(t.cl[1]), uint64(n1.cl[1]))
	f.add2(43, uint64(t.cl[1]), t.shp)
	f.add2(44, uint64(p1.cl[1]), t.shp)
	f.add2(45, uint64(n1.cl[1]), t.shp)
	f.add2(46, p1.l, t.shp)
	f.add2(47, n1.l, t.shp)
	// position and sentence context
	initial := uint64(0)
	if i == 0 {
		initial = 1
	}
	head := uint64(0)
	if si.headline {
		head = 1
	}
	f.add(50, initial*4+head*2+uint64(t.cas)*8)
	f.add2(51, initial+head*2, t.l)
	f.add2(52, head, uint64(t.cl[0]))
	f.add2(53, uint64(dcase)|uint64(t.cas)<<4, head*2+initial)
	f.add2(54, uint64(dcase), t.l)
	f.add(55, uint64(t.nlen)|uint64(t.cas)<<4)
	var fl uint64
	if t.hasDigit {
		fl |= 1
	}
	if t.hasHyphen {
		fl |= 2
	}
	if t.hasPeriod {
		fl |= 4
	}
	if t.singleChar {
		fl |= 8
	}
	f.add(56, fl|uint64(t.cas)<<4)
	f.add2(57, p2.l, p1.l)
	f.add2(58, n1.l, n2.l)
	f.add2(59, p1.l^t.l*7, n1.l)
}

// gazFeatures adds the training-gazetteer features of token i with marks g.
func gazFeatures(f *fb, g uint32, gz []uint32, i int) {
	f.add(60, uint64(g))
	for ty := 0; ty < gazClasses; ty++ {
		if c := (g >> (3 * ty)) & 7; c != 0 {
			f.add(61, uint64(ty*8)+uint64(c))
		}
	}
	var p, n uint32 = 1 << 20, 1 << 21
	if i > 0 {
		p = gz[i-1]
	}
	if i+1 < len(gz) {
		n = gz[i+1]
	}
	f.add2(62, uint64(g), uint64(p)<<32|uint64(n))
}

const maxNgrams = 12

// FeatureLevel selects optional feature groups of newly trained models (for experiments);
// a model records its own level.
var FeatureLevel = 0

var (
	hQuote  = hashString("\"")
	hOpen   = hashString("(")
	hClose  = hashString(")")
	hQuote2 = hashString("``")
	hQuote3 = hashString("''")
)

// bracketFlags marks tokens inside a quoted span (bit 0) or parentheses (bit 1)
// of the sentence, and the tokens right after an opening mark (bit 2).
func bracketFlags(toks []tok, out []uint8) {
	clear(out)
	open := -1
	for i := range toks {
		w := toks[i].w
		if w == hQuote || w == hQuote2 || w == hQuote3 {
			if open < 0 {
				open = i
			} else {
				for j := open + 1; j < i; j++ {
					out[j] |= 1
				}
				if open+1 < i {
					out[open+1] |= 4
				}
				open = -1
			}
		}
	}
	open = -1
	for i := range toks {
		switch toks[i].w {
		case hOpen:
			open = i
		case hClose:
			if open >= 0 {
				for j := open + 1; j < i; j++ {
					out[j] |= 2
				}
				open = -1
			}
		}
	}
}

func ngramFeatures(f *fb, t *tok) {
	for k := 0; k < int(t.nngr); k++ {
		f.add(70, t.ngr[k])
	}
}

func extraFeatures(f *fb, toks []tok, i int, ctx uint8) {
	t := &toks[i]
	f.add2(63, uint64(ctx), t.shp)
	f.add2(64, uint64(ctx), uint64(t.cl[1]))
	var p1, n1 *tok = &bosTok, &eosTok
	if i > 0 {
		p1 = &toks[i-1]
	}
	if i+1 < len(toks) {
		n1 = &toks[i+1]
	}
	f.add(65, uint64(p1.cl2))
	f.add(66, uint64(n1.cl2))
	f.add2(67, p1.w, uint64(t.cas))
	f.add2(68, n1.w, uint64(t.cas))
	f.add2(69, uint64(t.cl2), uint64(t.cas))
}

// titleCase lower-cases s and upper-cases its first letter.
func titleCase(s string) string {
	l := Lower(s)
	for i, r := range l {
		if unicode.IsLetter(r) {
			u := unicode.ToUpper(r)
			if u == r {
				return l
			}
			return l[:i] + string(u) + l[i+utf8.RuneLen(r):]
		}
	}
	return l
}
