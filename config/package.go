package config

import (
	"fmt"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/timing/edl"
)

// Keys of a package run (generate, plan, batch's sotcap.yaml). They have no
// flags of their own here: the commands define theirs and a changed flag
// wins over these.
const (
	KeyScript     = "script"
	KeyEDL        = "edl"
	KeyFPS        = "fps"
	KeyStart      = "start"
	KeyMode       = "mode"
	KeyMap        = "map"
	KeyOut        = "out"
	KeyName       = "name"
	KeyFormats    = "formats"
	KeySOTMarkers = "edl.sot_markers"
	KeyStyle      = "style"

	KeySTLDisplayStandard = "stl.display_standard"
	KeySTLCharacterTable  = "stl.character_table"
	KeySTLCountry         = "stl.country"
	KeySTLSpeakerColors   = "stl.speaker_colors"
	KeySTLBottomRow       = "stl.bottom_row"
	KeySTLCreated         = "stl.created"
	KeySTLPublisher       = "stl.publisher"
	KeySTLTranslator      = "stl.translator"
)

func packageKeys() []Key {
	return []Key{
		{Name: KeyScript, Kind: KindString, Usage: "package script (relative to the config file's folder in batch)"},
		{Name: KeyEDL, Kind: KindString, Usage: "the editor's CMX 3600 EDL"},
		{Name: KeyFPS, Kind: KindString, Usage: "the EDL's frame rate: 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60"},
		{Name: KeyStart, Kind: KindString, Usage: "programme start timecode (default: the EDL's earliest record-in)"},
		{Name: KeyMode, Kind: KindString, Default: "subtitles", Choices: []string{"subtitles", "captions"},
			Usage: "subtitles: only SOTs spoken in another language; captions: every SOT"},
		{Name: KeyMap, Kind: KindString, Usage: "SOT to EDL events, as 1=3,2=5,3=7+9+10 (default: N-th SOT to N-th window)"},
		{Name: KeyOut, Kind: KindString, Default: "sotcap-out", Usage: "output folder"},
		{Name: KeyName, Kind: KindString, Usage: "base name of the output files (default: the script's)"},
		{Name: KeyFormats, Kind: KindStrings, Default: "srt,vtt,stl", Usage: "formats to write (srt, vtt, stl, scc, …)"},
		{Name: KeyStyle, Kind: KindString, Usage: "house style file of segmentation weights, written by sotcap learn (default: the built-in style)"},
		{Name: KeySOTMarkers, Kind: KindStrings, Default: strings.Join(edl.DefaultSOTMarkers(), ","),
			Usage: "words (whole, any case) that mark a SOT in an EDL clip name or locator"},
		{Name: KeySTLDisplayStandard, Kind: KindString, Default: "teletext", Choices: []string{"teletext", "teletext2", "open"},
			Usage: "EBU STL display standard: Teletext level 1 (DSC 1), level 2 (DSC 2) or open subtitling (DSC 0)"},
		{Name: KeySTLCharacterTable, Kind: KindString, Default: "auto", Choices: []string{"auto", "00", "01", "02", "03", "04"},
			Usage: "EBU STL character table: auto (from the language), 00 Latin, 01 Cyrillic, 02 Arabic, 03 Greek, 04 Hebrew"},
		{Name: KeySTLCountry, Kind: KindString, Usage: "EBU STL country of origin, ISO 3166 alpha-3 (default: from the language's region)"},
		{Name: KeySTLSpeakerColors, Kind: KindBool, Default: "false", Usage: "give each speaker a Teletext colour (white, yellow, cyan, green)"},
		{Name: KeySTLBottomRow, Kind: KindInt, Default: "22", Usage: "Teletext row of a caption's last line (1-23)"},
		{Name: KeySTLCreated, Kind: KindString, Usage: "creation date written in the STL (YYYY-MM-DD) for reproducible files (default: today)"},
		{Name: KeySTLPublisher, Kind: KindString, Usage: "EBU STL publisher field"},
		{Name: KeySTLTranslator, Kind: KindString, Usage: "EBU STL translator's name field"},
	}
}

// Style returns the path of the house style file (the style key), or ""
// for the built-in style. A relative path in a config file is relative to
// the working directory, as every other path key is.
func (c *Config) Style() string { return strings.TrimSpace(c.String(KeyStyle)) }

// bad is an *Error for key naming where its value came from.
func (c *Config) bad(key string, err error) error {
	return &Error{Key: key, Source: c.Source(key), Err: err}
}

// STLOptions returns the stl.* settings as writer options; the package
// fills in the rate, start and language.
func (c *Config) STLOptions() (stl.Options, error) {
	o := stl.Options{
		Country:       strings.ToUpper(strings.TrimSpace(c.String(KeySTLCountry))),
		SpeakerColors: c.Bool(KeySTLSpeakerColors),
		BottomRow:     c.Int(KeySTLBottomRow),
		Publisher:     c.String(KeySTLPublisher),
		Translator:    c.String(KeySTLTranslator),
	}
	switch strings.ToLower(strings.TrimSpace(c.String(KeySTLDisplayStandard))) {
	case "teletext2":
		o.DisplayStandard = stl.Teletext2
	case "open":
		o.DisplayStandard = stl.OpenSubtitling
	}
	if t := c.String(KeySTLCharacterTable); t != "" && t != "auto" {
		ct, ok := stl.ParseCharacterTable(t)
		if !ok {
			return stl.Options{}, c.bad(KeySTLCharacterTable, fmt.Errorf("%q: expected auto, 00, 01, 02, 03 or 04", t))
		}
		o.CharacterTable = ct
	}
	if o.BottomRow < 0 || o.BottomRow > 23 {
		return stl.Options{}, c.bad(KeySTLBottomRow, fmt.Errorf("%d: expected a Teletext row from 1 to 23", o.BottomRow))
	}
	if d := strings.TrimSpace(c.String(KeySTLCreated)); d != "" {
		t, err := time.Parse("2006-01-02", d)
		if err != nil {
			return stl.Options{}, c.bad(KeySTLCreated, fmt.Errorf("%q: expected a date as YYYY-MM-DD", d))
		}
		o.Created = t
	}
	if o.Country != "" && len(o.Country) != 3 {
		return stl.Options{}, c.bad(KeySTLCountry, fmt.Errorf("%q: expected an ISO 3166 alpha-3 code such as GBR", o.Country))
	}
	return o, nil
}
