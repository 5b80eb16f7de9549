package stl

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// seedFiles are real files from our writer: every table, both display
// standards, extension blocks, drop frame.
func seedFiles(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	long := "Éèêë àâä ôö ûü ç ÉÈÊË ÀÂÄ ÔÖ ÛÜ Ç ß"
	add := func(name string, doc captions.Document, o Options) {
		b, _ := mustEncode(t, doc, o)
		out[name] = b
	}
	r := timing.Rate25()
	add("latin_teletext", captions.Document{Title: "Haftar", Language: "fr", Captions: []captions.Caption{
		cap1(time.Second, 2*time.Second, "Ça “va” – oui…", "« Non »"),
		cap1(3*time.Second, 5*time.Second, long, long, long),
		{Start: 6 * time.Second, End: 7 * time.Second, Lines: []captions.Line{{Text: "A", Speaker: "a"}, {Text: "B", Speaker: "b", Color: captions.ColorRed}}, Align: captions.AlignLeft, Row: 3},
	}}, Options{Rate: r, SpeakerColors: true, Start: time.Second})
	add("open_italic", captions.Document{Language: "en", Captions: []captions.Caption{
		{Start: time.Second, End: 2 * time.Second, Lines: []captions.Line{{Text: "Off screen", Italic: true}, {Text: strings.Repeat("é", 60)}}},
	}}, Options{Rate: r, DisplayStandard: OpenSubtitling})
	for _, s := range []struct{ lang, text string }{{"ru", "Хафтар в Москве"}, {"ar", "حفتر في موسكو"}, {"el", "Καλημέρα"}, {"he", "שלום לכולם"}} {
		add("table_"+s.lang, captions.Document{Language: s.lang, Captions: []captions.Caption{cap1(time.Hour, time.Hour+time.Second, s.text, s.text)}}, Options{Rate: r})
	}
	r = timing.Rate2997()
	add("df2997", sampleDoc(r, true), Options{Rate: r, DropFrame: true})
	return out
}

// TestWriteFuzzSeeds regenerates testdata/fuzz/FuzzRead from seedFiles
// when STL_WRITE_SEEDS=1.
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("STL_WRITE_SEEDS") != "1" {
		t.Skip("set STL_WRITE_SEEDS=1 to regenerate the fuzz seed corpus")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzRead")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range seedFiles(t) {
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		if err := os.WriteFile(filepath.Join(dir, "seed_"+name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzRead: the reader never panics, errors are ParseErrors, and what it
// reads our writer can write back and read again to the same text.
func FuzzRead(f *testing.F) {
	for _, b := range seedFiles(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// Every mode: what Strict reads, the default reads alike, and what
		// the default reads, Lenient reads alike.
		strict, serr := Decode(data, ReadOptions{Strict: true})
		lenient, lerr := Decode(data, ReadOptions{Lenient: true})
		file, err := Decode(data, ReadOptions{})
		if err != nil {
			if file != nil {
				t.Fatal("file and error")
			}
			if serr == nil {
				t.Fatalf("strict read it, default did not: %v", err)
			}
			return
		}
		if lerr != nil || len(lenient.Document.Captions) != len(file.Document.Captions) {
			t.Fatalf("lenient: %v", lerr)
		}
		if serr == nil && len(strict.Document.Captions) != len(file.Document.Captions) {
			t.Fatalf("strict read %d captions, default %d", len(strict.Document.Captions), len(file.Document.Captions))
		}
		if file.Rate == timing.Rate50() {
			return // written back at 25 fps labels
		}
		dsc := Teletext1
		if file.GSI.DSC == OpenSubtitling {
			dsc = OpenSubtitling
		}
		doc := file.Document
		b, _, err := Encode(doc, Options{Rate: file.Rate, DropFrame: file.DropFrame, Country: "GBR", Created: fixed,
			CharacterTable: file.GSI.CCT, DisplayStandard: dsc})
		if err != nil {
			return // e.g. a row too long for Teletext, captions out of order
		}
		back, err := Decode(b, ReadOptions{Rate: file.Rate, DropFrame: file.DropFrame})
		if err != nil {
			t.Fatalf("reading what we wrote: %v", err)
		}
		if len(back.Document.Captions) != len(doc.Captions) {
			t.Fatalf("%d captions back, %d written", len(back.Document.Captions), len(doc.Captions))
		}
		for i, c := range doc.Captions {
			g := back.Document.Captions[i]
			if c.Start != g.Start || c.End != g.End {
				t.Fatalf("caption %d: %v–%v back as %v–%v", i+1, c.Start, c.End, g.Start, g.End)
			}
			if len(c.Lines) != len(g.Lines) {
				t.Fatalf("caption %d: %q back as %q", i+1, c.Text(), g.Text())
			}
			for j := range c.Lines {
				if strings.Join(strings.Fields(c.Lines[j].Text), " ") != g.Lines[j].Text {
					t.Fatalf("caption %d line %d: %q back as %q", i+1, j+1, c.Lines[j].Text, g.Lines[j].Text)
				}
			}
		}
	})
}

// FuzzTextField: the text-field decoder (control codes, diacritics, every
// table) never panics, and the rows it reads encode and decode back to
// themselves.
func FuzzTextField(f *testing.F) {
	for _, b := range seedFiles(f) {
		cct := b[fCCT.off+1] - '0'
		for p := gsiSize; p+ttiSize <= len(b); p += ttiSize {
			f.Add(b[p+16:p+ttiSize], cct, b[fDSC.off])
		}
	}
	f.Fuzz(func(t *testing.T, tf []byte, cct byte, dsc byte) {
		table := TableLatin + CharacterTable(cct%5)
		ds, ok := ParseDisplayStandard(dsc)
		if !ok {
			ds = Teletext1
		}
		lines, _, err := decodeTF(tf, table, ds, true)
		if err != nil {
			return
		}
		for _, l := range lines {
			if l.Text == "" || l.Text != strings.TrimSpace(l.Text) {
				t.Fatalf("row %q not trimmed", l.Text)
			}
			enc, err := EncodeText(table, l.Text)
			if err != nil {
				t.Fatalf("row %q read from table %v cannot be written back: %v", l.Text, table, err)
			}
			back, _, err := decodeTF(enc, table, OpenSubtitling, true)
			if err != nil || len(back) != 1 || back[0].Text != l.Text {
				t.Fatalf("row %q: encoded % x, decoded %+v %v", l.Text, enc, back, err)
			}
		}
	})
}
