package tt_test

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/ebuttd"
	"github.com/sotcap/sotcap/captions/format/ttml"
	"github.com/sotcap/sotcap/timing"
)

// The formats never import each other; this test, outside both, checks
// that they carry the same model.

var words = []string{"Haftar", "Moscow", "&", "<b>", "\"quoted\"", "'single'", "a > b", "Café", "déjà", "—", "…",
	"مرحبا", "Москва", "Καλημέρα", "שלום", "你好", "Łódź", "50%", "$100", "#1", "x\ty", "two  spaces", "]]>", "&amp;", "😀"}

// genDoc makes a random document whose times are whole frames at r.
func genDoc(rng *rand.Rand, r timing.Rate) captions.Document {
	doc := captions.Document{Language: []string{"en", "en-GB", "ar", "ru", "zh-Hans", "fr"}[rng.Intn(6)]}
	if rng.Intn(2) == 0 {
		doc.Title = strings.Join([]string{words[rng.Intn(len(words))], words[rng.Intn(len(words))]}, " ")
		doc.Title = strings.TrimSpace(strings.ReplaceAll(doc.Title, "\t", " "))
	}
	f := timing.Frame(rng.Intn(100000))
	n := 1 + rng.Intn(30)
	speakers := []string{"", "", "Anchor", "Guest & Co", "Ведущий"}
	for i := 0; i < n; i++ {
		f += timing.Frame(rng.Intn(3 * r.Nominal()))
		d := 1 + timing.Frame(rng.Intn(8*r.Nominal()))
		c := captions.Caption{Start: r.Duration(f), End: r.Duration(f + d), Row: rng.Intn(24) * rng.Intn(2), Align: captions.Align(rng.Intn(4))}
		for k := 0; k < 1+rng.Intn(3); k++ {
			var ws []string
			for j := 0; j < 1+rng.Intn(5); j++ {
				ws = append(ws, words[rng.Intn(len(words))])
			}
			c.Lines = append(c.Lines, captions.Line{
				Text:    strings.Join(ws, " "),
				Italic:  rng.Intn(3) == 0,
				Color:   captions.Color(rng.Intn(9)),
				Speaker: speakers[rng.Intn(len(speakers))],
			})
		}
		doc.Captions = append(doc.Captions, c)
	}
	return doc
}

// TestRoundTripAcrossFormats: model → IMSC → model → EBU-TT-D → model →
// IMSC gives the same model every time, exact to the nanosecond (times
// are whole frames, written to the millisecond and snapped back), and
// the same IMSC bytes.
func TestRoundTripAcrossFormats(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	rates := timing.SupportedRates()
	for i := 0; i < 300; i++ {
		r := rates[rng.Intn(len(rates))]
		doc := genDoc(rng, r)
		doc.TimeBase.Rate = r // both writers declare the rate they write at
		origin := r.Duration(timing.Frame(rng.Intn(2) * 3600 * r.Nominal()))
		for k := range doc.Captions {
			doc.Captions[k].Start += origin
			doc.Captions[k].End += origin
		}
		var a bytes.Buffer
		_, err := ttml.Write(&a, doc, ttml.WriteOptions{Rate: r, Origin: origin})
		require.NoError(t, err)
		fromTTML, warns, err := ttml.Read(bytes.NewReader(a.Bytes()), ttml.ReadOptions{Origin: origin, Strict: true})
		require.NoError(t, err)
		require.Empty(t, warns)
		require.Equal(t, doc, fromTTML, "IMSC round trip %d at %s:\n%s", i, r, a.String())

		var e bytes.Buffer
		_, err = ebuttd.Write(&e, fromTTML, ebuttd.WriteOptions{Rate: r, Origin: origin})
		require.NoError(t, err)
		fromEBU, warns, err := ebuttd.Read(bytes.NewReader(e.Bytes()), ebuttd.ReadOptions{Origin: origin, Strict: true})
		require.NoError(t, err)
		require.Empty(t, warns)
		require.Equal(t, doc, fromEBU, "EBU-TT-D round trip %d at %s:\n%s", i, r, e.String())

		var b bytes.Buffer
		_, err = ttml.Write(&b, fromEBU, ttml.WriteOptions{Rate: r, Origin: origin})
		require.NoError(t, err)
		require.Equal(t, a.String(), b.String())
		for k, c := range fromEBU.Captions {
			require.Equal(t, r.Frames(doc.Captions[k].Start), r.Frames(c.Start))
		}
	}
}

// TestRoundTripUnknownRate: without a declared rate, times come back
// within half a millisecond.
func TestRoundTripUnknownRate(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	doc := genDoc(rng, timing.Rate2997())
	var a bytes.Buffer
	_, err := ebuttd.Write(&a, doc, ebuttd.WriteOptions{})
	require.NoError(t, err)
	got, _, err := ttml.Read(&a, ttml.ReadOptions{})
	require.NoError(t, err)
	require.Len(t, got.Captions, len(doc.Captions))
	for i, c := range got.Captions {
		require.InDelta(t, float64(doc.Captions[i].Start), float64(c.Start), float64(500*time.Microsecond))
		c.Start, c.End = doc.Captions[i].Start, doc.Captions[i].End
		require.Equal(t, doc.Captions[i], c)
	}
}
