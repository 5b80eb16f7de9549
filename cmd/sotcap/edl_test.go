package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEDLTable(t *testing.T) {
	code, out, stderr := runArgs(t, "", "edl", "../../timing/edl/testdata/sot_package.edl", "--fps", "25")
	require.Equal(t, app.ExitOK, code, stderr)
	assert.Contains(t, out, `"HAFTAR MOSCOW PKG 1800", 15 event lines at 25 fps, record timecodes non-drop frame`)
	assert.Contains(t, out, "10:00:14:00  10:00:19:12  900350-900487")
	assert.Contains(t, out, "11 shot changes, 4 SOT windows")
	assert.Contains(t, out, `SOT "Sot_Lavrov" 10:00:19:12-10:00:32:00 (313 frames), events [006 007 009 010], 3 cuts inside`)
}

func TestEDLJSONShape(t *testing.T) {
	code, out, stderr := runArgs(t, "", "edl", "../../testdata/edl/otio__speed_effects_small.edl", "--fps", "24", "--json")
	require.Equal(t, app.ExitOK, code, stderr)
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	keys := func(m map[string]any) []string {
		var k []string
		for x := range m {
			k = append(k, x)
		}
		return k
	}
	assert.ElementsMatch(t, []string{"title", "fcm", "rate", "drop_frame", "events", "warnings"}, keys(doc))
	assert.Nil(t, doc["fcm"], "no FCM line: null")
	assert.Equal(t, "24", doc["rate"])
	evs := doc["events"].([]any)
	require.Len(t, evs, 5)
	ev := evs[1].(map[string]any)
	assert.ElementsMatch(t, []string{"line", "number", "reel", "channels", "transition", "transition_frames",
		"source_in", "source_out", "record_in", "record_out", "record_in_frame", "record_out_frame",
		"clip_name", "to_clip_name", "source_file", "locators", "speed", "comments"}, keys(ev))
	assert.Equal(t, 5.0, ev["line"])
	assert.Equal(t, 2.0, ev["number"])
	assert.Equal(t, "Z682_156 (LAY3)", ev["clip_name"])
	assert.Nil(t, ev["to_clip_name"])
	assert.Equal(t, 0.0, ev["speed"])
	assert.Equal(t, []any{"* * FREEZE FRAME"}, ev["comments"])
	assert.Equal(t, 47.6, evs[4].(map[string]any)["speed"])
	assert.Equal(t, float64((3600+8*60+30)*24), ev["record_in_frame"]) // 01:08:30:00
}

func TestEDLJSONLocatorsAndStdin(t *testing.T) {
	b, err := os.ReadFile("../../testdata/edl/otio__screening_example.edl")
	require.NoError(t, err)
	code, out, stderr := runArgs(t, string(b), "edl", "-", "--fps", "24", "--json")
	require.Equal(t, app.ExitOK, code, stderr)
	var doc struct {
		Events []struct {
			Locators []struct {
				Timecode string  `json:"timecode"`
				Frame    int64   `json:"frame"`
				Color    *string `json:"color"`
				Text     *string `json:"text"`
			} `json:"locators"`
		} `json:"events"`
		Warnings []any `json:"warnings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	l := doc.Events[3].Locators
	require.Len(t, l, 2)
	assert.Equal(t, "01:00:01:14", l[0].Timecode)
	assert.Equal(t, int64(86400+38), l[0].Frame)
	assert.Equal(t, "RED", *l[0].Color)
	assert.Equal(t, "ANIM FIX NEEDED", *l[0].Text)
	g := doc.Events[6].Locators
	require.Len(t, g, 1)
	assert.Nil(t, g[0].Text)
	assert.NotNil(t, doc.Warnings, "warnings is a list, not null")
}

// TestEDLJSONMatchesExpected checks the CLI's JSON against one expected
// file end to end (the library test covers all 13).
func TestEDLJSONMatchesExpected(t *testing.T) {
	code, out, stderr := runArgs(t, "", "edl", "../../testdata/edl/edlgenius__cmx3600.edl", "--fps", "29.97", "--json")
	require.Equal(t, app.ExitOK, code, stderr)
	var got struct {
		DropFrame bool             `json:"drop_frame"`
		Events    []map[string]any `json:"events"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	b, err := os.ReadFile("../../testdata/edl/expected/edlgenius__cmx3600.json")
	require.NoError(t, err)
	var want struct {
		HeaderDropFrame bool             `json:"header_drop_frame"`
		Edits           []map[string]any `json:"edits"`
	}
	require.NoError(t, json.Unmarshal(b, &want))
	assert.Equal(t, want.HeaderDropFrame, got.DropFrame)
	require.Len(t, got.Events, len(want.Edits))
	for i, w := range want.Edits {
		for _, k := range []string{"line", "number", "reel", "channels", "transition", "source_in", "source_out",
			"record_in", "record_out", "record_in_frame", "record_out_frame"} {
			assert.Equal(t, w[k], got.Events[i][k], "edit %d %s", i, k)
		}
	}
}

func TestEDLBadInputExit2(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		return p
	}
	ev := "001  AX V C 01:00:00:00 01:00:01:00 01:00:00:00 01:00:00:29\n"
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"edl", write("rate.edl", "TITLE: x\n"+ev), "--fps", "25"}, "rate.edl:2:49: event 001 record out: timecode \"01:00:00:29\" at 25 fps"},
		{[]string{"edl", write("df.edl", "FCM: DROP FRAME\n001  AX V C 01:00:00:00 01:00:01:00 00:01:00:00 00:01:01:00\n"), "--fps", "29.97"}, "df.edl:2:37:"},
		{[]string{"edl", write("noevent.edl", "TITLE: x\n001 this is not an event\n"), "--fps", "25"}, "noevent.edl:2:"},
		{[]string{"edl", write("bin.edl", "\x00\x01\x02garbage"), "--fps", "25"}, "bin.edl:1:1: binary data"},
		{[]string{"edl", write("empty.edl", ""), "--fps", "25"}, "empty.edl:1: no CMX 3600 event lines: the input is empty"},
		{[]string{"edl", write("long.edl", strings.Repeat("x", 70000)), "--fps", "25"}, "long.edl:1: line too long"},
		{[]string{"edl", filepath.Join(dir, "missing.edl"), "--fps", "25"}, "missing.edl"},
		{[]string{"edl", write("ok.edl", ev), "--fps", "26"}, "unknown frame rate"},
		{[]string{"edl", write("ok2.edl", ev)}, "--fps is required"},
		{[]string{"edl"}, "accepts 1 arg"},
	}
	for _, c := range cases {
		code, out, stderr := runArgs(t, "", c.args...)
		assert.Equal(t, app.ExitBadInput, code, c.args)
		assert.Empty(t, out, c.args)
		assert.Contains(t, stderr, c.want, c.args)
	}
}

// TestEDLCorpusCLI reads every corpus EDL through the CLI.
func TestEDLCorpusCLI(t *testing.T) {
	rates := map[string]string{"otio__25fps.edl": "25", "otio__timecode_mismatch.edl": "25", "pycmx__test_25.edl": "25",
		"edltools__Avid_Test_EDL_-_Simple.edl": "25", "edltools__Resolve_Test_EDL_-_Simple.edl": "25",
		"edlgenius__cmx3600_5994.edl": "59.94"}
	files, err := filepath.Glob("../../testdata/edl/*.edl")
	require.NoError(t, err)
	require.Len(t, files, 25)
	for _, f := range files {
		r := rates[filepath.Base(f)]
		if r == "" {
			r = "24"
			if strings.HasPrefix(filepath.Base(f), "edlgenius__") {
				r = "29.97"
			}
		}
		code, out, stderr := runArgs(t, "", "edl", f, "--fps", r, "--json")
		assert.Equal(t, app.ExitOK, code, "%s: %s", f, stderr)
		assert.True(t, json.Valid([]byte(out)), f)
	}
}

// A drop-frame EDL read at a rate without drop frame: the library says
// what is wrong in the data, the command line adds the flag that fixes it.
func TestEDLDropFrameAtWrongRateNamesTheFlag(t *testing.T) {
	name := writeTemp(t, "df.edl", "TITLE: DF\nFCM: DROP FRAME\n001  AX  V  C  00:00:00;00 00:00:01;00 01:00:00;00 01:00:01;00\n")
	code, _, stderr := runArgs(t, "", "edl", name, "--fps", "25")
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "expected the EDL to be read at 29.97 or 59.94 (give --fps 29.97 or 59.94)")
}
