package script

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Agency copy does not always put a soundbite tag at the start of a line:
// web transcripts run a Reuters "(SOUNDBITE)(English) NAME, SAYING: “…”"
// on from the narrative, and shotlists flattened into one paragraph carry
// "… 6. Mid of journalists 7. SOUNDBITE (English) Name, title: “…” 8. …".
// splitTags cuts such lines where a tag stands inside them (and, in a
// flattened shotlist, before each numbered shot), so that each tag opens
// a line of its own, as the dialect readers expect. Every piece keeps the
// number of its script line and its column there.

// apKeywords are the AP soundbite words that may stand inside a line.
var apKeywords = [...]string{"SOUNDBITE", "SOUND BITE", "UPSOUND", "UP SOUND"}

// reutersTags are the Reuters soundbite tags.
var reutersTags = [...]string{"(SOUNDBITE)", "(SOUND BITE)", "(UPSOUND)", "(UP SOUND)"}

// splitTags cuts lines at the soundbite tags inside them, returning the
// pieces, the 1-based script line of each and the rune column (less one)
// where each begins there.
func (lx *lexicon) splitTags(raw []string) (lines []string, lineNo, colOff []int) {
	for n, l := range raw {
		cuts := lx.tagCuts(l)
		if len(cuts) == 0 {
			if lines != nil {
				lines = append(lines, l)
				lineNo = append(lineNo, n+1)
				colOff = append(colOff, 0)
			}
			continue
		}
		if lines == nil {
			// The first cut: copy the lines before it, one piece each.
			lines = append(make([]string, 0, len(raw)+8), raw[:n]...)
			lineNo = make([]int, n, len(raw)+8)
			colOff = make([]int, n, len(raw)+8)
			for i := range lineNo {
				lineNo[i] = i + 1
			}
		}
		prev, col := 0, 0
		for _, c := range append(cuts, len(l)) {
			piece := l[prev:c]
			if !blank(piece) {
				lines = append(lines, piece)
				lineNo = append(lineNo, n+1)
				colOff = append(colOff, col)
			}
			col += utf8.RuneCountInString(piece)
			prev = c
		}
	}
	if lines == nil {
		// Nothing was cut: the script's own lines, numbered as they stand.
		return raw, nil, nil
	}
	return lines, lineNo, colOff
}

// mayHoldTag is a quick test that a line holds any tag at all.
func mayHoldTag(l string) bool {
	for _, s := range [...]string{"SOUND", "UPSOUND", "UP SOUND", "SOT", "SYNCHRO", "O-TON", "O-Ton", "СИНХРОН", "Синхрон", "СНХР", "TOTAL", "DECLARACI"} {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// tagCuts returns the byte offsets, in increasing order and all inside
// the line (never 0), where l should be cut.
func (lx *lexicon) tagCuts(l string) []int {
	if !mayHoldTag(l) {
		return nil
	}
	c := cutter{l: l, start: len(l) - len(strings.TrimLeft(l, " ")), text: -1}
	// Reuters: "(SOUNDBITE)(English) NAME, SAYING: “…”".
	for _, tag := range reutersTags {
		for off := 0; ; {
			i := strings.Index(l[off:], tag)
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(tag)
			c.add(at)
		}
	}
	// AP and AFP: "7. SOUNDBITE (English) Name, title:", "SOUNDBITE 1 Name,
	// title (Spanish, 18 sec):", "… saying UPSOUND (Arabic): “…”".
	for _, kw := range apKeywords {
		for off := 0; ; {
			i := strings.Index(l[off:], kw)
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(kw)
			if at == 0 || !spaceBefore(l, at) || !keywordAt(l[at:], kw) {
				continue
			}
			if lx.apTagShape(head(l[at+len(kw):], 200)) {
				c.add(at)
			}
		}
	}
	// Ruptly and its language services: "… SOT, Name, title (Language): “…”",
	// "… SOT: Name, title (gloss) text".
	for _, k := range sotKeywords {
		for off := 0; ; {
			i := strings.Index(l[off:], k.word)
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(k.word)
			h := head(l[at:], 300)
			if at == 0 || !spaceBefore(l, at) || lx.sotMarker(h) == 0 {
				continue
			}
			if lx.sotTagShape(h, len(k.word)) {
				c.add(at)
			}
		}
	}
	if len(c.cuts) == 0 {
		return nil
	}
	if c.numbered || startsWithShotNumber(l) {
		c.cuts = append(c.cuts, shotChain(l, c.start)...)
	}
	return sortedUnique(c.cuts)
}

// cutter gathers the cuts of one line.
type cutter struct {
	l        string
	start    int   // where the line's text begins
	cuts     []int // offsets to cut at
	numbered bool  // a cut stands after a shot number: a flattened shotlist
	text     int   // where the first letter or digit is; -1 before it is looked for
}

// add records a cut before a tag at offset at, or before the shot number
// just before it ("… 7. SOUNDBITE" is cut before "7.").
func (c *cutter) add(at int) {
	if b, ok := shotNumberBefore(c.l, at); ok {
		at = b
		c.numbered = true
	}
	// Decoration before a tag ("• SOT") is not text to cut off.
	if c.text < 0 {
		c.text = len(c.l)
		if i := strings.IndexFunc(c.l[c.start:], isWordRune); i >= 0 {
			c.text = c.start + i
		}
	}
	if at > c.start && c.text < at {
		c.cuts = append(c.cuts, at)
	}
}

// spaceBefore reports whether l[at] follows a space or punctuation that
// ends a phrase.
func spaceBefore(l string, at int) bool {
	r, _ := utf8.DecodeLastRuneInString(l[:at])
	return r == ' ' || r == '.' || r == ';' || r == ',' || r == ')' || r == '”' || r == '“' || r == '"' || r == '»' || r == '/'
}

// apTagShape reports whether what follows an AP keyword inside a line
// looks like a soundbite: "(Language)", a colon, or an AFP number and a
// name ("1 Nicolas Maduro").
func (lx *lexicon) apTagShape(rest string) bool {
	rest = strings.TrimPrefix(rest, "S") // SOUNDBITES
	r := strings.TrimLeft(rest, " ")
	if strings.HasPrefix(r, ":") {
		r = strings.TrimLeft(r[1:], " ")
		if !strings.HasPrefix(r, "(") {
			// "SOUNDBITE: Name, title, saying (English):"
			return r != "" && isUpperStart(r)
		}
	}
	if strings.HasPrefix(r, "(") {
		gs := parenGroups(r)
		if len(gs) == 0 || gs[0].start != 0 {
			return false
		}
		inner := strings.TrimSpace(r[gs[0].in:gs[0].out])
		return lx.isLanguageList(inner) || capitalisedList(inner)
	}
	// AFP: "SOUNDBITE 1 Nicolas Maduro, …".
	d := strings.TrimLeft(r, "0123456789")
	return len(d) < len(r) && len(r)-len(d) <= 2 && strings.HasPrefix(d, " ") && isUpperStart(strings.TrimLeft(d, " "))
}

// sotTagShape reports whether a Ruptly-style keyword inside a line opens
// a soundbite: the keyword is followed by a colon, or by a speaker part
// that names a spoken language.
func (lx *lexicon) sotTagShape(t string, n int) bool {
	after := strings.TrimLeft(t[n:], " ")
	body := sotBody(t, n)
	if body == "" {
		return false
	}
	spk, _, _ := lx.splitSpeaker(body)
	if _, _, lang := lx.speakerParts(spk); lang != "" && lx.isLanguageList(lang) {
		return true
	}
	return (strings.HasPrefix(after, ":") || strings.HasPrefix(after, "：")) && isUpperStart(body)
}

// isUpperStart reports text that opens with an upper-case letter (a name).
func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r != utf8.RuneError && r != toLower(r)
}

func toLower(r rune) rune { return []rune(strings.ToLower(string(r)))[0] }

// shotNumberBefore finds a shot number ("7. ", "12) ") just before at, and
// returns where it begins.
func shotNumberBefore(l string, at int) (int, bool) {
	i := at
	for i > 0 && l[i-1] == ' ' && at-i < 8 {
		i--
	}
	if i == 0 || l[i-1] != '.' && l[i-1] != ')' {
		return at, false
	}
	j := i - 1
	k := j
	for k > 0 && l[k-1] >= '0' && l[k-1] <= '9' && j-k < 5 {
		k--
	}
	if k == j || k > 0 && l[k-1] != ' ' {
		return at, false
	}
	return k, true
}

// startsWithShotNumber reports a line that opens with a shot number.
func startsWithShotNumber(l string) bool {
	_, ok := shotNumber(strings.TrimLeft(l, " "))
	return ok
}

// shotChain returns, for a flattened shotlist, where each numbered shot
// begins: the longest run of shot numbers ("1. ", "2. ", "2. ", "3) ")
// that rise by one (or repeat), so that years and amounts in the prose
// ("in 2019. The") are not taken for shots. AP headers written inside the
// paragraph ("STORYLINE:") are cut too.
func shotChain(l string, start int) []int {
	type cand struct{ at, n int }
	var cs []cand
	for i := 0; i < len(l) && len(cs) < 400; i++ {
		c := l[i]
		if c < '0' || c > '9' || i > 0 && l[i-1] != ' ' {
			continue
		}
		j := i
		for j < len(l) && l[j] >= '0' && l[j] <= '9' {
			j++
		}
		if j-i > 3 || j+1 >= len(l) || l[j] != '.' && l[j] != ')' || l[j+1] != ' ' {
			i = j
			continue
		}
		n := 0
		for _, d := range l[i:j] {
			n = n*10 + int(d-'0')
		}
		cs = append(cs, cand{i, n})
		i = j
	}
	var best []int
	for s := range cs {
		chain := []int{cs[s].at}
		last := cs[s].n
		for _, c := range cs[s+1:] {
			if c.n == last+1 || c.n == last {
				chain = append(chain, c.at)
				last = c.n
			}
		}
		if len(chain) > len(best) {
			best = chain
		}
	}
	if len(best) < 2 {
		best = nil
	}
	var out []int
	for _, at := range best {
		if at > start {
			out = append(out, at)
		}
	}
	for _, h := range [...]string{" STORYLINE:", " SHOTLIST:", " STORY:"} {
		if i := strings.Index(l, h); i > start {
			out = append(out, i+1)
		}
	}
	return out
}

// sortedUnique sorts offsets and drops repeats.
func sortedUnique(a []int) []int {
	sort.Ints(a)
	out := a[:0]
	for i, v := range a {
		if i == 0 || v != a[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// head returns at most the first n bytes of s, cut at a rune boundary: the
// part of a line that a tag's shape is judged on.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
