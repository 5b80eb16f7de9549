package srt

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

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
		captions.Caption{Start: 3*time.Second + 40*time.Millisecond, End: 36*time.Hour/10 + 5*time.Millisecond, Lines: []captions.Line{{Text: "Café", Color: captions.ColorYellow, Speaker: "Anna"}}, Row: 1, Align: captions.AlignLeft},
	)
	want := "1\n00:00:01,500 --> 00:00:03,000\nHello\n<i>world</i>\n\n" +
		"2\n00:00:03,040 --> 03:36:00,005\n{\\an7}<font color=\"#ffff00\">Café</font>\n"
	assert.Equal(t, want, got)
	assert.False(t, strings.HasPrefix(got, "\ufeff"), "no BOM")
}

func TestWriteRoundsToNearestMillisecond(t *testing.T) {
	// 29.97 fps: frame 1 is 33.366… ms, frame 2 66.733… ms. go-astisub
	// floors (066); we round to the nearest (067).
	r := timing.Rate2997()
	got := write(t, captions.Caption{Start: r.Duration(1), End: r.Duration(2), Lines: []captions.Line{{Text: "x"}}})
	assert.Contains(t, got, "00:00:00,033 --> 00:00:00,067")
	// Half a millisecond rounds up, just under it rounds down.
	got = write(t, captions.Caption{Start: 1499999 * time.Nanosecond, End: 2500 * time.Microsecond, Lines: []captions.Line{{Text: "x"}}})
	assert.Contains(t, got, "00:00:00,001 --> 00:00:00,003")
}

func TestWriteRefusesBadCaptions(t *testing.T) {
	ok := captions.Caption{Start: time.Second, End: 2 * time.Second, Lines: []captions.Line{{Text: "fine"}}}
	line := func(s string) captions.Caption {
		c := ok
		c.Lines = []captions.Line{{Text: s}}
		return c
	}
	cases := []struct {
		name string
		c    captions.Caption
		msg  string
	}{
		{"negative start", captions.Caption{Start: -time.Second, End: time.Second, Lines: ok.Lines}, "before 00:00:00.000"},
		{"end before start", captions.Caption{Start: 2 * time.Second, End: time.Second, Lines: ok.Lines}, "before its start"},
		{"out of order", captions.Caption{Start: 500 * time.Millisecond, End: 3 * time.Second, Lines: ok.Lines}, "before the previous caption"},
		{"no lines", captions.Caption{Start: 3 * time.Second, End: 4 * time.Second}, "has no text"},
		{"blank line", line("  "), "blank"},
		{"empty line", captions.Caption{Start: 3 * time.Second, End: 4 * time.Second, Lines: []captions.Line{{Text: "a"}, {Text: ""}}}, "line 2 is blank"},
		{"line break", line("a\nb"), "line break"},
		{"CR", line("a\rb"), "line break"},
		{"arrow", line("go --> there"), `"-->"`},
		{"italic tag", line("a <i>b"), "tag"},
		{"font tag", line("<FONT color=red>b"), "tag"},
		{"close tag", line("a</b>"), "tag"},
		{"not a tag to us, a tag to FFmpeg", line("a < b & c > d"), "tag"},
		{"override", line(`{\an8}top`), `"{\"`},
		{"< in italics", captions.Caption{Start: 3 * time.Second, End: 4 * time.Second, Lines: []captions.Line{{Text: "2 < 3", Italic: true}}}, "closing tag"},
		{"< in colour", captions.Caption{Start: 3 * time.Second, End: 4 * time.Second, Lines: []captions.Line{{Text: "2 < 3", Color: captions.ColorRed}}}, "closing tag"},
		{"bad utf8", line("a\xffb"), "UTF-8"},
		{"row", captions.Caption{Start: 3 * time.Second, End: 4 * time.Second, Lines: ok.Lines, Row: 24}, "row 24"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			caps := []captions.Caption{ok, tc.c}
			if tc.name == "out of order" {
				caps = []captions.Caption{ok, tc.c}
			}
			err := writeDoc(&b, captions.Document{Captions: caps})
			require.Error(t, err)
			var ce *captions.CaptionError
			require.True(t, errors.As(err, &ce), "%T", err)
			assert.Equal(t, 2, ce.Caption)
			assert.Contains(t, err.Error(), "caption 2")
			assert.Contains(t, err.Error(), tc.msg)
			assert.Zero(t, b.Len(), "nothing written")
		})
	}
	// Text that only looks like markup is fine.
	assert.Contains(t, write(t, line("a > b, x<3 & {not code}")), "a > b, x<3 & {not code}")
}

// Text the writer accepts reads back as text, even when it looks like a
// cue number and a timestamp.
func TestTextThatLooksLikeACue(t *testing.T) {
	caps := []captions.Caption{
		{Start: ms(1000), End: ms(2000), Lines: []captions.Line{{Text: "Score"}, {Text: "2"}, {Text: "00:00:03,000 exactly"}}},
		{Start: ms(3000), End: ms(4000), Lines: []captions.Line{{Text: "3"}}},
		{Start: ms(5000), End: ms(6000), Lines: []captions.Line{{Text: "12:30:00,000 is the time"}, {Text: "4"}}},
	}
	got, r := readAll(t, write(t, caps...))
	require.Len(t, got, 3)
	for i := range caps {
		caps[i].ID = strconv.Itoa(i + 1)
		assert.Equal(t, caps[i], got[i])
	}
	assert.Empty(t, r.Warnings())
}

func TestStreamingWriterKeepsGoingAfterRefusal(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	require.NoError(t, w.Write(captions.Caption{Start: 0, End: time.Second, Lines: []captions.Line{{Text: "a"}}}))
	require.Error(t, w.Write(captions.Caption{Start: 2 * time.Second, End: 3 * time.Second}))
	require.NoError(t, w.Write(captions.Caption{Start: 2 * time.Second, End: 3 * time.Second, Lines: []captions.Line{{Text: "b"}}}))
	require.NoError(t, w.Flush())
	assert.Equal(t, "1\n00:00:00,000 --> 00:00:01,000\na\n\n2\n00:00:02,000 --> 00:00:03,000\nb\n", b.String())
	assert.Equal(t, 2, w.Count())
}

func TestWriterOrigin(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Origin = 10 * time.Hour
	require.NoError(t, w.Write(captions.Caption{Start: 10*time.Hour + time.Second, End: 10*time.Hour + 2*time.Second, Lines: []captions.Line{{Text: "a"}}}))
	require.Error(t, w.Write(captions.Caption{Start: 9 * time.Hour, End: 10 * time.Hour, Lines: []captions.Line{{Text: "a"}}}))
	require.NoError(t, w.Flush())
	assert.Contains(t, b.String(), "00:00:01,000 --> 00:00:02,000")
	r := NewReader(&b)
	r.Origin = 10 * time.Hour
	c, err := r.Read()
	require.NoError(t, err)
	assert.Equal(t, 10*time.Hour+time.Second, c.Start)
}

func readAll(t *testing.T, in string) ([]captions.Caption, *Reader) {
	t.Helper()
	r := NewReader(strings.NewReader(in))
	caps, err := r.ReadAll()
	require.NoError(t, err)
	return caps, r
}

func texts(caps []captions.Caption) []string {
	var s []string
	for _, c := range caps {
		s = append(s, c.Text())
	}
	return s
}

func TestReadLineEndingsAndBOM(t *testing.T) {
	base := "1\n00:00:01,000 --> 00:00:02,000\nHello\nthere\n\n2\n00:00:03,000 --> 00:00:04,500\nBye\n"
	for name, in := range map[string]string{
		"LF":        base,
		"CRLF":      strings.ReplaceAll(base, "\n", "\r\n"),
		"CR":        strings.ReplaceAll(base, "\n", "\r"),
		"BOM":       "\ufeff" + base,
		"no final":  strings.TrimSuffix(base, "\n"),
		"extra end": base + "\n\n\n",
	} {
		t.Run(name, func(t *testing.T) {
			caps, r := readAll(t, in)
			require.Len(t, caps, 2)
			assert.Equal(t, []string{"Hello\nthere", "Bye"}, texts(caps))
			assert.Equal(t, time.Second, caps[0].Start)
			assert.Equal(t, 4500*time.Millisecond, caps[1].End)
			assert.Empty(t, r.Warnings())
		})
	}
}

// A CRLF split across the reader's buffer must still be one line ending
// (go-astisub drops lines there).
func TestReadCRLFAcrossBuffer(t *testing.T) {
	caps, _ := cuetest.FrameCaptions(3000, timing.Rate25())
	var b bytes.Buffer
	require.NoError(t, writeDoc(&b, captions.Document{Captions: caps}))
	crlf := strings.ReplaceAll(b.String(), "\n", "\r\n")
	for _, chunk := range []int{1, 2, 3, 7, 4096} {
		got, err := NewReader(&chunkReader{s: crlf, n: chunk}).ReadAll()
		require.NoError(t, err)
		require.Len(t, got, len(caps), "chunk %d", chunk)
		for i := range caps {
			if !assert.Equal(t, caps[i].Text(), got[i].Text(), "chunk %d cue %d", chunk, i+1) {
				break
			}
		}
	}
}

type chunkReader struct {
	s string
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.s) == 0 {
		return 0, io.EOF
	}
	n := min(c.n, len(p), len(c.s))
	copy(p, c.s[:n])
	c.s = c.s[n:]
	return n, nil
}

func TestReadEncodings(t *testing.T) {
	// Windows-1252: curly quotes, é, €.
	caps, r := readAll(t, "1\r\n00:00:01,000 --> 00:00:02,000\r\n\x93Caf\xe9\x94 \x80\r\n")
	assert.Equal(t, "“Café” €", caps[0].Text())
	require.Len(t, r.Warnings(), 1)
	assert.Contains(t, r.Warnings()[0].String(), "line 3: text is not UTF-8")
	// UTF-16 LE and BE with BOM.
	s := "1\r\n00:00:01,000 --> 00:00:02,000\r\nПривет\r\n"
	for _, be := range []bool{false, true} {
		var b []byte
		if be {
			b = append(b, 0xFE, 0xFF)
		} else {
			b = append(b, 0xFF, 0xFE)
		}
		for _, u := range utf16(s) {
			if be {
				b = append(b, byte(u>>8), byte(u))
			} else {
				b = append(b, byte(u), byte(u>>8))
			}
		}
		caps, _ := readAll(t, string(b))
		require.Len(t, caps, 1)
		assert.Equal(t, "Привет", caps[0].Text())
	}
}

func utf16(s string) []uint16 {
	var u []uint16
	for _, r := range s {
		u = append(u, uint16(r))
	}
	return u
}

func TestReadTags(t *testing.T) {
	caps, r := readAll(t, "1\n00:00:01,000 --> 00:00:02,000\n"+
		"<i>Hello</i> <b>world</b>\n"+ // whitespace between tags kept; partial italics warned
		"<i>all italic</i>\n"+
		"<font color=\"#FFFF00\">yellow</font>\n"+
		"<font color=yellow><i>both</i></font>\n"+
		"a < b <3 <html>\n"+
		"\n2\n00:00:03,000 --> 00:00:04,000\n{\\an8}<i>top and\nspanning</i>\n"+
		"\n3\n00:00:05,000 --> 00:00:06,000\n{\\an4}{\\i1}mid left{\\i0}\n"+
		"\n4\n00:00:07,000 --> 00:00:08,000\n<font color=\"#123456\">odd</font> {\\pos(1,2)}x\n")
	require.Len(t, caps, 4)
	l := caps[0].Lines
	assert.Equal(t, captions.Line{Text: "Hello world"}, l[0])
	assert.Equal(t, captions.Line{Text: "all italic", Italic: true}, l[1])
	assert.Equal(t, captions.Line{Text: "yellow", Color: captions.ColorYellow}, l[2])
	assert.Equal(t, captions.Line{Text: "both", Italic: true, Color: captions.ColorYellow}, l[3])
	assert.Equal(t, captions.Line{Text: "a < b <3 <html>"}, l[4])
	assert.Equal(t, captions.Caption{ID: "2", Start: 3 * time.Second, End: 4 * time.Second, Row: 1,
		Lines: []captions.Line{{Text: "top and", Italic: true}, {Text: "spanning", Italic: true}}}, caps[1])
	assert.Equal(t, 12, caps[2].Row)
	assert.Equal(t, captions.AlignLeft, caps[2].Align)
	assert.True(t, caps[2].Lines[0].Italic)
	assert.Equal(t, "odd x", caps[3].Text())
	ws := cuetest.WarnText(r)
	assert.Contains(t, ws, "line 3: italics on part of a line")
	assert.Contains(t, ws, `"#123456" is not one of the caption colours`)
	assert.Contains(t, ws, `{\pos(1,2)} is not kept`)
}

func TestReadToleratesWithWarnings(t *testing.T) {
	in := "1\n00:00:01,000 --> 00:00:02,000\nfirst\n\nafter a blank line\n\n" + // blank line inside a cue
		"00:00:03,000 --> 00:00:04,000\nno number\n" + // cue without number, no blank before the next
		"3\n00:00:05.5 --> 00:00:06,25\nloose times\n\n" +
		"4\n00:00:07,000 --> 00:00:08,000\n\n" + // empty cue
		"5\n00:00:06,000 --> 00:00:09,000\nout of order\n2024\nis a year\n\n\n1999\n"
	caps, r := readAll(t, in)
	require.Len(t, caps, 5)
	assert.Equal(t, []string{"first\nafter a blank line", "no number", "loose times", "", "out of order\n2024\nis a year\n1999"}, texts(caps))
	assert.Equal(t, 5500*time.Millisecond, caps[2].Start)
	assert.Equal(t, 6250*time.Millisecond, caps[2].End)
	ws := cuetest.WarnText(r)
	for _, w := range []string{
		"line 5: blank line inside cue 1",
		"line 7: cue 2 has no number",
		"line 9: no blank line before this cue",
		`line 10: start time "00:00:05.5"`,
		`line 10: end time "00:00:06,25"`,
		"line 14: cue 4 has no text",
		"line 17: cue 5 starts before",
		"line 23: blank line inside cue 5",
	} {
		assert.Contains(t, ws, w)
	}
	assert.Equal(t, len(r.Warnings()), r.WarningCount())
}

func TestReadErrors(t *testing.T) {
	cases := []struct {
		in, msg  string
		sentinel error
		lenient  string // the warning the lenient reader gives instead
	}{
		{"hello\n", "in.srt:1:1: not a cue: expected a cue number or a timing line", ErrGarbage, `error: line 1, column 1: not a cue: no SRT cue in the input: expected a cue number or a timing line such as 00:00:01,000 --> 00:00:02,500, found "hello"`},
		{"1\nhello\n", "in.srt:2:1: not a cue: expected a timing line", ErrGarbage, `error: line 1, column 1: not a cue: no SRT cue in the input`},
		{"1\n", "in.srt:2:1: not a cue: unexpected end of input", ErrGarbage, `error: line 1, column 1: not a cue: no SRT cue in the input`},
		{"junk\n\n1\n00:00:01,000 --> 00:00:02,000\nok\n", "in.srt:1:1: not a cue", ErrGarbage, `line 1: line "junk" skipped`},
		{"1\n00:00:01,000 -> 00:00:02,000\nx\n", `2:14: malformed timing line: expected "-->"`, ErrTiming, "line 2: malformed cue skipped"},
		{"1\n00:00:01,000 --> 00:00:0x,000\nx\n", "in.srt:2:18: malformed timing line: malformed timestamp", ErrTiming, "line 2: malformed cue skipped"},
		{"1\n00:61:01,000 --> 00:00:02,000\nx\n", "2:1: malformed timing line: minutes or seconds past 59", ErrTiming, "line 2: malformed cue skipped"},
		{"1\n00:00:03,000 --> 00:00:02,000\nx\n", "2:1: malformed timing line: cue ends (00:00:02.000) before it starts (00:00:03.000)", ErrTiming, "line 2: cue ends (00:00:02.000) before it starts (00:00:03.000); kept"},
		{"1\n00:00:01,000 --> 00:00:02,000 junk\nx\n\n2\n00:00:01,000 00:00:02,000\n", `6:14: malformed timing line: expected "-->" after the start time`, ErrTiming, "line 6: malformed cue skipped"},
		{"1\n00:00:01,000 --> 00:00:02,000x\n", "2:30: malformed timing line: unexpected", ErrTiming, "line 2: malformed cue skipped"},
		{"x\n1\n00:00:01,000 --> 00:00:02,000\nok\n", "in.srt:1:1: not a cue", ErrGarbage, `line 1: line "x" skipped`},
		{"one\n00:00:01,000 --> 00:00:02,000\nok\n", `in.srt:1:1: not a cue: cue number "one" is not a number`, ErrGarbage, `line 1: cue number "one" is not a number; kept as the cue's identifier`},
	}
	for _, tc := range cases {
		r := NewReader(strings.NewReader(tc.in))
		r.File, r.Strict = "in.srt", true
		_, err := r.ReadAll()
		require.Error(t, err, tc.in)
		var pe *captions.ParseError
		require.True(t, errors.As(err, &pe), "%T %v", err, err)
		assert.Contains(t, err.Error(), tc.msg)
		assert.ErrorIs(t, err, tc.sentinel, tc.in)
		_, err2 := r.Read()
		assert.Equal(t, err, err2, "sticky")

		// Players skip (or keep) what Strict refuses, and so does the
		// lenient reader, with a warning.
		lr := NewReader(strings.NewReader(tc.in))
		_, err = lr.ReadAll()
		if msg, ok := strings.CutPrefix(tc.lenient, "error: "); ok {
			// No cue at all: not SRT, whatever the mode.
			require.ErrorIs(t, err, ErrGarbage, tc.in)
			assert.ErrorContains(t, err, msg, tc.in)
			continue
		}
		require.NoError(t, err, tc.in)
		assert.Contains(t, cuetest.WarnText(lr), tc.lenient, tc.in)
	}
	// A line too long to read stops both readers.
	_, err := NewReader(strings.NewReader("1\n00:00:01,000 --> 00:00:02,000\nok\n\n" + strings.Repeat("x", 2<<20) + "\n")).ReadAll()
	assert.ErrorContains(t, err, "line 5: line longer than 1 MiB")
}

// normalize gives what SRT keeps of a caption: rows become thirds,
// explicit centring is the default, speakers are dropped.
func normalize(c captions.Caption) captions.Caption {
	switch {
	case c.Row >= 1 && c.Row <= 8:
		c.Row = 1
	case c.Row >= 9 && c.Row <= 15:
		c.Row = 12
	default:
		c.Row = 0
	}
	if c.Align == captions.AlignCenter {
		c.Align = captions.AlignDefault
	}
	lines := make([]captions.Line, len(c.Lines))
	for i, l := range c.Lines {
		l.Speaker = ""
		lines[i] = l
	}
	c.Lines = lines
	return c
}

func TestRoundTripEveryRate(t *testing.T) {
	for _, rate := range timing.SupportedRates() {
		caps, frames := cuetest.FrameCaptions(500, rate)
		got, _ := codec().WriteRead(t, caps)
		cuetest.AssertRoundTrip(t, caps, got, rate, frames, normalize)
	}
}

func TestRoundTripStyles(t *testing.T) {
	caps := []captions.Caption{
		{Start: ms(1000), End: ms(2000), Lines: []captions.Line{{Text: "one"}, {Text: "two", Italic: true}, {Text: "three", Color: captions.ColorCyan}}},
		{Start: ms(3000), End: ms(4000), Row: 2, Align: captions.AlignRight, Lines: []captions.Line{{Text: "top right", Italic: true, Color: captions.ColorGreen}}},
		{Start: ms(5000), End: ms(6000), Row: 10, Align: captions.AlignCenter, Lines: []captions.Line{{Text: "middle", Speaker: "Anna", Color: captions.ColorMagenta}}},
		{Start: ms(7000), End: ms(8000), Row: 22, Align: captions.AlignLeft, Lines: []captions.Line{{Text: "bottom left", Color: captions.ColorBlack}, {Text: "x", Color: captions.ColorWhite}, {Text: "y", Color: captions.ColorRed}}},
		{Start: ms(9000), End: ms(10000), Lines: []captions.Line{{Text: "blue", Color: captions.ColorBlue}}},
	}
	got, r := codec().WriteRead(t, caps)
	cuetest.AssertRoundTrip(t, caps, got, timing.Rate{}, nil, normalize)
	assert.Empty(t, r.Warnings())
}

func TestRoundTrip100000(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	caps, frames := cuetest.FrameCaptions(100000, timing.Rate2997())
	got, r := codec().WriteRead(t, caps)
	cuetest.AssertRoundTrip(t, caps, got, timing.Rate2997(), frames, normalize)
	assert.Zero(t, r.WarningCount())
}

// writeFile writes caps to an .srt file in a temp dir.
func writeFile(t *testing.T, name string, caps []captions.Caption) (string, []byte) {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, atomicfile.WriteFile(p, func(w io.Writer) error {
		return writeDoc(w, captions.Document{Captions: caps})
	}))
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	return p, b
}

func TestFFmpegReadsOurSRT(t *testing.T) {
	cuetest.Need(t, "ffmpeg", "ffmpeg")
	for _, rate := range timing.SupportedRates() {
		caps, _ := cuetest.FrameCaptions(300, rate)
		p, _ := writeFile(t, "rate.srt", caps)
		cuetest.AssertCues(t, "ffmpeg@"+rate.String(), caps, cuetest.FFmpeg(t, p))
	}
	caps := styled()
	p, _ := writeFile(t, "styled.srt", caps)
	cuetest.AssertCues(t, "ffmpeg styled", caps, cuetest.FFmpeg(t, p))
	if !testing.Short() {
		caps, _ := cuetest.FrameCaptions(100000, timing.Rate25())
		p, _ := writeFile(t, "big.srt", caps)
		cuetest.AssertCues(t, "ffmpeg 100000", caps, cuetest.FFmpeg(t, p))
	}
}

func TestPythonSRTReadsOurSRT(t *testing.T) {
	for _, rate := range timing.SupportedRates() {
		caps, _ := cuetest.FrameCaptions(300, rate)
		p, _ := writeFile(t, "rate.srt", caps)
		cuetest.AssertCues(t, "python3-srt@"+rate.String(), caps, cuetest.PythonSRT(t, p))
	}
	caps := styled()
	p, _ := writeFile(t, "styled.srt", caps)
	got := cuetest.PythonSRT(t, p)
	cuetest.AssertCues(t, "python3-srt styled", caps, got)
	assert.Equal(t, "{\\an9}<i><font color=\"#00ff00\">top right</font></i>"[0:6], got[1].Raw[0:6])
}

// styled returns captions with every style SRT carries.
func styled() []captions.Caption {
	return []captions.Caption{
		{Start: ms(1000), End: ms(2000), Lines: []captions.Line{{Text: "one"}, {Text: "two", Italic: true}, {Text: "three", Color: captions.ColorCyan}}},
		{Start: ms(3000), End: ms(4000), Row: 1, Align: captions.AlignRight, Lines: []captions.Line{{Text: "top right", Italic: true, Color: captions.ColorGreen}}},
		{Start: ms(5000), End: ms(6000), Lines: []captions.Line{{Text: "5 > 3 & 2 < 4"}, {Text: "It's 10:30 -- really? {not code}"}}},
	}
}

func TestSkipMalformed(t *testing.T) {
	in := "1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\n00:00:03,000 -> 00:00:04,000\nBroken arrow.\nSecond line.\n\n3\n00:00:05,000 --> 00:00:06,000\nThree.\n\n4\n00:00:07,000 --> 00:00:0x,000\nBad end.\n"
	// Strict: a malformed cue stops the reader with its line.
	rd := NewReader(strings.NewReader(in))
	rd.Strict = true
	_, err := rd.ReadAll()
	var pe *captions.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 6, pe.Line)

	// By default it is skipped, as players skip it, with a warning.
	rd = NewReader(strings.NewReader(in))
	caps, err := rd.ReadAll()
	require.NoError(t, err)
	require.Len(t, caps, 2)
	assert.Equal(t, "One.", caps[0].Text())
	assert.Equal(t, "Three.", caps[1].Text())
	assert.Equal(t, 2, rd.Skipped())
	var lines []int
	for _, w := range rd.Warnings() {
		if strings.Contains(w.Message, "malformed cue skipped") {
			lines = append(lines, w.Line)
		}
	}
	assert.Equal(t, []int{6, 15}, lines, "each skipped cue is reported with its line")
}

// TestDeeplyNestedTags reads 200,000 nested tags of every kind quickly.
func TestDeeplyNestedTags(t *testing.T) {
	want := strings.TrimSuffix(strings.Repeat("in\n", 20)+strings.Repeat("out\n", 20), "\n")
	for _, tags := range [][2]string{{"<i>", "</i>"}, {"<b><u>", "</u></b>"}, {`<font color="red">`, "</font>"}, {`{\i1}`, `{\i0}`}} {
		caps, err := NewReader(bytes.NewReader(nested(200000, tags[0], tags[1]))).ReadAll()
		require.NoError(t, err, tags[0])
		require.Len(t, caps, 1)
		assert.Equal(t, want, caps[0].Text(), tags[0])
	}
}

// TestUnclosedMarkupIsLinear reads a line of a megabyte of "<font " and
// "{\" that never close, and of "&", which a search for the closing
// character from every opening one would read in quadratic time.
func TestUnclosedMarkupIsLinear(t *testing.T) {
	for _, unit := range []string{"<font ", `{\`, "&"} {
		line := strings.Repeat(unit, (1<<20-10)/len(unit)) + ">}"
		caps, err := NewReader(strings.NewReader("1\n00:00:00,000 --> 00:00:01,000\n" + line + "\n")).ReadAll()
		require.NoError(t, err, unit)
		require.Len(t, caps, 1)
	}
}
