package srt

import "bytes"

// Detect reports whether text, the start of a file as UTF-8 without a
// byte order mark, is SRT: blank lines, then a cue number line followed by
// a timing line containing "-->" (or a timing line straight away, as some
// writers leave the numbers out).
func Detect(text []byte) bool {
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
		if !isASCIIDigit(c) {
			return false
		}
	}
	return true
}

// isTiming reports whether line looks like an SRT timing line: a digit
// first, and "-->" between two times.
func isTiming(line []byte) bool {
	before, after, ok := bytes.Cut(line, []byte("-->"))
	if !ok || len(before) == 0 || !isASCIIDigit(before[0]) {
		return false
	}
	after = bytes.TrimLeft(after, " \t")
	return len(after) > 0 && isASCIIDigit(after[0]) && bytes.IndexByte(before, ':') > 0
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }
