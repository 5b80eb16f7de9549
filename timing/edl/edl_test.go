package edl

import (
	"errors"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/timing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readString(t *testing.T, s string, r timing.Rate) (*EDL, error) {
	t.Helper()
	return Read(strings.NewReader(s), r)
}

func TestEDLBadInput(t *testing.T) {
	const head = "TITLE: T\nFCM: NON-DROP FRAME\n"
	long := head + "* " + strings.Repeat("x", MaxEDLLine) + "\n"
	cases := []struct {
		name, in string
		rate     timing.Rate
		line     int
		col      int
		is       error
		msg      string
	}{
		{"frame 29 at 25", head + "001  AX V C 01:00:00:00 01:00:01:00 01:00:00:00 01:00:00:29\n", timing.Rate25(), 3, 49, timing.ErrBadTimecode, "frames 00 to 24"},
		{"non-existent DF label", "FCM: DROP FRAME\n001  AX V C 01:00:00:00 01:00:01:00 00:01:00:00 00:01:01:00\n", timing.Rate2997(), 2, 37, timing.ErrBadTimecode, "exists in drop frame"},
		{"DF separator at 25", head + "001  AX V C 01:00:00:00 01:00:01:00 00:01:00;02 00:01:01;00\n", timing.Rate25(), 3, 37, timing.ErrBadTimecode, "drop frame exists only"},
		{"DF header at 25", "FCM: DROP FRAME\n001  AX V C 01:00:00:00 01:00:01:00 00:01:00:02 00:01:01:00\n", timing.Rate25(), 1, 1, timing.ErrBadTimecode, "expected the EDL to be read at 29.97"},
		{"no event", head + "001  AX V C 01:00:00:00 01:00:01:00\n", timing.Rate25(), 3, 0, ErrNotEvent, "expected NUMBER REEL"},
		{"bad timecode", head + "001  AX V C 01:00:00:00 01:00:01:00 01:00:00:00 1:00:01:00\n", timing.Rate25(), 3, 0, ErrNotEvent, "record out"},
		{"bad edit type", head + "001  AX V X 01:00:00:00 01:00:01:00 01:00:00:00 01:00:01:00\n", timing.Rate25(), 3, 11, ErrNotEvent, "edit type \"X\""},
		{"bad channels", head + "001  AX Q C 01:00:00:00 01:00:01:00 01:00:00:00 01:00:01:00\n", timing.Rate25(), 3, 9, ErrNotEvent, "channels \"Q\""},
		{"no reel", head + "001  V C 030 01:00:00:00 01:00:01:00 01:00:00:00 01:00:01:00\n", timing.Rate25(), 3, 0, ErrNotEvent, "no reel"},
		{"binary", "TITLE: x\n\x00\x01\x02\xff\xfe", timing.Rate25(), 2, 1, ErrBinary, "expected a text EDL"},
		{"utf16", "\xff\xfeT\x00I\x00", timing.Rate25(), 1, 1, ErrBinary, "UTF-16"},
		{"empty", "", timing.Rate25(), 1, 0, ErrNoEvents, "empty"},
		{"blank", "\n\r\n  \n", timing.Rate25(), 1, 0, ErrNoEvents, "empty"},
		{"prose", "Dear editor,\nplease find the cut attached.\n", timing.Rate25(), 2, 0, ErrNoEvents, "expected event lines"},
		{"long line", long, timing.Rate25(), 3, 0, ErrLineTooLong, "64 KiB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, err := readString(t, c.in, c.rate)
			require.Error(t, err)
			assert.Nil(t, e)
			var pe *ParseError
			require.True(t, errors.As(err, &pe), "%T", err)
			assert.Equal(t, c.line, pe.Line, err.Error())
			if c.col > 0 {
				assert.Equal(t, c.col, pe.Column, err.Error())
			}
			assert.ErrorIs(t, err, c.is)
			assert.Contains(t, err.Error(), c.msg)
		})
	}
	// Reader.File names the file.
	rd := NewReader(strings.NewReader(""), timing.Rate25())
	rd.File = "pkg.edl"
	_, err := rd.Read()
	assert.True(t, strings.HasPrefix(err.Error(), "pkg.edl:1: "), err.Error())
	_, err = Read(strings.NewReader("x"), timing.Rate{})
	assert.ErrorIs(t, err, timing.ErrUnknownRate)
	// A line of exactly the limit is fine.
	_, err = readString(t, head+"* "+strings.Repeat("x", MaxEDLLine-2)+"\n001 AX V C 01:00:00:00 01:00:01:00 01:00:00:00 01:00:01:00", timing.Rate25())
	assert.NoError(t, err)
}

func TestEDLDetails(t *testing.T) {
	in := "\xEF\xBB\xBFTITLE:  News pkg \r\n" +
		"FCM: DROP FRAME\r\n" +
		"* header remark\r\n" +
		"001  AX       AA/V  C        00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00  \r\n" +
		"*FROM CLIP NAME:SOT Caf\xe9 FF\r\n" +
		"AUD  3    4\r\n" +
		"* LOC: 01:00:00;15 Green   sot here\r\n" +
		"* LOC: 01:00:00:20 purple\r\n" +
		"* LOC: 01:00:00:21 no colour text\r\n" +
		"M2   AX       000.0                00:00:00:00\r\n" +
		"REM a remark\r\n" +
		"FCM: NON-DROP FRAME\r\n" +
		"002  BL       V     C        00:00:00:00 00:00:00:00 01:00:01:00 01:00:01:00\r\n" +
		"002  AX       V     K B 015  00:00:10:00 00:00:11:00 01:00:01:00 01:00:02:00\r\n" +
		"* TO CLIP NAME: key\r\n" +
		"* SOURCE FILE: key.mxf\r\n" +
		"SOMETHING ELSE\r\n" +
		"003    BL    V            C  00:00:00:00 00:00:01:00 01:00:02:00 01:00:03:00\r\n" +
		"* FROM CLIP NAME:\r\n" +
		"004  AX V W012R 010 00:00:00:00 00:00:02:00 01:00:03:00 01:00:05:02\r" // old Mac line end, no final newline
	e, err := readString(t, in, timing.Rate2997())
	require.NoError(t, err)
	assert.Equal(t, "News pkg", e.Title)
	assert.Equal(t, "DROP FRAME", e.FCM)
	assert.True(t, e.DropFrame)
	assert.Equal(t, []string{"* header remark"}, e.Comments)
	require.Len(t, e.Events, 5)
	ev := e.Events[0]
	assert.Equal(t, 4, ev.Line)
	assert.Equal(t, "AA/V", ev.Channels)
	assert.Equal(t, []int{3, 4}, ev.Extras().Aud)
	assert.Equal(t, []string{"V", "A1", "A2", "A3", "A4"}, ev.Tracks())
	assert.True(t, ev.IsVideo())
	assert.Equal(t, "SOT Café", ev.ClipName, "Latin-1, FF stripped, no space after * or :")
	assert.Equal(t, timing.Frame(107892), ev.RecordInFrame)
	require.NotNil(t, ev.Extras().Speed)
	assert.Equal(t, 0.0, *ev.Extras().Speed)
	require.Len(t, ev.Extras().Locators, 3)
	assert.Equal(t, Locator{Line: 7, Timecode: "01:00:00;15", Frame: 107907, Color: "Green", Text: "sot here"}, ev.Extras().Locators[0])
	assert.Equal(t, Locator{Line: 8, Timecode: "01:00:00:20", Frame: 107912, Color: "purple"}, ev.Extras().Locators[1])
	assert.Equal(t, "no colour text", ev.Extras().Locators[2].Text)
	assert.Equal(t, []string{"AUD  3    4", "REM a remark"}, ev.Extras().Comments)

	a, b := e.Events[1], e.Events[2]
	assert.Equal(t, "BL", a.Reel)
	assert.False(t, a.HasClipName)
	assert.Equal(t, "K B 015", b.Transition)
	assert.Equal(t, timing.Frame(15), b.TransitionFrames)
	assert.Equal(t, byte('K'), b.Kind())
	assert.Equal(t, "key", b.ClipName)
	assert.Equal(t, "key", b.Extras().ToClipName)
	assert.True(t, b.Extras().HasToClipName)
	assert.Equal(t, "key.mxf", a.Extras().SourceFile, "a pair's one SOURCE FILE is the outgoing clip's")
	assert.Equal(t, []string{"SOMETHING ELSE"}, b.Extras().Comments)

	c := e.Events[3]
	assert.Equal(t, "BL", c.Reel)
	assert.True(t, c.HasClipName)
	assert.Equal(t, "", c.ClipName, "present but empty")
	assert.False(t, c.srcDrop, "FCM after the first event switches source timecodes only")
	assert.Equal(t, timing.Frame(107892+60), c.RecordInFrame, "record stays drop frame")

	d := e.Events[4]
	assert.Equal(t, "W012R 010", d.Transition)
	assert.Equal(t, byte('W'), d.Kind())

	var msgs []string
	for _, w := range e.Warnings {
		msgs = append(msgs, w.String())
	}
	assert.Contains(t, msgs, `line 17: unknown line kept as a comment: "SOMETHING ELSE"`)
	assert.Contains(t, msgs, "line 20: event 004: source duration 60 frames but record duration 62 frames (record timecodes kept as written)")
}

func TestEDLWarnings(t *testing.T) {
	in := "TITLE: a\nFCM: NON-DROP FRAME/Users/x\n" +
		"001  AX V C 00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:01\n" +
		"TITLE: b\n" +
		"FCM: SOMETIMES\n" +
		"002  AX V D 00:00:00:00 00:00:01:00 01:00:01:00 01:00:02:00\n" +
		"003  EVL1 V      008 00:00:00:00 00:00:00:08 01:00:02:00 01:00:02:08\n"
	e, err := readString(t, in, timing.Rate25())
	require.NoError(t, err)
	want := []Warning{
		{Line: 2, Message: `odd FCM "NON-DROP FRAME/Users/x" read as NON-DROP FRAME`},
		{Line: 3, Message: "event 001: source duration 25 frames but record duration 26 frames (record timecodes kept as written)"},
		{Line: 4, Message: `another TITLE ("b") ignored: the EDL is titled "a"`},
		{Line: 5, Message: `odd FCM "SOMETIMES" ignored: expected DROP FRAME or NON-DROP FRAME`},
		{Line: 6, Message: "event 002: edit type D without a duration"},
		{Line: 7, Message: "event 003 has no edit type before the transition duration 008: read as a 8-frame transition"},
	}
	assert.Equal(t, want, e.Warnings)
	assert.Equal(t, "008", e.Events[2].Transition)
	assert.Equal(t, timing.Frame(8), e.Events[2].TransitionFrames)
	assert.Equal(t, byte(0), e.Events[2].Kind())
	assert.Equal(t, "NON-DROP FRAME", e.FCM)
}

// TestEDLFile32Pair checks the guide's pairing: the File32 layout of a
// sequence reads to the same record timecodes as its CMX 3600 layout.
func TestEDLFile32Pair(t *testing.T) {
	a := readCorpus(t, "edlgenius__cmx3600.edl")
	b := readCorpus(t, "edlgenius__file32.edl")
	require.Equal(t, len(a.Events), len(b.Events))
	for i := range a.Events {
		assert.Equal(t, a.Events[i].RecordInFrame, b.Events[i].RecordInFrame)
		assert.Equal(t, a.Events[i].RecordOutFrame, b.Events[i].RecordOutFrame)
	}
	assert.Equal(t, "BOONE_SMITH_ON_CAMERA_HOST_-720P", b.Events[2].Reel)
}

func TestEDLCorpusFeatures(t *testing.T) {
	// 2,839 events in 3,727 lines, FCM toggles in the list do not switch
	// the record timeline.
	e := readCorpus(t, "pycmx__adobe_dai109_test.edl")
	nums := map[string]bool{}
	for _, ev := range e.Events {
		nums[ev.Number] = true
	}
	assert.Len(t, nums, 2839)
	assert.False(t, e.DropFrame)
	// Avid multi-audio: AUD 3 adds A3.
	m := readCorpus(t, "otio__multi_audio.edl")
	assert.Equal(t, []string{"A1", "A2", "A3"}, m.Events[0].Tracks())
	// 120 events, 148 lines, audio only.
	p := readCorpus(t, "pycmx__TEST.edl")
	assert.Len(t, p.Events, 148)
	// Speed effects: 17 M2 lines, freeze frames at 0.
	s := readCorpus(t, "otio__speed_effects.edl")
	n, freeze := 0, 0
	for _, ev := range s.Events {
		if ev.Extras().Speed != nil {
			n++
			if *ev.Extras().Speed == 0 {
				freeze++
			}
		}
	}
	assert.Equal(t, 17, n)
	assert.Equal(t, 7, freeze)
	// HEIST: FCM toggles 100 times; record timecodes stay non-drop and
	// ascend with the header.
	h := readCorpus(t, "edlgenius__070816_EG101_HEISTS_ROUGH_CUT_SOURCES_PART_1.edl")
	assert.False(t, h.DropFrame)
	assert.Equal(t, timing.Frame(108000), h.Events[0].RecordInFrame)
	// The 59.94 version of the cmx3600 sequence starts at 01:00:00:00 DF.
	f := readCorpus(t, "edlgenius__cmx3600_5994.edl")
	assert.True(t, f.DropFrame)
	assert.Equal(t, timing.Frame(215784), f.Events[0].RecordInFrame)
	// Locators with mixed-case colours.
	c := readCorpus(t, "pycmx__cdl_example01.edl")
	locs := 0
	for _, ev := range c.Events {
		locs += len(ev.Extras().Locators)
	}
	assert.Equal(t, 37, locs)
}

func TestEDLAudOnTransition(t *testing.T) {
	in := "001  AX AA C 00:00:00:00 00:00:00:00 01:00:00:00 01:00:00:00\n" +
		"001  BX AA D 010 00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\n" +
		"* FROM CLIP NAME: a\n* TO CLIP NAME: b\nAUD 3 4 3\n" +
		"002  CX V C 00:00:00:00 00:00:01:00 01:00:01:00 01:00:02:00\n"
	e, err := readString(t, in, timing.Rate25())
	require.NoError(t, err)
	assert.Equal(t, []int{3, 4}, e.Events[0].Extras().Aud)
	assert.Equal(t, []int{3, 4}, e.Events[1].Extras().Aud)
	assert.Empty(t, e.Events[2].Extras().Aud)
	assert.Equal(t, "a", e.Events[0].ClipName)
	assert.Equal(t, "b", e.Events[1].ClipName)
}

// endless is an io.Reader of an unending comment line.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

func TestEDLTooLarge(t *testing.T) {
	_, err := Read(endless{}, timing.Rate25())
	assert.ErrorIs(t, err, ErrTooLarge)
}
