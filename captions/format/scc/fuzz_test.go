package scc

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/sotcap/sotcap/captions"
)

// FuzzRead: the reader never panics; every error is a *captions.ParseError;
// what it reads is in order, each caption at least a frame long with
// non-empty lines; and what it reads, when the writer accepts it, is
// written and read back to the same captions.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.scc")
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, false)
	}
	f.Add([]byte(golden), true)
	b, _ := mustEncode(f, randomDoc(rand.New(rand.NewPCG(1, 2)), 5, df), WriteOptions{})
	f.Add(b, false)
	f.Fuzz(func(t *testing.T, data []byte, strict bool) {
		file, err := Decode(data, ReadOptions{Strict: strict})
		if err != nil {
			var pe *captions.ParseError
			if file != nil || !errors.As(err, &pe) {
				t.Fatalf("file %v, error %v (%T)", file != nil, err, err)
			}
			return
		}
		caps := file.Document.Captions
		for i, c := range caps {
			if c.End <= c.Start || (i > 0 && c.Start < caps[i-1].Start) {
				t.Fatalf("caption %d: %v–%v after %v", i+1, c.Start, c.End, caps[max(i-1, 0)].Start)
			}
			for _, l := range c.Lines {
				if l.Text == "" || l.Text != collapseSpaces(l.Text) {
					t.Fatalf("caption %d: line %q", i+1, l.Text)
				}
			}
		}
		out, _, err := Encode(file.Document, WriteOptions{Rate: file.Rate})
		if err != nil {
			return // overlapping roll-up states, long rows, no room to load
		}
		back, err := Decode(out, ReadOptions{Rate: file.Rate, Strict: true})
		if err != nil {
			t.Fatalf("reading what we wrote: %v", err)
		}
		sameCaptions(t, file.Rate, caps, back.Document.Captions)
	})
}
