package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/timing"
)

// maxConvertSTL bounds what convert reads of an EBU STL file: a GSI block
// and MaxBlocks TTI blocks.
const maxConvertSTL = 1024 + stl.MaxBlocks*128

// readSTL reads the EBU STL input whole, at its own rate or at --from-fps.
func readSTL(o convertOptions, r io.Reader) (*stl.File, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxConvertSTL+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o.in, err)
	}
	if len(data) > maxConvertSTL {
		return nil, fmt.Errorf("%s: larger than the %d bytes an EBU STL file can have (a GSI block and %d TTI blocks)", o.in, maxConvertSTL, stl.MaxBlocks)
	}
	var ro stl.ReadOptions
	if o.fromFPS != "" {
		r, err := timing.ParseRate(o.fromFPS)
		if err != nil {
			return nil, fmt.Errorf("--from-fps: %w", err)
		}
		// 29.97 is what STL30.01 means by default, drop frame unless a
		// label says otherwise: let Decode guess. Any other rate is read
		// with non-drop labels.
		if r != timing.Rate2997() {
			ro = stl.ReadOptions{Rate: r}
		}
	}
	f, err := stl.Decode(data, ro)
	if err != nil {
		var pe *captions.ParseError
		if errors.As(err, &pe) {
			// The message names the TTI block and byte; Line and Column
			// would repeat them as a text file's.
			return nil, &captions.ParseError{File: o.in, Err: pe.Err}
		}
		return nil, fmt.Errorf("%s: %w", o.in, err)
	}
	return f, nil
}

// sameLabel returns the time of the label that frame-time t has at rate
// from (drop-frame when fromDrop), read at rate to: a programme starting at
// 10:00:00:00 at 25 fps starts at 10:00:00;00 at 29.97. When the label does
// not exist at the target rate (frame 29 at 25 fps), the nearest frame to t
// is used.
func sameLabel(t time.Duration, from timing.Rate, fromDrop bool, to timing.Rate, toDrop bool) time.Duration {
	if from == to && fromDrop == toDrop {
		return t
	}
	label := timing.TimecodeAt(from.Frames(t), from, fromDrop)
	label.Drop = toDrop && to.DropFrameCapable()
	if n, err := label.Frame(to); err == nil {
		return to.Duration(n)
	}
	return to.Duration(to.Frames(t))
}

// stlLabelRate is the rate an EBU STL file's timecode labels count at for a
// programme at rate r: 25 or 30 labels a second at 50, 59.94 and 60 fps (as
// the video's timecode counts), 24 at 48. Times snap to these labels, once,
// rather than to the video's frames and then again to a label.
func stlLabelRate(r timing.Rate) timing.Rate {
	if r.Nominal() <= 30 {
		return r
	}
	half, err := timing.ParseRate(strconv.FormatInt(r.Num()/2, 10) + "/" + strconv.FormatInt(r.Den(), 10))
	if err != nil {
		return r
	}
	return half
}

// stlSource serves the captions of an EBU STL file read whole.
type stlSource struct {
	f *stl.File
	i int
}

// Read returns the next subtitle. A caption at the writer's default place
// (last row on row 22, centred) reads back as Row 0 and AlignDefault, so
// that SRT and WebVTT write no position for it.
func (s *stlSource) Read() (captions.Caption, error) {
	if s.i >= len(s.f.Document.Captions) {
		return captions.Caption{}, io.EOF
	}
	c := s.f.Document.Captions[s.i]
	s.i++
	height := 2
	if s.f.GSI.DSC == stl.OpenSubtitling {
		height = 1
	}
	if c.Row == stl.DefaultBottomRow-height*(len(c.Lines)-1) {
		c.Row = 0
	}
	if c.Align == captions.AlignCenter {
		c.Align = captions.AlignDefault
	}
	return c, nil
}

// Line is 0: subtitles are named by number, not line.
func (s *stlSource) Line() int { return 0 }

// Warnings returns the reader's warnings, each naming its TTI block.
func (s *stlSource) Warnings() []captions.Warning {
	ws := make([]captions.Warning, len(s.f.Warnings))
	for i, w := range s.f.Warnings {
		ws[i] = captions.Warning{Message: w.Message}
		if w.Line > 0 {
			ws[i].Message = "TTI block " + strconv.Itoa(w.Line) + ": " + w.Message
		}
	}
	return ws
}

// WarningCount returns how many warnings there are.
func (s *stlSource) WarningCount() int { return len(s.f.Warnings) }

// stlSink collects captions and writes them as one EBU STL file on Flush.
type stlSink struct {
	w       io.Writer
	doc     captions.Document
	opts    stl.Options
	in, out string
	from    format
	at      [][2]int // IN's line and cue number of each caption, for errors
	stderr  io.Writer
}

// note records where in IN the next caption came from.
func (s *stlSink) note(line, cue int) { s.at = append(s.at, [2]int{line, cue}) }

// Write collects c, refusing the first caption past what a file can number.
func (s *stlSink) Write(c captions.Caption) error {
	if len(s.doc.Captions) >= stl.MaxSubtitles {
		return fmt.Errorf("%w: at most %d subtitles (SN is 16 bits)", stl.ErrTooMany, stl.MaxSubtitles)
	}
	s.doc.Captions = append(s.doc.Captions, c)
	return nil
}

// Flush writes the file; stl.Write checks every caption before writing a
// byte.
func (s *stlSink) Flush() error {
	warns, err := stl.Write(s.w, s.doc, s.opts)
	if err != nil {
		var ce *stl.CaptionError
		if errors.As(err, &ce) && ce.Caption >= 1 && ce.Caption <= len(s.at) {
			at := s.at[ce.Caption-1]
			hint := ""
			if errors.Is(ce.Err, stl.ErrRowTooLong) {
				hint = "; re-segment the text to the row (sotcap segment --max-chars-per-line 37) or write open subtitling (--set stl.display_standard=open)"
			}
			return badInput(fmt.Errorf("%s: %s cannot be written as EBU STL: %w%s", where(s.in, s.from, at[0]), cueName(s.from, at[1]), ce.Err, hint))
		}
		return badInput(fmt.Errorf("%s: cannot be written as EBU STL: %w", s.out, err))
	}
	for _, w := range warns {
		fmt.Fprintf(s.stderr, "sotcap: %s: warning: %s\n", s.out, w.Message)
	}
	return nil
}

// stlOptions are the writer's options: the stl.* settings, the plan's
// rate and start, the language; an STL input's GSI fills what the settings
// leave at their defaults.
func (p *convertPlan) stlOptions(o convertOptions) (stl.Options, error) {
	cfg := p.cfg
	opts, err := cfg.STLOptions()
	if err != nil {
		return opts, err
	}
	opts.Rate, opts.DropFrame, opts.Start = p.rate, p.drop, p.outOrigin
	explicitLang := !strings.HasPrefix(cfg.Source(config.KeyLanguage), "profile")
	opts.Language = cfg.Rules().Language
	dflt := func(key string) bool { return cfg.Source(key) == "default" }
	if g := p.src; g != nil {
		if !explicitLang && g.Document.Language != "" {
			opts.Language = g.Document.Language
		}
		if !explicitLang && dflt(config.KeySTLCharacterTable) && g.GSI.CCT != stl.TableAuto {
			opts.CharacterTable = g.GSI.CCT
		}
		if dflt(config.KeySTLDisplayStandard) && g.GSI.DSC != stl.DisplayUndefined {
			opts.DisplayStandard = g.GSI.DSC
		}
		if dflt(config.KeySTLCountry) && len(strings.TrimSpace(g.GSI.CO)) == 3 {
			opts.Country = strings.TrimSpace(g.GSI.CO)
		}
		if dflt(config.KeySTLPublisher) {
			opts.Publisher = g.GSI.PUB
		}
		if dflt(config.KeySTLTranslator) {
			opts.Translator = g.GSI.TN
		}
		opts.EpisodeTitle, opts.TranslatedTitle, opts.TranslatedEpisodeTitle = g.GSI.OET, g.GSI.TPT, g.GSI.TET
		opts.TranslatorContact, opts.Reference = g.GSI.TCD, g.GSI.SLR
		opts.Editor, opts.EditorContact = g.GSI.EN, g.GSI.ECD
		if rn, err := strconv.Atoi(strings.TrimSpace(g.GSI.RN)); err == nil && rn >= 0 && rn <= 99 {
			opts.Revision = rn
		}
	}
	return opts, nil
}

// where names a place in IN for messages: "in.srt:line 12", or the file
// alone for EBU STL, whose subtitles are named by number.
func where(name string, f format, line int) string {
	if f == formatSTL || line <= 0 {
		return name
	}
	return name + ":line " + strconv.Itoa(line)
}

// cueName names the n-th caption of IN: "cue 3" or, in EBU STL, "subtitle 3".
func cueName(f format, n int) string {
	if f == formatSTL {
		return "subtitle " + strconv.Itoa(n)
	}
	return "cue " + strconv.Itoa(n)
}
