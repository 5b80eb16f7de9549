package scc

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// These tests read our files with two SCC readers nobody here wrote —
// ttconv (Sandflow, Debian python3-ttconv 1.0.5) and FFmpeg (5.1) — and
// check they see our captions: the same count, text and times. They skip
// when a reader is not installed (.ci/run installs both).
//
// What the readers do, modelled exactly so that a difference means
// something:
//   - ttconv times a byte pair one frame after its position (the first
//     pair of a line at label+1), skips a pair equal to the one before it
//     (so a doubled code takes one frame) and ends a caption erased by EDM
//     one frame after the EDM: our captions read as [start+1, end+2), or
//     [start+1, end+1) when the next caption's EOC replaces them. It
//     reads ':' labels as 30 fps. It shows 608's '"' as "``" (so the
//     look-alike '"' we send before “ ” « » leaves a '`' before them),
//     — as ━, ^ as ʌ, │ as ┃ and the box corners as heavy ones.
//   - FFmpeg times a whole line at its label, read as HH:MM:SS plus 33 ms
//     a frame: our EOC and EDM start their lines, so a caption shows from
//     its start label to its end label. It shows — as -, • as ·, │ as ¦
//     and ' as ’.

type cue struct {
	start, end time.Duration
	text       string
}

// srtTime matches an SRT time line; ttconv 1.0.5 may write four digits
// of milliseconds (2.9997 s as "00:00:02,1000").
var srtTime = regexp.MustCompile(`^(\d+):(\d\d):(\d\d),(\d{3,4}) --> (\d+):(\d\d):(\d\d),(\d{3,4})$`)

func parseSRT(t *testing.T, srt string) []cue {
	t.Helper()
	var cues []cue
	for _, b := range strings.Split(strings.ReplaceAll(srt, "\r\n", "\n"), "\n\n") {
		ls := strings.Split(strings.Trim(b, "\n"), "\n")
		if len(ls) < 2 {
			continue
		}
		m := srtTime.FindStringSubmatch(ls[1])
		if m == nil {
			t.Fatalf("bad SRT time line %q", ls[1])
		}
		d := func(i int) time.Duration {
			var v [4]int
			for k := range v {
				v[k], _ = strconv.Atoi(m[i+k])
			}
			return time.Duration(v[0])*time.Hour + time.Duration(v[1])*time.Minute + time.Duration(v[2])*time.Second + time.Duration(v[3])*time.Millisecond
		}
		cues = append(cues, cue{d(1), d(5), strings.Join(ls[2:], "\n")})
	}
	return cues
}

func runReader(t *testing.T, name string, scc []byte, args func(in, out string) []string) []cue {
	t.Helper()
	bin, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed (Debian packages python3-ttconv, ffmpeg): independent SCC check skipped", name)
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.scc"), filepath.Join(dir, "out.srt")
	if err := os.WriteFile(in, scc, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args(in, out)...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, stderr.String())
	}
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(l, "WARNING") || strings.Contains(l, "ERROR") || strings.Contains(l, "Ignored") {
			t.Errorf("%s: %s", name, l)
		}
	}
	srt, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return parseSRT(t, string(srt))
}

func ttconv(t *testing.T, scc []byte) []cue {
	return runReader(t, "ttconv", scc, func(in, out string) []string { return []string{"convert", "-i", in, "-o", out} })
}

func ffmpeg(t *testing.T, scc []byte) []cue {
	return runReader(t, "ffmpeg", scc, func(in, out string) []string {
		return []string{"-nostdin", "-v", "warning", "-i", in, "-f", "srt", "-y", out}
	})
}

var ttconvChars = strings.NewReplacer(`"`, "``", "“", "`“", "”", "`”", "«", "`«", "»", "`»", "—", "━", "^", "ʌ", "│", "┃",
	"┌", "┏", "┐", "┓", "└", "┗", "┘", "┛", "’", "'", "‘", "'")

var ffmpegChars = strings.NewReplacer("—", "-", "•", "·", "│", "¦", "'", "’", "‘", "’")

var ffmpegMarkup = regexp.MustCompile(`<font face="Monospace">|</font>|<font color="#[0-9a-f]+">|\{\\an7\}|\\h|</?i>`)

var ttconvColors = map[captions.Color]string{
	captions.ColorYellow: "#ffff00ff", captions.ColorCyan: "#00ffffff", captions.ColorGreen: "#00ff00ff",
	captions.ColorRed: "#ff0000ff", captions.ColorBlue: "#0000ffff", captions.ColorMagenta: "#ff00ffff",
}

func ttconvText(c captions.Caption) string {
	var rows []string
	for _, l := range c.Lines {
		s := ttconvChars.Replace(collapseSpaces(l.Text))
		if l.Italic {
			s = "<i>" + s + "</i>"
		}
		if col, ok := ttconvColors[l.Color]; ok {
			s = `<font color="` + col + `">` + s + "</font>"
		}
		rows = append(rows, s)
	}
	return strings.Join(rows, "\n")
}

func ffmpegText(s string) string {
	s = ffmpegMarkup.ReplaceAllString(s, "")
	ls := strings.Split(s, "\n")
	for i := range ls {
		ls[i] = strings.TrimSpace(ls[i])
	}
	return strings.Join(ls, "\n")
}

// frames returns each caption's start and end frame and whether an EDM
// ends it (rather than the next caption's EOC).
func frames(caps []captions.Caption, r timing.Rate) (s, e []timing.Frame, edm []bool) {
	for i, c := range caps {
		s, e = append(s, r.Frames(c.Start)), append(e, r.Frames(c.End))
		edm = append(edm, i == len(caps)-1 || c.End != caps[i+1].Start)
	}
	return s, e, edm
}

// within1ms compares a reader's millisecond time with ours.
func within1ms(got, want time.Duration) bool {
	d := got - want
	return d <= time.Millisecond && d >= -time.Millisecond
}

// expectTTConv checks ttconv's cues: count, times as modelled, and text
// unless text is false.
func expectTTConv(t *testing.T, b []byte, doc captions.Document, o WriteOptions, text bool) {
	t.Helper()
	cues := ttconv(t, b)
	if len(cues) != len(doc.Captions) {
		t.Fatalf("ttconv read %d cues, we wrote %d", len(cues), len(doc.Captions))
	}
	r := o.Rate
	if r.IsZero() {
		r = df
	}
	// ttconv reads ':' labels as 30 fps: its time of frame n.
	at := r.Duration
	if o.NonDrop || r == timing.Rate30() {
		at = timing.Rate30().Duration
	}
	s, e, edm := frames(doc.Captions, r)
	for i, c := range doc.Captions {
		end := e[i] + 1
		if edm[i] {
			end++
		}
		if !within1ms(cues[i].start, at(s[i]+1)) || !within1ms(cues[i].end, at(end)) {
			t.Errorf("cue %d: ttconv %v–%v, want %v–%v", i+1, cues[i].start, cues[i].end, at(s[i]+1), at(end))
		}
		if text && cues[i].text != ttconvText(c) {
			t.Errorf("cue %d: ttconv text %q, want %q", i+1, cues[i].text, ttconvText(c))
		}
	}
}

// expectFFmpeg checks FFmpeg's cues: count, times as modelled, text.
func expectFFmpeg(t *testing.T, b []byte, doc captions.Document, o WriteOptions) {
	t.Helper()
	cues := ffmpeg(t, b)
	if len(cues) != len(doc.Captions) {
		t.Fatalf("FFmpeg read %d cues, we wrote %d", len(cues), len(doc.Captions))
	}
	r := o.Rate
	if r.IsZero() {
		r = df
	}
	drop := r == df && !o.NonDrop
	at := func(n timing.Frame) time.Duration {
		l := timing.TimecodeAt(n, r, drop)
		return time.Duration(l.H)*time.Hour + time.Duration(l.M)*time.Minute + time.Duration(l.S)*time.Second + time.Duration(l.F*33)*time.Millisecond
	}
	s, e, _ := frames(doc.Captions, r)
	for i, c := range doc.Captions {
		if !within1ms(cues[i].start, at(s[i])) || !within1ms(cues[i].end, at(e[i])) {
			t.Errorf("cue %d: FFmpeg %v–%v, want %v–%v", i+1, cues[i].start, cues[i].end, at(s[i]), at(e[i]))
		}
		var want []string
		for _, l := range c.Lines {
			want = append(want, ffmpegChars.Replace(collapseSpaces(l.Text)))
		}
		if got := ffmpegText(cues[i].text); got != strings.Join(want, "\n") {
			t.Errorf("cue %d: FFmpeg text %q, want %q", i+1, got, strings.Join(want, "\n"))
		}
	}
}

// charsDoc has every 608 character, quotes, italics and colours.
func charsDoc() captions.Document {
	h := time.Hour
	return captions.Document{Captions: []captions.Caption{
		{Start: h, End: h + 2*time.Second, Lines: lines("áéíóúçÑñ÷ ®°½¿™¢£♪àèâêîôû", "ÁÉÓÚÜü¡*—©℠•“”ÀÂÇÈÊËëÎÏï")},
		{Start: h + 8*time.Second, End: h + 10*time.Second, Lines: lines("ÔÙùÛ«»ÃãÍÌìÒòÕõ{}\\^_|~", "ÄäÖößå¤│ÅåØø┌┐└┘ \"x\" ’y’")},
		{Start: h + 16*time.Second, End: h + 17*time.Second, Lines: []captions.Line{{Text: "Italic here", Italic: true}, {Text: "Yellow", Color: captions.ColorYellow}}},
		{Start: h + 17*time.Second, End: h + 18*time.Second, Lines: []captions.Line{{Text: "Cyan, left", Color: captions.ColorCyan}}, Align: captions.AlignLeft, Row: 2},
		{Start: h + 19*time.Second + 33*time.Millisecond, End: h + 21*time.Second, Lines: lines("Haftar arrived in Moscow", "on Tuesday, “we said”")},
	}}
}

func TestIndependentReaders(t *testing.T) {
	for _, o := range []WriteOptions{{}, {NonDrop: true}, {Rate: timing.Rate30()}} {
		name := "29.97DF"
		if o.NonDrop {
			name = "29.97NDF"
		} else if !o.Rate.IsZero() {
			name = "30"
		}
		t.Run(name, func(t *testing.T) {
			doc := charsDoc()
			b, _ := mustEncode(t, doc, o)
			t.Run("ttconv", func(t *testing.T) { expectTTConv(t, b, doc, o, true) })
			t.Run("FFmpeg", func(t *testing.T) { expectFFmpeg(t, b, doc, o) })
			sameCaptions(t, rateOf(o), doc.Captions, mustDecode(t, b, ReadOptions{Rate: o.Rate}).Document.Captions)

			// Hundreds of captions, many back to back, across minutes
			// that drop-frame labels skip.
			r := rateOf(o)
			doc = randomDoc(rand.New(rand.NewPCG(9, 9)), 120, r)
			b, _ = mustEncode(t, doc, o)
			t.Run("ttconv many", func(t *testing.T) { expectTTConv(t, b, doc, o, false) })
			t.Run("FFmpeg many", func(t *testing.T) { expectFFmpeg(t, b, doc, o) })
		})
	}
}

func rateOf(o WriteOptions) timing.Rate {
	if o.Rate.IsZero() {
		return df
	}
	return o.Rate
}

// TestTTConvRealFiles: our reading of ttconv's own test files has the
// text ttconv reads (ttconv leaves out the roll-up file's last caption,
// which is never erased).
func TestTTConvRealFiles(t *testing.T) {
	for _, name := range []string{"ttconv_pop-on.scc", "ttconv_mix-rows-roll-up.scc"} {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			ours := mustDecode(t, b, ReadOptions{}).Document.Captions
			cues := ttconv(t, b)
			if len(cues) != len(ours) && len(cues) != len(ours)-1 {
				t.Fatalf("ttconv %d cues, we %d", len(cues), len(ours))
			}
			tags := regexp.MustCompile(`</?i>`)
			for i, c := range cues {
				got := strings.Join(strings.Fields(tags.ReplaceAllString(c.text, "")), " ")
				want := strings.Join(strings.Fields(ours[i].Text()), " ")
				if got != want {
					t.Errorf("cue %d: ttconv %q, we %q", i+1, got, want)
				}
			}
		})
	}
}
