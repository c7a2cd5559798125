package conll

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMaxTokensParts reads documents far longer than MaxTokens: each
// part stays within 2×MaxTokens tokens, ends at a sentence end unless a
// sentence alone is that long, and writing the parts in turn gives back
// the input.
func TestMaxTokensParts(t *testing.T) {
	var in strings.Builder
	in.WriteString("-DOCSTART- -X- O O\n\n")
	for s := range 40 {
		for w := range 3 + s%5 {
			in.WriteString("tok" + strings.Repeat("x", w) + " NN O\n")
		}
		in.WriteString("\n")
		if s == 17 {
			in.WriteString("\n\n") // a run of blank lines
		}
	}
	in.WriteString("-DOCSTART- -X- O O\n\n")
	for range 50 { // one sentence of 50 tokens
		in.WriteString("long NN O\n")
	}
	write := func(maxTokens int) (string, int) {
		rd := NewReader(strings.NewReader(in.String()))
		rd.MaxTokens = maxTokens
		var out bytes.Buffer
		bw := bufio.NewWriter(&out)
		parts := 0
		for {
			d, err := rd.Next()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			parts++
			if maxTokens > 0 {
				assert.LessOrEqual(t, d.NumTokens(), 2*maxTokens, "part %d", parts)
			}
			require.NoError(t, WriteDocument(bw, d, nil, "O"))
		}
		require.NoError(t, bw.Flush())
		return out.String(), parts
	}
	whole, docs := write(0)
	assert.Equal(t, 2, docs)
	parted, parts := write(10)
	assert.Greater(t, parts, 15)
	assert.Equal(t, whole, parted)
}
