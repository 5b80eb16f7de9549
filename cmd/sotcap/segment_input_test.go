package main

import (
	"strings"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
)

// TestSegmentRejectsNonText: an empty input, a binary one (NUL bytes are
// valid UTF-8, so UTF-16 text would otherwise be segmented as words) and a
// line over 64 KiB are bad input with a short message naming the line.
func TestSegmentRejectsNonText(t *testing.T) {
	for name, c := range map[string]struct{ in, want string }{
		"empty":       {"", "standard input: no text to segment"},
		"blank lines": {"\n  \n\n", "no text to segment"},
		"utf-16":      {"H\x00e\x00l\x00l\x00o\x00\n\x00", "standard input:1:2: NUL byte"},
		"long line":   {strings.Repeat("x", 70<<10) + "\n", "standard input:1: line too long: over 64 KiB"},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, stderr := runArgs(t, c.in, "segment")
			assert.Equal(t, app.ExitBadInput, code)
			assert.Empty(t, out)
			assert.Contains(t, stderr, c.want)
			assert.Less(t, len(stderr), 500)
		})
	}
}
