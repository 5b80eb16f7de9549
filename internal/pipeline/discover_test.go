package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func touch(t *testing.T, root string, names ...string) {
	t.Helper()
	for _, n := range names {
		p := filepath.Join(root, n)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("x"), 0o644))
	}
}

func TestFindJobs(t *testing.T) {
	root := t.TempDir()
	touch(t, root,
		"a/pkg1.txt", "a/pkg1.edl", // a pair
		"a/notes.txt",                         // text without an EDL: ignored
		"a/lonely.EDL",                        // EDL without a script: unpaired
		"b/sotcap.yaml", "b/x.txt", "b/x.edl", // the config decides
		"c/sotcap-out/old.edl", "c/pkg2.TXT", "c/pkg2.edl",
		".git/y.txt", ".git/y.edl",
	)
	jobs, unpaired, err := FindJobs(root)
	require.NoError(t, err)
	require.Len(t, jobs, 3)
	assert.Equal(t, Job{Dir: filepath.Join(root, "a"), Name: "pkg1", Script: filepath.Join(root, "a/pkg1.txt"), EDL: filepath.Join(root, "a/pkg1.edl")}, jobs[0])
	assert.Equal(t, Job{Dir: filepath.Join(root, "b"), Name: "b", Config: filepath.Join(root, "b/sotcap.yaml")}, jobs[1])
	assert.Equal(t, "pkg2", jobs[2].Name)
	assert.Equal(t, []string{filepath.Join(root, "a/lonely.EDL")}, unpaired)

	_, _, err = FindJobs(filepath.Join(root, "missing"))
	assert.Error(t, err)
}
