package edl

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/sotcap/sotcap/timing"
)

func FuzzRead(f *testing.F) {
	// The corpus files up to 32 KiB as seeds, besides testdata/fuzz/FuzzReadEDL.
	files, _ := filepath.Glob("../../testdata/edl/*.edl")
	files = append(files, "testdata/sot_package.edl")
	for _, p := range files {
		b, err := os.ReadFile(p)
		// Big files make the fuzzer crawl; they are read whole by the
		// corpus tests.
		if err == nil && len(b) <= 32<<10 {
			f.Add(b, uint8(1))
			f.Add(b, uint8(3))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, ri uint8) {
		rates := timing.SupportedRates()
		r := rates[int(ri)%len(rates)]
		e, err := Read(bytes.NewReader(data), r)
		// ReadEach hands out the same events and ends the same way.
		if msg := sameAsReadEach(data, r, e, err); msg != "" {
			t.Fatal(msg)
		}
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || e != nil {
				t.Fatalf("error %v (%T) is not a *ParseError, or came with a result", err, err)
			}
			if pe.Err == nil || pe.Line < 0 || pe.Column < 0 {
				t.Fatalf("bad ParseError %+v", pe)
			}
			return
		}
		if len(e.Events) == 0 {
			t.Fatal("no error and no events")
		}
		for _, ev := range e.Events {
			if ev.Line < 1 || ev.Number == "" || ev.Reel == "" || ev.Channels == "" {
				t.Fatalf("incomplete event %+v", ev)
			}
			if timing.FormatTimecode(ev.RecordInFrame, r, false) == "" {
				t.Fatal("unformattable frame")
			}
		}
		cuts := e.Cuts()
		for i := 1; i < len(cuts); i++ {
			if cuts[i-1].Frame >= cuts[i].Frame {
				t.Fatalf("cuts not sorted and unique: %v", cuts)
			}
		}
		for _, w := range e.SOTWindows(nil) {
			if w.In >= w.Out || len(w.Events) == 0 || len(w.Events) != len(w.Lines) {
				t.Fatalf("bad window %+v", w)
			}
			for _, c := range w.Cuts {
				if c.Frame <= w.In || c.Frame >= w.Out {
					t.Fatalf("cut %v outside window %+v", c, w)
				}
			}
		}
	})
}
