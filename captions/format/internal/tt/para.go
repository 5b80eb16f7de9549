package tt

import (
	"encoding/xml"
	"slices"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions"
)

// Bounds on one p, so that the work for a p stays linear in its size.
const (
	maxParaNodes   = 100_000
	maxParaCuts    = 1_000
	maxParaRegions = 64
)

// node is an element or text inside a p: the p itself (index 0), a
// span, a br or a text node.
type node struct {
	kind        byte // 'p', 's' span, 'b' br, 't' text
	parent      int
	first, next int // first child and next sibling (0: none)
	last        int
	text        string
	tm          tattr
	f           frame
	line        int
	begin, end  time.Duration // absolute active interval
	indef       bool          // end indefinite
}

// para reads a p element and turns it into captions.
func (rd *reader) para(t xml.StartElement, parent *frame) error {
	f, tm, err := rd.common(t, parent)
	if err != nil {
		return err
	}
	if _, ok := attr(t, NSXML, "id"); !ok && rd.cfg.EBU {
		if err := rd.warnOnce("ebu-id", true, "EBU-TT-D requires xml:id on every p"); err != nil {
			return err
		}
	}
	b := &rd.body
	b.nodes = append(b.nodes[:0], node{kind: 'p', parent: -1, tm: tm, f: f, line: rd.line})
	pLine := rd.line
	stack := []int{0}
	nested := false
	for len(stack) > 0 {
		tok, err := rd.next()
		if err != nil {
			return err
		}
		if len(b.nodes) > maxParaNodes {
			return rd.errorf(ErrTooMany, "a p with more than %d spans, line breaks and texts", maxParaNodes)
		}
		top := stack[len(stack)-1]
		switch c := tok.(type) {
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			rd.add(top, node{kind: 't', text: string(c), f: b.nodes[top].f, line: rd.line})
		case xml.StartElement:
			if c.Name.Space != NS {
				if err := rd.skip(); err != nil {
					return err
				}
				continue
			}
			switch c.Name.Local {
			case "span":
				pf := b.nodes[top].f
				sf, stm, err := rd.common(c, &pf)
				if err != nil {
					return err
				}
				if b.nodes[top].kind == 's' && rd.cfg.EBU && !nested {
					nested = true
					if err := rd.warnOnce("ebu-nested", true, "EBU-TT-D does not allow a span inside a span"); err != nil {
						return err
					}
				}
				stack = append(stack, rd.add(top, node{kind: 's', tm: stm, f: sf, line: rd.line}))
			case "br":
				rd.add(top, node{kind: 'b', f: b.nodes[top].f, line: rd.line})
				if err := rd.skip(); err != nil {
					return err
				}
			case "metadata":
				err = rd.skip()
			case "set", "animate":
				if err = rd.warnOnce("animation", false, "animation (%s) is not kept: captions keep the styles they start with", c.Name.Local); err == nil {
					err = rd.skip()
				}
			default:
				err = rd.unknown(c)
			}
			if err != nil {
				return err
			}
		}
	}
	ib := time.Duration(0)
	if parent.seq {
		ib = parent.cursor
	}
	end, indef := rd.timeNode(0, parent.begin, parent.clip, ib)
	parent.child(end, indef)
	return rd.emit(pLine)
}

// add appends n as the last child of parent and returns its index.
func (rd *reader) add(parent int, n node) int {
	b := &rd.body
	n.parent = parent
	i := len(b.nodes)
	b.nodes = append(b.nodes, n)
	p := &b.nodes[parent]
	if p.first == 0 {
		p.first = i
	} else {
		b.nodes[p.last].next = i
	}
	p.last = i
	return i
}

// timeNode computes the active interval of node i, whose parent begins
// at pb (absolute) and ends no later than pc, and whose implicit begin
// is ib (relative to pb). It returns the node's end relative to pb and
// whether it is indefinite (TTML 1 §10.4, as ttconv computes it).
func (rd *reader) timeNode(i int, pb, pc, ib time.Duration) (time.Duration, bool) {
	ns := rd.body.nodes
	n := &ns[i]
	db := ib + n.tm.b
	abs := pb + db
	clip := pc
	explicit, hasEnd := n.tm.explicitEnd(ib)
	if hasEnd {
		clip = min(clip, pb+explicit)
	}
	var cursor, maxEnd time.Duration
	indef := false
	for c := n.first; c != 0; c = ns[c].next {
		switch ns[c].kind {
		case 't', 'b':
			if n.tm.seq {
				// Anonymous spans in a seq container last no time.
				ns[c].begin, ns[c].end = abs+cursor, abs+cursor
				ns[c].kind = 'x'
			} else {
				indef = true
			}
		case 's':
			cib := time.Duration(0)
			if n.tm.seq {
				cib = cursor
			}
			ce, cind := rd.timeNode(c, abs, clip, cib)
			switch {
			case n.tm.seq:
				cursor, indef = ce, cind
			case cind:
				indef = true
			default:
				maxEnd = max(maxEnd, ce)
			}
		}
	}
	var end time.Duration
	open := false
	switch {
	case hasEnd:
		end = explicit
	case indef:
		open = true
	case n.tm.seq:
		end = db + cursor
	default:
		end = db + maxEnd
	}
	n.begin = abs
	if open {
		n.end, n.indef = clip, clip >= maxTime
	} else {
		n.end = min(clip, pb+end)
	}
	for c := n.first; c != 0; c = ns[c].next {
		if k := ns[c].kind; k == 't' || k == 'b' {
			ns[c].begin, ns[c].end, ns[c].indef = n.begin, n.end, n.indef
		}
	}
	return end, open
}

// emit turns the p just read into captions: for each region its text
// is shown in (its own, or its spans' when they name others), one
// caption for the whole p, or one for each stretch of time in which the
// same spans are shown.
func (rd *reader) emit(pLine int) error {
	b := &rd.body
	ns := b.nodes
	if ns[0].f.hidden {
		if hasText(ns, ns[0].f.region) {
			return rd.warnOnce("hidden", false, "text hidden by tts:display=\"none\" is not read")
		}
		return nil
	}
	var done []string
	for i := 1; i < len(ns); i++ {
		r := ns[i].f.region
		if ns[i].kind != 't' || ns[i].f.hidden || contains(done, r) {
			continue
		}
		done = append(done, r)
		if len(done) > maxParaRegions {
			return rd.errorf(ErrTooMany, "a p with content in more than %d regions", maxParaRegions)
		}
		if r == "" && len(rd.regions) > 0 {
			if strings.TrimSpace(ns[i].text) != "" || hasText(ns, r) {
				b.noRegion = true
			}
			continue
		}
		if err := rd.emitRegion(r, pLine); err != nil {
			return err
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// hasText reports whether some text in region r is more than white space.
func hasText(ns []node, r string) bool {
	for i := range ns {
		if ns[i].kind == 't' && ns[i].f.region == r && strings.TrimSpace(ns[i].text) != "" {
			return true
		}
	}
	return false
}

// emitRegion makes the captions of the p's content in region name.
func (rd *reader) emitRegion(name string, pLine int) error {
	ns := rd.body.nodes
	reg := rd.regions[name] // nil for the default region
	lo, hi := time.Duration(0), maxTime
	if reg != nil {
		lo, hi = reg.begin, reg.end
	}
	// The times at which what the p shows changes.
	cuts := rd.cuts[:0]
	for i := 1; i < len(ns); i++ {
		n := &ns[i]
		if (n.kind != 't' && n.kind != 'b') || n.f.region != name {
			continue
		}
		cuts = append(cuts, max(n.begin, lo))
		if !n.indef {
			cuts = append(cuts, min(n.end, hi))
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	rd.cuts = cuts
	if len(cuts) > maxParaCuts {
		return rd.errorf(ErrTooMany, "a p whose content changes more than %d times", maxParaCuts)
	}
	for k, s := range cuts {
		e, open := maxTime, true
		if k+1 < len(cuts) {
			e, open = cuts[k+1], false
		} else if hi < maxTime {
			e, open = hi, false
		}
		if s >= hi || (!open && e <= s) || s < lo {
			continue
		}
		if err := rd.segment(name, reg, s, e, open, pLine); err != nil {
			return err
		}
		if open {
			break
		}
	}
	return nil
}

// segment makes a caption of what the p shows from s to e (e open when
// the p's end is indefinite).
func (rd *reader) segment(name string, reg *regionDef, s, e time.Duration, open bool, pLine int) error {
	ns := rd.body.nodes
	lb := &rd.lines
	lb.reset()
	for i := 1; i < len(ns); i++ {
		n := &ns[i]
		if (n.kind != 't' && n.kind != 'b') || n.f.hidden || n.f.region != name || n.begin > s || (!n.indef && n.end < e) || (!n.indef && open) {
			continue
		}
		if n.kind == 'b' {
			lb.breakLine()
			continue
		}
		if n.f.style.visibility == "hidden" {
			if strings.TrimSpace(n.text) != "" {
				if err := rd.warnOnce("invisible", false, "text hidden by tts:visibility=\"hidden\" is not read"); err != nil {
					return err
				}
			}
			continue
		}
		st, err := rd.runStyle(&n.f, reg)
		if err != nil {
			return err
		}
		lb.add(n.text, n.f.space, st)
	}
	lines, blank := lb.finish(&rd.warns, pLine)
	if blank {
		if err := rd.warnOnce("blank-line", false, "empty lines (br with no text between) are dropped"); err != nil {
			return err
		}
	}
	if len(lines) == 0 {
		return nil
	}
	c := captions.Caption{Lines: lines, Start: rd.snapTime(s + rd.cfg.Origin)}
	c.Align = rd.align(&ns[0].f, reg)
	if reg != nil {
		c.Row = rowOf(rd.geometry(reg), len(lines))
	}
	b := &rd.body
	b.last = max(b.last, c.Start)
	if open {
		b.open = append(b.open, len(b.caps))
	} else {
		c.End = rd.snapTime(e + rd.cfg.Origin)
		b.last = max(b.last, c.End)
		if c.End <= c.Start {
			return nil
		}
	}
	b.caps = append(b.caps, c)
	return nil
}

// snapTime moves a time written to the millisecond onto the frame it
// stands for, when the document (or ReadConfig.Rate) gives a frame rate.
func (rd *reader) snapTime(d time.Duration) time.Duration {
	if rd.snap.IsZero() {
		return d
	}
	f := rd.snap.Duration(rd.snap.Frames(d))
	if diff := f - d; diff <= 500*time.Microsecond && diff >= -500*time.Microsecond {
		return f
	}
	return d
}

// runStyle is the caption style of text with computed content style f
// in region reg.
func (rd *reader) runStyle(f *frame, reg *regionDef) (runStyle, error) {
	st := runStyle{speaker: f.agent}
	fs := f.style.fontStyle
	if fs == "" && reg != nil {
		fs = reg.spec.fontStyle
	}
	st.italic = fs == "italic" || fs == "oblique"
	v, content := f.style.color, true
	if v == "" && reg != nil {
		v, content = reg.spec.color, false
	}
	if v == "" {
		return st, nil
	}
	c, ok, opaque := parseColor(v)
	if !opaque {
		if err := rd.warnOnce("opacity", false, "colour %q is not opaque; its opacity is not kept", v); err != nil {
			return st, err
		}
	}
	if !ok {
		return st, rd.warnOnce("color:"+v, false, "colour %q is not one of the caption colours; the text keeps the default colour", v)
	}
	if content || c != captions.ColorWhite {
		st.color = c
	}
	return st, nil
}

// align is the caption alignment of a p: its own (or inherited)
// tts:textAlign, else its region's when that is not centred.
func (rd *reader) align(f *frame, reg *regionDef) captions.Align {
	dir := f.style.direction
	if f.style.textAlign != "" {
		return alignOf(f.style.textAlign, dir)
	}
	if reg == nil {
		return captions.AlignDefault
	}
	if dir == "" {
		dir = reg.spec.direction
	}
	if a := alignOf(reg.spec.textAlign, dir); a != captions.AlignCenter {
		return a
	}
	return captions.AlignDefault
}
