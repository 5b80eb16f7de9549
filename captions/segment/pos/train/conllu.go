// Package train builds pos models from Universal Dependencies treebanks
// (CoNLL-U) and measures them. tools/trainpos is its command line.
package train

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Sentence is one CoNLL-U sentence.
type Sentence struct {
	ID       string
	Text     string // "# text =", or rebuilt from the tokens
	Surfaces []Surface
	Words    []Word
}

// Surface is one surface token: a word, or a multi-word token's range.
type Surface struct {
	Form         string
	NoSpaceAfter bool
	First, Last  int // indices into Words
	MWT          bool
}

// Word is one syntactic word.
type Word struct {
	Form, UPOS string
}

// ReadFiles reads and concatenates CoNLL-U files.
func ReadFiles(paths []string) ([]Sentence, error) {
	var all []Sentence
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		ss, err := ReadCoNLLU(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		all = append(all, ss...)
	}
	return all, nil
}

// ReadCoNLLU parses CoNLL-U; empty nodes (IDs like 8.1) are skipped.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []Sentence
	var cur Sentence
	mwtEnd := -1 // ID of the last word of the open multi-word token
	line := 0
	flush := func() {
		if len(cur.Words) > 0 {
			if cur.Text == "" {
				var b strings.Builder
				for _, s := range cur.Surfaces {
					b.WriteString(s.Form)
					if !s.NoSpaceAfter {
						b.WriteByte(' ')
					}
				}
				cur.Text = strings.TrimSpace(b.String())
			}
			out = append(out, cur)
		}
		cur = Sentence{}
		mwtEnd = -1
	}
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" {
			flush()
			continue
		}
		if strings.HasPrefix(l, "#") {
			if v, ok := strings.CutPrefix(l, "# text = "); ok {
				cur.Text = v
			} else if v, ok := strings.CutPrefix(l, "# sent_id = "); ok {
				cur.ID = v
			}
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("line %d: %d columns", line, len(cols))
		}
		id := cols[0]
		if strings.Contains(id, ".") {
			continue
		}
		nsa := strings.Contains(cols[9], "SpaceAfter=No")
		if a, b, ok := strings.Cut(id, "-"); ok {
			lo, err1 := strconv.Atoi(a)
			hi, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || hi < lo {
				return nil, fmt.Errorf("line %d: bad range %q", line, id)
			}
			cur.Surfaces = append(cur.Surfaces, Surface{Form: cols[1], NoSpaceAfter: nsa, First: len(cur.Words), Last: len(cur.Words) + hi - lo, MWT: true})
			mwtEnd = hi
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil {
			return nil, fmt.Errorf("line %d: bad id %q", line, id)
		}
		cur.Words = append(cur.Words, Word{Form: cols[1], UPOS: cols[3]})
		if n <= mwtEnd {
			continue
		}
		cur.Surfaces = append(cur.Surfaces, Surface{Form: cols[1], NoSpaceAfter: nsa, First: len(cur.Words) - 1, Last: len(cur.Words) - 1})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}
