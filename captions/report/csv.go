package report

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/sotcap/sotcap/captions/rules"
)

// CSVHeader is the header row WriteCSV writes.
func CSVHeader() []string {
	return []string{"file", "caption", "start", "end", "rule", "value", "limit", "text", "unit", "line", "message", "frame_rate"}
}

// WriteCSV writes a header row (see CSVHeader) and then one row per
// violation, files in order: the file name, the caption counted from 1, its
// start and end in seconds, the rule, the value and the limit, the
// caption's text with lines joined by "\n" (quoted as encoding/csv does),
// the unit of value and limit (rules.RuleUnit), and the frame rate the
// frame rules used (frames per second, empty when unknown). A malformed
// caption's row has caption, start, end, value, limit, text and unit empty
// and gives the line where it starts (0 when unknown) and the message
// saying why it could not be read.
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
	row := make([]string, 12)
	for i := range results {
		r := &results[i]
		fps := ""
		if !r.FrameRate.IsZero() {
			fps = formatFloat(r.FrameRate.FPS())
		}
		for _, v := range r.Violations {
			row[11] = fps
			if v.Rule == rules.RuleMalformed && v.Caption == 0 {
				row[0], row[1], row[2], row[3], row[4] = r.File, "", "", "", v.Rule
				row[5], row[6], row[7], row[8] = "", "", "", ""
				row[9], row[10] = strconv.Itoa(v.Line), v.Message
				if err := cw.Write(row); err != nil {
					return err
				}
				continue
			}
			c := r.at(v.Caption - 1)
			row[8], row[9], row[10] = rules.RuleUnit(v.Rule), "", ""
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
