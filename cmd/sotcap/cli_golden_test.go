package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden from the current CLI")

// goldenCase is one CLI invocation whose exit status, standard output,
// standard error and written files are compared byte for byte with a file
// in testdata/golden.
type goldenCase struct {
	name  string
	args  []string
	stdin string
}

// goldenInputs are the files every case can name, copied into the case's
// working folder under these names.
func goldenInputs(t *testing.T) map[string][]byte {
	t.Helper()
	in := map[string][]byte{}
	read := func(name, path string) {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		in[name] = b
	}
	read("pkg.txt", "sample/haftar_moscow_package.txt")
	read("cut.edl", "sample/haftar_moscow_package.edl")
	read("pkg.fr.txt", "sample/haftar_moscow_package.fr.txt")
	edls, err := filepath.Glob("../../testdata/edl/*.edl")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range edls {
		read("edl/"+filepath.Base(p), p)
	}
	for _, p := range []string{"ap_edge.txt", "reuters_edge.txt", "ruptly_edge.txt"} {
		read("scripts/"+p, "../../captions/script/testdata/"+p)
	}
	in["talk.txt"] = []byte("We are aiming to get a better television service, and we will do it together. " +
		"It's not going to be easy, but the people who watch deserve it.\n\n" +
		"Second paragraph: the council met on Tuesday, and its members voted 12 to 3 to close the old bridge.\n")
	in["bad.srt"] = []byte("1\n00:00:01,000 --> 00:00:02,000\nFine.\n\n2\n00:00:03,000 -> 00:00:04,000\nBroken arrow.\n\n" +
		"3\n00:00:05,000 --> 00:00:09,500\nA line that is far too long for any broadcast profile to accept as it is\n\n")
	in["fast.vtt"] = []byte("WEBVTT\n\n00:01.000 --> 00:01.500\nThis caption is far too fast to read.\n\n" +
		"00:01.500 --> 00:03.000\n<i>Italic</i> and <b>bold</b> text.\n")
	in["garbage.srt"] = []byte("this is not a caption file\n")
	return in
}

func goldenCases() []goldenCase {
	gen := []string{"--script", "pkg.txt", "--edl", "cut.edl", "--fps", "25"}
	cases := []goldenCase{
		{name: "default", args: []string{}},
		{name: "version-help", args: []string{"help"}},
		{name: "version-licenses", args: []string{"version", "--licenses"}},
		{name: "generate", args: append([]string{"generate"}, gen...)},
		{name: "generate-json", args: append([]string{"generate", "--json", "--out", "j"}, gen...)},
		{name: "generate-netflix", args: append([]string{"generate", "--profile", "netflix-en", "--formats", "srt,vtt", "--out", "nf"}, gen...)},
		{name: "generate-netflix-stl", args: append([]string{"generate", "--profile", "netflix-en", "--out", "nfs"}, gen...)},
		{name: "generate-map", args: append([]string{"generate", "--map", "1=2,2=4,3=6", "--out", "m"}, gen...)},
		{name: "generate-map-overlap", args: append([]string{"generate", "--map", "1=4,2=4,3=10", "--out", "mo"}, gen...)},
		{name: "generate-languages", args: []string{"generate", "--edl", "cut.edl", "--fps", "25", "--script", "pkg.txt", "--script", "pkg.fr.txt",
			"--formats", "srt,vtt", "--out", "ml"}},
		{name: "plan-languages", args: []string{"plan", "--edl", "cut.edl", "--fps", "25", "--script", "pkg.txt", "--script", "fr=pkg.fr.txt"}},
		{name: "generate-bad-fps", args: []string{"generate", "--script", "pkg.txt", "--edl", "cut.edl", "--fps", "26"}},
		{name: "plan", args: append([]string{"plan"}, gen...)},
		{name: "plan-json", args: append([]string{"plan", "--json"}, gen...)},
		{name: "script", args: []string{"script", "pkg.txt"}},
		{name: "script-json", args: []string{"script", "--json", "pkg.txt"}},
		{name: "segment-text", args: []string{"segment", "talk.txt"}},
		{name: "segment-tagged", args: []string{"segment", "--format", "tagged", "--profile", "ted", "talk.txt"}},
		{name: "segment-json", args: []string{"segment", "--format", "json", "--max-chars-per-line", "30", "talk.txt"}},
		{name: "segment-stdin", args: []string{"segment"}, stdin: "We are aiming to get a better television service.\n"},
		{name: "edl-sample", args: []string{"edl", "cut.edl", "--fps", "25"}},
		{name: "edl-sample-json", args: []string{"edl", "--json", "cut.edl", "--fps", "25"}},
		{name: "check-bad-srt", args: []string{"check", "bad.srt"}},
		{name: "check-bad-srt-json", args: []string{"check", "--format", "json", "bad.srt"}},
		{name: "check-fast-vtt-csv", args: []string{"check", "--format", "csv", "fast.vtt"}},
		{name: "check-fast-vtt-html", args: []string{"check", "--format", "html", "--out", "qc.html", "fast.vtt"}},
		{name: "check-garbage", args: []string{"check", "garbage.srt"}},
		{name: "convert-vtt-srt", args: []string{"convert", "fast.vtt", "fast.srt"}},
		{name: "convert-srt-stl", args: []string{"convert", "bad.srt", "bad.stl", "--fps", "25", "--start", "10:00:00:00", "--language", "en"}},
	}
	cases = append(cases, goldenCase{name: "edl-json-edlgenius__cmx3600_5994", args: []string{"edl", "--json", "edl/edlgenius__cmx3600_5994.edl", "--fps", "59.94"}})
	for _, name := range []string{"otio__25fps.edl", "pycmx__TEST.edl", "otio__dissolve_test_4.edl", "edltools__Avid_Test_EDL_-_Simple.edl"} {
		cases = append(cases, goldenCase{name: "edl-json-" + strings.TrimSuffix(name, ".edl"), args: []string{"edl", "--json", "edl/" + name, "--fps", "29.97"}})
	}
	return cases
}

// chain cases run after "generate" in the same folder: they read its files.
func chainCases() []goldenCase {
	return []goldenCase{
		{name: "check-generated", args: []string{"check", "sotcap-out/pkg.srt", "sotcap-out/pkg.vtt", "sotcap-out/pkg.stl"}},
		{name: "check-generated-json", args: []string{"check", "--format", "json", "--edl", "cut.edl", "--fps", "25", "sotcap-out/pkg.stl"}},
		{name: "check-generated-csv", args: []string{"check", "--format", "csv", "--profile", "netflix-en", "sotcap-out/pkg.vtt"}},
		{name: "check-generated-html", args: []string{"check", "--format", "html", "--out", "qc.html", "sotcap-out/pkg.srt"}},
		{name: "check-charset", args: []string{"check", "--stl-table", "auto", "--language", "ru", "sotcap-out/pkg.srt"}},
		{name: "convert-stl-srt", args: []string{"convert", "sotcap-out/pkg.stl", "c1.srt"}},
		{name: "convert-stl-srt-abs", args: []string{"convert", "sotcap-out/pkg.stl", "c2.srt", "--start", "00:00:00:00"}},
		{name: "convert-srt-vtt", args: []string{"convert", "sotcap-out/pkg.srt", "c3.vtt"}},
		{name: "convert-vtt-stl", args: []string{"convert", "sotcap-out/pkg.vtt", "c4.stl", "--fps", "25"}},
		{name: "convert-stl-stl-30", args: []string{"convert", "sotcap-out/pkg.stl", "c5.stl", "--fps", "29.97"}},
		{name: "convert-offset", args: []string{"convert", "sotcap-out/pkg.srt", "c6.srt", "--offset", "-1.5s"}},
		{name: "batch", args: []string{"batch", "pkgs", "--fps", "25", "--workers", "2"}},
	}
}

// TestCLIGolden runs every command on the test corpus and compares what it
// prints and writes with the recorded outputs in testdata/golden. Run with
// -update-golden to record them again after an intended change.
func TestCLIGolden(t *testing.T) {
	// STL files carry their creation date; fix it so that they compare.
	t.Setenv("SOTCAP_STL_CREATED", "2026-01-02")
	inputs := goldenInputs(t)
	golden, err := filepath.Abs("testdata/golden")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range goldenCases() {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeInputs(t, dir, inputs)
			t.Chdir(dir)
			compareGolden(t, golden, c, runGolden(t, dir, c))
		})
	}
	t.Run("chain", func(t *testing.T) {
		dir := t.TempDir()
		writeInputs(t, dir, inputs)
		writeInputs(t, filepath.Join(dir, "pkgs", "haftar"), map[string][]byte{
			"haftar.txt": inputs["pkg.txt"], "haftar.edl": inputs["cut.edl"],
		})
		t.Chdir(dir)
		var errw bytes.Buffer
		if code := run([]string{"generate", "--script", "pkg.txt", "--edl", "cut.edl", "--fps", "25"}, strings.NewReader(""), &bytes.Buffer{}, &errw); code != 0 {
			t.Fatalf("generate: exit %d: %s", code, errw.String())
		}
		before := snapshot(t, dir)
		for _, c := range chainCases() {
			got := runGolden(t, dir, c)
			// Files the chain had before this case are not its output.
			got.files = newFiles(before, got.files)
			before = snapshot(t, dir)
			compareGolden(t, golden, c, got)
		}
	})
}

type goldenResult struct {
	code     int
	out, err string
	files    map[string][]byte
}

func writeInputs(t *testing.T, dir string, in map[string][]byte) {
	t.Helper()
	for name, b := range in {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func runGolden(t *testing.T, dir string, c goldenCase) goldenResult {
	t.Helper()
	before := snapshot(t, dir)
	var out, errw bytes.Buffer
	code := run(c.args, strings.NewReader(c.stdin), &out, &errw)
	return goldenResult{code: code, out: stripClock(out.String()), err: errw.String(), files: newFiles(before, snapshot(t, dir))}
}

// batchClock matches the wall-clock part of batch's summary, the one part
// of any output that differs between runs.
var batchClock = regexp.MustCompile(`\d+\.\d+s \(\d+ packages/s`)

func stripClock(s string) string { return batchClock.ReplaceAllString(s, "T (N packages/s") }

// snapshot reads every regular file below dir.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// newFiles keeps the files of after that are new or changed since before.
func newFiles(before, after map[string][]byte) map[string][]byte {
	out := map[string][]byte{}
	for name, b := range after {
		if old, ok := before[name]; !ok || !bytes.Equal(old, b) {
			out[name] = b
		}
	}
	return out
}

// render writes a result as the golden file's text: binary files as their
// size and SHA-256, text files whole.
func (r goldenResult) render() string {
	var b strings.Builder
	fmt.Fprintf(&b, "exit %d\n--- stdout\n%s--- stderr\n%s", r.code, r.out, r.err)
	names := make([]string, 0, len(r.files))
	for n := range r.files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		data := r.files[n]
		if utf8.Valid(data) && !bytes.ContainsRune(data, 0) {
			fmt.Fprintf(&b, "--- file %s\n%s\n", n, data)
			continue
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(&b, "--- file %s (binary, %d bytes, sha256 %s)\n", n, len(data), hex.EncodeToString(sum[:]))
	}
	return b.String()
}

func compareGolden(t *testing.T, dir string, c goldenCase, got goldenResult) {
	t.Helper()
	path := filepath.Join(dir, c.name+".golden")
	text := got.render()
	if *updateGolden {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v (record it with go test ./cmd/sotcap -run TestCLIGolden -update-golden)", c.name, err)
	}
	if string(want) != text {
		t.Errorf("sotcap %s: output differs from %s\n%s", strings.Join(c.args, " "), path, firstDiff(string(want), text))
	}
}

// firstDiff shows the first line where want and got part.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, wl, gl)
		}
	}
	return ""
}
