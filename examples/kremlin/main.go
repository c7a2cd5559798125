// Command kremlin prints the entities and relations that newsgraph finds in
// one news article, as readable lines:
//
//	PERSON  Vladimir Putin (RU)  aliases: Putin, Vladimir Putin
//	Vladimir Putin —HOST→ Ahmad al-Sharaa  (Upon welcoming President al-Sharaa at the Kremlin…)
//	Vladimir Putin ↔MEET↔ Ahmad al-Sharaa  on Wednesday  (…)
//
// Symmetric relation types are drawn with ↔, a relation that is not
// asserted carries its modality ("[reported]"), and evidence is clipped to
// about 80 characters.
//
// Usage, from the repository root or from this directory:
//
//	go run ./examples/kremlin [FILE]
//
// Without FILE it reads testdata/kremlin-visit.txt of the repository.
package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/relations"
)

// defaultPaths are where the example article is looked for, relative to
// the repository root and to this directory.
var defaultPaths = []string{"testdata/kremlin-visit.txt", "../../testdata/kremlin-visit.txt"}

// maxEvidence is the number of characters of evidence printed per relation.
const maxEvidence = 80

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "kremlin:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) > 1 {
		return errors.New("usage: go run ./examples/kremlin [FILE]")
	}
	name, text, err := readArticle(args)
	if err != nil {
		return err
	}
	p, err := newsgraph.New()
	if err != nil {
		return err
	}
	doc, err := p.Extract(context.Background(), string(text))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}

	fmt.Printf("%s: %d entities, %d relations\n\nEntities\n", name, len(doc.Entities), len(doc.Relations))
	for _, e := range doc.Entities {
		line := fmt.Sprintf("  %-7s %s", e.Type, e.Name)
		if e.Country != "" {
			line += " (" + e.Country + ")"
		}
		if len(e.Aliases) > 0 {
			line += "  aliases: " + strings.Join(e.Aliases, ", ")
		}
		fmt.Println(line)
	}

	fmt.Println("\nRelations")
	for _, r := range doc.Relations {
		fmt.Println("  " + relationLine(doc, r))
	}
	return nil
}

// readArticle reads the file named in args, or the first default path that
// exists.
func readArticle(args []string) (string, []byte, error) {
	if len(args) == 1 {
		b, err := os.ReadFile(args[0])
		return args[0], b, err
	}
	for _, p := range defaultPaths {
		b, err := os.ReadFile(p)
		if err == nil {
			return p, b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return p, nil, err
		}
	}
	return "", nil, fmt.Errorf("cannot find the article (tried %s); give its path as an argument",
		strings.Join(defaultPaths, ", "))
}

// relationLine formats one relation: source, type and target, then its
// title, modality, former flag and time, then clipped evidence.
func relationLine(doc *newsgraph.Document, r relations.Relation) string {
	src, dst := doc.Entities[r.Source].Name, doc.Entities[r.Target].Name
	var b strings.Builder
	if r.Type.Symmetric() {
		fmt.Fprintf(&b, "%s ↔%s↔ %s", src, r.Type, dst)
	} else {
		fmt.Fprintf(&b, "%s —%s→ %s", src, r.Type, dst)
	}
	if r.Title != "" {
		fmt.Fprintf(&b, " [%s]", r.Title)
	}
	if r.Modality != relations.Asserted {
		fmt.Fprintf(&b, " [%s]", r.Modality)
	}
	if r.Former {
		b.WriteString(" [former]")
	}
	if r.When != "" {
		fmt.Fprintf(&b, "  %s", r.When)
	}
	if len(r.Evidence) > 0 {
		fmt.Fprintf(&b, "  (%s)", clip(r.Evidence[0].Text, maxEvidence))
	}
	return b.String()
}

// clip collapses white space in s and cuts it to at most n characters,
// ending with an ellipsis when it was cut.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return strings.TrimRight(string(rs[:n-1]), " ") + "…"
}
