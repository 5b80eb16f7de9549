package train

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sotcap/sotcap/captions/segment/pos"
	"github.com/sotcap/sotcap/captions/segment/pos/internal/feat"
)

// Lexicon is a word list for the segmenter: word form to UPOS.
type Lexicon map[string]pos.UPOS

// ReadLexicon reads a word list of "WORD<TAB>UPOS" lines (what
// tools/trainpos/prepare_ipadic.sh writes). Words longer than the
// segmenter's window (feat.LexMaxLen runes) and white space are skipped;
// a word listed twice keeps its first tag.
func ReadLexicon(path string) (Lexicon, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseLexicon(f, path)
}

func parseLexicon(r io.Reader, name string) (Lexicon, error) {
	lx := Lexicon{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		w, tag, ok := strings.Cut(text, "\t")
		if !ok || w == "" {
			return nil, fmt.Errorf("%s:%d: want WORD<TAB>UPOS", name, line)
		}
		if strings.TrimSpace(w) == "" {
			continue // never inside a chunk, which ends at white space
		}
		u, ok := pos.ParseUPOS(strings.TrimSpace(tag))
		if !ok {
			return nil, fmt.Errorf("%s:%d: unknown UPOS %q", name, line, tag)
		}
		if len([]rune(w)) > feat.LexMaxLen {
			continue
		}
		if _, dup := lx[w]; !dup {
			lx[w] = u
		}
	}
	return lx, sc.Err()
}

// keyMap is the lexicon as a model stores it: LexKey of each word to its
// class (UPOS - 1).
func (lx Lexicon) keyMap() *feat.KeyMap {
	m := make(map[uint32]byte, len(lx))
	for w, u := range lx {
		m[feat.LexKey([]rune(w))] = byte(u) - 1
	}
	return feat.NewKeyMap(m)
}
