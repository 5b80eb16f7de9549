package report

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"time"
)

// CSVHeader is the header row WriteCSV writes.
func CSVHeader() []string {
	return []string{"file", "caption", "start", "end", "rule", "value", "limit", "text"}
}

// WriteCSV writes a header row (see CSVHeader) and then one row per
// violation, files in order: the file name, the caption counted from 1, its
// start and end in seconds, the rule, the value and the limit, and the
// caption's text with lines joined by "\n" (quoted as encoding/csv does).
// Numbers use the shortest form that reads back exactly; a value that is
// not finite is written as +Inf, -Inf or NaN (strconv.ParseFloat reads them).
func WriteCSV(w io.Writer, results []FileResult) error {
	if err := validateAll(results); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader()); err != nil {
		return err
	}
	row := make([]string, 8)
	for i := range results {
		r := &results[i]
		for _, v := range r.Violations {
			c := &r.Captions[v.Caption-1]
			row[0] = r.File
			row[1] = strconv.Itoa(v.Caption)
			row[2] = formatSeconds(c.Start)
			row[3] = formatSeconds(c.End)
			row[4] = v.Rule
			row[5] = formatFloat(v.Value)
			row[6] = formatFloat(v.Limit)
			row[7] = c.Text()
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func formatSeconds(d time.Duration) string { return formatFloat(d.Seconds()) }

// formatFloat formats f like appendJSONFloat, but a non-finite f as
// strconv does ("+Inf", "-Inf", "NaN").
func formatFloat(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return string(appendJSONFloat(nil, f))
}
