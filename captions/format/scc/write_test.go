package scc

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// goldenDoc has a caption replaced by the next one on its end frame (no
// EDM), a one-frame gap (a single EDM), italics, colour, special and
// extended characters, a left-aligned caption on row 1.
func goldenDoc(t testing.TB) captions.Document {
	return captions.Document{Captions: []captions.Caption{
		{Start: at(t, "01:00:01;00"), End: at(t, "01:00:03;00"), Lines: lines("Hello")},
		{Start: at(t, "01:00:03;00"), End: at(t, "01:00:04;00"), Lines: []captions.Line{{Text: "Ça va?", Italic: true}, {Text: "½ £5", Color: captions.ColorYellow}}},
		{Start: at(t, "01:00:04;01"), End: at(t, "01:00:05;00"), Lines: lines("Left"), Align: captions.AlignLeft, Row: 1},
	}}
}

// The bytes, checked by hand: "Hello" is 5 cells, centred from column 13
// (PAC row 15 indent 12 = 94 76, TO1 = 97 a1); its 11 pairs end the frame
// before its EOC. Caption 2 (26 pairs) loads after caption 1's EOC and
// replaces it at 01:00:03;00 with no EDM; its first line is italic from
// column 13 (PAC row 14 indent 12, mid-row italics 91 ae), its second
// yellow (PAC 12 + TO1 + mid-row yellow 91 2a); Ç is C then 12 32; ½ and
// £ are special characters 11 32 and 11 36. Caption 3 loads before the
// single EDM at 01:00:04;00 (a one-frame gap) on row 1, column 0 (91 d0).
const golden = "Scenarist_SCC V1.0\r\n\r\n" +
	"01:00:00;19\t9420 9420 94ae 94ae 9476 9476 97a1 97a1 c8e5 ecec ef80\r\n\r\n" +
	"01:00:01;00\t942f 942f\r\n\r\n" +
	"01:00:02;04\t9420 9420 94ae 94ae 94d6 94d6 91ae 91ae 4380 9232 9232 6120 7661 bf80 9476 9476 97a1 97a1 912a 912a 9132 9132 2080 91b6 91b6 b580\r\n\r\n" +
	"01:00:03;00\t942f 942f\r\n\r\n" +
	"01:00:03;22\t9420 9420 94ae 94ae 91d0 91d0 4ce5 e6f4\r\n\r\n" +
	"01:00:04;00\t942c\r\n\r\n" +
	"01:00:04;01\t942f 942f\r\n\r\n" +
	"01:00:05;00\t942c 942c\r\n"

func TestWriteGolden(t *testing.T) {
	doc := goldenDoc(t)
	b, warns := mustEncode(t, doc, WriteOptions{})
	if string(b) != golden {
		t.Fatalf("wrote\n%q\nwant\n%q", b, golden)
	}
	if len(warns) != 0 {
		t.Errorf("warnings %v", warns)
	}
	var buf bytes.Buffer
	if _, err := Write(&buf, doc, WriteOptions{Rate: timing.Rate2997(), Channel: 1}); err != nil || buf.String() != golden {
		t.Fatalf("Write: %v", err)
	}
	f := mustDecode(t, b, ReadOptions{})
	sameCaptions(t, df, doc.Captions, f.Document.Captions)
	if f.Document.Captions[2].Row != 1 || f.Document.Captions[0].Row != 0 {
		t.Errorf("rows %d %d", f.Document.Captions[2].Row, f.Document.Captions[0].Row)
	}
	if len(f.Warnings) != 0 || !f.DropFrame || f.Rate != df {
		t.Errorf("read %v %v %v", f.Warnings, f.DropFrame, f.Rate)
	}
}

// TestLoadingTime: the data goes in the latest free frames before the
// caption, flows around the previous caption's EDM, and a caption whose
// data cannot be sent in time fails saying how many frames are missing.
func TestLoadingTime(t *testing.T) {
	// "Hello" takes 11 pairs: from frame 11 on there is room.
	ok := captions.Document{Captions: []captions.Caption{{Start: df.Duration(11), End: df.Duration(40), Lines: lines("Hello")}}}
	b, _ := mustEncode(t, ok, WriteOptions{})
	if !strings.Contains(string(b), "\n00:00:00;00\t9420") {
		t.Errorf("data not sent from frame 0:\n%s", b)
	}
	ok.Captions[0].Start = df.Duration(10)
	_, _, err := Encode(ok, WriteOptions{})
	var ce *captions.CaptionError
	if !errors.As(err, &ce) || ce.Caption != 1 || !errors.Is(err, ErrNoRoom) || !strings.Contains(err.Error(), "1 frame missing") {
		t.Fatalf("got %v", err)
	}

	// Caption 2 (11 pairs) after caption 1 (EOC at 100, 101; EDM at 105,
	// 106): 3 free frames before the EDM (102–104), the rest after it.
	two := captions.Document{Captions: []captions.Caption{
		{Start: df.Duration(100), End: df.Duration(105), Lines: lines("Hello")},
		{Start: df.Duration(115), End: df.Duration(130), Lines: lines("Hello")},
	}}
	b, _ = mustEncode(t, two, WriteOptions{})
	l := func(f timing.Frame) string { return timing.FormatTimecode(f, df, true) }
	for _, want := range []string{
		"\n" + l(100) + "\t942f 942f 9420 9420 94ae\r\n", // the load's first 3 pairs follow the EOC
		"\n" + l(105) + "\t942c 942c 94ae 9476 9476 97a1 97a1 c8e5 ecec ef80\r\n",
		"\n" + l(115) + "\t942f 942f\r\n",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("missing %q in\n%s", want, b)
		}
	}
	f := mustDecode(t, b, ReadOptions{})
	sameCaptions(t, df, two.Captions, f.Document.Captions)

	// The 11 frames 102–104 and 107–114 were just enough: one fewer fails.
	two.Captions[1].Start = df.Duration(114)
	_, _, err = Encode(two, WriteOptions{})
	if !errors.As(err, &ce) || ce.Caption != 2 || !strings.Contains(err.Error(), "its data takes 11 frames") || !strings.Contains(err.Error(), "only 10 frames are free") || !strings.Contains(err.Error(), "1 frame missing") {
		t.Fatalf("got %v", err)
	}
}

// TestDoubledCodesKeptTogether: a load split around the previous
// caption's EDM never parts a doubled code.
func TestDoubledCodesKeptTogether(t *testing.T) {
	// Caption 2's load is RCL RCL ENM ENM PAC PAC ® ®: with 1 frame after
	// the EDM (20, 21) the split would fall between the two ®.
	doc := captions.Document{Captions: []captions.Caption{
		{Start: df.Duration(11), End: df.Duration(20), Lines: lines("!")},
		{Start: df.Duration(23), End: df.Duration(83), Lines: lines("®"), Align: captions.AlignLeft},
	}}
	if _, _, err := Encode(doc, WriteOptions{}); !errors.Is(err, ErrNoRoom) {
		t.Fatalf("got %v", err)
	}
	doc.Captions[0].End = df.Duration(19)
	b, _ := mustEncode(t, doc, WriteOptions{})
	if !strings.Contains(string(b), "91b0 91b0 942c 942c\r\n") && !strings.Contains(string(b), "91b0 91b0\r\n") {
		t.Errorf("doubled code parted:\n%s", b)
	}
	sameCaptions(t, df, doc.Captions, mustDecode(t, b, ReadOptions{}).Document.Captions)
}

// TestShortCaptions: a one-frame caption and one-frame gaps send codes
// once; every frame round-trips.
func TestShortCaptions(t *testing.T) {
	doc := captions.Document{Captions: []captions.Caption{
		{Start: df.Duration(100), End: df.Duration(101), Lines: lines("A")},
		{Start: df.Duration(120), End: df.Duration(121), Lines: lines("B")},
		{Start: df.Duration(122), End: df.Duration(123), Lines: lines("C")},
		{Start: df.Duration(123), End: df.Duration(125), Lines: lines("D")},
	}}
	// Caption 3's load (10 pairs) does not fit after caption 2's EOC.
	if _, _, err := Encode(doc, WriteOptions{}); !errors.Is(err, ErrNoRoom) {
		t.Fatalf("got %v", err)
	}
	doc.Captions = append(doc.Captions[:2], doc.Captions[3])
	doc.Captions[2].Start = df.Duration(140)
	doc.Captions[2].End = df.Duration(141)
	b, _ := mustEncode(t, doc, WriteOptions{})
	sameCaptions(t, df, doc.Captions, mustDecode(t, b, ReadOptions{}).Document.Captions)
	if !strings.Contains(string(b), "\t942f\r\n") {
		t.Errorf("no single EOC:\n%s", b)
	}
}

func TestWriteErrors(t *testing.T) {
	base := func() captions.Document {
		return captions.Document{Captions: []captions.Caption{
			{Start: time.Hour, End: time.Hour + 2*time.Second, Lines: lines("First")},
			{Start: time.Hour + 3*time.Second, End: time.Hour + 5*time.Second, Lines: lines("Second")},
		}}
	}
	cases := []struct {
		name string
		edit func(d *captions.Document)
		want error
	}{
		{"33 characters", func(d *captions.Document) { d.Captions[1].Lines[0].Text = strings.Repeat("x", 33) }, ErrLineTooLong},
		{"33 after transliteration", func(d *captions.Document) { d.Captions[1].Lines[0].Text = strings.Repeat("x", 30) + "…" }, ErrLineTooLong},
		{"coloured italic 32", func(d *captions.Document) {
			d.Captions[1].Lines[0] = captions.Line{Text: strings.Repeat("x", 32), Italic: true, Color: captions.ColorRed}
		}, ErrLineTooLong},
		{"5 rows", func(d *captions.Document) { d.Captions[1].Lines = lines("a", "b", "c", "d", "e") }, ErrTooManyRows},
		{"no lines", func(d *captions.Document) { d.Captions[1].Lines = nil }, ErrNoText},
		{"blank line", func(d *captions.Document) { d.Captions[1].Lines = lines("a", "  ") }, ErrNoText},
		{"Arabic", func(d *captions.Document) { d.Captions[1].Lines[0].Text = "مرحبا" }, ErrCharacter},
		{"CJK", func(d *captions.Document) { d.Captions[1].Lines[0].Text = "ok 你好" }, ErrCharacter},
		{"overlap", func(d *captions.Document) { d.Captions[1].Start = d.Captions[0].End - time.Second }, ErrTiming},
		{"end before start", func(d *captions.Document) { d.Captions[1].End = d.Captions[1].Start }, ErrTiming},
		{"negative", func(d *captions.Document) { d.Captions[0].Start = -time.Second }, ErrTiming},
		{"24 hours", func(d *captions.Document) { d.Captions[1].End = 25 * time.Hour }, ErrTiming},
		{"row 24", func(d *captions.Document) { d.Captions[1].Row = 24 }, ErrTooManyRows},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := base()
			c.edit(&d)
			b, _, err := Encode(d, WriteOptions{})
			var ce *captions.CaptionError
			if !errors.Is(err, c.want) || !errors.As(err, &ce) || b != nil {
				t.Fatalf("got %v", err)
			}
			var buf bytes.Buffer
			if _, err := Write(&buf, d, WriteOptions{}); err == nil || buf.Len() != 0 {
				t.Fatalf("Write wrote %d bytes, err %v", buf.Len(), err)
			}
		})
	}
	for _, o := range []WriteOptions{{Rate: timing.Rate25()}, {Rate: timing.Rate5994()}, {Channel: 3}} {
		if _, _, err := Encode(base(), o); err == nil {
			t.Errorf("%+v accepted", o)
		}
	}
}

func TestTransliteration(t *testing.T) {
	doc := captions.Document{Captions: []captions.Caption{
		{Start: time.Hour, End: time.Hour + 2*time.Second, Lines: lines("“Łódź” – 5 € …", "Ğ ‘ok’ `x` *{|}~^_\\")},
		{Start: time.Hour + 3*time.Second, End: time.Hour + 5*time.Second, Lines: []captions.Line{{Text: "Black – text", Color: captions.ColorBlack}}},
	}}
	b, warns := mustEncode(t, doc, WriteOptions{})
	got := mustDecode(t, b, ReadOptions{}).Document.Captions
	want := []string{"“Lódz” - 5 EUR ...", "G 'ok' 'x' *{|}~^_\\", "Black - text"}
	if got[0].Lines[0].Text != want[0] || got[0].Lines[1].Text != want[1] || got[1].Lines[0].Text != want[2] || got[1].Lines[0].Color != captions.ColorDefault {
		t.Errorf("read back %q", show(got, df, true))
	}
	msgs := ""
	for _, w := range warns {
		msgs += w.Message + "\n"
	}
	for _, s := range []string{`'–' (U+2013): written as "-" 2 times, first in caption 1`, `'€' (U+20AC): written as "EUR"`, `'Ł'`, `'ź'`, "1 black lines written in white"} {
		if !strings.Contains(msgs, s) {
			t.Errorf("no warning %q in\n%s", s, msgs)
		}
	}
	if strings.Contains(msgs, "‘") || strings.Contains(msgs, "“") {
		t.Errorf("warned about a character 608 has:\n%s", msgs)
	}
	if Cells("  a  b … ") != 7 || Cells("ok ش") != -1 {
		t.Errorf("Cells %d %d", Cells("  a  b … "), Cells("ok ش"))
	}
}

// TestWriteOptions: CC2, non-drop-frame labels, 30 fps.
func TestWriteOptions(t *testing.T) {
	doc := goldenDoc(t)
	b, _ := mustEncode(t, doc, WriteOptions{Channel: 2})
	if !strings.Contains(string(b), "1c2f 1c2f") || strings.Contains(string(b), "942f") {
		t.Errorf("CC2:\n%s", b)
	}
	if f := mustDecode(t, b, ReadOptions{}); len(f.Document.Captions) != 0 || f.WarningCount == 0 {
		t.Errorf("CC1 reader read CC2: %v", f.Document.Captions)
	}
	sameCaptions(t, df, doc.Captions, mustDecode(t, b, ReadOptions{Channel: 2}).Document.Captions)

	b, _ = mustEncode(t, doc, WriteOptions{NonDrop: true})
	if !strings.Contains(string(b), "\n01:00:00:15\t") { // 01:00:01;00 DF is label 01:00:00:26 NDF less the load
		f := mustDecode(t, b, ReadOptions{})
		t.Logf("%s", show(f.Document.Captions, df, false))
	}
	f := mustDecode(t, b, ReadOptions{})
	if f.DropFrame || strings.Contains(string(b), ";") {
		t.Errorf("drop-frame labels in\n%s", b)
	}
	sameCaptions(t, df, doc.Captions, f.Document.Captions)

	r30 := timing.Rate30()
	doc30 := captions.Document{Captions: []captions.Caption{{Start: time.Hour, End: time.Hour + time.Second, Lines: lines("Thirty")}}}
	b, _ = mustEncode(t, doc30, WriteOptions{Rate: r30})
	if !strings.Contains(string(b), "\n01:00:00:00\t942f 942f") {
		t.Errorf("30 fps:\n%s", b)
	}
	sameCaptions(t, r30, doc30.Captions, mustDecode(t, b, ReadOptions{Rate: r30}).Document.Captions)
	if _, err := Decode(b, ReadOptions{Rate: timing.Rate25()}); err == nil {
		t.Error("read at 25")
	}
}

// TestLayout: rows, indents and alignment as PACs and tab offsets.
func TestLayout(t *testing.T) {
	one := func(c captions.Caption) string {
		c.Start, c.End = time.Hour, time.Hour+time.Second
		b, _ := mustEncode(t, captions.Document{Captions: []captions.Caption{c}}, WriteOptions{})
		s := string(b)
		i := strings.Index(s, "94ae 94ae ") + len("94ae 94ae ")
		return s[i : strings.Index(s[i:], "\r")+i]
	}
	cases := []struct {
		c    captions.Caption
		want string
	}{
		// 32 characters: column 0, row 15.
		{captions.Caption{Lines: lines(strings.Repeat("ab", 16))}, "9470 9470 " + strings.TrimSpace(strings.Repeat("6162 ", 16))},
		// Right: "ab" ends at column 32 (indent 28, TO2).
		{captions.Caption{Lines: lines("ab"), Align: captions.AlignRight}, "94fe 94fe 97a2 97a2 6162"},
		// Italic at column 0: the italics PAC, no mid-row cell.
		{captions.Caption{Lines: []captions.Line{{Text: "ab", Italic: true}}, Align: captions.AlignLeft}, "946e 946e 6162"},
		// Red at column 0: the red PAC.
		{captions.Caption{Lines: []captions.Line{{Text: "ab", Color: captions.ColorRed}}, Align: captions.AlignLeft}, "9468 9468 6162"},
		// Red italic, 31 characters: red PAC, italics mid-row code.
		{captions.Caption{Lines: []captions.Line{{Text: strings.Repeat("x", 31), Italic: true, Color: captions.ColorRed}}}, "9468 9468 91ae 91ae " + strings.TrimSpace(strings.Repeat("f8f8 ", 15)) + " f880"},
		// Two lines on Teletext row 1 → 608 rows 1 and 2, centred.
		{captions.Caption{Lines: lines("abcd", "ab"), Row: 1}, "91d6 91d6 97a2 97a2 6162 e364 9176 9176 9723 9723 6162"},
		// Teletext row 22 for three lines: rows 14–16 do not fit, moved up to 13–15.
		{captions.Caption{Lines: lines("a", "b", "c"), Row: 22}, "1376 1376 9723 9723 6180 94d6 94d6 9723 9723 6280 9476 9476 9723 9723 e380"},
	}
	for i, c := range cases {
		if got := one(c.c); got != c.want {
			t.Errorf("case %d: %s\nwant %s", i, got, c.want)
		}
	}
	for r := 1; r <= 15; r++ {
		if ceaRow(teletextRow(r)) != r {
			t.Errorf("row %d → %d → %d", r, teletextRow(r), ceaRow(teletextRow(r)))
		}
	}
}
