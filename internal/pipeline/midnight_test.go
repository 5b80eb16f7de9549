package pipeline

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/timing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shiftedSample is the sample EDL without its last event (a GV after SOT
// 3), with record times moved so that SOT 3's window ends at end.
func shiftedSample(t *testing.T, end string) []byte {
	t.Helper()
	b, err := os.ReadFile(sampleDir + "haftar_moscow_package.edl")
	require.NoError(t, err)
	r := timing.Rate25()
	tc := func(s string) timing.Frame {
		n, err := timing.ParseTimecode(s, r, false)
		require.NoError(t, err, s)
		return n
	}
	want := tc(end)
	blocks := strings.Split(string(b), "\n\n")
	var kept []string
	var delta timing.Frame
	for _, blk := range blocks {
		if strings.HasPrefix(blk, "013") {
			delta = want - tc(strings.Fields(blk)[7])
		}
		if !strings.HasPrefix(blk, "014") {
			kept = append(kept, blk)
		}
	}
	var out []string
	for _, l := range strings.Split(strings.Join(kept, "\n\n"), "\n") {
		f := strings.Fields(l)
		if len(f) >= 8 && f[0] >= "000" && f[0] <= "999" && len(f[0]) == 3 {
			for _, i := range []int{6, 7} {
				l = strings.Replace(l, " "+f[i], " "+timing.FormatTimecode(tc(f[i])+delta, r, false), 1)
			}
		}
		if strings.HasPrefix(l, "* LOC:") {
			l = strings.Replace(l, f[2], timing.FormatTimecode(tc(f[2])+delta, r, false), 1)
		}
		out = append(out, l)
	}
	return []byte(strings.Join(out, "\n"))
}

// A SOT window that ends at or just before midnight gives captions that
// end by the day's last frame, so that EBU STL (which labels times within
// one day) is written without error.
func TestCaptionsStopAtMidnight(t *testing.T) {
	for _, end := range []string{"24:00:00:00", "23:59:59:24", "23:59:58:00", "23:59:50:00"} {
		opts := sampleOptions(t)
		res, err := run(t, sampleInputs(t, shiftedSample(t, end)), opts)
		require.NoError(t, err, end)
		last := res.Document.Captions[len(res.Document.Captions)-1]
		day := opts.Rate.Duration(opts.Rate.Frames(24*time.Hour) - 1)
		assert.LessOrEqual(t, last.End, day, end)
		files, _, err := res.Render([]string{"stl"}, []string{"x.stl"}, opts)
		require.NoError(t, err, end)
		f, err := stl.Decode(files[".stl"], stl.ReadOptions{})
		require.NoError(t, err, end)
		assert.Len(t, f.Document.Captions, len(res.Document.Captions), end)
	}
}

// With STL among the formats, every language's lines fit a Teletext row
// (37 cells), also in CJK counting where a Latin letter counts ½, so that
// STL never fails at the end.
func TestSTLRowFitsEveryLanguage(t *testing.T) {
	for _, lang := range []string{"en", "zh-Hans", "ja", "ko", "fr"} {
		opts := sampleOptions(t)
		opts.Language, opts.Rules.Language = lang, lang
		opts.Formats = []string{"srt", "stl"}
		res, err := run(t, sampleInputs(t, nil), opts)
		require.NoError(t, err, lang)
		for _, c := range res.Document.Captions {
			for _, l := range c.Lines {
				assert.LessOrEqual(t, len([]rune(l.Text)), 37, "%s: %q", lang, l.Text)
			}
		}
		_, _, err = res.Render([]string{"srt", "stl"}, []string{"x.srt", "x.stl"}, opts)
		assert.NoError(t, err, lang)
	}
}
