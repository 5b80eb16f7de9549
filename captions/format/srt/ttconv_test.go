package srt

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetest"
)

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
			theirs, log, ok := cuetest.TTConvRead(t, f)
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
func compareTTConv(ours []captions.Caption, theirs []cuetest.TTCue, fix func(string) string) []string {
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
		text := strings.Trim(tc.Text, "\n")
		if fix != nil {
			text = fix(text)
		}
		if strings.Join(lines, "\n") != text {
			add("text")
		}
		if (c.Start-tc.Start).Abs() > time.Millisecond || (c.End-tc.End).Abs() > time.Millisecond {
			add("time")
		}
	}
	return kinds
}
