package report

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// probe runs in the page under test: it records every error event
// (script errors and failed resource loads) from the start, and after
// load writes what the browser rendered into the DOM, which --dump-dom
// prints: the caption-bar count in #rendered-count and details in #probe.
const probe = `<script>
window.__qcErrors = [];
window.addEventListener('error', function (e) {
  window.__qcErrors.push(String(e.message || ('failed to load ' + (e.target && (e.target.src || e.target.href || e.target.tagName)))));
}, true);
window.addEventListener('load', function () {
  var out = {errors: window.__qcErrors, files: []};
  document.querySelectorAll('section.file').forEach(function (s) {
    var f = {bars: 0, svg: 0, drawn: 0, red: 0, cuts: 0, rows: 0, histBars: 0};
    s.querySelectorAll('rect.caption-bar').forEach(function (b) {
      f.bars++;
      if (b instanceof SVGRectElement) {
        f.svg++;
        var bb = b.getBBox();
        if (bb.width > 0 && bb.height > 0) f.drawn++;
      }
      if (getComputedStyle(b).fill === 'rgb(215, 38, 61)') f.red++;
    });
    f.cuts = s.querySelectorAll('svg line.shot-change').length;
    f.rows = s.querySelectorAll('table.violations tbody tr').length;
    f.histBars = s.querySelectorAll('svg.histogram rect.hist-bar').length;
    out.files.push(f);
  });
  var c = document.createElement('div');
  c.id = 'rendered-count';
  c.textContent = String(document.querySelectorAll('rect.caption-bar').length);
  var p = document.createElement('pre');
  p.id = 'probe';
  p.textContent = JSON.stringify(out);
  document.body.appendChild(c);
  document.body.appendChild(p);
});
</script>
`

func chromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestHTMLInChromium opens a report in headless Chromium (one launch) and
// checks from the dumped DOM that every caption became a drawn SVG bar,
// that the CSS colours applied, and that nothing raised an error.
func TestHTMLInChromium(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("chromium not found (set CHROMIUM or install it: apt-get install chromium); CI installs it")
	}
	results := []FileResult{sample()[0], synthetic(5000, 6), hostile(), {File: "empty.vtt"}}
	var page bytes.Buffer
	if err := WriteHTML(&page, results); err != nil {
		t.Fatal(err)
	}
	const anchor = `<meta charset="utf-8">`
	src, ok := strings.CutPrefix(page.String(), "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"+anchor)
	if !ok {
		t.Fatal("page does not start with the expected head; cannot place the probe first")
	}
	src = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n" + anchor + probe + src

	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run",
		"--user-data-dir="+filepath.Join(dir, "profile"),
		"--virtual-time-budget=5000", "--dump-dom",
		(&url.URL{Scheme: "file", Path: file}).String())
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, tail(stderr.String(), 2000))
	}
	dom, err := html.Parse(&stdout)
	if err != nil {
		t.Fatal(err)
	}
	byID := func(id string) string {
		nodes := find(dom, func(n *html.Node) bool { v, _ := attr(n, "id"); return v == id })
		if len(nodes) != 1 {
			t.Fatalf("dumped DOM has %d #%s elements; did the page load? stderr:\n%s", len(nodes), id, tail(stderr.String(), 2000))
		}
		return textOf(nodes[0])
	}
	total := 0
	for _, r := range results {
		total += len(r.Captions)
	}
	if got := byID("rendered-count"); got != strconv.Itoa(total) {
		t.Errorf("rendered %s caption bars, want %d", got, total)
	}
	var out struct {
		Errors []string
		Files  []struct{ Bars, SVG, Drawn, Red, Cuts, Rows, HistBars int }
	}
	if err := json.Unmarshal([]byte(byID("probe")), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Errors) > 0 {
		t.Errorf("page errors: %q", out.Errors)
	}
	if len(out.Files) != len(results) {
		t.Fatalf("browser saw %d file sections, want %d", len(out.Files), len(results))
	}
	for i, f := range out.Files {
		r := &results[i]
		red := 0
		for _, v := range r.CPS {
			if cpsClass(v, r.MaxCPS) == "cps-over" {
				red++
			}
		}
		n := len(r.Captions)
		if f.Bars != n || f.SVG != n || f.Drawn != n {
			t.Errorf("%s: %d bars, %d SVG rects, %d drawn with a size; want %d each", r.File, f.Bars, f.SVG, f.Drawn, n)
		}
		if f.Red != red {
			t.Errorf("%s: %d bars painted red, want %d (over %v CPS)", r.File, f.Red, red, r.MaxCPS)
		}
		// The page lists at most violationsPerRule rows of each rule (the
		// CSV and JSON reports keep every one).
		perRule := map[string]int{}
		for _, v := range r.Violations {
			perRule[v.Rule]++
		}
		rows := 0
		for _, n := range perRule {
			rows += min(n, violationsPerRule)
		}
		if f.Cuts != len(r.Cuts) || f.Rows != rows {
			t.Errorf("%s: %d shot changes and %d violation rows, want %d and %d", r.File, f.Cuts, f.Rows, len(r.Cuts), rows)
		}
		if n > 0 && f.HistBars == 0 {
			t.Errorf("%s: no histogram bars", r.File)
		}
	}
	if !t.Failed() {
		t.Logf("chromium rendered %d caption bars in %d files without errors", total, len(results))
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
