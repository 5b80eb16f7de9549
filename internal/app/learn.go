package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/captions/segment"
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/atomicfile"
	"github.com/spf13/pflag"
)

// LearnOptions are the options of `sotcap learn`.
type LearnOptions struct {
	Files   []string // subtitle files of the archive
	Out     string   // style file to write
	Holdout float64  // share of the files scored, not learned from (0–0.9)
	Epochs  int      // perceptron passes (0: default)
	Flags   *pflag.FlagSet
}

// maxLearnFile bounds each archive file, as the converters do.
const maxLearnFile = 256 << 20

// loadStyle reads a style file; "" gives nil (the built-in style).
func loadStyle(path string) (*segment.Style, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("style: %w", err)
	}
	defer f.Close()
	st, err := segment.ReadStyle(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return st, nil
}

// RunLearn fits a house style to the archive's files: the files sorted by
// name, every k-th (by Holdout) is held out; segment.Learn chooses the
// style by cross-validation over the other files (folds of whole files)
// and fits it on them, and the default and learned styles are scored on
// the held-out files, so that the user sees whether it helped. It prints
// what cross-validation chose: the built-in style when no candidate beat
// it.
func RunLearn(o LearnOptions, s IO) error {
	if o.Out == "" {
		return BadInput(errors.New("--out FILE is required: where to write the style"))
	}
	if len(o.Files) < 2 {
		return BadInput(errors.New("learn needs at least two subtitle files: one to learn from and one to score on"))
	}
	if o.Holdout <= 0 || o.Holdout > 0.9 {
		return BadInput(fmt.Errorf("--holdout %g: expected a share above 0 and at most 0.9", o.Holdout))
	}
	cfg, err := config.Load(config.Options{Flags: o.Flags})
	if err != nil {
		return BadInput(err)
	}
	prof := cfg.Rules()
	files := append([]string(nil), o.Files...)
	sort.Strings(files)
	every := max(2, int(1/o.Holdout+0.5))
	var train, test []segment.Reference
	var groups []int // the training file of each training unit
	nTrain, nTest := 0, 0
	for i, name := range files {
		refs, err := archiveUnits(name)
		if err != nil {
			return BadInput(err)
		}
		if i%every == every-1 {
			test, nTest = append(test, refs...), nTest+1
		} else {
			train, nTrain = append(train, refs...), nTrain+1
			for range refs {
				groups = append(groups, i)
			}
		}
	}
	note := fmt.Sprintf("learned by sotcap learn from %d files (%d units), profile %s", nTrain, len(train), prof.Name)
	res, err := segment.Learn(prof, train, segment.LearnOptions{Epochs: o.Epochs, Note: note, Groups: groups})
	if err != nil {
		return BadInput(fmt.Errorf("learn: %w", err))
	}
	st := res.Style
	if err := atomicfile.WriteFile(o.Out, st.Write); err != nil {
		return err
	}
	fmt.Fprintf(s.Out, "learned on %d files (%d units), scored on %d held-out files (%d units), %s %d×%d\n",
		nTrain, len(train), nTest, len(test), prof.Name, prof.MaxCharsPerLine, prof.MaxLines)
	by := "unit"
	if res.ByFile {
		by = "file"
	}
	fmt.Fprintf(s.Out, "cross-validation on the training files (%d folds by %s, %d units): %d candidates\n", res.Folds, by, res.Units, len(res.CV))
	fmt.Fprintf(s.Out, "  %v\n", res.CV[0])
	if res.Best != 0 {
		fmt.Fprintf(s.Out, "  best %v\n", res.CV[res.Best])
	}
	if res.Default {
		fmt.Fprintf(s.Out, "chose: the built-in style (no candidate beat it by a margin the sign test supports)\n")
	} else {
		fmt.Fprintf(s.Out, "chose: %s\n", res.Chosen)
	}
	for _, c := range []struct {
		name string
		st   *segment.Style
	}{{"default", nil}, {"learned", st}} {
		sc, err := segment.Evaluate(prof, usable(prof, test), func(text string) ([][]string, error) {
			return segment.BreakStyle(prof, text, c.st)
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(s.Out, "%-8s %v\n", c.name+":", sc)
	}
	fmt.Fprintf(s.Out, "wrote %s\n", o.Out)
	return nil
}

// usable drops references with a word longer than a line (Break refuses them).
func usable(r rules.Profile, refs []segment.Reference) []segment.Reference {
	out := refs[:0:0]
	for _, u := range refs {
		ok := true
		for _, w := range u.Words {
			if r.Chars(w) > float64(r.MaxCharsPerLine) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, u)
		}
	}
	return out
}

// archiveUnits reads one subtitle file (any format sotcap reads) and
// groups its captions into units: a unit ends with a caption whose last
// line ends a sentence, or at a change of speaker dash. Lines keep their
// breaks (LineBreak) and captions theirs (CaptionBreak).
func archiveUnits(name string) ([]segment.Reference, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxLearnFile+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxLearnFile {
		return nil, fmt.Errorf("%s: over %d MiB: not a subtitle file", name, maxLearnFile>>20)
	}
	fm, ok := format.Detect(data[:min(len(data), 4096)], name)
	if !ok {
		return nil, fmt.Errorf("%s: not a subtitle format sotcap reads (%s)", name, strings.Join(format.Names(), ", "))
	}
	doc, _, err := fm.Read(bytes.NewReader(data), format.ReadOptions{File: name})
	if err != nil {
		return nil, err
	}
	return unitsOf(doc), nil
}

// unitsOf groups a document's captions into sentence units.
func unitsOf(doc captions.Document) []segment.Reference {
	var out []segment.Reference
	var cur [][]string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, segment.ReferenceOf(cur))
			cur = nil
		}
	}
	for _, c := range doc.Captions {
		var lines []string
		dash := false
		for _, l := range c.Lines {
			t := strings.Join(strings.Fields(stripMarkup(l.Text)), " ")
			if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "–") {
				dash = true // a two-speaker caption is not a segmentation of one text
			}
			if t != "" {
				lines = append(lines, t)
			}
		}
		if len(lines) == 0 || dash {
			flush()
			continue
		}
		cur = append(cur, lines)
		last := lines[len(lines)-1]
		if endsSentence(last) {
			flush()
		}
	}
	flush()
	return out
}

// endsSentence reports whether a caption line ends a sentence: its last
// character before closing quotes and brackets is a full stop, question or
// exclamation mark, half- or full-width, or an ellipsis (which "..." is
// too).
func endsSentence(line string) bool {
	end := strings.TrimRight(line, "\"'”’»)]」』）】")
	r, _ := utf8.DecodeLastRuneInString(end)
	return strings.ContainsRune(".?!…。！？．", r)
}

// stripMarkup removes <i>-style tags from a caption line.
func stripMarkup(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var sb strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
