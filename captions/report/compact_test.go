package report

import (
	"bytes"
	"github.com/sotcap/sotcap/captions"
	"testing"
)

// compact turns r into the compact form (Spans and Texts), keeping the
// text of the captions with violations only.
func compact(r FileResult) FileResult {
	c := r
	c.Captions = nil
	c.Spans = make([]Span, len(r.Captions))
	c.Texts = map[int][]captions.Line{}
	for i, cp := range r.Captions {
		c.Spans[i] = Span{cp.Start, cp.End}
	}
	for _, v := range r.Violations {
		if v.Caption > 0 {
			c.Texts[v.Caption] = r.Captions[v.Caption-1].Lines
		}
	}
	return c
}

// TestCompactFormSameReports: the text, JSON and CSV reports of a file in
// the compact form are those of the full form.
func TestCompactFormSameReports(t *testing.T) {
	full := append(sample(), synthetic(700, 4))
	var small []FileResult
	for _, r := range full {
		small = append(small, compact(r))
	}
	for _, f := range []string{ReportText, ReportJSON, ReportCSV} {
		var a, b bytes.Buffer
		if err := Write(&a, f, full); err != nil {
			t.Fatal(err)
		}
		if err := Write(&b, f, small); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("%s: compact form differs:\n%s\nfull:\n%s", f, b.String(), a.String())
		}
	}
	var h bytes.Buffer
	if err := WriteHTML(&h, small); err != nil {
		t.Fatal(err)
	}
}
