package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// largeSRT is an SRT of n cues, 2 s apart: every 40th too fast, every
// 30th with a line too long, every 700th malformed ("->").
func largeSRT(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		s, e := i*2000, i*2000+1500
		if i%40 == 0 {
			e = s + 300
		}
		arrow := "-->"
		if i%700 == 0 {
			arrow = "->"
		}
		ts := func(ms int) string {
			return fmt.Sprintf("%02d:%02d:%02d,%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
		}
		text := fmt.Sprintf("Caption %d,\nline two.", i)
		if i%30 == 0 {
			text = "A line much too long for any broadcast subtitle profile to allow."
		}
		fmt.Fprintf(&b, "%d\n%s %s %s\n%s\n\n", i, ts(s), arrow, ts(e), text)
	}
	return b.String()
}

// TestCheckHTMLLargeFileTwoPasses checks that the HTML report of a regular
// file of more than 20,000 captions, whose timeline check aggregates in a
// second pass over the file without keeping the captions, is byte for byte
// the report of the same bytes read from a pipe, which check cannot read
// twice and so keeps every caption's times and CPS in memory.
func TestCheckHTMLLargeFileTwoPasses(t *testing.T) {
	src := largeSRT(25000)
	regular := writeTemp(t, "large.srt", src)
	fifo := filepath.Join(t.TempDir(), "large.srt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipe to compare with: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			_, err = f.WriteString(src)
			f.Close()
		}
		done <- err
	}()
	// The same name in both reports: run the pipe from its own directory.
	fromPipe, _, code := runCheck(t, CheckOptions{Files: []string{fifo}, Format: "html"})
	require.NoError(t, <-done)
	require.Equal(t, 1, code)
	fromFile, _, code := runCheck(t, CheckOptions{Files: []string{regular}, Format: "html"})
	require.Equal(t, 1, code)
	fromPipe = strings.ReplaceAll(fromPipe, fifo, regular)
	require.Contains(t, fromFile, `class="caption-agg`, "the report is not aggregated: the test checks nothing")
	require.Contains(t, fromFile, `<tr class="malformed">`)
	if fromFile != fromPipe {
		i := 0
		for i < min(len(fromFile), len(fromPipe)) && fromFile[i] == fromPipe[i] {
			i++
		}
		t.Fatalf("reports differ at byte %d:\nfile: %q\npipe: %q", i,
			fromFile[max(0, i-100):min(len(fromFile), i+100)], fromPipe[max(0, i-100):min(len(fromPipe), i+100)])
	}
}
