package conllu_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/internal/conllu"
)

const sample = "# sent_id = a-1\n# text = They don't sleep.\n" +
	"1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n" +
	"2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
	"2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n" +
	"3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n" +
	"4\tsleep\tsleep\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n" +
	"5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"

func TestRoundTrip(t *testing.T) {
	ss, err := conllu.ReadAll(strings.NewReader(sample))
	require.NoError(t, err)
	require.Len(t, ss, 1)
	s := ss[0]
	assert.Equal(t, []string{"They", "do", "n't", "sleep", "."}, s.Forms())
	assert.Equal(t, "They don't sleep.", s.Text())
	assert.Equal(t, "a-1", s.Comment("sent_id"))
	assert.False(t, s.Words[3].SpaceAfter())
	var b bytes.Buffer
	require.NoError(t, conllu.Write(&b, s))
	assert.Equal(t, sample, b.String())
}

func TestErrors(t *testing.T) {
	_, err := conllu.ReadAll(strings.NewReader("1\tx\n"))
	assert.ErrorContains(t, err, "line 1")
	_, err = conllu.ReadAll(strings.NewReader("2\tx\tx\tX\tX\t_\t0\troot\t_\t_\n"))
	assert.ErrorContains(t, err, "word ID 2")
	_, err = conllu.ReadAll(strings.NewReader("1\tx\tx\tX\tX\t_\tq\troot\t_\t_\n"))
	assert.ErrorContains(t, err, "HEAD")
}

func TestCRLFAndNoFinalBlank(t *testing.T) {
	in := strings.ReplaceAll(strings.TrimSuffix(sample, "\n"), "\n", "\r\n")
	ss, err := conllu.ReadAll(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, ss, 1)
	assert.Len(t, ss[0].Words, 5)
}

func TestSharedTreebank(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "data", "ud", "dev.conllu")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no UD dev data at %s (../shared is not beside the repository)", path)
	}
	ss, err := conllu.ReadFile(path)
	require.NoError(t, err)
	n := 0
	for _, s := range ss {
		n += len(s.Words)
	}
	assert.Greater(t, n, 39000)
}
