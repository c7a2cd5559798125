package conllu

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PipelineGroups returns, for each word of s, the index of the pipeline
// token it belongs to under the grouping MergePipelineTokens applies:
// words joined without spaces through a hyphen ("well - known" written
// "well-known") form one token, and so does a number followed by "%"
// ("40%"). The result is non-decreasing and starts at 0; len(result) is
// len(s.Words).
func PipelineGroups(s *Sentence) []int {
	ws := s.Words
	g := make([]int, len(ws))
	cur := 0
	for i := 1; i < len(ws); i++ {
		if !joins(ws, i) {
			cur++
		}
		g[i] = cur
	}
	return g
}

// joins reports whether word i is glued to word i-1 in the pipeline's
// tokenisation.
func joins(ws []Word, i int) bool {
	prev, w := ws[i-1], ws[i]
	if prev.SpaceAfter() {
		return false
	}
	switch {
	case w.Form == "-":
		// A hyphen glued on both sides between two word-like tokens.
		return i+1 < len(ws) && !w.SpaceAfter() && wordLike(prev.Form) && wordLike(ws[i+1].Form)
	case prev.Form == "-":
		// The word after such a hyphen; its left side was checked above.
		return i >= 2 && !ws[i-2].SpaceAfter() && wordLike(ws[i-2].Form) && wordLike(w.Form)
	case w.Form == "%":
		return startsWithDigit(prev.Form)
	}
	return false
}

// wordLike reports whether a form has a letter or digit at both ends, as
// the parts of a hyphenated word do ("U.S." ends with '.', so it is
// accepted when it starts with a letter and holds one before the end).
func wordLike(f string) bool {
	r, _ := utf8.DecodeRuneInString(f)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	for _, r := range f {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '\'' && r != '&' {
			return false
		}
	}
	return true
}

func startsWithDigit(f string) bool { return f != "" && f[0] >= '0' && f[0] <= '9' }

// MergePipelineTokens returns a new sentence whose words are the groups of
// PipelineGroups, the tokens newsgraph's tokenizer makes ("well-known",
// "U.S.-led", "40%" stay whole; clitics stay split as in UD). s is not
// changed; when nothing merges the result is a copy of s.
//
// A group's form is its words' forms joined. Its head word is the word of
// the group closest to the root (the first such word on ties); the group
// takes that word's HEAD (remapped to the group holding it), DEPREL,
// UPOS, XPOS, FEATS and MISC (with SpaceAfter from the group's last word),
// and arcs inside the group are dropped, so the result is a tree whenever
// s is. Its lemma is the forms before the head word, the head's lemma and
// the forms after it, joined. One exception to the head's tags: a
// hyphenated group attached as amod is tagged ADJ/JJ with Degree=Pos,
// as Penn tags "well-known" and "French-born".
//
// Multiword-token lines are renumbered and dropped when they fall inside
// one group; empty-node lines are dropped when any words merge, and DEPS
// keeps the head word's integer-headed entries, remapped.
func MergePipelineTokens(s *Sentence) *Sentence {
	grp := PipelineGroups(s)
	n := len(s.Words)
	if n == 0 || grp[n-1] == n-1 {
		return copySentence(s)
	}
	ng := grp[n-1] + 1
	depth := depths(s.Words)
	// Pick each group's head word: minimal depth, first on ties.
	head := make([]int, ng)
	for i := range head {
		head[i] = -1
	}
	for i := range s.Words {
		g := grp[i]
		if head[g] < 0 || depth[i] < depth[head[g]] {
			head[g] = i
		}
	}
	out := &Sentence{Words: make([]Word, 0, ng)}
	start := 0
	for g := 0; g < ng; g++ {
		end := start
		for end < n && grp[end] == g {
			end++
		}
		out.Words = append(out.Words, mergeGroup(s.Words, grp, start, end, head[g]))
		start = end
	}
	for _, l := range s.Lines {
		switch {
		case l.Word >= 0:
			if i := l.Word; i == 0 || grp[i] != grp[i-1] {
				out.Lines = append(out.Lines, Line{Num: l.Num, Word: grp[i]})
			}
		case strings.HasPrefix(l.Text, "#"):
			out.Lines = append(out.Lines, Line{Num: l.Num, Text: l.Text, Word: -1})
		default:
			if t, ok := renumberRange(l.Text, grp); ok {
				out.Lines = append(out.Lines, Line{Num: l.Num, Text: t, Word: -1})
			}
		}
	}
	return out
}

// mergeGroup builds the word for s.Words[start:end] with head word h.
func mergeGroup(ws []Word, grp []int, start, end, h int) Word {
	hw := ws[h]
	w := hw
	w.ID = grp[h] + 1
	if hw.Head > 0 && hw.Head <= len(ws) {
		w.Head = grp[hw.Head-1] + 1
	}
	w.Deps = remapDeps(hw.Deps, grp, grp[h])
	if end-start == 1 {
		return w
	}
	var form, lemma strings.Builder
	hyphen := false
	for i := start; i < end; i++ {
		form.WriteString(ws[i].Form)
		if ws[i].Form == "-" {
			hyphen = true
		}
		if i == h {
			lemma.WriteString(ws[i].Lemma)
		} else {
			lemma.WriteString(ws[i].Form)
		}
	}
	w.Form, w.Lemma = form.String(), lemma.String()
	if hyphen && strings.HasPrefix(hw.Deprel, "amod") {
		w.UPOS, w.XPOS, w.Feats = "ADJ", "JJ", "Degree=Pos"
		w.Lemma = w.Form
	}
	w.Misc = mergeMisc(hw.Misc, ws[end-1].SpaceAfter())
	return w
}

// mergeMisc returns misc without its SpaceAfter entry, with SpaceAfter=No
// added when space is false.
func mergeMisc(misc string, space bool) string {
	var keep []string
	if misc != "_" && misc != "" {
		for _, f := range strings.Split(misc, "|") {
			if !strings.HasPrefix(f, "SpaceAfter=") {
				keep = append(keep, f)
			}
		}
	}
	if !space {
		keep = append(keep, "SpaceAfter=No")
	}
	if len(keep) == 0 {
		return "_"
	}
	return strings.Join(keep, "|")
}

// remapDeps rewrites enhanced dependencies "h:rel|..." to group numbers,
// dropping arcs inside group self and arcs from empty nodes.
func remapDeps(deps string, grp []int, self int) string {
	if deps == "_" || deps == "" {
		return deps
	}
	var out []string
	for _, d := range strings.Split(deps, "|") {
		hs, rel, ok := strings.Cut(d, ":")
		if !ok {
			continue
		}
		h, err := strconv.Atoi(hs)
		if err != nil || h < 0 || h > len(grp) {
			continue
		}
		if h > 0 {
			if grp[h-1] == self {
				continue
			}
			h = grp[h-1] + 1
		}
		e := strconv.Itoa(h) + ":" + rel
		dup := false
		for _, o := range out {
			dup = dup || o == e
		}
		if !dup {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return "_"
	}
	return strings.Join(out, "|")
}

// renumberRange renumbers a multiword-token line "a-b\t..." to groups; it
// reports false for empty nodes, malformed ranges and ranges inside one
// group.
func renumberRange(text string, grp []int) (string, bool) {
	id, rest, ok := strings.Cut(text, "\t")
	if !ok {
		return "", false
	}
	as, bs, ok := strings.Cut(id, "-")
	if !ok {
		return "", false
	}
	a, err1 := strconv.Atoi(as)
	b, err2 := strconv.Atoi(bs)
	if err1 != nil || err2 != nil || a < 1 || b < a || b > len(grp) {
		return "", false
	}
	ga, gb := grp[a-1]+1, grp[b-1]+1
	if ga == gb {
		return "", false
	}
	return strconv.Itoa(ga) + "-" + strconv.Itoa(gb) + "\t" + rest, true
}

// depths returns each word's distance from the root; words whose head
// chain is broken (missing head, out of range, cycle) get len(ws)+1.
func depths(ws []Word) []int {
	n := len(ws)
	d := make([]int, n)
	for i := range ws {
		k, steps := i, 0
		for steps <= n {
			h := ws[k].Head
			if h == 0 {
				break
			}
			if h < 0 || h > n {
				steps = n + 1
				break
			}
			k = h - 1
			steps++
		}
		d[i] = min(steps, n+1)
	}
	return d
}

func copySentence(s *Sentence) *Sentence {
	return &Sentence{
		Lines: append([]Line(nil), s.Lines...),
		Words: append([]Word(nil), s.Words...),
	}
}
