package stl

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// TestReadQuirks: what ttconv and IRT's tools read, Read reads too (with a
// warning), and Strict refuses. Each expectation follows ttconv's STL
// reader (sandflow/ttconv, src/main/python/ttconv/stl/datafile.py and
// tf.py): blocks are joined up to EBN FF whatever their numbers, a
// subtitle with TCO < TCI is skipped and TCO = TCI kept, an unknown
// character is decoded as U+FFFD, order is not checked, and text is text.
func TestReadQuirks(t *testing.T) {
	tc := func(s, f byte) [4]byte { return [4]byte{10, 0, s, f} }
	sec := func(s int) time.Duration { return 10*time.Hour + time.Duration(s)*time.Second }
	cases := []struct {
		name   string
		blocks [][]byte
		want   []captions.Caption
		warn   string // in a warning
		mal    string // in File.Malformed
	}{
		{"extension blocks 0, 2, FF", [][]byte{
			handTTI(1, 0x00, 0, tc(1, 0), tc(2, 0), 22, 2, 0, []byte("one ")),
			handTTI(1, 0x02, 0, tc(1, 0), tc(2, 0), 22, 2, 0, []byte("two ")),
			handTTI(1, 0xFF, 0, tc(1, 0), tc(2, 0), 22, 2, 0, []byte("three")),
		}, []captions.Caption{{Start: sec(1), End: sec(2), Row: 22, Align: captions.AlignCenter, Lines: []captions.Line{{Text: "one two three"}}}},
			"extension block number 2 after 0", ""},
		{"out equals in", [][]byte{
			handTTI(1, 0xFF, 0, tc(1, 0), tc(1, 0), 22, 2, 0, []byte("flash")),
		}, []captions.Caption{{Start: sec(1), End: sec(1), Row: 22, Align: captions.AlignCenter, Lines: []captions.Line{{Text: "flash"}}}},
			"equals time code in", ""},
		{"out before in", [][]byte{
			handTTI(1, 0xFF, 0, tc(3, 0), tc(1, 0), 22, 2, 0, []byte("back")),
			handTTI(2, 0xFF, 0, tc(4, 0), tc(5, 0), 22, 2, 0, []byte("ok")),
		}, []captions.Caption{{Start: sec(4), End: sec(5), Row: 22, Align: captions.AlignCenter, Lines: []captions.Line{{Text: "ok"}}}},
			"", "before time code in"},
		{"out of order", [][]byte{
			handTTI(1, 0xFF, 0, tc(5, 0), tc(6, 0), 22, 2, 0, []byte("later")),
			handTTI(2, 0xFF, 0, tc(1, 0), tc(2, 0), 22, 2, 0, []byte("earlier")),
		}, []captions.Caption{
			{Start: sec(5), End: sec(6), Row: 22, Align: captions.AlignCenter, Lines: []captions.Line{{Text: "later"}}},
			{Start: sec(1), End: sec(2), Row: 22, Align: captions.AlignCenter, Lines: []captions.Line{{Text: "earlier"}}},
		}, "", ""},
		// ttconv reads A0 as a no-break space and an unassigned diacritic
		// (CC) with its letter as one U+FFFD.
		{"unassigned bytes A0 and CC", [][]byte{
			handTTI(1, 0xFF, 0, tc(1, 0), tc(2, 0), 22, 2, 0, []byte("a\xa0b\xccc")),
		}, []captions.Caption{{Start: sec(1), End: sec(2), Row: 22, Align: captions.AlignCenter, Lines: []captions.Line{{Text: "a\u00a0b\uFFFD"}}}},
			"not a character of table", ""},
		{"angle brackets", [][]byte{
			handTTI(1, 0xFF, 0, tc(1, 0), tc(2, 0), 22, 2, 0, []byte("<i>not a tag</i> a<b")),
		}, []captions.Caption{{Start: sec(1), End: sec(2), Row: 22, Align: captions.AlignCenter, Lines: []captions.Line{{Text: "<i>not a tag</i> a<b"}}}},
			"", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := cat(append([][]byte{handGSI("STL25.01", "1", "00", "00000000", len(c.blocks))}, c.blocks...)...)
			f, err := Decode(file, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			sameCaptions(t, timing.Rate25(), c.want, f.Document.Captions)
			if c.warn != "" && !hasMessage(f.Warnings, c.warn) {
				t.Errorf("warnings %v lack %q", f.Warnings, c.warn)
			}
			if c.mal != "" && !hasMessage(f.Malformed, c.mal) {
				t.Errorf("malformed %v lack %q", f.Malformed, c.mal)
			}
			if c.mal == "" && len(f.Malformed) > 0 {
				t.Errorf("malformed %v", f.Malformed)
			}
			_, err = Decode(file, ReadOptions{Strict: true})
			if quirk := c.warn != "" || c.mal != ""; quirk != (err != nil) {
				t.Errorf("strict: error %v", err)
			}
		})
	}
}

func hasMessage(ws []captions.Warning, s string) bool {
	for _, w := range ws {
		if strings.Contains(w.Message, s) {
			return true
		}
	}
	return false
}

// TestReadTruncated: a file shorter than its GSI's TNB, or cut inside a
// block, or inside a subtitle's extension blocks, is an error wrapping
// ErrTruncated; Lenient reads its whole subtitles and lists what is
// missing in File.Malformed.
func TestReadTruncated(t *testing.T) {
	tc := func(s, f byte) [4]byte { return [4]byte{10, 0, s, f} }
	var blocks [][]byte
	for i := 0; i < 4; i++ {
		blocks = append(blocks, handTTI(i+1, 0xFF, 0, tc(byte(2*i), 0), tc(byte(2*i+1), 0), 22, 2, 0, []byte("text")))
	}
	whole := cat(append([][]byte{handGSI("STL25.01", "1", "00", "00000000", 69)}, blocks...)...)
	cut := whole[:len(whole)-50]
	ext := cat(handGSI("STL25.01", "1", "00", "00000000", 2), blocks[0], handTTI(2, 0x00, 0, tc(9, 0), tc(10, 0), 22, 2, 0, []byte("half")))
	for _, c := range []struct {
		name     string
		file     []byte
		captions int
		mal      string
	}{
		{"tnb short", whole, 4, "TNB says 69 TTI blocks, the file has 4"},
		{"cut block", cut, 3, "TTI block 4 cut after 78"},
		{"cut extension", ext, 1, "without a last block"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := Decode(c.file, ReadOptions{}); !errors.Is(err, ErrTruncated) {
				t.Errorf("error %v, want ErrTruncated", err)
			}
			if _, err := Decode(c.file, ReadOptions{Lenient: true, Strict: true}); !errors.Is(err, ErrTruncated) {
				t.Errorf("strict: error %v, want ErrTruncated", err)
			}
			f, err := Decode(c.file, ReadOptions{Lenient: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Document.Captions) != c.captions || !hasMessage(f.Malformed, c.mal) {
				t.Errorf("%d captions, malformed %v; want %d and %q", len(f.Document.Captions), f.Malformed, c.captions, c.mal)
			}
		})
	}
}

// ttconvLoose runs ttconv on stl, allowing its warnings, and returns the
// text of each cue it wrote (lines joined by "\n").
func ttconvLoose(t *testing.T, stl []byte) []string {
	t.Helper()
	bin, err := exec.LookPath("ttconv")
	if err != nil {
		t.Skip("ttconv not installed (Debian package python3-ttconv): independent STL check skipped")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.stl"), filepath.Join(dir, "out.srt")
	if err := os.WriteFile(in, stl, 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(bin, "convert", "-i", in, "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("ttconv: %v\n%s", err, b)
	}
	srt, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, b := range strings.Split(strings.ReplaceAll(string(srt), "\r\n", "\n"), "\n\n") {
		ls := strings.Split(strings.Trim(b, "\n"), "\n")
		if len(ls) >= 2 {
			texts = append(texts, strings.Join(ls[2:], "\n"))
		}
	}
	return texts
}

// TestQuirksAgreeWithTTConv: ttconv reads the quirk files as Read does —
// the same number of subtitles, with the same text.
func TestQuirksAgreeWithTTConv(t *testing.T) {
	tc := func(s, f byte) [4]byte { return [4]byte{10, 0, s, f} }
	files := map[string][][]byte{
		"extension 0 2 FF": {
			handTTI(1, 0x00, 0, tc(1, 0), tc(2, 0), 22, 2, 0, []byte("one ")),
			handTTI(1, 0x02, 0, tc(1, 0), tc(2, 0), 22, 2, 0, []byte("two ")),
			handTTI(1, 0xFF, 0, tc(1, 0), tc(2, 0), 22, 2, 0, []byte("three")),
		},
		"out before in": {
			handTTI(1, 0xFF, 0, tc(3, 0), tc(1, 0), 22, 2, 0, []byte("back")),
			handTTI(2, 0xFF, 0, tc(4, 0), tc(5, 0), 22, 2, 0, []byte("ok")),
		},
		"unassigned": {handTTI(1, 0xFF, 0, tc(1, 0), tc(2, 0), 22, 2, 0, []byte("a\xa0b\xccc"))},
		"brackets":   {handTTI(1, 0xFF, 0, tc(1, 0), tc(2, 0), 22, 2, 0, []byte("x <y> z"))},
	}
	for name, blocks := range files {
		t.Run(name, func(t *testing.T) {
			file := cat(append([][]byte{handGSI("STL25.01", "1", "00", "00000000", len(blocks))}, blocks...)...)
			f, err := Decode(file, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			theirs := ttconvLoose(t, file)
			if len(theirs) != len(f.Document.Captions) {
				t.Fatalf("ttconv read %d subtitles %q, we read %d", len(theirs), theirs, len(f.Document.Captions))
			}
			for i, c := range f.Document.Captions {
				if theirs[i] != c.Text() {
					t.Errorf("subtitle %d: ttconv %q, we %q", i+1, theirs[i], c.Text())
				}
			}
		})
	}
}
