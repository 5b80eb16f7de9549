package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/sotcap/sotcap/timing"
	"github.com/sotcap/sotcap/timing/edl"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The streamed --json document is byte for byte what encoding/json writes
// for the whole tree, for EDLs with and without events, warnings, titles.
func TestEDLJSONStreamMatchesEncoder(t *testing.T) {
	sample, err := os.ReadFile(filepath.Join("..", "..", "cmd", "sotcap", "sample", "haftar_moscow_package.edl"))
	require.NoError(t, err)
	for name, text := range map[string]string{
		"sample":         string(sample),
		"no title, html": "001  AX V C 00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\n* FROM CLIP NAME: <b>&\"SOT\"</b>\n",
		"with warning":   "TITLE: x\n001  AX V C 00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\n* FROM CLIP NAME: SOT <1>\nGARBAGE LINE\n",
	} {
		e, err := edl.NewReader(strings.NewReader(text), timing.Rate25()).Read()
		require.NoError(t, err, name)
		if name == "with warning" {
			require.NotEmpty(t, e.Warnings, "the case exercises the warnings list")
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		require.NoError(t, enc.Encode(edlToJSON(e)))
		var got bytes.Buffer
		require.NoError(t, writeEDLJSON(&got, e), name)
		assert.Equal(t, want.String(), got.String(), name)
		assert.True(t, json.Valid(got.Bytes()), name)
	}
}

// writeAligned lays a table out exactly as text/tabwriter does, for
// empty, wide (non-ASCII) and varying cells.
func TestWriteAlignedMatchesTabwriter(t *testing.T) {
	rows := [][]string{
		{"LINE", "EVENT", "SPEED", "CLIP"},
		{"1", "001", "", `"SOT Лавров"`},
		{"12345", "", "", "-"},
		{"7", "0007", "-25.5", `"日本語 clip"`},
		{"", "x", "", ""},
	}
	var want bytes.Buffer
	tw := tabwriter.NewWriter(&want, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	require.NoError(t, tw.Flush())
	var got bytes.Buffer
	writeAligned(&got, 2, func(row func(...string)) {
		for _, r := range rows {
			row(r...)
		}
	})
	assert.Equal(t, want.String(), got.String())
}
