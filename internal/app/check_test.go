package app

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

func runCheck(t *testing.T, o CheckOptions) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := RunCheck(o, IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	code := 0
	var ee *ExitError
	if errors.As(err, &ee) {
		code = ee.Code
	} else if err != nil {
		t.Fatalf("RunCheck: %v", err)
	}
	return out.String(), errb.String(), code
}

// The SRT: 3 cues, the second with a "->" arrow.
const brokenArrowSRT = "1\n00:00:01,000 --> 00:00:03,000\nOne line.\n\n" +
	"2\n00:00:04,000 -> 00:00:06,000\nBroken arrow.\n\n" +
	"3\n00:00:07,000 --> 00:00:09,000\nThree.\n"

// TestCheckMalformedInEveryFormat: a cue the reader skips is a malformed
// violation with its line, in every report, and exit status 1.
func TestCheckMalformedInEveryFormat(t *testing.T) {
	name := writeTemp(t, "arrow.srt", brokenArrowSRT)
	for _, f := range []string{"text", "json", "csv", "html"} {
		t.Run(f, func(t *testing.T) {
			out, _, code := runCheck(t, CheckOptions{Files: []string{name}, Format: f})
			assert.Equal(t, ExitViolation, code)
			switch f {
			case "json":
				var doc struct {
					Files []struct {
						Captions   int
						Malformed  int
						Violations []map[string]any
					}
				}
				require.NoError(t, json.Unmarshal([]byte(out), &doc))
				fr := doc.Files[0]
				assert.Equal(t, 2, fr.Captions)
				assert.Equal(t, 1, fr.Malformed)
				var mal []map[string]any
				for _, v := range fr.Violations {
					if v["rule"] == "malformed" {
						mal = append(mal, v)
					}
				}
				require.Len(t, mal, 1)
				assert.EqualValues(t, 6, mal[0]["line"], "the cue's timing line")
				assert.EqualValues(t, 1, mal[0]["after"])
			case "csv":
				rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
				require.NoError(t, err)
				found := false
				for _, r := range rows[1:] {
					if r[4] == "malformed" && r[9] == "6" && r[10] != "" {
						found = true
					}
				}
				assert.True(t, found, "no malformed row with line 6 in\n%s", out)
			case "text":
				assert.Contains(t, out, "malformed")
				assert.Contains(t, out, "line 6 (after caption 1)")
				assert.Contains(t, out, "1 caption could not be read")
			case "html":
				assert.Contains(t, out, "malformed (not read)")
				assert.Contains(t, out, "line 6 (after caption 1)")
			}
		})
	}
}

// TestCheckStrictSyntax: --strict-syntax makes the file unreadable.
func TestCheckStrictSyntax(t *testing.T) {
	name := writeTemp(t, "arrow.srt", brokenArrowSRT)
	_, stderr, code := runCheck(t, CheckOptions{Files: []string{name}, Format: "text", StrictSyntax: true})
	assert.Equal(t, ExitBadInput, code)
	assert.Contains(t, stderr, "arrow.srt:6")
}

// TestCheckVTTTwoDigitMilliseconds: the WebVTT whose every cue has
// two-digit milliseconds is six malformed captions, not "no violations".
func TestCheckVTTTwoDigitMilliseconds(t *testing.T) {
	var b strings.Builder
	b.WriteString("WEBVTT\n\n")
	for i := 0; i < 6; i++ {
		b.WriteString("00:00:0" + string(rune('1'+i)) + ".00 --> 00:00:0" + string(rune('2'+i)) + ".50\nText\n\n")
	}
	name := writeTemp(t, "ms.vtt", b.String())
	out, _, code := runCheck(t, CheckOptions{Files: []string{name}, Format: "text"})
	assert.Equal(t, ExitViolation, code)
	assert.Contains(t, out, "0 captions")
	assert.Contains(t, out, "6 violations (malformed 6)")
	assert.Contains(t, out, "line 3 (before the first caption)")
}

// TestCheckStatesFrameRate: the report says which rate the frame rules
// used and where it came from.
func TestCheckStatesFrameRate(t *testing.T) {
	name := writeTemp(t, "ok.srt", "1\n00:00:01,000 --> 00:00:03,000\nHello.\n")
	out, _, _ := runCheck(t, CheckOptions{Files: []string{name}, Format: "text"})
	assert.Contains(t, out, "frame rate: 25 fps (assumed")
	out, _, _ = runCheck(t, CheckOptions{Files: []string{name}, Format: "text", FPS: "29.97"})
	assert.Contains(t, out, "frame rate: 29.97 fps (from --fps)")
}

// TestCheckFrameRateFromFile: a file that declares its frame rate (SCC's
// NTSC timecodes, TTML's ttp:frameRate) is checked at that rate, not at
// an assumed 25 fps; --fps still wins.
func TestCheckFrameRateFromFile(t *testing.T) {
	scc := writeTemp(t, "pop.scc", "Scenarist_SCC V1.0\n\n00:00:01;00\t9420 9420 94ae 94ae c8e5 ecec efae 942f 942f\n\n00:00:03;00\t942c 942c\n")
	out, _, _ := runCheck(t, CheckOptions{Files: []string{scc}, Format: "text"})
	assert.Contains(t, out, "frame rate: 29.97 fps (from the SCC timecodes")
	ttml := writeTemp(t, "rate.ttml", `<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" ttp:frameRate="24" xml:lang="en">
<body><div><p begin="00:00:01:00" end="00:00:02:12">Hello.</p></div></body></tt>
`)
	out, _, _ = runCheck(t, CheckOptions{Files: []string{ttml}, Format: "text"})
	assert.Contains(t, out, "frame rate: 24 fps (from the document's frame rate")
	out, _, _ = runCheck(t, CheckOptions{Files: []string{ttml}, Format: "text", FPS: "25"})
	assert.Contains(t, out, "frame rate: 25 fps (from --fps)")
}

// TestCheckEndlessInput: /dev/zero is refused at once, without reading
// it all.
func TestCheckEndlessInput(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	_, stderr, code := runCheck(t, CheckOptions{Files: []string{"/dev/zero"}, Format: "text"})
	assert.Equal(t, ExitBadInput, code)
	assert.Contains(t, stderr, "not a caption file sotcap reads")
}

// A regular file over the limit is refused by its size, without reading it
// (a sparse file makes it cheap to test).
func TestCheckHugeFileUnread(t *testing.T) {
	name := t.TempDir() + "/huge.srt"
	f, err := os.Create(name)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(maxCheckFile+1))
	require.NoError(t, f.Close())
	_, stderr, code := runCheck(t, CheckOptions{Files: []string{name}, Format: "text"})
	assert.Equal(t, ExitBadInput, code)
	assert.Contains(t, stderr, "larger than")
}

// What a reader skips that may have been a cue is malformed, with its line
// and reason; what a browser merely ignores (an old Region: header line)
// is a warning, not a violation.
func TestCheckSkippedVersusIgnored(t *testing.T) {
	dir := t.TempDir()
	vtt := filepath.Join(dir, "region.vtt")
	require.NoError(t, os.WriteFile(vtt, []byte("WEBVTT\nRegion: id=a width=40%\n\n00:01.000 --> 00:03.000\nHello there.\n"), 0o644))
	out, _, code := runCheck(t, CheckOptions{Files: []string{vtt}, Format: "json"})
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, `"malformed": 0`)
	assert.Contains(t, out, `"violations": []`)

	srt := filepath.Join(dir, "stray.srt")
	require.NoError(t, os.WriteFile(srt, []byte("stray words\nmore words\n\n1\n00:00:01,000 --> 00:00:03,000\nHello there.\n\n2\n00:00:04,000 --> 00:00:06,000\nAnd again.\n"), 0o644))
	out, _, code = runCheck(t, CheckOptions{Files: []string{srt}, Format: "json"})
	assert.Equal(t, ExitViolation, code, out)
	assert.Contains(t, out, `"rule": "malformed"`)
	assert.Contains(t, out, `"line": 1`)
	assert.Contains(t, out, "not a cue number, timing line or cue text")
}
