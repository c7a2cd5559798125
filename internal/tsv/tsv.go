// Package tsv reads the project's tab-separated data files: one loader
// for the gazetteer (entities/data) and the event-coding tables
// (events/data).
//
// A file is UTF-8 text; lines starting with # are comments, blank lines
// are skipped, fields are separated by tabs and trimmed of spaces, and
// empty trailing fields beyond the minimum are dropped. Read holds no
// state and is safe for concurrent use.
package tsv

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"strings"
)

// Read calls fn with the fields of every row of the file name in fsys.
// A row with fewer than minFields fields or an empty first field is an
// error, as is any error fn returns; both are reported as "NAME:LINE:
// message". Read stops at the first error.
func Read(fsys fs.FS, name string, minFields int, fn func(fields []string) error) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		for len(f) > 0 && f[len(f)-1] == "" && len(f) > minFields {
			f = f[:len(f)-1]
		}
		if len(f) < minFields || f[0] == "" {
			return fmt.Errorf("%s:%d: want at least %d fields, got %d", name, n, minFields, len(f))
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
