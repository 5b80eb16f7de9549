package scc

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

var df = timing.Rate2997()

// at returns the time of a label at 29.97 (drop-frame when it has ';').
func at(t testing.TB, label string) time.Duration {
	t.Helper()
	n, err := timing.ParseTimecode(label, df, false)
	if err != nil {
		t.Fatal(err)
	}
	return df.Duration(n)
}

func lines(texts ...string) []captions.Line {
	l := make([]captions.Line, len(texts))
	for i, s := range texts {
		l[i].Text = s
	}
	return l
}

func mustEncode(t testing.TB, doc captions.Document, o WriteOptions) ([]byte, []captions.Warning) {
	t.Helper()
	b, w, err := Encode(doc, o)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return b, w
}

func mustDecode(t testing.TB, b []byte, o ReadOptions) *File {
	t.Helper()
	f, err := Decode(b, o)
	if err != nil {
		t.Fatalf("Decode: %v\n%s", err, b)
	}
	return f
}

// show formats captions one a line with labels, for failures and goldens.
func show(caps []captions.Caption, r timing.Rate, drop bool) string {
	var sb strings.Builder
	for _, c := range caps {
		fmt.Fprintf(&sb, "%s %s", timing.FormatTimecode(r.Frames(c.Start), r, drop), timing.FormatTimecode(r.Frames(c.End), r, drop))
		if c.Row != 0 {
			fmt.Fprintf(&sb, " row=%d", c.Row)
		}
		fmt.Fprintf(&sb, " %s", [...]string{"default", "left", "center", "right"}[c.Align])
		for _, l := range c.Lines {
			sb.WriteString(" |")
			if l.Italic {
				sb.WriteString("/")
			}
			if l.Color != captions.ColorDefault {
				sb.WriteString("<" + l.Color.String() + ">")
			}
			sb.WriteString(l.Text)
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

// sameCaptions checks what was read against what was written: times to
// the frame, text (runs of spaces made one), italics, colours (white reads
// as the default), Row and Align where the writer keeps them.
func sameCaptions(t testing.TB, r timing.Rate, want, got []captions.Caption) {
	t.Helper()
	if len(want) != len(got) {
		t.Fatalf("read %d captions, wrote %d:\n%s", len(got), len(want), show(got, r, true))
	}
	for i := range want {
		w, g := want[i], got[i]
		if r.Frames(w.Start) != r.Frames(g.Start) || r.Frames(w.End) != r.Frames(g.End) {
			t.Errorf("caption %d: frames %d–%d, want %d–%d", i+1, r.Frames(g.Start), r.Frames(g.End), r.Frames(w.Start), r.Frames(w.End))
		}
		if len(w.Lines) != len(g.Lines) {
			t.Errorf("caption %d: %q, want %q", i+1, g.Text(), w.Text())
			continue
		}
		for j := range w.Lines {
			wl := w.Lines[j]
			wl.Speaker = ""
			wl.Text = strings.NewReplacer("’", "'", "‘", "'").Replace(collapseSpaces(wl.Text))
			if wl.Color == captions.ColorWhite || wl.Color == captions.ColorBlack {
				wl.Color = captions.ColorDefault
			}
			if wl != g.Lines[j] {
				t.Errorf("caption %d line %d: %+v, want %+v", i+1, j+1, g.Lines[j], wl)
			}
		}
		if w.Row != 0 && ceaRow(w.Row) != ceaRow(g.Row) {
			t.Errorf("caption %d: row %d, want %d", i+1, g.Row, w.Row)
		}
		// Centred lines read as AlignCenter; a left-aligned caption whose
		// lines are also centred (full rows) may too.
		wa := w.Align
		if wa == captions.AlignDefault {
			wa = captions.AlignCenter
		}
		if wa != g.Align && !(wa == captions.AlignLeft && g.Align == captions.AlignCenter) {
			t.Errorf("caption %d: align %d, want %d", i+1, g.Align, wa)
		}
	}
}

// words are caption words in 608's character sets, none repeating a pair
// of letters (ttconv drops a byte pair equal to the one before it).
var words = []string{
	"Haftar", "arrived", "in", "Moscow", "on", "Tuesday,", "café", "déjà", "vu", "Ñandú",
	"über", "Straße", "¿qué?", "¡sí!", "£20", "½", "50%", "l'État", "coûte", "été",
	"«oui»", "São", "Årø", "—", "#1", "($5)", "à", "ôte", "Ça", "won't",
}

// randomDoc returns n pop-on captions with room to load each, at rate r.
func randomDoc(rng *rand.Rand, n int, r timing.Rate) captions.Document {
	doc := captions.Document{Captions: make([]captions.Caption, 0, n)}
	f := timing.Frame(r.Nominal()) * 3600 // from 01:00:00
	colors := []captions.Color{captions.ColorDefault, captions.ColorDefault, captions.ColorYellow, captions.ColorCyan, captions.ColorGreen}
	for i := 0; i < n; i++ {
		nl := 1 + rng.IntN(3)
		c := captions.Caption{Lines: make([]captions.Line, nl)}
		for j := range c.Lines {
			var sb strings.Builder
			for sb.Len() < 12+rng.IntN(12) {
				if sb.Len() > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteString(words[rng.IntN(len(words))])
			}
			s := sb.String()
			for Cells(s) > 30 {
				s = s[:strings.LastIndexByte(s, ' ')]
			}
			c.Lines[j] = captions.Line{Text: s, Italic: rng.IntN(5) == 0, Color: colors[rng.IntN(len(colors))]}
		}
		switch rng.IntN(4) {
		case 0:
			c.Align = captions.AlignLeft
		case 1:
			c.Row = 2
		}
		f += 120 + timing.Frame(rng.IntN(3)*rng.IntN(40)) // room to load
		d := timing.Frame(30 + rng.IntN(90))
		c.Start, c.End = r.Duration(f), r.Duration(f+d)
		if rng.IntN(4) == 0 && i > 0 {
			// Back to back with the previous caption.
			p := &doc.Captions[i-1]
			p.End = c.Start
		}
		f += d
		doc.Captions = append(doc.Captions, c)
	}
	return doc
}
