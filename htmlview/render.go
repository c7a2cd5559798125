package htmlview

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
)

//go:embed templates/*.html
var templateFS embed.FS

// pages holds the parsed templates; html/template escapes every value by
// its context (text, attribute, script, style), so article text cannot
// turn into markup or code.
var pages = template.Must(template.ParseFS(templateFS, "templates/*.html"))

// render executes the named page template into a buffer and copies it to
// w, so a failed page writes nothing.
func render(w io.Writer, name string, data any) error {
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, data); err != nil {
		return fmt.Errorf("htmlview: %w", err)
	}
	bw := bufio.NewWriter(w)
	if _, err := bw.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("htmlview: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("htmlview: %w", err)
	}
	return nil
}
