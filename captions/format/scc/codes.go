package scc

import "math/bits"

// Control codes are written here in their channel-1 (CC1) form; channel 2
// (CC2) sets bit 3 of the first byte (0x14 → 0x1C). The miscellaneous
// control codes of field 2 (CC3, CC4) use 0x15 and 0x1D.
const (
	miscCC1   = 0x14 // first byte of the miscellaneous control codes
	miscField = 0x15 // the same codes for CC3 (field 2)
	midRow    = 0x11 // mid-row codes (20–2F) and special characters (30–3F)
	tabCode   = 0x17 // tab offsets (21–23) and optional attributes
	bgAttr    = 0x10 // background attributes (20–2F)
	chanBit   = 0x08 // set in the first byte of every CC2 code
)

// Second bytes of the miscellaneous control codes (first byte 0x14).
const (
	codeRCL = 0x20 // resume caption loading (pop-on)
	codeBS  = 0x21 // backspace
	codeAOF = 0x22 // alarm off (unused)
	codeAON = 0x23 // alarm on (unused)
	codeDER = 0x24 // delete to end of row
	codeRU2 = 0x25 // roll-up, 2 rows
	codeRU3 = 0x26
	codeRU4 = 0x27
	codeFON = 0x28 // flash on
	codeRDC = 0x29 // resume direct captioning (paint-on)
	codeTR  = 0x2A // text restart (text service)
	codeRTD = 0x2B // resume text display (text service)
	codeEDM = 0x2C // erase displayed memory
	codeCR  = 0x2D // carriage return (roll-up)
	codeENM = 0x2E // erase non-displayed memory
	codeEOC = 0x2F // end of caption: swap the memories
)

// Colours of the PACs and mid-row codes, in code order; 7 is "italics"
// (white italics in a PAC). colorBlack is the optional attribute 17 2E.
const (
	colorWhite = iota
	colorGreen
	colorBlue
	colorCyan
	colorRed
	colorYellow
	colorMagenta
	colorItalics
	colorBlack
)

// parity returns b with its top bit set so that it has odd parity.
func parity(b byte) byte {
	b &= 0x7F
	if bits.OnesCount8(b)%2 == 0 {
		b |= 0x80
	}
	return b
}

// oddParity reports whether b (with its parity bit) has odd parity.
func oddParity(b byte) bool { return bits.OnesCount8(b)%2 == 1 }

// pacRows maps the first byte (CC1 form, 0x10–0x17) of a preamble address
// code to its two rows: the first for second bytes 40–5F, the second for
// 60–7F. 0x10 has only row 11.
var pacRows = [8][2]int{
	{11, 0}, {1, 2}, {3, 4}, {12, 13}, {14, 15}, {5, 6}, {7, 8}, {9, 10},
}

// pacFirst returns the CC1 first byte of a PAC for row (1–15) and whether
// the second byte is in 60–7F.
func pacFirst(row int) (byte, bool) {
	for i, r := range pacRows {
		if r[0] == row {
			return byte(0x10 + i), false
		}
		if r[1] == row {
			return byte(0x10 + i), true
		}
	}
	return 0x14, true
}

// pac returns a preamble address code: row 1–15, then low holds the low
// five bits of the second byte: 00–0F a style (colour << 1), 10–1F an
// indent ((column/4) << 1 | 0x10).
func pac(row int, low byte) [2]byte {
	b1, second := pacFirst(row)
	b2 := 0x40 | low
	if second {
		b2 |= 0x20
	}
	return [2]byte{b1, b2}
}

// pacIndent returns the PAC placing the cursor at row, column col (a
// multiple of 4), white, not underlined.
func pacIndent(row, col int) [2]byte { return pac(row, 0x10|byte(col/4)<<1) }

// pacStyle returns the PAC at row, column 0, in colour c (colorItalics for
// white italics).
func pacStyle(row, c int) [2]byte { return pac(row, byte(c)<<1) }

// decodePAC returns the row (1–15), and either the indent (≥ 0) with
// colour white, or indent −1 and the colour (colorItalics for white
// italics), and the underline bit, of a PAC in CC1 form. ok is false for
// the undefined 10 60–7F.
func decodePAC(b1, b2 byte) (row, indent, color int, under, ok bool) {
	r := pacRows[b1&7]
	row = r[0]
	if b2&0x20 != 0 {
		row = r[1]
	}
	if row == 0 {
		return 0, 0, 0, false, false
	}
	low := b2 & 0x1F
	under = low&1 == 1
	if low >= 0x10 {
		return row, int(low-0x10) / 2 * 4, colorWhite, under, true
	}
	return row, -1, int(low >> 1), under, true
}

// kind classifies a control pair (first byte 0x10–0x1F, CC1 form in b1).
type kind uint8

const (
	kUnknown kind = iota
	kPAC
	kMidRow
	kSpecial
	kExtended
	kMisc
	kMiscField2
	kTab
	kBackground // background attributes 10 20–2F, 17 2D
	kBlackFG    // 17 2E, 17 2F
	kCharset    // 17 24–2A: character set selection, not for captions
)

// classify returns what a control pair is. b1 is in CC1 form (0x10–0x17).
func classify(b1, b2 byte) kind {
	if b2 >= 0x40 && b2 <= 0x7F {
		if b1 == 0x10 && b2 >= 0x60 {
			return kUnknown
		}
		return kPAC
	}
	if b2 < 0x20 || b2 > 0x3F {
		return kUnknown
	}
	switch b1 {
	case bgAttr:
		if b2 <= 0x2F {
			return kBackground
		}
	case midRow:
		if b2 <= 0x2F {
			return kMidRow
		}
		return kSpecial
	case 0x12, 0x13:
		return kExtended
	case miscCC1:
		if b2 <= 0x2F {
			return kMisc
		}
	case miscField:
		if b2 <= 0x2F {
			return kMiscField2
		}
	case tabCode:
		switch {
		case b2 >= 0x21 && b2 <= 0x23:
			return kTab
		case b2 >= 0x24 && b2 <= 0x2A:
			return kCharset
		case b2 == 0x2D:
			return kBackground
		case b2 == 0x2E || b2 == 0x2F:
			return kBlackFG
		}
	}
	return kUnknown
}
