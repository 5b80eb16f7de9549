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

func TestFindJobsGroupsLanguageVersions(t *testing.T) {
	root := t.TempDir()
	touch(t, root,
		"p/story.txt", "p/story.fr.txt", "p/story.ar.txt", "p/story.edl", // three languages, one cut
		"q/only.de.txt", "q/only.edl", // one language version, no plain script
		"r/notes.fr.txt",               // a language version without an EDL: ignored like any text
		"s/pkg.v2.txt", "s/pkg.v2.edl", // a dotted name that is no language
	)
	jobs, unpaired, err := FindJobs(root)
	require.NoError(t, err)
	assert.Empty(t, unpaired)
	require.Len(t, jobs, 3)
	p := filepath.Join(root, "p")
	assert.Equal(t, Job{Dir: p, Name: "story", Script: filepath.Join(p, "story.txt"), EDL: filepath.Join(p, "story.edl"),
		Scripts: []string{filepath.Join(p, "story.txt"), "ar=" + filepath.Join(p, "story.ar.txt"), "fr=" + filepath.Join(p, "story.fr.txt")}}, jobs[0])
	q := filepath.Join(root, "q")
	assert.Equal(t, Job{Dir: q, Name: "only", Script: filepath.Join(q, "only.de.txt"), EDL: filepath.Join(q, "only.edl"),
		Scripts: []string{"de=" + filepath.Join(q, "only.de.txt")}}, jobs[1])
	assert.Equal(t, "pkg.v2", jobs[2].Name)
	assert.Nil(t, jobs[2].Scripts)
}
