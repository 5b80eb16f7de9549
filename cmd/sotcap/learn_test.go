package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
)

// TestLearnWritesAStyleSegmentReads: learn fits a style to SRT files,
// prints the default and learned scores, and segment --style takes it.
func TestLearnWritesAStyleSegmentReads(t *testing.T) {
	dir := t.TempDir()
	srt := func(name string, caps ...string) string {
		var sb strings.Builder
		for i, c := range caps {
			sb.WriteString(strings.Join([]string{itoa(i + 1), "00:00:0" + itoa(i) + ",000 --> 00:00:0" + itoa(i) + ",900", c, "", ""}, "\n"))
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := srt("a.srt", "We went to the market,", "and we bought some bread.", "She called her mother,\nwho was waiting at the station.")
	b := srt("b.srt", "The trains were late,", "and nobody knew why.", "He opened the door\nand looked at the sky.")
	style := filepath.Join(dir, "house.style")
	var out, errb bytes.Buffer
	cmd := newRootCmd(app.IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	cmd.SetArgs([]string{"learn", "--out", style, "--profile", "ted", a, b})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("learn: %v\n%s", err, errb.String())
	}
	t.Log(out.String())
	for _, want := range []string{"default:", "learned:", "break F1", "cross-validation", "chose: ", "wrote " + style} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("learn output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	cmd = newRootCmd(app.IO{In: strings.NewReader("We went to the market, and we bought some bread.\n"), Out: &out, Err: &errb})
	cmd.SetArgs([]string{"segment", "--style", style, "--format", "tagged"})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("segment --style: %v\n%s", err, errb.String())
	}
	if got := strings.Join(strings.Fields(strings.NewReplacer("<eol>", "", "<eob>", "").Replace(out.String())), " "); got != "We went to the market, and we bought some bread." {
		t.Errorf("segment --style changed the words: %q", out.String())
	}
	bad := filepath.Join(dir, "bad.style")
	os.WriteFile(bad, []byte(`{"format":"nope"}`), 0o644)
	cmd = newRootCmd(app.IO{In: strings.NewReader("Hello.\n"), Out: &out, Err: &errb})
	cmd.SetArgs([]string{"segment", "--style", bad})
	if err := cmd.Execute(); err == nil {
		t.Error("segment --style with a bad style file: no error")
	}
}

func itoa(i int) string { return string(rune('0' + i)) }
