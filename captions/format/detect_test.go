package format

import (
	"bytes"
	"testing"
	"unicode/utf16"
)

// gsi returns a 1024-byte EBU STL GSI block with the given code page and
// disk format code, the rest filled as a real file would be (spaces).
func gsi(cpn, dfc string) []byte {
	b := bytes.Repeat([]byte{' '}, 1024)
	copy(b, cpn)
	copy(b[3:], dfc)
	b[11] = '0' // DSC: undefined
	copy(b[12:], "00")
	copy(b[14:], "09")
	// A TTI block after the GSI, as in a whole file.
	return append(b, make([]byte, 128)...)
}

func utf16le(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16be(s string) []byte {
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

func TestDetect(t *testing.T) {
	const srt = "1\r\n00:00:01,000 --> 00:00:02,500\r\nHello\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nBye\r\n"
	tests := []struct {
		name string
		head []byte
		file string
		want string
	}{
		{"stl 25", gsi("850", "STL25.01"), "x.bin", "stl"},
		{"stl 30 cp437", gsi("437", "STL30.01"), "", "stl"},
		{"stl 24 cp865", gsi("865", "STL24.01"), "x.srt", "stl"},
		{"stl bad cpn, stl name", gsi("999", "STL25.01"), "x.STL", "stl"},
		{"stl bad cpn, no name", gsi("999", "STL25.01"), "x", ""},
		{"stl bad dfc", gsi("850", "STX25.01"), "", ""},
		{"stl short gsi", gsi("850", "STL25.01")[:600], "", ""},
		{"stl short gsi, stl name", gsi("850", "STL25.01")[:600], "a.stl", "stl"},
		{"vtt", []byte("WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n"), "", "vtt"},
		{"vtt bom crlf", []byte("\xEF\xBB\xBFWEBVTT\r\n\r\n"), "x.srt", "vtt"},
		{"vtt header text", []byte("WEBVTT - a title\n"), "", "vtt"},
		{"vtt only", []byte("WEBVTT"), "", "vtt"},
		{"vtt utf16le", utf16le("WEBVTT\n"), "", "vtt"},
		{"not vtt", []byte("WEBVTTX\n"), "", ""},
		{"vtt ext", []byte("garbage"), "a.WebVTT", "vtt"},
		{"srt", []byte(srt), "", "srt"},
		{"srt bom", []byte("\xEF\xBB\xBF" + srt), "x.vtt", "srt"},
		{"srt blank lines", []byte("\n\n  \r\n" + srt), "", "srt"},
		{"srt lf period", []byte("12\n01:00:00.000 --> 01:00:01.000\nx"), "", "srt"},
		{"srt cr only", []byte("1\r00:00:01,000 --> 00:00:02,000\rx"), "", "srt"},
		{"srt no numbers", []byte("00:00:01,000 --> 00:00:02,500\nHello\n"), "", "srt"},
		{"srt utf16le", utf16le(srt), "", "srt"},
		{"srt utf16be", utf16be(srt), "", "srt"},
		{"srt windows-1252", []byte("1\n00:00:01,000 --> 00:00:02,000\nCaf\xe9\n"), "", "srt"},
		{"srt number only", []byte("1\n"), "", ""},
		{"srt number only, ext", []byte("1\n"), "a.srt", "srt"},
		{"srt text first", []byte("Hello\n00:00:01,000 --> 00:00:02,000\n"), "", ""},
		{"srt arrow not timing", []byte("1\nx --> y\n"), "", ""},
		{"empty", nil, "", ""},
		{"empty srt", nil, "dir.d/a.srt", "srt"},
		{"unknown ext", []byte("{}"), "a.json", ""},
		{"ext is not name", []byte("x"), "srt", ""},
	}
	for _, tt := range tests {
		if got := detectName(tt.head, tt.file); got != tt.want {
			t.Errorf("%s: detectName(%.40q, %q) = %q, want %q", tt.name, tt.head, tt.file, got, tt.want)
		}
	}
}

// FuzzDetect checks the contract: a known result, content before
// the extension, and the extension only as a fallback.
func FuzzDetect(f *testing.F) {
	f.Add([]byte("1\n00:00:01,000 --> 00:00:02,000\nhi\n"), "a.srt")
	f.Add([]byte("\xEF\xBB\xBFWEBVTT\n\n"), "a.vtt")
	f.Add(gsi("850", "STL25.01"), "a.stl")
	f.Add(utf16le("WEBVTT\n"), "")
	f.Add([]byte("\n\n7\r\n1:2:3,4 --> 5"), "x.txt")
	f.Fuzz(func(t *testing.T, head []byte, name string) {
		got := detectName(head, name)
		switch got {
		case "", "srt", "vtt", "stl":
		default:
			t.Fatalf("DetectFormat = %q", got)
		}
		content := detectName(head, "")
		for _, other := range []string{"a.srt", "a.vtt", "a.stl", "a.txt"} {
			g := detectName(head, other)
			if content != "" && g != content {
				t.Fatalf("content says %q but name %q gives %q", content, other, g)
			}
			if content == "" && g != detectName(nil, other) {
				t.Fatalf("no content match, but name %q gives %q", other, g)
			}
		}
		if content == "stl" && len(head) < DetectSize {
			t.Fatalf("STL from %d bytes, less than a GSI block", len(head))
		}
		// A BOM or a WEBVTT header makes a VTT whatever follows.
		if g := detectName(append([]byte("\xEF\xBB\xBFWEBVTT\n"), head...), name); g != "vtt" {
			t.Fatalf("WEBVTT header followed by %q detected as %q", head, g)
		}
	})
}

// detectName is Detect's format name, "" when it cannot tell.
func detectName(head []byte, name string) string {
	f, _ := Detect(head, name)
	return f.Name
}
