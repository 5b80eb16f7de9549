package place

import (
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/captions/segment"
	"github.com/sotcap/sotcap/timing"
)

// benchParagraph is English prose of the kind a soundbite translation
// holds (written for these tests).
const benchParagraph = `The minister said on Tuesday that talks with the eastern commander would continue in Moscow next week, and that both sides had agreed to a ceasefire while the details were being worked out. "We are not here to take sides," he told reporters after the meeting, "but to make sure that the people of Libya can finally live in peace." Asked whether the agreement would hold, he paused. It depends on everyone, not only on us. In 2019, a similar deal collapsed within days, and more than 1,000 people were killed in the fighting that followed.`

func benchRules() rules.Profile {
	r := testRules()
	r.MaxCharsPerLine = 42
	return r
}

func BenchmarkBreak(b *testing.B) {
	r := benchRules()
	b.SetBytes(int64(len(benchParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := segment.Break(r, benchParagraph); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTimeSOT segments and times soundbites: the paragraph as two
// speakers' turns in a window of 15 characters per second with cuts.
func BenchmarkTimeSOT(b *testing.B) {
	r := benchRules()
	rate := timing.Rate25()
	half := strings.Index(benchParagraph, "Asked")
	turns := []captions.Turn{{Speaker: "Minister", Text: benchParagraph[:half]}, {Speaker: "Reporter", Text: benchParagraph[half:]}}
	frames := timing.Frame(len(benchParagraph)) * 25 / 15
	w := timing.Window{In: 90000, Out: 90000 + frames}
	for f := w.In + 80; f < w.Out; f += 97 {
		w.Cuts = append(w.Cuts, timing.Cut{Frame: f})
	}
	in := Input{Turns: turns, Window: w, Rate: rate, Limit: w.Out + 50}
	b.SetBytes(int64(len(benchParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := SOT(r, in)
		if err != nil || res.Compressed {
			b.Fatal(err, res.Compressed)
		}
	}
}

// BenchmarkCheck checks 100,000 captions; bytes are their text.
func BenchmarkCheck(b *testing.B) {
	r := benchRules()
	rate := timing.Rate25()
	caps := make([]captions.Caption, 100000)
	var n timing.Frame
	for i := range caps {
		start := time.Duration(i) * 3 * time.Second
		caps[i] = captions.Caption{Start: start, End: start + 2500*time.Millisecond, Lines: []captions.Line{{Text: "We are aiming to get"}, {Text: "a better television service."}}}
		n += 50
	}
	cuts := []timing.Cut{{Frame: 1000}, {Frame: 50000}, {Frame: 700000}}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		r.Check(caps, rate, cuts)
	}
}

func BenchmarkChars(b *testing.B) {
	r := benchRules()
	b.SetBytes(int64(len(benchParagraph)))
	for b.Loop() {
		r.Chars(benchParagraph)
	}
}

// BenchmarkTimeSOTShort is BenchmarkTimeSOT in a window too short for the
// text (22 characters per second): the worst case, every re-break price
// tried, then packing, then compression.
func BenchmarkTimeSOTShort(b *testing.B) {
	r := benchRules()
	rate := timing.Rate25()
	half := strings.Index(benchParagraph, "Asked")
	turns := []captions.Turn{{Speaker: "Minister", Text: benchParagraph[:half]}, {Speaker: "Reporter", Text: benchParagraph[half:]}}
	frames := timing.Frame(len(benchParagraph)) * 25 / 22
	in := Input{Turns: turns, Window: timing.Window{In: 90000, Out: 90000 + frames}, Rate: rate}
	b.SetBytes(int64(len(benchParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SOT(r, in); err != nil {
			b.Fatal(err)
		}
	}
}
