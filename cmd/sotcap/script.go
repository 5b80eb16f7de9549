package main

import (
	"github.com/sotcap/sotcap/internal/app"
	"github.com/spf13/cobra"
)

// newScriptCmd builds `sotcap script`.
func newScriptCmd(s app.IO) *cobra.Command {
	var opts app.ScriptOptions
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
			opts.File = args[0]
			return app.RunScript(opts, s)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.JSON, "json", false, "print JSON: {title, dialect, sots: [{index, kind, line, turns: [{speaker, title, language, text, line}]}], warnings: [{line, message}]}")
	f.StringVar(&opts.Dialect, "dialect", "", "read as this dialect (ruptly, ap, reuters) instead of detecting it")
	f.BoolVar(&opts.DropInsertions, "drop-insertions", false, "drop editorial [insertions] from the text")
	f.BoolVar(&opts.Strict, "strict", false, "fail on any soundbite problem (unterminated quote, missing text or language)")
	return cmd
}
