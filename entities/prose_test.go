package entities

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tagText(t *testing.T, text string) []Token {
	t.Helper()
	a, err := sharedProse()
	require.NoError(t, err)
	var toks []Token
	for _, s := range a.sentences(text) {
		toks, err = a.tag(toks, text, s)
		require.NoError(t, err)
	}
	return toks
}

func tokenTexts(text string, toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = text[t.Start:t.End]
	}
	return out
}

// prose v2 shares one *Token between repeats of a whitespace chunk, so the
// first "that" would report the second one's tag. posTagger tags every
// token on its own.
func TestProseRepeatedWordTags(t *testing.T) {
	const text = "I know that he left. I like that book."
	toks := tagText(t, text)
	var that []string
	for _, tok := range toks {
		if text[tok.Start:tok.End] == "that" {
			that = append(that, tok.Tag)
		}
	}
	assert.Equal(t, []string{"IN", "DT"}, that)
}

// posTagger must give prose's own tags. prose is run on every sentence of
// the repository's news texts, and the two must agree on every word the
// sentence does not repeat (prose's shared-token bug makes its tags of
// repeated words wrong).
func TestPOSTaggerMatchesProse(t *testing.T) {
	a, err := sharedProse()
	require.NoError(t, err)
	model := prose.ModelFromData("en")
	files, err := filepath.Glob("../testdata/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	sents, toks := 0, 0
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		require.NoError(t, err)
		text := string(b)
		for _, s := range a.sentences(text) {
			sent := text[s.Start:s.End]
			doc, err := prose.NewDocument(sent, prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(model))
			require.NoError(t, err)
			var words, want []string
			count := map[string]int{}
			for _, tok := range doc.Tokens() {
				words = append(words, tok.Text)
				want = append(want, tok.Tag)
				count[tok.Text]++
			}
			sents++
			got := a.pos.tag(words)
			for i, w := range words {
				if count[w] == 1 {
					toks++
					assert.Equal(t, want[i], got[i], "%s: %q in %q", fn, w, sent)
				}
			}
		}
	}
	assert.Greater(t, toks, 3000, "too few tokens compared (%d sentences)", sents)
}

// Words prose's tagger tags by rule, and prose's normalisation of
// context words, including its quirks (a four-character number with a
// sign is a year; a hyphen after the first byte makes any word one).
func TestPOSTaggerRules(t *testing.T) {
	a, err := sharedProse()
	require.NoError(t, err)
	for _, tt := range []struct{ word, want string }{
		{"-", "-"}, {":-)", "SYM"}, {"@newsgraph", "NN"}, {"https://example.org/x", "NN"},
		{"press@example.org", "NN"}, {"0", "-NONE-"}, {"*T*-1", "-NONE-"}, {"-LRB-", "-LRB-"},
		{"house", ""}, {"U.S.", ""}, {"-ABCD-", ""},
	} {
		assert.Equal(t, tt.want, a.pos.ruleTag(tt.word), tt.word)
	}
	for _, tt := range []struct{ word, want string }{
		{"", ""}, {"Moscow", "moscow"}, {"al-Sharaa", "!HYPHEN"}, {"-ish", "-ish"},
		{"2025", "!YEAR"}, {"+202", "!YEAR"}, {"1,000", "!DIGITS"}, {"3rd", "!DIGITS"}, {"ÉTÉ", "été"},
	} {
		assert.Equal(t, tt.want, posNormalize(tt.word), tt.word)
	}
}

// prose re-joins entity text with single spaces and rewrites curly
// quotes; the adapter's offsets must point at the source as written.
func TestProseOffsetsAcrossLineBreaksAndQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"line break inside a name", "Russian President Vladimir\n  Putin spoke.", []string{"Russian", "President", "Vladimir", "Putin", "spoke", "."}},
		{"curly apostrophe", "Russia\u2019s Foreign Minister spoke.", []string{"Russia", "\u2019s", "Foreign", "Minister", "spoke", "."}},
		{"curly quotes", "He praised the \u201chistoric ties\u201d today.", []string{"He", "praised", "the", "\u201c", "historic", "ties", "\u201d", "today", "."}},
		{"html apostrophe entity", "Syria&rsquo;s leader", []string{"Syria", "&rsquo;s", "leader"}},
		{"multibyte", "Erdoğan met Aliyev in Bakı.", []string{"Erdoğan", "met", "Aliyev", "in", "Bakı", "."}},
		{"short final word is no abbreviation", "Ships sailed the East China Sea.", []string{"Ships", "sailed", "the", "East", "China", "Sea", "."}},
		{"abbreviations stay whole", "He met Gen. Smith and Dr. Jones.", []string{"He", "met", "Gen.", "Smith", "and", "Dr.", "Jones", "."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tagText(t, tt.text)
			assert.Equal(t, tt.want, tokenTexts(tt.text, toks))
			for _, tok := range toks {
				assert.NotEmpty(t, tok.Tag)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	a, err := sharedProse()
	require.NoError(t, err)
	text := "Headline Without A Stop\n\nMOSCOW (AP) — Putin met Mr. Lavrov on Monday. They talked.\nA second\nwrapped line ends here."
	var got []string
	for _, s := range a.sentences(text) {
		got = append(got, text[s.Start:s.End])
	}
	assert.Equal(t, []string{
		"Headline Without A Stop",
		"MOSCOW (AP) — Putin met Mr. Lavrov on Monday.",
		"They talked.",
		"A second\nwrapped line ends here.",
	}, got)
}

func TestMaskMarkupKeepsOffsets(t *testing.T) {
	in := "<p>Putin <b>met</b> Lavrov</p><script>x=\"Assad\"</script>"
	out := maskMarkup(in)
	require.Len(t, out, len(in))
	assert.Equal(t, "Putin", out[3:8])
	assert.NotContains(t, out, "Assad")
	assert.NotContains(t, out, "<")
}

func TestSplitLong(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		limit int
	}{
		{"words", strings.Repeat("word ", 100), 37},
		{"commas", strings.Repeat("one, two three; ", 50), 40},
		{"no spaces", strings.Repeat("x", 500), 64},
		{"multibyte no spaces", strings.Repeat("é🙂", 200), 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pieces := splitLong(tt.text, Span{0, len(tt.text)}, tt.limit)
			require.NotEmpty(t, pieces)
			var joined strings.Builder
			prev := 0
			for _, p := range pieces {
				assert.LessOrEqual(t, p.End-p.Start, tt.limit)
				assert.GreaterOrEqual(t, p.Start, prev)
				assert.True(t, utf8.RuneStart(tt.text[p.Start]))
				assert.True(t, p.End == len(tt.text) || utf8.RuneStart(tt.text[p.End]))
				joined.WriteString(tt.text[p.Start:p.End])
				prev = p.End
			}
			assert.Equal(t, strings.Join(strings.Fields(tt.text), ""), strings.Join(strings.Fields(joined.String()), ""))
		})
	}
}

type sizeTagger struct{ calls []int }

func (s *sizeTagger) Tag(sents [][]string) [][]string {
	n := 0
	out := make([][]string, len(sents))
	for i, st := range sents {
		n += len(st)
		out[i] = make([]string, len(st))
		for j := range st {
			out[i][j] = "O"
		}
	}
	s.calls = append(s.calls, n)
	return out
}

func TestTagInWindows(t *testing.T) {
	sents := make([][]string, 0, 3000)
	for range 3000 {
		sents = append(sents, strings.Fields(strings.Repeat("w ", 40)))
	}
	sents = append(sents, strings.Fields(strings.Repeat("w ", tagWindow+10))) // one huge sentence
	st := &sizeTagger{}
	out, err := tagInWindows(context.Background(), st, sents)
	require.NoError(t, err)
	require.Len(t, out, len(sents))
	for i := range sents {
		require.Len(t, out[i], len(sents[i]))
	}
	require.Greater(t, len(st.calls), 2)
	for _, n := range st.calls[:len(st.calls)-1] {
		assert.LessOrEqual(t, n, tagWindow)
	}
	assert.Equal(t, tagWindow+10, st.calls[len(st.calls)-1])
}
