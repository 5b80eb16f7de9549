package tt

import (
	"encoding/xml"
	"strings"
	"time"
)

// styleDef is a style element: the styles it refers to and its own
// properties, resolved on first use.
type styleDef struct {
	refs      []string
	own       props
	unkept    []kv
	line      int
	state     int // 0 unresolved, 1 resolving, 2 resolved
	all       props
	allUnkept []kv
}

type kv struct{ k, v string }

// mergeKV adds src to dst, one entry a property (the later value wins),
// so that styles referring many times to styles that refer many times
// to others cannot grow the list exponentially.
func mergeKV(dst, src []kv) []kv {
next:
	for _, a := range src {
		for i := range dst {
			if dst[i].k == a.k {
				dst[i].v = a.v
				continue next
			}
		}
		dst = append(dst, a)
	}
	return dst
}

// regionDef is a region element.
type regionDef struct {
	spec     props
	unkept   []kv
	begin    time.Duration
	end      time.Duration // maxTime when open
	geom     geometry
	geomDone bool
}

// head reads the head element.
func (rd *reader) head() error {
	for {
		t, err := rd.next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			switch {
			case t.Name.Space == NS && t.Name.Local == "styling":
				err = rd.container(func(c xml.StartElement) error {
					if c.Name.Space == NS && c.Name.Local == "style" {
						return rd.styleElem(c)
					}
					return rd.unknownOrMeta(c)
				})
			case t.Name.Space == NS && t.Name.Local == "layout":
				err = rd.container(func(c xml.StartElement) error {
					if c.Name.Space == NS && c.Name.Local == "region" {
						return rd.region(c)
					}
					return rd.unknownOrMeta(c)
				})
			case t.Name.Space == NS && t.Name.Local == "metadata":
				err = rd.metadata()
			default:
				err = rd.skip()
			}
			if err != nil {
				return err
			}
		}
	}
}

func (rd *reader) unknownOrMeta(c xml.StartElement) error {
	if c.Name.Space == NS && c.Name.Local == "metadata" {
		return rd.metadata()
	}
	return rd.unknown(c)
}

// container calls f for each child element of the current element.
func (rd *reader) container(f func(xml.StartElement) error) error {
	for {
		t, err := rd.next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := f(t); err != nil {
				return err
			}
		}
	}
}

// specified reads the style attributes of an element: its style
// references and its tts (and ebutts, itts) attributes.
func (rd *reader) specified(t xml.StartElement) (refs []string, p props, unkept []kv) {
	for _, a := range t.Attr {
		switch {
		case a.Name.Space == "" && a.Name.Local == "style":
			refs = strings.Fields(a.Value)
		case a.Name.Space == NSStyle:
			if !p.setAttr(a.Name.Local, strings.TrimSpace(a.Value)) {
				unkept = append(unkept, kv{a.Name.Local, strings.TrimSpace(a.Value)})
			}
		case a.Name.Space == NSEBUStyle || strings.HasPrefix(a.Name.Space, "http://www.w3.org/ns/ttml/profile/imsc1#styling"):
			unkept = append(unkept, kv{a.Name.Local, strings.TrimSpace(a.Value)})
		}
	}
	return refs, p, unkept
}

// styleElem reads a style element in styling.
func (rd *reader) styleElem(t xml.StartElement) error {
	id, _ := attr(t, NSXML, "id")
	refs, p, unkept := rd.specified(t)
	if id != "" {
		if _, dup := rd.styles[id]; !dup {
			rd.styles[id] = &styleDef{refs: refs, own: p, unkept: unkept, line: rd.line}
		}
	}
	return rd.skip()
}

// resolve returns the properties style id specifies, following its
// references (TTML 1 §8.4.1.3: referenced styles first, in order, then
// the element's own attributes).
func (rd *reader) resolve(id string, depth int) (*styleDef, error) {
	s := rd.styles[id]
	if s == nil {
		return nil, rd.warnOnce("style:"+id, true, "style %q is not defined; reference ignored", id)
	}
	switch s.state {
	case 2:
		return s, nil
	case 1:
		return nil, rd.errorf(ErrBadDocument, "style %q refers to itself through its style attribute", id)
	}
	if depth > 64 {
		return nil, rd.errorf(ErrTooDeep, "style references more than 64 deep")
	}
	s.state = 1
	for _, r := range s.refs {
		c, err := rd.resolve(r, depth+1)
		if err != nil {
			return nil, err
		}
		if c != nil {
			s.all.set(&c.all)
			s.allUnkept = mergeKV(s.allUnkept, c.allUnkept)
		}
	}
	s.all.set(&s.own)
	s.allUnkept = mergeKV(s.allUnkept, s.unkept)
	s.state = 2
	return s, nil
}

// apply computes what an element specifies: referenced styles, then
// nested ones (regions), then its own attributes; and warns once about
// each property the model does not hold.
func (rd *reader) apply(refs []string, nested *props, own *props, unkept []kv) (props, error) {
	var p props
	for _, r := range refs {
		s, err := rd.resolve(r, 0)
		if err != nil {
			return p, err
		}
		if s != nil {
			p.set(&s.all)
			if err := rd.noteUnkept(s.allUnkept); err != nil {
				return p, err
			}
		}
	}
	if nested != nil {
		p.set(nested)
	}
	p.set(own)
	return p, rd.noteUnkept(unkept)
}

// noteUnkept warns once per property about styling the caption model
// cannot hold.
func (rd *reader) noteUnkept(list []kv) error {
	for _, a := range list {
		if isHarmless(a.k, a.v) || rd.once["prop:"+a.k] {
			continue
		}
		if err := rd.warnOnce("prop:"+a.k, false, "style %s=%q is not kept (the caption model holds colour, italics, alignment and row only)", a.k, a.v); err != nil {
			return err
		}
	}
	return nil
}

// region reads a region element.
func (rd *reader) region(t xml.StartElement) error {
	id, _ := attr(t, NSXML, "id")
	refs, own, unkept := rd.specified(t)
	var nested props
	reg := &regionDef{end: maxTime}
	var b, e, d time.Duration
	var hasB, hasE, hasD bool
	var err error
	if b, hasB, err = rd.timeAttr(t, "begin"); err != nil {
		return err
	}
	if e, hasE, err = rd.timeAttr(t, "end"); err != nil {
		return err
	}
	if d, hasD, err = rd.timeAttr(t, "dur"); err != nil {
		return err
	}
	reg.begin = b
	switch {
	case hasE && hasD && e != b+d:
		return rd.errorf(ErrConflict, "region %q: end %v is not begin + dur %v", id, e, b+d)
	case hasE:
		reg.end = e
	case hasD:
		reg.end = b + d
	}
	_ = hasB
	err = rd.container(func(c xml.StartElement) error {
		switch {
		case c.Name.Space == NS && c.Name.Local == "style":
			_, p, u := rd.specified(c)
			nested.set(&p)
			unkept = append(unkept, u...)
			return rd.skip()
		case c.Name.Space == NS && (c.Name.Local == "set" || c.Name.Local == "animate"):
			if err := rd.warnOnce("animation", false, "animation (%s) is not kept: captions keep the styles they start with", c.Name.Local); err != nil {
				return err
			}
			return rd.skip()
		}
		return rd.unknownOrMeta(c)
	})
	if err != nil {
		return err
	}
	if id == "" {
		return nil
	}
	if reg.spec, err = rd.apply(refs, &nested, &own, nil); err != nil {
		return err
	}
	reg.unkept = unkept
	if _, dup := rd.regions[id]; !dup {
		rd.regions[id] = reg
	}
	return nil
}

// geometry returns where region r sits vertically.
func (rd *reader) geometry(r *regionDef) geometry {
	if r.geomDone {
		return r.geom
	}
	r.geomDone = true
	g := geometry{known: true, top: 0, height: 100, displayAlign: r.spec.displayAlign}
	if r.spec.origin != "" && r.spec.origin != "auto" {
		_, y, ok := parseLengths(r.spec.origin)
		v, ok2 := y.percent(rd.rootExt[1], rd.cells[1])
		if !ok || !ok2 {
			g.known = false
		}
		g.top = v
	}
	if r.spec.extent != "" && r.spec.extent != "auto" {
		_, h, ok := parseLengths(r.spec.extent)
		v, ok2 := h.percent(rd.rootExt[1], rd.cells[1])
		if !ok || !ok2 {
			g.known = false
		}
		g.height = v
	}
	r.geom = g
	return g
}

// metadata reads head metadata: the title, agents (speakers) and EBU-TT
// document metadata.
func (rd *reader) metadata() error {
	return rd.container(func(c xml.StartElement) error {
		switch {
		case c.Name.Space == NSMeta && c.Name.Local == "title":
			s, err := rd.text()
			if rd.doc.Title == "" {
				rd.doc.Title = s
			}
			return err
		case c.Name.Space == NSMeta && c.Name.Local == "agent":
			return rd.agent(c)
		case c.Name.Space == NSEBUMeta && c.Name.Local == "documentMetadata":
			return rd.ebuMetadata()
		}
		return rd.skip()
	})
}

// agent reads a ttm:agent: its xml:id and its ttm:name.
func (rd *reader) agent(t xml.StartElement) error {
	id, _ := attr(t, NSXML, "id")
	name := ""
	err := rd.container(func(c xml.StartElement) error {
		if c.Name.Space == NSMeta && c.Name.Local == "name" {
			s, err := rd.text()
			if name == "" {
				name = s
			}
			return err
		}
		return rd.skip()
	})
	if id != "" {
		if name == "" {
			name = id
		}
		rd.agents[id] = name
	}
	return err
}

// ebuMetadata reads ebuttm:documentMetadata.
func (rd *reader) ebuMetadata() error {
	var rate, mul string
	err := rd.container(func(c xml.StartElement) error {
		if c.Name.Space != NSEBUMeta {
			return rd.skip()
		}
		s, err := rd.text()
		switch c.Name.Local {
		case "conformsToStandard":
			rd.info.Profiles = append(rd.info.Profiles, s)
			if s == EBUTTD {
				rd.info.EBU = true
			}
		case "authoredFrameRate":
			rate = s
		case "authoredFrameRateMultiplier":
			mul = s
		}
		return err
	})
	if err != nil || rate == "" || rd.info.Params.FrameRateDeclared {
		return err
	}
	// EBU-TT-D declares its frame rate as metadata only: use it to snap
	// times to frames.
	p := rd.info.Params
	var fr bool
	if rd.param(&p, "frameRate", rate, &fr) != nil {
		return rd.warn(true, "ebuttm:authoredFrameRate %q is not a frame rate; ignored", rate)
	}
	if mul != "" && rd.param(&p, "frameRateMultiplier", mul, &fr) != nil {
		return rd.warn(true, "ebuttm:authoredFrameRateMultiplier %q is not valid; ignored", mul)
	}
	rd.info.Params.FrameRate, rd.info.Params.MulNum, rd.info.Params.MulDen = p.FrameRate, p.MulNum, p.MulDen
	rd.info.Params.FrameRateDeclared = true
	return nil
}
