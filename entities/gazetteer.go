package entities

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/tsv"
)

//go:embed data/*.tsv data/*.txt
var dataFS embed.FS

// Role says what a title makes of the person who holds it.
type Role uint8

// The title roles.
const (
	NoRole   Role = iota
	Leader        // heads of state, government or organisation: President, Prime Minister
	Official      // office holders: Foreign Minister, spokesperson, ambassador
	Courtesy      // honorifics that are not offices: Mr, Dr, Sheikh
)

// Country is one row of the country table.
type Country struct {
	Code     string // ISO 3166-1 alpha-2
	Name     string // common English short name
	Aliases  []string
	Demonyms []string
	Capital  string
	Seats    []string // seats of government that stand for it: Kremlin, White House
	Alpha3   string   // ISO 3166-1 alpha-3 ("RUS"), or "" when the table has none
}

// Entry is what the gazetteer knows about a name.
type Entry struct {
	Name    string // canonical name
	Type    Type
	Country string // ISO 3166-1 alpha-2, or ""
	Kind    string // capital, city, region, country, demonym, seat, intl, media, armed, party, gov, company
}

// Gazetteer holds the embedded lists of countries, cities, places,
// organisations, demonyms, titles, organisation head words and given
// names. Lookups normalise curly apostrophes and runs of white space the
// same way the lists are loaded. A *Gazetteer is read-only once loaded and
// safe for concurrent use.
type Gazetteer struct {
	names      map[string][]Entry // normalised phrase → entries
	prefixes   map[string]bool    // the names' first words: "United", "United Arab", ...
	maxWords   int
	countries  map[string]*Country // by code
	titles     map[string]Role     // lower-cased title phrase
	maxTitle   int
	orgWords   map[string]bool
	givenNames map[string]bool
	genders    map[string]byte   // given name → 'm' or 'f'
	seats      map[string]string // place → international body seated there
}

// DefaultGazetteer loads the embedded lists.
func DefaultGazetteer() (*Gazetteer, error) { return LoadGazetteer(dataFS) }

// LoadGazetteer reads the lists from fsys, which must hold the files of
// entities/data: data/countries.tsv, data/cities.tsv, data/places.tsv,
// data/orgs.tsv, data/demonyms_extra.tsv, data/titles.tsv,
// data/orgwords.txt, data/givennames.txt and data/seats.tsv, and may
// hold data/gendernames.tsv (given names of one sex, name TAB m|f). Lines
// starting with # are comments; fields are separated by tabs, list items
// by |.
func LoadGazetteer(fsys fs.FS) (*Gazetteer, error) {
	g := &Gazetteer{
		names:      map[string][]Entry{},
		countries:  map[string]*Country{},
		titles:     map[string]Role{},
		orgWords:   map[string]bool{},
		givenNames: map[string]bool{},
		genders:    map[string]byte{},
		seats:      map[string]string{},
	}
	loaders := []struct {
		file string
		min  int
		fn   func([]string) error
	}{
		{"data/countries.tsv", 2, g.addCountry},
		{"data/cities.tsv", 2, g.addCity},
		{"data/places.tsv", 1, g.addPlace},
		{"data/orgs.tsv", 1, g.addOrg},
		{"data/demonyms_extra.tsv", 1, g.addNORP},
		{"data/titles.tsv", 2, g.addTitle},
		{"data/orgwords.txt", 1, func(f []string) error { g.orgWords[f[0]] = true; return nil }},
		{"data/givennames.txt", 1, func(f []string) error { g.givenNames[f[0]] = true; return nil }},
		{"data/seats.tsv", 2, func(f []string) error { g.seats[normKey(f[0])] = f[1]; return nil }},
	}
	for _, l := range loaders {
		if err := readTable(fsys, l.file, l.min, l.fn); err != nil {
			return nil, err
		}
	}
	// Optional, so that tables written for earlier versions still load.
	if _, err := fs.Stat(fsys, "data/gendernames.tsv"); err == nil {
		if err := readTable(fsys, "data/gendernames.tsv", 2, g.addGender); err != nil {
			return nil, err
		}
	}
	g.prefixes = map[string]bool{}
	for k, es := range g.names {
		sort.SliceStable(es, func(i, j int) bool { return kindRank(es[i].Kind) < kindRank(es[j].Kind) })
		g.names[k] = es
		for i := 0; i < len(k); i++ {
			if k[i] == ' ' {
				g.prefixes[k[:i]] = true
			}
		}
	}
	return g, nil
}

// kindRank orders entries for one name: a country beats a city of the same
// name, an organisation beats a demonym.
func kindRank(kind string) int {
	switch kind {
	case "country":
		return 0
	case "intl", "media", "armed", "party", "gov", "company":
		return 1
	case "seat", "capital":
		return 2
	case "region", "city":
		return 3
	case "place":
		return 4
	}
	return 5
}

func readTable(fsys fs.FS, name string, minFields int, fn func([]string) error) error {
	if err := tsv.Read(fsys, name, minFields, fn); err != nil {
		return fmt.Errorf("entities: gazetteer: %w", err)
	}
	return nil
}

func field(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return ""
}

func list(f []string, i int) []string {
	var out []string
	for _, s := range strings.Split(field(f, i), "|") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func checkCode(code string) error {
	if code != "" && (len(code) != 2 || strings.ToUpper(code) != code) {
		return fmt.Errorf("bad ISO 3166-1 code %q", code)
	}
	return nil
}

func (g *Gazetteer) add(name string, e Entry) {
	k := normKey(name)
	if k == "" {
		return
	}
	for _, old := range g.names[k] {
		if old == e {
			return
		}
	}
	g.names[k] = append(g.names[k], e)
	if n := len(strings.Fields(k)); n > g.maxWords {
		g.maxWords = n
	}
}

func (g *Gazetteer) addCountry(f []string) error {
	c := &Country{Code: f[0], Name: f[1], Aliases: list(f, 2), Demonyms: list(f, 3),
		Capital: field(f, 4), Seats: list(f, 5), Alpha3: field(f, 6)}
	if err := checkCode(c.Code); err != nil {
		return err
	}
	if a := c.Alpha3; a != "" && (len(a) != 3 || strings.ToUpper(a) != a) {
		return fmt.Errorf("bad ISO 3166-1 alpha-3 code %q", a)
	}
	g.countries[c.Code] = c
	for _, n := range append([]string{c.Name}, c.Aliases...) {
		g.add(n, Entry{Name: c.Name, Type: GPE, Country: c.Code, Kind: "country"})
	}
	if len(c.Demonyms) > 0 {
		for _, d := range c.Demonyms {
			g.add(d, Entry{Name: c.Demonyms[0], Type: NORP, Country: c.Code, Kind: "demonym"})
		}
	}
	if c.Capital != "" {
		g.add(c.Capital, Entry{Name: c.Capital, Type: GPE, Country: c.Code, Kind: "capital"})
	}
	for _, s := range c.Seats {
		g.add(s, Entry{Name: s, Type: Org, Country: c.Code, Kind: "seat"})
	}
	return nil
}

func (g *Gazetteer) addCity(f []string) error {
	code := field(f, 1)
	if err := checkCode(code); err != nil {
		return err
	}
	kind := field(f, 3)
	if kind == "" {
		kind = "city"
	}
	e := Entry{Name: f[0], Type: GPE, Country: code, Kind: kind}
	for _, n := range append([]string{f[0]}, list(f, 2)...) {
		g.add(n, e)
	}
	return nil
}

func (g *Gazetteer) addPlace(f []string) error {
	code := field(f, 2)
	if err := checkCode(code); err != nil {
		return err
	}
	e := Entry{Name: f[0], Type: Loc, Country: code, Kind: "place"}
	for _, n := range append([]string{f[0]}, list(f, 1)...) {
		g.add(n, e)
	}
	return nil
}

func (g *Gazetteer) addOrg(f []string) error {
	code := field(f, 2)
	if err := checkCode(code); err != nil {
		return err
	}
	kind := field(f, 3)
	if kind == "" {
		kind = "org"
	}
	e := Entry{Name: f[0], Type: Org, Country: code, Kind: kind}
	for _, n := range append([]string{f[0]}, list(f, 1)...) {
		g.add(n, e)
	}
	return nil
}

func (g *Gazetteer) addNORP(f []string) error {
	terms := list(f, 0)
	code := field(f, 1)
	if err := checkCode(code); err != nil {
		return err
	}
	for _, t := range terms {
		g.add(t, Entry{Name: terms[0], Type: NORP, Country: code, Kind: "norp"})
	}
	return nil
}

func (g *Gazetteer) addTitle(f []string) error {
	var r Role
	switch strings.ToLower(f[1]) {
	case "leader":
		r = Leader
	case "official":
		r = Official
	case "courtesy":
		r = Courtesy
	default:
		return fmt.Errorf("unknown title role %q", f[1])
	}
	for _, t := range list(f, 0) {
		k := strings.ToLower(normKey(t))
		if _, ok := g.titles[k]; !ok {
			g.titles[k] = r
		}
		if n := len(strings.Fields(k)); n > g.maxTitle {
			g.maxTitle = n
		}
	}
	return nil
}

// Lookup returns the entries for a name as written, best first, or nil.
func (g *Gazetteer) Lookup(name string) []Entry { return g.names[normKey(name)] }

// Country returns the country with the given ISO code, or nil.
func (g *Gazetteer) Country(code string) *Country { return g.countries[code] }

// Title returns the role of a title ("Foreign Minister", "president",
// "presidents"), matched without regard to case, or NoRole.
func (g *Gazetteer) Title(s string) Role {
	k := strings.ToLower(normKey(s))
	if r, ok := g.titles[k]; ok {
		return r
	}
	// Plurals: "presidents", "foreign ministers".
	if strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss") {
		if r, ok := g.titles[k[:len(k)-1]]; ok && r != Courtesy {
			return r
		}
	}
	return NoRole
}

// IsOrgWord reports whether w is a head word that makes a capitalised
// phrase an organisation ("Ministry", "Council", "News").
func (g *Gazetteer) IsOrgWord(w string) bool { return g.orgWords[w] }

// BodyAt returns the international body news means by a place's name
// ("European Union" for "Brussels"), or "".
func (g *Gazetteer) BodyAt(place string) string { return g.seats[normKey(place)] }

// Gender returns 'm' or 'f' for a given name borne by one sex only
// ("Angela" 'f', "Vladimir" 'm'), and 0 for others or unknown names.
func (g *Gazetteer) Gender(given string) byte { return g.genders[given] }

func (g *Gazetteer) addGender(f []string) error {
	switch f[1] {
	case "m", "f":
		// Names of three letters or fewer are too often other
		// languages' names or name parts ("Min Aung Hlaing"): unused.
		if utf8.RuneCountInString(f[0]) > 3 {
			g.genders[f[0]] = f[1][0]
		}
		return nil
	}
	return fmt.Errorf("sex %q: want m or f", f[1])
}

// IsGivenName reports whether w is a common given name.
func (g *Gazetteer) IsGivenName(w string) bool { return g.givenNames[w] }

// normKey folds a phrase to the form the tables are keyed by: curly
// apostrophes and quotes made straight, white space collapsed to one space,
// a leading "the " dropped.
func normKey(s string) string {
	if plainKey(s) {
		return s
	}
	return foldKey(s)
}

// foldKey is normKey without the shortcut.
func foldKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == '\u2019' || r == '\u2018':
			r = '\''
		case r == '\u00a0':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	k := b.String()
	if strings.HasPrefix(k, "the ") || strings.HasPrefix(k, "The ") {
		k = k[4:]
	}
	return k
}

// plainKey reports whether normKey(s) is s itself: ASCII words with
// single spaces between them and no leading article. Most keys the
// gazetteer looks up are, and skip building a copy.
func plainKey(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c <= ' ' && (c != ' ' || s[i-1] == ' ')) || c == 0x7f {
			return false
		}
	}
	return !strings.HasPrefix(s, "the ") && !strings.HasPrefix(s, "The ")
}

// match is a gazetteer hit over tokens [first, last).
type match struct {
	first, last int
	entry       Entry
}

// matchTokens finds the longest gazetteer names in the token range
// [from, to) of doc, left to right, never overlapping.
func (g *Gazetteer) matchTokens(doc *Document, from, to int) []match {
	var out []match
	for i := from; i < to; {
		if !startsName(doc.TokenText(i)) {
			i++
			continue
		}
		// Grow the span a token at a time and keep the longest name. A span
		// followed by white space that is no name's first words cannot grow
		// into a name ("The" can: normKey drops it); a span glued to the
		// next token ends inside a word and says nothing yet.
		best, bestEntry := 0, Entry{}
		for n, limit := 1, min(g.maxWords*2, to-i); n <= limit; n++ {
			key := normKey(doc.Text[doc.Tokens[i].Start:doc.Tokens[i+n-1].End])
			if es, ok := g.names[key]; ok {
				best, bestEntry = n, es[0]
			}
			if n < limit && doc.Tokens[i+n].Start != doc.Tokens[i+n-1].End &&
				!g.prefixes[key] && !(n == 1 && key == "The") {
				break
			}
		}
		if best > 0 {
			out = append(out, match{i, i + best, bestEntry})
			i += best
		} else {
			i++
		}
	}
	return out
}

// startsName reports whether a token can begin a gazetteer name: it
// starts with an upper-case letter or a digit.
func startsName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}
