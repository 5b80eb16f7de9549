package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/captions/script"
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/timing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const langDir = "testdata/languages/"

// portLanguages are the language versions in testdata/languages.
var portLanguages = []string{"en", "fr", "de", "es", "ru", "ar", "zh"}

// readPort reads one language version of the test package and its EDL.
func readPort(t testing.TB, lang string) (*script.Package, Options, *Plan) {
	t.Helper()
	f, err := os.Open(langDir + "port." + lang + ".txt")
	require.NoError(t, err)
	defer f.Close()
	pkg, err := ReadScript("port."+lang+".txt", f, "")
	require.NoError(t, err)
	e, err := os.Open(langDir + "port.edl")
	require.NoError(t, err)
	defer e.Close()
	list, err := ReadEDL("port.edl", e, timing.Rate25())
	require.NoError(t, err)
	rl, err := config.Preset(config.PresetFor(lang))
	require.NoError(t, err)
	opts := Options{Rate: timing.Rate25(), Rules: rl, Language: lang, Mode: Captions}
	p, err := NewPlan(pkg, list, opts)
	require.NoError(t, err)
	return pkg, opts, p
}

func TestScriptsInEachLanguageReadTheirOwnConventions(t *testing.T) {
	for _, lang := range portLanguages {
		t.Run(lang, func(t *testing.T) {
			pkg, _, p := readPort(t, lang)
			assert.Equal(t, lang, pkg.Language, "the script's language is detected")
			require.Len(t, pkg.SOTs, 2)
			// The spoken languages are named in the script's own language.
			assert.Equal(t, "it", p.SOTs[0].Language)
			assert.Equal(t, "en", p.SOTs[1].Language)
			for _, s := range pkg.SOTs {
				assert.NotEmpty(t, s.Turns[0].Text)
				assert.NotContains(t, s.Turns[0].Title, "(", "the language tag is not in the title")
			}
		})
	}
}

// words returns the words of s; for scripts without spaces between words
// (Chinese) every letter is a word.
func words(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			for _, r := range f {
				out = append(out, string(r))
			}
			continue
		}
		out = append(out, f)
	}
	return out
}

// TestEveryWordInExactlyOneCaption is a property of every language and
// every profile: the words of each translation, in order, are the words of
// its captions, in order: none dropped, none repeated, none split.
func TestEveryWordInExactlyOneCaption(t *testing.T) {
	variants := []struct {
		name string
		edit func(*rules.Profile)
	}{
		{"preset", func(*rules.Profile) {}},
		{"slow readers (captions compressed)", func(r *rules.Profile) { r.MaxCPS /= 3 }},
		{"narrow lines", func(r *rules.Profile) { r.MaxCharsPerLine = max(8, r.MaxCharsPerLine*2/3) }},
		{"one line", func(r *rules.Profile) { r.MaxLines = 1 }},
		{"dash speaker changes", func(r *rules.Profile) { r.SpeakerChange = rules.SpeakerDash }},
	}
	for _, lang := range portLanguages {
		for _, v := range variants {
			t.Run(lang+"/"+v.name, func(t *testing.T) {
				pkg, opts, p := readPort(t, lang)
				v.edit(&opts.Rules)
				res, err := Generate(p, opts)
				require.NoError(t, err)
				for i, sp := range res.SOTs {
					var want, got []string
					for _, turn := range pkg.SOTs[i].Turns {
						want = append(want, words(turn.Text)...)
					}
					for _, c := range sp.Captions {
						got = append(got, words(c.Text())...)
					}
					assert.Equal(t, want, got, "SOT %d", sp.Index)
				}
			})
		}
	}
}

func TestSOTCountsMustAgree(t *testing.T) {
	en, _, _ := readPort(t, "en")
	fr, _, _ := readPort(t, "fr")
	short := *fr
	short.SOTs = fr.SOTs[:1]
	assert.NoError(t, CheckSOTCounts([]string{"en", "fr"}, []string{"port.en.txt", "port.fr.txt"}, []*script.Package{en, fr}))
	err := CheckSOTCounts([]string{"en", "fr"}, []string{"port.en.txt", "port.fr.txt"}, []*script.Package{en, &short})
	var ce *CountError
	require.True(t, errors.As(err, &ce))
	msg := err.Error()
	assert.Contains(t, msg, "en 2 (port.en.txt), fr 1 (port.fr.txt)")
	// Side by side: SOT 2 has the English speaker and "-" for French.
	assert.Regexp(t, `(?m)^2 +line 9: Anna Clarke +-$`, msg)
	assert.Regexp(t, `(?m)^1 +line 5: Marco Rossi +line 5: Marco Rossi$`, msg)
}

func TestLanguageVersionsShareWindowsAndDifferInSubtitling(t *testing.T) {
	var vs []Version
	var opts []Options
	for _, lang := range []string{"en", "fr", "ar"} {
		_, o, p := readPort(t, lang)
		o.Mode = Subtitles
		p2, err := NewPlan(p.Script, p.EDL, o)
		require.NoError(t, err)
		res, err := Generate(p2, o)
		require.NoError(t, err)
		vs = append(vs, Version{Language: lang, Script: "port." + lang + ".txt", Result: res, Files: []string{"port." + lang + ".srt"}})
		opts = append(opts, o)
	}
	rep := NewMultiReport(vs, []string{"all"}, false)
	require.Len(t, rep.Windows, 2)
	assert.Equal(t, "10:00:05:00", *rep.Windows[0].RecordIn)
	assert.Equal(t, 15.0, rep.Windows[0].Seconds)
	// The English analyst is not subtitled in English, but is in French
	// and Arabic; the Italian director is subtitled in every language.
	assert.False(t, rep.Languages[0].SOTs[1].Subtitled)
	assert.True(t, rep.Languages[1].SOTs[1].Subtitled)
	assert.True(t, rep.Languages[2].SOTs[1].Subtitled)
	for _, l := range rep.Languages {
		assert.True(t, l.SOTs[0].Subtitled, l.Language)
		assert.Equal(t, "netflix-"+l.Language, strings.Replace(l.Profile, "broadcast-en", "netflix-en", 1))
		assert.LessOrEqual(t, l.SOTs[0].MaxCPS, l.ProfileCPS+0.01, l.Language)
	}
	files, warns, err := RenderVersions(vs, []string{"srt", "vtt"}, []string{"all"}, opts)
	require.NoError(t, err)
	assert.Empty(t, warns)
	for _, k := range []string{".en.srt", ".fr.srt", ".ar.srt", ".en.vtt", ".fr.vtt", ".ar.vtt", ".report.json"} {
		assert.Contains(t, files, k)
	}
	assert.Contains(t, string(files[".fr.srt"]), "Le quai est de nouveau sûr.")
	assert.NotContains(t, string(files[".en.srt"]), "Every day of closure", "English SOT not subtitled in English")
}

func TestOverflowSaysWhatToCut(t *testing.T) {
	_, o, p := readPort(t, "de")
	o.Rules.MaxCPS = 8 // German at 8 cps needs more than the 15.5 s of SOT 1
	res, err := Generate(p, o)
	require.NoError(t, err)
	ovs := res.Overflows()
	require.NotEmpty(t, ovs)
	ov := ovs[0]
	assert.Equal(t, 1, ov.SOT)
	assert.Equal(t, 5, ov.Line)
	assert.Equal(t, "10:00:05:00-10:00:20:00", ov.Window)
	assert.InDelta(t, 15.52, ov.AvailableSeconds, 0.001, "the window and the 0.5 s hang, 13 frames")
	assert.Greater(t, ov.NeededSeconds, ov.AvailableSeconds)
	assert.InDelta(t, ov.NeededSeconds-ov.AvailableSeconds, ov.MissingSeconds, 0.011)
	text := p.SOTs[0].SOT.Turns[0].Text
	assert.Equal(t, len([]rune(text)), ov.Chars, "characters counted as graphemes (the German text has no combining marks)")
	// Every character cut saves at most 1/8 s: the cut is at least the
	// missing seconds at 8 cps.
	assert.GreaterOrEqual(t, float64(ov.Cut), ov.MissingSeconds*8-1)
	assert.Contains(t, ov.String(), fmt.Sprintf("cut at least %d of its %d characters", ov.Cut, ov.Chars))

	// At the preset every SOT fits.
	_, o, p = readPort(t, "de")
	res, err = Generate(p, o)
	require.NoError(t, err)
	assert.Empty(t, res.Overflows())
}

func TestOverflowNamesCaptionsUnderTheMinimum(t *testing.T) {
	_, o, p := readPort(t, "en")
	// 170 characters need three captions of 74; at 6 s each they cannot
	// fit the 15.5 s of SOT 1.
	o.Rules.MinDuration = timing.TimeLength(6e9)
	res, err := Generate(p, o)
	require.NoError(t, err)
	ovs := res.Overflows()
	require.NotEmpty(t, ovs)
	assert.NotEmpty(t, ovs[0].Short)
	assert.Less(t, ovs[0].Shortest, 6.0)
	assert.Contains(t, ovs[0].String(), "on screen under the 6.00 s minimum")
}

func TestMapPuttingTwoSOTsOnOverlappingWindowsIsAMappingError(t *testing.T) {
	pkg, o, p := readPort(t, "en")
	for _, m := range []string{"1=2,2=2", "1=2+3,2=3", "1=2,2=2+4"} {
		o.Map, _ = ParseMap(m)
		_, err := NewPlan(pkg, p.EDL, o)
		require.Error(t, err, m)
		assert.True(t, errors.Is(err, ErrMapping), m)
		assert.Contains(t, err.Error(), "mapping error: --map puts SOT 1", m)
		assert.Contains(t, err.Error(), "overlapping windows", m)
	}
	o.Map, _ = ParseMap("1=4,2=2")
	_, err := NewPlan(pkg, p.EDL, o)
	require.ErrorIs(t, err, ErrMapping)
	assert.Contains(t, err.Error(), "--map puts SOT 2 (events 2, 10:00:05:00-10:00:20:00) before SOT 1 (events 4, 10:00:25:00-10:00:37:00)")
	o.Map, _ = ParseMap("1=2,2=4")
	_, err = NewPlan(pkg, p.EDL, o)
	assert.NoError(t, err)
}

func TestParseScriptArg(t *testing.T) {
	assert.Equal(t, ScriptArg{Path: "pkg_fr.txt"}, ParseScriptArg("pkg_fr.txt"))
	assert.Equal(t, ScriptArg{Language: "fr", Path: "pkg_fr.txt"}, ParseScriptArg("fr=pkg_fr.txt"))
	assert.Equal(t, ScriptArg{Language: "pt-BR", Path: "a.txt"}, ParseScriptArg("pt-br=a.txt"))
	assert.Equal(t, ScriptArg{Path: "dir/x=y.txt"}, ParseScriptArg("dir/x=y.txt"), "a path with '=' in it")
	assert.Equal(t, ScriptArg{Path: "not a tag=x.txt"}, ParseScriptArg("not a tag=x.txt"))
	assert.Equal(t, "fr=pkg.txt", ScriptArg{Language: "fr", Path: "pkg.txt"}.String())
}

func TestLanguageSuffix(t *testing.T) {
	for in, want := range map[string][2]string{
		"pkg.fr.txt":            {"pkg", "fr"},
		"dir/pkg_ar.txt":        {"pkg", "ar"},
		"pkg.pt-BR.txt":         {"pkg", "pt-BR"},
		"haftar_moscow_pkg.txt": {"haftar_moscow_pkg", ""},
		"pkg.txt":               {"pkg", ""},
		"pkg.v2.txt":            {"pkg.v2", ""},
		"pkg.FR.txt":            {"pkg.FR", ""},
		"pkg.xx.txt":            {"pkg.xx", ""},
		"pkg_int.txt":           {"pkg_int", ""},
		".fr.txt":               {".fr", ""},
	} {
		name, lang := LanguageSuffix(in)
		assert.Equal(t, want, [2]string{name, lang}, in)
	}
}

func FuzzParseScriptArg(f *testing.F) {
	for _, s := range []string{"pkg.txt", "fr=pkg.txt", "pt-BR=a", "=x", "x=", "a=b=c", "zh-Hans-CN=dir/a.txt"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := ParseScriptArg(s)
		if a.Language == "" && a.Path != s {
			t.Fatalf("%q: path %q lost text", s, a.Path)
		}
		if a.Language != "" && ParseScriptArg(a.String()) != a {
			t.Fatalf("%q: %v does not round-trip", s, a)
		}
		name, lang := LanguageSuffix(s)
		if lang != "" && !strings.Contains(filepath.Base(s), name) {
			t.Fatalf("%q: name %q is not in it", s, name)
		}
	})
}

// agencyEDL returns a 25 fps EDL with n SOT windows of 30 s, 5 s apart.
func agencyEDL(n int) string {
	var b strings.Builder
	b.WriteString("TITLE: AGENCY\nFCM: NON-DROP FRAME\n\n")
	tc := func(s int) string { return fmt.Sprintf("10:%02d:%02d:00", s/60, s%60) }
	for i := 0; i < n; i++ {
		in := 5 + i*35
		fmt.Fprintf(&b, "%03d  INT      AA/V  C        01:00:00:00 01:00:30:00 %s %s\n* FROM CLIP NAME:  SOT %d\n\n", i+1, tc(in), tc(in+30), i+1)
	}
	return b.String()
}

func TestRealAgencyCopyInOtherLanguages(t *testing.T) {
	for file, lang := range map[string]string{"voa_es_afganistan.txt": "es", "voa_ru_nebraska.txt": "ru"} {
		t.Run(file, func(t *testing.T) {
			f, err := os.Open("testdata/agency/" + file)
			require.NoError(t, err)
			defer f.Close()
			pkg, err := ReadScript(file, f, "")
			require.NoError(t, err)
			assert.Equal(t, lang, pkg.Language)
			require.NotEmpty(t, pkg.SOTs)
			list, err := ReadEDL("agency.edl", strings.NewReader(agencyEDL(len(pkg.SOTs))), timing.Rate25())
			require.NoError(t, err)
			rl, err := config.Preset(config.PresetFor(lang))
			require.NoError(t, err)
			opts := Options{Rate: timing.Rate25(), Rules: rl, Language: lang, Mode: Captions}
			p, err := NewPlan(pkg, list, opts)
			require.NoError(t, err)
			res, err := Generate(p, opts)
			require.NoError(t, err)
			assert.Equal(t, lang, res.Document.Language)
			assert.Empty(t, res.Overflows())
			for i, sp := range res.SOTs {
				var want, got []string
				for _, turn := range pkg.SOTs[i].Turns {
					want = append(want, words(turn.Text)...)
				}
				for _, c := range sp.Captions {
					got = append(got, words(c.Text())...)
				}
				assert.Equal(t, want, got, "SOT %d", sp.Index)
			}
		})
	}
}

// BenchmarkGenerateSevenLanguages generates the test package in every
// language of testdata/languages and renders SRT and WebVTT with one report.
func BenchmarkGenerateSevenLanguages(b *testing.B) {
	type in struct {
		opts Options
		plan *Plan
	}
	var ins []in
	for _, lang := range portLanguages {
		_, o, p := readPort(b, lang)
		ins = append(ins, in{o, p})
	}
	b.ReportAllocs()
	for b.Loop() {
		var vs []Version
		var opts []Options
		for _, x := range ins {
			res, err := Generate(x.plan, x.opts)
			if err != nil {
				b.Fatal(err)
			}
			vs = append(vs, Version{Language: x.opts.Language, Result: res})
			opts = append(opts, x.opts)
		}
		if _, _, err := RenderVersions(vs, []string{"srt", "vtt"}, nil, opts); err != nil {
			b.Fatal(err)
		}
	}
}
