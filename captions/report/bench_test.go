package report

import (
	"io"
	"testing"
)

// bench100k is a 100,000-caption file (about 3.4 days of captions) with
// its stand-in violations (roughly a third over 17 CPS, some long lines).
func bench100k(b *testing.B) []FileResult {
	b.Helper()
	r := synthetic(100000, 7)
	b.Logf("100,000 captions, %d violations, %d cuts", len(r.Violations), len(r.Cuts))
	return []FileResult{r}
}

// countingWriter counts bytes so the benchmarks can report MB/s of output.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

func benchWriter(b *testing.B, write func(io.Writer, []FileResult) error) {
	results := bench100k(b)
	var cw countingWriter
	if err := write(&cw, results); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(cw.n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := write(io.Discard, results); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSummarize100k(b *testing.B) {
	r := bench100k(b)[0]
	b.ReportAllocs()
	for b.Loop() {
		_ = Summarize(r)
	}
}

// BenchmarkSummarizeWriteJSON100k is the JSON path of `sotcap check`:
// WriteJSON summarises each file and writes its violations.
func BenchmarkSummarizeWriteJSON100k(b *testing.B) { benchWriter(b, WriteJSON) }
func BenchmarkWriteCSV100k(b *testing.B)           { benchWriter(b, WriteCSV) }
func BenchmarkWriteText100k(b *testing.B)          { benchWriter(b, WriteText) }
func BenchmarkWriteHTML100k(b *testing.B)          { benchWriter(b, WriteHTML) }
