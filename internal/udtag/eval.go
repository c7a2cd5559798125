package udtag

import (
	"fmt"

	"github.com/newsgraph/newsgraph/internal/conllu"
)

// Scores are tagging and lemma accuracies in percent over Words words.
type Scores struct {
	Words int
	UPOS  float64
	XPOS  float64
	Both  float64 // UPOS and XPOS right
	Lemma float64 // lemma of the predicted tags
	// LemmaGold is the lemma accuracy given the gold tags.
	LemmaGold float64
}

// String formats the scores for logs.
func (s Scores) String() string {
	return fmt.Sprintf("UPOS %.2f XPOS %.2f both %.2f lemma %.2f (gold tags %.2f) over %d words",
		s.UPOS, s.XPOS, s.Both, s.Lemma, s.LemmaGold, s.Words)
}

// Evaluate tags every sentence and compares with its UPOS, XPOS and LEMMA
// columns (words whose gold lemma is "_" do not count for lemmas).
func Evaluate(m *Model, sents []*conllu.Sentence) Scores {
	var n, up, xp, both, nl, lem, lemG int
	for _, s := range sents {
		u, x := m.Tag(s.Forms())
		for i, w := range s.Words {
			n++
			okU, okX := u[i] == w.UPOS, x[i] == w.XPOS
			if okU {
				up++
			}
			if okX {
				xp++
			}
			if okU && okX {
				both++
			}
			if w.Lemma == "" || w.Lemma == "_" {
				continue
			}
			nl++
			if m.Lemma(w.Form, u[i], x[i]) == w.Lemma {
				lem++
			}
			if m.Lemma(w.Form, w.UPOS, w.XPOS) == w.Lemma {
				lemG++
			}
		}
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	return Scores{Words: n, UPOS: pct(up, n), XPOS: pct(xp, n), Both: pct(both, n), Lemma: pct(lem, nl), LemmaGold: pct(lemG, nl)}
}
