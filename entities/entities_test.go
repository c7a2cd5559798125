package entities_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/entities"
)

// rulesModel has no trained tagger, so these tests pin the gazetteer and
// resolution rules, not the tagger's weights.
func rulesModel(t *testing.T) *entities.Model {
	t.Helper()
	m, err := entities.NewModel(entities.WithTagger(nil))
	require.NoError(t, err)
	return m
}

// mark builds the mentions of text from its names: every whole-word
// occurrence of each name not inside a longer one, typed, with gazetteer
// country and canonical name.
func mark(t *testing.T, m *entities.Model, text string, names map[string]entities.Type) []entities.Mention {
	t.Helper()
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		return len(keys[a]) > len(keys[b]) || (len(keys[a]) == len(keys[b]) && keys[a] < keys[b])
	})
	taken := make([]bool, len(text))
	var out []entities.Mention
	for _, name := range keys {
		typ := names[name]
		for from := 0; ; {
			i := strings.Index(text[from:], name)
			if i < 0 {
				break
			}
			st, en := from+i, from+i+len(name)
			from = en
			wordStart := st == 0 || !isWordByte(text[st-1])
			if taken[st] || taken[en-1] || !wordStart {
				continue
			}
			for k := st; k < en; k++ {
				taken[k] = true
			}
			mt := entities.Mention{Start: st, End: en, Type: typ}
			if es := m.Gazetteer().Lookup(name); len(es) > 0 && es[0].Type == typ {
				mt.Country, mt.Canonical = es[0].Country, es[0].Name
			}
			out = append(out, mt)
		}
	}
	return out
}

func isWordByte(c byte) bool {
	return c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func TestResolution(t *testing.T) {
	m := rulesModel(t)
	tests := []struct {
		name  string
		text  string
		names map[string]entities.Type
		want  []string // "TYPE name [aliases] country"
	}{
		{"surname joins the full name",
			"Russian President Vladimir Putin spoke. Putin left.",
			map[string]entities.Type{"Russian": entities.NORP, "Vladimir Putin": entities.Person, "Putin": entities.Person},
			[]string{"NORP Russian [Russian] RU", "PERSON Vladimir Putin [Putin Vladimir Putin] "}},
		{"Arabic article and possessive",
			"Ahmad al-Sharaa arrived. Al-Sharaa's aides and Sharaa himself left.",
			map[string]entities.Type{"Ahmad al-Sharaa": entities.Person, "Al-Sharaa": entities.Person, "Sharaa": entities.Person},
			[]string{"PERSON Ahmad al-Sharaa [Ahmad al-Sharaa Al-Sharaa Sharaa] "}},
		{"gazetteer aliases share a canonical name",
			"The U.S. and the United States are one; Americans too.",
			map[string]entities.Type{"U.S.": entities.GPE, "United States": entities.GPE, "Americans": entities.NORP},
			[]string{"GPE United States [U.S. United States] US", "NORP American [Americans] US"}},
		{"acronym joins its long form",
			"The International Atomic Energy Agency said the IAEA would visit.",
			map[string]entities.Type{"International Atomic Energy Agency": entities.Org, "IAEA": entities.Org},
			[]string{"ORG International Atomic Energy Agency [IAEA International Atomic Energy Agency] "}},
		{"two people with one surname stay apart, short form goes to the nearest",
			"Bashar Assad met Hafez Assad. Later Assad spoke.",
			map[string]entities.Type{"Bashar Assad": entities.Person, "Hafez Assad": entities.Person, "Assad": entities.Person},
			[]string{"PERSON Bashar Assad [Bashar Assad] ", "PERSON Hafez Assad [Assad Hafez Assad] "}},
		{"accents fold",
			"Recep Tayyip Erdoğan met the press. Erdogan smiled.",
			map[string]entities.Type{"Recep Tayyip Erdoğan": entities.Person, "Erdogan": entities.Person},
			[]string{"PERSON Recep Tayyip Erdoğan [Erdogan Recep Tayyip Erdoğan] "}},
		{"an apposition calling a name a group makes it one",
			"Jama'at Nusrat al-Islam wal-Muslimin, al-Qaida's affiliate in the Sahel, attacked. John Smith, a party member, spoke.",
			map[string]entities.Type{"Jama'at Nusrat al-Islam wal-Muslimin": entities.Person, "al-Qaida": entities.Org, "John Smith": entities.Person},
			[]string{"ORG Jama'at Nusrat al-Islam wal-Muslimin [Jama'at Nusrat al-Islam wal-Muslimin] ", "ORG al-Qaeda [al-Qaida] ", "PERSON John Smith [John Smith] "}},
		{"a long form the list spells otherwise takes its acronym's name",
			"Jama'at Nusrat al-Islam wal-Muslimin attacked. The group, known as JNIM, claimed it.",
			map[string]entities.Type{"Jama'at Nusrat al-Islam wal-Muslimin": entities.Org, "JNIM": entities.Org},
			[]string{"ORG Jama'at Nasr al-Islam wal Muslimin [JNIM Jama'at Nusrat al-Islam wal-Muslimin] ML"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := m.AnnotateMentions(tt.text, mark(t, m, tt.text, tt.names))
			require.NoError(t, err)
			var got []string
			for _, e := range doc.Entities {
				got = append(got, e.Type.String()+" "+e.Name+" ["+strings.Join(e.Aliases, " ")+"] "+e.Country)
				for _, mi := range e.Mentions {
					assert.Equal(t, e.Type, doc.Mentions[mi].Type)
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestAnnotateMentionsRejectsMisalignedSpans(t *testing.T) {
	m := rulesModel(t)
	_, err := m.AnnotateMentions("Putin spoke.", []entities.Mention{{Start: 1, End: 5, Type: entities.Person}})
	var se *entities.SpanError
	require.ErrorAs(t, err, &se)
	_, err = m.AnnotateMentions("Putin spoke.", []entities.Mention{{Start: 0, End: 50, Type: entities.Person}})
	require.ErrorAs(t, err, &se)
}

func TestAnnotateBadInput(t *testing.T) {
	m, err := entities.NewModel(entities.WithTagger(nil), entities.WithMaxBytes(1000))
	require.NoError(t, err)
	tests := []struct {
		name string
		text string
		want error
	}{
		{"empty", "", nil},
		{"white space", " \n\t\n ", nil},
		{"invalid UTF-8", "Putin \xff\xfe met", entities.ErrInvalidUTF8},
		{"binary", "Putin\x00\x01met", entities.ErrBinary},
		{"too large", strings.Repeat("a ", 600), entities.ErrTooLarge},
		{"punctuation only", "!!! ??? ... ,,, ;;;", nil},
		{"emoji", "🙂🙂 🇷🇺 👍", nil},
		{"right to left", "الرئيس السوري أحمد الشرع في موسكو", nil},
		{"one huge word", strings.Repeat("x", 900), nil},
		{"html", "<p>Russian President <b>Vladimir Putin</b> met Lavrov.</p><script>var x = 'Assad';</script>", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := m.Annotate(tt.text)
			if tt.want != nil {
				require.Error(t, err)
				assert.True(t, errors.Is(err, tt.want), "got %v", err)
				return
			}
			require.NoError(t, err)
			for _, tok := range doc.Tokens {
				require.NoError(t, doc.CheckSpan(tok.Start, tok.End))
			}
			for i, mt := range doc.Mentions {
				require.NoError(t, doc.CheckSpan(mt.Start, mt.End))
				assert.NotContains(t, doc.MentionText(i), "<")
				assert.NotContains(t, doc.MentionText(i), "Assad", "script content is not text")
			}
		})
	}
}

func TestModelConcurrentUse(t *testing.T) {
	m, err := entities.DefaultModel()
	require.NoError(t, err)
	const text = "Russian President Vladimir Putin welcomed Syria's interim leader Ahmad al-Sharaa to Moscow. Putin praised the talks, SANA said."
	var wg sync.WaitGroup
	results := make([]string, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			doc, err := m.Annotate(text)
			if !assert.NoError(t, err) {
				return
			}
			var b strings.Builder
			for _, e := range doc.Entities {
				b.WriteString(e.Type.String() + ":" + e.Name + ";")
			}
			results[i] = b.String()
		}()
	}
	wg.Wait()
	for _, r := range results[1:] {
		assert.Equal(t, results[0], r)
	}
	assert.Contains(t, results[0], "PERSON:Vladimir Putin;")
}

func TestTypeText(t *testing.T) {
	for _, typ := range []entities.Type{entities.Person, entities.Org, entities.GPE, entities.Loc, entities.NORP, entities.Misc} {
		b, err := typ.MarshalText()
		require.NoError(t, err)
		var back entities.Type
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, typ, back)
	}
	_, err := entities.None.MarshalText()
	assert.Error(t, err)
	_, err = entities.ParseType("FOO")
	assert.Error(t, err)
}

func TestGazetteerGender(t *testing.T) {
	g, err := entities.DefaultGazetteer()
	require.NoError(t, err)
	assert.Equal(t, byte('f'), g.Gender("Angela"))
	assert.Equal(t, byte('m'), g.Gender("Vladimir"))
	assert.Zero(t, g.Gender("Kim"), "borne by both sexes")
	assert.Zero(t, g.Gender("Wang"), "a family name first in Chinese names")
	assert.Zero(t, g.Gender("Zzyzx"))
	assert.Zero(t, g.Gender("Min"), "names of three letters are too often other languages' name parts")

	// Tables written before gendernames.tsv existed still load.
	sub := os.DirFS(".")
	old := fstest.MapFS{}
	require.NoError(t, fs.WalkDir(sub, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == "data/gendernames.tsv" {
			return err
		}
		b, err := fs.ReadFile(sub, p)
		old[p] = &fstest.MapFile{Data: b}
		return err
	}))
	g2, err := entities.LoadGazetteer(old)
	require.NoError(t, err)
	assert.Zero(t, g2.Gender("Angela"))
}

// TestMentionsDoNotOverlap pins that a name the gazetteer grows from the
// tagger's span does not leave the tagger's other pieces of it behind.
func TestMentionsDoNotOverlap(t *testing.T) {
	m, err := entities.DefaultModel()
	require.NoError(t, err)
	doc, err := m.Annotate("The London-based Syrian Observatory for Human Rights said so. Iran-aligned Houthis in Yemen's Red Sea port of Hodeidah fired.")
	require.NoError(t, err)
	for i := 1; i < len(doc.Mentions); i++ {
		assert.LessOrEqual(t, doc.Mentions[i-1].End, doc.Mentions[i].Start, "%q overlaps %q", doc.MentionText(i-1), doc.MentionText(i))
	}
	var names []string
	for i := range doc.Mentions {
		names = append(names, doc.MentionText(i))
	}
	assert.Contains(t, names, "Syrian Observatory for Human Rights")
}

func TestAdministrationNamesAPerson(t *testing.T) {
	m, err := entities.DefaultModel()
	require.NoError(t, err)
	doc, err := m.Annotate("Warships sailed in what the Trump administration describes as a counternarcotics operation. The Biden administration disagreed.")
	require.NoError(t, err)
	got := map[string]entities.Type{}
	for i, mt := range doc.Mentions {
		got[doc.MentionText(i)] = mt.Type
	}
	assert.Equal(t, entities.Person, got["Trump"])
	assert.Equal(t, entities.Person, got["Biden"])
}

func TestCompassCountries(t *testing.T) {
	m, err := entities.DefaultModel()
	require.NoError(t, err)
	nameOf := func(text, mention string) string {
		doc, err := m.Annotate(text)
		require.NoError(t, err)
		for i, mt := range doc.Mentions {
			if doc.MentionText(i) == mention {
				return doc.Entities[mt.Entity].Name
			}
		}
		return ""
	}
	assert.Equal(t, "North Korea", nameOf("North Korea sent troops. Russia has supplied the North with oil.", "North"))
	assert.NotEqual(t, "South Korea", nameOf("South Korea and South Africa met. Russia has supplied the South with oil.", "South"))
}

func TestCompoundNameWithoutSuffix(t *testing.T) {
	m, err := entities.DefaultModel()
	require.NoError(t, err)
	doc, err := m.Annotate("The Cupertino-based company has faced tariffs.")
	require.NoError(t, err)
	require.Len(t, doc.Mentions, 1)
	assert.Equal(t, "Cupertino", doc.MentionText(0))
	assert.Equal(t, entities.GPE, doc.Mentions[0].Type)
	require.NoError(t, doc.CheckSpan(doc.Mentions[0].Start, doc.Mentions[0].End))
}

func TestSurnameTheTaggerMissed(t *testing.T) {
	m, err := entities.DefaultModel()
	require.NoError(t, err)
	doc, err := m.Annotate("Egypt's President Abdel Fattah el-Sisi met reporters. Sisi also spoke by phone with the emir.")
	require.NoError(t, err)
	var sisi []int
	for i, mt := range doc.Mentions {
		if doc.MentionText(i) == "Sisi" || doc.MentionText(i) == "Abdel Fattah el-Sisi" {
			sisi = append(sisi, mt.Entity)
		}
	}
	require.Len(t, sisi, 2, "both the full name and the surname are mentions")
	assert.Equal(t, sisi[0], sisi[1], "one person")
}

func TestRanksAreNoPartOfNames(t *testing.T) {
	m, err := entities.DefaultModel()
	require.NoError(t, err)
	doc, err := m.Annotate("Myanmar's military ruler, Senior Gen. Min Aung Hlaing, arrived. Japanese Defense Minister Gen Nakatani spoke.")
	require.NoError(t, err)
	var people []string
	for i, mt := range doc.Mentions {
		if mt.Type == entities.Person {
			people = append(people, doc.MentionText(i))
		}
	}
	assert.Equal(t, []string{"Min Aung Hlaing", "Gen Nakatani"}, people, "a rank is trimmed; a given name that spells one is not")
}

func TestEmbedded(t *testing.T) {
	files := entities.Embedded()
	require.Greater(t, len(files), 5)
	assert.Equal(t, "entities/model/ner.bin", files[0].Name)
	for _, f := range files {
		b, err := os.ReadFile(strings.TrimPrefix(f.Name, "entities/"))
		require.NoError(t, err, f.Name)
		sum := sha256.Sum256(b)
		assert.Equal(t, hex.EncodeToString(sum[:]), f.SHA256, f.Name)
		assert.Equal(t, len(b), f.Bytes, f.Name)
	}
}
