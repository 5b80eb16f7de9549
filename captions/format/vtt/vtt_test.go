package vtt

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	astisub "github.com/asticode/go-astisub"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetest"
	"github.com/sotcap/sotcap/internal/atomicfile"
	"github.com/sotcap/sotcap/timing"
)

func ms(n int64) time.Duration { return time.Duration(n) * time.Millisecond }

func write(t *testing.T, caps ...captions.Caption) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, writeDoc(&b, captions.Document{Captions: caps}))
	return b.String()
}

func TestWriteFormat(t *testing.T) {
	got := write(t,
		captions.Caption{Start: 1500 * time.Millisecond, End: 3 * time.Second, Lines: []captions.Line{{Text: "Hello"}, {Text: "world", Italic: true}}},
		captions.Caption{Start: 3*time.Second + 40*time.Millisecond, End: 25 * time.Hour / 10, Row: 20, Align: captions.AlignLeft,
			Lines: []captions.Line{{Text: "Café & <b> -->", Color: captions.ColorGreen, Speaker: "Anna <&> Bo", Italic: true}, {Text: "No voice"}}},
	)
	want := "WEBVTT\n\n" +
		"1\n00:00:01.500 --> 00:00:03.000\nHello\n<i>world</i>\n\n" +
		"2\n00:00:03.040 --> 02:30:00.000 align:left line:83%\n" +
		"<v Anna &lt;&amp;&gt; Bo><c.lime><i>Café &amp; &lt;b&gt; --&gt;</i></c></v>\nNo voice\n"
	assert.Equal(t, want, got)
	var b bytes.Buffer
	require.NoError(t, writeDoc(&b, captions.Document{}))
	assert.Equal(t, "WEBVTT\n", b.String(), "an empty document is a valid empty file")
}

func TestRowPercentRoundTrips(t *testing.T) {
	for row := 1; row <= 23; row++ {
		assert.Equal(t, row, percentRow(float64(rowPercent(row))), "row %d", row)
	}
}

func TestWriteRefusesBadCaptions(t *testing.T) {
	ok := captions.Caption{Start: time.Second, End: 2 * time.Second, Lines: []captions.Line{{Text: "fine"}}}
	cases := []struct {
		name string
		c    captions.Caption
		msg  string
	}{
		{"negative", captions.Caption{Start: -time.Millisecond, End: time.Second, Lines: ok.Lines}, "before 00:00:00.000"},
		{"order", captions.Caption{Start: 0, End: 3 * time.Second, Lines: ok.Lines}, "must be in order"},
		{"empty", captions.Caption{Start: 3 * time.Second, End: 4 * time.Second}, "no text"},
		{"blank", captions.Caption{Start: 3 * time.Second, End: 4 * time.Second, Lines: []captions.Line{{Text: "\u00a0"}}}, "blank"},
		{"break", captions.Caption{Start: 3 * time.Second, End: 4 * time.Second, Lines: []captions.Line{{Text: "a\u2028b"}}}, "line break"},
		{"speaker break", captions.Caption{Start: 3 * time.Second, End: 4 * time.Second, Lines: []captions.Line{{Text: "a", Speaker: "A\nB"}}}, "speaker"},
		{"colour", captions.Caption{Start: 3 * time.Second, End: 4 * time.Second, Lines: []captions.Line{{Text: "a", Color: 99}}}, "unknown colour"},
	}
	for _, tc := range cases {
		var b bytes.Buffer
		err := writeDoc(&b, captions.Document{Captions: []captions.Caption{ok, tc.c}})
		require.Error(t, err, tc.name)
		var ce *captions.CaptionError
		require.True(t, errors.As(err, &ce))
		assert.Equal(t, 2, ce.Caption)
		assert.Contains(t, err.Error(), tc.msg, tc.name)
		assert.Zero(t, b.Len(), "%s: nothing written", tc.name)
	}
}

func readAll(t *testing.T, in string) ([]captions.Caption, *Reader) {
	t.Helper()
	r := NewReader(strings.NewReader(in))
	caps, err := r.ReadAll()
	require.NoError(t, err)
	return caps, r
}

func TestReadBlocksAndEndings(t *testing.T) {
	base := "WEBVTT - a title\n\nNOTE a comment\nover two lines\n\n" +
		"intro\n00:01.000 --> 00:02.000\nHello\n\n" +
		"00:00:03.000 --> 00:00:04.500 position:10% size:50%\nBye\n"
	for name, in := range map[string]string{
		"LF": base, "CRLF": strings.ReplaceAll(base, "\n", "\r\n"), "CR": strings.ReplaceAll(base, "\n", "\r"), "BOM": "\ufeff" + base,
	} {
		caps, r := readAll(t, in)
		require.Len(t, caps, 2, name)
		assert.Equal(t, "Hello", caps[0].Text())
		assert.Equal(t, time.Second, caps[0].Start)
		assert.Equal(t, 4500*time.Millisecond, caps[1].End)
		assert.Empty(t, r.Warnings(), name)
	}
}

func TestReadMarkup(t *testing.T) {
	in := "WEBVTT\n\n" +
		"00:00:01.000 --> 00:00:02.000 line:83% align:start\n" +
		"<v Anna>Hello</v> <v Anna><i>world</i></v>\n" + // whitespace between tags kept
		"<v.loud Bo &amp; Co><c.yellow.bg_black>&lt;loud&gt; &amp; clear</c>\n" + // voice open to the end of the cue
		"<i>still Bo</i>\n\n" +
		"00:00:03.000 --> 00:00:04.000 line:0 align:end\n<c.lime>green</c> <b>bold</b> <00:00:03.500>karaoke &#8212; &nbsp;x &unknown;\n\n" +
		"00:00:05.000 --> 00:00:06.000 line:-1 align:middle\n<ruby>漢<rt>kan</rt></ruby> <lang ar>مرحبا</lang>\n"
	caps, r := readAll(t, in)
	require.Len(t, caps, 3)
	assert.Equal(t, captions.Caption{Start: time.Second, End: 2 * time.Second, Row: 20, Align: captions.AlignLeft, Lines: []captions.Line{
		{Text: "Hello world", Speaker: "Anna"},
		{Text: "<loud> & clear", Speaker: "Bo & Co", Color: captions.ColorYellow},
		{Text: "still Bo", Speaker: "Bo & Co", Italic: true},
	}}, caps[0])
	assert.Equal(t, captions.Caption{Start: 3 * time.Second, End: 4 * time.Second, Row: 1, Align: captions.AlignRight, Lines: []captions.Line{
		{Text: "green bold karaoke — \u00a0x &unknown;"},
	}}, caps[1])
	assert.Equal(t, 23, caps[2].Row)
	assert.Equal(t, captions.AlignCenter, caps[2].Align)
	assert.Equal(t, "漢kan مرحبا", caps[2].Text())
	ws := cuetest.WarnText(r)
	assert.Contains(t, ws, "line 4: italics on part of a line")
	assert.Contains(t, ws, "line 9: several colours on one line")
}

func TestReadToleratesWithWarnings(t *testing.T) {
	in := "WEBVTT\nKind: captions\n\nSTYLE\n::cue { color: red }\n\n" +
		"00:00:01.000 --> 00:00:02.000 bogus:1 line:abc\nfirst\n\nafter a blank line\n\n" +
		"00:00:03.000 --> 00:00:04.000\nnext\n00:00:05.000 --> 00:00:06.000\n\n" + // no blank line before; empty cue
		"00:00:04.000 --> 00:00:07.000\n<foo>x</foo> <unclosed\n"
	caps, r := readAll(t, in)
	require.Len(t, caps, 4)
	// A blank line ends a cue; what follows is a block of its own, which
	// browsers skip. An unclosed tag runs to the end of the text.
	assert.Equal(t, []string{"first", "next", "", "x "}, []string{caps[0].Text(), caps[1].Text(), caps[2].Text(), caps[3].Text()})
	ws := cuetest.WarnText(r)
	for _, w := range []string{
		`line 2: header line "Kind: captions" ignored`,
		"line 4: STYLE block ignored",
		`line 7: unknown cue setting "bogus:1"`,
		`line 7: cue setting "line:abc" ignored`,
		`line 10: block skipped: "after a blank line" is not followed by a timing line`,
		"line 14: no blank line before this cue",
		"line 14: cue 3 has no text",
		"line 16: cue 4 starts before",
		"line 17: unknown tag <foo> removed",
		`line 17: unclosed tag "<unclosed" removed`,
	} {
		assert.Contains(t, ws, w)
	}
}

func TestReadErrors(t *testing.T) {
	// Not WebVTT at all: an error in either mode.
	for in, msg := range map[string]string{
		"":                                      "in.vtt:1:1: not a WebVTT file: empty input",
		"1\n00:00:01.000 --> 00:00:02.000\nx\n": "in.vtt:1:1: not a WebVTT file: expected WEBVTT at the start",
		"WEBVTTX\n":                             "not a WebVTT file",
		"\ufeff\ufeffWEBVTT\n":                  "not a WebVTT file",
	} {
		for _, strict := range []bool{false, true} {
			r := NewReader(strings.NewReader(in))
			r.File, r.Strict = "in.vtt", strict
			_, err := r.ReadAll()
			require.ErrorIs(t, err, ErrSignature, "%q", in)
			assert.ErrorContains(t, err, msg, "%q", in)
		}
	}
	cases := []struct {
		in, msg  string
		sentinel error
		lenient  string // what the lenient reader warns instead
	}{
		{"WEBVTT\n\nid\nnot timing\n", `in.vtt:3:1: not a cue: block skipped: "id"`, ErrBlock, `line 3: block skipped: "id"`},
		{"WEBVTT\n\nid\n", `in.vtt:3:1: not a cue`, ErrBlock, `line 3: block skipped: "id"`},
		{"WEBVTT\nRegion: id=a\n\n", `in.vtt:2:1: not a cue: header line "Region: id=a" ignored`, ErrBlock, `line 2: header line "Region: id=a" ignored`},
		{"WEBVTT\n\n00:00:01,000 --> 00:00:02.000\nx\n", "in.vtt:3:1: malformed cue timing line: expected a start time", ErrTiming, "line 3: cue skipped: malformed cue timing line"},
		{"WEBVTT\n\n00:00:01.00 --> 00:00:02.000\nx\n", "in.vtt:3:1: malformed cue timing line", ErrTiming, "line 3: cue skipped"},
		{"WEBVTT\n\n00:01.000 --> 0:02.000\nx\n", "3:15: malformed cue timing line: expected an end time", ErrTiming, "line 3: cue skipped"},
		{"WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nx\n", "in.vtt:3:1: not a cue", ErrBlock, "line 3: block skipped"},
		{"WEBVTT\n\n00:00:03.000 --> 00:00:02.000\n", "cue ends (00:00:02.000) before it starts", ErrTiming, "line 3: cue ends (00:00:02.000) before it starts (00:00:03.000); kept"},
		{"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nx\n\nSTYLE\n::cue {}\n", "in.vtt:6:1: not a cue: STYLE block after the first cue", ErrBlock, "line 6: STYLE block after the first cue ignored"},
	}
	for _, tc := range cases {
		r := NewReader(strings.NewReader(tc.in))
		r.File, r.Strict = "in.vtt", true
		_, err := r.ReadAll()
		require.Error(t, err, tc.in)
		var pe *captions.ParseError
		require.True(t, errors.As(err, &pe), "%T %v", err, err)
		assert.Contains(t, err.Error(), tc.msg, "%q", tc.in)
		assert.ErrorIs(t, err, tc.sentinel, "%q", tc.in)

		lr := NewReader(strings.NewReader(tc.in))
		_, err = lr.ReadAll()
		require.NoError(t, err, "%q", tc.in)
		assert.Contains(t, cuetest.WarnText(lr), tc.lenient, "%q", tc.in)
	}
}

func TestRoundTripEveryRate(t *testing.T) {
	for _, rate := range timing.SupportedRates() {
		caps, frames := cuetest.FrameCaptions(500, rate)
		got, _ := codec().WriteRead(t, caps)
		cuetest.AssertRoundTrip(t, caps, got, rate, frames, nil)
	}
}

func styled() []captions.Caption {
	var caps []captions.Caption
	colors := []captions.Color{captions.ColorDefault, captions.ColorWhite, captions.ColorYellow, captions.ColorCyan, captions.ColorGreen,
		captions.ColorRed, captions.ColorBlue, captions.ColorMagenta, captions.ColorBlack}
	texts := cuetest.Texts()
	for i := 0; i < 46; i++ {
		row := i % 24 // 0 (default) and every Teletext row
		c := captions.Caption{Start: ms(int64(1000 + 2000*i)), End: ms(int64(2500 + 2000*i)), Row: row, Align: captions.Align(i % 4)}
		for k := 0; k <= i%3; k++ {
			l := captions.Line{Text: texts[(i+k)%len(texts)], Italic: (i+k)%2 == 0, Color: colors[(i+k)%len(colors)]}
			if (i+k)%3 != 0 {
				l.Speaker = []string{"Anna", "Dr. Ørsted", "Bo & Co", "محمد"}[(i+k)%4]
			}
			c.Lines = append(c.Lines, l)
		}
		caps = append(caps, c)
	}
	return caps
}

func TestRoundTripStyles(t *testing.T) {
	caps := styled()
	got, r := codec().WriteRead(t, caps)
	cuetest.AssertRoundTrip(t, caps, got, timing.Rate{}, nil, nil)
	assert.Empty(t, r.Warnings())
}

func TestRoundTrip100000(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	caps, frames := cuetest.FrameCaptions(100000, timing.Rate5994())
	got, r := codec().WriteRead(t, caps)
	cuetest.AssertRoundTrip(t, caps, got, timing.Rate5994(), frames, nil)
	assert.Zero(t, r.WarningCount())
}

// go-astisub's WebVTT writer is an oracle for cues without voices (it
// leaves <v> open) and without ">" in text (it does not escape it).
func TestAstisubWriterOracle(t *testing.T) {
	caps, _ := cuetest.FrameCaptions(2000, timing.Rate25())
	var plain []captions.Caption
	s := astisub.NewSubtitles()
	for _, c := range caps {
		if strings.ContainsAny(c.Text(), ">") {
			continue
		}
		plain = append(plain, c)
		it := &astisub.Item{StartAt: c.Start, EndAt: c.End}
		for _, l := range c.Lines {
			li := astisub.LineItem{Text: l.Text}
			if l.Italic {
				li.InlineStyle = &astisub.StyleAttributes{WebVTTTags: []astisub.WebVTTTag{{Name: "i"}}}
			}
			it.Lines = append(it.Lines, astisub.Line{Items: []astisub.LineItem{li}})
		}
		s.Items = append(s.Items, it)
	}
	var want, got bytes.Buffer
	require.NoError(t, s.WriteToWebVTT(&want))
	require.NoError(t, writeDoc(&got, captions.Document{Captions: plain}))
	assert.Equal(t, want.String(), got.String())
}

// go-astisub's WebVTT reader returns no cues and no error for a file
// without the header; ours says what is wrong.
func TestAstisubReaderDefects(t *testing.T) {
	in := "1\n00:00:01.000 --> 00:00:02.000\nHello\n\n2\n00:00:03.000 --> 00:00:04.000\nworld\n"
	s, err := astisub.ReadFromWebVTT(strings.NewReader(in))
	require.NoError(t, err, "go-astisub defect fixed?")
	assert.Empty(t, s.Items, "go-astisub defect fixed?")
	_, err = NewReader(strings.NewReader(in)).ReadAll()
	assert.ErrorContains(t, err, "line 1, column 1: not a WebVTT file: expected WEBVTT at the start")

}

func writeVTT(t *testing.T, caps []captions.Caption) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, writeDoc(&b, captions.Document{Captions: caps}))
	return b.Bytes()
}

// Headless Chromium's own WebVTT parser reads every file we write the
// way viewers' browsers will: every rate, every style, in one launch.
func TestChromiumReadsOurWebVTT(t *testing.T) {
	type file struct {
		name string
		caps []captions.Caption
	}
	var files []file
	for _, rate := range timing.SupportedRates() {
		caps, _ := cuetest.FrameCaptions(400, rate)
		files = append(files, file{"rate " + rate.String(), caps})
	}
	files = append(files, file{"styled", styled()})
	var texts []string
	for _, f := range files {
		texts = append(texts, string(writeVTT(t, f.caps)))
	}
	got := cuetest.Chromium(t, texts...)
	require.Len(t, got, len(files))
	for fi, f := range files {
		require.Equal(t, cuetest.CountArrows([]byte(texts[fi])), len(got[fi]), "%s: Chromium cue count vs timing lines", f.name)
		require.Len(t, got[fi], len(f.caps), f.name)
		for i, w := range f.caps {
			g := got[fi][i]
			if !cuetest.Within1ms(g.Start, w.Start) || !cuetest.Within1ms(g.End, w.End) {
				t.Fatalf("%s cue %d: %v --> %v, want %v --> %v", f.name, i+1, g.Start, g.End, w.Start, w.End)
			}
			require.Equal(t, w.Text(), g.Text, "%s cue %d", f.name, i+1)
			var voices, classes []string
			italics := 0
			for _, l := range w.Lines {
				if l.Speaker != "" {
					voices = append(voices, l.Speaker)
				}
				if l.Color != captions.ColorDefault {
					classes = append(classes, className(l.Color))
				}
				if l.Italic {
					italics++
				}
			}
			assert.Equal(t, voices, nilIfEmpty(g.Voices), "%s cue %d voices", f.name, i+1)
			assert.Equal(t, classes, nilIfEmpty(g.Classes), "%s cue %d classes", f.name, i+1)
			assert.Equal(t, italics, g.Italics, "%s cue %d italics", f.name, i+1)
			wantLine := "auto"
			if w.Row > 0 {
				wantLine = strconv.Itoa(rowPercent(w.Row))
			}
			assert.Equal(t, wantLine, g.Line, "%s cue %d line", f.name, i+1)
			wantAlign := map[captions.Align]string{captions.AlignDefault: "center", captions.AlignLeft: "left", captions.AlignCenter: "center", captions.AlignRight: "right"}[w.Align]
			assert.Equal(t, wantAlign, g.Align, "%s cue %d align", f.name, i+1)
		}
	}
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// FFmpeg reads our WebVTT too (files without voices: FFmpeg mangles a
// voice annotation that holds "&amp;").
func TestFFmpegReadsOurWebVTT(t *testing.T) {
	cuetest.Need(t, "ffmpeg", "ffmpeg")
	for _, rate := range timing.SupportedRates() {
		caps, _ := cuetest.FrameCaptions(300, rate)
		p := filepath.Join(t.TempDir(), "out.vtt")
		require.NoError(t, atomicfile.WriteFile(p, func(w io.Writer) error { return writeDoc(w, captions.Document{Captions: caps}) }))
		cuetest.AssertCues(t, "ffmpeg@"+rate.String(), caps, cuetest.FFmpeg(t, p))
	}
}

func TestSkipMalformed(t *testing.T) {
	in := "WEBVTT\n\n00:01.000 --> 00:02.000\nOne.\n\n00:03.000 --> 00:0x.000\nBroken.\n\n00:05.000 --> 00:06.000\nThree.\n"
	rd := NewReader(strings.NewReader(in))
	rd.Strict = true
	_, err := rd.ReadAll()
	require.ErrorIs(t, err, ErrTiming)
	rd = NewReader(strings.NewReader(in))
	caps, err := rd.ReadAll()
	require.NoError(t, err)
	require.Len(t, caps, 2)
	assert.Equal(t, "Three.", caps[1].Text())
	assert.Equal(t, 1, rd.Skipped())
	// A missing header is not a malformed cue: it still fails.
	rd = NewReader(strings.NewReader("00:01.000 --> 00:02.000\nOne.\n"))
	_, err = rd.ReadAll()
	require.ErrorIs(t, err, ErrSignature)
}

// TestDeeplyNestedTags reads 200,000 nested tags of every kind (a file
// that took minutes when each tag recomputed the style of every open
// one); unmatched end tags are ignored one by one.
func TestDeeplyNestedTags(t *testing.T) {
	want := strings.TrimSuffix(strings.Repeat("in\n", 20)+strings.Repeat("out\n", 20), "\n")
	for _, tags := range [][2]string{{"<i>", "</i>"}, {"<c.yellow>", "</c>"}, {"<v Anna>", "</v>"}, {"<b>", "</x>"}, {"<ruby><rt>", "</ruby>"}} {
		caps, err := NewReader(bytes.NewReader(nested(200000, tags[0], tags[1]))).ReadAll()
		require.NoError(t, err, tags[0])
		require.Len(t, caps, 1)
		assert.Equal(t, want, caps[0].Text(), tags[0])
	}
	caps, err := NewReader(bytes.NewReader(nested(200000, "<i>", "</i>"))).ReadAll()
	require.NoError(t, err)
	assert.True(t, caps[0].Lines[0].Italic)
	assert.True(t, caps[0].Lines[20].Italic, "190,000 tags still open")
	assert.False(t, caps[0].Lines[39].Italic, "the last end tag closes the first start tag")
	caps, err = NewReader(bytes.NewReader(nested(200000, "<i>", "</b>"))).ReadAll()
	require.NoError(t, err)
	assert.True(t, caps[0].Lines[39].Italic, "unmatched end tags are ignored")
}

// TestUnclosedMarkupIsLinear reads a line of a megabyte of "&" and of "<"
// (a search for ";" or ">" from each would be quadratic).
func TestUnclosedMarkupIsLinear(t *testing.T) {
	for _, unit := range []string{"&", "&a", "<"} {
		line := strings.Repeat(unit, (1<<20-10)/len(unit)) + ";>"
		caps, err := NewReader(strings.NewReader("WEBVTT\n\n00:00.000 --> 00:01.000\n" + line + "\n")).ReadAll()
		require.NoError(t, err, unit)
		require.Len(t, caps, 1)
	}
}
