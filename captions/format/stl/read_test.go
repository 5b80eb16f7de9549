package stl

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// handGSI builds a GSI block by hand (not with our writer).
func handGSI(dfc, dsc, cct, tcp string, tnb int) []byte {
	b := bytes.Repeat([]byte{' '}, gsiSize)
	copy(b[0:], "850")
	copy(b[3:], dfc)
	copy(b[11:], dsc)
	copy(b[12:], cct)
	copy(b[14:], "09")
	copy(b[16:], "Hand made")
	copy(b[238:], []byte(strings.Repeat("0", 5-len(itoa(tnb)))+itoa(tnb)))
	copy(b[255:], "1"+tcp+tcp)
	copy(b[274:], "GBR")
	return b
}

func itoa(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}

// handTTI builds one TTI block.
func handTTI(sn int, ebn, cs byte, in, out [4]byte, vp, jc, cf byte, tf []byte) []byte {
	b := make([]byte, ttiSize)
	b[1], b[2], b[3], b[4] = byte(sn), byte(sn>>8), ebn, cs
	copy(b[5:], in[:])
	copy(b[9:], out[:])
	b[13], b[14], b[15] = vp, jc, cf
	n := copy(b[16:], tf)
	for i := 16 + n; i < ttiSize; i++ {
		b[i] = 0x8F
	}
	return b
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// TestReadHandMade reads a file as other tools write it: single-height
// Teletext with colour changes mid-row, a comment, a user-data block, a
// cumulative set, extension blocks, left justification.
func TestReadHandMade(t *testing.T) {
	tc := func(s, f byte) [4]byte { return [4]byte{10, 0, s, f} }
	file := cat(
		handGSI("STL25.01", "1", "00", "10000000", 5),
		// Single height, start box once, colour change mid-row shows as a space.
		handTTI(1, 0xFF, 0, tc(1, 0), tc(2, 0), 20, 1, 0, cat([]byte{0x0B, 0x03}, []byte("Hello"), []byte{0x06}, []byte("world"), []byte{0x0A, 0x8A, 0x0B}, []byte("caf\xc2e  ok  "), []byte{0x0A})),
		// A comment: reported, not shown.
		handTTI(2, 0xFF, 0, tc(2, 0), tc(3, 0), 20, 2, 1, []byte("check the spelling")),
		// User data: skipped.
		handTTI(3, 0xFE, 0, tc(0, 0), tc(0, 0), 0, 0, 0, []byte("\x00\x01binary")),
		// Cumulative set: the second shows both rows.
		handTTI(3, 0xFF, 1, tc(4, 0), tc(6, 0), 18, 2, 0, cat([]byte{0x0D}, []byte("First"))),
		handTTI(4, 0xFF, 3, tc(5, 0), tc(6, 0), 20, 2, 0, cat([]byte{0x0D}, []byte("Second"))),
		// Extension blocks: a row split across blocks (between é's bytes too).
		handTTI(5, 0x00, 0, tc(7, 0), tc(8, 0), 22, 3, 0, cat([]byte("abc\xc2"))),
		handTTI(5, 0xFF, 0, tc(7, 0), tc(8, 0), 22, 3, 0, cat([]byte("e def"))),
	)
	f, err := Decode(file, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := timing.Rate25()
	sec := func(s int) time.Duration { return 10*time.Hour + time.Duration(s)*time.Second }
	want := []captions.Caption{
		{Start: sec(1), End: sec(2), Row: 20, Align: captions.AlignLeft, Lines: []captions.Line{{Text: "Hello world", Color: captions.ColorYellow}, {Text: "café  ok"}}},
		{Start: sec(4), End: sec(6), Row: 18, Align: captions.AlignCenter, Lines: []captions.Line{{Text: "First"}}},
		{Start: sec(5), End: sec(6), Row: 20, Align: captions.AlignCenter, Lines: []captions.Line{{Text: "First"}, {Text: "Second"}}},
		{Start: sec(7), End: sec(8), Row: 22, Align: captions.AlignRight, Lines: []captions.Line{{Text: "abcé def"}}},
	}
	sameCaptions(t, r, want, f.Document.Captions)
	if len(f.Comments) != 1 || f.Comments[0].Text != "check the spelling" || f.Comments[0].Block != 2 {
		t.Errorf("comments %+v", f.Comments)
	}
	if f.Start != 10*time.Hour || f.Document.Title != "Hand made" || f.Document.Language != "en" {
		t.Errorf("start %v title %q language %q", f.Start, f.Document.Title, f.Document.Language)
	}
	if f.GSI.TNB != 5 || len(f.Warnings) != 1 || !strings.Contains(f.Warnings[0].Message, "TNB says 5") {
		t.Errorf("warnings %v", f.Warnings)
	}
}

// TestReadOpenSubtitles: 80/81 italics, other codes ignored.
func TestReadOpenSubtitles(t *testing.T) {
	file := cat(
		handGSI("STL25.01", "0", "00", "00000000", 1),
		handTTI(1, 0xFF, 0, [4]byte{0, 0, 1, 0}, [4]byte{0, 0, 2, 0}, 20, 2, 0, cat([]byte{0x80}, []byte("Off"), []byte{0x81, 0x8A, 0x82}, []byte("Under"), []byte{0x83})),
	)
	f, err := Decode(file, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []captions.Caption{{Start: time.Second, End: 2 * time.Second, Lines: []captions.Line{{Text: "Off", Italic: true}, {Text: "Under"}}}}
	sameCaptions(t, timing.Rate25(), want, f.Document.Captions)
}

// TestReadErrors: malformed files give a *captions.ParseError with the
// block (Line) and byte position (Column), never a panic. Strict mode
// refuses the quirks a lenient read accepts (TestReadQuirks).
func TestReadErrors(t *testing.T) {
	good := func() []byte {
		return cat(handGSI("STL25.01", "1", "00", "10000000", 1),
			handTTI(1, 0xFF, 0, [4]byte{10, 0, 1, 0}, [4]byte{10, 0, 2, 0}, 22, 2, 0, []byte("ok")))
	}
	if _, err := Decode(good(), ReadOptions{}); err != nil {
		t.Fatalf("good file: %v", err)
	}
	cases := []struct {
		name      string
		edit      func(b []byte) []byte
		want      string
		line, col int
		sentinel  error
	}{
		{"short", func(b []byte) []byte { return b[:500] }, "GSI block alone", 0, 501, ErrTruncated},
		{"not stl", func(b []byte) []byte { copy(b[3:], "XYZ25.01"); return b }, "disk format code", 0, 4, ErrNotSTL},
		{"bad dfc", func(b []byte) []byte { copy(b[3:], "STL99.01"); return b }, "STL99.01", 0, 4, nil},
		{"bad dsc", func(b []byte) []byte { b[11] = '9'; return b }, "display standard", 0, 12, nil},
		{"bad cct", func(b []byte) []byte { copy(b[12:], "07"); return b }, "character code table", 0, 13, nil},
		{"bad tcp", func(b []byte) []byte { copy(b[256:], "10 00000"); return b }, "TCP", 0, 257, nil},
		{"truncated block", func(b []byte) []byte { return b[:len(b)-10] }, "whole number", 1, 1025, ErrTruncated},
		{"bad tci", func(b []byte) []byte { b[gsiSize+7] = 60; return b }, "time code in", 1, 1030, nil},
		{"bad tco frames", func(b []byte) []byte { b[gsiSize+12] = 25; return b }, "time code out", 1, 1034, nil},
		{"tco before tci", func(b []byte) []byte { b[gsiSize+10] = 0; b[gsiSize+9] = 9; return b }, "not after", 1, 1034, nil},
		{"bad cs", func(b []byte) []byte { b[gsiSize+4] = 7; return b }, "cumulative", 1, 1029, nil},
		{"bad char", func(b []byte) []byte { b[gsiSize+17] = 0xC9; return b }, "not a character", 1, 1041, nil},
		{"unfinished extension", func(b []byte) []byte { b[gsiSize+3] = 0; return b }, "EBN FF", 1, 1028, ErrTruncated},
		{"cumulative set too long", func(b []byte) []byte {
			b[gsiSize+4] = 1
			var more [][]byte
			for i := 0; i < 24; i++ {
				more = append(more, handTTI(2+i, 0xFF, 2, [4]byte{10, 0, 1, 0}, [4]byte{10, 0, 2, 0}, 22, 2, 0, []byte("row")))
			}
			return cat(b, cat(more...))
		}, "more than 23 rows", 24, 1029 + 23*128, nil},
		{"extension skips", func(b []byte) []byte {
			b[gsiSize+3] = 0
			return cat(b, handTTI(1, 0x05, 0, [4]byte{10, 0, 1, 0}, [4]byte{10, 0, 2, 0}, 22, 2, 0, nil))
		}, "extension block number 5 after 0", 2, 1156, nil},
		{"extension other sn", func(b []byte) []byte {
			b[gsiSize+3] = 0
			return cat(b, handTTI(2, 0xFF, 0, [4]byte{10, 0, 1, 0}, [4]byte{10, 0, 2, 0}, 22, 2, 0, nil))
		}, "subtitle number 2 inside subtitle 1", 2, 1154, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode(c.edit(good()), ReadOptions{Strict: true})
			var pe *captions.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a ParseError", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
			if pe.Line != c.line || pe.Column != c.col {
				t.Errorf("line %d column %d, want %d %d (%v)", pe.Line, pe.Column, c.line, c.col, err)
			}
			if c.sentinel != nil && !errors.Is(err, c.sentinel) {
				t.Errorf("error %v is not %v", err, c.sentinel)
			}
		})
	}
}

// TestReadRateOverride: STL30.01 can be read as 30 fps when the caller
// knows.
func TestReadRateOverride(t *testing.T) {
	r := timing.Rate30()
	doc := captions.Document{Language: "en", Captions: []captions.Caption{cap1(r.Duration(1800), r.Duration(1830), "x")}}
	b, _ := mustEncode(t, doc, Options{Rate: r})
	f, err := Decode(b, ReadOptions{Rate: r})
	if err != nil {
		t.Fatal(err)
	}
	if f.Rate != r || f.DropFrame || f.Document.Captions[0].Start != time.Minute {
		t.Errorf("rate %v drop %v start %v", f.Rate, f.DropFrame, f.Document.Captions[0].Start)
	}
	if _, err := Decode(b, ReadOptions{Rate: timing.Rate25()}); err == nil {
		t.Error("STL30.01 read at 25 fps")
	}
}
