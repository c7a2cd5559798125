package udtag

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Lexicon is a tag dictionary read at training time: for each word form,
// the Penn Treebank tags it can have, most frequent first. Train stores
// it in the model as hashed word keys and small tag-set ids, so tagging
// reads no file.
type Lexicon struct {
	Words []string
	Tags  [][]string // Tags[i] are the tags of Words[i]
}

// ReadBrill reads the lexicon of Eric Brill's tagger as the npm package
// brill (MIT licence) ships it: dir is the package folder, holding
// lib/words.js (word: tag index or list of indices) and lib/tags.js (the
// list of tag names).
func ReadBrill(dir string) (*Lexicon, error) {
	tagData, err := os.ReadFile(filepath.Join(dir, "lib", "tags.js"))
	if err != nil {
		return nil, fmt.Errorf("udtag: reading brill: %w", err)
	}
	wordData, err := os.ReadFile(filepath.Join(dir, "lib", "words.js"))
	if err != nil {
		return nil, fmt.Errorf("udtag: reading brill: %w", err)
	}
	var names []string
	err = jsEntries(tagData, func(line int, key, val string) error {
		if val != "" {
			return fmt.Errorf("tags.js line %d: unexpected %q", line, val)
		}
		names = append(names, key)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("udtag: reading brill: %w", err)
	}
	lex := &Lexicon{}
	err = jsEntries(wordData, func(line int, key, val string) error {
		val = strings.TrimSuffix(strings.TrimPrefix(val, "["), "]")
		var tags []string
		for f := range strings.SplitSeq(val, ",") {
			i, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || i < 0 {
				return fmt.Errorf("words.js line %d: bad tag index %q", line, f)
			}
			if i < len(names) { // brill 3.1.0 has a few indices past its tag list; its own unpacker reads them as undefined
				tags = append(tags, names[i])
			}
		}
		if len(tags) == 0 {
			return nil
		}
		lex.Words = append(lex.Words, key)
		lex.Tags = append(lex.Tags, tags)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("udtag: reading brill: %w", err)
	}
	if len(lex.Words) == 0 || len(names) == 0 {
		return nil, fmt.Errorf("udtag: reading brill: no words in %s", dir)
	}
	return lex, nil
}

// jsEntries calls fn for each entry line of a JavaScript array or object
// literal written one entry a line ("  'key': value," or "  'item',"):
// the key or item with its quotes and escapes removed, and the value
// (empty for array items).
func jsEntries(data []byte, fn func(line int, key, val string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if !strings.HasPrefix(s, "  ") || strings.HasPrefix(s, "   ") {
			continue // not an entry: comments, the opening and closing lines
		}
		s = strings.TrimSuffix(strings.TrimSpace(s), ",")
		var key string
		if s != "" && (s[0] == '\'' || s[0] == '"') {
			q := s[0]
			var b strings.Builder
			i := 1
			for ; i < len(s) && s[i] != q; i++ {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				b.WriteByte(s[i])
			}
			if i >= len(s) {
				return fmt.Errorf("line %d: unterminated string", line)
			}
			key, s = b.String(), s[i+1:]
		} else {
			j := strings.IndexByte(s, ':')
			if j <= 0 {
				return fmt.Errorf("line %d: no key", line)
			}
			key, s = s[:j], s[j:]
		}
		val := ""
		if s != "" {
			if s[0] != ':' {
				return fmt.Errorf("line %d: unexpected %q", line, s)
			}
			val = strings.TrimSpace(s[1:])
		}
		if err := fn(line, key, val); err != nil {
			return err
		}
	}
	return sc.Err()
}

// lexBoundary is the lexicon entry of the sentence boundary marks.
const lexBoundary = 0xffffffff

// lexKey is the lexicon-table key of a word form's hash.
func lexKey(h uint64) uint64 { return mix(h ^ 0x1e8c) }

// lexSet and lexFirst split a lexicon entry: the id of the word's tag set
// (1-based; 0 for a word not in the lexicon) and of its most frequent tag.
func lexSet(e uint32) uint64   { return uint64(e & 0xffff) }
func lexFirst(e uint32) uint64 { return uint64(e >> 16) }

// buildLexicon stores lex in m.lex: per word form, a set id numbering
// the distinct sets of tags (a tag such as "JJ|IN" counts as both) and
// the id of its first tag. Ids follow sorted order, so the same lexicon
// always gives the same table.
func (m *Model) buildLexicon(lex *Lexicon) error {
	type entry struct{ set, first string }
	ents := make([]entry, len(lex.Words))
	sets, firsts := map[string]uint32{}, map[string]uint32{}
	for i, tags := range lex.Tags {
		if len(tags) == 0 {
			continue
		}
		var all []string
		for _, t := range tags {
			all = append(all, strings.Split(t, "|")...)
		}
		slices.Sort(all)
		all = slices.Compact(all)
		ents[i] = entry{strings.Join(all, " "), strings.Split(tags[0], "|")[0]}
		sets[ents[i].set], firsts[ents[i].first] = 0, 0
	}
	if len(sets) >= 0xffff || len(firsts) >= 0xffff {
		return fmt.Errorf("udtag: lexicon has %d tag sets and %d tags, too many", len(sets), len(firsts))
	}
	number := func(ids map[string]uint32) {
		keys := make([]string, 0, len(ids))
		for k := range ids {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for i, k := range keys {
			ids[k] = uint32(i + 1)
		}
	}
	number(sets)
	number(firsts)
	m.lex = newTable[uint32](len(lex.Words))
	for i, w := range lex.Words {
		if ents[i].set == "" || len(w) > maxWordBytes {
			continue
		}
		m.lex.insert(lexKey(hashString(w)), sets[ents[i].set]|firsts[ents[i].first]<<16)
	}
	return nil
}

// lexLookup returns the lexicon entry of the word form of hash h (0: not
// in the lexicon).
func (m *Model) lexLookup(h uint64) uint32 {
	v, _ := m.lex.lookup(lexKey(h))
	return v
}

// lexWordFeatures writes the lexicon features of word t, seen from the
// word o places before it, into out and returns how many: the tag set of
// the form (else of its lower-case form; set 0: in neither), its first
// tag, the lower-case form's set apart (helps with capitalised common
// words in headers), the set with the capitalisation flags; for the
// neighbours at -1 and +1, their set.
func lexWordFeatures(out []uint64, t *tok, o int) int {
	e := t.lx
	if e == 0 {
		e = t.ll
	}
	switch o {
	case 0:
		out[0] = fkey(60, lexSet(e))
		out[1] = fkey(61, lexFirst(e))
		out[2] = fkey2(62, lexSet(t.ll), uint64(min(t.lx, 1)))
		out[3] = fkey2(63, lexSet(e), uint64(t.flags&(flUpper|flAllUp)))
		return 4
	case -1:
		out[0] = fkey(64, lexSet(e))
		return 1
	case 1:
		out[0] = fkey(65, lexSet(e))
		return 1
	}
	return 0
}
