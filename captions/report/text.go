package report

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/sotcap/sotcap/captions/rules"
)

// textChunk is how many table rows WriteText aligns together.
const textChunk = 1000

// malformedText describes a malformed caption: "line 12 (after caption
// 3): reason".
func malformedText(v rules.Violation) string {
	where := "input"
	if v.Line > 0 {
		where = "line " + strconv.Itoa(v.Line)
	}
	if v.After > 0 {
		where += " (after caption " + strconv.Itoa(v.After) + ")"
	} else {
		where += " (before the first caption)"
	}
	return where + ": " + v.Message
}

// WriteText writes results for a terminal: per file, a heading, the frame
// rate the frame rules used and where it came from, a table of violations
// (caption, start, end, rule, value and limit with their units, text; times
// as HH:MM:SS.mmm on the programme timeline, lines of text separated by
// " / "; a malformed caption has "-" for what it lacks and says where it
// was and why it could not be read),
// the reading warnings, and a summary line with the number of captions,
// the violations by rule and the CPS mean, p90 and max. The last line
// states the CPS formula.
func WriteText(w io.Writer, results []FileResult) error {
	if err := validateAll(results); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	for i := range results {
		r := &results[i]
		s := Summarize(*r)
		if i > 0 {
			bw.WriteByte('\n')
		}
		fmt.Fprintf(bw, "%s (%s", oneLine(r.File), orDash(r.Format))
		if r.Profile != "" {
			fmt.Fprintf(bw, ", profile %s", oneLine(r.Profile))
		}
		if r.MaxCPS > 0 {
			fmt.Fprintf(bw, ", max %s CPS", formatShort(r.MaxCPS))
		}
		bw.WriteString(")\n")
		fmt.Fprintf(bw, "frame rate: %s\n", r.FrameRateText())
		if len(r.Violations) > 0 {
			tw := tabwriter.NewWriter(bw, 0, 8, 2, ' ', 0)
			io.WriteString(tw, "CAPTION\tSTART\tEND\tRULE\tVALUE\tLIMIT\tTEXT\n")
			var line []byte
			for j, v := range r.Violations {
				if j > 0 && j%textChunk == 0 {
					// tabwriter holds its rows until Flush: flush in
					// chunks so that memory stays bounded (columns may
					// widen from one chunk to the next).
					tw.Flush()
				}
				if v.Rule == rules.RuleMalformed && v.Caption == 0 {
					line = append(line[:0], "-\t-\t-\t"...)
					line = append(line, v.Rule...)
					line = append(line, "\t-\t-\t"...)
					line = append(line, oneLine(malformedText(v))...)
					line = append(line, '\n')
					tw.Write(line)
					continue
				}
				c := r.at(v.Caption - 1)
				line = strconv.AppendInt(line[:0], int64(v.Caption), 10)
				line = append(line, '\t')
				line = append(line, formatClock(c.Start)...)
				line = append(line, '\t')
				line = append(line, formatClock(c.End)...)
				line = append(line, '\t')
				line = append(line, oneLine(v.Rule)...)
				line = append(line, '\t')
				line = append(line, orDash(valueText(v.Rule, v.Value))...)
				line = append(line, '\t')
				if v.Rule == rules.RuleCharset {
					line = append(line, '-')
				} else {
					line = append(line, orDash(valueText(v.Rule, v.Limit))...)
				}
				line = append(line, '\t')
				for k, l := range c.Lines {
					if k > 0 {
						line = append(line, " / "...)
					}
					line = append(line, oneLine(l.Text)...)
				}
				line = append(line, '\n')
				tw.Write(line)
			}
			tw.Flush()
		}
		for _, wn := range r.Warnings {
			fmt.Fprintf(bw, "warning: %s: %s\n", oneLine(r.File), oneLine(wn.String()))
		}
		bw.WriteString(summaryLine(r, s))
		bw.WriteByte('\n')
	}
	if len(results) > 1 {
		var caps, viol int
		for i := range results {
			caps += results[i].count()
			viol += len(results[i].Violations)
		}
		fmt.Fprintf(bw, "\n%d files, %d captions, %d violations\n", len(results), caps, viol)
	}
	bw.WriteString(CPSFormula)
	bw.WriteByte('\n')
	return bw.Flush()
}

// summaryLine is "name: 120 captions (3m12s); 3 violations (cps 2, cpl 1);
// CPS mean 12.3, p90 16.1, max 21.4".
func summaryLine(r *FileResult, s Summary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d caption%s (%s); ", oneLine(r.File), s.Captions, plural(s.Captions), s.Duration)
	switch s.Violations {
	case 0:
		b.WriteString("no violations")
	default:
		fmt.Fprintf(&b, "%d violation%s (%s)", s.Violations, plural(s.Violations), byRuleText(s.ByRule))
	}
	if s.Malformed > 0 {
		fmt.Fprintf(&b, "; %d caption%s could not be read", s.Malformed, plural(s.Malformed))
	}
	if s.Warnings > 0 {
		fmt.Fprintf(&b, "; %d warning%s", s.Warnings, plural(s.Warnings))
	}
	fmt.Fprintf(&b, "; CPS mean %s, p90 %s, max %s", formatShort(s.CPS.Mean), formatShort(s.CPS.P90), formatShort(s.CPS.Max))
	if s.CPS.Undefined > 0 {
		fmt.Fprintf(&b, " (%d caption%s without a duration left out)", s.CPS.Undefined, plural(s.CPS.Undefined))
	}
	return b.String()
}

func byRuleText(rc []RuleCount) string {
	parts := make([]string, len(rc))
	for i, c := range rc {
		parts[i] = oneLine(c.Rule) + " " + strconv.Itoa(c.Count)
	}
	return strings.Join(parts, ", ")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return oneLine(s)
}

// oneLine makes s safe for one cell of a tab-separated table: tabs, line
// breaks (including U+0085, U+2028 and U+2029) and other control
// characters become spaces.
func oneLine(s string) string {
	if strings.IndexFunc(s, isBreaking) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBreaking(r) {
			return ' '
		}
		return r
	}, s)
}

func isBreaking(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == '\u2028' || r == '\u2029'
}

// formatShort formats f for people: at most three decimals, trailing zeros
// dropped ("17", "21.429", "0.833").
func formatShort(f float64) string { return string(appendShort(nil, f)) }

func appendShort(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.AppendFloat(b, f, 'g', -1, 64)
	}
	n := len(b)
	b = strconv.AppendFloat(b, f, 'f', 3, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	if string(b[n:]) == "-0" {
		b = append(b[:n], '0')
	}
	return b
}

// formatClock formats d as HH:MM:SS.mmm (hours may exceed 99; negative
// durations get a leading minus), rounding to the millisecond.
func formatClock(d time.Duration) string { return string(appendClock(nil, d)) }

func appendClock(b []byte, d time.Duration) []byte {
	neg := d < 0
	ms := int64(d.Round(time.Millisecond) / time.Millisecond)
	if neg {
		ms = -ms
	}
	h := ms / 3600000
	m := ms / 60000 % 60
	sec := ms / 1000 % 60
	ms %= 1000
	if neg && (h|m|sec|ms) != 0 {
		b = append(b, '-')
	}
	b = appendPad(b, h, 2)
	b = append(b, ':')
	b = appendPad(b, m, 2)
	b = append(b, ':')
	b = appendPad(b, sec, 2)
	b = append(b, '.')
	return appendPad(b, ms, 3)
}

func appendPad(b []byte, n int64, width int) []byte {
	for p := int64(10); width > 1; width-- {
		if n < p {
			b = append(b, '0')
		}
		p *= 10
	}
	return strconv.AppendInt(b, n, 10)
}
