package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
)

// TestHTMLMillionCaptionsBounded: a file of 1,000,000 captions (a third of
// them breaking a rule, a thousand malformed, 100,000 shot changes) gives
// a page under 10 MB that still parses, with an aggregated timeline and a
// violations table of at most violationsPerRule rows per rule that says
// how many it leaves out.
func TestHTMLMillionCaptionsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000,000 captions")
	}
	const n = 1_000_000
	r := FileResult{File: "million.srt", Format: "srt", MaxCPS: 17, Spans: make([]Span, n), CPS: make([]float64, n),
		Texts: map[int][]captions.Line{}}
	at := 10 * time.Hour
	for i := range n {
		r.Spans[i] = Span{at, at + 1500*time.Millisecond}
		r.CPS[i] = float64(8 + i%14)
		if i%3 == 0 {
			r.Violations = append(r.Violations, rules.Violation{Caption: i + 1, Rule: rules.RuleCPS, Value: 21, Limit: 17})
			r.Texts[i+1] = []captions.Line{{Text: "<b>too fast</b> & more"}}
		}
		if i%1000 == 999 {
			r.Violations = append(r.Violations, rules.Violation{Rule: rules.RuleMalformed, Line: 4 * i, After: i + 1, Message: "bad arrow"})
		}
		if i%10 == 0 {
			r.Cuts = append(r.Cuts, at)
		}
		at += 2 * time.Second
	}
	var b bytes.Buffer
	if err := WriteHTML(&b, []FileResult{r}); err != nil {
		t.Fatal(err)
	}
	size := b.Len()
	t.Logf("1,000,000 captions: %.2f MB of HTML", float64(size)/(1<<20))
	if size > 10<<20 {
		t.Errorf("page is %d bytes, over 10 MB", size)
	}
	out := b.String()
	if strings.Contains(out, `class="caption-bar`) || !strings.Contains(out, `class="caption-agg`) {
		t.Error("timeline not aggregated")
	}
	if got := strings.Count(out, "<tr"); got > 2*violationsPerRule+1 {
		t.Errorf("%d table rows, want at most %d", got, 2*violationsPerRule+1)
	}
	if !strings.Contains(out, "333134 more characters per second") || !strings.Contains(out, "800 more malformed (not read)") {
		t.Error("the table does not say how many rows it leaves out")
	}
	if !strings.Contains(out, "--format csv") {
		t.Error("no pointer to the CSV and JSON reports")
	}
	if _, err := html.Parse(strings.NewReader(out)); err != nil {
		t.Error(err)
	}
}
