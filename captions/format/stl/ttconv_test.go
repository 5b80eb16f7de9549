package stl

import (
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// These tests read our files with ttconv (Sandflow, python3-ttconv), an
// EBU STL reader nobody here wrote, and assert it sees exactly our cues:
// the same count, text (after the documented mappings), colours, italics,
// and in/out times to the frame. They skip when ttconv is not installed.
//
// Known ttconv 1.0.5 behaviour the expectations model (see
// shared/guides/validation.md and ttconv/time_code.py): it reads STL30.01
// as 29.97 fps drop-frame and STL23.01 as 23.976 with a drop of one label
// a minute (it treats every x/1001 rate as drop-frame); it decodes D0 as
// U+2014 where ISO 6937 has U+2015.

// ttconvFrames is the frame count ttconv 1.0.5 gives a label: drop-frame
// arithmetic at every x/1001 rate, dropping round(60*(ceil(fps)-fps))
// labels a minute.
func ttconvFrames(l timing.Timecode, dfc string) (timing.Frame, timing.Rate) {
	l.Drop = false
	switch dfc {
	case "STL25.01":
		n, _ := labelFrame(l, timing.Rate25())
		return n, timing.Rate25()
	case "STL24.01":
		n, _ := labelFrame(l, timing.Rate24())
		return n, timing.Rate24()
	}
	fps, drop, r := int64(30), int64(2), timing.Rate2997()
	if dfc == "STL23.01" {
		fps, drop, r = 24, 1, timing.Rate23976()
	}
	mins := int64(l.H*60 + l.M)
	n := (mins*60+int64(l.S))*fps + int64(l.F) - drop*9*(mins/10) - drop*(mins%10)
	return timing.Frame(n), r
}

// expectTTConv checks ttconv's cues against the captions written, whose
// labels count at lr (drop-frame when drop).
func expectTTConv(t *testing.T, stl []byte, want []captions.Caption, lr timing.Rate, drop bool) {
	t.Helper()
	cues := ttconv(t, stl)
	if len(cues) != len(want) {
		t.Fatalf("ttconv read %d cues, we wrote %d", len(cues), len(want))
	}
	dfc := string(stl[fDFC.off:fDFC.end])
	for i, c := range want {
		for k, tm := range []time.Duration{c.Start, c.End} {
			l := timing.TimecodeAt(lr.Frames(tm), lr, drop)
			n, tr := ttconvFrames(l, dfc)
			got := cues[i].start
			if k == 1 {
				got = cues[i].end
			}
			// SRT has milliseconds: ttconv's time must be within 1 ms of
			// the frame's.
			if d := got - tr.Duration(n); d > time.Millisecond || d < -time.Millisecond {
				t.Errorf("cue %d: ttconv time %v for label %s, want %v (frame %d at %s)", i+1, got, l, tr.Duration(n), n, tr)
			}
		}
		if cues[i].text != ttconvText(c) {
			t.Errorf("cue %d: ttconv text %q, want %q", i+1, cues[i].text, ttconvText(c))
		}
	}
}

var ttconvColors = map[captions.Color]string{
	captions.ColorYellow: "#ffff00ff", captions.ColorCyan: "#00ffffff", captions.ColorGreen: "#00ff00ff",
	captions.ColorRed: "#ff0000ff", captions.ColorBlue: "#0000ffff", captions.ColorMagenta: "#ff00ffff",
	captions.ColorBlack: "#000000ff",
}

// ttconvText is a caption as ttconv's SRT writer shows it.
func ttconvText(c captions.Caption) string {
	var rows []string
	for _, l := range c.Lines {
		s := strings.Join(strings.Fields(l.Text), " ")
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

// TestTTConvRates: every rate, read by ttconv.
func TestTTConvRates(t *testing.T) {
	for _, rc := range rateCases() {
		t.Run(rc.name, func(t *testing.T) {
			doc := sampleDoc(rc.rate, rc.drop)
			b, _ := mustEncode(t, doc, Options{Rate: rc.rate, DropFrame: rc.drop, Start: doc.Captions[0].Start})
			expectTTConv(t, b, doc.Captions, labelRate(rc.rate), rc.drop)
		})
	}
}

// TestTTConvExact: at the rates Tech 3264 and ttconv agree on, ttconv's
// times are our times (not just "what ttconv would compute").
func TestTTConvExact(t *testing.T) {
	for _, rc := range rateCases() {
		if rc.name != "25" && rc.name != "29.97DF" && rc.name != "59.94DF" && rc.name != "24" && rc.name != "50" {
			continue
		}
		t.Run(rc.name, func(t *testing.T) {
			doc := sampleDoc(rc.rate, rc.drop)
			b, _ := mustEncode(t, doc, Options{Rate: rc.rate, DropFrame: rc.drop})
			cues := ttconv(t, b)
			if len(cues) != len(doc.Captions) {
				t.Fatalf("%d cues", len(cues))
			}
			for i, c := range doc.Captions {
				for _, p := range [][2]time.Duration{{c.Start, cues[i].start}, {c.End, cues[i].end}} {
					if d := p[0] - p[1]; d > time.Millisecond || d < -time.Millisecond {
						t.Errorf("cue %d: ttconv %v, we wrote %v", i+1, p[1], p[0])
					}
				}
			}
		})
	}
}

// TestTTConvScripts: every character table, accents, quotes, mapped dashes.
func TestTTConvScripts(t *testing.T) {
	cases := []struct{ lang, a, b string }{
		{"fr", "Ça coûte 5 EUR à l’État « libre »", "Ñandú, Łódź, Øre, Œuvre, straße"},
		{"en", "“Quoted” and ‘single’ - dash - en...", "$100, #1, 50% & £20"},
		{"cs", "Příliš žluťoučký kůň úpěl", "ďábelské ódy ŇŤĎ"},
		{"ru", "Хафтар прибыл в Москву.", "\"Мы говорим - о будущем\""},
		{"ar", "نحن هنا للحديث عن المستقبل،", "قال حفتر في موسكو؟"},
		{"el", "Καλημέρα σας, κύριε Πρόεδρε.", "«Ευχαριστώ» πολύ!"},
		{"he", "שלום לכולם", "אנחנו במוסקבה."},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			r := timing.Rate25()
			doc := captions.Document{Language: c.lang, Captions: []captions.Caption{
				cap1(time.Hour, time.Hour+3*time.Second, c.a, c.b),
				cap1(time.Hour+4*time.Second, time.Hour+5*time.Second, c.b),
			}}
			b, _ := mustEncode(t, doc, Options{Rate: r})
			expectTTConv(t, b, doc.Captions, r, false)
		})
	}
}

// TestTTConvLayout: extension blocks, speaker colours, open-subtitle
// italics, three rows.
func TestTTConvLayout(t *testing.T) {
	r := timing.Rate25()
	long := "Éèêë àâä ôö ûü ç ÉÈÊË ÀÂÄ ÔÖ ÛÜ Ç ß"
	doc := captions.Document{Language: "fr", Captions: []captions.Caption{
		cap1(time.Second, 3*time.Second, long, long, long),
		{Start: 4 * time.Second, End: 5 * time.Second, Lines: []captions.Line{{Text: "Anchor", Speaker: "A"}, {Text: "Guest", Speaker: "B"}}},
		{Start: 6 * time.Second, End: 7 * time.Second, Lines: []captions.Line{{Text: "Third", Speaker: "C"}, {Text: "Green", Speaker: "A", Color: captions.ColorGreen}}},
	}}
	b, _ := mustEncode(t, doc, Options{Rate: r, SpeakerColors: true})
	want := append([]captions.Caption(nil), doc.Captions...)
	want[1].Lines = []captions.Line{{Text: "Anchor"}, {Text: "Guest", Color: captions.ColorYellow}}
	want[2].Lines = []captions.Line{{Text: "Third", Color: captions.ColorCyan}, {Text: "Green", Color: captions.ColorGreen}}
	expectTTConv(t, b, want, r, false)

	doc.Captions[1].Lines[0].Italic = true
	doc.Captions[1].Lines = doc.Captions[1].Lines[:1]
	doc.Captions[2].Lines = doc.Captions[2].Lines[:1]
	doc.Captions[0].Lines[0].Text = strings.Repeat(long+" ", 2) + "end"
	b, _ = mustEncode(t, doc, Options{Rate: r, DisplayStandard: OpenSubtitling})
	if b[gsiSize+3] != 0 {
		t.Fatal("open subtitle row not in extension blocks")
	}
	expectTTConv(t, b, doc.Captions, r, false)
}

// TestTTConvMany: a thousand captions, some in extension blocks, subtitle
// numbers past 256 (ttconv compares SN by identity), at 29.97 drop frame
// across a programme starting at 01:00:00;00.
func TestTTConvMany(t *testing.T) {
	r := timing.Rate2997()
	long := "Éèêë àâä ôö ûü ç ÉÈÊË ÀÂÄ ÔÖ ÛÜ Ç ß"
	start := timing.Frame(107892) // 01:00:00;00
	doc := captions.Document{Language: "fr", Captions: make([]captions.Caption, 1000)}
	for i := range doc.Captions {
		in := start + timing.Frame(i)*47
		c := captions.Caption{Start: r.Duration(in), End: r.Duration(in + 40)}
		c.Lines = []captions.Line{{Text: "Sous-titre n° " + itoa(i+1)}, {Text: "« deuxième » ligne"}}
		if i%10 == 9 {
			c.Lines = []captions.Line{{Text: long}, {Text: long}, {Text: long}}
		}
		doc.Captions[i] = c
	}
	b, _ := mustEncode(t, doc, Options{Rate: r, DropFrame: true, Start: r.Duration(start)})
	if (len(b)-gsiSize)/ttiSize <= 1000 {
		t.Fatal("no extension blocks")
	}
	expectTTConv(t, b, doc.Captions, r, true)
}
