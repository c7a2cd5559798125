package udtag_test

import (
	"fmt"
	"sort"
	"testing"
)

func TestZZLem(t *testing.T) {
	m := shippedModel(t)
	dev := devSentences(t)
	cnt := map[string]int{}
	for _, s := range dev {
		u, x := m.Tag(s.Forms())
		for i, w := range s.Words {
			l := m.Lemma(w.Form, u[i], x[i])
			if l != w.Lemma && w.Lemma != "_" {
				tagOK := u[i] == w.UPOS && x[i] == w.XPOS
				cnt[fmt.Sprintf("%v %s/%s->%s/%s %s: %s want %s", tagOK, w.UPOS, w.XPOS, u[i], x[i], w.Form, l, w.Lemma)]++
			}
		}
	}
	var ks []string
	for k := range cnt {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return cnt[ks[i]] > cnt[ks[j]] })
	for _, k := range ks[:80] {
		fmt.Println(cnt[k], k)
	}
}
