package convert

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions/format"
	"github.com/sotcap/sotcap/internal/app"
)

func TestOutNameDropsTheInputFormatsExtension(t *testing.T) {
	vtt, _ := format.ByName("vtt")
	srt, _ := format.ByName("srt")
	cases := []struct {
		in   string
		to   format.Format
		want string
	}{
		{"a/news.srt", vtt, "out/news.vtt"},
		{"news.SRT", vtt, "out/news.vtt"},
		{"news.ebu-tt-d.xml", srt, "out/news.srt"}, // the format's two-part extension
		{"news.en.vtt", srt, "out/news.en.srt"},
		{"captions.txt", vtt, "out/captions.vtt"},
		{"noext", vtt, "out/noext.vtt"},
		{".srt", vtt, "out/.vtt"},
	}
	for _, tc := range cases {
		assert.Equal(t, filepath.FromSlash(tc.want), outName("out", tc.in, tc.to), tc.in)
	}
}

func TestPlanManyRefusesClashesBeforeConverting(t *testing.T) {
	vtt, _ := format.ByName("vtt")
	jobs, err := planMany([]string{"a/x.srt", "b/y.srt"}, "out", vtt)
	require.NoError(t, err)
	assert.Equal(t, []convertJob{{in: "a/x.srt", out: filepath.Join("out", "x.vtt")}, {in: "b/y.srt", out: filepath.Join("out", "y.vtt")}}, jobs)

	_, err = planMany([]string{"a/x.srt", "b/x.srt", "c/y.srt", "./c/../a/x.srt"}, "out", vtt)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "out/x.vtt from a/x.srt and b/x.srt and ./c/../a/x.srt")

	_, err = planMany([]string{"d/x.srt", "d/y.vtt"}, "d", vtt)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "d/y.vtt would replace itself")
}

// A cancelled run (SIGINT) converts nothing more, lists what it did not
// convert and returns the cancellation, which main turns into 130.
func TestConvertManyStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.srt")
	writeFile(t, in, twoCues)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	err := Run(Options{Args: []string{in}, OutDir: filepath.Join(dir, "out"), To: "vtt"}, app.IO{Out: &out, Err: &errb, Ctx: ctx})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Contains(t, out.String(), "0 converted, 1 failed")
	assert.Contains(t, out.String(), "a.srt: not converted: interrupted")
	assert.Contains(t, errb.String(), "convert interrupted")
	assert.NoFileExists(t, filepath.Join(dir, "out", "a.vtt"))
}
