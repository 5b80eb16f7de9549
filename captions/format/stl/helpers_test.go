package stl

import (
	"bytes"
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

// fixed is the creation date used for deterministic files.
var fixed = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

// at returns the time of label hh:mm:ss:ff at rate r (drop-frame labels
// when drop).
func at(r timing.Rate, drop bool, h, m, s, f int) time.Duration {
	n, ok := labelFrame(timing.Timecode{H: h, M: m, S: s, F: f, Drop: drop}, r)
	if !ok {
		panic(fmt.Sprintf("bad label %02d:%02d:%02d:%02d", h, m, s, f))
	}
	return r.Duration(n)
}

// cap1 builds a caption from lines of text.
func cap1(start, end time.Duration, lines ...string) captions.Caption {
	c := captions.Caption{Start: start, End: end}
	for _, l := range lines {
		c.Lines = append(c.Lines, captions.Line{Text: l})
	}
	return c
}

// mustEncode writes doc or fails the test.
func mustEncode(t testing.TB, doc captions.Document, o Options) ([]byte, []captions.Warning) {
	t.Helper()
	if o.Created.IsZero() {
		o.Created = fixed
	}
	if o.Country == "" {
		o.Country = "GBR"
	}
	b, w, err := Encode(doc, o)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return b, w
}

// sameCaptions compares what was written with what was read: times to the
// frame at rate, text, italics, colours; Row and Align only when the input
// set them.
func sameCaptions(t *testing.T, r timing.Rate, want, got []captions.Caption) {
	t.Helper()
	if len(want) != len(got) {
		t.Fatalf("read %d captions, wrote %d", len(got), len(want))
	}
	for i := range want {
		w, g := want[i], got[i]
		if r.Frames(w.Start) != r.Frames(g.Start) || r.Frames(w.End) != r.Frames(g.End) {
			t.Errorf("caption %d: times %v–%v, want %v–%v", i+1, g.Start, g.End, w.Start, w.End)
		}
		if len(w.Lines) != len(g.Lines) {
			t.Errorf("caption %d: %d lines %q, want %d %q", i+1, len(g.Lines), g.Text(), len(w.Lines), w.Text())
			continue
		}
		for j := range w.Lines {
			wl, gl := w.Lines[j], g.Lines[j]
			wl.Speaker = ""
			if wl != gl {
				t.Errorf("caption %d line %d: %+v, want %+v", i+1, j+1, gl, wl)
			}
		}
		if w.Row != 0 && w.Row != g.Row {
			t.Errorf("caption %d: row %d, want %d", i+1, g.Row, w.Row)
		}
		if w.Align != captions.AlignDefault && w.Align != g.Align {
			t.Errorf("caption %d: align %d, want %d", i+1, g.Align, w.Align)
		}
	}
}

// ttconvCue is one cue as ttconv's SRT output gives it.
type ttconvCue struct {
	start, end time.Duration
	text       string
}

// srtTime matches ttconv's SRT time line. ttconv 1.0.5 writes 2.9997 s as
// "00:00:02,1000" (it rounds the milliseconds without carrying), so the
// fraction may have four digits; it is read as a count of milliseconds.
var srtTime = regexp.MustCompile(`^(\d+):(\d\d):(\d\d),(\d{3,4}) --> (\d+):(\d\d):(\d\d),(\d{3,4})$`)

// ttconv converts an STL file with the independent reader and returns its
// cues, or skips the test when ttconv is not installed.
func ttconv(t *testing.T, stl []byte) []ttconvCue {
	t.Helper()
	bin, err := exec.LookPath("ttconv")
	if err != nil {
		t.Skip("ttconv not installed (Debian package python3-ttconv): independent STL check skipped")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "out.stl"), filepath.Join(dir, "back.srt")
	if err := os.WriteFile(in, stl, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "convert", "-i", in, "-o", out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("ttconv: %v\n%s", err, stderr.String())
	}
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(l, "WARNING") || strings.Contains(l, "ERROR") {
			t.Errorf("ttconv: %s", l)
		}
	}
	srt, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var cues []ttconvCue
	blocks := strings.Split(strings.ReplaceAll(string(srt), "\r\n", "\n"), "\n\n")
	for _, b := range blocks {
		ls := strings.Split(strings.Trim(b, "\n"), "\n")
		if len(ls) < 2 {
			continue
		}
		m := srtTime.FindStringSubmatch(ls[1])
		if m == nil {
			t.Fatalf("ttconv SRT: bad time line %q", ls[1])
		}
		d := func(i int) time.Duration {
			h, _ := strconv.Atoi(m[i])
			mi, _ := strconv.Atoi(m[i+1])
			s, _ := strconv.Atoi(m[i+2])
			ms, _ := strconv.Atoi(m[i+3])
			return time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(s)*time.Second + time.Duration(ms)*time.Millisecond
		}
		text := strings.Join(ls[2:], "\n")
		cues = append(cues, ttconvCue{d(1), d(5), text})
	}
	return cues
}
