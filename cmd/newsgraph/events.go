package main

import (
	"io"

	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/relations"
)

// The event-data formats of extract and graph: CAMEO-coded event rows
// (package events) as TSV with a header, or as JSON lines.
const (
	formatEvents      = "events"
	formatEventsJSONL = "events-jsonl"
)

// isEventFormat reports whether format is one of the event-data formats.
func isEventFormat(format string) bool {
	return format == formatEvents || format == formatEventsJSONL
}

// writeEvents writes rows in the event format; for TSV, with the header
// line when header is set.
func writeEvents(w io.Writer, format string, rows []events.Row, header bool) error {
	switch {
	case format == formatEventsJSONL:
		return events.WriteJSONL(w, rows)
	case header:
		return events.WriteTSV(w, rows)
	}
	return events.AppendTSV(w, rows)
}

// graphEvents returns a writer of a corpus graph's event rows in format.
func graphEvents(format string) func(io.Writer, *relations.Graph) error {
	return func(w io.Writer, g *relations.Graph) error {
		c, err := events.Default()
		if err != nil {
			return err
		}
		return writeEvents(w, format, c.Graph(g), true)
	}
}
