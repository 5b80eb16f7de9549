package convert

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format"
	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/app"
	"github.com/sotcap/sotcap/timing"
)

// openSTL reads the EBU STL input whole, at its own rate or at --from-fps.
func openSTL(o Options, r io.Reader) (format.Reader, error) {
	var ro stl.ReadOptions
	if o.FromFPS != "" {
		r, err := timing.ParseRate(o.FromFPS)
		if err != nil {
			return nil, fmt.Errorf("--from-fps: %w", err)
		}
		// 29.97 is what STL30.01 means by default, drop frame unless a
		// label says otherwise: let the reader guess. Any other rate is
		// read with non-drop labels.
		if r != timing.Rate2997() {
			ro = stl.ReadOptions{Rate: r}
		}
	}
	ro.Lenient = o.Lenient
	f, _ := format.ByName("stl")
	return f.NewReader(r, format.ReadOptions{File: o.In, STL: ro})
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

// flushError explains a writer's refusal at Flush (EBU STL checks every
// caption before it writes a byte): which caption of IN, and how to get
// past a Teletext row that is too long.
func (o Options) flushError(p *convertPlan, err error, at [][2]int) error {
	var ce *captions.CaptionError
	if errors.As(err, &ce) && ce.Caption >= 1 && ce.Caption <= len(at) {
		pos := at[ce.Caption-1]
		hint := ""
		if errors.Is(ce.Err, stl.ErrRowTooLong) {
			hint = "; re-segment the text to the row (sotcap segment --max-chars-per-line 37) or write open subtitling (--set stl.display_standard=open)"
		}
		return app.BadInput(fmt.Errorf("%s: %s cannot be written as %s: %w%s", where(o.In, p.from, pos[0]), cueName(p.from, pos[1]), p.to, ce.Err, hint))
	}
	return app.BadInput(fmt.Errorf("%s: cannot be written as %s: %w", o.Out, p.to, err))
}

// stlOptions are the writer's options: the stl.* settings, the plan's
// rate and start, the language; an STL input's GSI fills what the settings
// leave at their defaults.
func (p *convertPlan) stlOptions(o Options) (stl.Options, error) {
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
func where(name string, f format.Format, line int) string {
	if f.Binary || line <= 0 {
		return name
	}
	return name + ":" + strconv.Itoa(line)
}

// cueName names the n-th caption of IN: "cue 3" or, in EBU STL, "subtitle 3".
func cueName(f format.Format, n int) string {
	return f.Unit + " " + strconv.Itoa(n)
}
