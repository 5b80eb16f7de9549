package convert

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/app"
	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const twoCues = "1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:03,000 --> 00:00:04,000\nWorld\n\n"

// convert never replaces anything but a regular file, and never its own
// input: each is refused with exit 2 and the target is left as it was.
func TestConvertRefusesSpecialAndInputOutputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.srt")
	writeFile(t, in, twoCues)
	fifo := filepath.Join(dir, "fifo.vtt")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	link := filepath.Join(dir, "link.vtt")
	require.NoError(t, os.Symlink("/proc/self/fd/1", link))
	hard := filepath.Join(dir, "hard.vtt")
	require.NoError(t, os.Link(in, hard))
	for _, tc := range []struct{ out, want string }{
		{in, "the output is the input"},
		{hard, "the same file"},
		{fifo, "named pipe (FIFO), not a regular file"},
		{link, "symbolic link, not a regular file"},
		{"/dev/null", "character device, not a regular file"},
	} {
		var out, errb bytes.Buffer
		err := Run(Options{In: in, Out: tc.out, To: "vtt"}, app.IO{Out: &out, Err: &errb})
		var ee *app.ExitError
		require.ErrorAs(t, err, &ee, tc.out)
		assert.Equal(t, app.ExitBadInput, ee.Code, tc.out)
		assert.Contains(t, err.Error(), tc.want, tc.out)
	}
	b, err := os.ReadFile(in)
	require.NoError(t, err)
	assert.Equal(t, twoCues, string(b), "the input is untouched")
	for name, mode := range map[string]os.FileMode{fifo: os.ModeNamedPipe, link: os.ModeSymlink} {
		fi, err := os.Lstat(name)
		require.NoError(t, err)
		assert.NotZero(t, fi.Mode()&mode, name)
	}
}

// "-" writes to standard output, never a file named "-".
func TestConvertDashIsStdout(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.srt")
	writeFile(t, in, twoCues)
	wd, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir(dir))
	defer func() { _ = os.Chdir(wd) }()
	var out, errb bytes.Buffer
	require.NoError(t, Run(Options{In: in, Out: "-", To: "vtt"}, app.IO{Out: &out, Err: &errb}))
	assert.Contains(t, out.String(), "WEBVTT")
	assert.Contains(t, out.String(), "00:00:03.000 --> 00:00:04.000")
	_, err = os.Stat(filepath.Join(dir, "-"))
	assert.True(t, os.IsNotExist(err))
}

func writeFile(t *testing.T, name, body string) {
	t.Helper()
	require.NoError(t, os.WriteFile(name, []byte(body), 0o644))
}

// An STL's language reaches a TTML output, and --language is taken by the
// formats that carry a language and refused by the others.
func TestConvertCarriesLanguage(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.srt")
	writeFile(t, in, "1\n00:00:01,000 --> 00:00:02,000\nBonjour.\n\n")
	flags := pflag.NewFlagSet("convert", pflag.ContinueOnError)
	config.AddFlags(flags)
	require.NoError(t, flags.Set("language", "fr"))
	s := app.IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}
	out := filepath.Join(dir, "out.ttml")
	require.NoError(t, Run(Options{In: in, Out: out, DropFrame: true, Flags: flags}, s))
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), `xml:lang="fr"`)
	err = Run(Options{In: in, Out: filepath.Join(dir, "out.vtt"), DropFrame: true, Flags: flags}, s)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "WebVTT does not")
}
