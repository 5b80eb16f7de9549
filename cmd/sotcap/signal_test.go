package main

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// childEnv makes the test binary run sotcap's main instead of the tests,
// so that a test can kill a real sotcap process.
const childEnv = "SOTCAP_TEST_RUN_MAIN"

func init() {
	if os.Getenv(childEnv) == "1" {
		main()
	}
}

// readSet returns the package's output files by name.
func readSet(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range es {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		out[e.Name()] = string(b)
	}
	return out
}

// TestSignalLeavesWholeSet kills `sotcap generate` with SIGINT or SIGTERM
// at random moments while it replaces a set made with another profile:
// every time, the folder holds either the whole old set or the whole new
// one, never a temporary, lock or journal file, and the exit status is 0
// (finished first) or 130/143 (or killed by the signal before main set
// its handler, when nothing has been written yet).
func TestSignalLeavesWholeSet(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	exe, err := os.Executable()
	require.NoError(t, err)
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	gen := func(profile string) *exec.Cmd {
		c := exec.Command(exe, "generate", "--script", "sample/haftar_moscow_package.txt", "--edl", "sample/haftar_moscow_package.edl",
			"--fps", "25", "--out", out, "--set", "stl.created=2024-01-01", "--profile", profile)
		c.Env = append(os.Environ(), childEnv+"=1")
		return c
	}
	// The two sets, made whole without interruption.
	sets := map[string]map[string]string{}
	for _, p := range []string{"bbc", "netflix-en"} {
		var stderr bytes.Buffer
		c := gen(p)
		c.Stderr = &stderr
		require.NoError(t, c.Run(), stderr.String())
		sets[p] = readSet(t, out)
	}
	require.NotEqual(t, sets["bbc"]["haftar_moscow_package.srt"], sets["netflix-en"]["haftar_moscow_package.srt"], "the profiles give different captions")

	codes := map[int]int{}
	rng := rand.New(rand.NewPCG(1, 2))
	profiles := []string{"bbc", "netflix-en"}
	for i := range 40 {
		c := gen(profiles[i%2])
		require.NoError(t, c.Start())
		time.Sleep(time.Duration(rng.IntN(200_000)) * time.Microsecond)
		sig := []os.Signal{syscall.SIGINT, syscall.SIGTERM}[rng.IntN(2)]
		_ = c.Process.Signal(sig)
		err := c.Wait()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		}
		// -1: killed before main installed its handler, before anything was written.
		assert.Contains(t, []int{-1, 0, 130, 143}, code, "run %d", i)
		codes[code]++
		got := readSet(t, out)
		for name := range got {
			assert.False(t, strings.HasPrefix(name, "."), "run %d left %s", i, name)
		}
		assert.True(t, equalSet(got, sets["bbc"]) || equalSet(got, sets["netflix-en"]), "run %d left a mixed set", i)
	}
	t.Logf("exit statuses: %v", codes)
}

func equalSet(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
