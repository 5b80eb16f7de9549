package scc

import (
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// The screen has 15 rows of 32 columns. A row may hold more cells than 32
// when a file writes past the last column: a decoder would overwrite the
// last column, but the reader keeps the text (with a warning), up to
// rowCap cells.
const (
	screenRows = 15
	screenCols = 32
	rowCap     = 128
)

// cell is one character cell: r == 0 is empty (transparent).
type cell struct {
	r    rune
	attr uint8 // colour (low 4 bits), attrItalic, attrUnder
}

const (
	attrItalic = 0x10
	attrUnder  = 0x20
)

// memory is a caption memory: the displayed one or the non-displayed one.
type memory struct {
	rows [screenRows][rowCap]cell
	used [screenRows]int // cells in use: every cell at or past used[r] is empty
}

func (m *memory) empty() bool {
	for _, n := range m.used {
		if n > 0 {
			return false
		}
	}
	return true
}

func (m *memory) clearRow(r int) {
	clear(m.rows[r][:m.used[r]])
	m.used[r] = 0
}

func (m *memory) clear() {
	for r := range m.rows {
		m.clearRow(r)
	}
}

// Caption styles (decoder modes).
const (
	modePopOn = iota
	modeRollUp
	modePaintOn
	modeText // text service (TR, RTD): not captions
)

// decoder is a CEA-608 caption decoder for one data channel: it keeps the
// two memories, the cursor and the style, and turns what is displayed into
// captions, each from when it appears until it is replaced or erased.
type decoder struct {
	mem      [2]memory
	disp     int // index of the displayed memory
	mode     int
	rollRows int
	row, col int // cursor: row 0–14, column 0–rowCap-1
	attr     uint8

	// The caption being displayed: open since openAt; dirty when the
	// displayed memory changed since then.
	open   bool
	openAt timing.Frame
	dirty  bool
	out    []timed

	// overflows counts the rows written past column 32; overflow is set
	// once the current run of characters has gone past it.
	overflows int
	overflow  bool

	// line is the input line being read; loadedLine the line where data
	// was first loaded into non-displayed memory since the last EOC or ENM.
	line, loadedLine int

	// scratch for snapshot
	starts, ends []int
	buf          []byte
	slab         []captions.Line
}

// timed is a caption with its first and end frames.
type timed struct {
	start, end timing.Frame
	c          captions.Caption
}

func newDecoder() *decoder {
	d := &decoder{rollRows: 2, row: screenRows - 1}
	return d
}

func (d *decoder) displayed() *memory { return &d.mem[d.disp] }

// target is the memory characters go to: non-displayed in pop-on mode,
// displayed otherwise.
func (d *decoder) target() *memory {
	if d.mode == modePopOn {
		return &d.mem[1-d.disp]
	}
	return &d.mem[d.disp]
}

// touched records a change to the displayed memory at frame t.
func (d *decoder) touched(t timing.Frame) {
	if d.open {
		d.dirty = true
		return
	}
	if !d.displayed().empty() {
		d.open, d.openAt, d.dirty = true, t, false
	}
}

// boundary is called at frame t before a code that may change the display:
// the caption on screen ends here if the display changed since it opened
// or if change says this code changes it.
func (d *decoder) boundary(t timing.Frame, change bool) {
	if d.open && (d.dirty || change) {
		d.emit(t)
		d.open = false
	}
}

// reopen starts a caption at t if the display shows anything.
func (d *decoder) reopen(t timing.Frame) {
	if !d.open && !d.displayed().empty() {
		d.open, d.openAt, d.dirty = true, t, false
	}
}

// emit appends the displayed memory as a caption from openAt to t.
func (d *decoder) emit(t timing.Frame) {
	if t <= d.openAt {
		return
	}
	c, ok := d.snapshot(d.displayed())
	if !ok {
		return
	}
	d.out = append(d.out, timed{d.openAt, t, c})
}

// put writes a character cell at the cursor and moves it right.
func (d *decoder) put(t timing.Frame, r rune) {
	m := d.target()
	if d.col >= screenCols && !d.overflow {
		d.overflow = true
		d.overflows++
	}
	col := min(d.col, rowCap-1)
	m.rows[d.row][col] = cell{r: r, attr: d.attr}
	m.used[d.row] = max(m.used[d.row], col+1)
	if d.col < rowCap-1 {
		d.col++
	}
	d.changed(t)
}

// changed records a change to the target memory at frame t.
func (d *decoder) changed(t timing.Frame) {
	if d.mode != modePopOn {
		d.touched(t)
	} else if d.loadedLine == 0 {
		d.loadedLine = d.line
	}
}

// backspace erases the cell left of the cursor and moves onto it.
func (d *decoder) backspace(t timing.Frame) {
	if d.col == 0 {
		return
	}
	d.col--
	m := d.target()
	m.rows[d.row][d.col] = cell{}
	d.trim(m, d.row)
	d.changed(t)
}

// trim lowers used[r] past trailing empty cells.
func (d *decoder) trim(m *memory, r int) {
	n := m.used[r]
	for n > 0 && m.rows[r][n-1].r == 0 {
		n--
	}
	m.used[r] = n
}

// misc applies a miscellaneous control code (second byte 20–2F) at frame t.
func (d *decoder) misc(t timing.Frame, code byte) {
	switch code {
	case codeRCL:
		d.mode = modePopOn
	case codeRDC:
		d.mode = modePaintOn
	case codeRU2, codeRU3, codeRU4:
		n := int(code-codeRU2) + 2
		if d.mode != modeRollUp {
			// Entering roll-up erases both memories.
			d.boundary(t, !d.displayed().empty())
			d.mem[0].clear()
			d.mem[1].clear()
			d.mode, d.row, d.col = modeRollUp, screenRows-1, 0
		} else if n < d.rollRows {
			d.boundary(t, true)
			m := d.displayed()
			for r := 0; r <= d.row-n; r++ {
				m.clearRow(r)
			}
		}
		d.rollRows = n
		d.attr = colorWhite
		d.reopen(t)
	case codeTR, codeRTD:
		d.mode = modeText
	case codeBS:
		if d.mode != modeText {
			d.backspace(t)
		}
	case codeDER:
		if d.mode != modeText {
			m := d.target()
			if d.col < m.used[d.row] {
				clear(m.rows[d.row][d.col:m.used[d.row]])
				d.trim(m, d.row)
				d.changed(t)
			}
		}
	case codeFON:
		if d.mode != modeText {
			d.put(t, ' ')
		}
	case codeEDM:
		d.boundary(t, !d.displayed().empty())
		d.displayed().clear()
	case codeENM:
		d.mem[1-d.disp].clear()
		d.loadedLine = 0
	case codeEOC:
		d.loadedLine = 0
		d.boundary(t, true)
		d.disp = 1 - d.disp
		d.reopen(t)
		if d.mode == modeText {
			d.mode = modePopOn
		}
	case codeCR:
		if d.mode == modeRollUp {
			d.boundary(t, true)
			m := d.displayed()
			top := max(d.row-d.rollRows+1, 0)
			m.clearRow(top)
			for r := top; r < d.row; r++ {
				m.rows[r], m.used[r] = m.rows[r+1], m.used[r+1]
			}
			m.rows[d.row], m.used[d.row] = [rowCap]cell{}, 0
			d.reopen(t)
		}
		d.col = 0
		d.overflow = false
	}
}

// preamble applies a PAC: row 1–15, indent or style.
func (d *decoder) preamble(t timing.Frame, row, indent, color int, under bool) {
	r := row - 1
	if d.mode == modeRollUp && r != d.row {
		// The roll-up window moves to the new base row.
		m := d.displayed()
		n := d.rollRows
		r = max(r, n-1)
		moved := false
		var rows [4][rowCap]cell
		var used [4]int
		for i := 0; i < n; i++ {
			if src := d.row - n + 1 + i; src >= 0 {
				rows[i], used[i] = m.rows[src], m.used[src]
				moved = moved || used[i] > 0
			}
		}
		d.boundary(t, moved)
		m.clear()
		for i := 0; i < n; i++ {
			m.rows[r-n+1+i], m.used[r-n+1+i] = rows[i], used[i]
		}
		d.row = r
		d.reopen(t)
	} else if d.mode == modePaintOn {
		d.boundary(t, false)
		d.reopen(t)
	}
	if d.mode != modeRollUp {
		d.row = r
	}
	d.overflow = false
	if indent >= 0 {
		d.col, d.attr = indent, colorWhite
	} else {
		d.col, d.attr = 0, uint8(color)
		if color == colorItalics {
			d.attr = colorWhite | attrItalic
		}
	}
	if under {
		d.attr |= attrUnder
	}
}

// midRowCode applies a mid-row code (second byte 20–2F): a space cell, then
// the new style. A colour turns italics off; italics keep the colour.
func (d *decoder) midRowCode(t timing.Frame, b2 byte) {
	c := int(b2-0x20) >> 1
	if c == colorItalics {
		d.attr = d.attr&0x0F | attrItalic
	} else {
		d.attr = uint8(c)
	}
	if b2&1 == 1 {
		d.attr |= attrUnder
	}
	d.put(t, ' ')
}

// snapshot turns a memory into a caption's lines (top to bottom), Row and
// Align; ok is false when nothing is shown. Lines are cut from a shared
// slab, text built in a reused buffer.
func (d *decoder) snapshot(m *memory) (captions.Caption, bool) {
	var c captions.Caption
	top, bottom := -1, -1
	d.starts, d.ends = d.starts[:0], d.ends[:0]
	if cap(d.slab)-len(d.slab) < screenRows {
		d.slab = make([]captions.Line, 0, 4096)
	}
	first0 := len(d.slab)
	for r := 0; r < screenRows; r++ {
		n := m.used[r]
		if n == 0 {
			continue
		}
		cells := m.rows[r][:n]
		first := 0
		for first < n && (cells[first].r == 0 || cells[first].r == ' ') {
			first++
		}
		if first == n {
			continue
		}
		last := n
		for cells[last-1].r == 0 || cells[last-1].r == ' ' {
			last--
		}
		b := d.buf[:0]
		var italic, letters int
		var colors [9]int
		space := false
		for _, x := range cells[first:last] {
			if x.r == 0 || x.r == ' ' {
				if !space {
					b = append(b, ' ')
				}
				space = true
				continue
			}
			space = false
			b = utf8.AppendRune(b, x.r)
			letters++
			if x.attr&attrItalic != 0 {
				italic++
			}
			colors[x.attr&0x0F]++
		}
		d.buf = b
		l := captions.Line{Text: string(b), Italic: 2*italic > letters}
		best := colorWhite
		for k, v := range colors {
			if v > colors[best] {
				best = k
			}
		}
		l.Color = modelColor[best]
		d.slab = append(d.slab, l)
		if top < 0 {
			top = r + 1
		}
		bottom = r + 1
		d.starts = append(d.starts, first)
		d.ends = append(d.ends, last)
	}
	if len(d.slab) == first0 {
		return c, false
	}
	c.Lines = d.slab[first0:len(d.slab):len(d.slab)]
	if bottom != screenRows {
		c.Row = teletextRow(top)
	}
	c.Align = alignOf(d.starts, d.ends)
	return c, true
}

// modelColor maps 608 colours to the caption model (white is the default).
var modelColor = [9]captions.Color{
	captions.ColorDefault, captions.ColorGreen, captions.ColorBlue, captions.ColorCyan,
	captions.ColorRed, captions.ColorYellow, captions.ColorMagenta, captions.ColorDefault, captions.ColorBlack,
}

// alignOf infers the alignment from where each row's text starts and ends:
// centred (as pop-on captioners centre, to a column) when every row is,
// else left when every row starts at the same column, else right when
// every row ends at column 32.
func alignOf(starts, ends []int) captions.Align {
	center, left, right := true, true, true
	for i := range starts {
		if d := starts[i] + ends[i] - screenCols; d < -1 || d > 1 {
			center = false
		}
		if starts[i] != starts[0] {
			left = false
		}
		if ends[i] != screenCols {
			right = false
		}
	}
	switch {
	case center:
		return captions.AlignCenter
	case left:
		return captions.AlignLeft
	case right:
		return captions.AlignRight
	}
	return captions.AlignDefault
}

// teletextRow maps a 608 row (1–15) to the Teletext row (1–23) of the
// caption model; ceaRow maps it back (ceaRow(teletextRow(r)) == r).
func teletextRow(r int) int { return 1 + ((r-1)*22+7)/14 }

func ceaRow(t int) int { return 1 + ((t-1)*14+11)/22 }
