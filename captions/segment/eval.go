package segment

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/rivo/uniseg"

	"github.com/sotcap/sotcap/captions/rules"
)

// Reference is one unit of human-segmented text: its words and, after
// each word but the last, the break the human made there.
type Reference struct {
	Words  []string
	Breaks []Gap // len(Words); the last entry is ignored (a unit ends a caption)
}

// Gap is the break after a word.
type Gap uint8

// Breaks after a word.
const (
	NoBreak      Gap = iota // the words share a line
	LineBreak               // a new line in the same caption (<eol>)
	CaptionBreak            // a new caption (<eob>)
)

// ParseTagged reads one line in the MuST-Cinema tagged form: words with
// <eol> (line break) and <eob> (caption end) tags.
func ParseTagged(line string) Reference {
	var u Reference
	for _, f := range strings.Fields(line) {
		switch f {
		case "<eol>", "<eob>":
			if n := len(u.Breaks); n > 0 {
				u.Breaks[n-1] = LineBreak
				if f == "<eob>" {
					u.Breaks[n-1] = CaptionBreak
				}
			}
		default:
			u.Words = append(u.Words, f)
			u.Breaks = append(u.Breaks, NoBreak)
		}
	}
	return u
}

// ReferenceOf returns captions (lines of words) as a Reference.
func ReferenceOf(caps [][]string) Reference {
	var u Reference
	for _, c := range caps {
		for li, l := range c {
			for _, w := range strings.Fields(l) {
				u.Words = append(u.Words, w)
				u.Breaks = append(u.Breaks, NoBreak)
			}
			if n := len(u.Breaks); n > 0 {
				if li == len(c)-1 {
					u.Breaks[n-1] = CaptionBreak
				} else {
					u.Breaks[n-1] = LineBreak
				}
			}
		}
	}
	return u
}

// Characters returns u with one word per character (user-perceived
// characters, spaces dropped) and each break after the character it
// followed: the unit of scoring for languages written without spaces
// between words (Japanese, Chinese), where the segmenter may break between
// any two characters.
func (u Reference) Characters() Reference {
	var c Reference
	for k, w := range u.Words {
		g := uniseg.NewGraphemes(w)
		for g.Next() {
			if s := g.Str(); strings.TrimSpace(s) != "" {
				c.Words = append(c.Words, s)
				c.Breaks = append(c.Breaks, NoBreak)
			}
		}
		if n := len(c.Breaks); n > 0 && k < len(u.Breaks) {
			c.Breaks[n-1] = u.Breaks[k]
		}
	}
	return c
}

// Tagged writes the reference in the MuST-Cinema tagged form.
func (u Reference) Tagged() string {
	var sb strings.Builder
	for k, w := range u.Words {
		if k > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(w)
		switch {
		case k == len(u.Words)-1 || u.Breaks[k] == CaptionBreak:
			sb.WriteString(" <eob>")
		case u.Breaks[k] == LineBreak:
			sb.WriteString(" <eol>")
		}
	}
	return sb.String()
}

// Score is the agreement of a segmentation with human references.
type Score struct {
	Units                     int
	Precision, Recall, F1     float64 // breaks of either kind after the same word
	EOBF1                     float64 // caption ends only
	Sigma                     float64 // Sigma-like (Karakanta et al. 2022), 0–100
	Lines, LinesOver, Invalid int     // lines made, lines over the limit, units refused
}

// String formats the score on one line.
func (s Score) String() string {
	return fmt.Sprintf("break F1 %.3f (P %.3f R %.3f), caption-end F1 %.3f, Sigma-like %.1f, %d units, %d/%d lines within the limit",
		s.F1, s.Precision, s.Recall, s.EOBF1, s.Sigma, s.Units, s.Lines-s.LinesOver, s.Lines)
}

// Evaluate segments the words of every reference with seg and scores the
// result. Sigma follows Karakanta et al. (2022, LREC, "Evaluating
// Subtitle Segmentation for End-to-end Generation Systems"): corpus BLEU
// of the tagged text (breaks as tokens) over the BLEU an output with the
// same words and its number of breaks could reach at best; with the words
// unchanged that bound is the brevity penalty, so Sigma is BLEU with
// breaks corrected for it. The tokenizer approximates sacreBLEU's 13a, so
// the figure is Sigma-like. An error of seg, or a segmentation that
// changes the words, is an error.
func Evaluate(r rules.Profile, refs []Reference, seg func(string) ([][]string, error)) (Score, error) {
	var s Score
	var tp, fp, fn, etp, efp, efn float64
	var m, tot [4]float64
	var hypLen, refLen float64
	perChar := !writesSpaces(r.Language)
	for _, u := range refs {
		if len(u.Words) == 0 {
			continue
		}
		s.Units++
		text := strings.Join(u.Words, " ")
		if perChar {
			text = strings.Join(u.Words, "")
		}
		caps, err := seg(text)
		if err != nil {
			return s, fmt.Errorf("%q: %w", text, err)
		}
		got := ReferenceOf(caps)
		if perChar {
			u, got = u.Characters(), got.Characters()
		}
		if !slices.Equal(got.Words, u.Words) {
			return s, fmt.Errorf("words changed: %q became %q", text, strings.Join(got.Words, " "))
		}
		for _, c := range caps {
			for _, l := range c {
				s.Lines++
				if r.Chars(l) > float64(r.MaxCharsPerLine) || len(c) > max(r.MaxLines, 1) {
					s.LinesOver++
				}
			}
		}
		for k := 0; k+1 < len(u.Words); k++ {
			g, w := got.Breaks[k], u.Breaks[k]
			switch {
			case g != NoBreak && w != NoBreak:
				tp++
			case g != NoBreak:
				fp++
			case w != NoBreak:
				fn++
			}
			switch {
			case g == CaptionBreak && w == CaptionBreak:
				etp++
			case g == CaptionBreak:
				efp++
			case w == CaptionBreak:
				efn++
			}
		}
		h, rf := sigmaTokens(got.Tagged()), sigmaTokens(u.Tagged())
		bleuStats(h, rf, &m, &tot)
		hypLen += float64(len(h))
		refLen += float64(len(rf))
	}
	if s.Units == 0 {
		return s, nil
	}
	f1 := func(tp, fp, fn float64) (p, r, f float64) {
		if tp == 0 {
			return 0, 0, 0
		}
		p, r = tp/(tp+fp), tp/(tp+fn)
		return p, r, 2 * p * r / (p + r)
	}
	s.Precision, s.Recall, s.F1 = f1(tp, fp, fn)
	_, _, s.EOBF1 = f1(etp, efp, efn)
	bp := 1.0
	if hypLen < refLen {
		bp = math.Exp(1 - refLen/hypLen)
	}
	logp := 0.0
	for n := range 4 {
		if tot[n] > 0 {
			logp += math.Log(max(m[n], 1e-9)/tot[n]) / 4
		}
	}
	bleuBr := 100 * bp * math.Exp(logp)
	// The paper's upper bound has the word precisions p1..p4 of the text
	// without breaks, all 1 here: it is 100 times the brevity penalty.
	ub := 100 * bp
	s.Sigma = 100 * bleuBr / ub
	return s, nil
}

// sigmaTokens splits a tagged line into the tokens BLEU sees: words with
// their punctuation split off (roughly the 13a tokenizer) and the break
// tags as tokens of their own.
func sigmaTokens(line string) []string {
	var out []string
	for _, f := range strings.Fields(line) {
		if f == "<eol>" || f == "<eob>" {
			out = append(out, f)
			continue
		}
		cur := []rune{}
		flush := func() {
			if len(cur) > 0 {
				out = append(out, string(cur))
				cur = cur[:0]
			}
		}
		for _, r := range f {
			if strings.ContainsRune(`.,;:!?"()“”‘`, r) {
				flush()
				out = append(out, string(r))
				continue
			}
			cur = append(cur, r)
		}
		flush()
	}
	return out
}

// bleuStats adds the clipped n-gram matches and totals (n = 1..4) of one
// sentence pair to m and t.
func bleuStats(hyp, ref []string, m, t *[4]float64) {
	for n := 1; n <= 4; n++ {
		counts := map[string]int{}
		for i := 0; i+n <= len(ref); i++ {
			counts[strings.Join(ref[i:i+n], " ")]++
		}
		for i := 0; i+n <= len(hyp); i++ {
			t[n-1]++
			k := strings.Join(hyp[i:i+n], " ")
			if counts[k] > 0 {
				counts[k]--
				m[n-1]++
			}
		}
	}
}
