package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/srt"
	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/captions/format/vtt"
	"github.com/sotcap/sotcap/internal/app"
	"github.com/sotcap/sotcap/timing"
)

// convertRate is a rate the round trips run at, with its labels' mode.
type convertRate struct {
	name  string
	rate  timing.Rate
	drop  bool
	args  []string // flags naming the rate to convert
	from  []string // flags naming an STL input's rate
	start string   // a programme start label at this rate
}

func convertRates() []convertRate {
	return []convertRate{
		{"25", timing.Rate25(), false, []string{"--fps", "25"}, nil, "10:00:00:00"},
		{"29.97DF", timing.Rate2997(), true, []string{"--fps", "29.97"}, nil, "10:00:00;00"},
		// STL30.01 does not say 30: the STL's readers are told.
		{"30", timing.Rate30(), false, []string{"--fps", "30"}, []string{"--from-fps", "30"}, "10:00:00:00"},
		{"23.976", timing.Rate23976(), false, []string{"--fps", "23.976"}, nil, "01:00:00:00"},
	}
}

// sharedCaptions makes n captions on whole frames of rate with what SRT,
// WebVTT and Teletext STL all carry: text (Latin table 00 without mapped
// characters), colours, rows (top, middle, bottom thirds) and alignment.
// With italic, lines are italic and uncoloured instead (open subtitling).
func sharedCaptions(n int, rate timing.Rate, italic bool) []captions.Caption {
	texts := []string{"Café “déjà vu”", "Ñandú à l’État « libre »", "Straße, Øre & Œuvre", "Hello, world!", "Wie geht’s? 100% sicher"}
	colors := []captions.Color{captions.ColorDefault, captions.ColorYellow, captions.ColorCyan, captions.ColorGreen, captions.ColorRed, captions.ColorMagenta}
	var caps []captions.Caption
	f := timing.Frame(rate.Nominal()) + 3
	for i := 0; i < n; i++ {
		in := f + timing.Frame(i%5)
		out := in + timing.Frame(rate.Nominal()) + timing.Frame(i%11)
		c := captions.Caption{Start: rate.Duration(in), End: rate.Duration(out)}
		if !italic {
			switch i % 4 {
			case 1:
				c.Row, c.Align = 1, captions.AlignLeft
			case 2:
				c.Row, c.Align = 12, captions.AlignRight
			}
		}
		for k := 0; k <= i%2; k++ {
			l := captions.Line{Text: texts[(i+k)%len(texts)]}
			if italic {
				l.Italic = (i+k)%2 == 0
			} else {
				l.Color = colors[(i+k)%len(colors)]
			}
			c.Lines = append(c.Lines, l)
		}
		caps = append(caps, c)
		f = out + 2
	}
	return caps
}

// readBack reads any caption file the way the tests check it: SRT and
// WebVTT times on the file's own timeline, STL captions at rate with the
// writer's default place made explicit by the reader (Row, AlignCenter).
func readBack(t *testing.T, path string, r convertRate) ([]captions.Caption, *stl.File) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	switch filepath.Ext(path) {
	case ".srt":
		caps, err := srt.NewReader(bytes.NewReader(b)).ReadAll()
		require.NoError(t, err, path)
		return caps, nil
	case ".vtt":
		caps, err := vtt.NewReader(bytes.NewReader(b)).ReadAll()
		require.NoError(t, err, path)
		return caps, nil
	}
	f, err := stl.Decode(b, stl.ReadOptions{Rate: r.rate, DropFrame: r.drop})
	require.NoError(t, err, path)
	return f.Document.Captions, f
}

// stlPlaced is c as an STL reader reports it: the default place made
// explicit (last row on 22, centred), Teletext double-height rows.
func stlPlaced(c captions.Caption, open bool) captions.Caption {
	h := 2
	if open {
		h = 1
	}
	if c.Row == 0 {
		c.Row = stl.DefaultBottomRow - h*(len(c.Lines)-1)
	}
	if c.Align == captions.AlignDefault {
		c.Align = captions.AlignCenter
	}
	return c
}

// expectCaptions asserts got are want to the frame at rate, shifted by
// origin, with the same lines, rows and alignment.
func expectCaptions(t *testing.T, step string, want, got []captions.Caption, rate timing.Rate, origin time.Duration, isSTL, open bool) {
	t.Helper()
	require.Len(t, got, len(want), step)
	for i, w := range want {
		if isSTL {
			w = stlPlaced(w, open)
		}
		g := got[i]
		require.Equal(t, rate.Frames(w.Start+origin), rate.Frames(g.Start), "%s cue %d start", step, i+1)
		require.Equal(t, rate.Frames(w.End+origin), rate.Frames(g.End), "%s cue %d end", step, i+1)
		// SRT/WebVTT carry milliseconds: within half of one of the frame's time.
		d := g.Start - (w.Start + origin)
		require.True(t, d <= time.Millisecond/2 && d >= -time.Millisecond/2, "%s cue %d: %v off", step, i+1, d)
		require.Equal(t, w.Lines, g.Lines, "%s cue %d lines", step, i+1)
		require.Equal(t, w.Row, g.Row, "%s cue %d row", step, i+1)
		require.Equal(t, w.Align, g.Align, "%s cue %d align", step, i+1)
	}
}

// Round trips through every pair of formats at several rates keep text,
// the styles the formats share and times to the frame:
// SRT → WebVTT → STL → SRT → STL → WebVTT → SRT, and STL → STL.
func TestConvertRoundTripAllFormats(t *testing.T) {
	for _, r := range convertRates() {
		for _, open := range []bool{false, true} {
			name := r.name + "/teletext"
			if open {
				name = r.name + "/open"
			}
			t.Run(name, func(t *testing.T) {
				caps := sharedCaptions(60, r.rate, open)
				var b strings.Builder
				_, err := srt.Write(&b, captions.Document{Captions: caps}, srt.WriteOptions{})
				require.NoError(t, err)
				dir := t.TempDir()
				in := filepath.Join(dir, "in.srt")
				require.NoError(t, os.WriteFile(in, []byte(b.String()), 0o644))
				tcp, err := timing.ParseTimecode(r.start, r.rate, r.drop)
				require.NoError(t, err)
				origin := r.rate.Duration(tcp)
				stlArgs := append([]string{"--start", r.start, "--language", "fr", "--set", "stl.country=FRA"}, r.args...)
				if open {
					stlArgs = append(stlArgs, "--set", "stl.display_standard=open")
				}
				fromSTL := append(append([]string(nil), r.args...), r.from...)
				steps := []struct {
					from, to string
					args     []string
				}{
					{"in.srt", "a.vtt", r.args},
					{"a.vtt", "b.stl", stlArgs},
					{"b.stl", "c.srt", fromSTL},
					{"c.srt", "d.stl", stlArgs},
					{"d.stl", "e.stl", fromSTL},
					{"e.stl", "f.vtt", fromSTL},
					{"f.vtt", "g.srt", r.args},
				}
				for _, st := range steps {
					step := st.from + " → " + st.to
					code, _, stderr := runArgs(t, "", append([]string{"convert", filepath.Join(dir, st.from), filepath.Join(dir, st.to)}, st.args...)...)
					require.Equal(t, app.ExitOK, code, "%s: %s", step, stderr)
					got, f := readBack(t, filepath.Join(dir, st.to), r)
					if f != nil {
						assert.Equal(t, origin, f.Start, "%s: TCP", step)
						expectCaptions(t, step, caps, got, r.rate, origin, true, open)
					} else {
						expectCaptions(t, step, caps, got, r.rate, 0, false, open)
					}
				}
				assert.Equal(t, b.String(), mustRead(t, filepath.Join(dir, "g.srt")), "the SRT comes back byte for byte")
			})
		}
	}
}

// STL → SRT is relative to the TCP by default, absolute with --start
// 00:00:00:00, and relative to any --start given.
func TestConvertSTLStart(t *testing.T) {
	r := timing.Rate25()
	doc := captions.Document{Language: "en", Captions: []captions.Caption{
		{Start: 10*time.Hour + time.Second, End: 10*time.Hour + 2*time.Second, Lines: []captions.Line{{Text: "One"}}},
		{Start: 10*time.Hour + 3*time.Second + r.Duration(7), End: 10*time.Hour + 5*time.Second, Lines: []captions.Line{{Text: "Two"}}},
	}}
	data, _, err := stl.Encode(doc, stl.Options{Rate: r, Start: 10 * time.Hour, Country: "GBR"})
	require.NoError(t, err)
	in := writeTemp(t, "news.stl", string(data))
	dir := filepath.Dir(in)
	out := filepath.Join(dir, "out.srt")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "00:00:01,000 --> 00:00:02,000"},
		{[]string{"--start", "00:00:00:00"}, "10:00:01,000 --> 10:00:02,000"},
		{[]string{"--start", "09:59:59:00"}, "00:00:02,000 --> 00:00:03,000"},
		{[]string{"--offset", "+00:00:01:12"}, "00:00:02,480 --> 00:00:03,480"},
		{[]string{"--offset", "-500ms", "--fps", "29.97"}, "00:00:00,501 --> 00:00:01,502"},
	} {
		code, _, stderr := runArgs(t, "", append([]string{"convert", in, out}, tc.args...)...)
		require.Equal(t, app.ExitOK, code, "%v: %s", tc.args, stderr)
		assert.Contains(t, mustRead(t, out), tc.want, "%v", tc.args)
	}
	// A caption before the programme start cannot be relative to it.
	code, _, stderr := runArgs(t, "", "convert", in, out, "--start", "10:00:02:00")
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "news.stl: subtitle 1 cannot be written as SRT: starts at -00:00:01.000")
}

// SRT → STL: --start is the TCP and where 0 lands; the default is
// 00:00:00:00; --offset and the language apply.
func TestConvertSRTToSTLStartAndLanguage(t *testing.T) {
	in := writeTemp(t, "in.srt", "1\n00:00:01,000 --> 00:00:02,000\nПривет\n\n2\n00:00:03,000 --> 00:00:04,000\nмир\n")
	out := filepath.Join(filepath.Dir(in), "out.stl")
	code, _, stderr := runArgs(t, "", "convert", in, out, "--fps", "25", "--language", "ru", "--set", "stl.country=RUS", "--offset", "+2s")
	require.Equal(t, app.ExitOK, code, stderr)
	f, err := stl.Decode([]byte(mustRead(t, out)), stl.ReadOptions{})
	require.NoError(t, err)
	assert.Equal(t, "00000000", f.GSI.TCP)
	assert.Equal(t, stl.TableCyrillic, f.GSI.CCT)
	assert.Equal(t, "56", f.GSI.LC)
	assert.Equal(t, "RUS", f.GSI.CO)
	assert.Equal(t, "STL25.01", f.GSI.DFC)
	require.Len(t, f.Document.Captions, 2)
	assert.Equal(t, 3*time.Second, f.Document.Captions[0].Start)
	assert.Equal(t, "Привет", f.Document.Captions[0].Text())

	// The language defaults to the profile's.
	code, _, stderr = runArgs(t, "", "convert", in, out, "--fps", "25", "--profile", "broadcast-en", "--set", "stl.country=GBR")
	assert.Equal(t, app.ExitBadInput, code, "Cyrillic in an English (Latin table) STL")
	assert.Contains(t, stderr, "in.srt:2: cue 1 cannot be written as EBU STL")
	assert.Contains(t, stderr, "П")
	code, _, stderr = runArgs(t, "", "convert", in, out, "--fps", "25", "--profile", "netflix-ru", "--set", "stl.country=RUS")
	require.Equal(t, app.ExitOK, code, "the profile's language picks the table: %s", stderr)
	f, err = stl.Decode([]byte(mustRead(t, out)), stl.ReadOptions{})
	require.NoError(t, err)
	assert.Equal(t, "56", f.GSI.LC)
	assert.Equal(t, stl.TableCyrillic, f.GSI.CCT)
	assert.Equal(t, "мир", f.Document.Captions[1].Text())

	code, _, stderr = runArgs(t, "", "convert", in, out, "--fps", "29.97", "--start", "01:00:00;00", "--language", "ru", "--set", "stl.country=RUS")
	require.Equal(t, app.ExitOK, code, stderr)
	f, err = stl.Decode([]byte(mustRead(t, out)), stl.ReadOptions{})
	require.NoError(t, err)
	assert.Equal(t, "01000000", f.GSI.TCP)
	assert.True(t, f.DropFrame)
	r := timing.Rate2997()
	assert.Equal(t, r.Duration(107892+30), f.Document.Captions[0].Start, "01:00:00;00 + 1 s (frame 30)")

	code, _, stderr = runArgs(t, "", "convert", in, out, "--fps", "29.97", "--drop-frame=false", "--start", "01:00:00:00", "--language", "ru", "--set", "stl.country=RUS")
	require.Equal(t, app.ExitOK, code, stderr)
	f, err = stl.Decode([]byte(mustRead(t, out)), stl.ReadOptions{Rate: r})
	require.NoError(t, err)
	assert.Equal(t, r.Duration(108000+30), f.Document.Captions[0].Start, "01:00:00:00 non-drop + 1 s")
}

// STL ⇄ STL between rates re-times by real time from the programme start:
// every time within half a target frame of the source's, the TCP label
// kept, drop frame at 29.97 by default.
func TestConvertSTLRetime(t *testing.T) {
	r25, r2997 := timing.Rate25(), timing.Rate2997()
	start := 10 * time.Hour
	var doc captions.Document
	doc.Language = "en"
	for i := int64(0); i < 500; i++ {
		in := timing.Frame(37*i + i%25)
		doc.Captions = append(doc.Captions, captions.Caption{
			Start: start + r25.Duration(in), End: start + r25.Duration(in+30+timing.Frame(i%7)),
			Lines: []captions.Line{{Text: "Caption " + strconv.FormatInt(i, 10)}},
		})
	}
	data, _, err := stl.Encode(doc, stl.Options{Rate: r25, Start: start, Country: "GBR"})
	require.NoError(t, err)
	in := writeTemp(t, "pal.stl", string(data))
	dir := filepath.Dir(in)
	ntsc, back := filepath.Join(dir, "ntsc.stl"), filepath.Join(dir, "back.stl")

	code, _, stderr := runArgs(t, "", "convert", in, ntsc, "--fps", "29.97")
	require.Equal(t, app.ExitOK, code, stderr)
	f, err := stl.Decode([]byte(mustRead(t, ntsc)), stl.ReadOptions{})
	require.NoError(t, err)
	assert.Equal(t, "STL30.01", f.GSI.DFC)
	assert.True(t, f.DropFrame, "29.97 is drop frame by default")
	assert.Equal(t, "10000000", f.GSI.TCP, "the programme keeps its start label")
	assert.Equal(t, "GBR", f.GSI.CO, "the source's GSI is kept")
	half := r2997.Duration(1) / 2
	require.Len(t, f.Document.Captions, len(doc.Captions))
	for i, c := range f.Document.Captions {
		for _, p := range [][2]time.Duration{{doc.Captions[i].Start - start, c.Start - f.Start}, {doc.Captions[i].End - start, c.End - f.Start}} {
			d := p[1] - p[0]
			require.True(t, d <= half && d >= -half, "caption %d: %v from the programme start became %v", i+1, p[0], p[1])
		}
		require.Equal(t, doc.Captions[i].Lines, c.Lines)
	}

	// And back to 25: within half a 25 fps frame of the original, which
	// here means the original frame.
	code, _, stderr = runArgs(t, "", "convert", ntsc, back, "--fps", "25")
	require.Equal(t, app.ExitOK, code, stderr)
	g, err := stl.Decode([]byte(mustRead(t, back)), stl.ReadOptions{})
	require.NoError(t, err)
	assert.Equal(t, "10000000", g.GSI.TCP)
	for i, c := range g.Document.Captions {
		require.Equal(t, r25.Frames(doc.Captions[i].Start), r25.Frames(c.Start), "caption %d", i+1)
		require.Equal(t, r25.Frames(doc.Captions[i].End), r25.Frames(c.End), "caption %d", i+1)
	}

	// Non-drop on request; 30 fps; an offset in STL → STL.
	code, _, stderr = runArgs(t, "", "convert", in, ntsc, "--fps", "30", "--offset", "-00:00:00:15")
	require.Equal(t, app.ExitOK, code, stderr)
	h, err := stl.Decode([]byte(mustRead(t, ntsc)), stl.ReadOptions{Rate: timing.Rate30()})
	require.NoError(t, err)
	assert.Equal(t, "10000000", h.GSI.TCP)
	r30 := timing.Rate30()
	for i, c := range h.Document.Captions {
		want := r30.Frames(doc.Captions[i].Start-start-500*time.Millisecond) + r30.Frames(start)
		require.Equal(t, want, r30.Frames(c.Start), "caption %d", i+1)
	}
}

// Bad input exits 2 and writes nothing.
func TestConvertSTLBadInputWritesNothing(t *testing.T) {
	dir := t.TempDir()
	put := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		return p
	}
	good := put("good.srt", "1\n00:00:01,000 --> 00:00:02,000\nx\n")
	han := put("han.srt", "1\n00:00:01,000 --> 00:00:02,000\nfine\n\n2\n00:00:03,000 --> 00:00:04,000\nsay 中文\n")
	var many strings.Builder
	for i := 0; i <= stl.MaxSubtitles; i++ {
		fmt.Fprintf(&many, "%d\n%s --> %s\nc\n\n", i+1, srtTime(time.Duration(i)*time.Second), srtTime(time.Duration(i)*time.Second+500*time.Millisecond))
	}
	manyPath := put("many.srt", many.String())
	data, _, err := stl.Encode(captions.Document{Language: "en", Captions: []captions.Caption{
		{Start: time.Second, End: 2 * time.Second, Lines: []captions.Line{{Text: "ok"}}},
	}}, stl.Options{Rate: timing.Rate25(), Country: "GBR"})
	require.NoError(t, err)
	truncated := put("truncated.stl", string(data[:len(data)-10]))
	badTC := append([]byte(nil), data...)
	badTC[1024+5] = 99 // TCI hours 99
	badTCPath := put("badtc.stl", string(badTC))
	notSTL := put("garbage.stl", strings.Repeat("x", 2000))
	goodSTL := put("good.stl", string(data))
	existing := put("existing.stl", "keep me")
	existingSRT := put("existing.srt", "keep me")
	cases := []struct {
		args []string
		msg  string
	}{
		{[]string{good, existing}, "SRT → EBU STL needs --fps"},
		{[]string{han, existing, "--fps", "25", "--set", "stl.country=GBR"}, "han.srt:6: cue 2 cannot be written as EBU STL: "},
		{[]string{manyPath, existing, "--fps", "25", "--set", "stl.country=GBR"}, "cue 65536 cannot be written as EBU STL: too many subtitles"},
		{[]string{truncated, existingSRT}, "truncated.stl: "},
		{[]string{badTCPath, existingSRT}, "badtc.stl: TTI block 1 TCI"},
		{[]string{notSTL, existingSRT}, "garbage.stl: "},
		{[]string{goodSTL, existing, "--fps", "26"}, "--fps: unknown frame rate"},
		{[]string{goodSTL, existingSRT, "--start", "00:00:00:25"}, "--start (at the STL's rate)"},
		{[]string{good, existing, "--fps", "25", "--start", "00:00:00;00"}, "--start: timecode"},
		{[]string{goodSTL, existingSRT, "--language", "fr"}, "--language sets the captions' language"},
		{[]string{good, existing, "--fps", "25", "--profile", "nope"}, "profile"},
		{[]string{good, existingSRT, "--from-fps", "30"}, "--from-fps gives an EBU STL input's rate"},
		{[]string{good, existing, "--fps", "25", "--set", "stl.country=GB"}, "stl.country"},
	}
	for _, tc := range cases {
		code, _, stderr := runArgs(t, "", append([]string{"convert"}, tc.args...)...)
		assert.Equal(t, app.ExitBadInput, code, "%v: %s", tc.args, stderr)
		assert.Contains(t, stderr, tc.msg, "%v", tc.args)
		assert.Equal(t, "keep me", mustRead(t, existing), "%v", tc.args)
		assert.Equal(t, "keep me", mustRead(t, existingSRT), "%v", tc.args)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 9, "no partial or temporary files")
}

func srtTime(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d:%02d,%03d", int(d/time.Hour), int(d/time.Minute)%60, int(d/time.Second)%60, int(d/time.Millisecond)%1000)
}

// WebVTT voices become Teletext colours with stl.speaker_colors.
func TestConvertSpeakersToSTLColours(t *testing.T) {
	in := writeTemp(t, "in.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Anna>Hello</v>\n<v Ben>Hi</v>\n")
	out := filepath.Join(filepath.Dir(in), "out.stl")
	code, _, stderr := runArgs(t, "", "convert", in, out, "--fps", "25", "--set", "stl.speaker_colors=true", "--set", "stl.country=GBR")
	require.Equal(t, app.ExitOK, code, stderr)
	f, err := stl.Decode([]byte(mustRead(t, out)), stl.ReadOptions{})
	require.NoError(t, err)
	require.Len(t, f.Document.Captions, 1)
	ls := f.Document.Captions[0].Lines
	assert.Equal(t, []captions.Line{{Text: "Hello"}, {Text: "Hi", Color: captions.ColorYellow}}, ls)
}

var ttconvTime = regexp.MustCompile(`^(\d+):(\d\d):(\d\d),(\d{3}) --> (\d+):(\d\d):(\d\d),(\d{3})`)

// ttconvCues reads path with ttconv (Sandflow, python3-ttconv), an EBU STL
// reader nobody here wrote, and returns its cues as SRT times and text.
func ttconvCues(t *testing.T, path string) []captions.Caption {
	t.Helper()
	bin, err := exec.LookPath("ttconv")
	if err != nil {
		t.Skip("ttconv not installed (Debian package python3-ttconv): independent STL check skipped")
	}
	out := filepath.Join(t.TempDir(), "ttconv.srt")
	cmd := exec.Command(bin, "convert", "-i", path, "-o", out)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	require.NoError(t, cmd.Run(), log.String())
	for _, l := range strings.Split(log.String(), "\n") {
		if strings.Contains(l, "WARNING") || strings.Contains(l, "ERROR") {
			t.Errorf("ttconv: %s", l)
		}
	}
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	var cues []captions.Caption
	for _, block := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n\n") {
		ls := strings.Split(strings.Trim(block, "\n"), "\n")
		if len(ls) < 2 {
			continue
		}
		m := ttconvTime.FindStringSubmatch(ls[1])
		require.NotNil(t, m, "ttconv time line %q", ls[1])
		at := func(i int) time.Duration {
			var v [4]int
			for k := range v {
				v[k], _ = strconv.Atoi(m[i+k])
			}
			return time.Duration(v[0])*time.Hour + time.Duration(v[1])*time.Minute + time.Duration(v[2])*time.Second + time.Duration(v[3])*time.Millisecond
		}
		c := captions.Caption{Start: at(1), End: at(5)}
		for _, l := range ls[2:] {
			c.Lines = append(c.Lines, captions.Line{Text: l})
		}
		cues = append(cues, c)
	}
	return cues
}

var ttconvFont = regexp.MustCompile(`</?font[^>]*>`)

// The STL files convert writes — from SRT at 25 and 29.97 drop frame with a
// programme start, and re-timed from 25 to 29.97 — are read by ttconv as
// exactly our cues: count, text, times (absolute, TCP included) to the
// millisecond of the frame. ttconv reads STL30.01 as 29.97 drop frame.
func TestConvertSTLReadByTTConv(t *testing.T) {
	if _, err := exec.LookPath("ttconv"); err != nil {
		t.Skip("ttconv not installed (Debian package python3-ttconv): independent STL check skipped")
	}
	for _, r := range convertRates()[:2] {
		t.Run(r.name, func(t *testing.T) {
			caps := sharedCaptions(120, r.rate, false)
			var b strings.Builder
			_, err := srt.Write(&b, captions.Document{Captions: caps}, srt.WriteOptions{})
			require.NoError(t, err)
			in := writeTemp(t, "in.srt", b.String())
			dir := filepath.Dir(in)
			out, re := filepath.Join(dir, "out.stl"), filepath.Join(dir, "re.stl")
			code, _, stderr := runArgs(t, "", append([]string{"convert", in, out, "--start", r.start, "--language", "fr", "--set", "stl.country=FRA"}, r.args...)...)
			require.Equal(t, app.ExitOK, code, stderr)
			tcp, err := timing.ParseTimecode(r.start, r.rate, r.drop)
			require.NoError(t, err)
			checkTTConv(t, out, caps, r.rate, r.rate.Duration(tcp))

			// Re-timed to the other rate, read by ttconv at that rate.
			other := convertRates()[1-map[string]int{"25": 0, "29.97DF": 1}[r.name]]
			code, _, stderr = runArgs(t, "", "convert", out, re, "--fps", other.rate.String())
			require.Equal(t, app.ExitOK, code, stderr)
			f, err := stl.Decode([]byte(mustRead(t, re)), stl.ReadOptions{})
			require.NoError(t, err)
			var want []captions.Caption
			for _, c := range caps {
				c.Start = other.rate.Duration(other.rate.Frames(c.Start))
				c.End = other.rate.Duration(other.rate.Frames(c.End))
				want = append(want, c)
			}
			checkTTConv(t, re, want, other.rate, f.Start)
		})
	}
}

func checkTTConv(t *testing.T, path string, want []captions.Caption, rate timing.Rate, origin time.Duration) {
	t.Helper()
	cues := ttconvCues(t, path)
	require.Len(t, cues, len(want), "ttconv's cue count")
	for i, w := range want {
		for k, p := range [][2]time.Duration{{w.Start + origin, cues[i].Start}, {w.End + origin, cues[i].End}} {
			frame := rate.Duration(rate.Frames(p[0]))
			d := p[1] - frame
			assert.True(t, d <= time.Millisecond && d >= -time.Millisecond, "cue %d time %d: ttconv %v, frame time %v", i+1, k, p[1], frame)
		}
		var got []string
		for _, l := range cues[i].Lines {
			got = append(got, ttconvFont.ReplaceAllString(l.Text, ""))
		}
		assert.Equal(t, strings.Split(w.Text(), "\n"), got, "cue %d text", i+1)
	}
}

// STL → STL between any pair of supported rates keeps every time within
// half a frame of the labels the output file counts (50 and 59.94 write
// 25 and 30 labels a second), relative to the programme start.
func TestConvertSTLEveryRatePair(t *testing.T) {
	sources := []convertRate{convertRates()[0], convertRates()[1]}
	for _, src := range sources {
		var doc captions.Document
		doc.Language = "en"
		start := src.rate.Duration(mustTC(t, src.start, src.rate, src.drop))
		for i := int64(0); i < 200; i++ {
			in := timing.Frame(41*i + i%int64(src.rate.Nominal()))
			doc.Captions = append(doc.Captions, captions.Caption{
				Start: start + src.rate.Duration(in), End: start + src.rate.Duration(in+37),
				Lines: []captions.Line{{Text: "Caption " + strconv.FormatInt(i, 10)}},
			})
		}
		data, _, err := stl.Encode(doc, stl.Options{Rate: src.rate, DropFrame: src.drop, Start: start, Country: "GBR"})
		require.NoError(t, err)
		in := writeTemp(t, "in.stl", string(data))
		for _, target := range timing.SupportedRates() {
			out := filepath.Join(filepath.Dir(in), "out.stl")
			code, _, stderr := runArgs(t, "", "convert", in, out, "--fps", target.String())
			require.Equal(t, app.ExitOK, code, "%s → %s: %s", src.name, target, stderr)
			var ro stl.ReadOptions
			if target.Nominal()%30 == 0 && !target.DropFrameCapable() {
				ro.Rate = timing.Rate30() // STL30.01 does not say 30 (--from-fps 30)
			}
			f, err := stl.Decode([]byte(mustRead(t, out)), ro)
			require.NoError(t, err)
			half := f.Rate.Duration(1)/2 + 1
			require.Len(t, f.Document.Captions, len(doc.Captions))
			for i, c := range f.Document.Captions {
				d := (c.Start - f.Start) - (doc.Captions[i].Start - start)
				require.True(t, d <= half && d >= -half, "%s → %s caption %d: %v off", src.name, target, i+1, d)
				d = (c.End - f.Start) - (doc.Captions[i].End - start)
				require.True(t, d <= half && d >= -half, "%s → %s caption %d end: %v off", src.name, target, i+1, d)
			}
		}
	}
}

func mustTC(t *testing.T, s string, r timing.Rate, drop bool) timing.Frame {
	t.Helper()
	n, err := timing.ParseTimecode(s, r, drop)
	require.NoError(t, err)
	return n
}

// An STL named anything is known by its GSI; --to stl writes one whatever
// OUT's name; a caption before the TCP says how to keep absolute times.
func TestConvertSTLSniffAndEarlyCaption(t *testing.T) {
	r := timing.Rate25()
	doc := captions.Document{Language: "en", Captions: []captions.Caption{
		{Start: 10*time.Hour - time.Second, End: 10 * time.Hour, Lines: []captions.Line{{Text: "Early"}}},
	}}
	data, _, err := stl.Encode(doc, stl.Options{Rate: r, Start: 10 * time.Hour, Country: "GBR"})
	require.NoError(t, err)
	in := writeTemp(t, "delivery.dat", string(data))
	dir := filepath.Dir(in)
	code, _, stderr := runArgs(t, "", "convert", in, filepath.Join(dir, "x.srt"))
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "delivery.dat: subtitle 1 cannot be written as SRT: starts at -00:00:01.000")
	assert.Contains(t, stderr, "relative to the STL's programme start 10:00:00:00, and --start 00:00:00:00 keeps them absolute")
	code, _, stderr = runArgs(t, "", "convert", in, filepath.Join(dir, "x.srt"), "--start", "00:00:00:00")
	require.Equal(t, app.ExitOK, code, stderr)
	assert.Contains(t, mustRead(t, filepath.Join(dir, "x.srt")), "09:59:59,000 --> 10:00:00,000")
	code, _, stderr = runArgs(t, "", "convert", filepath.Join(dir, "x.srt"), filepath.Join(dir, "y.out"), "--to", "stl", "--fps", "25", "--set", "stl.country=GBR")
	require.Equal(t, app.ExitOK, code, stderr)
	f, err := stl.Decode([]byte(mustRead(t, filepath.Join(dir, "y.out"))), stl.ReadOptions{})
	require.NoError(t, err)
	assert.Equal(t, 10*time.Hour-time.Second, f.Document.Captions[0].Start)
}
