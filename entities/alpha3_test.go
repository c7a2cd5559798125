package entities_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/entities"
)

// TestCountryAlpha3 checks that every country of the table carries its own
// ISO 3166-1 alpha-3 code, the country part of CAMEO actor codes.
func TestCountryAlpha3(t *testing.T) {
	g, err := entities.DefaultGazetteer()
	require.NoError(t, err)
	b, err := os.ReadFile("data/countries.tsv")
	require.NoError(t, err)
	seen := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code := strings.SplitN(line, "\t", 2)[0]
		c := g.Country(code)
		require.NotNil(t, c, code)
		assert.Len(t, c.Alpha3, 3, "%s has no alpha-3 code", code)
		if other, dup := seen[c.Alpha3]; dup {
			t.Errorf("%s and %s share the alpha-3 code %s", other, code, c.Alpha3)
		}
		seen[c.Alpha3] = code
	}
	assert.Equal(t, "RUS", g.Country("RU").Alpha3)
	assert.Equal(t, "GBR", g.Country("GB").Alpha3)
	assert.Greater(t, len(seen), 200)
}
