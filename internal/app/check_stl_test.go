package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/timing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// truncatedSTL writes an n-subtitle EBU STL file and cuts it after keep
// TTI blocks, as the reliability issue's 30-of-69 file.
func truncatedSTL(t *testing.T, n, keep int) string {
	t.Helper()
	var doc captions.Document
	doc.Language = "en"
	for i := 0; i < n; i++ {
		s := time.Duration(i) * 3 * time.Second
		doc.Captions = append(doc.Captions, captions.Caption{Start: s, End: s + 2*time.Second, Lines: []captions.Line{{Text: fmt.Sprintf("Subtitle %d", i+1)}}})
	}
	var b bytes.Buffer
	_, err := stl.Write(&b, doc, stl.Options{Rate: timing.Rate25()})
	require.NoError(t, err)
	data := b.Bytes()[:1024+128*keep]
	require.Equal(t, fmt.Sprintf("%05d", n), string(b.Bytes()[238:243]), "TNB announces every block")
	p := filepath.Join(t.TempDir(), "cut.stl")
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}

// TestCheckTruncatedSTL: a file cut after 30 of the 69 TTI blocks its GSI
// announces is a malformed violation (exit 1), says the rate came from the
// STL header, and is unreadable with --strict-syntax.
func TestCheckTruncatedSTL(t *testing.T) {
	name := truncatedSTL(t, 69, 30)
	out, _, code := runCheck(t, CheckOptions{Files: []string{name}, Format: "json"})
	assert.Equal(t, ExitViolation, code)
	var doc struct {
		Files []struct {
			Captions        int
			Malformed       int
			FrameRate       float64 `json:"frame_rate"`
			FrameRateSource string  `json:"frame_rate_source"`
			Violations      []map[string]any
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	f := doc.Files[0]
	assert.Equal(t, 30, f.Captions)
	assert.Equal(t, 1, f.Malformed)
	assert.Equal(t, 25.0, f.FrameRate)
	assert.Contains(t, f.FrameRateSource, "STL25.01")
	last := f.Violations[len(f.Violations)-1]
	assert.Equal(t, "malformed", last["rule"])
	assert.EqualValues(t, 31, last["line"], "the first missing TTI block")
	assert.EqualValues(t, 30, last["after"])
	assert.Contains(t, last["message"], "TNB says 69")

	_, stderr, code := runCheck(t, CheckOptions{Files: []string{name}, Format: "text", StrictSyntax: true})
	assert.Equal(t, ExitBadInput, code)
	assert.Contains(t, stderr, "truncated")
}
