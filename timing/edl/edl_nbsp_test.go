package edl

import (
	"errors"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/timing"
)

// TestReadEDLLatin1BlankLine: a line that is only a Latin-1 no-break space
// (byte 0xA0, not UTF-8) is blank once decoded; it used to index an empty
// string and panic (found by pipeline.FuzzGenerate).
func TestReadEDLLatin1BlankLine(t *testing.T) {
	_, err := Read(strings.NewReader("\xa0"), timing.Rate25())
	if !errors.Is(err, ErrNoEvents) {
		t.Fatalf("got %v, want ErrNoEvents", err)
	}
	e, err := Read(strings.NewReader("TITLE: X\n\xa0\n001  AX V C 01:00:00:00 01:00:01:00 01:00:00:00 01:00:01:00\n\xa0 \xa0\n"), timing.Rate25())
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Events) != 1 {
		t.Fatalf("%d events, want 1", len(e.Events))
	}
}
