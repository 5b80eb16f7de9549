package main

import (
	"embed"
	"fmt"

	"github.com/spf13/pflag"

	"github.com/sotcap/sotcap/config"
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
func runDefault(s stdio) error {
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
	o := generateOptions{
		script: "haftar_moscow_package.txt", edl: "haftar_moscow_package.edl",
		scriptData: scr, edlData: edl, fps: "25", out: sampleOut, flags: fs,
	}
	fmt.Fprintln(s.out, "sotcap: no arguments, so generating captions for the embedded sample package")
	fmt.Fprintln(s.out, "(the Ruptly script of a Khalifa Haftar interview and a 25 fps news cut starting 10:00:00:00).")
	fmt.Fprintln(s.out)
	if err := runGenerate(o, s); err != nil {
		return err
	}
	fmt.Fprint(s.out, `
To caption your own package:
  sotcap generate --script PACKAGE.txt --edl CUT.edl --fps 25
See what it would do first with "sotcap plan", check a vendor's file with
"sotcap check FILE", and list every command with "sotcap help".
`)
	return nil
}
