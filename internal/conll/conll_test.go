package conll

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestReadConll2003(t *testing.T) {
	in := "-DOCSTART- -X- O O\n\nEU NNP I-NP B-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP B-PER\n\n-DOCSTART- -X- O O\n\nBonn NNP I-NP B-LOC\n"
	docs, err := ReadAll(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents", len(docs))
	}
	if got := docs[0].Tokens(); !reflect.DeepEqual(got, [][]string{{"EU", "rejects"}, {"Peter"}}) {
		t.Errorf("tokens %q", got)
	}
	if got := docs[0].Tags(); !reflect.DeepEqual(got, [][]string{{"B-ORG", "O"}, {"B-PER"}}) {
		t.Errorf("tags %q", got)
	}
	if docs[1].Start == nil || docs[1].Start.Num != 8 || docs[1].Sentences[0].Lines[0].Num != 10 {
		t.Errorf("line numbers: %+v", docs[1])
	}
	if docs[1].NumTokens() != 1 || docs[1].Sentences[0].Gap != 0 {
		t.Errorf("missing final blank line: %+v", docs[1].Sentences)
	}
}

func TestRoundTrip(t *testing.T) {
	for _, in := range []string{
		"-DOCSTART- O\n\nThe O\nBBC B-ORG\n\n\nsaid O\n",
		"a\nb\n\nc\n\n",
		"\n\n-DOCSTART- -X- O O\n-DOCSTART- -X- O O\n\nx y\n",
		"",
		"-DOCSTART-\n",
	} {
		docs, err := ReadAll(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		for _, d := range docs {
			if err := WriteDocument(&b, d, nil, ""); err != nil {
				t.Fatal(err)
			}
		}
		// every token line gets " O"; nothing else changes
		want := ""
		for _, l := range strings.SplitAfter(in, "\n") {
			if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, DocStart) {
				l = strings.TrimSuffix(l, "\n") + " O\n"
			}
			want += l
		}
		if b.String() != want {
			t.Errorf("round trip of %q:\n got %q\nwant %q", in, b.String(), want)
		}
	}
}

func TestCRLFAndExtraColumn(t *testing.T) {
	in := "-DOCSTART- O\r\n\r\nParis B-LOC\r\nis O\r\n\r\n"
	docs, err := ReadAll(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteDocument(&b, docs[0], [][]string{{"B-LOC", "O"}}, "O"); err != nil {
		t.Fatal(err)
	}
	want := "-DOCSTART- O O\n\nParis B-LOC B-LOC\nis O O\n\n"
	if b.String() != want {
		t.Errorf("got %q want %q", b.String(), want)
	}
}

func TestLongLines(t *testing.T) {
	long := strings.Repeat("x", 200000)
	docs, err := ReadAll(strings.NewReader(long + " O\nb O\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := docs[0].Sentences[0].Lines[0].Token(); got != long {
		t.Errorf("long token has %d bytes", len(got))
	}
	_, err = ReadAll(strings.NewReader("a O\n" + strings.Repeat("y", MaxLineBytes+10) + "\nb O\n"))
	var ce *Error
	if !errors.As(err, &ce) || ce.Line != 2 || !errors.Is(err, ErrLineTooLong) {
		t.Errorf("too long line: err = %v", err)
	}
}

type failReader struct{}

func (failReader) Read([]byte) (int, error) { return 0, errors.New("boom") }

func TestReadError(t *testing.T) {
	_, err := ReadAll(io.MultiReader(strings.NewReader("a O\n"), failReader{}))
	if err == nil || err.Error() != "boom" {
		t.Errorf("err = %v", err)
	}
}
