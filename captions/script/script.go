// Package script reads news package scripts — the text a newsroom writes
// around a video package — and finds their soundbites (SOTs): who speaks,
// with what title, in which language, and the translation of what they
// say.
//
// It reads three house styles ("dialects") and detects which one a script
// uses:
//
//	ruptly:  SOT Khalifa Haftar, Head of LNA (Arabic): “…”
//	         Reporter (Arabic): “…”            (a further turn of that SOT)
//	ap:      5. SOUNDBITE (Arabic) Khalifa Haftar, Head of LNA:
//	         "…"
//	reuters: (SOUNDBITE) (Arabic) KHALIFA HAFTAR, HEAD OF LNA, SAYING: “…”
//
// Agencies' other language services write the same lines with their own
// keyword (SYNCHRO, O-TON, TOTAL, DECLARACIÓN, СИНХРОН), their own names for
// languages ("(arabe) :", "(auf Arabisch)", "(на арабском)", "(عربي)",
// "（阿拉伯语）"), quotation marks and punctuation; the script's language is
// given (Reader.Language) or detected. A tag need not open a line: web
// transcripts and flattened shotlists carry "… soon. (SOUNDBITE)(English)
// NAME, SAYING: “…”" or "… 6. Mid of hall 7. SOUNDBITE (English) Name:
// “…” 8. …" inside a paragraph, and the reader finds them there.
//
// Everything else — headline, lead, voice-over, shot descriptions, the
// storyline, quotes paraphrased in prose — is narrative and never becomes a
// SOT. Text is kept exactly as the translator wrote it, without the
// surrounding quote marks.
//
// Scripts arrive in UTF-8 (with or without a byte-order mark), UTF-16 or
// UTF-32 with a byte-order mark, or Windows-1252 / Mac Roman when the bytes
// are not UTF-8; with CRLF line ends, no-break spaces and HTML entities.
// The reader decodes all of these, repairs the mojibake it can recognise
// and drops stray symbols, reporting each repair as a warning with its
// line.
package script

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/script/internal/textdecode"
	"golang.org/x/text/language"
)

// Dialects a script can be written in.
const (
	DialectRuptly  = "ruptly"
	DialectAP      = "ap"
	DialectReuters = "reuters"
)

// Kinds of soundbite.
const (
	KindSOT       = "SOT"       // Ruptly/RT "SOT"
	KindSoundbite = "SOUNDBITE" // AP and Reuters "SOUNDBITE"
	KindUpsound   = "UPSOUND"   // AP "UPSOUND": sound up on people on camera
)

// Encodings Package.Encoding names.
const (
	EncodingUTF8        = textdecode.EncodingUTF8
	EncodingUTF8BOM     = textdecode.EncodingUTF8BOM
	EncodingUTF16LE     = textdecode.EncodingUTF16LE
	EncodingUTF16BE     = textdecode.EncodingUTF16BE
	EncodingUTF32LE     = textdecode.EncodingUTF32LE
	EncodingUTF32BE     = textdecode.EncodingUTF32BE
	EncodingWindows1252 = textdecode.EncodingWindows1252
	EncodingMacRoman    = textdecode.EncodingMacRoman
	// EncodingUTF8Mixed is UTF-8 with some lines in Windows-1252.
	EncodingUTF8Mixed = textdecode.EncodingUTF8Mixed
)

// Errors wrapped in the *captions.ParseError values that Read returns
// (test with errors.Is). Except for ErrEmpty, ErrBinary and ErrTooLarge,
// they are reported as warnings while something usable remains, and
// returned only when nothing does (or when Reader.Strict is set).
var (
	ErrEmpty             = textdecode.ErrEmpty
	ErrBinary            = textdecode.ErrBinary
	ErrTooLarge          = errors.New("script too large")
	ErrNoSOT             = errors.New("no soundbite found")
	ErrUnterminatedQuote = errors.New("unterminated quote")
	ErrNoText            = errors.New("speaker line has no text")
	ErrNoLanguage        = errors.New("soundbite has no spoken language")
)

// MaxSize is the largest script Read accepts, in bytes.
const MaxSize = 64 << 20

// Package is what a script says about a news package's soundbites.
type Package struct {
	// Title is the script's headline (its first line, or the value of a
	// STORY:/HEADLINE:/TITLE: header).
	Title string
	// Dialect is the house style found: DialectRuptly, DialectAP or
	// DialectReuters.
	Dialect string
	// Encoding is the character encoding the script was read in, such as
	// "utf-8", "utf-16le" or "windows-1252".
	Encoding string
	// Language is the language the script is written in, as a BCP 47
	// primary subtag ("en", "fr"): Reader.Language, or the one detected.
	// Language names in parentheses are read in it first, then in English.
	Language string
	// SOTs are the soundbites in script order; SOTs[i].Index is i+1.
	SOTs []SOT
	// Warnings are the problems that did not stop the script being read,
	// in line order.
	Warnings []captions.Warning
}

// SOT is one soundbite: a stretch of the package where people on camera
// speak, with one turn per change of speaker.
type SOT struct {
	// Index numbers the SOTs of a package from 1.
	Index int
	// Kind is KindSOT, KindSoundbite or KindUpsound.
	Kind string
	// Line is the 1-based script line where the SOT begins.
	Line int
	// Turns are what each speaker says, in order. A SOT whose speaker line
	// has no text keeps one turn with an empty Text (so SOT numbers still
	// match the edit), with a warning.
	Turns []Turn
}

// Turn is what one speaker says within a SOT.
type Turn struct {
	// Speaker is the name (or role: "Reporter", "Vox pop", "Question") as
	// written.
	Speaker string
	// Title is what follows the name after the first comma ("Head of
	// Libyan National Army"), as written; it may contain commas.
	Title string
	// Language is the spoken language as written ("Arabic",
	// "Arabic/French", "arabe", "на арабском"); LanguageTag converts it to
	// a BCP 47 tag.
	Language string
	// Tag is the BCP 47 primary subtag of Language's first language, read
	// in the script's language ("ar" for "arabe" in a French script), or ""
	// when it is unknown or natural sound.
	Tag string
	// Text is the translation (or transcription) exactly as written,
	// without the surrounding quote marks; paragraphs are joined with a
	// space.
	Text string
	// Line is the 1-based script line where the turn's speaker is named.
	Line int
}

// Language returns the spoken language of the SOT's first turn.
func (s SOT) Language() string {
	if len(s.Turns) == 0 {
		return ""
	}
	return s.Turns[0].Language
}

// HasText reports whether any turn of the SOT has text.
func (s SOT) HasText() bool {
	for _, t := range s.Turns {
		if t.Text != "" {
			return true
		}
	}
	return false
}

// Reader reads scripts with options. The zero value reads any dialect and
// keeps editorial insertions.
type Reader struct {
	// File names the input in errors ("" when unknown).
	File string
	// Dialect forces a dialect (DialectRuptly, DialectAP, DialectReuters)
	// instead of detecting it; "" detects.
	Dialect string
	// DropInsertions removes editorial insertions in square brackets
	// ("asked [Russia] to [help]" becomes "asked to") from the text.
	DropInsertions bool
	// Strict makes any problem that would be a warning about a soundbite
	// (an unterminated quote, a speaker line without text, a missing
	// language) an error.
	Strict bool
	// Language is the language the script is written in, as a BCP 47 tag
	// ("fr", "de-CH", "ar"); "" detects it from the script's letters and
	// words. Spoken languages in parentheses are read as that language
	// names them ("(arabe)", "(Arabisch)", "(на арабском)"), and in
	// English.
	Language string
}

// Read reads a script with the zero Reader: detected dialect, insertions
// kept.
func Read(r io.Reader) (*Package, error) {
	var rd Reader
	return rd.Read(r)
}

// ReadFile reads the script in the named file.
func ReadFile(name string) (*Package, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rd := Reader{File: name}
	return rd.Read(f)
}

// Read reads a whole script from in. It returns an error, a
// *captions.ParseError, when the input is empty or not text, or when no
// soundbite with text remains; every lesser problem is a warning in
// Package.Warnings.
func (rd *Reader) Read(in io.Reader) (*Package, error) {
	b, err := io.ReadAll(io.LimitReader(in, MaxSize+1))
	if err != nil {
		return nil, &captions.ParseError{File: rd.File, Err: err}
	}
	if len(b) > MaxSize {
		return nil, &captions.ParseError{File: rd.File, Err: fmt.Errorf("%w: more than %d MiB", ErrTooLarge, MaxSize>>20)}
	}
	return rd.parse(b)
}

// ReadBytes reads a whole script held in memory.
func (rd *Reader) ReadBytes(b []byte) (*Package, error) {
	if len(b) > MaxSize {
		return nil, &captions.ParseError{File: rd.File, Err: fmt.Errorf("%w: more than %d MiB", ErrTooLarge, MaxSize>>20)}
	}
	return rd.parse(b)
}

// parser holds the state of one Read.
type parser struct {
	rd       *Reader
	lx       *lexicon
	lines    []string // cleaned; a script line cut where a soundbite tag stands inside it
	lineNo   []int    // the 1-based script line of each of lines
	colOff   []int    // the rune column in its script line where each of lines begins, less one
	pkg      *Package
	problems []*captions.ParseError
}

// ln returns the 1-based script line of lines[i].
func (p *parser) ln(i int) int {
	if i < len(p.lineNo) {
		return p.lineNo[i]
	}
	return i + 1
}

// col turns a 1-based column in lines[i] into one in its script line.
func (p *parser) col(i, c int) int {
	if c <= 0 || i >= len(p.colOff) {
		return c
	}
	return c + p.colOff[i]
}

func (rd *Reader) parse(b []byte) (*Package, error) {
	text, enc, warns, err := textdecode.Text(b)
	if err != nil {
		var pe *captions.ParseError
		if errors.As(err, &pe) {
			pe.File = rd.File
		}
		return nil, err
	}
	p := &parser{rd: rd, pkg: &Package{Encoding: enc, Warnings: warns}}
	raw := strings.Split(text, "\n")
	for i, l := range raw {
		var fix textdecode.LineFix
		raw[i] = textdecode.CleanLine(l, &fix)
		p.reportFix(i+1, &fix)
	}
	lang := ""
	if rd.Language != "" {
		t, err := language.Parse(rd.Language)
		if err != nil {
			return nil, p.fail(0, 0, fmt.Errorf("script language %q is not a BCP 47 tag (want one such as %s)", rd.Language, strings.Join(scriptLanguages[:], ", ")))
		}
		b, _ := t.Base()
		lang = b.String()
	} else {
		lang = detectLanguage(raw)
	}
	p.lx = lexiconFor(lang)
	p.pkg.Language = lang
	p.lines, p.lineNo, p.colOff = p.lx.splitTags(raw)
	p.pkg.Title = p.title()
	dialect := rd.Dialect
	if dialect == "" {
		dialect = p.lx.detect(p.lines)
	}
	switch dialect {
	case DialectRuptly:
		p.ruptly()
	case DialectAP:
		p.ap()
	case DialectReuters:
		p.reuters()
	case "":
		return nil, p.noSOT()
	default:
		return nil, p.fail(0, 0, fmt.Errorf("unknown dialect %q (want %s, %s or %s)", dialect, DialectRuptly, DialectAP, DialectReuters))
	}
	p.pkg.Dialect = dialect
	if rd.Strict && len(p.problems) > 0 {
		return nil, p.problems[0]
	}
	usable := false
	for _, s := range p.pkg.SOTs {
		if s.HasText() {
			usable = true
			break
		}
	}
	if !usable {
		if len(p.problems) > 0 {
			return nil, p.problems[0]
		}
		return nil, p.fail(0, 0, fmt.Errorf("%w: the %s script has no soundbite with text", ErrNoSOT, dialect))
	}
	for i := range p.pkg.SOTs {
		for j := range p.pkg.SOTs[i].Turns {
			t := &p.pkg.SOTs[i].Turns[j]
			t.Tag = p.lx.tag(t.Language)
		}
	}
	sort.SliceStable(p.pkg.Warnings, func(i, j int) bool { return p.pkg.Warnings[i].Line < p.pkg.Warnings[j].Line })
	return p.pkg, nil
}

// fail builds a ParseError for the input.
func (p *parser) fail(line, col int, err error) *captions.ParseError {
	return &captions.ParseError{File: p.rd.File, Line: line, Column: col, Err: err}
}

// warn records a warning about a 1-based line.
func (p *parser) warn(line int, format string, args ...any) {
	p.pkg.Warnings = append(p.pkg.Warnings, captions.Warning{Line: line, Message: fmt.Sprintf(format, args...)})
}

// problem records a problem that is a warning unless the reader is strict
// or nothing usable remains.
func (p *parser) problem(line, col int, err error) {
	pe := p.fail(line, col, err)
	p.problems = append(p.problems, pe)
	msg := err.Error()
	if col > 0 {
		msg = fmt.Sprintf("column %d: %s", col, msg)
	}
	p.pkg.Warnings = append(p.pkg.Warnings, captions.Warning{Line: line, Message: msg})
}

// reportFix turns what cleanLine did to a line into warnings.
func (p *parser) reportFix(line int, fix *textdecode.LineFix) {
	if len(fix.Stray) > 0 {
		var names []string
		for _, r := range fix.Stray {
			if r >= 0x20 && r != 0x7F && (r < 0x80 || r > 0x9F) && r != 0xFEFF && r != 0x200B && r != 0x2060 {
				names = append(names, fmt.Sprintf("%q (U+%04X)", r, r))
			} else {
				names = append(names, fmt.Sprintf("U+%04X", r))
			}
		}
		if len(names) > 5 {
			names = append(names[:5], fmt.Sprintf("and %d more", len(names)-5))
		}
		p.warn(line, "dropped stray symbol(s) %s", strings.Join(names, ", "))
	}
	if fix.Dollars > 0 {
		p.warn(line, "read ¤ before a number as $ (¤ stands for $ in ISO 6937)")
	}
	if len(fix.Mojibake) > 0 {
		ex := fix.Mojibake
		more := ""
		if len(ex) > 3 {
			more = fmt.Sprintf(" and %d more", len(ex)-3)
			ex = ex[:3]
		}
		p.warn(line, "repaired mojibake %s%s", strings.Join(ex, ", "), more)
	}
}

// newSOT appends a SOT that begins at 0-based line i and returns it.
func (p *parser) newSOT(kind string, i int) *SOT {
	p.pkg.SOTs = append(p.pkg.SOTs, SOT{Index: len(p.pkg.SOTs) + 1, Kind: kind, Line: p.ln(i)})
	return &p.pkg.SOTs[len(p.pkg.SOTs)-1]
}

// current returns the last SOT.
func (p *parser) current() *SOT { return &p.pkg.SOTs[len(p.pkg.SOTs)-1] }

// titleKeys are header keys whose value is the package's title.
var titleKeys = map[string]bool{"STORY": true, "HEADLINE": true, "TITLE": true, "SLUG": true}

// title returns the script's headline: its first non-blank line, or the
// value of a STORY:/HEADLINE:/TITLE:/SLUG: header when the script opens
// with headers. A first line that is a soundbite gives no title.
func (p *parser) title() string {
	for i, l := range p.lines {
		l = collapse(l)
		if l == "" {
			continue
		}
		if key, val, ok := header(l); ok {
			if titleKeys[key] {
				return val
			}
			for _, m := range p.lines[i+1 : min(len(p.lines), i+60)] {
				if key, val, ok := header(collapse(m)); ok && titleKeys[key] {
					return val
				}
			}
			return ""
		}
		if p.lx.sotMarker(l) > 0 || p.lx.decoratedSOT(l) > 0 || isAPBite(l) || isReutersBite(l) {
			return ""
		}
		// A Reuters slug ("JAPAN-EARTHQUAKE/RESCUE") precedes the headline.
		if isSlug(l) {
			for _, m := range p.lines[i+1 : min(len(p.lines), i+4)] {
				m = collapse(m)
				if m == "" {
					continue
				}
				if _, _, ok := header(m); !ok && !isSlug(m) && p.lx.sotMarker(m) == 0 && !isAPBite(m) && !isReutersBite(m) {
					return m
				}
				break
			}
		}
		return l
	}
	return ""
}

// isSlug reports a Reuters slug: one upper-case word joined with - or /.
func isSlug(l string) bool {
	if strings.ContainsAny(l, " ") || !strings.ContainsAny(l, "-/") {
		return false
	}
	for _, r := range l {
		if r >= 'a' && r <= 'z' {
			return false
		}
	}
	return true
}

// header recognises "KEY: value" lines whose key is one or more capital
// words (AP and Reuters headers: "STORY:", "SHOTLIST:", "VIDEO SHOWS:").
func header(l string) (key, val string, ok bool) {
	c := strings.IndexByte(l, ':')
	if c < 2 || c > 30 {
		return "", "", false
	}
	key = l[:c]
	for i := 0; i < len(key); i++ {
		ch := key[i]
		if !(ch >= 'A' && ch <= 'Z' || ch == ' ' || ch == '/' || ch == '-' || ch == '&') {
			return "", "", false
		}
	}
	if key[0] == ' ' {
		return "", "", false
	}
	// "SOUNDBITE: (English) …" is a soundbite, not a header.
	if isAPBite(key) {
		return "", "", false
	}
	return strings.TrimSpace(key), strings.TrimSpace(l[c+1:]), true
}

// collapse trims s and turns runs of spaces into one.
func collapse(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// detect chooses the dialect with the most soundbite lines; "" when none
// has any.
func (lx *lexicon) detect(lines []string) string {
	var ruptly, turns, ap, reuters, apHeaders int
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		switch {
		case isReutersBite(l):
			reuters++
		case isAPBite(l):
			ap++
		case lx.sotMarker(l) > 0, lx.decoratedSOT(l) > 0, strings.HasPrefix(l, "((") && lx.isVOASOT(l):
			ruptly++
		default:
			if key, _, ok := header(l); ok && (key == "SHOTLIST" || key == "STORYLINE") {
				apHeaders++
			} else if _, _, ok := lx.ruptlyTurn(l); ok {
				turns++
			}
		}
	}
	switch {
	case ruptly == 0 && ap == 0 && reuters == 0:
		if turns > 0 {
			return DialectRuptly
		}
		return ""
	case ap > ruptly && ap > reuters, ap > 0 && ap == max(ruptly, reuters) && apHeaders > 0:
		return DialectAP
	case reuters >= ruptly && reuters >= ap:
		return DialectReuters
	case ruptly >= ap:
		return DialectRuptly
	}
	return DialectAP
}
