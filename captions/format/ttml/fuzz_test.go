package ttml

import (
	"bytes"
	"os"
	"testing"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/tt/tttest"
)

// FuzzRead: the reader never panics, fails only with a ParseError, and
// what it reads and the writer accepts reads back the same.
func FuzzRead(f *testing.F) {
	for _, s := range tttest.FuzzSeeds() {
		f.Add(s)
	}
	for _, name := range []string{"testdata/imsc-tests/imsc1__timing__MediaSeqTiming003.ttml", "testdata/imsc-tests/imsc1__styling__styleInheritance-001.ttml", "testdata/ttconv/lwsp_preserve.ttml", "testdata/imsc-tests/imsc1__timing__timing-on-span-002.ttml"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	read := func(b []byte) (captions.Document, []captions.Warning, error) {
		return Read(bytes.NewReader(b), ReadOptions{MaxSize: 1 << 20})
	}
	write := func(d captions.Document) ([]byte, error) {
		b, _, err := Encode(d, WriteOptions{})
		return b, err
	}
	validate := func(c []captions.Caption) error { return Validate(c, 0) }
	f.Fuzz(func(t *testing.T, in []byte) { tttest.FuzzRead(t, in, read, validate, write) })
}
