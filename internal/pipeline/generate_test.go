package pipeline

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/captions/format/srt"
	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/timing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sampleDir = "../../cmd/sotcap/sample/"

func sampleInputs(t *testing.T, edl []byte) Inputs {
	t.Helper()
	scr, err := os.ReadFile(sampleDir + "haftar_moscow_package.txt")
	require.NoError(t, err)
	if edl == nil {
		edl, err = os.ReadFile(sampleDir + "haftar_moscow_package.edl")
		require.NoError(t, err)
	}
	return Inputs{ScriptName: "pkg.txt", Script: bytes.NewReader(scr), EDLName: "pkg.edl", EDL: bytes.NewReader(edl)}
}

func sampleOptions(t *testing.T) Options {
	t.Helper()
	rules, err := config.Preset(config.DefaultProfile)
	require.NoError(t, err)
	return Options{Rate: timing.Rate25(), Rules: rules, Language: "en", STL: stl.Options{Country: "GBR"}}
}

func run(t *testing.T, in Inputs, opts Options) (*Result, error) {
	t.Helper()
	pkg, edl, err := Read(in, opts)
	if err != nil {
		return nil, err
	}
	p, err := NewPlan(pkg, edl, opts)
	if err != nil {
		return nil, err
	}
	return Generate(p, opts)
}

func TestSampleEndToEnd(t *testing.T) {
	opts := sampleOptions(t)
	res, err := run(t, sampleInputs(t, nil), opts)
	require.NoError(t, err)
	require.Len(t, res.SOTs, 3)
	assert.Equal(t, timing.Frame(10*3600*25), res.Start, "programme start is the earliest record-in")
	// SOT 1 is events 004+005 (a jump cut), SOT 3 is 010+011's audio 012+013
	// under the cutaway: one window each.
	assert.Equal(t, []string{"004", "005"}, res.SOTs[0].Window.Events)
	assert.Equal(t, []string{"008"}, res.SOTs[1].Window.Events)
	assert.Equal(t, []string{"010", "012", "013"}, res.SOTs[2].Window.Events)
	words := func(s string) []string { return strings.Fields(s) }
	for _, sp := range res.SOTs {
		assert.True(t, sp.Subtitled, "Arabic is subtitled into English")
		require.NotEmpty(t, sp.Captions)
		var want, got []string
		for _, turn := range sp.SOT.Turns {
			want = append(want, words(turn.Text)...)
		}
		for _, c := range sp.Captions {
			assert.GreaterOrEqual(t, c.Start, opts.Rate.Duration(sp.Window.In))
			for _, l := range c.Lines {
				got = append(got, words(strings.TrimPrefix(l.Text, "-"))...)
			}
		}
		assert.Equal(t, want, got, "every word once, in order (SOT %d)", sp.Index)
	}
	// The reporter's interjection is its own caption (or a dash line).
	found := false
	for _, c := range res.SOTs[2].Captions {
		if strings.Contains(c.Text(), "Turn it into colonisation.") {
			found = true
		}
	}
	assert.True(t, found)

	files, _, err := res.Render([]string{"srt", "vtt", "stl"}, []string{"x.srt"}, opts)
	require.NoError(t, err)
	for _, ext := range []string{".srt", ".vtt", ".stl", ".report.json"} {
		assert.NotEmpty(t, files[ext], ext)
	}
	// SRT counts from the programme start.
	back, err := srt.NewReader(bytes.NewReader(files[".srt"])).ReadAll()
	require.NoError(t, err)
	require.Len(t, back, len(res.Document.Captions))
	assert.Equal(t, res.Document.Captions[0].Start-opts.Rate.Duration(res.Start), back[0].Start)
	// STL keeps the programme's labels with TCP = programme start.
	f, err := stl.Decode(files[".stl"], stl.ReadOptions{})
	require.NoError(t, err)
	assert.Equal(t, opts.Rate.Duration(res.Start), f.Start)
	require.Len(t, f.Document.Captions, len(res.Document.Captions))
	assert.Equal(t, res.Document.Captions[0].Start, f.Document.Captions[0].Start)
}

func TestMismatchShowsBothLists(t *testing.T) {
	edl, err := os.ReadFile(sampleDir + "haftar_moscow_package.edl")
	require.NoError(t, err)
	// Rename SOT 2's clip so the EDL marks only two windows.
	edl = bytes.Replace(edl, []byte("HAFTAR SOT 2"), []byte("HAFTAR INTERVIEW 2"), 1)
	_, err = run(t, sampleInputs(t, edl), sampleOptions(t))
	var me *MismatchError
	require.True(t, errors.As(err, &me), "%v", err)
	msg := err.Error()
	assert.Contains(t, msg, "3 SOTs")
	assert.Contains(t, msg, "2 SOT windows")
	assert.Contains(t, msg, "--map 1=4+5,2=10+12+13")

	// --map repairs it: SOT 2 is event 8.
	opts := sampleOptions(t)
	opts.Map, err = ParseMap("1=4+5,2=8,3=10+12+13")
	require.NoError(t, err)
	res, err := run(t, sampleInputs(t, edl), opts)
	require.NoError(t, err)
	assert.Equal(t, []string{"008"}, res.SOTs[1].Window.Events)
	assert.Equal(t, timing.Frame(10*3600*25+80*25), res.SOTs[1].Window.In)
}

func TestModes(t *testing.T) {
	opts := sampleOptions(t)
	opts.Language = "ar" // an Arabic service: nothing to translate
	res, err := run(t, sampleInputs(t, nil), opts)
	require.NoError(t, err)
	assert.Empty(t, res.Document.Captions)
	opts.Mode = Captions
	res, err = run(t, sampleInputs(t, nil), opts)
	require.NoError(t, err)
	assert.NotEmpty(t, res.Document.Captions)
}

func TestNoMarkedSOT(t *testing.T) {
	edl, err := os.ReadFile(sampleDir + "haftar_moscow_package.edl")
	require.NoError(t, err)
	edl = bytes.ReplaceAll(edl, []byte(" SOT "), []byte(" INT "))
	_, err = run(t, sampleInputs(t, edl), sampleOptions(t))
	assert.ErrorIs(t, err, ErrNoSOTWindows)
}
