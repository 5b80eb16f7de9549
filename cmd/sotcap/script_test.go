package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seedScript = "../../testdata/scripts/haftar_moscow_package.txt"

func TestScriptText(t *testing.T) {
	code, out, stderr := runArgs(t, "", "script", seedScript)
	require.Equal(t, app.ExitOK, code, stderr)
	assert.Contains(t, out, "dialect ruptly, utf-8, 3 SOT(s), 1 warning(s)")
	assert.Contains(t, out, "SOT 3 (line 12)  Arabic [ar]")
	assert.Contains(t, out, "  14  Reporter:\n      Turn it into colonisation.\n")
	assert.Contains(t, stderr, seedScript+": warning: line 10: dropped stray symbol(s) '¤'")
}

func keys(m map[string]any) []string {
	var k []string
	for key := range m {
		k = append(k, key)
	}
	sort.Strings(k)
	return k
}

func TestScriptJSONShape(t *testing.T) {
	code, out, stderr := runArgs(t, "", "script", seedScript, "--json")
	require.Equal(t, app.ExitOK, code, stderr)
	assert.Empty(t, stderr)
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Equal(t, []string{"dialect", "sots", "title", "warnings"}, keys(doc))
	assert.Equal(t, "ruptly", doc["dialect"])
	sots := doc["sots"].([]any)
	require.Len(t, sots, 3)
	for i, s := range sots {
		sot := s.(map[string]any)
		assert.Equal(t, []string{"index", "kind", "line", "turns"}, keys(sot))
		assert.Equal(t, float64(i+1), sot["index"])
		assert.Equal(t, "SOT", sot["kind"])
		for _, tn := range sot["turns"].([]any) {
			turn := tn.(map[string]any)
			assert.Equal(t, []string{"language", "line", "speaker", "text", "title"}, keys(turn))
			assert.Equal(t, "Arabic", turn["language"])
		}
	}
	third := sots[2].(map[string]any)["turns"].([]any)
	require.Len(t, third, 3)
	assert.Equal(t, "Reporter", third[1].(map[string]any)["speaker"])
	assert.Equal(t, "Turn it into colonisation.", third[1].(map[string]any)["text"])
	assert.Equal(t, float64(14), third[1].(map[string]any)["line"])
	warns := doc["warnings"].([]any)
	require.Len(t, warns, 1)
	w := warns[0].(map[string]any)
	assert.Equal(t, []string{"line", "message"}, keys(w))
	assert.Equal(t, float64(10), w["line"])
}

func TestScriptJSONEmptyWarnings(t *testing.T) {
	code, out, _ := runArgs(t, "SOT A (Arabic): “Text.”\n", "script", "-", "--json")
	require.Equal(t, app.ExitOK, code)
	assert.Contains(t, out, `"warnings": []`)
	assert.Contains(t, out, `"title": ""`)
}

func TestScriptStdinAndOptions(t *testing.T) {
	in := "SOT A (Arabic): “asked [Russia] to go”\n"
	code, out, _ := runArgs(t, in, "script", "-", "--drop-insertions")
	require.Equal(t, app.ExitOK, code)
	assert.Contains(t, out, "      asked to go\n")

	code, _, stderr := runArgs(t, "SOT A (Arabic): “open\n", "script", "-", "--strict")
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "<stdin>:1:17: unterminated quote")

	code, _, stderr = runArgs(t, in, "script", "-", "--dialect", "reuters")
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "no soundbite found")
}

func TestScriptBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, b, 0o644))
		return p
	}
	cases := []struct {
		name, file, want string
	}{
		{"missing", filepath.Join(dir, "nope.txt"), "no such file"},
		{"empty", write("empty.txt", nil), "empty script"},
		{"binary", write("bin.txt", []byte("SOT\x00\x01\x02")), "1:4: not a text script"},
		{"docx", write("pkg.docx", []byte("PK\x03\x04rest")), "Word .docx"},
		{"narrative", write("prose.txt", []byte("Title\n\n“Quoted,” he said.\n")), "prose.txt: no soundbite found"},
		{"no text", write("notext.txt", []byte("Title\nSOT A (Arabic):\n")), "notext.txt:2:16: speaker line has no text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, stderr := runArgs(t, "", "script", c.file, "--json")
			assert.Equal(t, app.ExitBadInput, code)
			assert.Empty(t, out)
			assert.Contains(t, stderr, c.want)
		})
	}
	code, _, _ := runArgs(t, "", "script")
	assert.Equal(t, app.ExitBadInput, code, "missing FILE is a usage error")
}
