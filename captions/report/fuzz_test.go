package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
)

// FuzzWriters feeds arbitrary names, rules, texts, times and CPS values to
// every writer: JSON must parse and give back the strings, CSV must parse
// and give back the fields, and the HTML must parse to exactly one bar per
// caption with the text intact and no element the strings smuggled in.
func FuzzWriters(f *testing.F) {
	f.Add("a.srt", "cps", "Hello\nworld", "second", int64(1e9), int64(2e9), 21.5, 17.0)
	f.Add(`<script>x</script>`, `"rule"`, "</title><svg onload=alert(1)>", "&amp;\x00", int64(-5), int64(0), math.Inf(1), 0.0)
	f.Add("\xff\xfe", "\u2028", "tab\there\r\n", "", int64(math.MaxInt64), int64(math.MinInt64), math.NaN(), -1.0)
	f.Fuzz(func(t *testing.T, file, rule, text1, text2 string, start, end int64, cps, limit float64) {
		c1 := caption(time.Duration(start), time.Duration(end), strings.Split(text1, "\n")...)
		c2 := caption(time.Duration(end), time.Duration(end)+time.Second, text2)
		r := FileResult{
			File: file, Format: "srt", Profile: rule, MaxCPS: limit,
			Captions:   []captions.Caption{c1, c2},
			CPS:        []float64{cps, 3},
			Violations: []rules.Violation{{Caption: 1, Rule: rule, Value: cps, Limit: limit}, {Caption: 2, Rule: rules.RuleGap, Value: 1, Limit: 2}},
			Cuts:       []time.Duration{time.Duration(start)},
			Warnings:   []captions.Warning{{Line: 1, Message: text2}},
		}
		results := []FileResult{r}

		var b bytes.Buffer
		if err := WriteJSON(&b, results); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Files []struct {
				File       string
				Violations []struct {
					Caption int
					Rule    string
					Value   *float64
					Text    string
				}
			}
		}
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatalf("WriteJSON wrote invalid JSON: %v\n%s", err, b.Bytes())
		}
		v := doc.Files[0].Violations[0]
		if doc.Files[0].File != jsonRoundTrip(t, file) || v.Rule != jsonRoundTrip(t, rule) || v.Text != jsonRoundTrip(t, c1.Text()) {
			t.Errorf("JSON strings changed: %q %q %q", doc.Files[0].File, v.Rule, v.Text)
		}
		if finite := !math.IsNaN(cps) && !math.IsInf(cps, 0); finite != (v.Value != nil) || (finite && *v.Value != cps) {
			t.Errorf("JSON value %v for %v", v.Value, cps)
		}

		b.Reset()
		if err := WriteCSV(&b, results); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil || len(rows) != 3 {
			t.Fatalf("CSV: %d rows, %v", len(rows), err)
		}
		if !strings.Contains(file+rule+c1.Text(), "\r") && (rows[1][0] != file || rows[1][4] != rule || rows[1][7] != c1.Text()) {
			t.Errorf("CSV fields changed: %q", rows[1])
		}

		if err := WriteText(&b, results); err != nil {
			t.Fatal(err)
		}

		b.Reset()
		if err := WriteHTML(&b, results); err != nil {
			t.Fatal(err)
		}
		doc2, err := html.Parse(&b)
		if err != nil {
			t.Fatal(err)
		}
		walk(doc2, func(n *html.Node) {
			if n.Type == html.ElementNode {
				switch n.Data {
				case "script", "img", "iframe", "object", "embed", "foreignObject", "style":
					if n.Data != "style" || n.Parent.Data != "head" {
						t.Fatalf("strings smuggled in a <%s>", n.Data)
					}
				}
				for _, a := range n.Attr {
					if strings.HasPrefix(a.Key, "on") {
						t.Fatalf("strings smuggled in an attribute %s", a.Key)
					}
				}
			}
		})
		bars := find(doc2, func(n *html.Node) bool { return n.Data == "rect" && hasClass(n, "caption-bar") })
		if len(bars) != 2 {
			t.Fatalf("%d caption bars, want 2", len(bars))
		}
		cells := find(doc2, func(n *html.Node) bool { return n.Data == "td" && hasClass(n, "text") })
		if len(cells) != 2 {
			t.Fatalf("%d text cells, want 2", len(cells))
		}
		if clean := c1.Text(); utf8.ValidString(clean) && !strings.ContainsAny(clean, "\x00\r\x0c") {
			if got := textOf(cells[0]); got != clean {
				t.Errorf("HTML text cell %q, want %q", got, clean)
			}
			bar := bars[0]
			if idx, _ := attr(bar, "data-index"); idx != "1" {
				bar = bars[1]
			}
			if tip := textOf(bar); !strings.HasSuffix(tip, "\n"+clean) {
				t.Errorf("HTML tooltip %q does not end with the text %q", tip, clean)
			}
		}
	})
}

// jsonRoundTrip is what s reads back as after encoding/json writes it.
func jsonRoundTrip(t *testing.T, s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var out string
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
