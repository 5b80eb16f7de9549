package tt

import (
	"bytes"
	"encoding/xml"
	"sort"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions"
)

// bodyState is what reading the body collects.
type bodyState struct {
	caps     []captions.Caption
	open     []int // captions whose end was indefinite
	last     time.Duration
	nodes    []node
	noRegion bool
}

// frame is an open body or div element.
type frame struct {
	begin  time.Duration // absolute begin
	clip   time.Duration // absolute end no descendant passes
	seq    bool
	cursor time.Duration // seq: end of the last child, relative to begin
	maxEnd time.Duration // par: latest child end, relative to begin
	indef  bool          // some child's end is indefinite
	style  props
	region string
	agent  string
	space  bool
	hidden bool
}

// timing is an element's begin, end and dur attributes.
type tattr struct {
	b, e, d          time.Duration
	hasB, hasE, hasD bool
	seq              bool
}

// timeAttr reads the time expression in attribute name, if present.
func (rd *reader) timeAttr(t xml.StartElement, name string) (time.Duration, bool, error) {
	v, ok := attr(t, "", name)
	if !ok {
		return 0, false, nil
	}
	d, err := ParseTime(strings.TrimSpace(v), &rd.info.Params)
	if err != nil {
		return 0, false, rd.errorf(err, "%s=%q", name, v)
	}
	if (strings.Contains(v, "f") || strings.Count(v, ":") == 3) && !rd.info.Params.FrameRateDeclared {
		if err := rd.warnOnce("frames", true, "%s=%q counts frames but the document declares no ttp:frameRate; read at %d frames a second", name, v, rd.info.Params.FrameRate); err != nil {
			return 0, false, err
		}
	}
	return d, true, nil
}

func (rd *reader) timingOf(t xml.StartElement) (tattr, error) {
	var tm tattr
	var err error
	if tm.b, tm.hasB, err = rd.timeAttr(t, "begin"); err != nil {
		return tm, err
	}
	if tm.e, tm.hasE, err = rd.timeAttr(t, "end"); err != nil {
		return tm, err
	}
	if tm.d, tm.hasD, err = rd.timeAttr(t, "dur"); err != nil {
		return tm, err
	}
	if v, ok := attr(t, "", "timeContainer"); ok {
		switch strings.TrimSpace(v) {
		case "seq":
			tm.seq = true
		case "par":
		default:
			return tm, rd.errorf(ErrBadDocument, "timeContainer=%q: expected par or seq", v)
		}
	}
	if tm.hasE && tm.hasD && tm.e != tm.b+tm.d {
		return tm, rd.errorf(ErrConflict, "end=%v but begin + dur = %v: give one of them, or make them agree", tm.e, tm.b+tm.d)
	}
	if rd.cfg.EBU {
		if tm.hasD || tm.seq {
			if err := rd.warnOnce("ebu-dur", true, "EBU-TT-D allows begin and end only (no dur, no timeContainer)"); err != nil {
				return tm, err
			}
		}
	}
	return tm, nil
}

// explicitEnd returns the end tm gives, relative to the parent's begin,
// for an element whose implicit begin is ib.
func (tm tattr) explicitEnd(ib time.Duration) (time.Duration, bool) {
	switch {
	case tm.hasE:
		return ib + tm.e, true
	case tm.hasD:
		return ib + tm.b + tm.d, true
	}
	return 0, false
}

// common reads what body, div, p and span share: timing, style,
// region, agent, xml:space, display.
func (rd *reader) common(t xml.StartElement, parent *frame) (frame, tattr, error) {
	f := frame{style: parent.style, region: parent.region, agent: parent.agent, space: parent.space, hidden: parent.hidden}
	tm, err := rd.timingOf(t)
	if err != nil {
		return f, tm, err
	}
	refs, own, unkept := rd.specified(t)
	p, err := rd.apply(refs, nil, &own, unkept)
	if err != nil {
		return f, tm, err
	}
	f.style.set(&p)
	if p.display == "none" {
		f.hidden = true
	}
	if p.origin != "" || p.extent != "" {
		if err := rd.warnOnce("inline-region", false, "tts:origin and tts:extent on content (inline regions) are not kept"); err != nil {
			return f, tm, err
		}
	}
	for _, a := range t.Attr {
		switch {
		case a.Name.Space == "" && a.Name.Local == "region":
			f.region = strings.TrimSpace(a.Value)
			if _, ok := rd.regions[f.region]; !ok {
				if err := rd.warnOnce("region:"+f.region, true, "region %q is not defined; its content is shown in the default position", f.region); err != nil {
					return f, tm, err
				}
				f.region = defaultRegion
			}
		case a.Name.Space == NSMeta && a.Name.Local == "agent":
			ids := strings.Fields(a.Value)
			if len(ids) > 0 {
				f.agent = ids[0]
				if n, ok := rd.agents[ids[0]]; ok {
					f.agent = n
				}
			}
		case a.Name.Space == NSXML && a.Name.Local == "space":
			f.space = a.Value == "preserve"
		}
	}
	return f, tm, nil
}

// defaultRegion stands for an undefined region: content shown in the
// default position.
const defaultRegion = "\x00default"

// readBody reads the body element.
func (rd *reader) readBody(t xml.StartElement) error {
	top := frame{clip: maxTime, space: rd.space}
	top.style = props{}
	f, tm, err := rd.common(t, &top)
	if err != nil {
		return err
	}
	_, err = rd.container0(t, &top, f, tm)
	return err
}

// container0 reads a body or div whose parent is parent; it returns the
// element's end relative to the parent's begin (and whether indefinite).
func (rd *reader) container0(t xml.StartElement, parent *frame, f frame, tm tattr) (time.Duration, error) {
	ib := time.Duration(0)
	if parent.seq {
		ib = parent.cursor
	}
	db := ib + tm.b
	f.begin = parent.begin + db
	f.clip = parent.clip
	if e, ok := tm.explicitEnd(ib); ok {
		f.clip = min(f.clip, parent.begin+e)
	}
	f.seq = tm.seq
	if rd.cfg.EBU && t.Name.Local != "p" && (tm.hasB || tm.hasE) {
		if err := rd.warnOnce("ebu-timing", true, "EBU-TT-D times p and span only, not %s", t.Name.Local); err != nil {
			return 0, err
		}
	}
	for {
		tok, err := rd.next()
		if err != nil {
			return 0, err
		}
		switch c := tok.(type) {
		case xml.EndElement:
			end, indef := rd.endOf(tm, ib, db, &f)
			parent.child(end, indef)
			return end, nil
		case xml.CharData:
			if len(bytes.TrimSpace(c)) > 0 {
				if err := rd.warnOnce("stray-text", true, "text outside a p is not content; ignored"); err != nil {
					return 0, err
				}
			}
		case xml.StartElement:
			if c.Name.Space != NS {
				if err := rd.skip(); err != nil {
					return 0, err
				}
				continue
			}
			switch c.Name.Local {
			case "div":
				cf, ctm, err := rd.common(c, &f)
				if err != nil {
					return 0, err
				}
				if _, err := rd.container0(c, &f, cf, ctm); err != nil {
					return 0, err
				}
			case "p":
				if err := rd.para(c, &f); err != nil {
					return 0, err
				}
			case "metadata":
				err = rd.skip()
			case "set", "animate":
				if err = rd.warnOnce("animation", false, "animation (%s) is not kept: captions keep the styles they start with", c.Name.Local); err == nil {
					err = rd.skip()
				}
			case "image":
				if err = rd.warnOnce("image", false, "images (IMSC Image profile) are not read: the caption model holds text"); err == nil {
					err = rd.skip()
				}
			default:
				err = rd.unknown(c)
			}
			if err != nil {
				return 0, err
			}
		}
	}
}

// child records a child's end (relative to the parent of f... relative
// to f's own parent begin) for f's implicit duration.
func (f *frame) child(end time.Duration, indef bool) {
	rel := end // relative to f.begin (callers pass ends relative to f)
	if f.seq {
		f.cursor, f.indef = rel, indef
		return
	}
	if indef {
		f.indef = true
	} else if rel > f.maxEnd {
		f.maxEnd = rel
	}
}

// endOf returns an element's end relative to its parent's begin, and
// whether it is indefinite, once its children are read.
func (rd *reader) endOf(tm tattr, ib, db time.Duration, f *frame) (time.Duration, bool) {
	if e, ok := tm.explicitEnd(ib); ok {
		return e, false
	}
	if f.indef {
		return 0, true
	}
	if f.seq {
		return db + f.cursor, false
	}
	return db + f.maxEnd, false
}

// finish resolves indefinite ends and sorts the captions.
func (b *bodyState) finish(rd *reader) error {
	if len(b.open) > 0 {
		if err := rd.warnOnce("indefinite", false, "%d caption(s) have no end time; each is shown until 10 s after the last time the document gives (as ttconv does)", len(b.open)); err != nil {
			return err
		}
		for _, i := range b.open {
			c := &b.caps[i]
			c.End = max(b.last, c.Start) + 10*time.Second
		}
	}
	if b.noRegion {
		if err := rd.warn(true, "content not in any region is not shown (TTML 1 §9.3: the document defines regions)"); err != nil {
			return err
		}
	}
	sort.SliceStable(b.caps, func(i, j int) bool { return b.caps[i].Start < b.caps[j].Start })
	return nil
}
