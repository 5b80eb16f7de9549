package stl

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
	"github.com/stretchr/testify/assert"
)

// TestGSIFields checks every GSI field of a written file, byte by byte.
func TestGSIFields(t *testing.T) {
	r := timing.Rate25()
	doc := captions.Document{Title: "Haftar à Moscou", Language: "fr", Captions: []captions.Caption{
		cap1(at(r, false, 10, 0, 5, 3), at(r, false, 10, 0, 7, 0), "Bonjour à tous, mesdames", "et messieurs"),
		cap1(at(r, false, 10, 0, 8, 0), at(r, false, 10, 0, 9, 0), "Fin"),
	}}
	o := Options{Rate: r, Start: at(r, false, 10, 0, 0, 0), Country: "fra", Created: time.Date(2025, 3, 9, 12, 0, 0, 0, time.UTC),
		EpisodeTitle: "Épisode 1", Translator: "Zoë", Publisher: "Ruptly", Revision: 3}
	b, warns, err := Encode(doc, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	pad := func(s string, n int) string { return s + strings.Repeat(" ", n-len(s)) }
	want := map[gsiField]string{
		fCPN: "850", fDFC: "STL25.01", fDSC: "1", fCCT: "00", fLC: "0F",
		fOPT: pad("Haftar \x85 Moscou", 32), // à is 85 in CP850
		fOET: pad("\x90pisode 1", 32),       // É is 90
		fTPT: pad("", 32), fTN: pad("Zo\x89", 32),
		fCD: "250309", fRD: "250309", fRN: "03",
		fTNB: "00002", fTNS: "00002", fTNG: "001", fMNC: "24", fMNR: "23",
		fTCS: "1", fTCP: "10000000", fTCF: "10000503", fTND: "1", fDSN: "1", fCO: "FRA",
		fPUB: pad("Ruptly", 32),
	}
	for f, w := range want {
		if got := string(b[f.off:f.end]); got != w {
			t.Errorf("%s = %q, want %q", f.name, got, w)
		}
	}
	if rest := b[fECD.end:gsiSize]; !bytes.Equal(rest, bytes.Repeat([]byte{' '}, len(rest))) {
		t.Error("spare and user area not space-padded")
	}
	g, _, err := decodeGSI(b[:gsiSize])
	if err != nil {
		t.Fatal(err)
	}
	if g.OPT != doc.Title || g.OET != "Épisode 1" || g.TN != "Zoë" {
		t.Errorf("decoded titles %q %q %q", g.OPT, g.OET, g.TN)
	}
	// Same options, same bytes.
	b2, _, _ := Encode(doc, o)
	if !bytes.Equal(b, b2) {
		t.Error("output not deterministic with Created set")
	}
}

// TestLanguageCodes checks Appendix 3 codes and tables from BCP 47 tags.
func TestLanguageCodes(t *testing.T) {
	cases := []struct {
		tag, lc string
		table   CharacterTable
	}{
		{"en", "09", TableLatin}, {"en-GB", "09", TableLatin}, {"de", "08", TableLatin}, {"es", "0A", TableLatin},
		{"fr", "0F", TableLatin}, {"it", "15", TableLatin}, {"ru", "56", TableCyrillic}, {"uk", "49", TableCyrillic},
		{"bg", "77", TableCyrillic}, {"sr", "24", TableCyrillic}, {"sr-Latn", "24", TableLatin}, {"ar", "7E", TableArabic},
		{"fa", "5A", TableArabic}, {"el", "70", TableGreek}, {"he", "6C", TableHebrew}, {"zh", "75", TableLatin},
		{"ja", "69", TableLatin}, {"ko", "65", TableLatin}, {"nl-BE", "2A", TableLatin}, {"nl", "1D", TableLatin},
		{"nb", "1E", TableLatin}, {"tr", "29", TableLatin}, {"pt-BR", "21", TableLatin}, {"zu", "45", TableLatin},
		{"prs", "73", TableArabic},
	}
	for _, c := range cases {
		lc, ok := LanguageCode(c.tag)
		if lc != c.lc || !ok {
			t.Errorf("LanguageCode(%q) = %s %v, want %s", c.tag, lc, ok, c.lc)
		}
		if tb := TableFor(c.tag); tb != c.table {
			t.Errorf("TableFor(%q) = %v, want %v", c.tag, tb, c.table)
		}
	}
	for _, tag := range []string{"", "tlh", "xx-invalid!", "fil"} {
		if lc, ok := LanguageCode(tag); ok || lc != "00" {
			t.Errorf("LanguageCode(%q) = %s %v, want 00 false", tag, lc, ok)
		}
	}
	if LanguageTag("56") != "ru" || LanguageTag("0F") != "fr" || LanguageTag("00") != "" || LanguageTag("30") != "" {
		t.Error("LanguageTag")
	}
	// An unknown language is written as 00 with a warning, never as another.
	doc := captions.Document{Language: "tlh", Captions: []captions.Caption{cap1(time.Second, 2*time.Second, "Qapla'")}}
	b, warns := mustEncode(t, doc, Options{Rate: timing.Rate25()})
	if string(b[fLC.off:fLC.end]) != "00" || !hasWarning(warns, "no Tech 3264 code") {
		t.Errorf("LC %q, warnings %v", b[fLC.off:fLC.end], warns)
	}
}

// TestCountry: CO from the option, else the language's region, never blank.
func TestCountry(t *testing.T) {
	doc := captions.Document{Language: "en-GB", Captions: []captions.Caption{cap1(time.Second, 2*time.Second, "x")}}
	b, warns, err := Encode(doc, Options{Rate: timing.Rate25(), Created: fixed})
	if err != nil || string(b[fCO.off:fCO.end]) != "GBR" || len(warns) != 0 {
		t.Errorf("en-GB: CO %q, %v, %v", b[fCO.off:fCO.end], warns, err)
	}
	doc.Language = "ar"
	b, warns, err = Encode(doc, Options{Rate: timing.Rate25(), Created: fixed})
	if err != nil || string(b[fCO.off:fCO.end]) != "EGY" || !hasWarning(warns, "implied") {
		t.Errorf("ar: CO %q, %v, %v", b[fCO.off:fCO.end], warns, err)
	}
	doc.Language = ""
	if _, _, err = Encode(doc, Options{Rate: timing.Rate25()}); err == nil || !strings.Contains(err.Error(), "country") {
		t.Errorf("no language, no country: %v", err)
	}
	if _, _, err = Encode(doc, Options{Rate: timing.Rate25(), Country: "UK"}); err == nil {
		t.Error("country UK accepted")
	}
}

// TestGSITitleCut: a long title is cut at 32 characters, never inside a
// character, with a warning; a title CP850 cannot carry is an error.
func TestGSITitleCut(t *testing.T) {
	doc := captions.Document{Title: strings.Repeat("é", 40), Language: "fr", Captions: []captions.Caption{cap1(time.Second, 2*time.Second, "x")}}
	b, warns := mustEncode(t, doc, Options{Rate: timing.Rate25()})
	if got := string(b[fOPT.off:fOPT.end]); got != strings.Repeat("\x82", 32) {
		t.Errorf("OPT %q", got)
	}
	if !hasWarning(warns, "OPT cut") {
		t.Errorf("warnings %v", warns)
	}
	doc.Title = "Хафтар"
	b, warns, err := Encode(doc, Options{Rate: timing.Rate25(), Country: "RUS"})
	if err != nil || !hasWarning(warns, "OPT left blank") || strings.TrimSpace(string(b[fOPT.off:fOPT.end])) != "" {
		t.Errorf("Cyrillic title: %q %v %v", b[fOPT.off:fOPT.end], warns, err)
	}
}

// TestBadDocuments: each is refused with an error naming the caption, and
// nothing is written.
func TestBadDocuments(t *testing.T) {
	r := timing.Rate25()
	ok := func() captions.Document {
		return captions.Document{Language: "en", Captions: []captions.Caption{
			cap1(time.Second, 2*time.Second, "one"), cap1(3*time.Second, 4*time.Second, "two"),
		}}
	}
	cases := []struct {
		name  string
		edit  func(d *captions.Document, o *Options)
		want  string
		capNo int
	}{
		{"out of order", func(d *captions.Document, o *Options) { d.Captions[1].Start = 500 * time.Millisecond }, "time order", 2},
		{"negative", func(d *captions.Document, o *Options) { d.Captions[0].Start = -time.Second }, "before 00:00:00:00", 1},
		{"end before start", func(d *captions.Document, o *Options) { d.Captions[1].End = 3 * time.Second }, "not after", 2},
		{"past 24h", func(d *captions.Document, o *Options) { d.Captions[1].End = 24 * time.Hour }, "24 hours", 2},
		{"empty caption", func(d *captions.Document, o *Options) { d.Captions[1].Lines = nil }, "no text", 2},
		{"empty line", func(d *captions.Document, o *Options) { d.Captions[1].Lines[0].Text = "   " }, "empty", 2},
		{"line break", func(d *captions.Document, o *Options) { d.Captions[0].Lines[0].Text = "a\nb" }, "line break", 1},
		{"unmappable", func(d *captions.Document, o *Options) { d.Captions[1].Lines[0].Text = "two 中文" }, "'中' (U+4E2D)", 2},
		{"arabic in latin", func(d *captions.Document, o *Options) { d.Captions[0].Lines[0].Text = "سلام" }, "U+0633", 1},
		{"latin accent in cyrillic", func(d *captions.Document, o *Options) { d.Language = "ru"; d.Captions[0].Lines[0].Text = "café" }, "U+00E9", 1},
		{"combining mark first", func(d *captions.Document, o *Options) { d.Captions[0].Lines[0].Text = "\u0301e" }, "U+0301", 1},
		{"control char", func(d *captions.Document, o *Options) { d.Captions[0].Lines[0].Text = "a\tb" }, "U+0009", 1},
		{"row too long", func(d *captions.Document, o *Options) { d.Captions[0].Lines[0].Text = strings.Repeat("x", 38) }, "holds 37", 1},
		{"too many rows", func(d *captions.Document, o *Options) {
			d.Captions[0].Lines = make([]captions.Line, 12)
			for i := range d.Captions[0].Lines {
				d.Captions[0].Lines[i].Text = "x"
			}
		}, "23 rows", 1},
		{"bad drop frame", func(d *captions.Document, o *Options) { o.DropFrame = true }, "drop-frame", 0},
		{"no rate", func(d *captions.Document, o *Options) { o.Rate = timing.Rate{} }, "frame rate", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := ok()
			o := Options{Rate: r, Country: "GBR"}
			c.edit(&d, &o)
			var buf bytes.Buffer
			_, err := Write(&buf, d, o)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
			var ce *captions.CaptionError
			if c.capNo > 0 && (!errors.As(err, &ce) || ce.Caption != c.capNo) {
				t.Errorf("error %v does not name caption %d", err, c.capNo)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written", buf.Len())
			}
		})
	}
}

// TestMappings: the documented list is sorted, each substitution is
// writable in every table, and characters a table has are not substituted.
func TestMappings(t *testing.T) {
	m := Mappings()
	for i := 1; i < len(m); i++ {
		if m[i-1].From >= m[i].From {
			t.Fatalf("not sorted at %U", m[i].From)
		}
	}
	for _, tb := range []CharacterTable{TableLatin, TableCyrillic, TableArabic, TableGreek, TableHebrew} {
		for _, x := range m {
			if _, err := EncodeText(tb, x.To); err != nil {
				t.Errorf("%v: substitution %q for %U: %v", tb, x.To, x.From, err)
			}
			if _, err := EncodeText(tb, string(x.From)); err != nil {
				t.Errorf("%v: %U: %v", tb, x.From, err)
			}
		}
	}
	if b, _ := EncodeText(TableLatin, "‘’“”«»―"); !bytes.Equal(b, []byte{0xA9, 0xB9, 0xAA, 0xBA, 0xAB, 0xBB, 0xD0}) {
		t.Errorf("native quotes % x", b)
	}
	if b, _ := EncodeText(TableLatin, "—–…$¤"); string(b) != "--...$\xa8" {
		t.Errorf("dashes % x", b)
	}
	if b, ok := Charset(TableLatin, 'é'); !ok || !bytes.Equal(b, []byte{0xC2, 'e'}) {
		t.Errorf("é % x", b)
	}
	if _, ok := Charset(TableLatin, '—'); ok {
		t.Error("em dash claimed native to table 00")
	}
	if b, ok := Charset(TableGreek, '«'); !ok || !bytes.Equal(b, []byte{0xAB}) {
		t.Errorf("Greek « % x %v", b, ok)
	}
}

// TestLatinTableComplete: every character table 00 claims decodes back to
// itself.
func TestLatinTableComplete(t *testing.T) {
	n := 0
	for r, e := range latin.enc {
		b := []byte{e[0]}
		if e[1] != 0 {
			b = append(b, e[1])
		}
		s, k, ok := decodeLatin(nil, b, 0)
		if !ok || k != len(b) || string(s) != string(r) {
			t.Errorf("%q: % x decodes to %q", r, b, s)
		}
		n++
	}
	if n < 220 {
		t.Errorf("only %d non-ASCII characters in table 00", n)
	}
}

func TestFitCP850CutsAtAWord(t *testing.T) {
	got, cut := fitCP850("Russia: ‘We would rather die than live in humiliation’", 32)
	assert.True(t, cut)
	assert.Equal(t, "Russia: ‘We would rather die", got)
	got, _ = fitCP850("Supercalifragilisticexpialidocious-and-more", 32)
	assert.Len(t, got, 32, "no space to cut at: cut at the field's end")
	got, cut = fitCP850("Short title", 32)
	assert.False(t, cut)
	assert.Equal(t, "Short title", got)
}

func TestRowChars(t *testing.T) {
	assert.Equal(t, 37, RowChars(Options{}))
	assert.Equal(t, 36, RowChars(Options{SpeakerColors: true}))
	assert.Equal(t, 0, RowChars(Options{DisplayStandard: OpenSubtitling}))
}
