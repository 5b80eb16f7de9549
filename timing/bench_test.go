package timing

import (
	"testing"
)

func BenchmarkParseTimecodeDF(b *testing.B) {
	b.ReportAllocs()
	r := Rate2997()
	for b.Loop() {
		if n, err := ParseTimecode("10:03:00;05", r, false); err != nil || n != 1084319 {
			b.Fatal(n, err)
		}
	}
}

func BenchmarkParseTimecodeNDF(b *testing.B) {
	b.ReportAllocs()
	r := Rate25()
	for b.Loop() {
		if n, err := ParseTimecode("10:00:00:00", r, false); err != nil || n != 900000 {
			b.Fatal(n, err)
		}
	}
}

func BenchmarkTimecodeAtDF(b *testing.B) {
	b.ReportAllocs()
	r := Rate2997()
	for b.Loop() {
		if tc := TimecodeAt(1084319, r, true); tc.M != 3 {
			b.Fatal(tc)
		}
	}
}

func BenchmarkAppendTimecodeDF(b *testing.B) {
	b.ReportAllocs()
	r := Rate2997()
	buf := make([]byte, 0, 16)
	for b.Loop() {
		buf = AppendTimecode(buf[:0], 1084319, r, true)
	}
	if string(buf) != "10:03:00;05" {
		b.Fatal(string(buf))
	}
}

func BenchmarkTimecodeFrame(b *testing.B) {
	b.ReportAllocs()
	r := Rate5994()
	tc := Timecode{H: 5, M: 1, S: 30, F: 3, Drop: true}
	for b.Loop() {
		if n, err := tc.Frame(r); err != nil || n != 1084319 {
			b.Fatal(n, err)
		}
	}
}

func BenchmarkFormatTimecode(b *testing.B) {
	b.ReportAllocs()
	r := Rate2997()
	for b.Loop() {
		if s := FormatTimecode(1084319, r, true); len(s) != 11 {
			b.Fatal(s)
		}
	}
}
