package ebuttd

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
	for _, name := range []string{"testdata/irt/cumulative-words-001-ttml.xml", "testdata/irt/br-in-span-001-ttml.xml", "testdata/irt/multiple-regions-sequence-001-ttml.xml"} {
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
