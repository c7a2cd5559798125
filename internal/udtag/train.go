package udtag

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/conllu"
)

// Clusters is a word-cluster table: Words[i] has the cluster ids IDs[i]
// (fine cluster, second clustering, then three coarser levels of the fine
// one), as in entities/model/clusters.tsv.gz.
type Clusters struct {
	Words []string
	IDs   [][5]uint16
}

// ReadClusters reads a gzip-compressed cluster table: a '#' header line,
// then "word<TAB>fine<TAB>second<TAB>level1<TAB>level2<TAB>level3" lines.
func ReadClusters(r io.Reader) (*Clusters, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("udtag: reading clusters: %w", err)
	}
	sc := bufio.NewScanner(zr)
	cl := &Clusters{}
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		p := strings.Split(t, "\t")
		if len(p) != 6 {
			return nil, fmt.Errorf("udtag: clusters line %d: %d fields, want 6", line, len(p))
		}
		var ids [5]uint16
		for i := range ids {
			x, err := strconv.ParseUint(p[i+1], 10, 15)
			if err != nil {
				return nil, fmt.Errorf("udtag: clusters line %d: %w", line, err)
			}
			ids[i] = uint16(x)
		}
		cl.Words = append(cl.Words, p[0])
		cl.IDs = append(cl.IDs, ids)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("udtag: reading clusters: %w", err)
	}
	return cl, nil
}

// TrainOptions controls Train. The zero value gives the documented defaults.
type TrainOptions struct {
	Epochs   int       // perceptron epochs per run (default 12)
	Runs     int       // runs over differently shuffled data whose averaged weights are summed (default 4)
	Seed     uint64    // shuffling seed
	Clusters *Clusters // word clusters (nil: none)
	Lexicon  *Lexicon  // tag dictionary (nil: none), see ReadBrill
	// NoMerged leaves out the copies of the training sentences in the
	// pipeline's tokenisation (conllu.MergePipelineTokens).
	NoMerged bool
	// MinClassCount drops (UPOS, XPOS) pairs seen fewer times (default 2);
	// their words train as the nearest kept pair.
	MinClassCount int
	// FixedCount and FixedShare: a word form seen at least FixedCount times
	// (default 25) with one class at least FixedShare of the time (default
	// 0.995) is given that class without scoring.
	FixedCount int
	FixedShare float64
	// AmbCount: when positive, a word form seen at least AmbCount times is
	// only given classes it was seen with (off by default: it cost 0.5 UPOS
	// on dev, whose web text uses words in ways the training text does not).
	AmbCount int
	// KnownCount is how often a form (or its lower-case form) must be seen
	// to keep its own word features (default 2); rarer words are read as
	// unknown in training and tagging alike, so the weights of unknown
	// words learn from the rare training words.
	KnownCount int
	// Vocab is how many of the most frequent training words get their word
	// features summed ahead of time at load (default 6000): faster tagging,
	// same tags.
	Vocab int
	// MinFeatureCount leaves out static features seen fewer times in
	// training (default 1: none; 2 cost 0.1 UPOS on dev for a 10% smaller
	// file).
	MinFeatureCount int
	// Prune drops quantised weights of smaller magnitude (default 2).
	Prune int
	Logf  func(format string, args ...any)
}

func (o *TrainOptions) defaults() {
	def := func(p *int, v int) {
		if *p == 0 {
			*p = v
		}
	}
	def(&o.Epochs, 12)
	def(&o.Runs, 4)
	def(&o.MinClassCount, 2)
	def(&o.FixedCount, 25)
	def(&o.KnownCount, 2)
	def(&o.Vocab, 6000)
	def(&o.MinFeatureCount, 1)
	def(&o.Prune, 2)
	if o.FixedShare == 0 {
		o.FixedShare = 0.995
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
}

// trainSent is one training sentence: its words, gold classes and the
// feature ids of its static features.
type trainSent struct {
	words []string
	gold  []uint8
	fids  []int32 // static feature ids, maxStatic slots per word (-1 unused)
	nf    []uint8
}

// wentry is a training weight of one class of one feature, with the sum
// that averaging needs.
type wentry struct {
	cls uint8
	w   int32
	u   int64
}

type trainer struct {
	m     *Model
	ids   map[uint64]int32
	keys  []uint64
	wts   [][]wentry
	clock int64
}

func (tr *trainer) id(k uint64, create bool) int32 {
	if i, ok := tr.ids[k]; ok {
		return i
	}
	if !create {
		return -1
	}
	i := int32(len(tr.keys))
	tr.ids[k] = i
	tr.keys = append(tr.keys, k)
	tr.wts = append(tr.wts, nil)
	return i
}

func (tr *trainer) score(s *[maxClasses]int32, f int32) {
	if f < 0 {
		return
	}
	for _, e := range tr.wts[f] {
		s[e.cls] += e.w
	}
}

func (tr *trainer) update(f int32, cls uint8, d int32) {
	ws := tr.wts[f]
	for i := range ws {
		if ws[i].cls == cls {
			ws[i].w += d
			ws[i].u += tr.clock * int64(d)
			return
		}
	}
	tr.wts[f] = append(ws, wentry{cls: cls, w: d, u: tr.clock * int64(d)})
}

// Train trains a tagger and lemmatizer on treebank sentences (their FORM,
// UPOS, XPOS and LEMMA columns). The same sentences and options give the
// same model, byte for byte.
func Train(sents []*conllu.Sentence, opt TrainOptions) (*Model, error) {
	opt.defaults()
	var words [][]string
	var tags [][]class
	var samples []lemmaSample
	add := func(s *conllu.Sentence) {
		w := make([]string, len(s.Words))
		t := make([]class, len(s.Words))
		for i, x := range s.Words {
			w[i], t[i] = x.Form, class{x.UPOS, x.XPOS}
			if x.Lemma != "" && x.Lemma != "_" && x.XPOS != "" {
				samples = append(samples, lemmaSample{x.Form, x.UPOS, x.XPOS, x.Lemma})
			}
		}
		words, tags = append(words, w), append(tags, t)
	}
	for _, s := range sents {
		if len(s.Words) == 0 {
			continue
		}
		add(s)
		if !opt.NoMerged {
			if m := conllu.MergePipelineTokens(s); len(m.Words) != len(s.Words) {
				add(m)
			}
		}
	}
	if len(words) == 0 {
		return nil, errors.New("udtag: no training sentences")
	}
	m := &Model{}
	classOf := m.buildClasses(tags, opt.MinClassCount)
	gold := make([][]uint8, len(tags))
	for i, t := range tags {
		gold[i] = make([]uint8, len(t))
		for j, c := range t {
			gold[i][j] = classOf[c]
		}
	}
	m.buildWords(words, gold, opt)
	if cl := opt.Clusters; cl != nil {
		m.clusters = newTable[[5]uint16](len(cl.Words))
		for i, w := range cl.Words {
			v := cl.IDs[i]
			for k := range v {
				v[k]++
			}
			m.clusters.insert(lowerHash(w), v)
		}
	}
	if opt.Lexicon != nil {
		if err := m.buildLexicon(opt.Lexicon); err != nil {
			return nil, err
		}
	}
	m.lem = trainLemmatizer(samples)
	opt.Logf("udtag: %d sentences (with merged copies), %d classes, %d word entries, %d lemma rules, %d lemma exceptions",
		len(words), len(m.classes), m.words.n, m.lem.rules.n, m.lem.except.n)

	tr := &trainer{m: m, ids: map[uint64]int32{}}
	ts := make([]trainSent, len(words))
	var toks []tok
	var st [maxStatic]uint64
	// Static features seen fewer than MinFeatureCount times are left out.
	seen := map[uint64]int32{}
	for _, w := range words {
		toks = m.prepSent(toks, w)
		for j := range w {
			for _, k := range st[:staticFeatures(&st, toks, j)] {
				seen[k]++
			}
		}
	}
	for i, w := range words {
		toks = m.prepSent(toks, w)
		s := trainSent{words: w, gold: gold[i], fids: make([]int32, 0, len(w)*maxStatic), nf: make([]uint8, len(w))}
		for j := range w {
			n := 0
			for _, k := range st[:staticFeatures(&st, toks, j)] {
				if seen[k] >= int32(opt.MinFeatureCount) {
					s.fids = append(s.fids, tr.id(k, true))
					n++
				}
			}
			s.nf[j] = uint8(n)
			for range maxStatic - n {
				s.fids = append(s.fids, -1)
			}
		}
		ts[i] = s
	}
	opt.Logf("udtag: %d static features", len(tr.keys))
	nc := len(m.classes)
	sum := map[int32][]float64{} // feature id -> per-class summed averages
	for run := 0; run < opt.Runs; run++ {
		tr.wts = make([][]wentry, len(tr.keys))
		tr.clock = 1
		order := make([]int, len(ts))
		for i := range order {
			order[i] = i
		}
		rng := rand.New(rand.NewPCG(opt.Seed+uint64(run)*7919, 0x7a66e7))
		for ep := 0; ep < opt.Epochs; ep++ {
			rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
			errs, n := 0, 0
			for _, si := range order {
				e, k := tr.trainSent(&ts[si], &toks)
				errs += e
				n += k
			}
			opt.Logf("udtag: run %d epoch %d: %.2f%% of scored words wrong", run+1, ep+1, 100*float64(errs)/float64(max(n, 1)))
		}
		for f, ws := range tr.wts {
			for _, e := range ws {
				avg := float64(e.w) - float64(e.u)/float64(tr.clock)
				if avg == 0 {
					continue
				}
				row := sum[int32(f)]
				if row == nil {
					row = make([]float64, nc)
					sum[int32(f)] = row
				}
				row[e.cls] += avg
			}
		}
	}
	m.compile(tr.keys, sum, opt.Prune)
	m.vocab = vocabulary(words, opt.Vocab)
	m.precompute()
	opt.Logf("udtag: %d features, %d weights kept", m.feats.n, len(m.entries))
	return m, nil
}

// trainSent runs one perceptron pass over a sentence; it returns the
// number of wrong predictions and of scored words.
func (tr *trainer) trainSent(s *trainSent, toksBuf *[]tok) (errs, scored int) {
	m := tr.m
	*toksBuf = m.prepSent(*toksBuf, s.words)
	toks := *toksBuf
	c1, c2 := uint8(noClass), uint8(noClass)
	var dy [maxDynamic]uint64
	var dyID [maxDynamic]int32
	for i := range toks {
		c := toks[i].fixed
		if c == noClass {
			var score [maxClasses]int32
			fids := s.fids[i*maxStatic : i*maxStatic+int(s.nf[i])]
			for _, f := range fids {
				tr.score(&score, f)
			}
			dynamicFeatures(&dy, toks, i, c1, c2)
			for j, k := range dy {
				dyID[j] = tr.id(k, false)
				tr.score(&score, dyID[j])
			}
			allowed := m.allowed(toks[i].amb)
			c = argmax(&score, len(m.classes), allowed)
			g := s.gold[i]
			scored++
			if c != g && (allowed == nil || allowed[g>>6]&(1<<(g&63)) != 0) {
				errs++
				for _, f := range fids {
					tr.update(f, g, 1)
					tr.update(f, c, -1)
				}
				for j, k := range dy {
					if dyID[j] < 0 {
						dyID[j] = tr.id(k, true)
					}
					tr.update(dyID[j], g, 1)
					tr.update(dyID[j], c, -1)
				}
			}
			tr.clock++
		}
		c1, c2 = c, c1
	}
	return errs, scored
}

// prepSent prepares the tokens of a sentence into buf.
func (m *Model) prepSent(buf []tok, words []string) []tok {
	if cap(buf) < len(words) {
		buf = make([]tok, len(words))
	}
	buf = buf[:len(words)]
	for i, w := range words {
		m.prepare(&buf[i], w)
	}
	return buf
}

// buildClasses sets m.classes from the training pairs and returns the
// class of every pair seen.
func (m *Model) buildClasses(tags [][]class, minCount int) map[class]uint8 {
	count := map[class]int{}
	var all []class
	for _, t := range tags {
		for _, c := range t {
			if count[c] == 0 {
				all = append(all, c)
			}
			count[c]++
		}
	}
	slices.SortFunc(all, func(a, b class) int {
		return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a.upos, b.upos), cmp.Compare(a.xpos, b.xpos))
	})
	out := map[class]uint8{}
	for _, c := range all {
		if count[c] >= minCount && len(m.classes) < maxClasses {
			out[c] = uint8(len(m.classes))
			m.classes = append(m.classes, c)
		}
	}
	for _, c := range all {
		if _, ok := out[c]; ok {
			continue
		}
		// The most frequent kept class with the same XPOS, else the same UPOS.
		out[c] = 0
		for _, same := range []func(k class) bool{
			func(k class) bool { return k.xpos == c.xpos },
			func(k class) bool { return k.upos == c.upos },
		} {
			if i := slices.IndexFunc(m.classes, same); i >= 0 {
				out[c] = uint8(i)
				break
			}
		}
	}
	return out
}

// buildWords fills the word table: fixed classes of frequent unambiguous
// forms and the class sets of frequent forms.
func (m *Model) buildWords(words [][]string, gold [][]uint8, opt TrainOptions) {
	type stat struct {
		n   int
		per [maxClasses]int32
	}
	stats := map[string]*stat{}
	lower := map[string]int{}
	var forms, lowers []string
	for i, ws := range words {
		for j, w := range ws {
			l := lowerString(w)
			if lower[l] == 0 {
				lowers = append(lowers, l)
			}
			lower[l]++
			s := stats[w]
			if s == nil {
				s = &stat{}
				stats[w] = s
				forms = append(forms, w)
			}
			s.n++
			s.per[gold[i][j]]++
		}
	}
	m.amb = [][2]uint64{{}}
	ambIndex := map[[2]uint64]uint16{}
	type ent struct {
		h uint64
		e wordEntry
	}
	var ents []ent
	for _, w := range forms {
		s := stats[w]
		e := wordEntry{fixed: noClass}
		best := 0
		var set [2]uint64
		for c, n := range s.per {
			if n > s.per[best] {
				best = c
			}
			if n > 0 {
				set[c>>6] |= 1 << (c & 63)
			}
		}
		if s.n >= opt.FixedCount && float64(s.per[best]) >= opt.FixedShare*float64(s.n) {
			e.fixed = uint8(best)
		} else if opt.AmbCount > 0 && s.n >= opt.AmbCount {
			id, ok := ambIndex[set]
			if !ok && len(m.amb) < math.MaxUint16 {
				id = uint16(len(m.amb))
				ambIndex[set] = id
				m.amb = append(m.amb, set)
			}
			e.amb = id
		}
		if s.n >= opt.KnownCount {
			e.known = 1
		}
		if e.fixed != noClass || e.amb != 0 || e.known != 0 {
			ents = append(ents, ent{hashString(clipWord(w)), e})
		}
	}
	for _, l := range lowers {
		if lower[l] >= opt.KnownCount {
			ents = append(ents, ent{lowerKey(hashString(l)), wordEntry{fixed: noClass, known: 2}})
		}
	}
	m.words = newTable[wordEntry](len(ents))
	for _, e := range ents {
		m.words.insert(e.h, e.e)
	}
}

// vocabulary returns the n most frequent forms of the sentences (ties in
// byte order).
func vocabulary(words [][]string, n int) []string {
	count := map[string]int{}
	var forms []string
	for _, ws := range words {
		for _, w := range ws {
			if len(w) > maxWordBytes {
				continue
			}
			if count[w] == 0 {
				forms = append(forms, w)
			}
			count[w]++
		}
	}
	slices.SortFunc(forms, func(a, b string) int { return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b)) })
	return forms[:min(n, len(forms))]
}

// lowerString is the lower-case form of w as features see it.
func lowerString(w string) string {
	var buf [maxWordBytes + 4]byte
	return string(buf[:lowerInto(&buf, w)])
}

func clipWord(w string) string {
	if len(w) > maxWordBytes {
		return w[:maxWordBytes]
	}
	return w
}

// compile quantises the summed weights into the model's feature table.
func (m *Model) compile(keys []uint64, sum map[int32][]float64, prune int) {
	fids := make([]int32, 0, len(sum))
	maxAbs := 1e-9
	for f, row := range sum {
		fids = append(fids, f)
		for _, x := range row {
			maxAbs = max(maxAbs, math.Abs(x))
		}
	}
	slices.Sort(fids)
	scale := 32000 / maxAbs
	type kept struct {
		key  uint64
		from int
	}
	var ks []kept
	m.entries = m.entries[:0]
	for _, f := range fids {
		start := len(m.entries)
		for c, x := range sum[f] {
			q := int(math.Round(x * scale))
			if q >= prune || q <= -prune {
				m.entries = append(m.entries, uint32(c)<<16|uint32(uint16(int16(q))))
			}
		}
		if len(m.entries) > start {
			ks = append(ks, kept{keys[f], start})
		}
	}
	m.feats = newTable[span](len(ks))
	for i, k := range ks {
		end := len(m.entries)
		if i+1 < len(ks) {
			end = ks[i+1].from
		}
		m.feats.insert(k.key, span{uint32(k.from), uint32(end - k.from)})
	}
}

// Jackknife returns copies of sents whose UPOS and XPOS columns hold
// predictions of taggers that did not see them: the sentences are cut into
// k contiguous folds, and each fold is tagged by a model trained on the
// others. merged holds the same predictions for the sentences in the
// pipeline's tokenisation (conllu.MergePipelineTokens), tagged by the same
// fold models. Other columns are kept.
func Jackknife(sents []*conllu.Sentence, k int, opt TrainOptions) (orig, merged []*conllu.Sentence, err error) {
	if k < 2 {
		return nil, nil, fmt.Errorf("udtag: jackknife needs at least 2 folds, got %d", k)
	}
	opt.defaults()
	n := len(sents)
	orig = make([]*conllu.Sentence, n)
	merged = make([]*conllu.Sentence, n)
	for f := 0; f < k; f++ {
		a, b := f*n/k, (f+1)*n/k
		train := append(append([]*conllu.Sentence(nil), sents[:a]...), sents[b:]...)
		o := opt
		o.Seed = opt.Seed + uint64(f)
		m, err := Train(train, o)
		if err != nil {
			return nil, nil, err
		}
		for i := a; i < b; i++ {
			orig[i] = retag(m, sents[i])
			merged[i] = retag(m, conllu.MergePipelineTokens(sents[i]))
		}
		opt.Logf("udtag: jackknife fold %d of %d done", f+1, k)
	}
	return orig, merged, nil
}

// retag returns a copy of s with UPOS and XPOS predicted by m.
func retag(m *Model, s *conllu.Sentence) *conllu.Sentence {
	c := &conllu.Sentence{Lines: s.Lines, Words: append([]conllu.Word(nil), s.Words...)}
	up, xp := m.Tag(s.Forms())
	for i := range c.Words {
		c.Words[i].UPOS, c.Words[i].XPOS = up[i], xp[i]
	}
	return c
}
