// Package config loads sotcap's settings: a reading-speed profile (a
// preset of package captions' Rules) and every other setting, layered in
// this order, each overriding the one before:
//
//  1. the built-in default of the key (for rules: the profile's preset);
//  2. a YAML config file (Options.File or --config);
//  3. environment variables SOTCAP_<KEY> with dots as underscores
//     (SOTCAP_RULES_MAX_CPS, SOTCAP_LANGUAGE, SOTCAP_PROFILE);
//  4. command-line flags: one per key (--max-cps) and --set key=value.
//
// The profile itself is chosen by Options.Profile, else --profile, else
// SOTCAP_PROFILE, else the file's `profile` key, else DefaultProfile.
//
// config is the only package that imports viper, and it only uses its own
// viper.New() instances.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"golang.org/x/text/language"

	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/internal/atomicfile"
	"github.com/sotcap/sotcap/timing"
)

// Kind is the type of a setting's value.
type Kind int

// Kinds of settings.
const (
	KindString  Kind = iota // free text
	KindInt                 // whole number
	KindFloat               // decimal number
	KindLength              // "1.5s" or "20f" (timing.ParseLength)
	KindBool                // true or false
	KindStrings             // comma-separated list
)

// Key describes one setting: its name in files ("rules.max_cps"), its
// flag ("max-cps"), how it is checked and documented.
type Key struct {
	Name  string
	Flag  string // "" for no dedicated flag (--set still works)
	Kind  Kind
	Usage string
	// Default is the value as text when no profile, file, environment or
	// flag sets it ("" for none). Rule keys take their default from the
	// profile.
	Default string
	// Choices, when not empty, lists the only values allowed.
	Choices []string
}

// Env returns the environment variable of the key: SOTCAP_ and the name
// upper-cased with dots as underscores ("SOTCAP_RULES_MAX_CPS").
func (k Key) Env() string { return EnvName(k.Name) }

// EnvName returns the environment variable of a key name.
func EnvName(name string) string {
	return "SOTCAP_" + strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(name))
}

// Keys returns every registered setting. To add a section (stl.*, edl.*),
// write a function returning its keys in a new file of this package and
// list it here.
func Keys() []Key {
	return slices.Concat(generalKeys(), ruleKeys(), packageKeys())
}

func generalKeys() []Key {
	return []Key{
		{Name: "profile", Flag: "profile", Kind: KindString, Default: DefaultProfile, Choices: Profiles(),
			Usage: "reading-speed profile: " + strings.Join(Profiles(), ", ")},
		{Name: "language", Flag: "language", Kind: KindString,
			Usage: "language of the captions as a BCP 47 tag (en, ar, zh-Hans); picks line-break rules and counting (default: the profile's)"},
	}
}

// Rule keys, as files, --set and the environment name them.
const (
	KeyMaxCharsPerLine = "rules.max_chars_per_line"
	KeyMaxLines        = "rules.max_lines"
	KeyMaxCPS          = "rules.max_cps"
	KeyMinDuration     = "rules.min_duration"
	KeyMaxDuration     = "rules.max_duration"
	KeyMinGapFrames    = "rules.min_gap_frames"
	KeyShotChangeZone  = "rules.shot_change_zone"
	KeyMaxHang         = "rules.max_hang"
	KeySpeakerChange   = "rules.speaker_change"
	KeyLanguage        = "language"
	KeyProfile         = "profile"
)

func ruleKeys() []Key {
	return []Key{
		{Name: KeyMaxCharsPerLine, Flag: "max-chars-per-line", Kind: KindInt, Usage: "characters per line (grapheme clusters; CJK half-width 0.5)"},
		{Name: KeyMaxLines, Flag: "max-lines", Kind: KindInt, Usage: "lines per caption"},
		{Name: KeyMaxCPS, Flag: "max-cps", Kind: KindFloat, Usage: "characters per second (spaces and punctuation counted, line breaks not)"},
		{Name: KeyMinDuration, Flag: "min-duration", Kind: KindLength, Usage: "shortest caption, as 1.5s or 20f"},
		{Name: KeyMaxDuration, Flag: "max-duration", Kind: KindLength, Usage: "longest caption, as 7s or 175f"},
		{Name: KeyMinGapFrames, Flag: "min-gap-frames", Kind: KindInt, Usage: "least gap between captions, in frames"},
		{Name: KeyShotChangeZone, Flag: "shot-change-zone", Kind: KindLength, Usage: "in and out times stay on a cut or this far from it"},
		{Name: KeyMaxHang, Flag: "max-hang", Kind: KindLength, Usage: "how long the last caption may stay past the end of its SOT"},
		{Name: KeySpeakerChange, Flag: "speaker-change", Kind: KindString, Choices: []string{rules.SpeakerNewCaption, rules.SpeakerDash},
			Usage: "new-caption (each speaker their own caption) or dash (short turns share one, one line each)"},
	}
}

func lookupKey(name string) (Key, bool) {
	for _, k := range Keys() {
		if k.Name == name {
			return k, true
		}
	}
	return Key{}, false
}

// AddFlags registers on fs a flag for every key that has one, plus
// --config FILE and --set key=value (repeatable). Load reads them back
// from the same FlagSet. A flag fs already has is left as it is (Load
// reads its value all the same), so a command may define --profile or
// --language itself.
func AddFlags(fs *pflag.FlagSet) {
	if fs.Lookup("config") == nil {
		fs.String("config", "", "YAML config `FILE` (keys as in rules.max_cps: 17)")
	}
	for _, k := range Keys() {
		if k.Flag == "" || fs.Lookup(k.Flag) != nil {
			continue
		}
		usage := k.Usage + " [" + k.Name + ", " + k.Env() + "]"
		fs.String(k.Flag, "", usage)
	}
	if fs.Lookup("set") == nil {
		fs.StringArray("set", nil, "set any key: --set rules.max_cps=15 (repeatable)")
	}
}

// Options says where Load finds settings.
type Options struct {
	// File is a YAML config file; "" means the --config flag's value, if
	// any, else no file.
	File string
	// Profile names the preset; "" means --profile, SOTCAP_PROFILE, the
	// file's profile key or DefaultProfile, in that order.
	Profile string
	// Flags is the command's flag set (see AddFlags); only flags the user
	// changed count. Nil means no flags.
	Flags *pflag.FlagSet
	// Environ is the environment as os.Environ returns it; nil means
	// os.Environ(), an empty non-nil slice means none.
	Environ []string
}

// Config is a loaded set of settings.
type Config struct {
	v          *viper.Viper
	profile    string
	profileSrc string // where the profile was chosen ("default" when nobody did)
	rules      rules.Profile
	source     map[string]string // where each explicitly set key came from
}

// Error is a bad setting: which key, from where, and why.
type Error struct {
	Key    string // "rules.max_cps"
	Source string // "file sotcap.yaml", "environment SOTCAP_RULES_MAX_CPS", "flag --max-cps", "profile ted"
	Err    error
}

// Error formats e as "flag --max-cps: rules.max_cps: …".
func (e *Error) Error() string {
	if e.Key == "" {
		return e.Source + ": " + e.Err.Error()
	}
	return e.Source + ": " + e.Key + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Load reads the settings. Every error is an *Error naming the key and
// where its value came from.
func Load(opts Options) (*Config, error) {
	c := &Config{v: viper.New(), source: map[string]string{}}
	env := opts.Environ
	if env == nil {
		env = os.Environ()
	}
	file := opts.File
	if file == "" {
		file = flagValue(opts.Flags, "config")
	}
	if file != "" {
		if err := c.readFile(file); err != nil {
			return nil, err
		}
	}

	// Pick the profile.
	prof, src := DefaultProfile, "default"
	if c.v.IsSet(KeyProfile) {
		prof, src = c.v.GetString(KeyProfile), "file "+file
	}
	envVals := map[string]string{}
	for _, kv := range env {
		k, val, ok := strings.Cut(kv, "=")
		if ok && strings.HasPrefix(k, "SOTCAP_") {
			envVals[k] = val
		}
	}
	if v, ok := envVals[EnvName(KeyProfile)]; ok && v != "" {
		prof, src = v, "environment "+EnvName(KeyProfile)
	}
	if v := flagValue(opts.Flags, "profile"); v != "" {
		prof, src = v, "flag --profile"
	}
	if opts.Profile != "" {
		prof, src = opts.Profile, "profile"
	}
	preset, err := Preset(prof)
	if err != nil {
		return nil, &Error{Key: KeyProfile, Source: src, Err: err}
	}
	c.profile, c.profileSrc = preset.Name, src
	c.v.Set(KeyProfile, preset.Name)
	for k, v := range presetValues(preset) {
		c.v.SetDefault(k, v)
	}
	for _, k := range Keys() {
		if k.Default != "" {
			c.v.SetDefault(k.Name, k.Default)
		}
	}

	// Environment, then flags, then --set: later Set calls win.
	for _, k := range Keys() {
		if k.Name == KeyProfile {
			continue
		}
		if v, ok := envVals[k.Env()]; ok {
			if err := c.set(k.Name, v, "environment "+k.Env()); err != nil {
				return nil, err
			}
		}
	}
	if fs := opts.Flags; fs != nil {
		for _, k := range Keys() {
			if k.Flag == "" || k.Name == KeyProfile {
				continue
			}
			if f := fs.Lookup(k.Flag); f != nil && f.Changed {
				if err := c.set(k.Name, f.Value.String(), "flag --"+k.Flag); err != nil {
					return nil, err
				}
			}
		}
		if f := fs.Lookup("set"); f != nil && f.Changed {
			sets, _ := fs.GetStringArray("set")
			for _, s := range sets {
				k, v, ok := strings.Cut(s, "=")
				k = strings.TrimSpace(k)
				if !ok || k == "" {
					return nil, &Error{Source: "flag --set", Err: fmt.Errorf("%q: expected key=value, such as rules.max_cps=15", s)}
				}
				if _, known := lookupKey(k); !known {
					return nil, &Error{Key: k, Source: "flag --set", Err: fmt.Errorf("unknown key: expected one of %s", strings.Join(keyNames(), ", "))}
				}
				if k == KeyProfile {
					return nil, &Error{Key: k, Source: "flag --set", Err: errors.New("choose the profile with --profile")}
				}
				if err := c.set(k, v, "flag --set"); err != nil {
					return nil, err
				}
			}
		}
	}
	if err := c.buildRules(); err != nil {
		return nil, err
	}
	return c, nil
}

func flagValue(fs *pflag.FlagSet, name string) string {
	if fs == nil {
		return ""
	}
	f := fs.Lookup(name)
	if f == nil || !f.Changed {
		return ""
	}
	return f.Value.String()
}

func (c *Config) set(key, val, src string) error {
	if k, ok := lookupKey(key); ok {
		if err := checkValue(k, val); err != nil {
			return &Error{Key: key, Source: src, Err: err}
		}
	}
	c.v.Set(key, val)
	c.source[key] = src
	return nil
}

// MaxFileSize is the largest config file Load reads (1 MiB); a bigger one
// is refused with atomicfile.ErrTooLarge.
const MaxFileSize = atomicfile.LimitConfig

// orList lists choices as "a, b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// checkValue refuses a value outside a key's choices or of the wrong kind
// (stl.display_standard: opne), wherever it comes from, so that a typo
// never silently means the default.
func checkValue(k Key, val string) error {
	v := strings.TrimSpace(val)
	if len(k.Choices) > 0 {
		if !slices.ContainsFunc(k.Choices, func(c string) bool { return strings.EqualFold(c, v) }) {
			hint := ""
			if _, err := strconv.Atoi(v); err == nil {
				hint = ` (YAML reads 01 as the number 1: quote it, "01")`
			}
			return fmt.Errorf("%q: expected %s%s", val, orList(k.Choices), hint)
		}
		return nil
	}
	switch k.Kind {
	case KindBool:
		if _, err := strconv.ParseBool(v); err != nil {
			return fmt.Errorf("%q: expected true or false", val)
		}
	case KindInt:
		if _, err := strconv.Atoi(v); err != nil {
			return fmt.Errorf("%q: expected a whole number", val)
		}
	case KindFloat:
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			return fmt.Errorf("%q: expected a number", val)
		}
	}
	return nil
}

// readFile reads a YAML config file and rejects unknown rule keys, so that
// a typo never silently leaves a limit at its default.
func (c *Config) readFile(file string) error {
	typ := strings.TrimPrefix(strings.ToLower(filepath.Ext(file)), ".")
	switch typ {
	case "yml":
		typ = "yaml"
	case "yaml", "json", "toml":
	default:
		typ = "yaml"
	}
	c.v.SetConfigType(typ)
	// Read through a bounded reader: viper reads whatever it is given
	// whole, and --config /dev/zero or a sparse 1 GB file would exhaust
	// memory.
	data, err := atomicfile.ReadInput(file, atomicfile.InputOptions{Kind: "config", Limit: MaxFileSize})
	if err != nil {
		return &Error{Source: "file " + file, Err: fmt.Errorf("cannot read config: %w", err)}
	}
	if err := c.v.ReadConfig(bytes.NewReader(data)); err != nil {
		return &Error{Source: "file " + file, Err: fmt.Errorf("cannot read config: %w", err)}
	}
	keys := c.v.AllKeys()
	slices.Sort(keys)
	for _, k := range keys {
		if key, known := lookupKey(k); known {
			if err := checkFileValue(key, c.v.Get(k)); err != nil {
				return &Error{Key: k, Source: "file " + file, Err: err}
			}
			if err := checkValue(key, c.v.GetString(k)); err != nil {
				return &Error{Key: k, Source: "file " + file, Err: err}
			}
			c.source[k] = "file " + file
			continue
		}
		if strings.HasPrefix(k, "rules.") || k == "rules" {
			return &Error{Key: k, Source: "file " + file, Err: fmt.Errorf("unknown rule: expected one of %s", strings.Join(ruleNames(), ", "))}
		}
		// A misspelt key (fsp: 25, scirpt: a.txt) would otherwise leave
		// its setting at the default without a word.
		return &Error{Key: k, Source: "file " + file, Err: fmt.Errorf("unknown key: expected one of %s", strings.Join(keyNames(), ", "))}
	}
	return nil
}

// checkFileValue rejects a YAML list or mapping where key takes one value
// (fps: [25, 30]), which would otherwise read as unset; a list key takes a
// list of single values.
func checkFileValue(key Key, v any) error {
	switch v := v.(type) {
	case []any:
		if key.Kind != KindStrings {
			return fmt.Errorf("a list %v: expected a single value", v)
		}
		for _, e := range v {
			switch e.(type) {
			case []any, map[string]any:
				return fmt.Errorf("a nested list or mapping in %v: expected a list of words", v)
			}
		}
	case map[string]any:
		return fmt.Errorf("a mapping: expected a single value")
	}
	return nil
}

func keyNames() []string {
	var out []string
	for _, k := range Keys() {
		out = append(out, k.Name)
	}
	return out
}

func ruleNames() []string {
	var out []string
	for _, k := range ruleKeys() {
		out = append(out, k.Name)
	}
	return out
}

// presetValues returns a preset's rules as key → text.
func presetValues(r rules.Profile) map[string]string {
	return map[string]string{
		KeyMaxCharsPerLine: strconv.Itoa(r.MaxCharsPerLine),
		KeyMaxLines:        strconv.Itoa(r.MaxLines),
		KeyMaxCPS:          strconv.FormatFloat(r.MaxCPS, 'g', -1, 64),
		KeyMinDuration:     r.MinDuration.String(),
		KeyMaxDuration:     r.MaxDuration.String(),
		KeyMinGapFrames:    strconv.Itoa(r.MinGapFrames),
		KeyShotChangeZone:  r.ShotChangeZone.String(),
		KeyMaxHang:         r.MaxHang.String(),
		KeySpeakerChange:   r.SpeakerChange,
		KeyLanguage:        r.Language,
	}
}

// sourceOf says where a key's value came from.
func (c *Config) sourceOf(key string) string {
	if s, ok := c.source[key]; ok {
		return s
	}
	return "profile " + c.profile
}

func (c *Config) buildRules() error {
	r := rules.Profile{Name: c.profile}
	bad := func(key string, err error) error { return &Error{Key: key, Source: c.sourceOf(key), Err: err} }
	var err error
	if r.MaxCharsPerLine, err = c.positiveInt(KeyMaxCharsPerLine); err != nil {
		return bad(KeyMaxCharsPerLine, err)
	}
	if r.MaxLines, err = c.positiveInt(KeyMaxLines); err != nil {
		return bad(KeyMaxLines, err)
	}
	if r.MinGapFrames, err = strconv.Atoi(strings.TrimSpace(c.v.GetString(KeyMinGapFrames))); err != nil || r.MinGapFrames < 0 {
		return bad(KeyMinGapFrames, fmt.Errorf("%q: expected a whole number of frames, 0 or more", c.v.GetString(KeyMinGapFrames)))
	}
	cps := strings.TrimSpace(c.v.GetString(KeyMaxCPS))
	if r.MaxCPS, err = strconv.ParseFloat(cps, 64); err != nil || !(r.MaxCPS > 0) || r.MaxCPS > 1e6 {
		return bad(KeyMaxCPS, fmt.Errorf("%q: expected characters per second, a number above 0", cps))
	}
	for _, l := range []struct {
		key string
		dst *timing.Length
	}{
		{KeyMinDuration, &r.MinDuration}, {KeyMaxDuration, &r.MaxDuration},
		{KeyShotChangeZone, &r.ShotChangeZone}, {KeyMaxHang, &r.MaxHang},
	} {
		if *l.dst, err = ParseLength(c.v.GetString(l.key)); err != nil {
			return bad(l.key, err)
		}
	}
	if !r.MaxDuration.IsZero() && lengthLess(r.MaxDuration, r.MinDuration) {
		return bad(KeyMaxDuration, fmt.Errorf("%s is shorter than min_duration %s", r.MaxDuration, r.MinDuration))
	}
	r.SpeakerChange = strings.TrimSpace(c.v.GetString(KeySpeakerChange))
	if r.SpeakerChange != rules.SpeakerNewCaption && r.SpeakerChange != rules.SpeakerDash {
		return bad(KeySpeakerChange, fmt.Errorf("%q: expected new-caption or dash", r.SpeakerChange))
	}
	lang := strings.TrimSpace(c.v.GetString(KeyLanguage))
	tag, err := language.Parse(lang)
	if err != nil || lang == "" {
		return bad(KeyLanguage, fmt.Errorf("%q: expected a BCP 47 language tag such as en, ar, zh-Hans", lang))
	}
	r.Language = tag.String()
	c.rules = r
	return nil
}

// lengthLess compares two lengths at 25 fps, the rate at which frame and
// real-time lengths are weighed against each other in config.
func lengthLess(a, b timing.Length) bool {
	return a.Frames(timing.Rate25()) < b.Frames(timing.Rate25())
}

func (c *Config) positiveInt(key string) (int, error) {
	s := strings.TrimSpace(c.v.GetString(key))
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 || n > 10000 {
		return 0, fmt.Errorf("%q: expected a whole number above 0", s)
	}
	return n, nil
}

// ParseLength parses a duration setting: "1.5s", "500ms", "20f" or a bare
// number of seconds ("0.5"), as timing.ParseLength, refusing absurd values
// (more than a day).
func ParseLength(s string) (timing.Length, error) {
	return timing.ParseLength(s)
}

// Rules returns the reading-speed rules: the profile's preset with every
// override applied.
func (c *Config) Rules() rules.Profile { return c.rules }

// Profile returns the name of the preset in use.
func (c *Config) Profile() string { return c.profile }

// Source says where a key's value came from: "file x.yaml",
// "environment SOTCAP_…", "flag --…", "profile ted" or "default".
func (c *Config) Source(key string) string {
	if s, ok := c.source[key]; ok {
		return s
	}
	if strings.HasPrefix(key, "rules.") || key == KeyLanguage {
		return "profile " + c.profile
	}
	return "default"
}

// ProfileChosen reports whether the profile was chosen (by Options.Profile,
// --profile, SOTCAP_PROFILE or the file's profile key) rather than left to
// DefaultProfile: a run with scripts in several languages then picks each
// language's preset (PresetFor) only when it was not.
func (c *Config) ProfileChosen() bool { return c.profileSrc != "default" }

// Explicit reports whether key was set by the file, the environment or a
// flag, not left to its default or the profile's preset.
func (c *Config) Explicit(key string) bool {
	_, ok := c.source[key]
	return ok
}

// IsSet reports whether the key has a value from any layer.
func (c *Config) IsSet(key string) bool { return c.v.IsSet(key) }

// String returns a setting as text ("" when unset).
func (c *Config) String(key string) string { return c.v.GetString(key) }

// Bool returns a setting as a boolean (false when unset or not a boolean).
func (c *Config) Bool(key string) bool { return c.v.GetBool(key) }

// Int returns a setting as an integer (0 when unset or not a number).
func (c *Config) Int(key string) int { return c.v.GetInt(key) }

// Float64 returns a setting as a number (0 when unset or not a number).
func (c *Config) Float64(key string) float64 { return c.v.GetFloat64(key) }

// StringSlice returns a list setting: a YAML list, or comma-separated text
// from the environment or a flag.
func (c *Config) StringSlice(key string) []string {
	raw := c.v.Get(key)
	if s, ok := raw.(string); ok {
		var out []string
		for _, f := range strings.Split(s, ",") {
			if f = strings.TrimSpace(f); f != "" {
				out = append(out, f)
			}
		}
		return out
	}
	return c.v.GetStringSlice(key)
}

// Length returns a duration setting ("1.5s", "20f"), with an *Error when it
// does not parse.
func (c *Config) Length(key string) (timing.Length, error) {
	l, err := ParseLength(c.v.GetString(key))
	if err != nil {
		return l, &Error{Key: key, Source: c.Source(key), Err: err}
	}
	return l, nil
}
