package relations

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Every time expression whenRE finds must hold a word maybeTimeWord lets
// through, or the gate in front of the expression would lose it.
func TestTimeWordGate(t *testing.T) {
	for _, s := range []string{
		"on Monday", "LAST SUNDAY", "since Friday", "by Thursday", "in January", "mid-March",
		"mid March", "early May", "late December 2024", "on October 5, 2025", "September 11",
		"November 3, 2020", "last week", "earlier this month", "later this year", "next weekend",
		"yesterday", "today", "Tonight", "in 1991", "since 2014", "August",
	} {
		m := whenRE.FindString(s)
		if !assert.NotEmpty(t, m, "whenRE should match %q", s) {
			continue
		}
		pass := false
		for _, w := range strings.FieldsFunc(strings.ToLower(m), func(r rune) bool { return r == ' ' || r == ',' }) {
			pass = pass || maybeTimeWord(w)
		}
		assert.True(t, pass, "no word of %q passes maybeTimeWord", s)
	}
	for _, w := range []string{"the", "minister", "said", "kremlin", "123", "20th"} {
		assert.False(t, maybeTimeWord(w), w)
	}
}
