package format

import (
	"bytes"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// French typography's no-break spaces (U+00A0, U+202F) before ? ! : ;
// reach every writer: each carries them or writes a plain space.
func TestNoBreakSpacesInEveryFormat(t *testing.T) {
	doc := captions.Document{Language: "fr", Captions: []captions.Caption{{Start: 10 * time.Second, End: 13 * time.Second,
		Lines: []captions.Line{{Text: "Vraiment\u202f? Oui\u00a0!"}, {Text: "« Bien\u00a0» : non\u202f;"}}}}}
	for _, f := range All() {
		o := roundTripOptions(timing.Rate25())
		o.Language, o.STL.Language = "fr", "fr"
		var b bytes.Buffer
		w, err := f.NewWriter(&b, o)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range doc.Captions {
			if err := w.Write(c); err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
}
