package htmlview

import (
	"math"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// luminance is the WCAG 2 relative luminance of a #rrggbb colour.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	require.Len(t, hex, 7, hex)
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		require.NoError(t, err)
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// TestContrast reads the colours of the pages' style sheet and checks
// that every text colour meets WCAG AA (4.5:1) on the backgrounds it is
// used on.
func TestContrast(t *testing.T) {
	css, err := templateFS.ReadFile("templates/common.html")
	require.NoError(t, err)
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z-]+):(#[0-9a-f]{6})`).FindAllStringSubmatch(string(css), -1) {
		vars[m[1]] = m[2]
	}
	for _, name := range []string{"fg", "muted", "bg", "panel", "person", "org", "gpe", "loc", "norp", "misc", "coop", "conf", "neut"} {
		require.Contains(t, vars, name)
	}
	pairs := []struct{ text, back string }{
		{vars["fg"], vars["bg"]},
		{vars["muted"], vars["bg"]},
		{vars["muted"], vars["panel"]},
		{vars["muted"], "#e8f0fe"}, // selected relation
		{"#ffffff", vars["coop"]},  // relation type badges
		{"#ffffff", vars["conf"]},
		{"#ffffff", vars["neut"]},
		{"#0b57d0", vars["bg"]}, // links in the corpus panel
		{vars["fg"], "#fff3b0"}, // evidence highlight
		{vars["fg"], "#ffe9a8"}, // selected mention
	}
	for _, typ := range []string{"person", "org", "gpe", "loc", "norp", "misc"} {
		pairs = append(pairs, struct{ text, back string }{vars["fg"], vars[typ]})
	}
	for _, p := range pairs {
		assert.GreaterOrEqual(t, contrast(t, p.text, p.back), 4.5, "%s on %s", p.text, p.back)
	}
}
