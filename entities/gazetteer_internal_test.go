package entities

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// normKey's shortcut must give what folding gives, on keys it takes and
// keys it must leave to folding.
func TestNormKeyShortcut(t *testing.T) {
	for _, s := range []string{
		"", "Moscow", "Vladimir Putin", "United Nations Security Council", "U.S.", "al-Sharaa",
		"the Kremlin", "The Hague", "theocracy", "Thebes", " Moscow", "Moscow ", "New  York",
		"New\nYork", "New\tYork", "Russia\u2019s", "S\u00e3o Paulo", "New\u00a0York", "a\x01b", "x\x7fy",
		"the", "The", "them all",
	} {
		assert.Equal(t, foldKey(s), normKey(s), "%q", s)
	}
	for _, s := range []string{"Moscow", "Vladimir Putin", "U.S.", "theocracy", "them all"} {
		assert.True(t, plainKey(s), s)
	}
}
