package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const segmentSample = "We are aiming to get a better television service.\n\nThank you.\n"

func TestSegmentTagged(t *testing.T) {
	code, out, stderr := runArgs(t, segmentSample, "segment", "--profile", "ted", "--format", "tagged")
	require.Equal(t, app.ExitOK, code, stderr)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 3, "one output line per input line, blank lines kept")
	assert.Equal(t, "We are aiming to get <eol> a better television service. <eob>", lines[0])
	assert.Equal(t, "", lines[1])
	assert.Equal(t, "Thank you. <eob>", lines[2])
	// Tagged output segments again to itself.
	code, again, _ := runArgs(t, out, "segment", "--profile", "ted", "--format", "tagged")
	require.Equal(t, app.ExitOK, code)
	assert.Equal(t, out, again)
}

func TestSegmentTextAndFlags(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "in.txt")
	require.NoError(t, os.WriteFile(f, []byte(segmentSample), 0o644))
	code, out, _ := runArgs(t, "", "segment", f, "--max-chars-per-line", "30")
	require.Equal(t, app.ExitOK, code)
	assert.Equal(t, "We are aiming to get\na better television service.\n\nThank you.\n\n", out)
	code, out, _ = runArgs(t, "", "segment", f, "--set", "rules.max_lines=1", "--max-chars-per-line", "30")
	require.Equal(t, app.ExitOK, code)
	assert.Equal(t, "We are aiming to get\n\na better television service.\n\nThank you.\n\n", out)
}

func TestSegmentJSON(t *testing.T) {
	code, out, _ := runArgs(t, segmentSample, "segment", "-", "--format", "json", "--profile", "netflix-en")
	require.Equal(t, app.ExitOK, code)
	var doc struct {
		Profile         string `json:"profile"`
		MaxCharsPerLine int    `json:"max_chars_per_line"`
		Units           []struct {
			Line     int `json:"line"`
			Captions []struct {
				Lines []string  `json:"lines"`
				Chars []float64 `json:"chars"`
			} `json:"captions"`
		} `json:"units"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Equal(t, "netflix-en", doc.Profile)
	assert.Equal(t, 42, doc.MaxCharsPerLine)
	require.Len(t, doc.Units, 3)
	assert.Empty(t, doc.Units[1].Captions)
	assert.Equal(t, []float64{10}, doc.Units[2].Captions[0].Chars)
}

func TestSegmentBadInput(t *testing.T) {
	code, out, stderr := runArgs(t, "fine\nSupercalifragilisticexpialidocious-and-more-words\n", "segment", "--max-chars-per-line", "30")
	assert.Equal(t, app.ExitBadInput, code)
	assert.Empty(t, out, "nothing written on error")
	assert.Contains(t, stderr, "standard input:2:")
	assert.Contains(t, stderr, "Supercalifragilisticexpialidocious")
	code, _, stderr = runArgs(t, "ok\n\xff\xfe bad\n", "segment")
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "standard input:2:1")
	code, _, stderr = runArgs(t, "", "segment", "/no/such/file")
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "/no/such/file")
	code, _, stderr = runArgs(t, "", "segment", "--format", "xml")
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "text, tagged or json")
	code, _, stderr = runArgs(t, "", "segment", "--profile", "nope")
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "unknown profile")
}
