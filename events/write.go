package events

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// Columns returns the column names of the TSV header, which are also the
// keys of each JSON line, in order.
func Columns() []string {
	t := reflect.TypeFor[Row]()
	cols := make([]string, t.NumField())
	for i := range cols {
		cols[i] = t.Field(i).Tag.Get("json")
	}
	return cols
}

// tsvEscaper makes a value fit in one TSV cell: tabs and line breaks
// become spaces.
var tsvEscaper = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")

// WriteTSV writes rows as tab-separated values with a header line
// (Columns). Floats are written in their shortest form; tabs and line
// breaks inside a value, as in an evidence sentence that spans lines,
// become spaces (the offsets still point into the original text).
func WriteTSV(w io.Writer, rows []Row) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(Columns(), "\t"))
	bw.WriteByte('\n')
	return writeTSVRows(bw, rows)
}

// AppendTSV writes rows as WriteTSV does, without the header line: for
// output written in parts, after one WriteTSV.
func AppendTSV(w io.Writer, rows []Row) error {
	return writeTSVRows(bufio.NewWriter(w), rows)
}

func writeTSVRows(bw *bufio.Writer, rows []Row) error {
	for i := range rows {
		v := reflect.ValueOf(rows[i])
		for j := range v.NumField() {
			if j > 0 {
				bw.WriteByte('\t')
			}
			f := v.Field(j)
			switch f.Kind() {
			case reflect.String:
				tsvEscaper.WriteString(bw, f.String())
			case reflect.Int:
				bw.WriteString(strconv.FormatInt(f.Int(), 10))
			case reflect.Float64:
				bw.WriteString(strconv.FormatFloat(f.Float(), 'f', -1, 64))
			default:
				return fmt.Errorf("events: column %s has unsupported kind %s", Columns()[j], f.Kind())
			}
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return nil
}

// WriteJSONL writes rows as JSON lines, one object a row, with the keys
// of Columns in order and the evidence text exactly as in the article.
func WriteJSONL(w io.Writer, rows []Row) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range rows {
		if err := enc.Encode(&rows[i]); err != nil {
			return fmt.Errorf("events: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return nil
}
