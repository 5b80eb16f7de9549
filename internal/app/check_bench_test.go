package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/srt"
)

// BenchmarkCheckSRT100k is `sotcap check FILE --format json` on a
// 100,000-cue SRT: read, judge every caption, summarise, write the report.
func BenchmarkCheckSRT100k(b *testing.B) {
	dir := b.TempDir()
	name := filepath.Join(dir, "big.srt")
	f, err := os.Create(name)
	if err != nil {
		b.Fatal(err)
	}
	w := srt.NewWriter(f)
	words := strings.Fields("we have put everything we have in the political and military spheres on the table")
	for i := 0; i < 100_000; i++ {
		start := time.Duration(i) * 850 * time.Millisecond // 100,000 cues in under 24 h
		text := strings.Join(words[i%5:i%5+6+i%4], " ")
		c := captions.Caption{Start: start, End: start + 500*time.Millisecond + time.Duration(i%7)*40*time.Millisecond,
			Lines: []captions.Line{{Text: text}, {Text: fmt.Sprintf("line two of caption %d", i)}}}
		if err := w.Write(c); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	fi, _ := os.Stat(name)
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	s := IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}
	for b.Loop() {
		err := RunCheck(CheckOptions{Files: []string{name}, Format: "json"}, s)
		var ee *ExitError
		if err != nil && !(asExit(err, &ee) && ee.Code == ExitViolation) {
			b.Fatal(err)
		}
	}
}

func asExit(err error, target **ExitError) bool {
	e, ok := err.(*ExitError)
	*target = e
	return ok
}
