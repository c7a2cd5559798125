package tsv_test

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/internal/tsv"
)

func TestRead(t *testing.T) {
	fsys := fstest.MapFS{
		"ok.tsv":    {Data: []byte("# a comment\n\nalpha\t b \t\t\r\nbeta\tc\n")},
		"short.tsv": {Data: []byte("# header\nalpha\n")},
	}
	var rows [][]string
	require.NoError(t, tsv.Read(fsys, "ok.tsv", 2, func(f []string) error {
		rows = append(rows, f)
		return nil
	}))
	assert.Equal(t, [][]string{{"alpha", "b"}, {"beta", "c"}}, rows)

	err := tsv.Read(fsys, "short.tsv", 2, func([]string) error { return nil })
	assert.EqualError(t, err, "short.tsv:2: want at least 2 fields, got 1")

	bad := errors.New("bad row")
	err = tsv.Read(fsys, "ok.tsv", 1, func(f []string) error { return bad })
	assert.ErrorIs(t, err, bad)
	assert.EqualError(t, err, "ok.tsv:3: bad row")

	assert.Error(t, tsv.Read(fsys, "missing.tsv", 1, func([]string) error { return nil }))
}
