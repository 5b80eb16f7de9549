package atomicfile

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func content(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(b)
}

// A set is written whole, and a failure or a cancellation in any member
// leaves the old set and no bookkeeping file.
func TestWriteSetAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	set := []File{{Name: "p.srt", Write: content("s1")}, {Name: "p.vtt", Write: content("v1")}}
	got, err := WriteSet(context.Background(), dir, "p", set)
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "p.srt"), filepath.Join(dir, "p.vtt")}, got)
	assert.Equal(t, []string{"p.srt", "p.vtt"}, names(t, dir))

	boom := errors.New("boom")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for name, tc := range map[string]struct {
		ctx  context.Context
		vtt  func(io.Writer) error
		want error
	}{
		"second member fails": {context.Background(), func(io.Writer) error { return boom }, boom},
		"cancelled while writing": {context.Background(), func(w io.Writer) error {
			return context.Canceled
		}, context.Canceled},
		"cancelled before": {cancelled, content("v2"), context.Canceled},
	} {
		_, err := WriteSet(tc.ctx, dir, "p", []File{{Name: "p.srt", Write: content("s2")}, {Name: "p.vtt", Write: tc.vtt}})
		assert.ErrorIs(t, err, tc.want, name)
		assert.Equal(t, "s1", read(t, filepath.Join(dir, "p.srt")), name)
		assert.Equal(t, "v1", read(t, filepath.Join(dir, "p.vtt")), name)
		assert.Equal(t, []string{"p.srt", "p.vtt"}, names(t, dir), name)
	}
}

// Only a regular file is replaced: a FIFO, a symbolic link and a device
// are refused before anything is written, and stay what they were.
func TestWriteSetRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.srt")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	target := filepath.Join(dir, "target")
	require.NoError(t, os.WriteFile(target, []byte("keep"), 0o644))
	link := filepath.Join(dir, "link.srt")
	require.NoError(t, os.Symlink(target, link))
	cases := map[string]string{fifo: "named pipe", link: "symbolic link"}
	if _, err := os.Stat("/dev/null"); err == nil {
		cases["/dev/null"] = "character device"
	}
	for name, want := range cases {
		err := WriteFile(name, content("new"))
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), want)
		assert.Contains(t, err.Error(), "not a regular file")
	}
	fi, err := os.Lstat(fifo)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeNamedPipe, "the FIFO is still a FIFO")
	fi, err = os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the link is still a link")
	assert.Equal(t, "keep", read(t, target))
	fi, err = os.Lstat("/dev/null")
	if err == nil {
		assert.NotZero(t, fi.Mode()&os.ModeCharDevice)
	}
}

// While one run holds a set, a second fails with ErrBusy and writes
// nothing; the first completes whole.
func TestWriteSetConcurrentRunFails(t *testing.T) {
	dir := t.TempDir()
	inside := make(chan struct{})
	release := make(chan struct{})
	done := make(chan error)
	go func() {
		_, err := WriteSet(context.Background(), dir, "p", []File{
			{Name: "p.srt", Write: func(w io.Writer) error {
				close(inside)
				<-release
				_, err := io.WriteString(w, "first")
				return err
			}},
			{Name: "p.vtt", Write: content("first")},
		})
		done <- err
	}()
	<-inside
	_, err := WriteSet(context.Background(), dir, "p", []File{{Name: "p.srt", Write: content("second")}, {Name: "p.vtt", Write: content("second")}})
	assert.ErrorIs(t, err, ErrBusy)
	assert.Contains(t, err.Error(), "try again")
	close(release)
	require.NoError(t, <-done)
	assert.Equal(t, "first", read(t, filepath.Join(dir, "p.srt")))
	assert.Equal(t, "first", read(t, filepath.Join(dir, "p.vtt")))
	assert.Equal(t, []string{"p.srt", "p.vtt"}, names(t, dir), "lock file removed")
}

// What a killed run left behind is repaired by the next run of the same
// set: a journal is rolled forward (never a mixed set), stale temporaries
// are removed; another set's files are not touched.
func TestRecoverAfterKill(t *testing.T) {
	for name, tc := range map[string]struct {
		files   map[string]string // what the killed run left
		wantSRT string
		wantVTT string
	}{
		"killed before the journal": {
			files:   map[string]string{".p.sotcap-tmp-1.tmp": "new", ".p.sotcap-tmp-2.tmp": "new"},
			wantSRT: "old", wantVTT: "old",
		},
		"killed after one rename": {
			files: map[string]string{
				"p.srt": "new", ".p.sotcap-tmp-2.tmp": "new",
				".p.sotcap-commit": ".p.sotcap-tmp-1.tmp\tp.srt\n.p.sotcap-tmp-2.tmp\tp.vtt\n",
			},
			wantSRT: "new", wantVTT: "new",
		},
		"killed before any rename": {
			files: map[string]string{
				".p.sotcap-tmp-1.tmp": "new", ".p.sotcap-tmp-2.tmp": "new",
				".p.sotcap-commit": ".p.sotcap-tmp-1.tmp\tp.srt\n.p.sotcap-tmp-2.tmp\tp.vtt\n",
			},
			wantSRT: "new", wantVTT: "new",
		},
	} {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, "p.srt"), []byte("old"), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "p.vtt"), []byte("old"), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, ".pp.sotcap-tmp-9.tmp"), []byte("other set"), 0o644))
		for n, c := range tc.files {
			require.NoError(t, os.WriteFile(filepath.Join(dir, n), []byte(c), 0o644))
		}
		require.NoError(t, Recover(dir, "p"), name)
		assert.Equal(t, tc.wantSRT, read(t, filepath.Join(dir, "p.srt")), name)
		assert.Equal(t, tc.wantVTT, read(t, filepath.Join(dir, "p.vtt")), name)
		assert.Equal(t, []string{".pp.sotcap-tmp-9.tmp", "p.srt", "p.vtt"}, names(t, dir), name)
	}
}

// A damaged journal (a name with a folder in it) is refused, not obeyed.
func TestRecoverRefusesDamagedJournal(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".p.sotcap-commit"), []byte(".p.sotcap-tmp-1.tmp\t../../etc/passwd\n"), 0o644))
	err := Recover(dir, "p")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "damaged")
}

// OpenInput: limits per kind, refusal of non-regular files when a regular
// file is required, and an endless device stopped at the limit.
func TestOpenInputBounds(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "a.yaml")
	require.NoError(t, os.WriteFile(small, []byte("fps: 25\n"), 0o644))
	huge := filepath.Join(dir, "huge.yaml")
	f, err := os.Create(huge)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(1<<30)) // sparse: costs nothing
	require.NoError(t, f.Close())
	fifo := filepath.Join(dir, "x.edl")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))

	for _, tc := range []struct {
		name string
		opts InputOptions
		want error // nil: reads fine
	}{
		{small, InputOptions{Kind: "config", Limit: LimitConfig}, nil},
		{huge, InputOptions{Kind: "config", Limit: LimitConfig}, ErrTooLarge},
		{"/dev/zero", InputOptions{Kind: "config", Limit: LimitConfig}, ErrTooLarge},
		{fifo, InputOptions{Kind: "EDL", Limit: LimitEDL, RegularOnly: true}, ErrNotRegular},
		{"/dev/zero", InputOptions{Kind: "script", Limit: LimitScript, RegularOnly: true}, ErrNotRegular},
	} {
		if _, err := os.Stat(tc.name); err != nil {
			continue // no /dev/zero on this system
		}
		_, err := ReadInput(tc.name, tc.opts)
		if tc.want == nil {
			assert.NoError(t, err, tc.name)
			continue
		}
		assert.ErrorIs(t, err, tc.want, tc.name)
		assert.Contains(t, err.Error(), tc.opts.Kind+" "+tc.name)
	}
}
