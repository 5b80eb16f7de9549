package app

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sotcap/sotcap/captions/script"
)

// ScriptOptions are the flags of `sotcap script`.
type ScriptOptions struct {
	File           string // the script; "-" reads standard input
	JSON           bool   // print JSON instead of text
	Dialect        string // force a dialect instead of detecting it
	DropInsertions bool   // drop [insertions] from the text
	Strict         bool   // treat soundbite problems as errors
}

// scriptJSON is the --json output, in exactly the shape issue 3 gives.
type scriptJSON struct {
	Title    string        `json:"title"`
	Dialect  string        `json:"dialect"`
	SOTs     []sotJSON     `json:"sots"`
	Warnings []warningJSON `json:"warnings"`
}

type sotJSON struct {
	Index int        `json:"index"`
	Kind  string     `json:"kind"`
	Line  int        `json:"line"`
	Turns []turnJSON `json:"turns"`
}

type turnJSON struct {
	Speaker  string `json:"speaker"`
	Title    string `json:"title"`
	Language string `json:"language"`
	Text     string `json:"text"`
	Line     int    `json:"line"`
}

// runScript reads a package script and prints its soundbites.
func RunScript(opts ScriptOptions, s IO) error {
	rd := script.Reader{File: opts.File, Dialect: opts.Dialect, DropInsertions: opts.DropInsertions, Strict: opts.Strict}
	var in io.Reader = s.In
	if opts.File == "-" {
		rd.File = "<stdin>"
	} else {
		f, err := os.Open(opts.File)
		if err != nil {
			return BadInput(err)
		}
		defer f.Close()
		in = f
	}
	pkg, err := rd.Read(in)
	if err != nil {
		return BadInput(err)
	}
	if opts.JSON {
		return writeScriptJSON(s.Out, pkg)
	}
	for _, w := range pkg.Warnings {
		fmt.Fprintf(s.Err, "%s: warning: %s\n", rd.File, w)
	}
	return writeScriptText(s.Out, pkg)
}

// writeScriptJSON prints pkg in the --json shape.
func writeScriptJSON(w io.Writer, pkg *script.Package) error {
	out := scriptJSON{Title: pkg.Title, Dialect: pkg.Dialect, SOTs: []sotJSON{}, Warnings: []warningJSON{}}
	for _, st := range pkg.SOTs {
		sj := sotJSON{Index: st.Index, Kind: st.Kind, Line: st.Line, Turns: []turnJSON{}}
		for _, t := range st.Turns {
			sj.Turns = append(sj.Turns, turnJSON{Speaker: t.Speaker, Title: t.Title, Language: t.Language, Text: t.Text, Line: t.Line})
		}
		out.SOTs = append(out.SOTs, sj)
	}
	for _, wn := range pkg.Warnings {
		out.Warnings = append(out.Warnings, warningJSON{Line: wn.Line, Message: wn.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeScriptText prints pkg for people.
func writeScriptText(w io.Writer, pkg *script.Package) error {
	var b strings.Builder
	if pkg.Title != "" {
		fmt.Fprintf(&b, "%s\n", pkg.Title)
	}
	fmt.Fprintf(&b, "dialect %s, %s, %d SOT(s), %d warning(s)\n", pkg.Dialect, pkg.Encoding, len(pkg.SOTs), len(pkg.Warnings))
	for _, st := range pkg.SOTs {
		lang := st.Language()
		if tag := script.LanguageTag(lang); tag != "" {
			lang += " [" + tag + "]"
		}
		fmt.Fprintf(&b, "\n%s %d (line %d)  %s\n", st.Kind, st.Index, st.Line, lang)
		for _, t := range st.Turns {
			who := t.Speaker
			if t.Title != "" {
				who += ", " + t.Title
			}
			if t.Language != "" && t.Language != st.Language() {
				who += " (" + t.Language + ")"
			}
			fmt.Fprintf(&b, "  %d  %s:\n", t.Line, who)
			if t.Text == "" {
				fmt.Fprintf(&b, "      (no text)\n")
			} else {
				fmt.Fprintf(&b, "      %s\n", t.Text)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
