package events_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/relations"
)

func coder(t testing.TB) *events.Coder {
	t.Helper()
	c, err := events.Default()
	require.NoError(t, err)
	return c
}

// sharedPipeline is the default pipeline, built once for all tests.
var sharedPipeline = sync.OnceValues(func() (*newsgraph.Pipeline, error) { return newsgraph.New() })

// ent is an entity of a hand-built document.
type ent struct {
	name    string
	typ     entities.Type
	country string
}

// rel is a relation of a hand-built document, between entity indices.
type rel struct {
	typ      relations.Type
	src, dst int
	title    string
	former   bool
	modality relations.Modality
}

// handDoc builds a document whose one sentence, text, states every
// relation, without running the tagger.
func handDoc(text string, ents []ent, rels []rel) *newsgraph.Document {
	d := &newsgraph.Document{Document: &entities.Document{Text: text}}
	for i, e := range ents {
		d.Entities = append(d.Entities, entities.Entity{ID: "e" + string(rune('1'+i)), Name: e.name, Type: e.typ, Country: e.country})
	}
	for _, r := range rels {
		d.Relations = append(d.Relations, relations.Relation{Type: r.typ, Source: r.src, Target: r.dst, Title: r.title,
			Former: r.former, Modality: r.modality, Confidence: 0.8,
			Evidence: []relations.Evidence{{Start: 0, End: len(text), Text: text}}})
	}
	return d
}

func TestActorCodes(t *testing.T) {
	c := coder(t)
	tests := []struct {
		name     string
		text     string
		ents     []ent
		rels     []rel
		src, dst string // want source and target codes of the one event
	}{
		{"head of government is GOV", "Prime Minister Lena Brandt of Norway visited Kenya.",
			[]ent{{"Lena Brandt", entities.Person, "NO"}, {"Norway", entities.GPE, "NO"}, {"Kenya", entities.GPE, "KE"}},
			[]rel{{typ: relations.LeaderOf, src: 0, dst: 1, title: "Prime Minister"}, {typ: relations.Visit, src: 0, dst: 2}},
			"NORGOV", "KEN"},
		{"former head of state is not GOV", "Former President Ivo Marek of Slovakia criticised Hungary.",
			[]ent{{"Ivo Marek", entities.Person, "SK"}, {"Slovakia", entities.GPE, "SK"}, {"Hungary", entities.GPE, "HU"}},
			[]rel{{typ: relations.LeaderOf, src: 0, dst: 1, title: "President", former: true}, {typ: relations.Criticize, src: 0, dst: 2}},
			"SVKELI", "HUN"},
		{"no role gives the country alone", "Tomas Varga, a Hungarian farmer, praised Austria.",
			[]ent{{"Tomas Varga", entities.Person, "HU"}, {"Austria", entities.GPE, "AT"}},
			[]rel{{typ: relations.Praise, src: 0, dst: 1}},
			"HUN", "AUT"},
		{"defence minister is MIL", "Defence Minister Aro Niemi of Finland met Sweden's Foreign Minister Eva Lind.",
			[]ent{{"Aro Niemi", entities.Person, "FI"}, {"Finland", entities.GPE, "FI"}, {"Eva Lind", entities.Person, "SE"}, {"Sweden", entities.GPE, "SE"}},
			[]rel{{typ: relations.OfficialOf, src: 0, dst: 1, title: "Defence Minister"}, {typ: relations.OfficialOf, src: 2, dst: 3, title: "Foreign Minister"},
				{typ: relations.Meet, src: 0, dst: 2}},
			"FINMIL", "SWEGOV"},
		{"general is MIL", "General Omar Haddad of Jordan hosted Iraq's army chief.",
			[]ent{{"Omar Haddad", entities.Person, "JO"}, {"Jordan", entities.GPE, "JO"}, {"Iraq", entities.GPE, "IQ"}},
			[]rel{{typ: relations.OfficialOf, src: 0, dst: 1, title: "General"}, {typ: relations.Host, src: 0, dst: 2}},
			"JORMIL", "IRQ"},
		{"spokesperson of a seat of government is GOV", "Kremlin spokesman Oleg Petrov accused Estonia.",
			[]ent{{"Oleg Petrov", entities.Person, ""}, {"Kremlin", entities.Org, "RU"}, {"Estonia", entities.GPE, "EE"}},
			[]rel{{typ: relations.OfficialOf, src: 0, dst: 1, title: "spokesman"}, {typ: relations.Accuse, src: 0, dst: 2}},
			"RUSGOV", "EST"},
		{"officials of an international body are the body", "NATO Secretary-General Jan Olsen visited Latvia.",
			[]ent{{"Jan Olsen", entities.Person, "NO"}, {"NATO", entities.Org, ""}, {"Latvia", entities.GPE, "LV"}},
			[]rel{{typ: relations.LeaderOf, src: 0, dst: 1, title: "Secretary-General"}, {typ: relations.Visit, src: 0, dst: 2}},
			"IGOWSTNAT", "LVA"},
		{"United Nations and European Union", "The United Nations praised the European Union.",
			[]ent{{"United Nations", entities.Org, ""}, {"European Union", entities.Org, ""}},
			[]rel{{typ: relations.Praise, src: 0, dst: 1}},
			"IGOUNO", "IGOEUREEC"},
		{"armed group is REB, a ministry of defence MIL", "The Houthis fought the Saudi Defence Ministry.",
			[]ent{{"Houthis", entities.Org, "YE"}, {"Saudi Defence Ministry", entities.Org, "SA"}},
			[]rel{{typ: relations.Fight, src: 0, dst: 1}},
			"YEMREB", "SAUMIL"},
		{"legislature and media", "The Knesset criticised Al Jazeera.",
			[]ent{{"Knesset", entities.Org, "IL"}, {"Al Jazeera", entities.Org, "QA"}},
			[]rel{{typ: relations.Criticize, src: 0, dst: 1}},
			"ISRLEG", "QATMED"},
		{"a head of government who leads a party is GOV", "Prime Minister Mira Kovac, who leads the Unity Party, visited Croatia.",
			[]ent{{"Mira Kovac", entities.Person, "RS"}, {"Unity Party", entities.Org, "RS"}, {"Serbia", entities.GPE, "RS"}, {"Croatia", entities.GPE, "HR"}},
			[]rel{{typ: relations.LeaderOf, src: 0, dst: 1, title: "leader"}, {typ: relations.LeaderOf, src: 0, dst: 2, title: "Prime Minister"},
				{typ: relations.Visit, src: 0, dst: 3}},
			"SRBGOV", "HRV"},
		{"secretary of a state's security council is GOV", "Security Council secretary Ivan Orlov of Russia met Iran's envoy.",
			[]ent{{"Ivan Orlov", entities.Person, "RU"}, {"Russia's Security Council", entities.Org, "RU"}, {"Iran", entities.GPE, "IR"}},
			[]rel{{typ: relations.OfficialOf, src: 0, dst: 1, title: "secretary"}, {typ: relations.Meet, src: 0, dst: 2}},
			"RUSGOV", "IRN"},
		{"opposition leader is OPP", "Opposition leader Mira Kovac of Serbia met Croatia's president.",
			[]ent{{"Mira Kovac", entities.Person, "RS"}, {"Serbian Progressive Party", entities.Org, "RS"}, {"Croatia", entities.GPE, "HR"}},
			[]rel{{typ: relations.LeaderOf, src: 0, dst: 1, title: "opposition leader"}, {typ: relations.Meet, src: 0, dst: 2}},
			"SRBOPP", "HRV"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := c.Document("a1", handDoc(tt.text, tt.ents, tt.rels))
			require.Len(t, rows, 1, "standing roles are not events")
			assert.Equal(t, tt.src, rows[0].SourceCode)
			assert.Equal(t, tt.dst, rows[0].TargetCode)
			if strings.HasPrefix(rows[0].SourceCode, "IGO") {
				assert.Empty(t, rows[0].SourceCountry, "an international body has no country")
			}
		})
	}
}

func TestEventCodes(t *testing.T) {
	c := coder(t)
	two := []ent{{"Germany", entities.GPE, "DE"}, {"Poland", entities.GPE, "PL"}}
	tests := []struct {
		name     string
		text     string
		ents     []ent
		typ      relations.Type
		modality relations.Modality
		code     string
		cue      string
	}{
		{"visit", "Germany's leader visited Poland.", two, relations.Visit, relations.Asserted, "042", ""},
		{"intent to visit", "Germany plans to visit Poland.", two, relations.Visit, relations.Intended, "036", ""},
		{"material cooperation, intended, military", "Germany wants closer military cooperation with Poland.", two,
			relations.Cooperate, relations.Intended, "0312", "militar*"},
		{"material cooperation, economic", "Germany and Poland expanded trade.", two, relations.Cooperate, relations.Asserted, "061", "trade"},
		{"diplomatic cooperation by default", "Germany and Poland worked together.", two, relations.Cooperate, relations.Asserted, "050", ""},
		{"sanctions", "Germany imposed sanctions on Poland.", two, relations.Sanction, relations.Asserted, "163", "sanction*"},
		{"threat of sanctions", "Germany threatened Poland with an embargo.", two, relations.Threaten, relations.Asserted, "1312", "embargo*"},
		{"military aid", "Germany sent air defence systems to Poland.", two, relations.ProvideAid, relations.Asserted, "072", "air defence"},
		{"air strikes", "Germany carried out airstrikes on Poland.", two, relations.Fight, relations.Asserted, "195", "airstrike*"},
		{"state force", "Germany fought Poland.", two, relations.Fight, relations.Asserted, "190", ""},
		{"rebel force", "The Houthis fought Poland.", []ent{{"Houthis", entities.Org, "YE"}, {"Poland", entities.GPE, "PL"}},
			relations.Fight, relations.Asserted, "180", ""},
		{"phone call", "Germany's chancellor held a telephone call with Poland.", two, relations.Meet, relations.Asserted, "041", "telephone*"},
		{"accusation of war crimes", "Germany accused Poland of war crimes.", two, relations.Accuse, relations.Asserted, "1124", "war crime*"},
		{"negated keeps its code", "Germany did not meet Poland.", two, relations.Meet, relations.Negated, "040", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := c.Document("a1", handDoc(tt.text, tt.ents, []rel{{typ: tt.typ, src: 0, dst: 1, modality: tt.modality}}))
			require.Len(t, rows, 1)
			r := rows[0]
			assert.Equal(t, tt.code, r.EventCode)
			assert.Equal(t, tt.cue, r.CodeCue)
			assert.Equal(t, tt.modality.String(), r.Modality)
			x, ok := c.Code(tt.code)
			require.True(t, ok)
			assert.Equal(t, x.Root, r.RootCode)
			assert.Equal(t, x.QuadClass, r.QuadClass)
			assert.Equal(t, x.Goldstein, r.Goldstein)
			assert.True(t, strings.HasPrefix(r.EventCode, r.BaseCode) && strings.HasPrefix(r.BaseCode, r.RootCode))
		})
	}
}

// TestTables checks the coding tables against the CAMEO code table and
// the relation schema.
func TestTables(t *testing.T) {
	c := coder(t)
	for _, typ := range relations.Types() {
		switch typ {
		case relations.LeaderOf, relations.OfficialOf, relations.MemberOf, relations.BasedIn, relations.LocatedIn:
			assert.False(t, c.IsEvent(typ), "%s is a standing role", typ)
			continue
		}
		if typ.CAMEO() == "" {
			continue
		}
		require.True(t, c.IsEvent(typ), "%s has a CAMEO code in the schema", typ)
		// Every event type has a default code, so every occurrence is coded.
		for _, m := range []relations.Modality{relations.Asserted, relations.Intended, relations.Reported, relations.Negated} {
			rows := c.Document("a", handDoc("Nothing of note.", []ent{{"Aland", entities.GPE, "AX"}, {"Malta", entities.GPE, "MT"}},
				[]rel{{typ: typ, src: 0, dst: 1, modality: m}}))
			require.Len(t, rows, 1)
			_, ok := c.Code(rows[0].EventCode)
			assert.True(t, ok, "%s %s: code %q", typ, m, rows[0].EventCode)
			assert.Empty(t, rows[0].CodeCue)
		}
		// The schema's code and the default code share their root.
		rows := c.Document("a", handDoc("Nothing of note.", []ent{{"Aland", entities.GPE, "AX"}, {"Malta", entities.GPE, "MT"}},
			[]rel{{typ: typ, src: 0, dst: 1}}))
		if typ != relations.Fight && typ != relations.Agree {
			// FIGHT is CAMEO 19 (conventional force) unless rebels fight
			// (18); AGREE without a formal agreement is intent (03).
			assert.Equal(t, typ.CAMEO()[:2], rows[0].RootCode, typ.String())
		}
	}
	x, ok := c.Code("0311")
	require.True(t, ok)
	assert.Equal(t, "031", x.Base())
	assert.Equal(t, "03", x.Root)
	ev, mode, ctx := x.PLOVERParts()
	assert.Equal(t, []string{"AGREE", "", "economic"}, []string{ev, mode, ctx})
	x, _ = c.Code("195")
	ev, mode, ctx = x.PLOVERParts()
	assert.Equal(t, []string{"ASSAULT", "heavy-weapons", "military"}, []string{ev, mode, ctx})
	_, ok = c.Code("999")
	assert.False(t, ok)
}

// goldRows runs the pipeline over the shared articles and codes them.
func goldRows(t *testing.T, dir string) (map[string]string, []events.Row) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "data", dir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("skipping: no ../shared/data/%s/*.txt beside the repository", dir)
	}
	p, err := sharedPipeline()
	require.NoError(t, err)
	c := coder(t)
	texts := map[string]string{}
	var rows []events.Row
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		doc, err := p.Extract(context.Background(), string(b))
		require.NoError(t, err)
		id := filepath.Base(f)
		texts[id] = string(b)
		rows = append(rows, c.Document(id, doc)...)
	}
	return texts, rows
}

// TestGoldArticles checks, on the shared articles, that every emitted
// code is in the code table and every row points at its evidence, and
// logs the counts by root code and QuadClass.
func TestGoldArticles(t *testing.T) {
	if testing.Short() || raceEnabled {
		// The articles test the tables, not concurrency: TestConcurrent
		// does that, and the pipeline has its own race tests.
		t.Skip("skipping under -short or -race: runs the pipeline over the shared articles")
	}
	c := coder(t)
	for _, dir := range []string{"articles", "check"} {
		texts, rows := goldRows(t, dir)
		require.NotEmpty(t, rows)
		counts := map[string]int{}
		for _, r := range rows {
			x, ok := c.Code(r.EventCode)
			require.True(t, ok, "code %q", r.EventCode)
			assert.Equal(t, x.Root, r.RootCode)
			assert.Equal(t, x.QuadClass, r.QuadClass)
			_, ok = c.Code(r.BaseCode)
			assert.True(t, ok, "base code %q", r.BaseCode)
			text := texts[r.Article]
			require.True(t, 0 <= r.EvidenceStart && r.EvidenceStart < r.EvidenceEnd && r.EvidenceEnd <= len(text))
			assert.Equal(t, text[r.EvidenceStart:r.EvidenceEnd], r.Evidence)
			for _, code := range []string{r.SourceCode, r.TargetCode} {
				assert.NotContains(t, code, " ")
			}
			counts[r.RootCode+" q"+string(rune('0'+r.QuadClass))]++
		}
		keys := make([]string, 0, len(counts))
		for k := range counts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t.Logf("%s: root %s: %d", dir, k, counts[k])
		}
	}
}

func TestWriters(t *testing.T) {
	c := coder(t)
	text := "Germany\tsent aid\nto Poland."
	rows := c.Document("a\tb", handDoc(text, []ent{{"Germany", entities.GPE, "DE"}, {"Poland", entities.GPE, "PL"}},
		[]rel{{typ: relations.ProvideAid, src: 0, dst: 1}, {typ: relations.Praise, src: 1, dst: 0}}))
	require.Len(t, rows, 2)

	var tsv bytes.Buffer
	require.NoError(t, events.WriteTSV(&tsv, rows))
	lines := strings.Split(strings.TrimSuffix(tsv.String(), "\n"), "\n")
	require.Len(t, lines, 3, "header and one line a row, whatever the evidence holds")
	assert.Equal(t, strings.Join(events.Columns(), "\t"), lines[0])
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		require.Len(t, f, len(events.Columns()))
		assert.Equal(t, "Germany sent aid to Poland.", f[len(f)-1])
		assert.Equal(t, "a b", f[0])
	}

	var parts bytes.Buffer
	require.NoError(t, events.WriteTSV(&parts, rows[:1]))
	require.NoError(t, events.AppendTSV(&parts, rows[1:]))
	assert.Equal(t, tsv.String(), parts.String(), "written in parts, the header once")

	var jl bytes.Buffer
	require.NoError(t, events.WriteJSONL(&jl, rows))
	sc := bufio.NewScanner(&jl)
	var back []events.Row
	for sc.Scan() {
		var keys map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &keys))
		assert.Len(t, keys, len(events.Columns()))
		var r events.Row
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r))
		back = append(back, r)
	}
	assert.Equal(t, rows, back)
	assert.Equal(t, text, back[0].Evidence, "JSON keeps the evidence as written")

	var empty bytes.Buffer
	require.NoError(t, events.WriteTSV(&empty, nil))
	assert.Equal(t, strings.Join(events.Columns(), "\t")+"\n", empty.String())
}

// TestGraphRows checks that a graph of one document gives the document's
// rows, and that bad input gives no rows rather than a panic.
func TestGraphRows(t *testing.T) {
	c := coder(t)
	doc := handDoc("Prime Minister Lena Brandt of Norway visited Kenya.",
		[]ent{{"Lena Brandt", entities.Person, "NO"}, {"Norway", entities.GPE, "NO"}, {"Kenya", entities.GPE, "KE"}},
		[]rel{{typ: relations.LeaderOf, src: 0, dst: 1, title: "Prime Minister"}, {typ: relations.Visit, src: 0, dst: 2}})
	want := c.Document("a1", doc)
	got := c.Graph(doc.Graph("a1"))
	assert.Equal(t, want, got)

	assert.Empty(t, c.Document("x", nil))
	assert.Empty(t, c.Graph(nil))
	bad := handDoc("Short.", []ent{{"Kenya", entities.GPE, "KE"}}, []rel{{typ: relations.Visit, src: 0, dst: 5}})
	assert.Empty(t, c.Document("x", bad))
	bad = handDoc("Short.", []ent{{"Kenya", entities.GPE, "KE"}, {"Chad", entities.GPE, "TD"}}, []rel{{typ: relations.Visit, src: 0, dst: 1}})
	bad.Relations[0].Evidence[0].End = 99
	assert.Empty(t, c.Document("x", bad), "evidence outside the text")
	_, err := events.New(nil)
	assert.ErrorContains(t, err, "events:")
}

// TestPipelineSentences runs the whole pipeline on sentences written for
// this test and checks the actor and event codes.
func TestPipelineSentences(t *testing.T) {
	p, err := sharedPipeline()
	require.NoError(t, err)
	c := coder(t)
	text := "Norwegian Prime Minister Ingrid Haugen visited Nairobi on Monday and met Kenyan President Samuel Otieno.\n" +
		"Former Chilean President Ramon Aguilar criticised Argentina on Tuesday.\n" +
		"The European Union imposed sanctions on Belarus over the crackdown.\n"
	doc, err := p.Extract(context.Background(), text)
	require.NoError(t, err)
	var got []string
	for _, r := range c.Document("s", doc) {
		got = append(got, r.SourceCode+" "+r.EventCode+" "+r.TargetCode)
	}
	assert.Subset(t, got, []string{"NORGOV 042 KEN", "NORGOV 040 KENGOV", "CHLELI 111 ARG", "IGOEUREEC 163 BLR"})
}

// TestConcurrent codes one document from many goroutines with one coder.
func TestConcurrent(t *testing.T) {
	c := coder(t)
	doc := handDoc("Germany imposed sanctions on Poland.", []ent{{"Germany", entities.GPE, "DE"}, {"Poland", entities.GPE, "PL"}},
		[]rel{{typ: relations.Sanction, src: 0, dst: 1}})
	want := c.Document("a", doc)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			assert.Equal(t, want, c.Document("a", doc))
		}()
	}
	wg.Wait()
}
