package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
)

// TestFlagValuesRefusedWhenOdd: flag values that could be taken as
// something else (check --stl-table 09, batch --progress weird, --workers
// -3) are usage errors.
func TestFlagValuesRefusedWhenOdd(t *testing.T) {
	dir := t.TempDir()
	srt := filepath.Join(dir, "a.srt")
	if err := os.WriteFile(srt, []byte("1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"check", srt, "--stl-table", "09"}, `--stl-table "09": expected auto, 00, 01, 02, 03 or 04`},
		{[]string{"batch", dir, "--fps", "25", "--progress", "weird"}, `--progress "weird": expected auto, bar or lines`},
		{[]string{"batch", dir, "--fps", "25", "--workers", "-3"}, `--workers -3: expected`},
	} {
		code, _, stderr := runArgs(t, "", c.args...)
		assert.Equal(t, app.ExitBadInput, code, c.args)
		assert.Contains(t, stderr, c.want)
	}
}
