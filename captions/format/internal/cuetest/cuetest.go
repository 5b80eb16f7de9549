// Package cuetest holds test helpers for the SRT and WebVTT packages:
// sample captions in many scripts at every frame rate, and runners for
// the independent readers (FFmpeg, python3-srt, headless Chromium) that
// check what we write, and the benchmarks, fuzz body and round-trip
// checks both formats share (Codec, AssertRoundTrip, AssertCues). It is
// used by tests only.
package cuetest

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// Texts are caption lines in the scripts and punctuation sotcap must
// carry: accents, curly quotes, dashes, ellipsis, Arabic, Cyrillic,
// Greek, Hebrew, CJK, and characters that are markup elsewhere.
func Texts() []string {
	return []string{
		"Café déjà vu — naïve façade",
		"“Curly quotes” and ‘single’ – en dash…",
		"مرحبا بالعالم، كيف حالك؟",
		"Съешь же ещё этих мягких французских булок",
		"Καλημέρα κόσμε",
		"שלום עולם",
		"你好，世界",
		"Straße über Ærø, Łódź, Ñandú",
		"Fish & chips > 5 € — 50% off! 2 < 3",
		"It's 10:30 -- really?",
	}
}

// FrameCaptions returns n captions at rate r whose times are
// r.Duration(frame) of whole frames, with one to three lines from Texts,
// some italic. frames returns each caption's start and end frame.
func FrameCaptions(n int, r timing.Rate) (caps []captions.Caption, frames [][2]timing.Frame) {
	texts := Texts()
	caps = make([]captions.Caption, 0, n)
	frames = make([][2]timing.Frame, 0, n)
	f := timing.Frame(r.Nominal()) // start one second in
	for i := 0; i < n; i++ {
		// Short captions (about 0.6 s) so that 100,000 fit in a day.
		in := f + timing.Frame(i%3)
		out := in + timing.Frame(r.Nominal()/2) + timing.Frame(i%5)
		nl := 1 + i%3
		lines := make([]captions.Line, nl)
		for k := range lines {
			lines[k] = captions.Line{Text: texts[(i+k)%len(texts)], Italic: (i+k)%5 == 0}
		}
		caps = append(caps, captions.Caption{Start: r.Duration(in), End: r.Duration(out), Lines: lines})
		frames = append(frames, [2]timing.Frame{in, out})
		f = out + 1
	}
	return caps, frames
}

// Cue is a cue as an independent reader saw it.
type Cue struct {
	Start, End time.Duration
	// Text is the plain text, lines joined by "\n", markup removed.
	Text string
	// Raw is the text as the reader gave it, where it differs.
	Raw string
	// Voices, Italics, Classes, Line and Align come from Chromium only.
	Voices  []string
	Italics int
	Classes []string
	Line    string
	Align   string
}

// Need skips t when the program is missing, naming the Debian package.
func Need(t testing.TB, prog, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(prog)
	if err != nil {
		t.Skipf("%s not found: install the Debian package %s to run this independent-reader test (CI does)", prog, pkg)
	}
	return p
}

// FFmpeg reads path with FFmpeg and returns its cues as plain text. Any
// warning FFmpeg prints fails the test.
func FFmpeg(t testing.TB, path string) []Cue {
	t.Helper()
	ff := Need(t, "ffmpeg", "ffmpeg")
	cmd := exec.Command(ff, "-nostdin", "-v", "warning", "-i", path, "-c:s", "text", "-f", "srt", "-")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("ffmpeg failed on %s: %v\n%s", path, err, errb.String())
	}
	if s := strings.TrimSpace(errb.String()); s != "" {
		t.Errorf("ffmpeg warned about %s:\n%s", path, s)
	}
	return parsePlainSRT(t, out.Bytes())
}

var ffTime = regexp.MustCompile(`^(\d+):(\d\d):(\d\d),(\d\d\d) --> (\d+):(\d\d):(\d\d),(\d\d\d)$`)

// parsePlainSRT parses the well-formed SRT FFmpeg prints. It is written
// independently of package srt on purpose.
func parsePlainSRT(t testing.TB, b []byte) []Cue {
	t.Helper()
	var cues []Cue
	// FFmpeg's text encoder ends lines inside a cue with CRLF.
	text := strings.ReplaceAll(string(b), "\r\n", "\n")
	blocks := strings.Split(strings.TrimRight(text, "\n"), "\n\n")
	for _, bl := range blocks {
		if bl == "" {
			continue
		}
		ls := strings.Split(bl, "\n")
		if len(ls) < 2 {
			t.Fatalf("ffmpeg output block without timing: %q", bl)
		}
		m := ffTime.FindStringSubmatch(ls[1])
		if m == nil {
			t.Fatalf("ffmpeg output timing %q not understood", ls[1])
		}
		cues = append(cues, Cue{Start: hms(m[1:5]), End: hms(m[5:9]), Text: strings.Join(ls[2:], "\n")})
	}
	return cues
}

func hms(f []string) time.Duration {
	var v [4]int64
	for i, s := range f {
		v[i], _ = strconv.ParseInt(s, 10, 64)
	}
	return time.Duration(v[0])*time.Hour + time.Duration(v[1])*time.Minute + time.Duration(v[2])*time.Second + time.Duration(v[3])*time.Millisecond
}

const pySRT = `
import json, sys, srt
out = []
with open(sys.argv[1], encoding="utf-8") as f:
    for s in srt.parse(f.read()):
        out.append([s.start // __import__("datetime").timedelta(microseconds=1), s.end // __import__("datetime").timedelta(microseconds=1), s.content])
json.dump(out, sys.stdout, ensure_ascii=False)
`

// PythonSRT reads path with the python3-srt library. Text comes back
// raw (with tags); Text holds it with SRT tags and {\an} codes removed.
func PythonSRT(t testing.TB, path string) []Cue {
	t.Helper()
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		t.Skip("/usr/bin/python3 not found: install the Debian packages python3 and python3-srt to run this test (CI does)")
	}
	if err := exec.Command(py, "-c", "import srt").Run(); err != nil {
		t.Skip("python3 module srt not found: install the Debian package python3-srt to run this test (CI does)")
	}
	cmd := exec.Command(py, "-c", pySRT, path)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("python3-srt failed on %s: %v\n%s", path, err, errb.String())
	}
	var raw [][3]any
	if err := json.Unmarshal(out.Bytes(), &raw); err != nil {
		t.Fatalf("python3-srt output: %v", err)
	}
	cues := make([]Cue, len(raw))
	for i, r := range raw {
		s := r[2].(string)
		cues[i] = Cue{
			Start: time.Duration(r[0].(float64)) * time.Microsecond,
			End:   time.Duration(r[1].(float64)) * time.Microsecond,
			Raw:   s,
			Text:  srtTags.ReplaceAllString(s, ""),
		}
	}
	return cues
}

var srtTags = regexp.MustCompile(`</?(?:i|b|u|s)>|<font [^>]*>|</font>|\{\\an\d\}`)

const page = `<!doctype html><html><body><pre id="out">pending</pre>
<script>
const files = %s;
const results = [];
let done = 0;
const enc = (s) => btoa(unescape(encodeURIComponent(s)));
files.forEach((txt, i) => {
  const v = document.createElement('video');
  const tr = document.createElement('track');
  tr.kind = 'subtitles';
  tr.src = URL.createObjectURL(new Blob([txt], {type: 'text/vtt'}));
  v.appendChild(tr);
  document.body.appendChild(v);
  tr.track.mode = 'hidden';
  const fin = (ok) => {
    const cues = [];
    if (ok) for (const c of tr.track.cues) {
      const f = c.getCueAsHTML();
      cues.push({start: c.startTime, end: c.endTime, text: c.text, plain: f.textContent,
        voices: [...f.querySelectorAll('span[title]')].map(s => s.title),
        italics: f.querySelectorAll('i').length,
        classes: [...f.querySelectorAll('span[class]')].map(s => s.className),
        line: String(c.line), align: c.align});
    }
    results[i] = {ok, cues};
    if (++done === files.length) document.getElementById('out').textContent = enc(JSON.stringify(results));
  };
  tr.addEventListener('load', () => fin(true));
  tr.addEventListener('error', () => fin(false));
});
</script></body></html>`

var outRE = regexp.MustCompile(`<pre id="out">([A-Za-z0-9+/=]+)</pre>`)

// Chromium loads each WebVTT text into a <track> of a local page in one
// headless Chromium launch and returns the cues its own parser made.
func Chromium(t testing.TB, files ...string) [][]Cue {
	t.Helper()
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("chromium not found: install the Debian package chromium to run this independent-reader test (CI does)")
	}
	dir := t.TempDir()
	js, err := json.Marshal(files)
	if err != nil {
		t.Fatal(err)
	}
	pagePath := filepath.Join(dir, "page.html")
	if err := os.WriteFile(pagePath, []byte(fmt.Sprintf(page, js)), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--virtual-time-budget=30000", "--dump-dom", "file://"+pagePath)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, tail(errb.String()))
	}
	m := outRE.FindSubmatch(out.Bytes())
	if m == nil {
		t.Fatalf("chromium did not finish loading the tracks; page:\n%s\nstderr:\n%s", tail(out.String()), tail(errb.String()))
	}
	raw, err := base64.StdEncoding.DecodeString(string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	var res []struct {
		OK   bool `json:"ok"`
		Cues []struct {
			Start   float64  `json:"start"`
			End     float64  `json:"end"`
			Text    string   `json:"text"`
			Plain   string   `json:"plain"`
			Voices  []string `json:"voices"`
			Italics int      `json:"italics"`
			Classes []string `json:"classes"`
			Line    string   `json:"line"`
			Align   string   `json:"align"`
		} `json:"cues"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatal(err)
	}
	all := make([][]Cue, len(res))
	for i, r := range res {
		if !r.OK {
			t.Errorf("chromium could not load WebVTT file %d", i)
		}
		for _, c := range r.Cues {
			all[i] = append(all[i], Cue{
				Start: secs(c.Start), End: secs(c.End), Text: c.Plain, Raw: c.Text,
				Voices: c.Voices, Italics: c.Italics, Classes: c.Classes, Line: c.Line, Align: c.Align,
			})
		}
	}
	return all
}

func secs(s float64) time.Duration {
	return time.Duration(s*1e6+0.5) * time.Microsecond
}

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}

// CountArrows counts timing lines ("-->") in a file, to compare with a
// reader's cue count (Chromium drops malformed cues silently).
func CountArrows(b []byte) int {
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.Contains(sc.Text(), " --> ") {
			n++
		}
	}
	return n
}

// Within1ms reports whether got is within 1 ms of want.
func Within1ms(got, want time.Duration) bool {
	d := got - want
	return d <= time.Millisecond && d >= -time.Millisecond
}
