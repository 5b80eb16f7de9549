package script

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

// TestSeedEncodings reads the seed in every encoding a script arrives in
// and expects the same soundbites as from UTF-8.
func TestSeedEncodings(t *testing.T) {
	raw, err := os.ReadFile(seedPath)
	require.NoError(t, err)
	want := readString(t, string(raw))
	seed := string(raw)
	crlf := strings.ReplaceAll(seed, "\n", "\r\n")
	cases := []struct {
		name string
		in   []byte
		enc  string
	}{
		{"utf-8 bom", append([]byte("\xEF\xBB\xBF"), raw...), EncodingUTF8BOM},
		{"crlf", []byte(crlf), EncodingUTF8},
		{"cr", []byte(strings.ReplaceAll(seed, "\n", "\r")), EncodingUTF8},
		{"utf-16le bom", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), crlf), EncodingUTF16LE},
		{"utf-16be bom", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), seed), EncodingUTF16BE},
		{"utf-16le no bom", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), seed), EncodingUTF16LE},
		{"windows-1252", encode(t, charmap.Windows1252, crlf), EncodingWindows1252},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rd := Reader{}
			p, err := rd.ReadBytes(c.in)
			require.NoError(t, err)
			assert.Equal(t, c.enc, p.Encoding)
			assert.Equal(t, want.Title, p.Title)
			assert.Equal(t, want.SOTs, p.SOTs)
			assert.NotEmpty(t, warningsOn(p, 10), "the ¤ warning survives the encoding")
		})
	}
}

func TestWindows1252Warning(t *testing.T) {
	in := []byte("Title\nSOT Jos\xE9 P\xE9rez, Mayor (Spanish): \x93We can\x92t wait.\x94\n")
	p, err := (&Reader{}).ReadBytes(in)
	require.NoError(t, err)
	assert.Equal(t, EncodingWindows1252, p.Encoding)
	assert.Equal(t, []string{"1|José Pérez|Mayor|Spanish|2|We can’t wait."}, turnsOf(p))
	w := warningsOn(p, 2)
	require.Len(t, w, 1)
	assert.Contains(t, w[0], "not valid UTF-8 (byte 0xE9 at column 8)")
	assert.Contains(t, w[0], "Windows-1252")
}

func TestMacRoman(t *testing.T) {
	s := "SOT Ana, Mayor (Spanish): \u201CThat\u2019s \u2013 all.\u201D\n"
	p, err := (&Reader{}).ReadBytes(encode(t, charmap.Macintosh, s))
	require.NoError(t, err)
	assert.Equal(t, EncodingMacRoman, p.Encoding)
	assert.Equal(t, "That’s – all.", p.SOTs[0].Turns[0].Text)
}

func TestEntitiesAndSpaces(t *testing.T) {
	p := readString(t, "SOT Ana&#160;Lopez, Head of R&amp;D (Spanish):&nbsp;&quot;Text&nbsp;&amp; more&#x2026;&quot;\n"+
		"Reporter\u00A0(English):\u202F\u201CTab\there.\u201D\n")
	assert.Equal(t, []string{
		"1|Ana Lopez|Head of R&D|Spanish|1|Text & more…",
		"1|Reporter||English|2|Tab here.",
	}, turnsOf(p))
	assert.Empty(t, p.Warnings)
}

func TestMojibake(t *testing.T) {
	cases := []struct{ in, want string }{
		{"That\u00e2\u20ac\u2122s it.", "That’s it."},                        // ’ read as Windows-1252
		{"isn\u00e2\u20ac\u201dt", "isn’t"},                                  // ” for an apostrophe
		{"caf\u00c3\u00a9 \u00e2\u20ac\u201c near", "café – near"},           // é, –
		{"we\u00e2\u20ac t", "we” t"},                                        // lost third byte
		{"that\u00d5s \u00d2right\u00d3 \u00d0 yes", "that’s “right” – yes"}, // Mac Roman read as Latin-1
		{"one\u00c2\u00a0two", "one two"},                                    // a no-break space
	}
	for _, c := range cases {
		p := readString(t, "SOT A (Arabic): “"+c.in+"”\n")
		assert.Equal(t, c.want, p.SOTs[0].Turns[0].Text, c.in)
		w := warningsOn(p, 1)
		require.NotEmpty(t, w, c.in)
		assert.Contains(t, w[0], "mojibake")
	}
	// Real accented text is left alone.
	p := readString(t, "SOT Ñoño Pérez (Spanish): “Ó, qué día. PÕE À.”\n")
	assert.Equal(t, "Ó, qué día. PÕE À.", p.SOTs[0].Turns[0].Text)
	assert.Equal(t, "Ñoño Pérez", p.SOTs[0].Turns[0].Speaker)
	assert.Empty(t, p.Warnings)
}

func TestStraySymbols(t *testing.T) {
	p := readString(t, "Title\n¤\x01SOT A (Arabic): “Cost US¤10\u200b million\ufffd.”\n")
	assert.Equal(t, "Cost US$10 million.", p.SOTs[0].Turns[0].Text)
	w := warningsOn(p, 2)
	require.Len(t, w, 2)
	assert.Contains(t, w[0], "'¤' (U+00A4), U+0001, U+200B, '�' (U+FFFD)")
	assert.Contains(t, w[1], "$")
	// Soft hyphens vanish silently.
	p = readString(t, "SOT A (Arabic): “soft\u00adhyphen”\n")
	assert.Equal(t, "softhyphen", p.SOTs[0].Turns[0].Text)
	assert.Empty(t, p.Warnings)
}

func TestUTF16OddLength(t *testing.T) {
	b := encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "SOT A (Arabic): “x”\n")
	p, err := (&Reader{}).ReadBytes(append(b, 'z'))
	require.NoError(t, err)
	assert.Equal(t, "x", p.SOTs[0].Turns[0].Text)
	assert.Contains(t, p.Warnings[0].Message, "odd number of bytes")
}

func TestUTF16Empty(t *testing.T) {
	b := encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "  \n")
	_, err := (&Reader{}).ReadBytes(b)
	assert.True(t, errors.Is(err, ErrEmpty))
}

func TestMixedUTF8AndWindows1252(t *testing.T) {
	raw, err := os.ReadFile(seedPath)
	require.NoError(t, err)
	want := readString(t, string(raw))
	// A Windows-1252 line pasted into the UTF-8 seed, before the first SOT.
	lines := strings.SplitAfter(string(raw), "\n")
	in := strings.Join(lines[:8], "") + "Pasted from the wire: Haftar\x92s visit \x96 day two.\r\n" + strings.Join(lines[8:], "")
	p, err := (&Reader{}).ReadBytes([]byte(in))
	require.NoError(t, err)
	assert.Equal(t, EncodingUTF8Mixed, p.Encoding)
	require.Len(t, p.SOTs, 3)
	for i := range p.SOTs {
		for j := range p.SOTs[i].Turns {
			assert.Equal(t, want.SOTs[i].Turns[j].Text, p.SOTs[i].Turns[j].Text)
			assert.Equal(t, want.SOTs[i].Turns[j].Line+1, p.SOTs[i].Turns[j].Line)
		}
	}
	w := warningsOn(p, 9)
	require.Len(t, w, 1)
	assert.Contains(t, w[0], "byte 0x92 at column 29")
	assert.Len(t, p.Warnings, 2, "one for the pasted line, one for the ¤")
}
