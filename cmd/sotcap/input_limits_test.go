package main

import (
	"os"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEndlessInput: segment stops at its line limit on /dev/zero (or any
// huge file without a newline) instead of running out of memory.
func TestEndlessInput(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	code, _, stderr := runArgs(t, "", "segment", "/dev/zero")
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "/dev/zero:1: line too long: over 64 KiB")
}

// TestCheckHugeFileUnread: a regular file over the limit is refused by its
// size, without reading it (a sparse file makes it cheap to test).
func TestCheckHugeFileUnread(t *testing.T) {
	name := t.TempDir() + "/huge.srt"
	f, err := os.Create(name)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(512<<20+1))
	require.NoError(t, f.Close())
	code, _, stderr := runArgs(t, "", "check", name)
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, name+": larger than the 512 MiB check reads")
}
