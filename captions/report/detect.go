package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Formats DetectFormat returns.
const (
	FormatSRT = "srt"
	FormatVTT = "vtt"
	FormatSTL = "stl"
)

// DetectSize is how many leading bytes of a file DetectFormat needs: the
// whole EBU STL General Subtitle Information (GSI) block. Pass the whole
// file when it is shorter.
const DetectSize = 1024

// DetectFormat returns the caption format of a file from its first bytes
// (head, at least DetectSize of them when the file has that many) and its
// name: "srt", "vtt", "stl", or "" when it cannot tell.
//
// The content decides first:
//   - EBU STL: a full 1024-byte GSI block whose code page number (bytes
//     0–2) is 437, 850, 860, 863 or 865 and whose disk format code (bytes
//     3–10) is "STLnn.01", such as STL25.01 or STL30.01;
//   - WebVTT: an optional byte order mark, then "WEBVTT" followed by the
//     end of the input, a space, a tab or a line break;
//   - SRT: an optional byte order mark and blank lines, then a cue number
//     line followed by a timing line containing "-->" (or a timing line
//     straight away, as some writers leave the numbers out).
//
// UTF-16 text with a byte order mark is recognised too. Only when the
// content matches none of these does the name's extension (.srt, .vtt or
// .webvtt, .stl; any case) decide, so that a damaged file still reaches
// the reader that can say what is wrong with it.
func DetectFormat(head []byte, name string) string {
	if isSTL(head) {
		return FormatSTL
	}
	text := textHead(head)
	if isVTT(text) {
		return FormatVTT
	}
	if isSRT(text) {
		return FormatSRT
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".srt":
		return FormatSRT
	case ".vtt", ".webvtt":
		return FormatVTT
	case ".stl":
		return FormatSTL
	}
	return ""
}

// isSTL reports whether head starts with an EBU Tech 3264 GSI block.
func isSTL(head []byte) bool {
	if len(head) < DetectSize {
		return false
	}
	switch string(head[0:3]) {
	case "437", "850", "860", "863", "865":
	default:
		return false
	}
	dfc := head[3:11]
	return string(dfc[0:3]) == "STL" && isDigit(dfc[3]) && isDigit(dfc[4]) && string(dfc[5:8]) == ".01"
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// textHead returns head as UTF-8 without a byte order mark: UTF-16 with a
// BOM is decoded (a trailing odd byte dropped), anything else is returned
// as it is, since the markers DetectFormat looks for are ASCII in UTF-8,
// Windows-1252 and ISO 8859 alike.
func textHead(head []byte) []byte {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return head[3:]
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return decodeUTF16(head[2:], false)
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return decodeUTF16(head[2:], true)
	}
	return head
}

func decodeUTF16(b []byte, bigEndian bool) []byte {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	out := make([]byte, 0, len(u))
	for _, r := range utf16.Decode(u) {
		out = utf8.AppendRune(out, r)
	}
	return out
}

func isVTT(text []byte) bool {
	rest, ok := bytes.CutPrefix(text, []byte("WEBVTT"))
	if !ok {
		return false
	}
	return len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r'
}

// isSRT looks at the first non-blank line and the one after it.
func isSRT(text []byte) bool {
	var first []byte
	for {
		if len(text) == 0 {
			return false
		}
		var line []byte
		line, text = cutLine(text)
		if t := bytes.TrimSpace(line); len(t) > 0 {
			first = t
			break
		}
	}
	if isTiming(first) {
		return true
	}
	if !allDigits(first) || len(text) == 0 {
		return false
	}
	second, _ := cutLine(text)
	return isTiming(bytes.TrimSpace(second))
}

// cutLine splits text after the first line break (LF, CRLF or a lone CR).
func cutLine(text []byte) (line, rest []byte) {
	i := bytes.IndexAny(text, "\r\n")
	if i < 0 {
		return text, nil
	}
	line, rest = text[:i], text[i+1:]
	if text[i] == '\r' && len(rest) > 0 && rest[0] == '\n' {
		rest = rest[1:]
	}
	return line, rest
}

func allDigits(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// isTiming reports whether line looks like an SRT timing line: a digit
// first, and "-->" between two times.
func isTiming(line []byte) bool {
	before, after, ok := bytes.Cut(line, []byte("-->"))
	if !ok || len(before) == 0 || !isDigit(before[0]) {
		return false
	}
	after = bytes.TrimLeft(after, " \t")
	return len(after) > 0 && isDigit(after[0]) && bytes.IndexByte(before, ':') > 0
}
