package format

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/timing"
)

// roundTripWords are Latin words every format carries: SCC's 608 set has
// them all, as do EBU STL's Latin table and every text format.
var roundTripWords = strings.Fields(`the council met on Tuesday and voted to close old bridge after years of
	repairs Mayor said it was a sad day for town but safety comes first traffic will go by ring road until
	new crossing opens next spring officials hope 12 lanes 2026 café déjà naïve Zürich`)

// roundTripDoc returns a document of n captions that every format can
// carry exactly: one or two lines of at most 32 characters, upright, in
// the default colour and place, on whole frames of rate, far enough apart
// for SCC to send each caption's bytes before it appears.
func roundTripDoc(rng *rand.Rand, n int, rate timing.Rate) (captions.Document, [][2]timing.Frame) {
	var doc captions.Document
	doc.Language = "en"
	var frames [][2]timing.Frame
	f := timing.Frame(10 * rate.Nominal())
	for range n {
		var c captions.Caption
		for range 1 + rng.IntN(2) {
			var line []string
			for {
				w := roundTripWords[rng.IntN(len(roundTripWords))]
				if len(strings.Join(append(line, w), " ")) > 32 {
					break
				}
				line = append(line, w)
			}
			c.Lines = append(c.Lines, captions.Line{Text: strings.Join(line, " ")})
		}
		in := f + timing.Frame(rng.IntN(rate.Nominal()))
		out := in + timing.Frame(2*rate.Nominal()+rng.IntN(3*rate.Nominal()))
		c.Start, c.End = rate.Duration(in), rate.Duration(out)
		doc.Captions = append(doc.Captions, c)
		frames = append(frames, [2]timing.Frame{in, out})
		f = out + timing.Frame(2*rate.Nominal())
	}
	return doc, frames
}

// roundTripOptions are the writer options of a programme at rate starting
// at 00:00:00:00, so that every format counts time from the same zero.
func roundTripOptions(rate timing.Rate) WriteOptions {
	return WriteOptions{Rate: rate, DropFrame: rate.DropFrameCapable(), Language: "en",
		STL: stl.Options{Rate: rate, DropFrame: rate.DropFrameCapable(), Country: "GBR", Created: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}}
}

func writeDoc(t *testing.T, f Format, doc captions.Document, o WriteOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	w, err := f.NewWriter(&b, o)
	if err != nil {
		t.Fatalf("%s writer: %v", f.Name, err)
	}
	for i, c := range doc.Captions {
		if err := w.Write(c); err != nil {
			t.Fatalf("%s: caption %d: %v", f.Name, i+1, err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	return b.Bytes()
}

// TestRoundTripEveryPair writes random documents in every format, reads
// each back, writes what was read in every other format and reads that:
// every caption keeps its text and its in and out frames, whichever two
// formats it went through. Formats that count real time (SRT, WebVTT,
// TTML) round to the millisecond or snap to frames, and must still land
// on the same frame.
func TestRoundTripEveryPair(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	rates := []timing.Rate{timing.Rate2997(), timing.Rate25(), timing.Rate30()}
	docs := 6
	if testing.Short() {
		docs = 2
	}
	for k := range docs {
		rate := rates[k%len(rates)]
		doc, frames := roundTripDoc(rng, 20, rate)
		o := roundTripOptions(rate)
		for _, a := range All() {
			if a.Name == "scc" && rate == timing.Rate25() {
				// SCC is NTSC line-21 data: a 25 fps programme's
				// captions move onto 29.97 frames, tested below.
				continue
			}
			first := writeDoc(t, a, doc, o)
			// STL30.01 and SCC labels do not say 29.97 or 30: tell the
			// readers, as convert --from-fps does.
			ro := ReadOptions{Rate: rate, STL: stl.ReadOptions{Rate: rate, DropFrame: rate.DropFrameCapable()}}
			ro.File = "mid" + a.Extension()
			mid, _, err := a.Read(bytes.NewReader(first), ro)
			if err != nil {
				t.Fatalf("%s at %s: reading our own file: %v", a.Name, rate, err)
			}
			checkSame(t, a.Name, doc, mid, frames, rate)
			for _, b := range All() {
				if b.Name == "scc" && rate == timing.Rate25() {
					continue
				}
				second := writeDoc(t, b, mid, o)
				ro.File = "out" + b.Extension()
				got, _, err := b.Read(bytes.NewReader(second), ro)
				if err != nil {
					t.Fatalf("%s → %s at %s: %v", a.Name, b.Name, rate, err)
				}
				checkSame(t, a.Name+" → "+b.Name, doc, got, frames, rate)
			}
		}
	}
}

// TestSCCFromA25fpsProgramme: a 25 fps programme's captions written as SCC
// land on the nearest 29.97 frames and read back within half a frame of
// their real times.
func TestSCCFromA25fpsProgramme(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	doc, _ := roundTripDoc(rng, 30, timing.Rate25())
	f, _ := ByName("scc")
	data := writeDoc(t, f, doc, roundTripOptions(timing.Rate25()))
	got, _, err := f.Read(bytes.NewReader(data), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Captions) != len(doc.Captions) {
		t.Fatalf("%d captions, want %d", len(got.Captions), len(doc.Captions))
	}
	half := timing.Rate2997().Duration(1) / 2
	for i, c := range got.Captions {
		w := doc.Captions[i]
		if d := c.Start - w.Start; d > half || d < -half {
			t.Errorf("caption %d starts at %v, want %v", i+1, c.Start, w.Start)
		}
		if c.Text() != w.Text() {
			t.Errorf("caption %d: %q, want %q", i+1, c.Text(), w.Text())
		}
	}
}

func checkSame(t *testing.T, path string, want, got captions.Document, frames [][2]timing.Frame, rate timing.Rate) {
	t.Helper()
	if len(got.Captions) != len(want.Captions) {
		t.Fatalf("%s at %s: %d captions, want %d", path, rate, len(got.Captions), len(want.Captions))
	}
	for i, c := range got.Captions {
		if c.Text() != want.Captions[i].Text() {
			t.Fatalf("%s at %s: caption %d is %q, want %q", path, rate, i+1, c.Text(), want.Captions[i].Text())
		}
		if in, out := rate.Frames(c.Start), rate.Frames(c.End); in != frames[i][0] || out != frames[i][1] {
			t.Fatalf("%s at %s: caption %d on frames %d–%d, want %d–%d", path, rate, i+1, in, out, frames[i][0], frames[i][1])
		}
	}
}
