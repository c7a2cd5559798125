package newsgraph_test

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"
)

// Quality floors on the shared gold articles (../shared/data/articles).
// The issue that asked for this test set 0.80 / 0.40 overall and 0.90 /
// 0.60 on kremlin-visit; the scorer now measures 0.998 / 0.934 overall
// and 1.000 / 0.978 on kremlin-visit
// (README.md, "Accuracy"). The floors sit a few points below the measured
// figures, so that a real regression trips them and ordinary rule changes
// do not.
const (
	floorEntityF1         = 0.97
	floorRelationF1       = 0.88
	floorKremlinEntityF1  = 0.95
	floorKremlinRelationF = 0.90
)

// sharedDir returns the project's shared directory, found as "shared"
// beside the working directory or one of its parents (../shared from the
// repository root), or "" when there is none, as in a fresh clone.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	require.NoError(tb, err)
	for {
		d := filepath.Join(dir, "shared")
		if fi, err := os.Stat(filepath.Join(d, "data", "articles")); err == nil && fi.IsDir() {
			return d
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// goldArticle is one NAME.txt with its NAME.gold.json.
type goldArticle struct {
	name, txt, gold string
}

func goldArticles(t *testing.T) (string, []goldArticle) {
	t.Helper()
	shared := sharedDir(t)
	if shared == "" {
		t.Skip("skipping: no shared/data/articles beside the repository or above it " +
			"(the gold articles live outside the repository; CI has them)")
	}
	dir := filepath.Join(shared, "data", "articles")
	golds, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	require.NoError(t, err)
	slices.Sort(golds)
	var out []goldArticle
	for _, g := range golds {
		name := strings.TrimSuffix(filepath.Base(g), ".gold.json")
		txt := filepath.Join(dir, name+".txt")
		if _, err := os.Stat(txt); err == nil {
			out = append(out, goldArticle{name: name, txt: txt, gold: g})
		}
	}
	require.NotEmpty(t, out, "no NAME.txt with NAME.gold.json in %s", dir)
	return shared, out
}

// TestGoldFloors scores the pipeline's JSON output against the gold graphs
// with scoreGraph, a port of ../shared/tools/score_graph.py, and checks
// the quality floors.
func TestGoldFloors(t *testing.T) {
	_, arts := goldArticles(t)
	var total counts
	var kremlin *counts
	for _, a := range arts {
		c := scoreArticle(t, a)
		total.add(c)
		ep, rp := c.entities(), c.relations()
		t.Logf("%-36s entities P %.3f R %.3f F1 %.3f   relations P %.3f R %.3f F1 %.3f",
			a.name, ep.p, ep.r, ep.f, rp.p, rp.r, rp.f)
		if a.name == "kremlin-visit" {
			kremlin = &c
		}
	}
	ep, rp := total.entities(), total.relations()
	t.Logf("%-36s entities P %.3f R %.3f F1 %.3f   relations P %.3f R %.3f F1 %.3f",
		"all", ep.p, ep.r, ep.f, rp.p, rp.r, rp.f)
	assert.GreaterOrEqual(t, ep.f, floorEntityF1, "entity F1 over all gold articles")
	assert.GreaterOrEqual(t, rp.f, floorRelationF1, "relation F1 over all gold articles")
	require.NotNil(t, kremlin, "kremlin-visit is not among the gold articles")
	assert.GreaterOrEqual(t, kremlin.entities().f, floorKremlinEntityF1, "entity F1 on kremlin-visit")
	assert.GreaterOrEqual(t, kremlin.relations().f, floorKremlinRelationF, "relation F1 on kremlin-visit")
}

// TestGoldScorerMatchesPython checks that scoreGraph gives the numbers
// ../shared/tools/score_graph.py gives, on the pipeline's output for every
// gold article. It needs python3.
func TestGoldScorerMatchesPython(t *testing.T) {
	shared, arts := goldArticles(t)
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("skipping: python3 not found")
	}
	tools := filepath.Join(shared, "tools")
	if _, err := os.Stat(filepath.Join(tools, "score_graph.py")); err != nil {
		t.Skipf("skipping: %v", err)
	}
	// One Python process scores every article with the script's own
	// score and prf functions, as its --json mode does for one pair:
	// starting Python once per article cost more than the scoring.
	tmp := t.TempDir()
	var pairs [][2]string
	for _, a := range arts {
		pf := filepath.Join(tmp, a.name+".json")
		require.NoError(t, os.WriteFile(pf, predJSON(t, a), 0o644))
		pairs = append(pairs, [2]string{a.gold, pf})
	}
	in, err := json.Marshal(pairs)
	require.NoError(t, err)
	cmd := exec.Command(py, "-c", pyScoreEach, tools)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	var stderr []byte
	if ee, ok := err.(*exec.ExitError); ok {
		stderr = ee.Stderr
	}
	require.NoError(t, err, "%s", stderr)
	var sums []struct {
		Entities  struct{ P, R, F1 float64 }
		Relations struct{ P, R, F1 float64 }
	}
	require.NoError(t, json.Unmarshal(out, &sums))
	require.Len(t, sums, len(arts))
	for i, a := range arts {
		t.Run(a.name, func(t *testing.T) {
			sum := sums[i]
			c := scoreArticle(t, a)
			ep, rp := c.entities(), c.relations()
			const eps = 1e-9
			assert.InDelta(t, sum.Entities.P, ep.p, eps, "entity P")
			assert.InDelta(t, sum.Entities.R, ep.r, eps, "entity R")
			assert.InDelta(t, sum.Entities.F1, ep.f, eps, "entity F1")
			assert.InDelta(t, sum.Relations.P, rp.p, eps, "relation P")
			assert.InDelta(t, sum.Relations.R, rp.r, eps, "relation R")
			assert.InDelta(t, sum.Relations.F1, rp.f, eps, "relation F1")
		})
	}
}

// pyScoreEach reads [[gold, pred], …] on stdin and prints, for each pair,
// the entity and relation P, R and F1 that score_graph.py --json GOLD PRED
// prints, computed by its functions score and prf. argv[1] is the folder
// of score_graph.py.
const pyScoreEach = `
import json, sys
sys.path.insert(0, sys.argv[1])
import score_graph as sg
out = []
for gold, pred in json.load(sys.stdin):
    with open(gold) as g, open(pred) as p:
        c, _, _ = sg.score(json.load(g), json.load(p), None)
    ep = sg.prf(c["ent_tp"], c["ent_fp"], c["ent_fn"])
    rp = sg.prf(c["rel_tp"], c["rel_fp"], c["rel_fn"])
    out.append({"entities": {"p": ep[0], "r": ep[1], "f1": ep[2]},
                "relations": {"p": rp[0], "r": rp[1], "f1": rp[2]}})
print(json.dumps(out))
`

// predJSON runs the pipeline on an article and returns the JSON the CLI's
// extract --format json prints for it.
func predJSON(t *testing.T, a goldArticle) []byte {
	t.Helper()
	predMu.Lock()
	defer predMu.Unlock()
	if b, ok := predCache[a.txt]; ok {
		return b
	}
	b, err := os.ReadFile(a.txt)
	require.NoError(t, err)
	out := jsonOf(t, extract(t, string(b)), a.txt)
	predCache[a.txt] = out
	return out
}

// predCache holds predJSON's output per article: the gold tests score
// the same extraction several times (Go scorer, Python scorer), and the
// pipeline's output for a text never changes within a run.
var (
	predMu    sync.Mutex
	predCache = map[string][]byte{}
)

func scoreArticle(t *testing.T, a goldArticle) counts {
	t.Helper()
	gb, err := os.ReadFile(a.gold)
	require.NoError(t, err)
	var gold goldFile
	require.NoError(t, json.Unmarshal(gb, &gold), a.gold)
	var pred predFile
	require.NoError(t, json.Unmarshal(predJSON(t, a), &pred))
	return scoreGraph(&gold, &pred)
}

// The rest of this file is a port of the scoring rules of
// ../shared/tools/score_graph.py (function score): alias normalisation,
// entity matching by name then aliases, type groups, optional gold items,
// symmetric relation types and same-country place equivalence. Merging a
// list of documents is left out: the pipeline prints one object per
// article.

// symmetricTypes are the relation types scored either way round.
var symmetricTypes = map[string]bool{"MEET": true, "NEGOTIATE": true, "AGREE": true, "COOPERATE": true, "ALLY_OF": true}

// typeGroup maps entity types to the groups that are compared; types not
// listed (MISC) are not scored.
var typeGroup = map[string]string{"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "ORGANIZATION": "ORG",
	"GPE": "PLACE", "LOC": "PLACE", "LOCATION": "PLACE", "FAC": "PLACE", "NORP": "NORP"}

type goldFile struct {
	Entities []struct {
		Name     string   `json:"name"`
		Type     string   `json:"type"`
		Aliases  []string `json:"aliases"`
		Country  string   `json:"country"`
		Optional bool     `json:"optional"`
	} `json:"entities"`
	Relations []struct {
		Type     string    `json:"type"`
		Source   nameOrSet `json:"source"`
		Target   nameOrSet `json:"target"`
		Optional bool      `json:"optional"`
	} `json:"relations"`
}

// nameOrSet is a gold relation argument: one entity name or a list of
// acceptable names.
type nameOrSet []string

// UnmarshalJSON reads a string or a list of strings.
func (n *nameOrSet) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*n = nameOrSet{s}
		return nil
	}
	return json.Unmarshal(b, (*[]string)(n))
}

type predFile struct {
	Entities []struct {
		ID      string   `json:"id"`
		Name    string   `json:"name"`
		Type    string   `json:"type"`
		Aliases []string `json:"aliases"`
	} `json:"entities"`
	Relations []struct {
		Type   string `json:"type"`
		Source string `json:"source"`
		Target string `json:"target"`
	} `json:"relations"`
}

var (
	leadingThe   = regexp.MustCompile(`^the\s+`)
	trailingPoss = regexp.MustCompile(`'s?$`)
)

// normName is score_graph.py's norm: NFKC, ’ as ', lower case, trimmed;
// a leading "the " and a trailing "'s" or "'" dropped; characters other
// than letters, digits, "_", "-" and white space made spaces; white space
// collapsed.
func normName(s string) string {
	s = norm.NFKC.String(s)
	s = strings.ReplaceAll(s, "\u2019", "'")
	// Python lower-cases İ to i and a combining dot, which then becomes
	// a space below; strings.ToLower would give a plain i.
	s = strings.ReplaceAll(s, "\u0130", "i\u0307")
	s = strings.TrimSpace(strings.ToLower(s))
	s = leadingThe.ReplaceAllString(s, "")
	s = trailingPoss.ReplaceAllString(s, "")
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' || r == '-' || unicode.IsSpace(r) {
			return r
		}
		return ' '
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// counts are the tallies of score_graph.py.
type counts struct {
	entTP, entFP, entFN, entDup int
	relTP, relFP, relFN, relDup int
}

func (c *counts) add(o counts) {
	c.entTP += o.entTP
	c.entFP += o.entFP
	c.entFN += o.entFN
	c.entDup += o.entDup
	c.relTP += o.relTP
	c.relFP += o.relFP
	c.relFN += o.relFN
	c.relDup += o.relDup
}

type prfScore struct{ p, r, f float64 }

func prf(tp, fp, fn int) prfScore {
	var s prfScore
	if tp+fp > 0 {
		s.p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		s.r = float64(tp) / float64(tp+fn)
	}
	if s.p+s.r > 0 {
		s.f = 2 * s.p * s.r / (s.p + s.r)
	}
	return s
}

func (c counts) entities() prfScore  { return prf(c.entTP, c.entFP, c.entFN) }
func (c counts) relations() prfScore { return prf(c.relTP, c.relFP, c.relFN) }

// scoreGraph scores one predicted graph against its gold graph exactly as
// score_graph.py's score does.
func scoreGraph(gold *goldFile, pred *predFile) counts {
	var c counts
	byName := map[string]int{}
	for i, g := range gold.Entities {
		byName[g.Name] = i
	}
	// alias maps a normalised name or alias to gold names, in gold order.
	alias := map[string][]string{}
	for _, g := range gold.Entities {
		for _, a := range append([]string{g.Name}, g.Aliases...) {
			k := normName(a)
			if !slices.Contains(alias[k], g.Name) {
				alias[k] = append(alias[k], g.Name)
			}
		}
	}
	match := func(name string, aliases []string) string {
		if hit := alias[normName(name)]; len(hit) > 0 {
			return hit[0]
		}
		for _, a := range aliases {
			if hit := alias[normName(a)]; len(hit) > 0 {
				return hit[0]
			}
		}
		return ""
	}
	samePlace := func(a, b string) bool {
		ia, oka := byName[a]
		ib, okb := byName[b]
		if !oka || !okb || a == b {
			return a == b
		}
		ga, gb := gold.Entities[ia], gold.Entities[ib]
		if ga.Country == "" || ga.Country != gb.Country {
			return false
		}
		kinds := map[string]bool{ga.Type: true, gb.Type: true}
		for k := range kinds {
			if k != "GPE" && k != "NORP" {
				return false
			}
		}
		return kinds["GPE"]
	}

	// Entities.
	id2gold := map[string]string{} // "" for no match
	matched := map[string]bool{}
	for _, e := range pred.Entities {
		grp, scored := typeGroup[strings.ToUpper(e.Type)]
		gname := match(e.Name, e.Aliases)
		id := e.ID
		if id == "" {
			id = e.Name
		}
		id2gold[id] = gname
		if _, ok := id2gold[e.Name]; !ok {
			id2gold[e.Name] = gname
		}
		if !scored {
			continue
		}
		if gname == "" {
			c.entFP++
			continue
		}
		ge := gold.Entities[byName[gname]]
		if ge.Optional {
			continue
		}
		if typeGroup[ge.Type] != grp {
			c.entFP++
			continue
		}
		if matched[gname] {
			c.entDup++
			c.entFP++
			continue
		}
		matched[gname] = true
		c.entTP++
	}
	for _, ge := range gold.Entities {
		if _, scored := typeGroup[ge.Type]; ge.Optional || !scored || matched[ge.Name] {
			continue
		}
		c.entFN++
	}

	// Relations.
	argOK := func(p string, names nameOrSet) bool {
		if p == "" {
			return false
		}
		for _, n := range names {
			if p == n || samePlace(p, n) {
				return true
			}
		}
		return false
	}
	used := make([]bool, len(gold.Relations))
	for _, r := range pred.Relations {
		t := strings.ToUpper(r.Type)
		s, o := id2gold[r.Source], id2gold[r.Target]
		hit := -1
		for i, gr := range gold.Relations {
			if gr.Type != t {
				continue
			}
			fwd := argOK(s, gr.Source) && argOK(o, gr.Target)
			rev := symmetricTypes[t] && argOK(o, gr.Source) && argOK(s, gr.Target)
			if fwd || rev {
				if hit < 0 || (used[hit] && !used[i]) || (gold.Relations[hit].Optional && !gr.Optional) {
					hit = i
				}
			}
		}
		switch {
		case hit < 0:
			c.relFP++
		case gold.Relations[hit].Optional:
		case used[hit]:
			c.relDup++
		default:
			used[hit] = true
			c.relTP++
		}
	}
	for i, gr := range gold.Relations {
		if !used[i] && !gr.Optional {
			c.relFN++
		}
	}
	return c
}

// TestNormName pins normName to the outputs of score_graph.py's norm.
func TestNormName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Vladimir Putin", "vladimir putin"},
		{"leading the", "The Kremlin", "kremlin"},
		{"possessive", "Russia’s", "russia"},
		{"bare apostrophe", "Assads'", "assads"},
		{"punctuation", "U.S.", "u s"},
		{"hyphen kept", "al-Sharaa", "al-sharaa"},
		{"spaces", "  Ahmad \n al-Sharaa ", "ahmad al-sharaa"},
		{"NFKC", "ﬁfth Ⅸ", "fifth ix"},
		{"non-ASCII letters", "Erdoğan", "erdoğan"},
		{"dotted capital I", "İstanbul", "i stanbul"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, normName(tt.in))
		})
	}
	if math.IsNaN(prf(0, 0, 0).f) {
		t.Fatal("prf(0,0,0) is NaN")
	}
}
