package pipeline

import (
	"bytes"
	"os"
	"testing"
)

// BenchmarkSample is the work of `sotcap generate` on the embedded sample:
// read both inputs, map, segment and time, render SRT, WebVTT, STL and the
// report (no file I/O).
func BenchmarkSample(b *testing.B) {
	scr, err := os.ReadFile(sampleDir + "haftar_moscow_package.txt")
	if err != nil {
		b.Fatal(err)
	}
	edl, err := os.ReadFile(sampleDir + "haftar_moscow_package.edl")
	if err != nil {
		b.Fatal(err)
	}
	t := &testing.T{}
	opts := sampleOptions(t)
	b.ReportAllocs()
	b.SetBytes(int64(len(scr) + len(edl)))
	for b.Loop() {
		in := Inputs{ScriptName: "s", Script: bytes.NewReader(scr), EDLName: "e", EDL: bytes.NewReader(edl)}
		pkg, e, err := Read(in, opts)
		if err != nil {
			b.Fatal(err)
		}
		p, err := NewPlan(pkg, e, opts)
		if err != nil {
			b.Fatal(err)
		}
		res, err := Generate(p, opts)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := res.Render([]string{"srt", "vtt", "stl"}, nil, opts); err != nil {
			b.Fatal(err)
		}
	}
}
