// Package tttest holds test helpers for the TTML formats: runners for
// the independent readers (ttconv, imscJS, xmllint with the EBU-TT-D
// schema) and the comparison of their cues with our captions. It is used
// by tests only.
package tttest

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetest"
	"github.com/sotcap/sotcap/timing"
)

// Cue is what an independent reader shows from Start to End: the text
// of everything on screen, lines joined by "\n", markup removed.
type Cue struct {
	Start, End time.Duration
	Text       string
}

var (
	srtTime = regexp.MustCompile(`^(\d+):(\d\d):(\d\d),(\d\d\d) --> (\d+):(\d\d):(\d\d),(\d\d\d)`)
	srtTags = regexp.MustCompile(`</?(?:i|b|u)>|<font [^>]*>|</font>`)
)

// TTConvResult is ttconv's reading of a file.
type TTConvResult struct {
	Cues []Cue
	// Log is what ttconv printed (its warnings and errors).
	Log string
}

// TTConv converts path to SRT with ttconv (Debian python3-ttconv) and
// returns its cues, or skips t when ttconv is not installed. ok is false
// when ttconv failed on the file.
func TTConv(t testing.TB, path string) (res TTConvResult, ok bool) {
	t.Helper()
	bin := needTTConv(t)
	return runTTConv(bin, path, filepath.Join(t.TempDir(), "back.srt"))
}

func needTTConv(t testing.TB) string {
	bin, err := exec.LookPath("ttconv")
	if err != nil {
		t.Skip("ttconv not installed (Debian package python3-ttconv): independent TTML check skipped (CI installs it)")
	}
	return bin
}

func runTTConv(bin, path, out string) (res TTConvResult, ok bool) {
	cmd := exec.Command(bin, "convert", "-i", path, "-o", out, "--itype", "TTML", "--otype", "SRT")
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	err := cmd.Run()
	for _, l := range strings.Split(log.String(), "\n") {
		if strings.Contains(l, "WARNING") || strings.Contains(l, "ERROR") {
			res.Log += l + "\n"
		}
	}
	if err != nil {
		res.Log += err.Error()
		return res, false
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return res, false
	}
	res.Cues = ParseSRT(b)
	return res, true
}

// ParseSRT reads the SRT ttconv writes, with its tags removed.
func ParseSRT(b []byte) []Cue {
	var cues []Cue
	text := strings.ReplaceAll(string(b), "\r\n", "\n")
	for _, bl := range strings.Split(text, "\n\n") {
		ls := strings.Split(strings.Trim(bl, "\n"), "\n")
		if len(ls) < 2 {
			continue
		}
		m := srtTime.FindStringSubmatch(ls[1])
		if m == nil {
			continue
		}
		cues = append(cues, Cue{Start: hms(m[1:5]), End: hms(m[5:9]), Text: srtTags.ReplaceAllString(strings.Join(ls[2:], "\n"), "")})
	}
	return cues
}

func hms(f []string) time.Duration {
	var v [4]int64
	for i, s := range f {
		v[i], _ = strconv.ParseInt(s, 10, 64)
	}
	return time.Duration(v[0])*time.Hour + time.Duration(v[1])*time.Minute + time.Duration(v[2])*time.Second + time.Duration(v[3])*time.Millisecond
}

// Screen turns captions into what a reader that shows everything on
// screen at once (ttconv's SRT writer, imscJS's ISDs) sees: one cue for
// each stretch of time in which the same captions show, their lines
// joined by "\n" in the order given.
func Screen(caps []captions.Caption) []Cue {
	var cuts []time.Duration
	for _, c := range caps {
		cuts = append(cuts, c.Start, c.End)
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i] < cuts[j] })
	var out []Cue
	for i := 0; i+1 < len(cuts); i++ {
		s, e := cuts[i], cuts[i+1]
		if e == s {
			continue
		}
		var texts []string
		for _, c := range caps {
			if c.Start <= s && c.End >= e {
				texts = append(texts, c.Text())
			}
		}
		if len(texts) > 0 {
			out = append(out, Cue{Start: s, End: e, Text: strings.Join(texts, "\n")})
		}
	}
	return Merge(out)
}

// Merge joins cues that follow each other without a gap with the same
// text, and normalises each cue's text: white space collapsed, lines
// sorted (readers order simultaneous paragraphs differently).
func Merge(cues []Cue) []Cue {
	var out []Cue
	for _, c := range cues {
		var ls []string
		for _, l := range strings.Split(c.Text, "\n") {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				ls = append(ls, l)
			}
		}
		sort.Strings(ls)
		c.Text = strings.Join(ls, "\n")
		if c.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].End == c.Start && out[n-1].Text == c.Text {
			out[n-1].End = c.End
			continue
		}
		out = append(out, c)
	}
	return out
}

// SameCues checks that got (an independent reader's) and want (ours)
// agree: the same count and text, times within tol. It returns a
// description of the first difference, or "".
func SameCues(got, want []Cue, tol time.Duration) string {
	got, want = Merge(got), Merge(want)
	n := min(len(got), len(want))
	for i := 0; i < n; i++ {
		g, w := got[i], want[i]
		if d := g.Start - w.Start; d > tol || d < -tol {
			return "cue " + strconv.Itoa(i+1) + ": start " + g.Start.String() + ", we read " + w.Start.String()
		}
		if d := g.End - w.End; d > tol || d < -tol {
			return "cue " + strconv.Itoa(i+1) + ": end " + g.End.String() + ", we read " + w.End.String()
		}
		if g.Text != w.Text {
			return "cue " + strconv.Itoa(i+1) + ": text " + strconv.Quote(g.Text) + ", we read " + strconv.Quote(w.Text)
		}
	}
	if len(got) != len(want) {
		return strconv.Itoa(len(got)) + " cues, we read " + strconv.Itoa(len(want))
	}
	return ""
}

// Frame is one frame at rate r, the tolerance of "to the frame".
func Frame(r timing.Rate) time.Duration { return r.Duration(1) }

// Schema returns the EBU-TT-D schema's path and an environment for
// xmllint that resolves its import of xml.xsd offline, or skips t when
// xmllint is not installed.
func Schema(t testing.TB) (xsd string, env []string) {
	t.Helper()
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint not installed (Debian package libxml2-utils): EBU-TT-D schema check skipped (CI installs it)")
	}
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "ebuttd", "testdata", "schema")
	return filepath.Join(dir, "ebutt_d.xsd"), append(os.Environ(), "XML_CATALOG_FILES="+filepath.Join(dir, "catalog.xml"))
}

// Xmllint validates path against the EBU-TT-D schema and returns
// xmllint's complaint, or "" when the file is valid.
func Xmllint(t testing.TB, path string) string {
	t.Helper()
	xsd, env := Schema(t)
	cmd := exec.Command("xmllint", "--nonet", "--noout", "--schema", xsd, path)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		return strings.TrimSpace(string(out)) + " (" + err.Error() + ")"
	}
	return ""
}

// ImscEvent is what imscJS shows from time T (seconds) on.
type ImscEvent struct {
	T    float64 `json:"t"`
	Text string  `json:"text"`
}

// ImscResult is imscJS's reading of one file.
type ImscResult struct {
	File   string      `json:"file"`
	Errors []string    `json:"errors"`
	Events []ImscEvent `json:"events"`
}

const imscScript = `
const imsc = {fromXML: require('imsc/src/main/js/doc').fromXML, generateISD: require('imsc/src/main/js/isd').generateISD};
const fs = require('fs');
const out = [];
for (const f of process.argv.slice(1)) {
  const errs = [];
  const eh = {info: m => {}, warn: m => errs.push('warn: ' + m), error: m => errs.push('error: ' + m), fatal: m => errs.push('fatal: ' + m)};
  let doc;
  try { doc = imsc.fromXML(fs.readFileSync(f, 'utf8'), eh); } catch (e) { errs.push('exception: ' + e); }
  const events = [];
  if (doc) {
    for (const t of doc.getMediaTimeEvents()) {
      let isd;
      try { isd = imsc.generateISD(doc, t, eh); } catch (e) { errs.push('exception: ' + e); continue; }
      const texts = [];
      const walk = (n) => { if (n.kind === 'span' && n.text !== undefined) texts.push(n.text); if (n.kind === 'br') texts.push('\n'); (n.contents || []).forEach(walk); if (n.kind === 'p') texts.push('\n'); };
      (isd.contents || []).forEach((r) => { walk(r); texts.push('\n'); });
      events.push({t, text: texts.join('')});
    }
  } else if (errs.length === 0) errs.push('no document');
  out.push({file: f, errors: errs, events});
}
console.log(JSON.stringify(out));
`

// ImscJS parses each file with imscJS (npm package imsc) under node and
// generates the ISD at each of its media time events. It skips t when
// node or the module is missing. It looks for the module where node
// does, in IMSC_NODE_PATH (a node_modules folder) and in
// ~/.cache/sotcap-imsc/node_modules, where .ci/run installs it.
func ImscJS(t testing.TB, files ...string) []ImscResult {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed: imscJS check skipped")
	}
	env := os.Environ()
	p := os.Getenv("IMSC_NODE_PATH")
	if home, err := os.UserHomeDir(); p == "" && err == nil {
		p = filepath.Join(home, ".cache", "sotcap-imsc", "node_modules") // where .ci/run installs it
	}
	if p != "" {
		env = append(env, "NODE_PATH="+p)
	}
	probe := exec.Command(node, "-e", "require('imsc/src/main/js/doc')")
	probe.Env = env
	if probe.Run() != nil {
		t.Skip("npm package imsc not found (npm install imsc, then IMSC_NODE_PATH=<its node_modules>): imscJS check skipped")
	}
	cmd := exec.Command(node, append([]string{"-e", imscScript}, files...)...)
	cmd.Env = env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("imscJS: %v\n%s", err, errb.String())
	}
	var res []ImscResult
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("imscJS output: %v", err)
	}
	return res
}

// ImscCues turns imscJS's events into cues.
func ImscCues(ev []ImscEvent) []Cue {
	var cues []Cue
	for i := range ev {
		s := time.Duration(ev[i].T*1e9 + 0.5)
		e := s + 10*time.Second // what shows after the last event: as Screen does
		if i+1 < len(ev) {
			e = time.Duration(ev[i+1].T*1e9 + 0.5)
		}
		cues = append(cues, Cue{Start: s, End: e, Text: ev[i].Text})
	}
	return Merge(cues)
}

// CorpusResult is how one file of others' compared with an
// independent reader.
type CorpusResult struct {
	File string
	// Diff is the first difference from ttconv ("" when they agree).
	Diff string
	// TTConvFailed says ttconv could not read the file.
	TTConvFailed bool
}

// CompareTTConv reads each file with read and with ttconv, and returns
// how they compared. Times must agree within tol.
func CompareTTConv(t *testing.T, files []string, tol time.Duration, read func(path string) ([]captions.Caption, error)) []CorpusResult {
	t.Helper()
	bin := needTTConv(t)
	dir := t.TempDir()
	out := make([]CorpusResult, len(files))
	srt := make([]TTConvResult, len(files))
	oks := make([]bool, len(files))
	// ttconv takes half a second to start: run two at a time.
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				srt[i], oks[i] = runTTConv(bin, files[i], filepath.Join(dir, strconv.Itoa(i)+".srt"))
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, f := range files {
		out[i] = CorpusResult{File: filepath.Base(f), TTConvFailed: !oks[i]}
		caps, err := read(f)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		if oks[i] {
			out[i].Diff = SameCues(srt[i].Cues, Screen(caps), tol)
		}
	}
	return out
}

// Sample is a document with everything the model holds: speakers,
// italics, every colour, rows, alignments, and text that is markup.
func Sample(r timing.Rate) captions.Document {
	at := func(s, e timing.Frame) (time.Duration, time.Duration) { return r.Duration(s), r.Duration(e) }
	var caps []captions.Caption
	f := timing.Frame(10 * r.Nominal())
	texts := cuetest.Texts()
	for i := 0; i < 24; i++ {
		s, e := at(f, f+timing.Frame(r.Nominal())+timing.Frame(i%7))
		c := captions.Caption{Start: s, End: e, Row: []int{0, 0, 1, 12, 20, 23}[i%6], Align: captions.Align(i % 4)}
		c.Lines = []captions.Line{{Text: texts[i%len(texts)], Italic: i%3 == 1, Color: captions.Color(i % 9)}}
		if i%2 == 0 {
			c.Lines = append(c.Lines, captions.Line{Text: "Second & <line>", Speaker: []string{"Ana", "Bo", ""}[i%3]})
		}
		caps = append(caps, c)
		f += timing.Frame(r.Nominal()) + 10
	}
	return captions.Document{Title: "Haftar in Moscow", Language: "en-GB", Captions: caps}
}

// FuzzRead is the body of both readers' fuzz tests: read must not panic,
// must fail only with a *captions.ParseError, every caption must end
// after it starts and have lines, warnings stay bounded; and whatever it
// reads that the writer accepts must read back the same (times within
// half a millisecond, since they are written to the millisecond).
func FuzzRead(t *testing.T, in []byte, read func([]byte) (captions.Document, []captions.Warning, error),
	validate func([]captions.Caption) error, write func(captions.Document) ([]byte, error)) {
	doc, warns, err := read(in)
	if err != nil {
		var pe *captions.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %T %v is not a ParseError", err, err)
		}
		return
	}
	if len(warns) > 100 {
		t.Fatalf("%d warnings", len(warns))
	}
	for i, c := range doc.Captions {
		if c.End <= c.Start || len(c.Lines) == 0 {
			t.Fatalf("caption %d: %+v", i+1, c)
		}
	}
	if validate(doc.Captions) != nil {
		return
	}
	out, err := write(doc)
	if err != nil {
		t.Fatalf("writing what Validate accepted: %v", err)
	}
	back, _, err := read(out)
	if err != nil {
		t.Fatalf("reading back: %v\n%s", err, out)
	}
	if len(back.Captions) != len(doc.Captions) {
		t.Fatalf("read back %d captions, wrote %d:\n%s", len(back.Captions), len(doc.Captions), out)
	}
	for i, c := range doc.Captions {
		b := back.Captions[i]
		for _, d := range []time.Duration{b.Start - c.Start, b.End - c.End} {
			if d > 500*time.Microsecond || d < -500*time.Microsecond {
				t.Fatalf("caption %d: %v-%v read back as %v-%v", i+1, c.Start, c.End, b.Start, b.End)
			}
		}
		b.Start, b.End = c.Start, c.End
		if !reflect.DeepEqual(b, c) {
			t.Fatalf("caption %d: %+v read back as %+v\n%s", i+1, c, b, out)
		}
	}
}

// FuzzSeeds are inputs every TTML reader's fuzz test starts from.
func FuzzSeeds() [][]byte {
	return [][]byte{
		[]byte(`<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en"><body><div><p begin="1s" end="2s">a<br/>b</p></div></body></tt>`),
		[]byte(`<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" ttp:frameRate="25" ttp:tickRate="10"><head><styling><style xml:id="s" tts:color="yellow" tts:fontStyle="italic"/></styling><layout><region xml:id="r" tts:origin="0% 50%" tts:extent="100% 50%"/></layout></head><body region="r"><div timeContainer="seq"><p dur="00:00:01:12" style="s">x <span begin="3t" end="7t">y</span></p><p dur="20f" xml:space="preserve"> a
 b </p></div></body></tt>`),
		[]byte(`<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="1s" dur="1s" end="3s">x</p></div></body></tt>`),
		[]byte("<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div><p begin=\"1s\" end=\"2s\">\x00</p>"),
	}
}

// Bench100k times a TTML format on 100,000 captions at 25 fps: encode
// writes a document, read reads one back. Write reports bytes/s of output,
// Read bytes/s of input.
func Bench100k(b *testing.B,
	encode func(captions.Document, timing.Rate) ([]byte, error),
	read func([]byte) (captions.Document, error)) {
	caps, _ := cuetest.FrameCaptions(100000, timing.Rate25())
	doc := captions.Document{Language: "en", Captions: caps}
	data, err := encode(doc, timing.Rate25())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Write100k", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := encode(doc, timing.Rate25()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Read100k", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			d, err := read(data)
			if err != nil {
				b.Fatal(err)
			}
			if len(d.Captions) != len(caps) {
				b.Fatal(len(d.Captions))
			}
		}
	})
}
