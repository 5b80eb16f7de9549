package cuetest

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

	"github.com/stretchr/testify/require"
)

// TTCue is one cue as ttconv read it: a TTML <p>'s times and its text,
// <br/> as a line break.
type TTCue struct {
	Start, End time.Duration
	Text       string
}

// TTConvRead converts file to TTML with ttconv and returns its cues. It
// skips the test when ttconv is not installed, and returns ok false with
// ttconv's output when ttconv cannot read the file.
func TTConvRead(t *testing.T, file string) (cues []TTCue, msg string, ok bool) {
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
			t.Skip("the installed ttconv has no reader for this format (Debian's python3-ttconv 1.0.5 reads no WebVTT; newer ttconv releases do): comparison with ttconv skipped")
		}
		return nil, log.String(), false
	}
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	cues, err = parseTTConvTTML(b)
	require.NoError(t, err, "ttconv's TTML")
	return cues, log.String(), true
}

// parseTTConvTTML reads the <p> elements of ttconv's TTML output: begin and end
// on the <p> (ttconv's SRT and WebVTT readers time paragraphs), text from
// every span, <br/> as "\n".
func parseTTConvTTML(b []byte) ([]TTCue, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var cues []TTCue
	var cur *TTCue
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
				cur = &TTCue{}
				text.Reset()
				for _, a := range e.Attr {
					var err error
					switch a.Name.Local {
					case "begin":
						cur.Start, err = ttconvTime(a.Value)
					case "end":
						cur.End, err = ttconvTime(a.Value)
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
				cur.Text = text.String()
				cues = append(cues, *cur)
				cur = nil
			}
		}
	}
}

// ttconvTime reads a TTML clock time "HH:MM:SS.fff" or an offset "N.Ns".
func ttconvTime(s string) (time.Duration, error) {
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
