package tt

import (
	"strconv"
	"strings"

	"github.com/sotcap/sotcap/captions"
)

// props are the style properties a document specifies for one element
// (TTML 1 §8), as written; "" means not specified. Only the properties
// the caption model holds, and those that place or hide content, are
// kept; the others are checked by noteUnkept as they are read.
type props struct {
	color, fontStyle, textAlign, direction  string
	displayAlign, origin, extent            string
	display, visibility, writingMode, ruby_ string
}

// set copies the properties specified in o over p.
func (p *props) set(o *props) {
	for _, f := range [...]struct{ dst, src *string }{
		{&p.color, &o.color}, {&p.fontStyle, &o.fontStyle}, {&p.textAlign, &o.textAlign},
		{&p.direction, &o.direction}, {&p.displayAlign, &o.displayAlign}, {&p.origin, &o.origin},
		{&p.extent, &o.extent}, {&p.display, &o.display}, {&p.visibility, &o.visibility},
		{&p.writingMode, &o.writingMode}, {&p.ruby_, &o.ruby_},
	} {
		if *f.src != "" {
			*f.dst = *f.src
		}
	}
}

// setAttr records the tts attribute name=value; it reports false for a
// property the model does not hold.
func (p *props) setAttr(name, value string) bool {
	switch name {
	case "color":
		p.color = value
	case "fontStyle":
		p.fontStyle = value
	case "textAlign":
		p.textAlign = value
	case "direction":
		p.direction = value
	case "displayAlign":
		p.displayAlign = value
	case "origin":
		p.origin = value
	case "extent":
		p.extent = value
	case "display":
		p.display = value
	case "visibility":
		p.visibility = value
	case "writingMode":
		p.writingMode = value
		return isHarmless(name, value)
	case "ruby":
		p.ruby_ = value
		return false
	default:
		return false
	}
	return true
}

// houseValues are the values sotcap's own writers give properties the
// model does not hold: reading them back is not worth a warning.
var houseValues = map[string]string{
	"fontFamily":      FontFamily,
	"fontSize":        FontSize,
	"lineHeight":      LineHeight,
	"backgroundColor": Background,
	"linePadding":     LinePadding,
	"multiRowAlign":   "auto",
	"showBackground":  "whenActive",
	"overflow":        "visible",
	"wrapOption":      "wrap",
}

// isHarmless reports whether a property the model does not hold has a
// value that changes nothing worth a warning: its initial value, or the
// value sotcap's writers give it.
func isHarmless(name, value string) bool {
	if v, ok := houseValues[name]; ok && v == value {
		return true
	}
	switch value {
	case "normal", "none", "auto", "visible", "lrtb", "lr", "ltr", "1", "1.0", "0", "0%", "0px",
		"transparent", "#00000000", "noWrap", "wrap", "default", "always", "whenActive", "hidden":
		return true
	}
	return false
}

// Writers' house style, shared by both formats.
const (
	FontFamily  = "proportionalSansSerif"
	FontSize    = "125%"
	LineHeight  = "160%"
	Background  = "#000000"
	LinePadding = "0.5c"
	// CellRows and CellColumns are ttp:cellResolution: the Teletext grid
	// of 40 columns and 24 rows, so that a cell is a Teletext row.
	CellColumns = 40
	CellRows    = 24
)

// rgb values of the caption colours (Teletext's, EBU Tech 3360 §5).
var paletteRGB = [...]string{
	captions.ColorWhite: "#ffffff", captions.ColorYellow: "#ffff00", captions.ColorCyan: "#00ffff",
	captions.ColorGreen: "#00ff00", captions.ColorRed: "#ff0000", captions.ColorBlue: "#0000ff",
	captions.ColorMagenta: "#ff00ff", captions.ColorBlack: "#000000",
}

// ColorHex returns the #rrggbb value sotcap writes for c.
func ColorHex(c captions.Color) string {
	if int(c) < len(paletteRGB) && paletteRGB[c] != "" {
		return paletteRGB[c]
	}
	return "#ffffff"
}

var namedColors = map[string]string{
	"white": "#ffffff", "yellow": "#ffff00", "cyan": "#00ffff", "aqua": "#00ffff",
	"lime": "#00ff00", "red": "#ff0000", "blue": "#0000ff", "magenta": "#ff00ff",
	"fuchsia": "#ff00ff", "black": "#000000",
	// TTML's green is #008000; a caption author who writes "green"
	// means the caption green.
	"green":  "#00ff00",
	"silver": "#c0c0c0", "gray": "#808080", "maroon": "#800000", "purple": "#800080",
	"olive": "#808000", "navy": "#000080", "teal": "#008080", "transparent": "#00000000",
}

// parseColor maps a TTML colour to a caption colour. ok is false for a
// colour outside the palette; opaque is false for one with an alpha
// below 255.
func parseColor(v string) (c captions.Color, ok, opaque bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	if n, found := namedColors[v]; found {
		v = n
	}
	rgb, alpha := "", "ff"
	switch {
	case len(v) == 7 && v[0] == '#':
		rgb = v
	case len(v) == 9 && v[0] == '#':
		rgb, alpha = v[:7], v[7:]
	case strings.HasPrefix(v, "rgb(") || strings.HasPrefix(v, "rgba("):
		in := v[strings.IndexByte(v, '(')+1:]
		in = strings.TrimSuffix(in, ")")
		parts := strings.Split(in, ",")
		if len(parts) < 3 || len(parts) > 4 {
			return 0, false, true
		}
		b := []byte{'#'}
		for i, s := range parts {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || n < 0 || n > 255 {
				return 0, false, true
			}
			h := strconv.AppendInt(nil, int64(n)+256, 16)[1:]
			if i == 3 {
				alpha = string(h)
			} else {
				b = append(b, h...)
			}
		}
		rgb = string(b)
	default:
		return 0, false, true
	}
	opaque = alpha == "ff"
	for k, hex := range paletteRGB {
		if hex == rgb && k != 0 {
			return captions.Color(k), true, opaque
		}
	}
	return 0, false, opaque
}

// length is a TTML length: a number and its unit ("%", "px", "c").
type length struct {
	v    float64
	unit string
}

// parseLengths reads two space-separated lengths ("10% 80%").
func parseLengths(s string) (a, b length, ok bool) {
	f := strings.Fields(s)
	if len(f) != 2 {
		return a, b, false
	}
	a, ok1 := parseLength(f[0])
	b, ok2 := parseLength(f[1])
	return a, b, ok1 && ok2
}

func parseLength(s string) (length, bool) {
	for _, u := range [...]string{"%", "px", "c", "rh", "rw", "em"} {
		if strings.HasSuffix(s, u) {
			v, err := strconv.ParseFloat(strings.TrimSuffix(s, u), 64)
			if err != nil {
				return length{}, false
			}
			return length{v, u}, true
		}
	}
	return length{}, false
}

// percent converts a vertical (or horizontal) length to a percentage of
// the root container, given the root's size in px (0 when unknown) and
// the cell count along that axis.
func (l length) percent(rootPx float64, cells int) (float64, bool) {
	switch l.unit {
	case "%", "rh", "rw":
		return l.v, true
	case "px":
		if rootPx > 0 {
			return l.v * 100 / rootPx, true
		}
	case "c":
		if cells > 0 {
			return l.v * 100 / float64(cells), true
		}
	}
	return 0, false
}

// alignOf maps tts:textAlign to a caption alignment (start and end
// follow direction).
func alignOf(v, direction string) captions.Align {
	switch v {
	case "left":
		return captions.AlignLeft
	case "right":
		return captions.AlignRight
	case "center":
		return captions.AlignCenter
	case "start":
		if direction == "rtl" {
			return captions.AlignRight
		}
		return captions.AlignLeft
	case "end":
		if direction == "rtl" {
			return captions.AlignLeft
		}
		return captions.AlignRight
	}
	return captions.AlignDefault
}

// rowOf returns the Teletext row (1–23, 0 for the default bottom) at
// which a caption of n lines shown in region g starts.
//
// Rows follow the writers' layout: the grid has CellRows rows and a
// caption line is double height (two rows, as in Teletext). A region
// that aligns its content to its bottom (displayAlign after) and reaches
// the lower quarter of the screen is the default position, Row 0.
func rowOf(g geometry, n int) int {
	if !g.known {
		return 0
	}
	rows := func(pct float64) int { return int(pct*CellRows/100 + 0.5) }
	var row int
	switch g.displayAlign {
	case "after":
		if g.top+g.height >= 75 {
			return 0
		}
		row = rows(g.top+g.height) - 2*n
	case "center":
		row = rows(g.top+g.height/2) - n
	default:
		row = rows(g.top)
	}
	return min(max(row, 1), 23)
}

// geometry is a region's vertical extent as percentages of the root
// container.
type geometry struct {
	known        bool
	top, height  float64
	displayAlign string
}
