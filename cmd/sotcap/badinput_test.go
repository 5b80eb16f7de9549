package main

// A hostile user's audit of every command: bad input must give exit
// status 2 (1 only where a command documents it), a message on standard
// error naming the file (and line where there is one), no panic, and no
// output or temporary file left behind.

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/unicode"
)

// auditRun runs sotcap in-process like runArgs, but turns a panic into a
// test failure that names the arguments.
func auditRun(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("sotcap %s panicked: %v", strings.Join(args, " "), r)
		}
	}()
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil
	}
	return runArgs(t, "", args...)
}

// files lists every file (not folder) under dir, relative to it.
func files(t *testing.T, dir string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrPermission) {
				return nil // an unreadable fixture folder
			}
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out[rel] = true
		}
		return nil
	})
	require.NoError(t, err)
	return out
}

// assertNothingNew fails if a file appeared under dir since before.
func assertNothingNew(t *testing.T, dir string, before map[string]bool) {
	t.Helper()
	for f := range files(t, dir) {
		if !before[f] {
			t.Errorf("left %s behind", f)
		}
	}
}

// hostileDir writes the audit's inputs into a fresh folder: the sample
// package (script.txt, cut.edl), a good SRT, and one file per kind of bad
// input. It returns the folder and the bad inputs by name.
func hostileDir(t *testing.T) (string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, b, 0o644))
		return p
	}
	scr, err := os.ReadFile("sample/haftar_moscow_package.txt")
	require.NoError(t, err)
	edl, err := os.ReadFile("sample/haftar_moscow_package.edl")
	require.NoError(t, err)
	write("script.txt", scr)
	write("cut.edl", edl)
	write("ok.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nHello there.\n\n"))

	garbage := []byte("\x7fELF\x02\x01\x01")
	for i := range 2048 {
		garbage = append(garbage, byte(i*7919>>3))
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes(edl)
	require.NoError(t, err)
	bad := map[string]string{
		"empty":     write("empty.txt", nil),
		"garbage":   write("garbage.bin", garbage),
		"long line": write("long.txt", []byte("001  "+strings.Repeat("x", 70<<10)+"\n")),
		"utf-16":    write("utf16.txt", utf16),
		"directory": filepath.Join(dir, "folder.txt"),
		"missing":   filepath.Join(dir, "missing.txt"),
	}
	require.NoError(t, os.Mkdir(bad["directory"], 0o755))
	if os.Geteuid() != 0 { // root reads anything: no unreadable file to test
		bad["unreadable"] = write("unreadable.txt", scr)
		require.NoError(t, os.Chmod(bad["unreadable"], 0))
	}
	return dir, bad
}

// lineRef matches a file name followed by a line number in any of the
// readers' styles: "f:12:", "f:line 12", "f: line 12".
func lineRef(file string) *regexp.Regexp {
	return regexp.MustCompile(regexp.QuoteMeta(filepath.Base(file)) + `(:\d+|:? ?line \d+)`)
}

func TestBadInputFilesExit2WritingNothing(t *testing.T) {
	dir, bad := hostileDir(t)
	in := func(name string) string { return filepath.Join(dir, name) }
	// Each command with the bad file in its input slot; wantLine names the
	// bad inputs whose message must carry a line number.
	commands := []struct {
		name     string
		args     func(f string) []string
		wantLine []string
	}{
		{"generate --script", func(f string) []string {
			return []string{"generate", "--script", f, "--edl", in("cut.edl"), "--fps", "25", "--out", in("out")}
		}, []string{"garbage"}},
		{"generate --edl", func(f string) []string {
			return []string{"generate", "--script", in("script.txt"), "--edl", f, "--fps", "25", "--out", in("out")}
		}, []string{"garbage", "long line", "utf-16"}},
		{"plan --script", func(f string) []string {
			return []string{"plan", "--script", f, "--edl", in("cut.edl"), "--fps", "25"}
		}, []string{"garbage"}},
		{"plan --edl", func(f string) []string {
			return []string{"plan", "--script", in("script.txt"), "--edl", f, "--fps", "25"}
		}, []string{"garbage", "long line", "utf-16"}},
		{"check", func(f string) []string { return []string{"check", f} }, nil},
		{"check --out", func(f string) []string { return []string{"check", f, "--out", in("report.txt")} }, nil},
		{"convert", func(f string) []string { return []string{"convert", f, in("out.vtt"), "--to", "vtt"} }, nil},
		{"convert to stl", func(f string) []string {
			return []string{"convert", f, in("out.stl"), "--fps", "25", "--to", "stl"}
		}, nil},
		{"edl", func(f string) []string { return []string{"edl", f, "--fps", "25"} }, []string{"garbage", "long line", "utf-16"}},
		{"script", func(f string) []string { return []string{"script", f} }, []string{"garbage"}},
		{"segment", func(f string) []string { return []string{"segment", f} }, []string{"garbage", "long line", "utf-16"}},
	}
	for _, c := range commands {
		for kind, f := range bad {
			if c.name == "script" && kind == "utf-16" || c.name == "generate --script" && kind == "utf-16" || c.name == "plan --script" && kind == "utf-16" {
				continue // scripts may be UTF-16 (as Word saves them); utf16.txt is an EDL, not a script
			}
			t.Run(c.name+"/"+kind, func(t *testing.T) {
				before := files(t, dir)
				code, _, stderr := auditRun(t, c.args(f)...)
				assert.Equal(t, app.ExitBadInput, code, stderr)
				assert.Contains(t, stderr, filepath.Base(f), "the message names the file")
				for _, k := range c.wantLine {
					if k == kind {
						assert.Regexp(t, lineRef(f), stderr, "the message names the line")
					}
				}
				assert.LessOrEqual(t, len(stderr), 2000, "a message, not a dump of the input")
				assertNothingNew(t, dir, before)
			})
		}
	}
}

// TestScriptEncodings: a script saved as UTF-16 without a byte-order
// mark is read (with a warning), not rejected.
func TestScriptEncodings(t *testing.T) {
	dir := t.TempDir()
	scr, err := os.ReadFile("sample/haftar_moscow_package.txt")
	require.NoError(t, err)
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes(scr)
	require.NoError(t, err)
	p := filepath.Join(dir, "u16.txt")
	require.NoError(t, os.WriteFile(p, u16, 0o644))
	code, out, stderr := auditRun(t, "script", p)
	require.Equal(t, app.ExitOK, code, stderr)
	assert.Contains(t, out, "Haftar")
	assert.Contains(t, stderr, "UTF-16")
}

// TestUnwritableOutputs points every writing command at outputs it cannot or
// must not write.
func TestUnwritableOutputs(t *testing.T) {
	dir, _ := hostileDir(t)
	in := func(name string) string { return filepath.Join(dir, name) }
	gen := func(extra ...string) []string {
		return append([]string{"generate", "--script", in("script.txt"), "--edl", in("cut.edl"), "--fps", "25"}, extra...)
	}
	// A folder where generate's outputs would go, holding a folder named
	// like one of them, and a read-only earlier output.
	require.NoError(t, os.MkdirAll(in("clash/script.srt"), 0o755))
	require.NoError(t, os.MkdirAll(in("ro"), 0o755))
	require.NoError(t, os.WriteFile(in("ro/script.vtt"), []byte("WEBVTT\n\nold\n"), 0o444))
	require.NoError(t, os.WriteFile(in("ro.vtt"), []byte("WEBVTT\n\nold\n"), 0o444))
	require.NoError(t, os.WriteFile(in("ro.txt"), []byte("old report\n"), 0o444))
	cases := []struct {
		name string
		args []string
		want []string // in stderr
	}{
		{"generate --out is a file", gen("--out", in("ok.srt")), []string{"ok.srt"}},
		{"generate --out under a file", gen("--out", in("ok.srt/sub")), []string{"ok.srt"}},
		{"generate output name is a folder", gen("--out", in("clash")), []string{"script.srt", "folder"}},
		{"generate read-only output", gen("--out", in("ro")), []string{"script.vtt", "read-only"}},
		{"generate --name with a slash", gen("--out", in("out"), "--name", "a/b"), []string{"--name", "a/b"}},
		{"generate --name ..", gen("--out", in("out"), "--name", ".."), []string{"--name"}},
		{"check --out missing folder", []string{"check", in("ok.srt"), "--out", in("nodir/r.txt")}, []string{"nodir", "does not exist"}},
		{"check --out is a folder", []string{"check", in("ok.srt"), "--out", in("clash")}, []string{"clash", "folder"}},
		{"check --out read-only", []string{"check", in("ok.srt"), "--out", in("ro.txt")}, []string{"ro.txt", "read-only"}},
		{"convert into missing folder", []string{"convert", in("ok.srt"), in("nodir/out.vtt")}, []string{"nodir", "does not exist"}},
		// With --to, IN FOLDER converts into the folder (convert_many_test.go).
		{"convert onto a folder without --to", []string{"convert", in("ok.srt"), in("clash")}, []string{"clash", "folder"}},
		{"convert onto read-only", []string{"convert", in("ok.srt"), in("ro.vtt")}, []string{"ro.vtt", "read-only"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := files(t, dir)
			code, _, stderr := auditRun(t, c.args...)
			assert.Equal(t, app.ExitBadInput, code, stderr)
			for _, w := range c.want {
				assert.Contains(t, stderr, w)
			}
			assertNothingNew(t, dir, before)
			old, err := os.ReadFile(in("ro.vtt"))
			require.NoError(t, err)
			assert.Equal(t, "WEBVTT\n\nold\n", string(old), "a read-only file is never replaced")
		})
	}
	t.Run("unwritable folder", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root writes into any folder")
		}
		require.NoError(t, os.Mkdir(in("locked"), 0o555))
		before := files(t, dir)
		for _, args := range [][]string{
			gen("--out", in("locked")),
			{"check", in("ok.srt"), "--out", in("locked/r.txt")},
			{"convert", in("ok.srt"), in("locked/out.vtt")},
		} {
			code, _, stderr := auditRun(t, args...)
			assert.Equal(t, app.ExitBadInput, code, stderr)
			assert.Contains(t, stderr, "locked")
		}
		assertNothingNew(t, dir, before)
	})
}

// TestFailingStdout: a command whose standard output cannot be
// written says so and fails; it never reports success.
func TestFailingStdout(t *testing.T) {
	dir, _ := hostileDir(t)
	in := func(name string) string { return filepath.Join(dir, name) }
	for _, args := range [][]string{
		{"edl", in("cut.edl"), "--fps", "25"},
		{"edl", in("cut.edl"), "--fps", "25", "--json"},
		{"script", in("script.txt")},
		{"script", in("script.txt"), "--json"},
		{"segment", in("script.txt")},
		{"segment", in("script.txt"), "--format", "json"},
		{"check", in("ok.srt")},
		{"check", in("ok.srt"), "--format", "json"},
		{"plan", "--script", in("script.txt"), "--edl", in("cut.edl"), "--fps", "25"},
		{"plan", "--script", in("script.txt"), "--edl", in("cut.edl"), "--fps", "25", "--json"},
		{"convert", in("ok.srt"), "-", "--to", "vtt"},
	} {
		t.Run(strings.Join(args[:1], " ")+fmt.Sprint(len(args)), func(t *testing.T) {
			var errb bytes.Buffer
			code := run(args, strings.NewReader(""), failingWriter{}, &errb)
			assert.NotEqual(t, app.ExitOK, code, "%v: %s", args, errb.String())
			assert.Contains(t, errb.String(), "no space left on device", "%v", args)
		})
	}
}

// TestBatchBadFolders: a folder with no package, an unreadable folder among
// good ones, and sotcap.yaml files with unknown keys or wrong types.
func TestBatchBadFolders(t *testing.T) {
	scr, err := os.ReadFile("sample/haftar_moscow_package.txt")
	require.NoError(t, err)
	edl, err := os.ReadFile("sample/haftar_moscow_package.edl")
	require.NoError(t, err)
	pkg := func(dir, yaml string) {
		t.Helper()
		require.NoError(t, os.MkdirAll(dir, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "s.txt"), scr, 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "s.edl"), edl, 0o644))
		if yaml != "" {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "sotcap.yaml"), []byte(yaml), 0o644))
		}
	}

	t.Run("no packages", func(t *testing.T) {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("hello"), 0o644))
		before := files(t, dir)
		code, _, stderr := auditRun(t, "batch", dir, "--fps", "25")
		assert.Equal(t, app.ExitBadInput, code)
		assert.Contains(t, stderr, "no packages under "+dir)
		assertNothingNew(t, dir, before)
	})

	t.Run("bad sotcap.yaml", func(t *testing.T) {
		dir := t.TempDir()
		pkg(filepath.Join(dir, "good"), "")
		cases := map[string]string{
			"unknown": "script: s.txt\nedl: s.edl\nfps: 25\nbogus_key: 3\n",
			"rule":    "script: s.txt\nedl: s.edl\nfps: 25\nrules:\n  max_cpz: 4\n",
			"type":    "script: s.txt\nedl: s.edl\nfps: [25, 30]\n",
			"number":  "script: s.txt\nedl: s.edl\nfps: 25\nrules:\n  max_cps: fast\n",
			"yaml":    "script: [\n",
		}
		for name, yaml := range cases {
			pkg(filepath.Join(dir, name), yaml)
		}
		code, stdout, stderr := auditRun(t, "batch", dir, "--fps", "25", "--workers", "2")
		assert.Equal(t, app.ExitViolation, code, "a failed package is exit 1, as documented")
		assert.Contains(t, stderr, "ok   "+filepath.Join(dir, "good", "s"))
		for name, want := range map[string]string{"unknown": "bogus_key: unknown key", "rule": "rules.max_cpz: unknown rule",
			"type": "fps: a list", "number": "rules.max_cps: \"fast\"", "yaml": "cannot read config"} {
			assert.Contains(t, stderr, "FAIL "+filepath.Join(dir, name, name)+": file "+filepath.Join(dir, name, "sotcap.yaml")+": ", name)
			assert.Contains(t, stderr, want, name)
			_, err := os.Stat(filepath.Join(dir, name, "sotcap-out"))
			assert.True(t, os.IsNotExist(err), "%s: nothing written", name)
		}
		assert.Contains(t, stdout+stderr, "6 packages: 1 done, 5 failed")
	})

	t.Run("unreadable folder", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads a folder without permissions")
		}
		dir := t.TempDir()
		pkg(filepath.Join(dir, "a"), "")
		locked := filepath.Join(dir, "locked")
		pkg(locked, "")
		require.NoError(t, os.Chmod(locked, 0))
		t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
		code, stdout, stderr := auditRun(t, "batch", dir, "--fps", "25")
		assert.Equal(t, app.ExitViolation, code, stderr)
		assert.Contains(t, stderr, "ok   "+filepath.Join(dir, "a", "s"))
		assert.Contains(t, stderr, "FAIL "+locked)
		assert.Contains(t, stderr, "permission denied")
		assert.Contains(t, stdout+stderr, "2 packages: 1 done, 1 failed")
	})
}

// TestDefaultInReadOnlyFolder: sotcap with no arguments in a folder it
// cannot write says so and exits 2, leaving nothing.
func TestDefaultInReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into a read-only folder")
	}
	dir := chdir(t)
	require.NoError(t, os.Chmod(dir, 0o555))
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	code, _, stderr := auditRun(t)
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "sotcap-out")
	assert.Contains(t, stderr, "permission denied")
	assertNothingNew(t, dir, map[string]bool{})
}

// TestUnknownRateRefused: every command that takes a rate refuses one it
// does not know, listing the ones it does, and writes nothing.
func TestUnknownRateRefused(t *testing.T) {
	dir, _ := hostileDir(t)
	in := func(name string) string { return filepath.Join(dir, name) }
	for _, args := range [][]string{
		{"generate", "--script", in("script.txt"), "--edl", in("cut.edl"), "--fps", "26", "--out", in("out")},
		{"plan", "--script", in("script.txt"), "--edl", in("cut.edl"), "--fps", "29.97df"},
		{"edl", in("cut.edl"), "--fps", "0"},
		{"check", in("ok.srt"), "--fps", "-25"},
		{"convert", in("ok.srt"), in("out.stl"), "--fps", "1e9"},
		// Before any package is looked at: one usage error, not one
		// failure per package (this folder has none).
		{"batch", dir, "--fps", "NaN"},
	} {
		before := files(t, dir)
		code, _, stderr := auditRun(t, args...)
		assert.Equal(t, app.ExitBadInput, code, "%v: %s", args, stderr)
		assert.Contains(t, stderr, "expected one of 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60", args)
		assertNothingNew(t, dir, before)
	}
}
