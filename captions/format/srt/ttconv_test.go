package srt

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
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

// ttDiff is a known difference between our Reader and ttconv 1.0.5 on
// one file: the kind of difference ("count", "text" or "time"), why ours
// is right, and how ttconv's text becomes ours once the difference is
// taken out (so that the rest of the file is still compared).
type ttDiff struct {
	kind, why string
	theirs    func(string) string
}

// ttconvDiffers lists the files where our Reader and ttconv read
// something else. The test fails when a listed file agrees (the entry is
// stale) or a file differs in another way.
var ttconvDiffers = map[string]ttDiff{
	"alignment.srt": {
		kind: "text",
		why: `ttconv 1.0.5 keeps {\an1}…{\an9} as text; FFmpeg, VLC, mpv and libass read them ` +
			"as position codes and do not show them, as our Reader does (Caption.Row and Align)",
		theirs: func(s string) string { return regexp.MustCompile(`\{\\an[1-9]\}`).ReplaceAllString(s, "") },
	},
	"extended-tags.srt": {
		kind: "text",
		why: "ttconv reads <bold>…</bold> (a tag no SRT player defines) as bold and drops the tags; " +
			"our Reader knows the tags players share (<b>, <i>, <u>, <s>, <font>) and keeps any other " +
			"<…> as text, so nothing is dropped unseen (FFmpeg drops unknown tags: an open question " +
			"for the reader, which `check` could warn about)",
		theirs: func(s string) string { return strings.Replace(s, " my ", " <bold>my</bold> ", 1) },
	},
}

// TestReaderAgreesWithTTConv reads ttconv's own SRT test files with our
// Reader and with ttconv's: the same cues, text and times (within 1 ms).
// ttconv puts a line break before a styled line that follows nothing
// (`<br/><span italic>`); leading and trailing line breaks are therefore
// not compared.
func TestReaderAgreesWithTTConv(t *testing.T) {
	files, err := filepath.Glob("testdata/ttconv/*.srt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			theirs, log, ok := ttconvRead(t, f)
			require.True(t, ok, "ttconv cannot read %s:\n%s", f, log)
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			ours, _ := readAll(t, string(b))
			known, listed := ttconvDiffers[name]
			kinds := compareTTConv(ours, theirs, nil)
			if !listed {
				assert.Empty(t, kinds, "our Reader and ttconv differ on %s", name)
				return
			}
			assert.Equal(t, []string{known.kind}, kinds, "%s is listed as differing in %s (%s)", name, known.kind, known.why)
			assert.Empty(t, compareTTConv(ours, theirs, known.theirs), "%s: with the listed difference taken out, the rest agrees", name)
			t.Logf("%s differs as listed: %s", name, known.why)
		})
	}
}

// compareTTConv returns the kinds of difference between ours and theirs
// (each kind once, with the details logged by the caller's assertions),
// after fix (when not nil) is applied to ttconv's text.
func compareTTConv(ours []captions.Caption, theirs []ttCue, fix func(string) string) []string {
	var kinds []string
	add := func(k string) {
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	if len(ours) != len(theirs) {
		add("count")
	}
	for i := 0; i < len(ours) && i < len(theirs); i++ {
		c, tc := ours[i], theirs[i]
		var lines []string
		for _, l := range c.Lines {
			lines = append(lines, l.Text)
		}
		text := strings.Trim(tc.text, "\n")
		if fix != nil {
			text = fix(text)
		}
		if strings.Join(lines, "\n") != text {
			add("text")
		}
		if (c.Start-tc.start).Abs() > time.Millisecond || (c.End-tc.end).Abs() > time.Millisecond {
			add("time")
		}
	}
	return kinds
}
