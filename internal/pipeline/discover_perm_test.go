package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFindJobsUnreadableFolder: one folder without read permission used to
// abort the whole walk, so batch processed nothing; it is now a failing
// job of its own and the readable packages are still found. Root reads
// every folder, so the test needs another user.
func TestFindJobsUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read a folder without permissions")
	}
	root := t.TempDir()
	for _, d := range []string{"a", "locked"} {
		require.NoError(t, os.Mkdir(filepath.Join(root, d), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(root, d, "p.txt"), []byte("x"), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(root, d, "p.edl"), []byte("x"), 0o644))
	}
	locked := filepath.Join(root, "locked")
	require.NoError(t, os.Chmod(locked, 0))
	t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
	jobs, _, err := FindJobs(root)
	require.NoError(t, err)
	require.Len(t, jobs, 2)
	assert.Equal(t, filepath.Join(root, "a"), jobs[0].Dir)
	assert.NoError(t, jobs[0].Err)
	assert.Equal(t, locked, jobs[1].Dir)
	require.Error(t, jobs[1].Err)
	assert.Contains(t, jobs[1].Err.Error(), locked)
	assert.ErrorIs(t, jobs[1].Err, os.ErrPermission)
}
