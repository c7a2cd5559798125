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

// A sentence written for these tests: "The long-awaited vote gave 40% to
// the EU-backed plan."
const hyphenSample = "# text = The long-awaited vote gave 40% to the EU-backed plan.\n" +
	"1\tThe\tthe\tDET\tDT\t_\t5\tdet\t5:det\t_\n" +
	"2\tlong\tlong\tADV\tRB\t_\t4\tadvmod\t4:advmod\tSpaceAfter=No\n" +
	"3\t-\t-\tPUNCT\tHYPH\t_\t4\tpunct\t4:punct\tSpaceAfter=No\n" +
	"4\tawaited\tawait\tVERB\tVBN\tVerbForm=Part\t5\tamod\t5:amod\t_\n" +
	"5\tvote\tvote\tNOUN\tNN\tNumber=Sing\t6\tnsubj\t6:nsubj\t_\n" +
	"6\tgave\tgive\tVERB\tVBD\t_\t0\troot\t0:root\t_\n" +
	"7\t40\t40\tNUM\tCD\t_\t8\tnummod\t8:nummod\tSpaceAfter=No\n" +
	"8\t%\t%\tSYM\tNN\t_\t6\tobj\t6:obj\t_\n" +
	"9\tto\tto\tADP\tIN\t_\t14\tcase\t14:case\t_\n" +
	"10\tthe\tthe\tDET\tDT\t_\t14\tdet\t14:det\t_\n" +
	"11\tEU\tEU\tPROPN\tNNP\t_\t13\tobl\t13:obl:agent\tSpaceAfter=No\n" +
	"12\t-\t-\tPUNCT\tHYPH\t_\t13\tpunct\t13:punct\tSpaceAfter=No\n" +
	"13\tbacked\tback\tVERB\tVBN\t_\t14\tacl\t14:acl\t_\n" +
	"14\tplan\tplan\tNOUN\tNN\t_\t6\tobl\t6:obl:to\tSpaceAfter=No\n" +
	"15\t.\t.\tPUNCT\t.\t_\t6\tpunct\t6:punct\t_\n\n"

func readOne(t *testing.T, in string) *conllu.Sentence {
	t.Helper()
	ss, err := conllu.ReadAll(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, ss, 1)
	return ss[0]
}

func TestMergePipelineTokens(t *testing.T) {
	s := readOne(t, hyphenSample)
	before := append([]conllu.Word(nil), s.Words...)
	assert.Equal(t, []int{0, 1, 1, 1, 2, 3, 4, 4, 5, 6, 7, 7, 7, 8, 9}, conllu.PipelineGroups(s))
	m := conllu.MergePipelineTokens(s)
	assert.Equal(t, before, s.Words, "input left unchanged")
	assert.Equal(t, []string{"The", "long-awaited", "vote", "gave", "40%", "to", "the", "EU-backed", "plan", "."}, m.Forms())
	assert.Equal(t, s.Text(), m.Text())

	la := m.Words[1]
	assert.Equal(t, 2, la.ID)
	assert.Equal(t, "ADJ", la.UPOS, "hyphenated amod becomes an adjective")
	assert.Equal(t, "JJ", la.XPOS)
	assert.Equal(t, 3, la.Head)
	assert.Equal(t, "amod", la.Deprel)
	assert.Equal(t, "long-awaited", la.Lemma)
	assert.True(t, la.SpaceAfter())

	pct := m.Words[4]
	assert.Equal(t, "NN", pct.XPOS, "the % is the group's head")
	assert.Equal(t, 4, pct.Head)
	assert.Equal(t, "obj", pct.Deprel)
	assert.Equal(t, "40%", pct.Lemma)

	eb := m.Words[7]
	assert.Equal(t, "VBN", eb.XPOS, "acl keeps the head's tag")
	assert.Equal(t, "EU-back", eb.Lemma)
	assert.Equal(t, 9, eb.Head)
	assert.Equal(t, "9:acl", eb.Deps)

	plan := m.Words[8]
	assert.Equal(t, 4, plan.Head)
	assert.Equal(t, "4:obl:to", plan.Deps)
	assert.False(t, plan.SpaceAfter())

	var b bytes.Buffer
	require.NoError(t, conllu.Write(&b, m))
	back := readOne(t, b.String())
	assert.Equal(t, m.Words, back.Words)
	assert.Contains(t, b.String(), "# text = The long-awaited vote")
}

func TestMergeKeepsSpacedHyphens(t *testing.T) {
	// "Years 1990 - 1995" with spaces and a hyphen at a sentence end do not merge.
	in := "1\tyears\tyear\tNOUN\tNNS\t_\t0\troot\t_\t_\n" +
		"2\t1990\t1990\tNUM\tCD\t_\t1\tnmod\t_\t_\n" +
		"3\t-\t-\tSYM\tSYM\t_\t4\tcase\t_\t_\n" +
		"4\t1995\t1995\tNUM\tCD\t_\t2\tnmod\t_\tSpaceAfter=No\n" +
		"5\t-\t-\tPUNCT\tHYPH\t_\t1\tpunct\t_\tSpaceAfter=No\n\n"
	s := readOne(t, in)
	m := conllu.MergePipelineTokens(s)
	assert.Equal(t, s.Words, m.Words)
	assert.Equal(t, s.Lines, m.Lines)
}

func TestMergeHeadClosestToRoot(t *testing.T) {
	// Both "x" and "y" have heads outside their group {x - y}; "x" hangs
	// under "z", which hangs under "y". Taking "x"'s arc would make a cycle.
	in := "1\tx\tx\tX\tX\t_\t4\tdep\t_\tSpaceAfter=No\n" +
		"2\t-\t-\tPUNCT\tHYPH\t_\t3\tpunct\t_\tSpaceAfter=No\n" +
		"3\ty\ty\tX\tX\t_\t0\troot\t_\t_\n" +
		"4\tz\tz\tX\tX\t_\t3\tdep\t_\t_\n\n"
	m := conllu.MergePipelineTokens(readOne(t, in))
	require.Len(t, m.Words, 2)
	assert.Equal(t, 0, m.Words[0].Head)
	assert.Equal(t, "root", m.Words[0].Deprel)
	assert.Equal(t, 1, m.Words[1].Head)
}

func TestMergeMultiwordLines(t *testing.T) {
	// "Bob's well-kept" with the clitic range line before the merge.
	in := "1-2\tBob's\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"1\tBob\tBob\tPROPN\tNNP\t_\t5\tnmod:poss\t_\t_\n" +
		"2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n" +
		"3\twell\twell\tADV\tRB\t_\t5\tadvmod\t_\tSpaceAfter=No\n" +
		"4\t-\t-\tPUNCT\tHYPH\t_\t5\tpunct\t_\tSpaceAfter=No\n" +
		"5\tkept\tkeep\tVERB\tVBN\t_\t0\troot\t_\t_\n" +
		"6\tsecret\tsecret\tNOUN\tNN\t_\t5\tobj\t_\t_\n\n"
	m := conllu.MergePipelineTokens(readOne(t, in))
	var b bytes.Buffer
	require.NoError(t, conllu.Write(&b, m))
	assert.Equal(t, "1-2\tBob's\t_\t_\t_\t_\t_\t_\t_\t_\n"+
		"1\tBob\tBob\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"+
		"2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"+
		"3\twell-kept\twell-keep\tVERB\tVBN\t_\t0\troot\t_\t_\n"+
		"4\tsecret\tsecret\tNOUN\tNN\t_\t3\tobj\t_\t_\n\n", b.String())
}

func TestMergeBrokenHeads(t *testing.T) {
	// Heads missing or cyclic must not panic; the result still has one
	// word per group.
	in := "1\ta\ta\tX\tX\t_\t2\tdep\t_\tSpaceAfter=No\n" +
		"2\t-\t-\tPUNCT\tHYPH\t_\t3\tpunct\t_\tSpaceAfter=No\n" +
		"3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n" +
		"4\tc\tc\tX\tX\t_\t_\t_\t_\t_\n\n"
	m := conllu.MergePipelineTokens(readOne(t, in))
	assert.Equal(t, []string{"a-b", "c"}, m.Forms())
	assert.Equal(t, -1, m.Words[1].Head)
	assert.Empty(t, conllu.MergePipelineTokens(&conllu.Sentence{}).Words)
}

func TestMergeSharedTreebank(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "data", "ud", "dev.conllu")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no UD dev data at %s (../shared is not beside the repository)", path)
	}
	ss, err := conllu.ReadFile(path)
	require.NoError(t, err)
	merged, words := 0, 0
	for _, s := range ss {
		m := conllu.MergePipelineTokens(s)
		words += len(s.Words)
		merged += len(s.Words) - len(m.Words)
		assert.Equal(t, s.Text(), m.Text())
		roots := 0
		for i, w := range m.Words {
			require.Equal(t, i+1, w.ID)
			require.True(t, w.Head >= 0 && w.Head <= len(m.Words), "head in range")
			if w.Head == 0 {
				roots++
			}
			// No cycles: walking up reaches the root within len steps.
			k := i
			for steps := 0; m.Words[k].Head != 0; steps++ {
				require.Less(t, steps, len(m.Words), "cycle in %s", s.Comment("sent_id"))
				k = m.Words[k].Head - 1
			}
		}
		assert.GreaterOrEqual(t, roots, 1)
	}
	assert.Greater(t, merged, 200, "hyphen and percent groups exist in dev")
	assert.Less(t, merged, words/20)
}
