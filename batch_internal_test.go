package newsgraph

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A line over the limit is one error, and the lines after it are read.
func TestReadJSONLTooLong(t *testing.T) {
	in := `{"id":"a","text":"short"}` + "\n" +
		`{"id":"b","text":"` + strings.Repeat("x", 5000) + `"}` + "\n" +
		`{"id":"c","text":"short"}`
	var ids []string
	var errs []string
	for a, err := range readJSONL(strings.NewReader(in), 1000) {
		ids = append(ids, a.ID)
		if err != nil {
			errs = append(errs, err.Error())
		}
	}
	assert.Equal(t, []string{"a", "line:2", "c"}, ids)
	require.Len(t, errs, 1)
	assert.Equal(t, "newsgraph: line 2: line longer than 1000 bytes", errs[0])
}
