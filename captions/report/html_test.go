package report

import (
	"bufio"
	"bytes"
	"html/template"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
)

// hostile is a file whose every string tries to break out of its context.
func hostile() FileResult {
	s := time.Second
	return FileResult{
		File:    `<script>alert("file")</script>.srt`,
		Format:  `"><img src=x onerror=alert(1)>`,
		Profile: `</style><script>alert(2)</script>`,
		MaxCPS:  17,
		Captions: []captions.Caption{
			caption(s, 3*s, `</title><script>alert(3)</script>`, `"><svg onload=alert(4)>`),
			caption(4*s, 6*s, `]]><!-- & &amp; </rect></svg><a href="javascript:alert(5)">x</a>`),
		},
		CPS:        []float64{30, 5},
		Violations: []rules.Violation{{Caption: 1, Rule: `<b onclick=alert(6)>cps`, Value: 30, Limit: 17}},
		Warnings:   []captions.Warning{{Line: 2, Message: `<iframe src="https://example.com">`}},
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(m *html.Node) {
		if m.Type == html.TextNode {
			b.WriteString(m.Data)
		}
	})
	return b.String()
}

func find(n *html.Node, pred func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(n, func(m *html.Node) {
		if m.Type == html.ElementNode && pred(m) {
			out = append(out, m)
		}
	})
	return out
}

// TestWriteHTMLStructure parses the page as a browser would (the HTML5
// parsing algorithm of x/net/html) and checks what it contains.
func TestWriteHTMLStructure(t *testing.T) {
	results := []FileResult{sample()[0], synthetic(700, 4), hostile(), {File: "empty.vtt"}}
	var b bytes.Buffer
	if err := WriteHTML(&b, results); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	// Self-contained and inert: no scripts, no event handlers, nothing
	// loaded from anywhere.
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "script", "img", "iframe", "link", "object", "embed", "foreignObject":
			t.Errorf("page has a <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") || a.Key == "src" {
				t.Errorf("<%s> has attribute %s=%q", n.Data, a.Key, a.Val)
			}
			if a.Key == "href" && !strings.HasPrefix(a.Val, "#") {
				t.Errorf("<%s> links outside the page: %q", n.Data, a.Val)
			}
		}
	})
	if strings.Contains(strings.ToLower(b.String()), "url(") || strings.Contains(b.String(), "@import") {
		t.Error("CSS refers to an external resource")
	}

	sections := find(doc, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "file") })
	if len(sections) != len(results) {
		t.Fatalf("%d file sections, want %d", len(sections), len(results))
	}
	for i, sec := range sections {
		r := &results[i]
		bars := find(sec, func(n *html.Node) bool { return n.Data == "rect" && hasClass(n, "caption-bar") })
		if len(bars) != len(r.Captions) {
			t.Errorf("%s: %d caption bars, want %d", r.File, len(bars), len(r.Captions))
			continue
		}
		for j, bar := range bars {
			if bar.Namespace != "svg" {
				t.Fatalf("%s: bar %d is not in SVG (namespace %q)", r.File, j+1, bar.Namespace)
			}
			if idx, _ := attr(bar, "data-index"); idx != strconv.Itoa(j+1) {
				t.Errorf("%s: bar %d has data-index %q", r.File, j+1, idx)
			}
			if want := cpsClass(r.CPS[j], r.MaxCPS); !hasClass(bar, want) {
				cls, _ := attr(bar, "class")
				t.Errorf("%s: bar %d (CPS %v) has class %q, want %s", r.File, j+1, r.CPS[j], cls, want)
			}
			title := bar.FirstChild
			if title == nil || title.Data != "title" || title.Namespace != "svg" {
				t.Fatalf("%s: bar %d has no SVG <title>", r.File, j+1)
			}
			tip := textOf(title)
			c := r.Captions[j]
			for _, want := range []string{formatClock(c.Start), formatClock(c.End), c.Text()} {
				if !strings.Contains(tip, want) {
					t.Errorf("%s: bar %d tooltip %q lacks %q", r.File, j+1, tip, want)
				}
			}
			if !math.IsInf(r.CPS[j], 0) && !strings.Contains(tip, formatShort(r.CPS[j])+" CPS") {
				t.Errorf("%s: bar %d tooltip %q lacks its CPS", r.File, j+1, tip)
			}
		}
		cuts := find(sec, func(n *html.Node) bool { return n.Data == "line" && hasClass(n, "shot-change") })
		if len(cuts) != len(r.Cuts) {
			t.Errorf("%s: %d shot-change lines, want %d", r.File, len(cuts), len(r.Cuts))
		}
		rows := find(sec, func(n *html.Node) bool { return n.Data == "tr" && n.Parent.Data == "tbody" })
		// The table shows the first violationsPerRule of each rule.
		var shownViol []rules.Violation
		perRule := map[string]int{}
		for _, v := range r.Violations {
			if perRule[v.Rule]++; perRule[v.Rule] <= violationsPerRule {
				shownViol = append(shownViol, v)
			}
		}
		if len(rows) != len(shownViol) {
			t.Errorf("%s: %d violation rows, want %d", r.File, len(rows), len(shownViol))
			continue
		}
		for j, row := range rows {
			v := shownViol[j]
			cells := find(row, func(n *html.Node) bool { return n.Data == "td" })
			if v.Rule == rules.RuleMalformed {
				if got := textOf(cells[6]); !strings.Contains(got, v.Message) || !strings.Contains(got, "line "+strconv.Itoa(v.Line)) {
					t.Errorf("%s: malformed row %d text %q", r.File, j, got)
				}
				continue
			}
			if got := textOf(cells[0]); got != strconv.Itoa(v.Caption) {
				t.Errorf("%s: row %d caption %q, want %d", r.File, j, got, v.Caption)
			}
			if got := textOf(cells[3]); got != rules.RuleTitle(v.Rule) {
				t.Errorf("%s: row %d rule %q, want %q", r.File, j, got, rules.RuleTitle(v.Rule))
			}
			if got, want := textOf(cells[6]), r.Captions[v.Caption-1].Text(); got != want {
				t.Errorf("%s: row %d text %q, want %q", r.File, j, got, want)
			}
		}
		hist := find(sec, func(n *html.Node) bool { return n.Data == "rect" && hasClass(n, "hist-bar") })
		total := 0
		for _, h := range hist {
			n, err := strconv.Atoi(strings.Fields(textOf(h))[len(strings.Fields(textOf(h)))-2])
			if err != nil {
				t.Fatalf("histogram tooltip %q: %v", textOf(h), err)
			}
			total += n
		}
		if s := Summarize(*r); total != len(r.Captions)-s.CPS.Undefined+countInf(r.CPS) {
			t.Errorf("%s: histogram counts %d captions, want %d", r.File, total, len(r.Captions)-s.CPS.Undefined+countInf(r.CPS))
		}
		if r.MaxCPS > 0 && len(hist) > 0 {
			if lim := find(sec, func(n *html.Node) bool { return n.Data == "line" && hasClass(n, "cps-limit") }); len(lim) != 1 {
				t.Errorf("%s: %d limit lines in the histogram, want 1", r.File, len(lim))
			}
		}
	}
	// The hostile strings arrive as text.
	h2 := find(sections[2], func(n *html.Node) bool { return n.Data == "h2" })
	if got := textOf(h2[0]); got != results[2].File {
		t.Errorf("hostile file name rendered as %q", got)
	}
	if !strings.Contains(textOf(sections[2]), results[2].Warnings[0].Message) {
		t.Error("hostile warning text not shown as text")
	}
}

// countInf counts +Inf values, which the histogram shows in its overflow
// bin though Summarize leaves them out of the statistics.
func countInf(v []float64) int {
	n := 0
	for _, x := range v {
		if math.IsInf(x, 1) {
			n++
		}
	}
	return n
}

// renderTimeline runs writeTimeline into a string.
func renderTimeline(t *testing.T, r *FileResult) (string, timelineCounts) {
	t.Helper()
	hf := buildHTMLFile(0, r)
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	n := writeTimeline(w, &hf, r)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.String(), n
}

func TestHTMLTimelineLayout(t *testing.T) {
	// A file of maxBars captions over a day keeps one bar per caption and
	// at most maxRows rows.
	r := synthetic(maxBars, 5)
	out, n := renderTimeline(t, &r)
	if n.bars != len(r.Captions) || strings.Count(out, `<rect class="caption-bar `) != len(r.Captions) {
		t.Errorf("%d bars, want %d", n.bars, len(r.Captions))
	}
	if n.rows > maxRows+1 || strings.Count(out, "<svg") != n.rows {
		t.Errorf("%d rows, want at most %d", n.rows, maxRows+1)
	}
	// Bars come in caption order (the synthetic file is in order).
	if i := strings.Index(out, `data-index="2"`); i < 0 || i < strings.Index(out, `data-index="1"`) {
		t.Error("bars out of order")
	}
	// Damaged times: negative, huge, end before start. Nothing panics, every
	// caption still has its bar, and the timeline stays bounded.
	d := FileResult{File: "damaged", MaxCPS: 17, Captions: []captions.Caption{
		caption(-time.Hour, time.Second, "a"),
		caption(math.MaxInt64-1, math.MaxInt64, "b"),
		caption(5*time.Second, time.Second, "c"),
		caption(math.MinInt64, math.MinInt64+1, "d"),
	}, CPS: []float64{1, math.Inf(1), math.NaN(), -1}, Cuts: []time.Duration{math.MinInt64, 0, math.MaxInt64}}
	out, n = renderTimeline(t, &d)
	if n.bars != 4 || n.cuts != 3 || n.rows > maxRows+1 || n.conts > maxRows {
		t.Errorf("damaged file: %+v", n)
	}
	if strings.Count(out, "caption-bar") != 4 || strings.Count(out, "shot-change") != 3 {
		t.Errorf("damaged file: output lacks bars or cuts")
	}
	if err := WriteHTML(discard{}, []FileResult{d}); err != nil {
		t.Error(err)
	}
}

// TestAppendEscaped checks the fast escaper against html/template's.
func TestAppendEscaped(t *testing.T) {
	for _, s := range []string{"", "plain", `<a href="x">&'</a>`, "nul\x00byte", "é—«»", "\xff\xfe"} {
		got := string(appendEscaped(nil, s))
		want := template.HTMLEscapeString(s)
		if got != want {
			t.Errorf("appendEscaped(%q) = %q, html/template gives %q", s, got, want)
		}
	}
}

func TestRowSpan(t *testing.T) {
	for _, total := range []time.Duration{0, time.Second, 3 * time.Minute, 8 * time.Hour, 83 * time.Hour, 1000 * time.Hour, math.MaxInt64 / 2} {
		s := rowSpan(total)
		if s <= 0 || total/s > maxRows {
			t.Errorf("rowSpan(%v) = %v: %d rows", total, s, total/s)
		}
	}
	if s := rowSpan(3 * time.Minute); s != time.Minute {
		t.Errorf("rowSpan(3m) = %v, want 1m", s)
	}
}

func TestNiceStep(t *testing.T) {
	for f, want := range map[float64]float64{0: 1, 0.3: 1, 1: 1, 1.2: 2, 3: 5, 7: 10, 10: 10, 11: 20, 260: 500} {
		if got := niceStep(f); got != want {
			t.Errorf("niceStep(%v) = %v, want %v", f, got, want)
		}
	}
}
