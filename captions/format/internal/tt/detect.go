package tt

import (
	"bytes"
	"encoding/xml"
)

// Sniff reports whether head, the first bytes of a file, starts an XML
// document whose root element is tt in the TTML namespace, and whether
// that document declares EBU-TT-D: ebuttm:conformsToStandard
// urn:ebu:tt:distribution:2014-01 in the bytes given, or the EBU-TT
// style or metadata namespace declared on a root that names no TTML
// profile (an IMSC document may use ebutts:linePadding).
func Sniff(head []byte) (isTT, isEBU bool) {
	in := head
	if bytes.HasPrefix(in, []byte{0xEF, 0xBB, 0xBF}) {
		in = in[3:]
	}
	d := xml.NewDecoder(bytes.NewReader(in))
	d.Strict = false
	d.CharsetReader = charsetReader
	for i := 0; i < 64; i++ {
		t, err := d.RawToken()
		if err != nil {
			return false, false
		}
		switch t := t.(type) {
		case xml.StartElement:
			if t.Name.Local != "tt" {
				return false, false
			}
			ns, profile := "", false
			for _, a := range t.Attr {
				if a.Name.Local == "profile" || a.Name.Local == "contentProfiles" {
					profile = true
				}
				if (t.Name.Space == "" && a.Name.Space == "" && a.Name.Local == "xmlns") ||
					(t.Name.Space != "" && a.Name.Space == "xmlns" && a.Name.Local == t.Name.Space) {
					ns = a.Value
				}
				if a.Name.Space == "xmlns" && (a.Value == NSEBUStyle || a.Value == NSEBUMeta) {
					isEBU = true
				}
			}
			if ns != NS {
				return false, false
			}
			return true, (isEBU && !profile) || bytes.Contains(head, []byte(EBUTTD))
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return false, false
			}
		}
	}
	return false, false
}
