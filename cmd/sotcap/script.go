package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sotcap/sotcap/captions/script"
	"github.com/spf13/cobra"
)

// scriptOptions are the flags of `sotcap script`.
type scriptOptions struct {
	file           string // the script; "-" reads standard input
	json           bool   // print JSON instead of text
	dialect        string // force a dialect instead of detecting it
	dropInsertions bool   // drop [insertions] from the text
	strict         bool   // treat soundbite problems as errors
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
func runScript(opts scriptOptions, s stdio) error {
	rd := script.Reader{File: opts.file, Dialect: opts.dialect, DropInsertions: opts.dropInsertions, Strict: opts.strict}
	var in io.Reader = s.in
	if opts.file == "-" {
		rd.File = "<stdin>"
	} else {
		f, err := os.Open(opts.file)
		if err != nil {
			return badInput(err)
		}
		defer f.Close()
		in = f
	}
	pkg, err := rd.Read(in)
	if err != nil {
		return badInput(err)
	}
	if opts.json {
		return writeScriptJSON(s.out, pkg)
	}
	for _, w := range pkg.Warnings {
		fmt.Fprintf(s.err, "%s: warning: %s\n", rd.File, w)
	}
	return writeScriptText(s.out, pkg)
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

// newScriptCmd builds `sotcap script`.
func newScriptCmd(s stdio) *cobra.Command {
	var opts scriptOptions
	cmd := &cobra.Command{
		Use:   "script FILE",
		Short: "List the soundbites (SOTs) of a news package script",
		Long: `script reads a news package script — Ruptly/RT ("SOT Name, Title (Language): “…”"),
AP ("SOUNDBITE (Language) Name, Title:") or Reuters ("(SOUNDBITE) (Language)
NAME, TITLE, SAYING:") — and lists its soundbites with their speakers, spoken
languages and text. FILE "-" reads standard input. Warnings (repaired
encodings, stray symbols, cut-off quotes) go to standard error, or into the
JSON with --json. Exit status 2 when nothing usable remains.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.file = args[0]
			return runScript(opts, s)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.json, "json", false, "print JSON: {title, dialect, sots: [{index, kind, line, turns: [{speaker, title, language, text, line}]}], warnings: [{line, message}]}")
	f.StringVar(&opts.dialect, "dialect", "", "read as this dialect (ruptly, ap, reuters) instead of detecting it")
	f.BoolVar(&opts.dropInsertions, "drop-insertions", false, "drop editorial [insertions] from the text")
	f.BoolVar(&opts.strict, "strict", false, "fail on any soundbite problem (unterminated quote, missing text or language)")
	return cmd
}
