package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/timing"
)

// fuzzMaxInput bounds each fuzz input so that one exec stays fast; the
// readers' own fuzz targets cover big inputs.
const fuzzMaxInput = 16 << 10

// FuzzGenerate drives the whole pipeline — Read, NewPlan, Generate,
// Render — with arbitrary script and EDL bytes. It must never panic, and
// whenever it succeeds every word of every subtitled SOT's turns appears
// exactly once, in order, in that SOT's captions (the dash that leads a
// shared two-speaker caption's lines aside), and every rendered file has
// content.
func FuzzGenerate(f *testing.F) {
	scr, err := os.ReadFile(sampleDir + "haftar_moscow_package.txt")
	if err != nil {
		f.Fatal(err)
	}
	edl, err := os.ReadFile(sampleDir + "haftar_moscow_package.edl")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(scr, edl)
	f.Add(scr, append(bytes.Clone(edl), '\n')) // odd length: dash mode
	for _, name := range []string{"otio__25fps.edl", "pycmx__test_25.edl", "otio__premiere_example.edl", "edltools__Avid_Test_EDL_-_Simple.edl"} {
		b, err := os.ReadFile(filepath.Join("../../testdata/edl", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(scr, b)
	}
	prof, err := config.Preset(config.DefaultProfile)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, scriptBytes, edlBytes []byte) {
		if len(scriptBytes) > fuzzMaxInput || len(edlBytes) > fuzzMaxInput {
			t.Skip("input too big for one fuzz exec")
		}
		opts := Options{Rate: timing.Rate25(), Rules: prof, Language: "en", Mode: Captions, STL: stl.Options{Country: "GBR"}}
		if len(edlBytes)%2 == 1 {
			opts.Rules.SpeakerChange = rules.SpeakerDash
		}
		pkg, e, err := Read(Inputs{ScriptName: "f.txt", Script: bytes.NewReader(scriptBytes), EDLName: "f.edl", EDL: bytes.NewReader(edlBytes)}, opts)
		if err != nil {
			return
		}
		p, err := NewPlan(pkg, e, opts)
		if err != nil {
			return
		}
		res, err := Generate(p, opts)
		if err != nil {
			return
		}
		for _, sp := range res.SOTs {
			if !sp.Subtitled {
				continue
			}
			var want, got []string
			for _, turn := range sp.SOT.Turns {
				want = append(want, strings.Fields(turn.Text)...)
			}
			for _, c := range sp.Captions {
				shared := len(c.Lines) == 2 && c.Lines[0].Speaker != c.Lines[1].Speaker
				for _, l := range c.Lines {
					text := l.Text
					if shared {
						text = strings.TrimPrefix(text, "-")
					}
					got = append(got, strings.Fields(text)...)
				}
			}
			if !equalWords(want, got) {
				t.Fatalf("SOT %d: captions do not hold every word once, in order\nwant %q\n got %q", sp.Index, want, got)
			}
		}
		files, _, err := res.Render([]string{"srt", "vtt", "stl"}, []string{"f.srt", "f.vtt", "f.stl", "f.report.json"}, opts)
		if err != nil {
			return
		}
		for ext, b := range files {
			if len(b) == 0 {
				t.Fatalf("rendered %s is empty", ext)
			}
		}
	})
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
