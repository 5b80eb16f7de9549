package stl

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/asticode/go-astisub"
	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// readAstisub reads an STL file with go-astisub v0.45.0, turning a panic
// into an error (it panics on some inputs).
func readAstisub(b []byte) (s *astisub.Subtitles, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("go-astisub panicked: %v", r)
		}
	}()
	return astisub.ReadFromSTL(bytes.NewReader(b), astisub.STLOptions{IgnoreTimecodeStartOfProgramme: true})
}

// TestAstisubSecondOpinion: go-astisub's reader (which decodes Teletext
// control codes and ISO 6937 well) sees our cues, text and times. It reads
// each TTI block as a cue and knows only 25 and 30 fps, so the captions
// here fit one block each and run at 25 fps.
func TestAstisubSecondOpinion(t *testing.T) {
	r := timing.Rate25()
	doc := captions.Document{Language: "fr", Captions: []captions.Caption{
		cap1(at(r, false, 10, 0, 0, 1), at(r, false, 10, 0, 2, 24), "Ça coûte cher à l’État", "« Non », dit-il."),
		{Start: at(r, false, 10, 0, 3, 0), End: at(r, false, 10, 0, 4, 13), Lines: []captions.Line{{Text: "Zoë et Noël", Speaker: "A"}, {Text: "Straße – Łódź", Speaker: "B"}}},
		cap1(at(r, false, 10, 0, 5, 0), at(r, false, 10, 0, 6, 0), "Fin…"),
	}}
	b, _ := mustEncode(t, doc, Options{Rate: r, Start: 10 * time.Hour, SpeakerColors: true})
	s, err := readAstisub(b)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Ça coûte cher à l’État", "« Non », dit-il."}, {"Zoë et Noël", "Straße - Łódź"}, {"Fin..."}}
	if len(s.Items) != len(want) {
		t.Fatalf("go-astisub read %d items, want %d", len(s.Items), len(want))
	}
	for i, it := range s.Items {
		var got []string
		for _, l := range it.Lines {
			got = append(got, strings.TrimSpace(l.String()))
		}
		if strings.Join(got, "|") != strings.Join(want[i], "|") {
			t.Errorf("item %d: %q, want %q", i+1, got, want[i])
		}
		if it.StartAt != doc.Captions[i].Start || it.EndAt != doc.Captions[i].End {
			t.Errorf("item %d: %v–%v, want %v–%v", i+1, it.StartAt, it.EndAt, doc.Captions[i].Start, doc.Captions[i].End)
		}
	}
	// The second speaker's colour: yellow.
	if it := s.Items[1].Lines[1].Items[0]; it.InlineStyle == nil || it.InlineStyle.TeletextColor == nil || *it.InlineStyle.TeletextColor != *astisub.ColorYellow {
		t.Errorf("second speaker's colour not yellow: %+v", it.InlineStyle)
	}
}

// TestAstisubWriterDefects demonstrates, on go-astisub v0.45.0, the STL
// writer defects shared/guides/ebu-stl.md lists — why sotcap writes its own.
// If a future go-astisub fixes one, this test says so.
func TestAstisubWriterDefects(t *testing.T) {
	s := astisub.NewSubtitles()
	long := strings.Repeat("abcdefghij", 13) // 130 bytes of text
	for i, text := range []string{"Wait — no – yes", long, "Haftar"} {
		s.Items = append(s.Items, &astisub.Item{
			StartAt: time.Duration(i+1) * time.Second, EndAt: time.Duration(i+1)*time.Second + 500*time.Millisecond,
			Lines: []astisub.Line{{Items: []astisub.LineItem{{Text: text}}}},
		})
	}
	s.Metadata = &astisub.Metadata{Title: "Haftar à Moscou", Framerate: 25, Language: astisub.LanguageEnglish}
	var buf bytes.Buffer
	if err := s.WriteToSTL(&buf); err != nil {
		t.Fatalf("go-astisub WriteToSTL: %v", err)
	}
	b := buf.Bytes()
	if len(b) < gsiSize+3*ttiSize {
		t.Fatalf("%d bytes", len(b))
	}
	tf := func(k int) []byte { return b[gsiSize+k*ttiSize+16 : gsiSize+(k+1)*ttiSize] }

	// 1. "—" and "–" written as bytes 14 and 13, Teletext mosaic colour codes.
	if !bytes.Contains(tf(0), []byte{0x14}) || !bytes.Contains(tf(0), []byte{0x13}) {
		t.Errorf("defect gone? em/en dash no longer written as 14/13: % x", tf(0)[:24])
	}
	// Ours: mapped to "-".
	ours, err := EncodeText(TableLatin, "Wait — no – yes")
	if err != nil || bytes.ContainsAny(ours, "\x13\x14") {
		t.Errorf("our encoding % x %v", ours, err)
	}

	// 2. Text over 112 bytes cut silently: no extension block, the tail lost.
	n := (len(b) - gsiSize) / ttiSize
	if n != 3 {
		t.Errorf("defect gone? %d TTI blocks for 3 short items (extension blocks now written?)", n)
	}
	if bytes.Contains(tf(1), []byte("hij\x8f")) || bytes.Count(b, []byte("abcdefghij")) >= 13 {
		t.Errorf("defect gone? the 130-byte text survived")
	}

	// 3. GSI title written as UTF-8, not CP850 (à would be 0x85).
	if !bytes.Contains(b[fOPT.off:fOPT.end], []byte("à")) {
		t.Errorf("defect gone? OPT % x", b[fOPT.off:fOPT.end])
	}
	// 4. CO blank.
	if strings.TrimSpace(string(b[fCO.off:fCO.end])) != "" {
		t.Errorf("defect gone? CO %q", b[fCO.off:fCO.end])
	}
	// 5. One start box and no double height, no end box: the row starts 0B, not 0D 0B 0B.
	if bytes.HasPrefix(tf(2), []byte{0x0D, 0x0B, 0x0B}) {
		t.Errorf("defect gone? row starts % x", tf(2)[:4])
	}
	t.Logf("go-astisub TF of \"Wait — no – yes\": % x", bytes.TrimRight(tf(0), "\x8f"))
}

// TestAstisubSplitsExtensionBlocks: go-astisub's reader does not join
// extension blocks (each becomes a cue), so it is a second opinion only for
// one-block captions; ttconv checks the rest.
func TestAstisubSplitsExtensionBlocks(t *testing.T) {
	long := "Éèêë àâä ôö ûü ç ÉÈÊË ÀÂÄ ÔÖ ÛÜ Ç ß"
	doc := captions.Document{Language: "fr", Captions: []captions.Caption{cap1(time.Second, 3*time.Second, long, long, long)}}
	b, _ := mustEncode(t, doc, Options{Rate: timing.Rate25()})
	s, err := readAstisub(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Items) == 1 {
		t.Log("go-astisub now joins extension blocks")
	} else {
		t.Logf("go-astisub read one 3-row caption in %d blocks as %d cues", (len(b)-gsiSize)/ttiSize, len(s.Items))
	}
	f, err := Decode(b, ReadOptions{})
	if err != nil || len(f.Document.Captions) != 1 {
		t.Fatalf("ours: %v %v", err, f)
	}
}
