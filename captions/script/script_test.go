package script

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/captions"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seedPath = "../../testdata/scripts/haftar_moscow_package.txt"

func readFile(t *testing.T, name string) *Package {
	t.Helper()
	p, err := ReadFile(name)
	require.NoError(t, err)
	return p
}

func readString(t *testing.T, s string) *Package {
	t.Helper()
	p, err := Read(strings.NewReader(s))
	require.NoError(t, err)
	return p
}

// turnsOf flattens a package's turns as "index|speaker|title|language|line|text".
func turnsOf(p *Package) []string {
	var out []string
	for _, s := range p.SOTs {
		for _, t := range s.Turns {
			out = append(out, strings.Join([]string{itoa(s.Index), t.Speaker, t.Title, t.Language, itoa(t.Line), t.Text}, "|"))
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

func warningsOn(p *Package, line int) []string {
	var out []string
	for _, w := range p.Warnings {
		if w.Line == line {
			out = append(out, w.Message)
		}
	}
	return out
}

func TestSeed(t *testing.T) {
	p := readFile(t, seedPath)
	assert.Equal(t, DialectRuptly, p.Dialect)
	assert.Equal(t, EncodingUTF8, p.Encoding)
	assert.Equal(t, "Russia: ‘We would rather die than live in humiliation’ – Head of Libyan National Army", p.Title)
	require.Len(t, p.SOTs, 3)
	for i, s := range p.SOTs {
		assert.Equal(t, i+1, s.Index)
		assert.Equal(t, KindSOT, s.Kind)
		assert.Equal(t, "Arabic", s.Language())
		for _, tn := range s.Turns {
			assert.Equal(t, "Arabic", tn.Language)
			assert.Equal(t, "ar", LanguageTag(tn.Language))
			assert.NotContains(t, tn.Text, "¤")
			assert.NotContains(t, tn.Text, "“")
			assert.NotContains(t, tn.Text, "”")
		}
	}
	assert.Equal(t, []int{9, 10, 12}, []int{p.SOTs[0].Line, p.SOTs[1].Line, p.SOTs[2].Line})
	require.Len(t, p.SOTs[0].Turns, 1)
	require.Len(t, p.SOTs[1].Turns, 1)
	require.Len(t, p.SOTs[2].Turns, 3)

	first := p.SOTs[0].Turns[0]
	assert.Equal(t, "Khalifa Haftar", first.Speaker)
	assert.Equal(t, "Head of Libyan National Army", first.Title)
	assert.True(t, strings.HasPrefix(first.Text, "First of all, our visit to Russia is nothing out of the ordinary."))
	assert.True(t, strings.HasSuffix(first.Text, "and everything is going well."))

	second := p.SOTs[1].Turns[0]
	assert.Equal(t, 10, second.Line)
	assert.Contains(t, second.Text, "That’s why we asked [Russia] to [help] soften the unjust resolutions")
	assert.True(t, strings.HasSuffix(second.Text, "it would do everything in its power."))

	third := p.SOTs[2].Turns
	assert.Equal(t, []string{"Khalifa Haftar", "Reporter", "Khalifa Haftar"}, []string{third[0].Speaker, third[1].Speaker, third[2].Speaker})
	assert.Equal(t, []int{12, 14, 16}, []int{third[0].Line, third[1].Line, third[2].Line})
	assert.Equal(t, "", third[1].Title)
	assert.Equal(t, "Head of Libyan National Army", third[2].Title)
	assert.True(t, strings.HasPrefix(third[0].Text, "In actual fact, this isn’t the issue [deploying mobile camps in Libya]."))
	assert.True(t, strings.HasSuffix(third[0].Text, "this is migration and you cannot…"))
	assert.Equal(t, "Turn it into colonisation.", third[1].Text)
	assert.True(t, strings.HasPrefix(third[2].Text, "Yes, into colonisation. That’s right."))
	assert.True(t, strings.HasSuffix(third[2].Text, "We would rather die than live in humiliation on our own land."))

	// The lead's quoted phrases are narrative.
	for _, s := range turnsOf(p) {
		assert.NotContains(t, s, "Haftar said")
		assert.NotContains(t, s, "to [help] soften the unjust resolutions taken against us in relation to the embargo on weapons supplies [to Libya],")
	}
	// The lone ¤ is dropped with a warning naming its line.
	w := warningsOn(p, 10)
	require.Len(t, w, 1)
	assert.Contains(t, w[0], "¤")
	assert.Len(t, p.Warnings, 1)
}

func TestSeedDropInsertions(t *testing.T) {
	f, err := os.Open(seedPath)
	require.NoError(t, err)
	defer f.Close()
	rd := Reader{DropInsertions: true}
	p, err := rd.Read(f)
	require.NoError(t, err)
	txt := p.SOTs[1].Turns[0].Text
	assert.Contains(t, txt, "That’s why we asked to soften the unjust resolutions taken against us in relation to the embargo on weapons supplies. This issue")
	assert.Contains(t, txt, "priorities for them and us.")
	assert.NotContains(t, txt, "[")
	assert.True(t, strings.HasPrefix(p.SOTs[2].Turns[0].Text, "In actual fact, this isn’t the issue. They have set up a barrier"))
}

func TestRuptlyEdgeCases(t *testing.T) {
	p := readFile(t, "testdata/ruptly_edge.txt")
	assert.Equal(t, DialectRuptly, p.Dialect)
	assert.Equal(t, "Ukraine: ‘We cannot wait for winter’ – mayor of Kherson, in an interview", p.Title)
	assert.Equal(t, []string{
		// Title with commas; insertion kept; the lead's “…” quotes are narrative.
		"1|Ivan Petrenko|Mayor of Kherson, Ukraine|Ukrainian|7|We have no heating in 40 percent of the city. We need generators [from Europe], and we need them now.",
		// Further turns with straight quotes; ... inside kept.
		"1|Reporter||English|9|What will you do if they do not arrive?",
		"1|Ivan Petrenko|Mayor of Kherson, Ukraine|Ukrainian|11|We will survive. We always survive... but it's going to be hard.",
		// "SOT," separator, language list, «…», gloss (…) and a closing ellipsis kept.
		"2|Olena Kovalenko|resident|Russian/Ukrainian|15|We left everything there. Everything. My mother’s house, the garden (a small plot by the river)…",
		// '…' quotes with inner apostrophes; a non-language (RC) stays in the title.
		"3|Mykola Bondar|Head of the Regional Council (RC), Kherson Region|Ukrainian|17|They're shelling us every day, and we can't repair the lines fast enough",
		// A quotation over two lines.
		"4|Dmytro Savchenko|volunteer|Ukrainian|19|We drive to the front every week. Last time we brought medicine, water, warm clothes and the people there asked us to come back before the frost.",
		// A bare SOT cue; a quote cut off with … and no closing mark.
		"5|Andriy Melnyk|electrician|Ukrainian|23|We repair a line, they shell it again, and we go back. That is our work now…",
		// A speaker line without SOT after narrative.
		"6|Natalia Hrytsenko|pensioner|Ukrainian|27|Nobody asked us whether we wanted to leave.",
	}, turnsOf(p))
	assert.Equal(t, 22, p.SOTs[4].Line, "a bare SOT cue starts the SOT")
	w := warningsOn(p, 23)
	require.Len(t, w, 1)
	assert.Contains(t, w[0], "cut off")
	require.Len(t, warningsOn(p, 27), 1)
	assert.Contains(t, warningsOn(p, 27)[0], "without “SOT”")
	assert.Len(t, p.Warnings, 2)
}

func TestAPEdgeCases(t *testing.T) {
	p := readFile(t, "testdata/ap_edge.txt")
	assert.Equal(t, DialectAP, p.Dialect)
	assert.Equal(t, "Chile Wildfires", p.Title)
	assert.Equal(t, []string{
		"1|Carolina Toha|Interior Minister|Spanish|14|We are facing a tragedy of enormous proportions. The fire advanced faster than anyone expected.",
		// SOUNDBITE: (Language), role-only speaker, ++note++ after the speaker.
		"2|Vox pop|Resident|Spanish|19|I lost my house, my car, everything I had. Only we got out [with the children].",
		"3|Residents shouting||Spanish|21|Water! We need water here!",
		// Missing colon before the quote.
		"4|Rodrigo Perez|firefighter|Spanish|23|We have been working for thirty hours without a break.",
		// Curly quotes, two paragraphs, then Question/Answer.
		"5|Gabriel Boric|President of Chile|Spanish|24|We will rebuild Vina del Mar and Quilpue, house by house. Nobody will be left alone.",
		"5|Question||Spanish|27|How many are still missing?",
		"5|Gabriel Boric|President of Chile|Spanish|28|We don't know yet. The number will rise.",
		// A parenthesised question, then the answer.
		"6|Question||English|30|Is help arriving in time?",
		"6|Jane Miller|Red Cross spokeswoman|English|31|Help is arriving, but the roads are blocked, so we are using helicopters.",
	}, turnsOf(p))
	kinds := []string{}
	for _, s := range p.SOTs {
		kinds = append(kinds, s.Kind)
	}
	assert.Equal(t, []string{KindSoundbite, KindSoundbite, KindUpsound, KindSoundbite, KindSoundbite, KindSoundbite}, kinds)
	// The wordless UPSOUND is reported, not read as a SOT.
	require.Len(t, warningsOn(p, 22), 1)
	assert.Contains(t, warningsOn(p, 22)[0], "UPSOUND")
	// The ++note++ after the speaker is not text.
	for _, s := range turnsOf(p) {
		assert.NotContains(t, s, "++")
		assert.NotContains(t, s, "storyline")
	}
}

func TestReutersEdgeCases(t *testing.T) {
	p := readFile(t, "testdata/reuters_edge.txt")
	assert.Equal(t, DialectReuters, p.Dialect)
	assert.Equal(t, "Rescuers race against time as Japan quake death toll rises", p.Title)
	assert.Equal(t, []string{
		// No space between (SOUNDBITE) and (Language), comma before SAYING, … self-correction.
		"1|PRIME MINISTER FUMIO KISHIDA||Japanese|8|We will do everything… everything we can to save lives. The next 72 hours are critical.",
		// Text on the next line, a second paragraph, a reporter's question and the answer.
		"2|TAKESHI MORI|67, RESIDENT OF WAJIMA|Japanese|10|The house shook, and then… then it was gone. I could not find my wife. She was found alive this morning.",
		"2|REPORTER||Japanese|13|Where will you sleep tonight?",
		"2|TAKESHI MORI|67, RESIDENT OF WAJIMA|Japanese|14|At the school. There is nowhere else.",
		// No comma before SAYING, straight quotes.
		"3|U.S. AMBASSADOR RAHM EMANUEL||English|15|America stands with Japan, and our forces are ready to help.",
		"4|RESCUERS||Japanese|16|Is anyone there? Can you hear us?",
	}, turnsOf(p))
	assert.Equal(t, KindUpsound, p.SOTs[3].Kind)
	assert.Empty(t, p.Warnings)
}

func TestQuoteForms(t *testing.T) {
	cases := []struct {
		name, line, want string
	}{
		{"curly", `SOT A, B (Arabic): “Text.”`, "Text."},
		{"straight", `SOT A, B (Arabic): "Text."`, "Text."},
		{"guillemets", `SOT A, B (French): «Texte.»`, "Texte."},
		{"single", `SOT A, B (Arabic): 'It's ours.'`, "It's ours."},
		{"single curly", `SOT A, B (Arabic): ‘It’s ours.’`, "It’s ours."},
		{"mismatched", `SOT A, B (Arabic): “Text."`, "Text."},
		{"low-high", `SOT A, B (German): „Text.“`, "Text."},
		{"inner quote", `SOT A, B (Arabic): “They said “no” to us.”`, "They said “no” to us."},
		{"period outside", `SOT A, B (Arabic): “Text”.`, "Text"},
		{"ellipsis then close", `SOT A, B (Arabic): “And you cannot...”`, "And you cannot..."},
		{"gloss and insertion", `SOT A, B (Arabic): “The Majlis (parliament) will [not] decide.”`, "The Majlis (parliament) will [not] decide."},
		{"spaces collapse", "SOT A, B (Arabic):   “Two  spaces.”  ", "Two spaces."},
		{"colon in text", `SOT A, B (Arabic): “Note: this.”`, "Note: this."},
		{"no space after colon", `SOT A (Arabic):“Text.”`, "Text."},
		{"language list", `SOT A (Arabic/French): “Text.”`, "Text."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := readString(t, c.line+"\n")
			require.Len(t, p.SOTs, 1)
			assert.Equal(t, c.want, p.SOTs[0].Turns[0].Text)
			assert.Equal(t, "A", p.SOTs[0].Turns[0].Speaker)
		})
	}
}

func TestNarrativeNeverSOT(t *testing.T) {
	script := "Headline: ‘We will win’ – minister\n\n" +
		"“We will win,” the minister said (in Arabic).\n" +
		"The minister (Arabic speaker) said: “We will win.”\n" +
		"He said: \"Nothing.\"\n" +
		"SOT Real Speaker (Arabic): “Only this.”\n\n" +
		"“After the SOT,” a narrative paragraph continues.\n" +
		"Rebels (armed): “not a language”\n"
	p := readString(t, script)
	assert.Equal(t, []string{"1|Real Speaker||Arabic|6|Only this."}, turnsOf(p))
	assert.Equal(t, "Headline: ‘We will win’ – minister", p.Title)
}

func TestUnterminatedQuote(t *testing.T) {
	script := "SOT A, B (Arabic): “Text that never closes\nand goes on.\n\nNarrative after the blank line.\n\nSOT C (Arabic): “Fine.”\n"
	p := readString(t, script)
	require.Len(t, p.SOTs, 2)
	assert.Equal(t, "Text that never closes and goes on.", p.SOTs[0].Turns[0].Text)
	w := warningsOn(p, 1)
	require.Len(t, w, 1)
	assert.Contains(t, w[0], "unterminated quote")
	assert.Contains(t, w[0], "column 20")

	rd := Reader{Strict: true, File: "pkg.txt"}
	_, err := rd.Read(strings.NewReader(script))
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrUnterminatedQuote))
	var pe *captions.ParseError
	require.True(t, errors.As(err, &pe))
	assert.Equal(t, 1, pe.Line)
	assert.Equal(t, 20, pe.Column)
	assert.Contains(t, err.Error(), "pkg.txt:1:20: unterminated quote")
}

func TestParagraphsOpenEachWithMark(t *testing.T) {
	p := readString(t, "SOT A (Arabic): “First paragraph.\n“Second paragraph.”\n")
	assert.Equal(t, "First paragraph. Second paragraph.", p.SOTs[0].Turns[0].Text)
}

func TestTextOnNextLine(t *testing.T) {
	p := readString(t, "SOT A, Minister (Arabic):\n“On the next line.”\n")
	assert.Equal(t, []string{"1|A|Minister|Arabic|1|On the next line."}, turnsOf(p))
}

func TestNoOpeningMark(t *testing.T) {
	p := readString(t, "SOT A (Arabic): Unquoted text.\n")
	assert.Equal(t, "Unquoted text.", p.SOTs[0].Turns[0].Text)
	require.Len(t, warningsOn(p, 1), 1)
	assert.Contains(t, warningsOn(p, 1)[0], "no opening quote mark")
}

func TestMissingLanguage(t *testing.T) {
	p := readString(t, "SOT A, B: “Text.”\n")
	assert.Equal(t, "", p.SOTs[0].Language())
	assert.Equal(t, "A", p.SOTs[0].Turns[0].Speaker)
	require.Len(t, warningsOn(p, 1), 1)
	assert.Contains(t, warningsOn(p, 1)[0], "no spoken language")

	_, err := (&Reader{Strict: true}).Read(strings.NewReader("SOT A, B: “Text.”\n"))
	assert.True(t, errors.Is(err, ErrNoLanguage))
}

func TestSpeakerWithoutText(t *testing.T) {
	// The only SOT has no text: nothing usable remains.
	_, err := Read(strings.NewReader("Title\n\nSOT A, B (Arabic):\n\nNarrative.\n"))
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrNoText))
	var pe *captions.ParseError
	require.True(t, errors.As(err, &pe))
	assert.Equal(t, 3, pe.Line)

	// With another SOT it is a warning, and the SOT keeps its place.
	p := readString(t, "SOT A, B (Arabic):\n\nSOT C (Arabic): “Text.”\n")
	require.Len(t, p.SOTs, 2)
	assert.Equal(t, "", p.SOTs[0].Turns[0].Text)
	assert.False(t, p.SOTs[0].HasText())
	assert.Equal(t, "A", p.SOTs[0].Turns[0].Speaker)
	assert.Contains(t, warningsOn(p, 1)[0], "speaker line has no text")
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		want error
		line int
	}{
		{"empty", nil, ErrEmpty, 0},
		{"blank", []byte(" \n\r\n\t\n"), ErrEmpty, 0},
		{"nul", []byte("SOT A (Arabic): “x”\nab\x00cd"), ErrBinary, 2},
		{"controls", bytes.Repeat([]byte{1, 2, 3, 'a'}, 50), ErrBinary, 1},
		{"docx", []byte("PK\x03\x04\x14\x00\x06\x00"), ErrBinary, 1},
		{"pdf", []byte("%PDF-1.7\n"), ErrBinary, 1},
		{"narrative only", []byte("Title\n\n“A quote,” he said.\n"), ErrNoSOT, 0},
		{"no text", []byte("SOT A (Arabic):"), ErrNoText, 1},
		{"bom only", []byte("\xEF\xBB\xBF"), ErrEmpty, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rd := Reader{File: "in.txt"}
			p, err := rd.ReadBytes(c.in)
			require.Error(t, err)
			assert.Nil(t, p)
			assert.True(t, errors.Is(err, c.want), "got %v", err)
			var pe *captions.ParseError
			require.True(t, errors.As(err, &pe))
			assert.Equal(t, c.line, pe.Line)
			assert.Equal(t, "in.txt", pe.File)
			assert.True(t, strings.HasPrefix(err.Error(), "in.txt"), err.Error())
		})
	}
}

func TestForcedDialect(t *testing.T) {
	rd := Reader{Dialect: DialectAP}
	_, err := rd.Read(strings.NewReader("SOT A (Arabic): “Text.”\n"))
	assert.True(t, errors.Is(err, ErrNoSOT))
	rd.Dialect = "bbc"
	_, err = rd.Read(strings.NewReader("SOT A (Arabic): “Text.”\n"))
	assert.ErrorContains(t, err, "unknown dialect")
}

func TestDetectMixed(t *testing.T) {
	// A Ruptly script mentioning a SOUNDBITE in prose stays Ruptly.
	p := readString(t, "The SOUNDBITE below is Arabic.\nSOT A (Arabic): “One.”\nSOT B (Arabic): “Two.”\n")
	assert.Equal(t, DialectRuptly, p.Dialect)
	assert.Len(t, p.SOTs, 2)
}

func TestLanguageTag(t *testing.T) {
	for name, want := range map[string]string{
		"Arabic": "ar", "arabic": "ar", " ARABIC ": "ar", "English": "en", "Russian": "ru", "French": "fr",
		"Mandarin": "zh", "Chinese": "zh", "Cantonese": "yue", "Arabic/French": "ar", "French/Arabic": "fr",
		"English and Russian": "en", "Spanish, English": "es", "Egyptian Arabic": "ar", "Brazilian Portuguese": "pt",
		"Farsi": "fa", "Persian": "fa", "Dari": "prs", "Pashto": "ps", "Ukrainian": "uk", "Hebrew": "he",
		"Turkish": "tr", "Kurdish": "ku", "Japanese": "ja", "Korean": "ko", "Hindi": "hi", "Urdu": "ur",
		"German": "de", "Swiss German": "de", "Italian": "it", "Portuguese": "pt", "Swahili": "sw", "Amharic": "am",
		"Somali": "so", "Hausa": "ha", "Greek": "el", "Serbian": "sr", "Georgian": "ka", "Armenian": "hy",
		"Nats": "", "Natsound": "", "Klingon": "", "": "", "ar": "ar", "EU": "", "Arabic & English": "ar",
	} {
		assert.Equal(t, want, LanguageTag(name), name)
	}
	assert.GreaterOrEqual(t, len(languageTags), 60)
}

func TestSOTLineVariants(t *testing.T) {
	p := readString(t, "Title\n"+
		"• SOT Anna Berg, Mayor (Swedish): “One.”\n"+
		"*SOT Bo Ek (Swedish): “Two.”\n"+
		"SOT 3: Carl Dahl (Swedish): “Three.”\n"+
		"SOT #4 - Dora Falk (Arabic, translated): “Four.”\n"+
		"SOT Khalifa “the Marshal” Haftar, Head of LNA (Arabic): “Five.”\n"+
		"SOT (Arabic): “Six.”\n"+
		"SOT Eva Gran (in Egyptian Arabic): “Seven.”\n")
	assert.Equal(t, []string{
		"1|Anna Berg|Mayor|Swedish|2|One.",
		"2|Bo Ek||Swedish|3|Two.",
		"3|Carl Dahl||Swedish|4|Three.",
		"4|Dora Falk||Arabic, translated|5|Four.",
		"5|Khalifa “the Marshal” Haftar|Head of LNA|Arabic|6|Five.",
		"6|||Arabic|7|Six.",
		"7|Eva Gran||in Egyptian Arabic|8|Seven.",
	}, turnsOf(p))
	assert.Equal(t, "ar", LanguageTag(p.SOTs[3].Language()))
	assert.Equal(t, "ar", LanguageTag(p.SOTs[6].Language()))
	assert.Contains(t, warningsOn(p, 2)[0], `ignored "•" before SOT`)
	assert.Contains(t, warningsOn(p, 3)[0], `ignored "*" before SOT`)
	assert.Contains(t, warningsOn(p, 7)[0], "names no speaker")
}

func TestLanguageListRecognition(t *testing.T) {
	for s, want := range map[string]bool{
		"Arabic": true, "Arabic/French": true, "arabic": true, "Egyptian Arabic": true, "in Arabic": true,
		"Arabic, translated": true, "Nats": true, "English and Russian": true, "Arabic dialect": true,
		"Arabic speaker": false, "pictured": false, "LNA": false, "EU": false, "translated": false,
		"armed": false, "file": false, "": false, "Arabic/pictured": false,
	} {
		assert.Equal(t, want, isLanguageList(s), s)
	}
}

func TestCutOffWithDots(t *testing.T) {
	p := readString(t, "SOT A (Arabic): \"And then we...\n\nNarrative.\n")
	assert.Equal(t, "And then we...", p.SOTs[0].Turns[0].Text)
	require.Len(t, warningsOn(p, 1), 1)
	assert.Contains(t, warningsOn(p, 1)[0], "cut off")
}

func TestNarrativeEndsSOT(t *testing.T) {
	// A turn after narrative is a new SOT, never a turn of the last one.
	p := readString(t, "SOT A (Arabic): “One.”\nNarrative paragraph.\nReporter (Arabic): “Two?”\n")
	require.Len(t, p.SOTs, 2)
	assert.Len(t, p.SOTs[0].Turns, 1)
	assert.Equal(t, "Reporter", p.SOTs[1].Turns[0].Speaker)
}

func TestTextAfterClosingMark(t *testing.T) {
	p := readString(t, "SOT A (Arabic): “One.” (Ruptly archive)\n")
	assert.Equal(t, "One.", p.SOTs[0].Turns[0].Text)
	assert.Contains(t, warningsOn(p, 1)[0], `text after the closing quote mark ignored: "(Ruptly archive)"`)
}

func TestAPWithoutLanguageUsesHeader(t *testing.T) {
	p := readString(t, "LANGUAGE: Arabic/Nats\nSHOTLIST:\n1. SOUNDBITE Khalifa Haftar, LNA commander, SAYING:\n\"Text.\"\n")
	assert.Equal(t, DialectAP, p.Dialect)
	assert.Equal(t, []string{"1|Khalifa Haftar|LNA commander|Arabic|3|Text."}, turnsOf(p))
	assert.Contains(t, warningsOn(p, 3)[0], "LANGUAGE: header")
}

func TestRuptlyTurnWithoutLanguage(t *testing.T) {
	p := readString(t, "SOT Khalifa Haftar, Head of LNA (Arabic): “One…”\n\n"+
		"Reporter: “Two?”\n\nKhalifa Haftar: “Three.”\n\nHaftar said: “Four.”\n\nReporter: “Five?”\n")
	assert.Equal(t, []string{
		"1|Khalifa Haftar|Head of LNA|Arabic|1|One…",
		"1|Reporter||Arabic|3|Two?",
		"1|Khalifa Haftar|Head of LNA|Arabic|5|Three.",
	}, turnsOf(p), "prose ends the SOT; a bare turn after prose is not read")
	assert.Contains(t, warningsOn(p, 3)[0], "without “(Language)”")
}

func TestNotesWithColons(t *testing.T) {
	p := readString(t, "SHOTLIST:\n1. SOUNDBITE (English) ++NOTE: cut at 0:12++ John Smith, Mayor ++MUTE AT END++:\n\"We will rebuild ++AUDIO AS INCOMING++ the town.\"\n"+
		"2. (English) not a bite\n")
	assert.Equal(t, []string{"1|John Smith|Mayor|English|2|We will rebuild the town."}, turnsOf(p))
	assert.Contains(t, warningsOn(p, 3)[0], "++AUDIO AS INCOMING++")
}
