package entities_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/entities"
)

// TestNamesAsWritten checks that an entity is named as the text writes
// it, not by a name composed to group its spellings (issue 13, item 17):
// "Norwegian Foreign Ministry" stays so, with the composed name as its
// Key, the same for both spellings.
func TestNamesAsWritten(t *testing.T) {
	m, err := entities.DefaultModel()
	require.NoError(t, err)
	keys := map[string]string{}
	for _, text := range []string{
		"The Norwegian Foreign Ministry said on Monday that talks would resume.",
		"Norway's Foreign Ministry said on Monday that talks would resume.",
	} {
		doc, err := m.Annotate(text)
		require.NoError(t, err)
		var found *entities.Entity
		for i, e := range doc.Entities {
			if strings.Contains(e.Name, "Foreign Ministry") {
				found = &doc.Entities[i]
			}
		}
		require.NotNil(t, found, "no ministry in %q: %+v", text, doc.Entities)
		assert.Contains(t, text, found.Name, "the name is written in the text")
		for _, a := range found.Aliases {
			assert.Contains(t, text, a, "every alias is written in the text")
		}
		keys[found.Name] = found.Key
	}
	assert.Equal(t, map[string]string{
		"Norwegian Foreign Ministry": "Norway's Foreign Ministry",
		"Norway's Foreign Ministry":  "Norway's Foreign Ministry",
	}, keys)
}
