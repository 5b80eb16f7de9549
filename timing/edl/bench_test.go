package edl

import (
	"bytes"
	"os"
	"testing"

	"github.com/sotcap/sotcap/timing"
)

func BenchmarkReadEDLAdobe(b *testing.B) {
	data, err := os.ReadFile("../../testdata/edl/pycmx__adobe_dai109_test.edl")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		e, err := Read(bytes.NewReader(data), timing.Rate24())
		if err != nil || len(e.Events) != 3727 {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadEachEDLAdobe(b *testing.B) {
	data, err := os.ReadFile("../../testdata/edl/pycmx__adobe_dai109_test.edl")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if _, err := NewReader(bytes.NewReader(data), timing.Rate24()).ReadEach(func(*EDL, *Event) error { n++; return nil }); err != nil || n != 3727 {
			b.Fatal(err)
		}
	}
}
