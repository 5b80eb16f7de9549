// Package stl reads and writes EBU STL subtitle files (EBU Tech 3264-E) the
// way broadcast playout and QC systems expect them.
//
// # Writing
//
// Write (or Encode) turns a captions.Document into one 1024-byte GSI block
// and one or more 128-byte TTI blocks per caption. It checks the whole
// document before writing a byte, so a bad document writes nothing; use
// atomicfile.WriteFile to replace a file atomically.
//
//   - GSI: code page 850 (CPN "850", every text field encoded in CP850,
//     space-padded, cut only between characters, with a warning; a title
//     CP850 cannot carry, such as an Arabic one, is left blank with a
//     warning); DFC
//     STL25.01 for 25 and 50 fps, STL30.01 for 29.97, 30, 59.94 and 60 (the
//     labels count 25 or 30 a second, as the video's timecode does; at 50 and
//     59.94 a time on an odd frame goes to the nearest label, with a
//     warning); Tech 3264 defines no DFC for 23.976, 24 or 48, so the writer
//     writes STL23.01 (23.976) or STL24.01 (24, 48) — values ttconv reads —
//     and warns. DSC from Options.DisplayStandard (Teletext level 1 by
//     default); CCT and LC from the language (Tech 3264 Appendix 3, see
//     LanguageCode and TableFor; LC "00" with a warning for a language with
//     no code, never another language); MNC the longest row written; MNR 23;
//     TCS 1; TCP the programme start; TCF the first TCI; TND and DSN 1; CO
//     never blank; CD and RD from Options.Created.
//   - TTI: SN from 1 (at most MaxSubtitles = 65,535: SN is 16 bits and never
//     wraps), one subtitle group, CS 0, CF 0; TCI/TCO the timecode labels
//     (drop-frame when asked) of the nearest frame to each time; VP so that
//     the last row sits on row 22 (Options.BottomRow) unless the caption
//     has a Row; JC 2 (centred) unless the caption is aligned left or right.
//   - Teletext text field (house style): each row is 0D (double height),
//     0B 0B (start box twice), an optional colour (00–07), the text, 0A 0A
//     (end box twice); rows are separated by 8A 8A; the rest is 8F. A row
//     holds 37 characters (36 with a colour); longer is an error.
//     Teletext has no italics: italic lines are written upright, with a
//     warning.
//   - Open subtitling (DSC 0): rows separated by one 8A, italics as 80 … 81,
//     no colours (a warning says so).
//   - A text field longer than 112 bytes continues in extension blocks
//     (EBN 00, 01, …, the last FF), split between rows where possible and
//     never between a diacritic and its letter.
//
// # Characters
//
// Tables 00 (Latin, ISO 6937: accented letters as a diacritic C1–CF then the
// base letter, é = C2 65; ‘ ’ “ ” = A9 B9 AA BA; « » = AB BB; ― = D0),
// 01 Cyrillic (ISO 8859-5), 02 Arabic (8859-6), 03 Greek (8859-7) and
// 04 Hebrew (8859-8). Characters a table lacks are replaced as Mappings
// lists (em and en dash → "-", … → "...", curly quotes → straight quotes
// in tables without them, € → "EUR", …); anything else is an error naming
// the character and the caption. '$' is written as 24, which ttconv,
// go-astisub and Teletext decoders show as '$' (ISO 6937-2:1983 put '¤'
// there and '$' at A4; the reader accepts A4 as '$' and writes '¤' as A8).
// Leading and trailing spaces of a row are dropped and runs of spaces
// written as one: ttconv (and some decoders) join words at double spaces.
//
// # Reading
//
// Read (ReadWith, Decode) reads the GSI, subtitles (joining extension
// blocks), comment blocks (CF 1, in File.Comments, never shown), cumulative
// sets (each member shows the rows of the earlier ones), user-data blocks
// (skipped), Teletext and open-subtitle control codes, and every table
// above. Times are the TCI/TCO labels as programme-timeline times (not
// shifted by TCP); Caption.Row is VP as written and Caption.Align comes
// from JC (0 default, 1 left, 2 centre, 3 right), so a caption the writer
// placed by default reads back with Row 22 (one row) and AlignCenter. STL30.01 does not say 29.97 or 30, drop-frame or not:
// Read assumes 29.97 drop-frame (as ttconv does) unless a label drop-frame
// skips occurs, and ReadWith lets the caller say.
//
// A malformed file gives a *captions.ParseError: Line is the 1-based number
// of the TTI block at fault (0 for the GSI block) and Column the 1-based
// byte position in the file (offset + 1) of the field at fault; the message
// names the field and the byte offset.
package stl
