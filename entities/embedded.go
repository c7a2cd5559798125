package entities

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"sort"
	"sync"
)

// EmbeddedFile describes one data file compiled into the package: the NER
// model or a gazetteer list.
type EmbeddedFile struct {
	Name   string // path in the repository, "entities/model/ner.bin"
	Bytes  int
	SHA256 string // hex digest of the file's bytes
}

// Embedded returns the data files compiled into the package, the NER
// model first and then the gazetteer lists in name order, with their
// sizes and SHA-256 digests: two builds that list the same digests
// extract the same way (given the same code). It is computed once.
func Embedded() []EmbeddedFile { return append([]EmbeddedFile(nil), embeddedOnce()...) }

var embeddedOnce = sync.OnceValue(func() []EmbeddedFile {
	describe := func(name string, b []byte) EmbeddedFile {
		sum := sha256.Sum256(b)
		return EmbeddedFile{Name: "entities/" + name, Bytes: len(b), SHA256: hex.EncodeToString(sum[:])}
	}
	out := []EmbeddedFile{describe("model/ner.bin", nerModelBin)}
	var names []string
	fs.WalkDir(dataFS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	for _, n := range names {
		if b, err := dataFS.ReadFile(n); err == nil {
			out = append(out, describe(n, b))
		}
	}
	return out
})
