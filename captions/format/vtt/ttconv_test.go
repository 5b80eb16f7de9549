package vtt

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions"
)

// ttCue is one cue as ttconv read it: a TTML <p>'s times and its text,
// <br/> as a line break.
type ttCue struct {
	start, end time.Duration
	text       string
}

// ttconvRead converts file to TTML with ttconv and returns its cues. It
// skips the test when ttconv is not installed, and returns ok false with
// ttconv's output when ttconv cannot read the file.
func ttconvRead(t *testing.T, file string) (cues []ttCue, msg string, ok bool) {
	t.Helper()
	bin, err := exec.LookPath("ttconv")
	if err != nil {
		t.Skip("ttconv not installed (Debian package python3-ttconv): comparison with ttconv's reader skipped")
	}
	out := filepath.Join(t.TempDir(), "out.ttml")
	cmd := exec.Command(bin, "convert", "-i", file, "-o", out)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Run(); err != nil {
		if strings.Contains(log.String(), "is not supported") {
			t.Skip("the installed ttconv has no WebVTT reader (Debian's python3-ttconv 1.0.5; newer ttconv releases on PyPI have one): comparison with ttconv skipped")
		}
		return nil, log.String(), false
	}
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	cues, err = parseTTML(b)
	require.NoError(t, err, "ttconv's TTML")
	return cues, log.String(), true
}

// parseTTML reads the <p> elements of ttconv's TTML output: begin and end
// on the <p> (ttconv's SRT and WebVTT readers time paragraphs), text from
// every span, <br/> as "\n".
func parseTTML(b []byte) ([]ttCue, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var cues []ttCue
	var cur *ttCue
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return cues, nil
			}
			return nil, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "p":
				cur = &ttCue{}
				text.Reset()
				for _, a := range e.Attr {
					var err error
					switch a.Name.Local {
					case "begin":
						cur.start, err = ttmlTime(a.Value)
					case "end":
						cur.end, err = ttmlTime(a.Value)
					}
					if err != nil {
						return nil, err
					}
				}
			case "br":
				text.WriteByte('\n')
			case "span":
				for _, a := range e.Attr {
					if a.Name.Local == "begin" || a.Name.Local == "end" {
						return nil, fmt.Errorf("timed span: this parser reads times on <p> only")
					}
				}
			}
		case xml.CharData:
			if cur != nil {
				text.Write(e)
			}
		case xml.EndElement:
			if e.Name.Local == "p" && cur != nil {
				cur.text = text.String()
				cues = append(cues, *cur)
				cur = nil
			}
		}
	}
}

// ttmlTime reads a TTML clock time "HH:MM:SS.fff" or an offset "N.Ns".
func ttmlTime(s string) (time.Duration, error) {
	if v, ok := strings.CutSuffix(s, "s"); ok && !strings.Contains(v, ":") {
		f, err := strconv.ParseFloat(v, 64)
		return time.Duration(f * float64(time.Second)), err
	}
	p := strings.Split(s, ":")
	if len(p) != 3 {
		return 0, fmt.Errorf("TTML time %q", s)
	}
	h, err1 := strconv.Atoi(p[0])
	m, err2 := strconv.Atoi(p[1])
	sec, err3 := strconv.ParseFloat(p[2], 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, fmt.Errorf("TTML time %q", s)
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec*float64(time.Second)+0.5), nil
}

// ttconvFile is what a file of ttconv's WebVTT tests holds, read from
// the file by the W3C parsing algorithm (not from our Reader's output):
// the cues' text, or that the file is refused.
type ttconvFile struct {
	texts   []string // each cue's lines joined by "\n"
	refused bool     // not a WebVTT file: both readers refuse it
}

var ttconvFiles = map[string]ttconvFile{
	"valid-alignment.vtt": {texts: []string{
		"horizontal left; vertical top", "horizontal start; vertical middle", "horizontal center; vertical bottom",
		"horizontal middle; vertical top", "horizontal middle; vertical middle", "horizontal middle; vertical bottom",
		"horizontal right; vertical top", "horizontal end; vertical middle", "horizontal right; vertical bottom"}},
	"valid-font.vtt":     {texts: []string{"Normal", "Italic", "- Partial Italic\n- Normal"}},
	"valid-position.vtt": {texts: []string{"p75 s25", "p75,l s25", "p75 s25", "p75,l s25"}},
	// The STYLE block is not a cue; the three lines are one cue's text.
	"valid-style.vtt": {texts: []string{"This\nis\nrow 18"}},
	// "vtt" is not the "WEBVTT" signature.
	"invalid-bad-signature.vtt": {refused: true},
}

// ttconvDiffers lists the files where our Reader and a ttconv with a
// WebVTT reader read something else, and why; none is known (Debian's
// ttconv 1.0.5 cannot read WebVTT, so this table has not been checked
// against a ttconv with a WebVTT reader yet).
var ttconvDiffers = map[string]string{}

// TestReaderReadsTTConvFiles reads ttconv's WebVTT test files with our
// Reader: the cues the W3C algorithm finds in them.
func TestReaderReadsTTConvFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/ttconv/*.vtt")
	require.NoError(t, err)
	require.Len(t, files, len(ttconvFiles))
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			want, ok := ttconvFiles[name]
			require.True(t, ok, "%s has no expectation in ttconvFiles", name)
			ours, err := readTTConvFile(t, f)
			if want.refused {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, want.texts, cueTexts(ours))
		})
	}
}

// TestReaderAgreesWithTTConv compares our Reader with ttconv's WebVTT
// reader on the same files: cue count, text and times (within 1 ms), or
// both refusing the file. ttconv's leading and trailing line breaks are
// not compared (it puts one before a styled line that starts a cue).
func TestReaderAgreesWithTTConv(t *testing.T) {
	files, err := filepath.Glob("testdata/ttconv/*.vtt")
	require.NoError(t, err)
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			theirs, log, ok := ttconvRead(t, f)
			ours, err := readTTConvFile(t, f)
			if why, listed := ttconvDiffers[name]; listed {
				t.Skipf("%s differs as listed: %s", name, why)
			}
			if !ok || err != nil {
				assert.Equal(t, !ok, err != nil, "one reader refuses %s and the other does not (ours: %v; ttconv: %s)", name, err, log)
				return
			}
			require.Len(t, ours, len(theirs), "cue count")
			for i, c := range ours {
				tc := theirs[i]
				assert.Equal(t, strings.Trim(tc.text, "\n"), cueTexts(ours[i : i+1])[0], "cue %d text", i+1)
				assert.InDelta(t, tc.start, c.Start, float64(time.Millisecond), "cue %d start", i+1)
				assert.InDelta(t, tc.end, c.End, float64(time.Millisecond), "cue %d end", i+1)
			}
		})
	}
}

func readTTConvFile(t *testing.T, f string) ([]captions.Caption, error) {
	t.Helper()
	b, err := os.ReadFile(f)
	require.NoError(t, err)
	r := NewReader(bytes.NewReader(b))
	r.File = f
	return r.ReadAll()
}

// cueTexts returns each caption's lines joined by "\n".
func cueTexts(caps []captions.Caption) []string {
	var s []string
	for _, c := range caps {
		var lines []string
		for _, l := range c.Lines {
			lines = append(lines, l.Text)
		}
		s = append(s, strings.Join(lines, "\n"))
	}
	return s
}
