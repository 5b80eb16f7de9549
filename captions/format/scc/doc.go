// Package scc reads and writes Scenarist SCC files ("Scenarist_SCC V1.0"):
// CEA-608 (line 21) closed-caption byte pairs with the timecode at which
// each run of pairs is sent, one pair a frame.
//
// # Writing
//
// Write (Encode) writes pop-on captions in CC1 (WriteOptions.Channel 2 for
// CC2), with 29.97 drop-frame labels ("01:00:00;00"), non-drop-frame ones
// with WriteOptions.NonDrop, or 30 fps non-drop-frame ones; other rates are
// refused. Caption times are programme-timeline times and are written as
// they are: SCC labels are the programme's timecode. Each caption is
// loaded into non-displayed memory as
//
//	RCL RCL ENM ENM, then per line: PAC PAC [TO TO] [mid-row codes] text
//
// and shown by EOC EOC at its start frame; EDM EDM at its end frame erases
// it, unless the next caption starts on that frame (its EOC replaces it).
// Every control code, special and extended character is sent twice, as
// decoders expect; a code is sent once only when the next one is due on
// the following frame (a caption one frame long, or a one-frame gap). Every
// byte has odd parity.
//
// Layout: at most MaxRows (4) lines of at most MaxChars (32) characters;
// more is a *captions.CaptionError wrapping ErrTooManyRows or
// ErrLineTooLong (segment to 32 characters first). A caption sits on the
// bottom rows (its last line on row 15) unless Caption.Row, a Teletext row
// 1–23, places its first line: 608 row 1 + round((Row−1)·14/22), moved up
// if the caption would run past row 15 (a Row outside 0–23 is an
// error). Lines are centred by column, as
// pop-on captioners do (608 has no centring): the text starts at column
// (32−n)/2, reached with an indent PAC (a multiple of 4) and a tab offset
// (TO1–TO3); AlignLeft starts at column 0 and AlignRight ends at column
// 32. Italic lines and the colours 608 has (white, green, blue, cyan, red,
// yellow, magenta) are a mid-row code in the cell before the text, or a
// style PAC when the text starts at column 0 (a coloured italic line needs
// both, so holds 31 characters and starts at column 1; the other lines of a
// left-aligned caption then start there too). Black is written white, with a warning.
// Speakers are not written.
//
// Characters: the basic set (ASCII, less the nine codes 608 gives to
// á é í ó ú ç ÷ Ñ ñ and the block █), the special set (® ° ½ ¿ ™ ¢ £ ♪ à è
// â ê î ô û) and the extended sets (other accented capitals and letters of
// Spanish, French, Portuguese, German and Danish, “ ” « » — © ℠ • ¡ ¥ ¤
// and * \ ^ _ { | } ~), each extended character after a basic look-alike
// that decoders without the extended sets show instead. ‘ and ’ are written
// as the basic apostrophe. Other characters are transliterated with a
// warning (– → -, … → ..., € → EUR, æ → ae, a letter 608 lacks → the
// letter without its accent, …); a character with no transliteration, such
// as any non-Latin letter, is a CaptionError wrapping ErrCharacter. Lines
// are trimmed and runs of spaces written as one. Cells tells how many cells
// a line takes.
//
// Loading time: caption n's data (2 bytes a frame) is sent in the latest
// free frames before its start frame, after caption n−1's EOC and around
// caption n−1's EDM, which keeps its frames (the data is never parted
// between the two copies of a doubled character, mid-row code or tab
// offset); the first caption's data may start at 00:00:00:00. A caption whose data does not fit is a
// CaptionError wrapping ErrNoRoom that says how many frames are missing.
// A new line starts at every EOC and EDM, so a reader that times a whole
// line by its label (FFmpeg) shows and clears each caption on its frame.
// Lines end in CR LF.
//
// # Reading
//
// Read (Decode) runs a 608 decoder over the byte pairs: the time of a
// line's first pair is its label, each further pair one frame later (at
// 29.97 unless ReadOptions.Rate is 30; ';' labels are drop-frame). It keeps
// the displayed and non-displayed memories and the cursor, and understands
// pop-on (RCL, EOC), roll-up (RU2–RU4, CR, with the window moved by a PAC)
// and paint-on (RDC) captions, EDM, ENM, BS, DER, TO1–TO3, PACs, mid-row
// codes, flash-on (a space), and the special and extended characters (an
// extended character replaces the character before it). A control code
// repeated on the next pair is read once. Background attributes take no
// cell; black text (17 2E) reads as ColorBlack.
//
// Each state of the display becomes a caption, from when it appears to
// when it is replaced or erased: in pop-on, from EOC to the next EOC or
// EDM; in roll-up, from each CR (or the first character) to the next; in
// paint-on, text added between two PACs, RDCs or erasures belongs to the
// caption shown from the first of them, so one caption is shown whole from
// when it starts to be painted. A caption still displayed at the end of
// the file ends two seconds after it appeared or at the end of its data,
// whichever is later, with a warning. Rows become lines top to bottom, with
// runs of spaces made one; a line is italic when most of its letters are,
// and takes the colour most of its letters have (white is ColorDefault).
// Caption.Row is 0 when the last line is on row 15, else the Teletext row
// of the first line (1 + round((row−1)·22/14), which the writer maps back
// exactly); Caption.Align is AlignCenter when every line is centred to a
// column, else AlignLeft when they start on one column, else AlignRight
// when they end at column 32.
//
// What the reader reads with a warning naming the line, and refuses as a
// *captions.ParseError under ReadOptions.Strict: bytes with parity errors
// (read without the parity bit, as ttconv and most software decoders do;
// ErrParity), a line whose label falls inside the previous line's data
// (its pairs are read from the frame after it; ErrOverlap), a control byte
// inside a character pair (ErrBadByte), text past column 32 (kept;
// ErrColumns). Ignored with a count: the other data channel of field 1,
// field-2 codes (CC3, CC4), XDS and the text service. Reported too: a
// pop-on caption loaded but never displayed (no EOC follows). Always a
// ParseError: a first line that is not Header (ErrNotSCC), a line that
// does not start with a valid label or holds a word that is not four hex
// digits (ErrSyntax), a label before the previous line's (ErrBackwards),
// and a control code 608 does not define (ErrUnknownCode).
package scc
