package main

import (
	"embed"
	"fmt"

	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/app"
	"github.com/spf13/pflag"
)

// The sample package: the seed script and an EDL written for it (see
// sample/SOURCES.md). embed.FS is read-only.
//
//go:embed sample/haftar_moscow_package.txt sample/haftar_moscow_package.edl
var sampleFS embed.FS

const (
	sampleScript = "sample/haftar_moscow_package.txt"
	sampleEDL    = "sample/haftar_moscow_package.edl"
	sampleOut    = "sotcap-out"
)

// runDefault runs the main job, generate, on the embedded sample package.
func runDefault(s app.IO) error {
	scr, err := sampleFS.ReadFile(sampleScript)
	if err != nil {
		return err
	}
	edl, err := sampleFS.ReadFile(sampleEDL)
	if err != nil {
		return err
	}
	fs := pflag.NewFlagSet("sample", pflag.ContinueOnError)
	config.AddFlags(fs)
	// The sample is a British-English service's package.
	if err := fs.Set("set", config.KeySTLCountry+"=GBR"); err != nil {
		return err
	}
	o := app.GenerateOptions{
		Script: "haftar_moscow_package.txt", EDL: "haftar_moscow_package.edl",
		ScriptData: scr, EDLData: edl, FPS: "25", Out: sampleOut, Flags: fs,
	}
	fmt.Fprintln(s.Out, "sotcap: no arguments, so generating captions for the embedded sample package")
	fmt.Fprintln(s.Out, "(the Ruptly script of a Khalifa Haftar interview and a 25 fps news cut starting 10:00:00:00).")
	fmt.Fprintln(s.Out)
	if err := app.RunGenerate(o, s); err != nil {
		return err
	}
	fmt.Fprint(s.Out, `
To caption your own package:
  sotcap generate --script PACKAGE.txt --edl CUT.edl --fps 25
See what it would do first with "sotcap plan", check a vendor's file with
"sotcap check FILE", and list every command with "sotcap help".
`)
	return nil
}
