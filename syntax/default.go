package syntax

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"sync"

	"github.com/newsgraph/newsgraph/entities"

	"github.com/newsgraph/newsgraph/internal/depparse"
	"github.com/newsgraph/newsgraph/internal/udtag"
)

// The weights of the default tagger and parser (see model/README.md).
//
//go:embed model/tagger.bin model/parser.bin
var modelFS embed.FS

var defaultParser = sync.OnceValues(func() (*Parser, error) {
	tb, err := modelFS.ReadFile("model/tagger.bin")
	if err != nil {
		return nil, fmt.Errorf("syntax: %w", err)
	}
	pb, err := modelFS.ReadFile("model/parser.bin")
	if err != nil {
		return nil, fmt.Errorf("syntax: %w", err)
	}
	var (
		wg   sync.WaitGroup
		tm   *udtag.Model
		pm   *depparse.Model
		terr error
	)
	wg.Go(func() { tm, terr = udtag.Load(bytes.NewReader(tb)) })
	pm, err = depparse.Load(bytes.NewReader(pb))
	wg.Wait()
	if terr != nil {
		return nil, fmt.Errorf("syntax: tagger: %w", terr)
	}
	if err != nil {
		return nil, fmt.Errorf("syntax: parser: %w", err)
	}
	return New(tm, pm)
})

// DefaultParser returns the parser built from the embedded weights,
// loaded on first use and shared afterwards.
func DefaultParser() (*Parser, error) { return defaultParser() }

// Embedded describes the weight files compiled into the package, the
// tagger then the parser, with their sizes and SHA-256 digests, as
// entities.Embedded does for the entity models. It is computed once.
func Embedded() []entities.EmbeddedFile { return append([]entities.EmbeddedFile(nil), embedded()...) }

var embedded = sync.OnceValue(func() []entities.EmbeddedFile {
	var out []entities.EmbeddedFile
	for _, name := range []string{"model/tagger.bin", "model/parser.bin"} {
		b, err := modelFS.ReadFile(name)
		if err != nil {
			continue
		}
		sum := sha256.Sum256(b)
		out = append(out, entities.EmbeddedFile{Name: "syntax/" + name, Bytes: len(b), SHA256: hex.EncodeToString(sum[:])})
	}
	return out
})
