package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
)

// TestTablesReportFailedStdout: plan's and generate's tables report a write
// error (a full disk, a closed pipe) instead of exiting 0.
func TestTablesReportFailedStdout(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"plan", "--script", "sample/haftar_moscow_package.txt", "--edl", "sample/haftar_moscow_package.edl", "--fps", "25"},
		{"generate", "--script", "sample/haftar_moscow_package.txt", "--edl", "sample/haftar_moscow_package.edl", "--fps", "25", "--out", filepath.Join(dir, "out")},
	} {
		var errb bytes.Buffer
		code := run(args, strings.NewReader(""), failingWriter{}, &errb)
		assert.Equal(t, app.ExitBadInput, code, args[0])
		assert.Contains(t, errb.String(), "write standard output: no space left on device", args[0])
	}
}
