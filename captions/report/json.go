package report

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
)

func orDefault(s string) string {
	if s == "" {
		return "default"
	}
	return s
}

// WriteJSON writes results as one JSON object, streaming it to w:
//
//	{"files": [{"file", "format", "captions", "duration_seconds",
//	  "cps": {"mean", "p50", "p90", "max"},
//	  "frame_rate", "frame_rate_source", "malformed",
//	  "violations": [{"caption", "start", "end", "rule", "value", "limit",
//	    "unit", "text"}]}]}
//
// caption counts from 1; start, end and duration_seconds are seconds; unit
// is the unit of value and limit (rules.RuleUnit); text is the caption's
// lines joined with "\n". frame_rate is the rate the frame rules counted
// at (frames per second; null when unknown) and frame_rate_source where it
// came from ("--fps", "the EBU STL header", "default" when assumed).
// malformed counts the captions that could not be read; each is also a
// violation with rule "malformed", caption, start, end, value, limit and
// text null, and "line" (where it starts in the input, 0 when unknown),
// "after" (how many captions were read before it) and "message" (why).
// Arrays are never null. A value or
// limit that is not finite (the CPS of a caption with no duration) is
// written as null (encoding/json would refuse it).
// The CPS statistics are those of Summarize.
func WriteJSON(w io.Writer, results []FileResult) error {
	if err := validateAll(results); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	b := make([]byte, 0, 8<<10)
	b = append(b, "{\n  \"files\": ["...)
	for i := range results {
		r := &results[i]
		s := Summarize(*r)
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    {\n      \"file\": "...)
		b = appendJSONString(b, r.File)
		b = append(b, ",\n      \"format\": "...)
		b = appendJSONString(b, r.Format)
		b = append(b, ",\n      \"captions\": "...)
		b = strconv.AppendInt(b, int64(s.Captions), 10)
		b = append(b, ",\n      \"duration_seconds\": "...)
		b = appendSeconds(b, s.Duration)
		b = append(b, ",\n      \"cps\": {\"mean\": "...)
		b = appendJSONFloat(b, s.CPS.Mean)
		b = append(b, ", \"p50\": "...)
		b = appendJSONFloat(b, s.CPS.P50)
		b = append(b, ", \"p90\": "...)
		b = appendJSONFloat(b, s.CPS.P90)
		b = append(b, ", \"max\": "...)
		b = appendJSONFloat(b, s.CPS.Max)
		b = append(b, "},\n      \"frame_rate\": "...)
		if r.FrameRate.IsZero() {
			b = append(b, "null"...)
		} else {
			b = appendJSONFloat(b, r.FrameRate.FPS())
		}
		b = append(b, ",\n      \"frame_rate_source\": "...)
		if r.FrameRate.IsZero() {
			b = append(b, "null"...)
		} else {
			b = appendJSONString(b, orDefault(r.FrameRateSource))
		}
		b = append(b, ",\n      \"malformed\": "...)
		b = strconv.AppendInt(b, int64(s.Malformed), 10)
		b = append(b, ",\n      \"violations\": ["...)
		for j, v := range r.Violations {
			if j > 0 {
				b = append(b, ',')
			}
			if v.Rule == rules.RuleMalformed && v.Caption == 0 {
				b = append(b, "\n        {\"caption\": null, \"start\": null, \"end\": null, \"rule\": "...)
				b = appendJSONString(b, v.Rule)
				b = append(b, ", \"value\": null, \"limit\": null, \"unit\": \"\", \"text\": null, \"line\": "...)
				b = strconv.AppendInt(b, int64(v.Line), 10)
				b = append(b, ", \"after\": "...)
				b = strconv.AppendInt(b, int64(v.After), 10)
				b = append(b, ", \"message\": "...)
				b = appendJSONString(b, v.Message)
				b = append(b, '}')
				continue
			}
			c := r.at(v.Caption - 1)
			b = append(b, "\n        {\"caption\": "...)
			b = strconv.AppendInt(b, int64(v.Caption), 10)
			b = append(b, ", \"start\": "...)
			b = appendSeconds(b, c.Start)
			b = append(b, ", \"end\": "...)
			b = appendSeconds(b, c.End)
			b = append(b, ", \"rule\": "...)
			b = appendJSONString(b, v.Rule)
			b = append(b, ", \"value\": "...)
			b = appendJSONFloat(b, v.Value)
			b = append(b, ", \"limit\": "...)
			b = appendJSONFloat(b, v.Limit)
			b = append(b, ", \"unit\": "...)
			b = appendJSONString(b, rules.RuleUnit(v.Rule))
			b = append(b, ", \"text\": "...)
			b = appendCaptionText(b, &c)
			b = append(b, '}')
			if len(b) >= 32<<10 {
				if _, err := bw.Write(b); err != nil {
					return err
				}
				b = b[:0]
			}
		}
		if len(r.Violations) > 0 {
			b = append(b, "\n      "...)
		}
		b = append(b, "]\n    }"...)
	}
	if len(results) > 0 {
		b = append(b, "\n  "...)
	}
	b = append(b, "]\n}\n"...)
	if _, err := bw.Write(b); err != nil {
		return err
	}
	return bw.Flush()
}

// appendSeconds appends d in seconds as a JSON number.
func appendSeconds(b []byte, d time.Duration) []byte {
	return appendJSONFloat(b, d.Seconds())
}

// appendJSONFloat formats f as encoding/json does (shortest representation
// that reads back exactly, exponent only for very small or large values),
// and a non-finite f as null.
func appendJSONFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	fmt := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		fmt = 'e'
	}
	return strconv.AppendFloat(b, f, fmt, -1, 64)
}

// appendCaptionText appends c's lines joined with "\n" as a JSON string,
// without building the joined string.
func appendCaptionText(b []byte, c *captions.Caption) []byte {
	b = append(b, '"')
	for i, l := range c.Lines {
		if i > 0 {
			b = append(b, `\n`...)
		}
		b = appendJSONStringBody(b, l.Text)
	}
	return append(b, '"')
}

// appendJSONString appends s as a JSON string. Invalid UTF-8 becomes
// U+FFFD, as with encoding/json.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendJSONStringBody(b, s)
	return append(b, '"')
}

func appendJSONStringBody(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		// U+2028 and U+2029 are valid JSON but break JavaScript parsers
		// that eval JSON; encoding/json escapes them too.
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(b, s[start:]...)
}
