package app_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/sotcap/sotcap/internal/app/convert"
)

// TestConvertTruncatedSTL: convert refuses a truncated STL unless
// --lenient, which converts the whole subtitles with a warning.
func TestConvertTruncatedSTL(t *testing.T) {
	name := app.TruncatedSTL(t, 69, 30)
	out := filepath.Join(t.TempDir(), "out.srt")
	var so, se bytes.Buffer
	err := convert.Run(convert.Options{In: name, Out: out, DropFrame: true}, app.IO{In: strings.NewReader(""), Out: &so, Err: &se})
	require.Error(t, err)
	assert.Contains(t, err.Error()+se.String(), "truncated")
	_, statErr := os.Stat(out)
	assert.True(t, os.IsNotExist(statErr), "no output for a refused input")

	se.Reset()
	err = convert.Run(convert.Options{In: name, Out: out, DropFrame: true, Lenient: true}, app.IO{In: strings.NewReader(""), Out: &so, Err: &se})
	require.NoError(t, err)
	assert.Contains(t, se.String(), "TNB says 69")
	srt, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, 30, strings.Count(string(srt), "-->"))
}
