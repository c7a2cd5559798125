package syntax

import "github.com/newsgraph/newsgraph/entities"

// JSONToken is one token as `newsgraph extract --tokens` prints it, in
// the spirit of spaCy's token attributes: byte offsets into the text, the
// token's text, Penn tag, UPOS, lemma, the index of its head in the same
// token list (-1 for a sentence root; spaCy points a root at itself), the
// UD relation and the index of its sentence.
type JSONToken struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Tag   string `json:"tag"`
	POS   string `json:"pos,omitempty"`
	Lemma string `json:"lemma,omitempty"`
	Head  int    `json:"head"`
	Dep   string `json:"dep,omitempty"`
	Sent  int    `json:"sent"`
}

// JSONTokens returns the tokens of doc in their JSON form. The syntactic
// fields are empty (head -1) when doc was not parsed.
func JSONTokens(doc *entities.Document) []JSONToken {
	out := make([]JSONToken, len(doc.Tokens))
	for si, s := range doc.Sentences {
		for i := s.First; i < s.Last && i < len(out); i++ {
			out[i].Sent = si
		}
	}
	parsed := doc.Parsed()
	for i, t := range doc.Tokens {
		o := &out[i]
		o.Start, o.End, o.Text, o.Tag = t.Start, t.End, doc.TokenText(i), t.Tag
		o.Head = -1
		if parsed {
			o.POS, o.Lemma, o.Dep, o.Head = t.POS, t.Lemma, t.Dep, t.Head
		}
	}
	return out
}
