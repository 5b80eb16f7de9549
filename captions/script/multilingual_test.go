package script

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/captions"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tagsOf flattens a package's turns as "index|kind|speaker|title|language|tag|line|text".
func tagsOf(p *Package) []string {
	var out []string
	for _, s := range p.SOTs {
		for _, t := range s.Turns {
			out = append(out, strings.Join([]string{itoa(s.Index), s.Kind, t.Speaker, t.Title, t.Language, t.Tag, itoa(t.Line), t.Text}, "|"))
		}
	}
	return out
}

// TestAgencyExcerpts reads small excerpts of real agency copy (see
// testdata/agency/SOURCES.md). Before the reader knew tags inside
// paragraphs, numbered AFP soundbites, heads broken over lines,
// "SOUNDBITE:" without a shot number and VOA cues, 8 of these 12 failed.
func TestAgencyExcerpts(t *testing.T) {
	cases := map[string]struct {
		dialect, lang string
		want          []string // index|kind|speaker|title|language|tag|line|text prefix
	}{
		"ap_bush_putin_flat.txt": {DialectAP, "en", []string{
			"1|SOUNDBITE|George W. Bush|US President|English|en|3|First I would like to congratulate President Putin",
			// The language group carries a note after a colon.
			"2|SOUNDBITE|Vladimir Putin|Russian President|Russian: followed by English translation|ru|3|Ah, we caught one fish,",
		}},
		"ap_moscow_flat.txt": {DialectAP, "en", []string{
			"1|SOUNDBITE|Maria Butina|Russian State Duma deputy|English|en|1|I see that we are united",
			"2|SOUNDBITE|Aleksey Pushkov|Member of Federation Council of Russian Federal Assembly|English|en|1|I don't think",
		}},
		"ap_pakistan_flat.txt": {DialectAP, "en", []string{
			"1|SOUNDBITE|Rehman Malik|Pakistan Interior Minister|English|en|1|We condemn this incident",
		}},
		"ap_gaza_upsound.txt": {DialectAP, "en", []string{
			// UPSOUND inside a shot description.
			"1|UPSOUND|||Arabic|ar|7|There is no God but God",
			"2|UPSOUND|||Arabic|ar|10|They destroyed us",
			"3|UPSOUND|name unavailable|mourner|Arabic|ar|11|They were at home…",
			"4|SOUNDBITE|Um Wael|mourner|Arabic|ar|13|All were killed, 25 people,",
		}},
		"ap_mexico_galvez.txt": {DialectAP, "en", []string{
			"1|SOUNDBITE|Xóchitl Gálvez|Mexican presidential candidate|Spanish|es|6|I recognize that the trends",
		}},
		"unifeed_barcena.txt": {DialectAP, "en", []string{
			"1|SOUNDBITE|Alicia Bárcena|Secretary of Foreign Affairs, Mexico|English|en|12|So, one of the things",
		}},
		"afp_maduro_flat.txt": {DialectAP, "en", []string{
			// AFP numbers its soundbites and gives their length with the language.
			"1|SOUNDBITE|Nicolas Maduro|President of Venezuela|Spanish, 18 sec|es|3|It is unfortunate and painful",
			"2|SOUNDBITE|Nicolas Maduro|President of Venezuela|Spanish, 13 sec|es|3|I have given clear instructions",
		}},
		"newsscripts_cranny.txt": {DialectAP, "en", []string{
			// "SOUNDBITE:" with no shot number, the language after "saying".
			"1|SOUNDBITE|Manus Cranny|MF Global Spreads|English|en|9|I think there's root and branch change",
		}},
		"ap_eu_africa_broken.txt": {DialectAP, "en", []string{
			// A head broken over lines: "SOUNDBITE: (" / "French)" / name / title.
			"1|SOUNDBITE|Antipas Mbusa Nyamwisi|Congo foreign affairs minister|French|fr|7|It is not only the position of Senegal, in central Africa",
			"2|SOUNDBITE|Jean-Marie Bockel|Minister of State, attached to the French Minister of Foreign and European Affairs, responsible for Co-operation and Francophony|French|fr|17|The reply to the appeal of President Wade",
		}},
		"ap_wto_china.txt": {DialectAP, "en", []string{
			"1|SOUNDBITE|Chinese trade negotiator Long Yongtu||English|en|6|We expect a good session",
		}},
		"voa_es_afganistan.txt": {DialectRuptly, "es", []string{
			// The Spanish translation is the text; the label of the words as spoken is the language.
			"1|SOT|Masoud Andarabi|Ministro de interior interino de Afganistán|ENG|en|8|Si los talibanes nos atacan",
		}},
		"voa_ru_nebraska.txt": {DialectRuptly, "ru", []string{
			// A flattened VOA script: "SOT:" inside the paragraph, the text after a gloss.
			"1|SOT|Sam Krug|factory general manager (Сэм Круг генеральный менеджер завода)|||1|Думаю, я ем попкорн",
		}},
	}
	files, err := filepath.Glob("testdata/agency/*.txt")
	require.NoError(t, err)
	require.Len(t, files, len(cases))
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			c, ok := cases[name]
			require.True(t, ok, "no expectation for %s", name)
			p := readFile(t, f)
			assert.Equal(t, c.dialect, p.Dialect)
			assert.Equal(t, c.lang, p.Language)
			got := tagsOf(p)
			require.Len(t, got, len(c.want), "%q", got)
			for i, w := range c.want {
				assert.True(t, strings.HasPrefix(got[i], w), "turn %d:\n got %q\nwant %q…", i, got[i], w)
			}
		})
	}
}

// TestReutersTagInsideParagraph reads the Reuters web transcript shape of
// the issue: the tag runs on from the narrative, with or without a space
// between (SOUNDBITE) and (Language).
func TestReutersTagInsideParagraph(t *testing.T) {
	for _, gap := range []string{"", " "} {
		script := "PHILIPPINES-MEDIA/\nJournalists rally in Manila\n\n" +
			"STORY: Journalists say the killings will not stop any time soon. (SOUNDBITE)" + gap + "(English) ROWENA PARAAN, CHAIRPERSON OF THE NATIONAL UNION OF JOURNALISTS OF THE PHILIPPINES, SAYING: “We want justice for our colleagues.” (SOUNDBITE)" + gap + "(Filipino) JOURNALIST, SAYING: “Hindi kami titigil.” The union said it would march on Friday.\n"
		p := readString(t, script)
		assert.Equal(t, DialectReuters, p.Dialect)
		assert.Equal(t, []string{
			"1|SOUNDBITE|ROWENA PARAAN|CHAIRPERSON OF THE NATIONAL UNION OF JOURNALISTS OF THE PHILIPPINES|English|en|4|We want justice for our colleagues.",
			"2|SOUNDBITE|JOURNALIST||Filipino|fil|4|Hindi kami titigil.",
		}, tagsOf(p))
		assert.Equal(t, "Journalists rally in Manila", p.Title)
		// The narrative after the second quote is reported with the column
		// in the script line, not in the piece cut from it.
		require.Len(t, p.Warnings, 1)
		assert.Contains(t, p.Warnings[0].Message, "The union said")
		assert.Equal(t, 4, p.Warnings[0].Line)
	}
}

// TestFlattenedShotlistColumns checks that a problem inside a piece cut
// from a flattened shotlist names its script line and column.
func TestFlattenedShotlistColumns(t *testing.T) {
	script := "SHOTLIST: 1. Wide of hall 2. SOUNDBITE (English) John Smith, mayor: “We will rebuild the town 3. Wide of street 4. SOUNDBITE (English) Jane Roe, resident: “It was terrible.” 5. Cutaway\n"
	p := readString(t, script)
	assert.Equal(t, []string{
		"1|SOUNDBITE|John Smith|mayor|English|en|1|We will rebuild the town",
		"2|SOUNDBITE|Jane Roe|resident|English|en|1|It was terrible.",
	}, tagsOf(p))
	require.NotEmpty(t, p.Warnings)
	assert.Contains(t, p.Warnings[0].Message, "unterminated quote")
	col := strings.Index(script, "“We will") + 1
	assert.Contains(t, p.Warnings[0].Message, "column "+itoa(len([]rune(script[:col-1]))+1))
}

// TestScriptsInTheirLanguages reads scripts written in each language's
// conventions: its keyword, its language names (as CLDR writes them and
// in derived forms), its quotation marks, its colon and comma.
func TestScriptsInTheirLanguages(t *testing.T) {
	cases := map[string]struct {
		lang string
		want []string
	}{
		"fr_synchro.txt": {"fr", []string{
			// SYNCHRO; "(arabe) :" with a no-break space; « » with narrow no-break spaces inside.
			"1|SOT|Khalifa Haftar|commandant de l’Armée nationale libyenne|arabe|ar|5|Notre visite en Russie n’a rien d’extraordinaire : nous sommes venus parler de la sécurité.",
			// "(français):" with no space, « » with none.
			"1|SOT|Journaliste||français|fr|7|Et l’embargo ?",
			"1|SOT|Khalifa Haftar|commandant de l’Armée nationale libyenne|en arabe|ar|9|Nous préférons mourir plutôt que vivre dans l’humiliation.",
			"2|SOT|Sergueï Lavrov|ministre russe des Affaires étrangères|russe|ru|13|La Russie soutient un dialogue inclusif.",
		}},
		"de_oton.txt": {"de", []string{
			// O-TON, „…“, »…«, "auf Deutsch", O-Ton.
			"1|SOT|Khalifa Haftar|Oberbefehlshaber der Libyschen Nationalarmee|Arabisch|ar|5|Unser Besuch in Russland ist nichts Außergewöhnliches. Wir sind gekommen, um über die Sicherheit zu sprechen.",
			"1|SOT|Reporter||auf Deutsch|de|7|Und das Waffenembargo?",
			"1|SOT|Khalifa Haftar|Oberbefehlshaber der Libyschen Nationalarmee|Arabisch|ar|9|Lieber sterben wir, als in Demütigung zu leben.",
			"2|SOT|Sergej Lawrow|Außenminister Russlands|auf Russisch|ru|13|Russland unterstützt einen Dialog, der alle einbezieht.",
		}},
		"es_total.txt": {"es", []string{
			// TOTAL and DECLARACIÓN, «…» with ¿? and ¡!.
			"1|SOT|Jalifa Haftar|comandante del Ejército Nacional Libio|árabe|ar|5|¿Por qué habríamos de ceder? Nuestra visita a Rusia no tiene nada de extraordinario.",
			"1|SOT|Periodista||español|es|7|¿Y el embargo de armas?",
			"1|SOT|Jalifa Haftar|comandante del Ejército Nacional Libio|árabe|ar|9|¡Preferimos morir antes que vivir humillados!",
			"2|SOT|Serguéi Lavrov|ministro de Asuntos Exteriores de Rusia|en ruso|ru|13|Rusia apoya un diálogo inclusivo.",
		}},
		"ru_sinhron.txt": {"ru", []string{
			// СИНХРОН, "(на арабском)", „…“ inside «…», "(по-русски)".
			"1|SOT|Халифа Хафтар|командующий Ливийской национальной армией|на арабском|ar|5|Наш визит в Россию — не что-то из ряда вон выходящее. Мы приехали говорить о „безопасности“ и о будущем.",
			"1|SOT|Корреспондент||русский|ru|7|А эмбарго на оружие?",
			"1|SOT|Халифа Хафтар|командующий Ливийской национальной армией|арабский|ar|9|Мы скорее умрём, чем будем жить в унижении.",
			"2|SOT|Сергей Лавров|министр иностранных дел России|по-русски|ru|13|Россия поддерживает инклюзивный диалог.",
		}},
		"ar_sot.txt": {"ar", []string{
			// The Arabic comma parts name from title; "(عربي)", "(بالعربية)", ”…“.
			"1|SOT|خليفة حفتر|القائد العام للجيش الوطني الليبي|عربي|ar|5|زيارتنا إلى روسيا ليست أمرًا استثنائيًا، جئنا لنتحدث عن الأمن.",
			"1|SOT|مراسل||بالعربية|ar|7|وماذا عن حظر السلاح؟",
			"1|SOT|خليفة حفتر|القائد العام للجيش الوطني الليبي|باللغة العربية|ar|9|نفضل الموت على العيش في الذل.",
			"2|SOT|سيرغي لافروف|وزير الخارجية الروسي|الروسية|ru|13|روسيا تدعم حوارًا شاملًا.",
		}},
		"zh_sot.txt": {"zh", []string{
			// Full-width comma, parentheses and colon; 「」.
			"1|SOT|哈利法·哈夫塔尔|利比亚国民军司令|阿拉伯语|ar|5|我们这次访问俄罗斯并没有什么特别之处，我们是来谈安全问题的。",
			"1|SOT|记者||中文|zh|7|那武器禁运呢？",
			"1|SOT|哈利法·哈夫塔尔|利比亚国民军司令|阿拉伯语|ar|9|我们宁死也不愿屈辱地活着。",
		}},
		"tr_sot.txt": {"tr", []string{
			"1|SOT|Halife Hafter|Libya Ulusal Ordusu Komutanı|Arapça|ar|5|Rusya ziyaretimiz olağanüstü bir şey değil, güvenliği konuşmak için geldik.",
			"1|SOT|Muhabir||Türkçe|tr|7|Ya silah ambargosu?",
			"1|SOT|Halife Hafter|Libya Ulusal Ordusu Komutanı|Arapça|ar|9|Aşağılanarak yaşamaktansa ölmeyi tercih ederiz.",
		}},
		"it_sot.txt": {"it", []string{
			"1|SOT|Khalifa Haftar|comandante dell'Esercito nazionale libico|in arabo|ar|5|La nostra visita in Russia non ha niente di straordinario.",
			"1|SOT|Giornalista||italiano|it|7|E l'embargo?",
		}},
		"pt_sot.txt": {"pt", []string{
			"1|SOT|Khalifa Haftar|comandante do Exército Nacional Líbio|em árabe|ar|5|A nossa visita à Rússia não tem nada de extraordinário.",
			"1|SOT|Repórter||português|pt|7|E o embargo de armas?",
		}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			f := filepath.Join("testdata/lang", name)
			p := readFile(t, f)
			assert.Equal(t, DialectRuptly, p.Dialect)
			assert.Equal(t, c.lang, p.Language, "detected script language")
			assert.Equal(t, c.want, tagsOf(p))
			assert.Empty(t, p.Warnings)
			// The same with the language given.
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			given, err := (&Reader{Language: c.lang}).ReadBytes(b)
			require.NoError(t, err)
			assert.Equal(t, p.SOTs, given.SOTs)
		})
	}
}

// TestIssueFrench reads the French shapes of the issue: "(arabe) :" and
// "(arabe):" name the spoken language, which does not stay in the title
// and has a tag (so a French-speaking SOT is not subtitled for French).
func TestIssueFrench(t *testing.T) {
	for _, sep := range []string{" :", ":", "\u00a0:", "\u202f:"} {
		p, err := (&Reader{Language: "fr"}).ReadBytes([]byte("SYNCHRO Ahmed Mismari, porte-parole (arabe)" + sep + " « Nous avançons. »\n\nSOT Marie Dupont, habitante (français)" + sep + "« Nous avons peur. »\n"))
		require.NoError(t, err, "%q", sep)
		assert.Equal(t, []string{
			"1|SOT|Ahmed Mismari|porte-parole|arabe|ar|1|Nous avançons.",
			"2|SOT|Marie Dupont|habitante|français|fr|3|Nous avons peur.",
		}, tagsOf(p), "%q", sep)
		assert.Empty(t, p.Warnings, "%q", sep)
	}
}

func TestLanguageNamesEverywhere(t *testing.T) {
	for name, want := range map[string]string{
		// CLDR's names in the script languages…
		"Arabisch": "ar", "arabe": "ar", "árabe": "ar", "ARABE": "ar", "arabo": "ar", "арабский": "ar",
		"العربية": "ar", "Arapça": "ar", "ARAPÇA": "ar", "阿拉伯语": "ar", "арабська": "ar",
		"Englisch": "en", "anglais": "en", "inglés": "en", "английский": "en", "الإنجليزية": "en", "İngilizce": "en", "英语": "en",
		// …the forms newsrooms derive from them…
		"عربي": "ar", "بالعربية": "ar", "باللغة العربية": "ar", "на арабском": "ar", "на арабском языке": "ar",
		"по-арабски": "ar", "арабською": "ar", "auf Arabisch": "ar", "arabische": "ar", "en arabe": "ar",
		"langue arabe": "ar", "rusa": "ru", "inglesa": "en", "на иврите": "he", "إنجليزي": "en", "阿拉伯文": "ar",
		"in Arabic": "ar", "Arabic": "ar",
		// …autonyms, codes, lists.
		"español": "es", "Deutsch": "de", "русский": "ru", "ar": "ar", "ara": "ar", "ARA": "ar", "ENG": "en",
		"arabe et français": "ar", "عربي، إنجليزي": "ar", "Russian: followed by English translation": "ru",
		"Spanish, 18 sec": "es", "EU": "", "UN": "", "Klingon": "", "Nats": "",
	} {
		assert.Equal(t, want, LanguageTag(name), name)
	}
}

func TestLanguageListsInScriptLanguage(t *testing.T) {
	fr := lexiconFor("fr")
	for s, want := range map[string]bool{
		"arabe": true, "en arabe": true, "arabe, traduit": true, "arabe/français": true, "arabe et anglais": true,
		"Arabic": true, "photo": false, "AFP": false, "arabophone": false, "porte-parole": false,
	} {
		assert.Equal(t, want, fr.isLanguageList(s), s)
	}
	ru := lexiconFor("ru")
	for s, want := range map[string]bool{
		"на арабском": true, "на арабском языке": true, "арабский": true, "по-русски": true, "русский и английский": true,
		"пресс-служба": false, "архив": false,
	} {
		assert.Equal(t, want, ru.isLanguageList(s), s)
	}
	// The English lexicon does not take other languages' names for
	// languages, so English scripts read as before.
	en := lexiconFor("en")
	assert.False(t, en.isLanguageList("arabe"))
	assert.False(t, en.isLanguageList("latino"))
}

func TestDetectLanguage(t *testing.T) {
	for want, text := range map[string]string{
		"en": "The minister said on Tuesday that the talks were going well.\nSOT A (Arabic): “x”",
		"fr": "Le ministre a déclaré mardi que les discussions avançaient bien et que la paix était possible.",
		"de": "Der Minister sagte am Dienstag, dass die Gespräche gut vorankommen und es eine Lösung gibt.",
		"es": "El ministro dijo el martes que las conversaciones avanzan bien y que la paz es posible.",
		"ru": "Министр заявил во вторник, что переговоры идут хорошо.",
		"uk": "Міністр заявив у вівторок, що переговори йдуть добре і є надія.",
		"ar": "قال الوزير يوم الثلاثاء إن المحادثات تسير بشكل جيد.",
		"zh": "部长周二表示，谈判进展顺利。",
		"tr": "Bakan salı günü görüşmelerin iyi gittiğini ve bu konuda çok umutlu olduğunu söyledi.",
	} {
		assert.Equal(t, want, detectLanguage(strings.Split(text, "\n")), text)
	}
	// A short script whose only clue is its language names.
	assert.Equal(t, "de", detectLanguage([]string{"O-TON Ali (Arabisch): „Ja.“"}))
	assert.Equal(t, "fr", detectLanguage([]string{"SYNCHRO Ali (arabe) : « Oui. »"}))
}

func TestBadScriptLanguage(t *testing.T) {
	_, err := (&Reader{File: "x.txt", Language: "not a tag!"}).ReadBytes([]byte("SOT A (Arabic): “x”"))
	var pe *captions.ParseError
	require.True(t, errors.As(err, &pe))
	assert.Contains(t, err.Error(), "not a BCP 47 tag")
	// A language without inflection rules still reads CLDR's names.
	p, err := (&Reader{Language: "nl"}).ReadBytes([]byte("SOT Ali, woordvoerder (Arabisch): „Ja.”\n"))
	require.NoError(t, err)
	assert.Equal(t, []string{"1|SOT|Ali|woordvoerder|Arabisch|ar|1|Ja."}, tagsOf(p))
}

// TestStrictKeywords keeps words that are also keywords in other
// languages ("TOTAL") from making SOTs of English lines.
func TestStrictKeywords(t *testing.T) {
	p := readString(t, "STORY: Budget\nTOTAL: 2'30\nTOTAL COST OF THE PROJECT IS RISING.\nSOT A, minister (English): “We will pay.”\n")
	assert.Equal(t, []string{"1|SOT|A|minister|English|en|4|We will pay."}, tagsOf(p))
	p = readString(t, "TOTAL Ana Pérez, vecina (español): «Tenemos miedo.»\n")
	assert.Equal(t, []string{"1|SOT|Ana Pérez|vecina|español|es|1|Tenemos miedo."}, tagsOf(p))
}

func TestTypography(t *testing.T) {
	cases := []struct{ lang, line, want string }{
		{"de", `O-TON Ali (Arabisch): ‚Ja, wir kommen.‘`, "Ja, wir kommen."},
		{"de", `O-TON Ali (Arabisch): »Sie sagten: „Nein“.«`, "Sie sagten: „Nein“."},
		{"fr", "SYNCHRO Ali (arabe)\u00a0: «\u00a0Non\u202f!\u00a0»", "Non !"},
		{"fr", "SYNCHRO Ali (arabe) : « Il a dit : “non”. »", "Il a dit : “non”."},
		{"es", `TOTAL Ali (árabe): «¿Quién lo sabe?»`, "¿Quién lo sabe?"},
		{"ru", `СИНХРОН Али (арабский): «Он сказал: „нет“.»`, "Он сказал: „нет“."},
		{"ar", `SOT علي، متحدث (عربي): ”نعم، سنأتي.“`, "نعم، سنأتي."},
		{"zh", `SOT 阿里，发言人（阿拉伯语）：「是的。」`, "是的。"},
		{"zh", `SOT 阿里（阿拉伯语）：『他说「不」。』`, "他说「不」。"},
	}
	for _, c := range cases {
		p, err := (&Reader{Language: c.lang}).ReadBytes([]byte(c.line + "\n"))
		require.NoError(t, err, c.line)
		require.Len(t, p.SOTs, 1, c.line)
		assert.Equal(t, c.want, p.SOTs[0].Turns[0].Text, c.line)
		assert.Equal(t, "ar", p.SOTs[0].Turns[0].Tag, c.line)
		assert.Empty(t, p.Warnings, c.line)
	}
}

// TestNoSOTSaysWhy checks that "no soundbite found" names the tag shapes
// looked for and the line that came nearest, with why it did not count.
func TestNoSOTSaysWhy(t *testing.T) {
	cases := []struct {
		lang, script string
		line         int
		why          string
	}{
		{"de", "Titel\n\nDer General sprach in Moskau. O-TON Haftar (Klingonisch) „Ja.“\n", 3, "“(Klingonisch)” is not a language name known in German or English"},
		{"", "Title\n\nThe general spoke. SOT Haftar, head of LNA, says yes.\n", 3, `it has "SOT" but no “(Language)”`},
		{"", "Title\n\nThe general spoke.\nHaftar (English) said: “Yes.”\n", 4, "it names a spoken language, “(English)”, but has no soundbite keyword"},
	}
	for _, c := range cases {
		_, err := (&Reader{File: "s.txt", Language: c.lang}).ReadBytes([]byte(c.script))
		require.Error(t, err, c.script)
		assert.True(t, errors.Is(err, ErrNoSOT), "%v", err)
		var pe *captions.ParseError
		require.True(t, errors.As(err, &pe))
		assert.Equal(t, c.line, pe.Line, "%v", err)
		assert.Contains(t, err.Error(), c.why)
		for _, shape := range []string{"SOT Name, title (Language)", "SYNCHRO", "O-TON", "СИНХРОН", "SOUNDBITE (Language)", "(SOUNDBITE)(Language)", "inside a paragraph"} {
			assert.Contains(t, err.Error(), shape)
		}
	}
}
