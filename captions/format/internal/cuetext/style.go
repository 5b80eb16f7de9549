package cuetext

import "github.com/sotcap/sotcap/captions"

// Style is the markup in force over a run of cue text.
type Style struct {
	Italic, Bold, Underline bool
	Color                   captions.Color
	Speaker                 string
}

// flag records, for one of the on/off styles, whether visible text was
// seen with it and without it.
type flag struct{ yes, no bool }

func (f *flag) see(on bool) {
	if on {
		f.yes = true
	} else {
		f.no = true
	}
}

// keep returns whether the whole line has the style, and warns about
// part of a line having it.
func (f flag) keep(lineNo int, w *Warnings, msg string) bool {
	if f.yes && f.no {
		w.Add(lineNo, "%s", msg)
	}
	return f.yes && !f.no
}

// LineBuilder turns styled runs of text into caption lines. A line is
// italic, bold, underlined, coloured or spoken by someone only when all
// of its visible text is; mixed styles within a line are reported, since
// a caption line carries one style.
type LineBuilder struct {
	text                    []byte
	visible                 bool
	italic, bold, underline flag
	color                   captions.Color
	colorMixed              bool
	speaker                 string
	speakerMixed            bool
	lines                   []captions.Line
}

// Append adds a run of text in style st to the current line.
func (b *LineBuilder) Append(text []byte, st Style) {
	if len(text) == 0 {
		return
	}
	b.text = append(b.text, text...)
	if !hasVisible(text) {
		return
	}
	b.italic.see(st.Italic)
	b.bold.see(st.Bold)
	b.underline.see(st.Underline)
	if !b.visible {
		b.visible = true
		b.color, b.speaker = st.Color, st.Speaker
		return
	}
	if st.Color != b.color {
		b.colorMixed = true
	}
	if st.Speaker != b.speaker {
		b.speakerMixed = true
	}
}

// AppendString is Append for a string.
func (b *LineBuilder) AppendString(text string, st Style) {
	b.Append([]byte(text), st)
}

func hasVisible(text []byte) bool {
	for _, c := range text {
		if c != ' ' && c != '\t' {
			return true
		}
	}
	return false
}

// EndLine finishes the current line (read from input line lineNo) and
// reports mixed styles to w.
func (b *LineBuilder) EndLine(lineNo int, w *Warnings) {
	l := captions.Line{Text: string(b.text)}
	l.Italic = b.italic.keep(lineNo, w, "italics on part of a line; the line is kept upright")
	l.Bold = b.bold.keep(lineNo, w, "bold on part of a line; the line is kept in regular weight")
	l.Underline = b.underline.keep(lineNo, w, "underlining on part of a line; the line is kept without it")
	if !b.colorMixed {
		l.Color = b.color
	} else {
		w.Add(lineNo, "several colours on one line; the line keeps the default colour")
	}
	if !b.speakerMixed {
		l.Speaker = b.speaker
	} else {
		w.Add(lineNo, "several voices on one line; the line keeps no speaker")
	}
	if b.lines == nil {
		b.lines = make([]captions.Line, 0, 2) // most captions have one or two lines
	}
	b.lines = append(b.lines, l)
	b.text = b.text[:0]
	b.visible, b.colorMixed, b.speakerMixed = false, false, false
	b.italic, b.bold, b.underline = flag{}, flag{}, flag{}
	b.color, b.speaker = captions.ColorDefault, ""
}

// Take returns the finished lines and starts a new cue.
func (b *LineBuilder) Take() []captions.Line {
	l := b.lines
	b.lines = nil
	return l
}

// ColorByName maps the colour names of WebVTT classes and HTML font tags
// to caption colours ("lime" and "green" are both green).
func ColorByName(s string) (captions.Color, bool) {
	switch toLower(s) {
	case "white", "#ffffff", "#fff":
		return captions.ColorWhite, true
	case "yellow", "#ffff00", "#ff0":
		return captions.ColorYellow, true
	case "cyan", "aqua", "#00ffff", "#0ff":
		return captions.ColorCyan, true
	case "lime", "green", "#00ff00", "#0f0":
		return captions.ColorGreen, true
	case "red", "#ff0000", "#f00":
		return captions.ColorRed, true
	case "blue", "#0000ff", "#00f":
		return captions.ColorBlue, true
	case "magenta", "fuchsia", "#ff00ff", "#f0f":
		return captions.ColorMagenta, true
	case "black", "#000000", "#000":
		return captions.ColorBlack, true
	}
	return captions.ColorDefault, false
}

func toLower(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
