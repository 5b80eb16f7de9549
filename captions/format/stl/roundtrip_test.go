package stl

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// rateCase is one programme rate and how its labels look.
type rateCase struct {
	name string
	rate timing.Rate
	drop bool
	dfc  string
}

func rateCases() []rateCase {
	return []rateCase{
		{"25", timing.Rate25(), false, "STL25.01"},
		{"29.97DF", timing.Rate2997(), true, "STL30.01"},
		{"29.97NDF", timing.Rate2997(), false, "STL30.01"},
		{"30", timing.Rate30(), false, "STL30.01"},
		{"50", timing.Rate50(), false, "STL25.01"},
		{"59.94DF", timing.Rate5994(), true, "STL30.01"},
		{"23.976", timing.Rate23976(), false, "STL23.01"},
		{"24", timing.Rate24(), false, "STL24.01"},
	}
}

// labelRate is the rate the labels of a programme at r count at.
func labelRate(r timing.Rate) timing.Rate {
	switch r {
	case timing.Rate50():
		return timing.Rate25()
	case timing.Rate5994():
		return timing.Rate2997()
	case timing.Rate60():
		return timing.Rate30()
	case timing.Rate48():
		return timing.Rate24()
	}
	return r
}

// readOptsFor tells the reader what the file cannot.
func readOptsFor(rc rateCase) ReadOptions {
	return ReadOptions{Rate: labelRate(rc.rate), DropFrame: rc.drop}
}

// sampleDoc has captions across a programme starting at 10:00:00:00 that
// hit minute boundaries (where drop-frame labels skip).
func sampleDoc(r timing.Rate, drop bool) captions.Document {
	lr := labelRate(r)
	tc := func(h, m, s, f int) time.Duration { return at(lr, drop, h, m, s, f) }
	return captions.Document{Title: "Haftar in Moscow", Language: "en-GB", Captions: []captions.Caption{
		cap1(tc(10, 0, 0, 2), tc(10, 0, 2, 10), "We are here to talk", "about the future."),
		cap1(tc(10, 0, 59, 20), tc(10, 1, 0, 4), "Across a minute boundary."),
		cap1(tc(10, 9, 59, 2), tc(10, 10, 0, 0), "Just before ten minutes."),
		cap1(tc(10, 10, 0, 0), tc(10, 10, 3, 1), "On the tenth minute."),
		cap1(tc(23, 59, 58, 0), tc(23, 59, 59, lr.Nominal()-1), "The last label of the day."),
	}}
}

// TestRoundTripRates writes and reads back at every rate: same captions, to
// the frame, and the right DFC.
func TestRoundTripRates(t *testing.T) {
	for _, rc := range rateCases() {
		t.Run(rc.name, func(t *testing.T) {
			doc := sampleDoc(rc.rate, rc.drop)
			b, warns := mustEncode(t, doc, Options{Rate: rc.rate, DropFrame: rc.drop, Start: doc.Captions[0].Start})
			if got := string(b[3:11]); got != rc.dfc {
				t.Errorf("DFC %q, want %q", got, rc.dfc)
			}
			nonStd := rc.dfc != "STL25.01" && rc.dfc != "STL30.01"
			if hasWarning(warns, "DFC") != nonStd {
				t.Errorf("DFC warning %v, want %v: %v", hasWarning(warns, "DFC"), nonStd, warns)
			}
			f, err := Decode(b, readOptsFor(rc))
			if err != nil {
				t.Fatal(err)
			}
			sameCaptions(t, labelRate(rc.rate), doc.Captions, f.Document.Captions)
			if f.DropFrame != rc.drop {
				t.Errorf("DropFrame %v, want %v", f.DropFrame, rc.drop)
			}
		})
	}
}

// TestDropFrameLabels checks the bytes of TCI/TCO at 29.97 DF: the frame
// after 00:00:59;29 is labelled 00:01:00;02.
func TestDropFrameLabels(t *testing.T) {
	r := timing.Rate2997()
	start := r.Duration(1799) // 00:00:59;29
	end := r.Duration(1800)   // 00:01:00;02
	doc := captions.Document{Language: "en", Captions: []captions.Caption{cap1(start, end+r.Duration(30), "x")}}
	b, _ := mustEncode(t, doc, Options{Rate: r, DropFrame: true})
	tti := b[gsiSize:]
	if got := tti[5:9]; !bytes.Equal(got, []byte{0, 0, 59, 29}) {
		t.Errorf("TCI % x", got)
	}
	if got := tti[9:13]; !bytes.Equal(got, []byte{0, 1, 1, 2}) {
		t.Errorf("TCO % x, want 00 01 01 02", got)
	}
	// Without drop frame the same frames are 00:00:59:29 and 00:01:01:00.
	b, _ = mustEncode(t, doc, Options{Rate: r})
	if got := b[gsiSize+9 : gsiSize+13]; !bytes.Equal(got, []byte{0, 1, 1, 0}) {
		t.Errorf("NDF TCO % x, want 00 01 01 00", got)
	}
	// STL30.01 with a label drop frame skips (00:01:00:01) is read as non-drop.
	doc.Captions[0].End = r.Duration(1801)
	b, _ = mustEncode(t, doc, Options{Rate: r})
	f, err := Decode(b, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if f.DropFrame {
		t.Error("00:01:00:01 read as drop frame")
	}
}

// TestNearestFrame: times are snapped to the nearest frame, never floored.
func TestNearestFrame(t *testing.T) {
	r := timing.Rate30()
	// 1.0333 s is frame 31 exactly; 1.0499 s is nearer 31 than 32.
	doc := captions.Document{Language: "en", Captions: []captions.Caption{
		cap1(r.Duration(31), 1049900*time.Microsecond+time.Second, "x"),
	}}
	doc.Captions[0].End = time.Second + 66*time.Millisecond // frame 31.98 -> 32
	b, _ := mustEncode(t, doc, Options{Rate: r})
	if got := b[gsiSize+5 : gsiSize+13]; !bytes.Equal(got, []byte{0, 0, 1, 1, 0, 0, 1, 2}) {
		t.Errorf("TCI/TCO % x, want 00 00 01 01 00 00 01 02", got)
	}
}

// scripts are texts in every table, after the documented mappings where
// the input has characters the table lacks.
func TestRoundTripScripts(t *testing.T) {
	cases := []struct {
		lang  string
		table string
		lines []string
		want  []string // after mappings; nil = same
	}{
		{"fr", "00", []string{"Ça coûte 5 € à l’État « libre »", "Ñandú, Łódź, Øre, Œuvre, straße"}, []string{"Ça coûte 5 EUR à l’État « libre »", "Ñandú, Łódź, Øre, Œuvre, straße"}},
		{"en", "00", []string{"“Quoted” and ‘single’ — dash – en…", "$100, #1, 50% & £20 ―"}, []string{"“Quoted” and ‘single’ - dash - en...", "$100, #1, 50% & £20 ―"}},
		{"cs", "00", []string{"Příliš žluťoučký kůň úpěl", "ďábelské ódy ŇŤĎ"}, nil},
		{"ru", "01", []string{"Хафтар прибыл в Москву.", "«Мы говорим — о будущем»"}, []string{"Хафтар прибыл в Москву.", "\"Мы говорим - о будущем\""}},
		{"ar", "02", []string{"نحن هنا للحديث عن المستقبل،", "قال حفتر في موسكو؟"}, nil},
		{"el", "03", []string{"Καλημέρα σας, κύριε Πρόεδρε.", "«Ευχαριστώ» πολύ!"}, nil},
		{"he", "04", []string{"שלום לכולם", "אנחנו במוסקבה."}, nil},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			r := timing.Rate25()
			doc := captions.Document{Language: c.lang, Captions: []captions.Caption{cap1(time.Hour, time.Hour+3*time.Second, c.lines...)}}
			b, _ := mustEncode(t, doc, Options{Rate: r})
			if got := string(b[12:14]); got != c.table {
				t.Errorf("CCT %s, want %s", got, c.table)
			}
			f, err := Decode(b, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want := doc
			if c.want != nil {
				want.Captions = []captions.Caption{cap1(time.Hour, time.Hour+3*time.Second, c.want...)}
			}
			sameCaptions(t, r, want.Captions, f.Document.Captions)
			if f.Document.Language != strings.SplitN(c.lang, "-", 2)[0] {
				t.Errorf("language %q", f.Document.Language)
			}
		})
	}
}

// TestDecomposedInput: é written as e + U+0301 is written as é.
func TestDecomposedInput(t *testing.T) {
	b, err := EncodeText(TableLatin, "cafe\u0301")
	if err != nil || !bytes.Equal(b, []byte{'c', 'a', 'f', 0xC2, 'e'}) {
		t.Fatalf("% x %v", b, err)
	}
}

// TestExtensionBlocks: a three-row Teletext caption needs more than one
// text field; it continues in extension blocks EBN 00, … FF, split at a
// row, and reads back whole.
func TestExtensionBlocks(t *testing.T) {
	r := timing.Rate25()
	long := "Éèêë àâä ôö ûü ç ÉÈÊË ÀÂÄ ÔÖ ÛÜ Ç ß" // accented: two bytes each
	doc := captions.Document{Language: "fr", Captions: []captions.Caption{
		cap1(time.Second, 3*time.Second, "short"),
		cap1(4*time.Second, 8*time.Second, long, long, long),
		cap1(9*time.Second, 10*time.Second, "after"),
	}}
	b, _ := mustEncode(t, doc, Options{Rate: r})
	n := (len(b) - gsiSize) / ttiSize
	if n <= 3 {
		t.Fatalf("%d blocks: no extension blocks", n)
	}
	var ebns []byte
	for k := 0; k < n; k++ {
		blk := b[gsiSize+k*ttiSize:]
		if sn := int(blk[1]) | int(blk[2])<<8; sn == 2 {
			ebns = append(ebns, blk[3])
			if blk[3] != 0xFF && blk[16] != 0x0D && blk[16] != 0x8A {
				t.Errorf("block %d starts % x: not split at a row", k+1, blk[16:20])
			}
		}
	}
	want := []byte{0, 1, 0xFF}
	if len(ebns) == 2 {
		want = []byte{0, 0xFF}
	}
	if !bytes.Equal(ebns, want) {
		t.Errorf("EBNs % x, want % x", ebns, want)
	}
	if got := string(b[fTNB.off:fTNB.end]); got != fmt.Sprintf("%05d", n) {
		t.Errorf("TNB %s, want %05d", got, n)
	}
	if got := string(b[fTNS.off:fTNS.end]); got != "00003" {
		t.Errorf("TNS %s", got)
	}
	f, err := Decode(b, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sameCaptions(t, r, doc.Captions, f.Document.Captions)
}

// TestLongOpenSubtitleRow: an open-subtitle row longer than a text field is
// split mid-row (never between a diacritic and its letter) and reads back.
func TestLongOpenSubtitleRow(t *testing.T) {
	r := timing.Rate25()
	row := strings.Repeat("é", 56) + strings.Repeat("a", 30) // 112 bytes + 30: first split falls after a pair
	doc := captions.Document{Language: "fr", Captions: []captions.Caption{cap1(time.Second, 3*time.Second, "a"+row)}}
	b, _ := mustEncode(t, doc, Options{Rate: r, DisplayStandard: OpenSubtitling})
	f, err := Decode(b, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sameCaptions(t, r, doc.Captions, f.Document.Captions)
	if b[gsiSize+3] != 0 {
		t.Errorf("first EBN %x", b[gsiSize+3])
	}
}

// TestManyCaptions: the most captions a file can number round-trip, one
// more is refused, and so are 100,000.
func TestManyCaptions(t *testing.T) {
	r := timing.Rate25()
	doc := manyCaptions(MaxSubtitles)
	b, _ := mustEncode(t, doc, Options{Rate: r})
	if len(b) != gsiSize+ttiSize*MaxSubtitles {
		t.Fatalf("%d bytes", len(b))
	}
	last := b[len(b)-ttiSize:]
	if sn := int(last[1]) | int(last[2])<<8; sn != MaxSubtitles {
		t.Errorf("last SN %d", sn)
	}
	f, err := Decode(b, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sameCaptions(t, r, doc.Captions, f.Document.Captions)
	for _, n := range []int{MaxSubtitles + 1, 100000} {
		var buf bytes.Buffer
		_, err := Write(&buf, manyCaptions(n), Options{Rate: r, Country: "GBR"})
		if !errors.Is(err, ErrTooMany) {
			t.Errorf("%d captions: err %v, want ErrTooMany", n, err)
		}
		if buf.Len() != 0 {
			t.Errorf("%d captions: %d bytes written", n, buf.Len())
		}
	}
}

func manyCaptions(n int) captions.Document {
	r := timing.Rate25()
	doc := captions.Document{Language: "en", Captions: make([]captions.Caption, n)}
	for i := range doc.Captions {
		doc.Captions[i] = captions.Caption{
			Start: r.Duration(timing.Frame(i) * 30), End: r.Duration(timing.Frame(i)*30 + 25),
			Lines: []captions.Line{{Text: fmt.Sprintf("Caption number %d", i+1)}, {Text: "with a “second” line"}},
		}
	}
	return doc
}

// TestSpeakerColorsAndStyles: speakers get Teletext colours in order of
// appearance, explicit colours win; open subtitling carries italics.
func TestSpeakerColorsAndStyles(t *testing.T) {
	r := timing.Rate25()
	doc := captions.Document{Language: "en", Captions: []captions.Caption{
		{Start: time.Second, End: 2 * time.Second, Lines: []captions.Line{{Text: "Anchor", Speaker: "A"}, {Text: "Guest", Speaker: "B"}}},
		{Start: 3 * time.Second, End: 4 * time.Second, Lines: []captions.Line{{Text: "Third", Speaker: "C"}, {Text: "Red", Speaker: "A", Color: captions.ColorRed}}},
	}}
	b, _ := mustEncode(t, doc, Options{Rate: r, SpeakerColors: true})
	f, err := Decode(b, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []captions.Color
	for _, c := range f.Document.Captions {
		for _, l := range c.Lines {
			got = append(got, l.Color)
		}
	}
	want := []captions.Color{captions.ColorDefault, captions.ColorYellow, captions.ColorCyan, captions.ColorRed}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("colours %v, want %v", got, want)
	}
	if !bytes.HasPrefix(b[gsiSize+16:], []byte{0x0D, 0x0B, 0x0B, 'A'}) {
		t.Errorf("first row % x", b[gsiSize+16:gsiSize+24])
	}

	// Open subtitling: italics as 80/81, single 8A between rows.
	doc = captions.Document{Language: "en", Captions: []captions.Caption{
		{Start: time.Second, End: 2 * time.Second, Lines: []captions.Line{{Text: "Off screen", Italic: true}, {Text: "On screen"}}},
	}}
	b, warns := mustEncode(t, doc, Options{Rate: r, DisplayStandard: OpenSubtitling})
	if b[fDSC.off] != '0' {
		t.Errorf("DSC %q", b[fDSC.off])
	}
	wantTF := append([]byte{0x80}, "Off screen"...)
	wantTF = append(wantTF, 0x81, 0x8A)
	wantTF = append(wantTF, "On screen"...)
	if !bytes.HasPrefix(b[gsiSize+16:], append(wantTF, 0x8F)) {
		t.Errorf("TF % x", b[gsiSize+16:gsiSize+40])
	}
	if len(warns) != 0 {
		t.Errorf("warnings %v", warns)
	}
	f, err = Decode(b, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sameCaptions(t, r, doc.Captions, f.Document.Captions)

	// Teletext cannot: the writer says so.
	_, warns = mustEncode(t, doc, Options{Rate: r})
	if !hasWarning(warns, "italic") {
		t.Errorf("no warning about italics in Teletext: %v", warns)
	}
}

// TestPositions: rows from the line count ending on row 22, JC from Align,
// an explicit Row kept.
func TestPositions(t *testing.T) {
	r := timing.Rate25()
	doc := captions.Document{Language: "en", Captions: []captions.Caption{
		cap1(1*time.Second, 2*time.Second, "one"),
		cap1(3*time.Second, 4*time.Second, "one", "two"),
		cap1(5*time.Second, 6*time.Second, "one", "two", "three"),
		{Start: 7 * time.Second, End: 8 * time.Second, Lines: []captions.Line{{Text: "top"}}, Row: 2, Align: captions.AlignLeft},
		{Start: 9 * time.Second, End: 10 * time.Second, Lines: []captions.Line{{Text: "right"}}, Align: captions.AlignRight},
	}}
	b, _ := mustEncode(t, doc, Options{Rate: r})
	wantVP := []byte{22, 20, 18, 2, 22}
	wantJC := []byte{2, 2, 2, 1, 3}
	for i := range wantVP {
		blk := b[gsiSize+i*ttiSize:]
		if blk[13] != wantVP[i] || blk[14] != wantJC[i] {
			t.Errorf("caption %d: VP %d JC %d, want %d %d", i+1, blk[13], blk[14], wantVP[i], wantJC[i])
		}
	}
	f, err := Decode(b, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sameCaptions(t, r, doc.Captions, f.Document.Captions)
}

func hasWarning(ws []captions.Warning, s string) bool {
	for _, w := range ws {
		if strings.Contains(w.Message, s) {
			return true
		}
	}
	return false
}

// TestHighRates: 60 and 48 fps write labels at 30 and 24 a second; a time
// on a frame between two labels goes to the nearest label, with a warning.
func TestHighRates(t *testing.T) {
	for _, c := range []struct {
		rate timing.Rate
		dfc  string
	}{{timing.Rate60(), "STL30.01"}, {timing.Rate48(), "STL24.01"}, {timing.Rate50(), "STL25.01"}} {
		doc := captions.Document{Language: "en", Captions: []captions.Caption{cap1(c.rate.Duration(timing.Frame(2*c.rate.Nominal())), c.rate.Duration(timing.Frame(4*c.rate.Nominal())), "even")}}
		b, warns := mustEncode(t, doc, Options{Rate: c.rate})
		if string(b[fDFC.off:fDFC.end]) != c.dfc || hasWarning(warns, "between two") {
			t.Errorf("%s: DFC %s, warnings %v", c.rate, b[fDFC.off:fDFC.end], warns)
		}
		if got := b[gsiSize+5 : gsiSize+9]; !bytes.Equal(got, []byte{0, 0, 2, 0}) {
			t.Errorf("%s: TCI % x, want 00 00 02 00", c.rate, got)
		}
		doc.Captions[0].Start = c.rate.Duration(timing.Frame(2*c.rate.Nominal() + 1))
		_, warns = mustEncode(t, doc, Options{Rate: c.rate})
		if !hasWarning(warns, "between two") {
			t.Errorf("%s: odd frame, no warning: %v", c.rate, warns)
		}
	}
}

// TestEmptyDocument: a document with no captions is a GSI block alone,
// TCF = TCP, and reads back empty.
func TestEmptyDocument(t *testing.T) {
	b, _ := mustEncode(t, captions.Document{Language: "en"}, Options{Rate: timing.Rate25(), Start: 10 * time.Hour})
	if len(b) != gsiSize || string(b[fTCF.off:fTCF.end]) != "10000000" || string(b[fTNB.off:fTNB.end]) != "00000" {
		t.Fatalf("%d bytes, TCF %s", len(b), b[fTCF.off:fTCF.end])
	}
	f, err := Decode(b, ReadOptions{})
	if err != nil || len(f.Document.Captions) != 0 || f.Start != 10*time.Hour {
		t.Fatalf("%v %+v", err, f)
	}
}
