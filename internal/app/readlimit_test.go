package app

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readAtMost stops one byte past its limit on an endless input.
func TestReadAtMostEndless(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	data, err := readAtMost("/dev/zero", 1<<20)
	require.NoError(t, err)
	assert.Len(t, data, 1<<20+1, "one byte past the limit, and no more")
}

// A regular file over the limit is refused by its size, without reading it
// (a sparse file makes it cheap to test).
func TestReadAtMostHugeFileUnread(t *testing.T) {
	name := t.TempDir() + "/huge.srt"
	f, err := os.Create(name)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(maxCheckFile+1))
	require.NoError(t, f.Close())
	_, err = readAtMost(name, maxCheckFile)
	assert.ErrorIs(t, err, errTooLarge)
}
