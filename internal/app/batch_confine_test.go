package app

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// samplePackage copies the embedded sample package into dir.
func samplePackage(t *testing.T, dir string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for _, ext := range []string{".txt", ".edl"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "cmd", "sotcap", "sample", "haftar_moscow_package"+ext))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "haftar_moscow_package"+ext), b, 0o644))
	}
}

const sampleYAML = "script: haftar_moscow_package.txt\nedl: haftar_moscow_package.edl\nfps: 25\n"

// Each hostile package fails alone, with a reason, and the summary still
// comes; nothing is read or written outside the batch folder.
func TestBatchConfinesPackages(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	require.NoError(t, os.WriteFile(secret, []byte("not a script"), 0o644))
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, pkg string)
		want  string // in the failure line
	}{
		{"script climbs out", func(t *testing.T, pkg string) {
			writeFile(t, filepath.Join(pkg, "sotcap.yaml"), "script: ../../../../etc/passwd\nedl: haftar_moscow_package.edl\nfps: 25\n")
		}, "script \"../../../../etc/passwd\": leaves the package folder"},
		{"absolute script", func(t *testing.T, pkg string) {
			writeFile(t, filepath.Join(pkg, "sotcap.yaml"), "script: "+secret+"\nedl: haftar_moscow_package.edl\nfps: 25\n")
		}, "an absolute path leaves the package folder"},
		{"absolute out", func(t *testing.T, pkg string) {
			writeFile(t, filepath.Join(pkg, "sotcap.yaml"), sampleYAML+"out: "+outside+"\n")
		}, "out \"" + outside + "\": an absolute path"},
		{"symlinked EDL", func(t *testing.T, pkg string) {
			require.NoError(t, os.Symlink(secret, filepath.Join(pkg, "link.edl")))
			writeFile(t, filepath.Join(pkg, "sotcap.yaml"), "script: haftar_moscow_package.txt\nedl: link.edl\nfps: 25\n")
		}, "a symbolic link to " + secret},
		{"out through a symlinked folder", func(t *testing.T, pkg string) {
			require.NoError(t, os.Symlink(outside, filepath.Join(pkg, "away")))
			writeFile(t, filepath.Join(pkg, "sotcap.yaml"), sampleYAML+"out: away/sub\n")
		}, "leaves the package folder"},
		{"paired script is a link out", func(t *testing.T, pkg string) {
			require.NoError(t, os.Remove(filepath.Join(pkg, "haftar_moscow_package.txt")))
			require.NoError(t, os.Symlink(secret, filepath.Join(pkg, "haftar_moscow_package.txt")))
		}, "a symbolic link to " + secret},
		{"FIFO named like an EDL", func(t *testing.T, pkg string) {
			require.NoError(t, os.Remove(filepath.Join(pkg, "haftar_moscow_package.edl")))
			require.NoError(t, syscall.Mkfifo(filepath.Join(pkg, "haftar_moscow_package.edl"), 0o644))
		}, "named pipe (FIFO): not a regular file"},
		{"endless config", func(t *testing.T, pkg string) {
			f, err := os.Create(filepath.Join(pkg, "sotcap.yaml"))
			require.NoError(t, err)
			require.NoError(t, f.Truncate(1<<30))
			require.NoError(t, f.Close())
		}, "larger than the 1 MiB limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			samplePackage(t, filepath.Join(root, "good"))
			pkg := filepath.Join(root, "bad")
			samplePackage(t, pkg)
			tc.setup(t, pkg)
			var out, errb bytes.Buffer
			err := RunBatch(BatchOptions{Dir: root, FPS: "25", Progress: "lines", Environ: []string{}}, IO{Out: &out, Err: &errb})
			var ee *ExitError
			require.ErrorAs(t, err, &ee)
			assert.Equal(t, ExitViolation, ee.Code)
			assert.Contains(t, out.String(), "2 packages: 1 done, 1 failed")
			assert.Contains(t, out.String(), tc.want)
			es, err := os.ReadDir(outside)
			require.NoError(t, err)
			assert.Len(t, es, 1, "nothing written outside")
		})
	}
}

// Two packages with the same output target are an error before anything
// runs, even with --allow-outside.
func TestBatchDuplicateTargets(t *testing.T) {
	root := t.TempDir()
	for _, p := range []string{"a", "b"} {
		samplePackage(t, filepath.Join(root, p))
		writeFile(t, filepath.Join(root, p, "sotcap.yaml"), sampleYAML+"out: ../shared\nname: x\n")
	}
	var out, errb bytes.Buffer
	err := RunBatch(BatchOptions{Dir: root, Progress: "lines", Environ: []string{}, AllowOutside: true}, IO{Out: &out, Err: &errb})
	var ee *ExitError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, ExitBadInput, ee.Code)
	assert.Contains(t, err.Error(), "overwrite each other")
	_, err = os.Stat(filepath.Join(root, "shared"))
	assert.True(t, os.IsNotExist(err), "nothing ran")

	// With distinct names, --allow-outside lets both write there.
	writeFile(t, filepath.Join(root, "b", "sotcap.yaml"), sampleYAML+"out: ../shared\nname: y\n")
	require.NoError(t, RunBatch(BatchOptions{Dir: root, Progress: "lines", Environ: []string{}, AllowOutside: true}, IO{Out: &out, Err: &errb}))
	_, err = os.Stat(filepath.Join(root, "shared", "y.srt"))
	assert.NoError(t, err)
}

func writeFile(t *testing.T, name, body string) {
	t.Helper()
	require.NoError(t, os.WriteFile(name, []byte(body), 0o644))
}
