package events

import (
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/tsv"
	"github.com/newsgraph/newsgraph/relations"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Code is one CAMEO event code of the code table (data/cameo_codes.tsv):
// its name, Goldstein value, QuadClass and PLOVER 2021 mapping.
type Code struct {
	Code      string  // "042", "0311"
	Name      string  // "Make a visit"
	Goldstein float64 // -10 (most conflictual) to +10 (most cooperative)
	Level     string  // root, second or third
	Root      string  // the two-digit root code ("04")
	QuadClass int     // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
	// PLOVER is the table's PLOVER 2021 mapping as written
	// ("CONSULT/visit", "ASSAULT/heavy-weapons/military"), or "".
	PLOVER string
}

// Base returns the code's three-digit base code (GDELT's EventBaseCode):
// the code itself for root and second-level codes, its first three digits
// for a third-level code.
func (c Code) Base() string {
	if len(c.Code) > 3 {
		return c.Code[:3]
	}
	return c.Code
}

// ploverContexts are the PLOVER 2021 context values that occur in the
// table's mapping. Every other part after the event category is a mode.
var ploverContexts = map[string]bool{
	"diplomatic": true, "economic": true, "military": true, "legal": true, "humanitarian": true,
	"intelligence": true, "peacekeeping": true, "executive": true, "political_institutions": true,
	"rights_freedoms": true, "human_rights": true, "human_security": true, "pro_autocracy": true,
	"democracy": true, "religion_ethnicity": true, "cbrn": true, "crime": true, "corruption": true,
}

// PLOVERParts splits the PLOVER mapping into the event category
// ("CONSULT"), the mode ("visit") and the contexts ("military", several
// joined by ";"). The table writes them as CATEGORY/part/part; a part is a
// context when it is one of PLOVER's context values, and a mode otherwise.
// Mode is "" where the table gives none: no mode is invented.
func (c Code) PLOVERParts() (event, mode, context string) {
	parts := strings.Split(c.PLOVER, "/")
	event = parts[0]
	var ctx []string
	for _, p := range parts[1:] {
		for _, q := range strings.Split(p, ";") {
			q = strings.TrimSpace(q)
			switch {
			case q == "":
			case ploverContexts[q]:
				ctx = append(ctx, q)
			case mode == "":
				mode = q
			default:
				mode += ";" + q
			}
		}
	}
	return event, mode, strings.Join(ctx, ";")
}

// rule is one row of data/eventcodes.tsv.
type rule struct {
	intended bool
	roles    []string
	cues     [][]string // each cue as lower-case words; a word may end in *
	code     string
}

// roleRule is one row of data/roles.tsv.
type roleRule struct {
	scope   string
	pattern []string // lower-case words, or the name as written for scope name
	role    string
}

// group is one row of data/groups.tsv.
type group struct {
	code, group string
}

// tables holds the parsed data files.
type tables struct {
	codes  map[string]Code
	rules  map[relations.Type][]rule
	roles  []roleRule
	groups map[string]group // by lower-cased name
}

func loadTables(fsys fs.FS) (*tables, error) {
	t := &tables{codes: map[string]Code{}, rules: map[relations.Type][]rule{}, groups: map[string]group{}}
	if err := readTable(fsys, "data/cameo_codes.tsv", 6, t.addCode); err != nil {
		return nil, err
	}
	if err := readTable(fsys, "data/eventcodes.tsv", 5, t.addRule); err != nil {
		return nil, err
	}
	if err := readTable(fsys, "data/roles.tsv", 2, t.addRole); err != nil {
		return nil, err
	}
	if err := readTable(fsys, "data/groups.tsv", 1, t.addGroup); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *tables) addCode(f []string) error {
	if f[0] == "code" { // the column names
		return nil
	}
	g, err := strconv.ParseFloat(f[2], 64)
	if err != nil {
		return fmt.Errorf("goldstein %q: %w", f[2], err)
	}
	q, _, _ := strings.Cut(f[5], " ")
	qc, err := strconv.Atoi(q)
	if err != nil || qc < 1 || qc > 4 {
		return fmt.Errorf("quad class %q", f[5])
	}
	if !strings.HasPrefix(f[0], f[4]) || len(f[4]) != 2 {
		return fmt.Errorf("code %s is not under root %q", f[0], f[4])
	}
	t.codes[f[0]] = Code{Code: f[0], Name: f[1], Goldstein: g, Level: f[3], Root: f[4], QuadClass: qc, PLOVER: field(f, 6)}
	return nil
}

func (t *tables) addRule(f []string) error {
	typ, err := relations.ParseType(f[0])
	if err != nil {
		return err
	}
	var r rule
	switch f[1] {
	case "asserted":
	case "intended":
		r.intended = true
	default:
		return fmt.Errorf("modality %q (want asserted or intended)", f[1])
	}
	for _, s := range strings.Split(f[2], "|") {
		if s = strings.TrimSpace(s); s != "" {
			r.roles = append(r.roles, s)
		}
	}
	for _, s := range strings.Split(f[3], "|") {
		if w := words(s); len(w) > 0 {
			r.cues = append(r.cues, w)
		}
	}
	r.code = f[4]
	if _, ok := t.codes[r.code]; !ok {
		return fmt.Errorf("code %q is not in cameo_codes.tsv", r.code)
	}
	t.rules[typ] = append(t.rules[typ], r)
	return nil
}

func (t *tables) addRole(f []string) error {
	r := roleRule{scope: f[0], role: field(f, 2)}
	switch r.scope {
	case "name", "kind", "former":
		r.pattern = []string{f[1]}
	case "word", "title":
		if f[1] == "*" {
			r.pattern = []string{"*"}
		} else {
			r.pattern = words(f[1])
		}
	default:
		return fmt.Errorf("scope %q (want name, word, kind, title or former)", f[0])
	}
	t.roles = append(t.roles, r)
	return nil
}

func (t *tables) addGroup(f []string) error {
	t.groups[strings.ToLower(f[0])] = group{code: field(f, 1), group: field(f, 2)}
	return nil
}

// readTable reads a data file with tsv.Read.
func readTable(fsys fs.FS, name string, minFields int, fn func([]string) error) error {
	if err := tsv.Read(fsys, name, minFields, fn); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return nil
}

func field(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return ""
}

// words splits s into lower-case words: runs of letters, digits, '*' and
// apostrophes; everything else (spaces, hyphens, punctuation) separates.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '*' || r == '\'' || r == '’')
	})
}

// matchAt reports whether the cue words match the text words at i.
func matchAt(text []string, i int, cue []string) bool {
	if i+len(cue) > len(text) {
		return false
	}
	for j, c := range cue {
		w := text[i+j]
		if p, ok := strings.CutSuffix(c, "*"); ok {
			if !strings.HasPrefix(w, p) {
				return false
			}
		} else if w != c {
			return false
		}
	}
	return true
}

// findCue returns the first cue (written back as a phrase) found in text,
// or "".
func findCue(text []string, cues [][]string) string {
	for _, c := range cues {
		for i := range text {
			if matchAt(text, i, c) {
				return strings.Join(c, " ")
			}
		}
	}
	return ""
}
