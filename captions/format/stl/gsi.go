package stl

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// Block sizes of Tech 3264.
const (
	gsiSize = 1024 // the General Subtitle Information block
	ttiSize = 128  // each Text and Timing Information block
	tfSize  = 112  // the text field of a TTI block
)

// DisplayStandard is the GSI DSC field. The zero value is Teletext level 1,
// the broadcast default.
type DisplayStandard uint8

// Display standards (DSC).
const (
	Teletext1        DisplayStandard = iota // DSC "1": Teletext level 1 (default)
	Teletext2                               // DSC "2": Teletext level 2
	OpenSubtitling                          // DSC "0": open subtitling
	DisplayUndefined                        // DSC " ": undefined (reader only)
)

// DSC returns the field's byte: '1', '2', '0' or ' '.
func (d DisplayStandard) DSC() byte {
	switch d {
	case Teletext1:
		return '1'
	case Teletext2:
		return '2'
	case OpenSubtitling:
		return '0'
	}
	return ' '
}

// Teletext reports whether d is a Teletext level.
func (d DisplayStandard) Teletext() bool { return d == Teletext1 || d == Teletext2 }

// String names the standard.
func (d DisplayStandard) String() string {
	switch d {
	case Teletext1:
		return "Teletext level 1"
	case Teletext2:
		return "Teletext level 2"
	case OpenSubtitling:
		return "open subtitling"
	}
	return "undefined"
}

// ParseDisplayStandard parses a DSC byte.
func ParseDisplayStandard(b byte) (DisplayStandard, bool) {
	switch b {
	case '1':
		return Teletext1, true
	case '2':
		return Teletext2, true
	case '0':
		return OpenSubtitling, true
	case ' ', 0:
		return DisplayUndefined, true
	}
	return DisplayUndefined, false
}

// GSI is the General Subtitle Information block, field by field, with text
// fields decoded from the file's code page (CPN) and trailing spaces
// removed.
type GSI struct {
	CPN string          // code page number, "850"
	DFC string          // disk format code, "STL25.01" or "STL30.01"
	DSC DisplayStandard // display standard code
	CCT CharacterTable  // character code table of the text fields
	LC  string          // language code, Tech 3264 Appendix 3 ("09" English)
	OPT string          // original programme title
	OET string          // original episode title
	TPT string          // translated programme title
	TET string          // translated episode title
	TN  string          // translator's name
	TCD string          // translator's contact details
	SLR string          // subtitle list reference code
	CD  string          // creation date, YYMMDD
	RD  string          // revision date, YYMMDD
	RN  string          // revision number, two digits
	TNB int             // total number of TTI blocks
	TNS int             // total number of subtitles
	TNG int             // total number of subtitle groups
	MNC int             // maximum number of displayable characters in a row
	MNR int             // maximum number of displayable rows
	TCS byte            // time code status, '1' = intended for use
	TCP string          // time code start of programme, HHMMSSFF
	TCF string          // time code of the first in-cue, HHMMSSFF
	TND int             // total number of disks
	DSN int             // disk sequence number
	CO  string          // country of origin, ISO 3166 alpha-3
	PUB string          // publisher
	EN  string          // editor's name
	ECD string          // editor's contact details
	UDA string          // user-defined area
}

// gsiField is one GSI field's place.
type gsiField struct {
	name     string
	off, end int
}

// The GSI layout (byte offsets, end exclusive).
var (
	fCPN = gsiField{"CPN", 0, 3}
	fDFC = gsiField{"DFC", 3, 11}
	fDSC = gsiField{"DSC", 11, 12}
	fCCT = gsiField{"CCT", 12, 14}
	fLC  = gsiField{"LC", 14, 16}
	fOPT = gsiField{"OPT", 16, 48}
	fOET = gsiField{"OET", 48, 80}
	fTPT = gsiField{"TPT", 80, 112}
	fTET = gsiField{"TET", 112, 144}
	fTN  = gsiField{"TN", 144, 176}
	fTCD = gsiField{"TCD", 176, 208}
	fSLR = gsiField{"SLR", 208, 224}
	fCD  = gsiField{"CD", 224, 230}
	fRD  = gsiField{"RD", 230, 236}
	fRN  = gsiField{"RN", 236, 238}
	fTNB = gsiField{"TNB", 238, 243}
	fTNS = gsiField{"TNS", 243, 248}
	fTNG = gsiField{"TNG", 248, 251}
	fMNC = gsiField{"MNC", 251, 253}
	fMNR = gsiField{"MNR", 253, 255}
	fTCS = gsiField{"TCS", 255, 256}
	fTCP = gsiField{"TCP", 256, 264}
	fTCF = gsiField{"TCF", 264, 272}
	fTND = gsiField{"TND", 272, 273}
	fDSN = gsiField{"DSN", 273, 274}
	fCO  = gsiField{"CO", 274, 277}
	fPUB = gsiField{"PUB", 277, 309}
	fEN  = gsiField{"EN", 309, 341}
	fECD = gsiField{"ECD", 341, 373}
	fUDA = gsiField{"UDA", 448, 1024}
)

// encodeGSI writes g into a 1024-byte block. Text fields are encoded in
// CP850 (g.CPN is ignored: the writer always writes 850), space-padded;
// numbers are zero-padded. Every value must already fit (see Write).
func encodeGSI(g *GSI) ([]byte, error) {
	b := bytes.Repeat([]byte{' '}, gsiSize)
	var err error
	put := func(f gsiField, s string) {
		if err != nil {
			return
		}
		e, ok := encodeCP850(s)
		if !ok {
			err = fmt.Errorf("GSI %s %q: not writable in code page 850", f.name, s)
			return
		}
		if len(e) > f.end-f.off {
			err = fmt.Errorf("GSI %s %q: longer than %d characters", f.name, s, f.end-f.off)
			return
		}
		copy(b[f.off:], e)
	}
	num := func(f gsiField, n int) {
		w := f.end - f.off
		s := fmt.Sprintf("%0*d", w, n)
		if n < 0 || len(s) > w {
			if err == nil {
				err = fmt.Errorf("GSI %s %d: does not fit in %d digits", f.name, n, w)
			}
			return
		}
		put(f, s)
	}
	put(fCPN, "850")
	put(fDFC, g.DFC)
	b[fDSC.off] = g.DSC.DSC()
	put(fCCT, g.CCT.CCT())
	put(fLC, g.LC)
	put(fOPT, g.OPT)
	put(fOET, g.OET)
	put(fTPT, g.TPT)
	put(fTET, g.TET)
	put(fTN, g.TN)
	put(fTCD, g.TCD)
	put(fSLR, g.SLR)
	put(fCD, g.CD)
	put(fRD, g.RD)
	put(fRN, g.RN)
	num(fTNB, g.TNB)
	num(fTNS, g.TNS)
	num(fTNG, g.TNG)
	num(fMNC, g.MNC)
	num(fMNR, g.MNR)
	b[fTCS.off] = g.TCS
	put(fTCP, g.TCP)
	put(fTCF, g.TCF)
	num(fTND, g.TND)
	num(fDSN, g.DSN)
	put(fCO, g.CO)
	put(fPUB, g.PUB)
	put(fEN, g.EN)
	put(fECD, g.ECD)
	put(fUDA, g.UDA)
	return b, err
}

// encodeCP850 encodes s in code page 850, applying the documented
// substitutions (Mappings) for characters CP850 lacks.
func encodeCP850(s string) ([]byte, bool) {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r < 0x20 || r == 0x7F {
			return nil, false
		}
		if c, ok := charmap.CodePage850.EncodeRune(r); ok {
			b = append(b, c)
			continue
		}
		sub, ok := substitute(r)
		if !ok {
			return nil, false
		}
		for _, sr := range sub {
			c, ok := charmap.CodePage850.EncodeRune(sr)
			if !ok {
				return nil, false
			}
			b = append(b, c)
		}
	}
	return b, true
}

// fitCP850 shortens s to at most n CP850 characters (each character is one
// byte, so a cut never splits one), reporting whether it cut.
func fitCP850(s string, n int) (string, bool) {
	e, ok := encodeCP850(s)
	if !ok || len(e) <= n {
		return s, false
	}
	// Cut rune by rune, re-encoding so substitutions (… → ...) count right.
	// A cut inside a word goes back to the last space, when that keeps at
	// least half the field: a title reads better whole-worded.
	out := []rune{}
	total := 0
	midWord := false
	for _, r := range s {
		e, _ := encodeCP850(string(r))
		if total+len(e) > n {
			midWord = r != ' ' && len(out) > 0 && out[len(out)-1] != ' '
			break
		}
		total += len(e)
		out = append(out, r)
	}
	t := string(out)
	if midWord {
		if i := strings.LastIndexByte(t, ' '); i >= n/2 {
			t = t[:i]
		}
	}
	return strings.TrimRight(t, " "), true
}

// codePage returns the decoder for a GSI CPN value.
func codePage(cpn string) (*charmap.Charmap, bool) {
	switch strings.TrimSpace(cpn) {
	case "437":
		return charmap.CodePage437, true
	case "850":
		return charmap.CodePage850, true
	case "860":
		return charmap.CodePage860, true
	case "863":
		return charmap.CodePage863, true
	case "865":
		return charmap.CodePage865, true
	}
	return charmap.CodePage850, false
}

// decodeGSI parses a 1024-byte GSI block. Only the fields a reader needs
// (DFC, DSC, CCT, TCP) are strict; the rest are decoded as they come, with
// warnings for numbers that do not parse.
func decodeGSI(b []byte) (GSI, []string, error) {
	var g GSI
	var warns []string
	raw := func(f gsiField) []byte { return b[f.off:f.end] }
	g.CPN = strings.TrimSpace(string(raw(fCPN)))
	cm, ok := codePage(g.CPN)
	if !ok {
		warns = append(warns, fmt.Sprintf("GSI CPN %q is not a code page Tech 3264 defines; text fields read as code page 850", g.CPN))
	}
	text := func(f gsiField) string {
		var sb strings.Builder
		for _, c := range raw(f) {
			if c == 0 {
				c = ' '
			}
			sb.WriteRune(cm.DecodeByte(c))
		}
		return strings.TrimRight(sb.String(), " ")
	}
	num := func(f gsiField) int {
		s := strings.TrimSpace(string(raw(f)))
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			warns = append(warns, fmt.Sprintf("GSI %s (bytes %d–%d) %q is not a number; ignored", f.name, f.off, f.end-1, s))
			return 0
		}
		return n
	}
	g.DFC = text(fDFC)
	g.DSC, ok = ParseDisplayStandard(b[fDSC.off])
	if !ok {
		return g, warns, gsiError(fDSC, fmt.Errorf("display standard code %q: expected 0, 1, 2 or a space", b[fDSC.off]))
	}
	cct := string(raw(fCCT))
	if g.CCT, ok = ParseCharacterTable(cct); !ok {
		if strings.TrimSpace(cct) == "" || cct == "\x00\x00" {
			g.CCT = TableLatin
			warns = append(warns, "GSI CCT is blank; text read as table 00 (Latin)")
		} else {
			return g, warns, gsiError(fCCT, fmt.Errorf("character code table %q: expected 00, 01, 02, 03 or 04", cct))
		}
	}
	g.LC = text(fLC)
	g.OPT, g.OET, g.TPT, g.TET = text(fOPT), text(fOET), text(fTPT), text(fTET)
	g.TN, g.TCD, g.SLR = text(fTN), text(fTCD), text(fSLR)
	g.CD, g.RD, g.RN = text(fCD), text(fRD), text(fRN)
	g.TNB, g.TNS, g.TNG = num(fTNB), num(fTNS), num(fTNG)
	g.MNC, g.MNR = num(fMNC), num(fMNR)
	g.TCS = b[fTCS.off]
	g.TCP, g.TCF = text(fTCP), text(fTCF)
	g.TND, g.DSN = num(fTND), num(fDSN)
	g.CO = text(fCO)
	g.PUB, g.EN, g.ECD = text(fPUB), text(fEN), text(fECD)
	g.UDA = text(fUDA)
	return g, warns, nil
}
