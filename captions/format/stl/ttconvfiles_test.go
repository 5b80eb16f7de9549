package stl

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReadTTConvFiles reads real test files of ttconv and IRT's SCF (see
// testdata/SOURCES.md) as ttconv reads them. The expectations come from
// the files' bytes and from ttconv 1.0.5's output (`ttconv convert -i F -o
// F.srt`): multi_tti_subtitle is one subtitle "Foo Bar Baz" over three
// blocks numbered 0, 2, FF; the two IRT files hold one subtitle whose TCO
// equals its TCI (ttconv writes no cue for it: it is never shown); the
// cumulative set and the character test read without error. Strict
// refuses the first three.
func TestReadTTConvFiles(t *testing.T) {
	cases := []struct {
		file     string
		captions int
		text     string
		zero     bool // the first caption is shown for no time
		strictOK bool
	}{
		{"multi_tti_subtitle.stl", 1, "Foo Bar Baz", false, false},
		{"irt-requirement-0062-001.stl", 1, "", true, false},
		{"irt-requirement-0061-004_modified.stl", 1, "", true, false},
		{"cumulative_set.stl", -1, "", false, true},
		{"irt-requirement-0074-001.stl", 1, "", false, true},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "ttconv", c.file))
			if err != nil {
				t.Fatal(err)
			}
			f, err := Decode(b, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			caps := f.Document.Captions
			if c.captions >= 0 && len(caps) != c.captions {
				t.Fatalf("%d captions, want %d", len(caps), c.captions)
			}
			if c.text != "" && caps[0].Text() != c.text {
				t.Errorf("text %q, want %q", caps[0].Text(), c.text)
			}
			if c.zero && caps[0].End != caps[0].Start {
				t.Errorf("caption shown %v, want no time", caps[0].End-caps[0].Start)
			}
			if !c.zero && len(caps) > 0 && caps[0].End <= caps[0].Start {
				t.Errorf("caption shown for no time")
			}
			if _, err := Decode(b, ReadOptions{Strict: true}); (err == nil) != c.strictOK {
				t.Errorf("strict: error %v", err)
			}
		})
	}
}
