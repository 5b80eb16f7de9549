package captions

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/sotcap/sotcap/timing"
)

// Property tests: a seeded generator makes random texts, profiles and SOT
// windows; every run checks the same invariants on thousands of cases.

var propWords = map[string][]string{
	"en": strings.Fields(`the a of to and in that is was he for it with as his on be at by I this had not are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people Mr. how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three President Barack Obama 1,000 $5 2010 extraordinary unbelievable, understanding. really? yes! "quoted" (aside) -- well: semi;`),
	"fr": strings.Fields(`le la les un une de du des et à en dans que qui est sont il elle nous vous ne pas très plus aujourd'hui l'homme j'ai qu'il c'est maison voiture grande petite rouge parce Paris, Marie. vraiment? oui!`),
	"de": strings.Fields(`der die das und ist nicht ein eine zu mit auf für von dem den Haus Straße Bundesregierung, heute. wirklich? ja! Donaudampfschiff`),
	"ar": strings.Fields(`في من إلى على أن هذا هذه التي الذي قال الرئيس الروسي موسكو، اليوم. هل؟ نعم لا لم سوف كان`),
	"ja": nil,
}

const jaChars = "日本語の文章はスペースを使わずに書かれます。私は東京に住んでいます、そして毎日電車で会社へ行きます！「こんにちは」と彼は言った。ー小さなっゃ"

func randText(rng *rand.Rand, lang string, maxWord int) string {
	n := 1 + rng.IntN(60)
	if rng.IntN(5) == 0 {
		n = 1 + rng.IntN(4)
	}
	if lang == "ja" {
		rs := []rune(jaChars)
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteRune(rs[rng.IntN(len(rs))])
			if rng.IntN(15) == 0 {
				b.WriteString(" Tokyo ")
			}
		}
		return b.String()
	}
	words := propWords[lang]
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		w := words[rng.IntN(len(words))]
		if len([]rune(w)) > maxWord {
			w = string([]rune(w)[:maxWord])
		}
		out = append(out, w)
	}
	sep := " "
	if rng.IntN(4) == 0 {
		sep = "  \t"
	}
	return strings.Join(out, sep)
}

func randRules(rng *rand.Rand) Rules {
	langs := []string{"en", "en", "fr", "de", "ar", "ja"}
	r := Rules{
		Language:        langs[rng.IntN(len(langs))],
		MaxCharsPerLine: 13 + rng.IntN(40),
		MaxLines:        1 + rng.IntN(3),
		MaxCPS:          float64(8 + rng.IntN(18)),
		MinDuration:     timing.FrameLength(int64(10 + rng.IntN(40))),
		MaxDuration:     timing.TimeLength(time.Duration(5+rng.IntN(5)) * time.Second),
		MinGapFrames:    rng.IntN(4),
		ShotChangeZone:  timing.TimeLength(time.Second / 2),
		MaxHang:         timing.TimeLength(time.Duration(rng.IntN(1000)) * time.Millisecond),
		SpeakerChange:   []string{SpeakerNewCaption, SpeakerDash}[rng.IntN(2)],
	}
	if r.Language == "ja" {
		r.MaxCPS = 4 + float64(rng.IntN(5))
	}
	return r
}

// flat returns the words of text (CJK: its non-space characters).
func flat(text string, cjk bool) string {
	if cjk {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, text)
	}
	return strings.Join(strings.Fields(text), " ")
}

func TestPropertyBreak(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < propCases(5000); i++ {
		r := randRules(rng)
		text := randText(rng, r.Language, r.MaxCharsPerLine)
		caps, err := r.Break(text)
		if err != nil {
			t.Fatalf("case %d %+v: %q: %v", i, r, text, err)
		}
		var all []string
		for _, c := range caps {
			if len(c) == 0 || len(c) > r.MaxLines {
				t.Fatalf("case %d: %d lines (max %d): %q", i, len(c), r.MaxLines, c)
			}
			for _, l := range c {
				if r.Chars(l) > float64(r.MaxCharsPerLine) || strings.TrimSpace(l) != l || l == "" {
					t.Fatalf("case %d: line %q is %g chars (max %d)", i, l, r.Chars(l), r.MaxCharsPerLine)
				}
				all = append(all, l)
			}
		}
		cjk := isCJK(r.Language)
		if got, want := flat(strings.Join(all, " "), cjk), flat(text, cjk); got != want {
			t.Fatalf("case %d: words changed\n got %q\nwant %q", i, got, want)
		}
		again, _ := r.Break(text)
		if !reflect.DeepEqual(caps, again) {
			t.Fatalf("case %d: not deterministic", i)
		}
	}
}

func TestPropertyTimeSOT(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	rates := timing.SupportedRates()
	fitted, compressed := 0, 0
	for i := 0; i < propCases(5000); i++ {
		r := randRules(rng)
		rate := rates[rng.IntN(len(rates))]
		in := int64(rng.IntN(100000))
		w := timing.Window{In: in, Out: in + int64(20+rng.IntN(800))}
		for c := rng.IntN(5); c > 0; c-- {
			w.Cuts = append(w.Cuts, timing.Cut{Frame: w.In + 1 + rng.Int64N(w.Frames()-1), Frames: int64(rng.IntN(2) * rng.IntN(20))})
		}
		var limit int64
		if rng.IntN(2) == 0 {
			limit = w.Out + int64(rng.IntN(30))
		}
		var turns []Turn
		for k := 1 + rng.IntN(3); k > 0; k-- {
			turns = append(turns, Turn{Speaker: string(rune('A' + rng.IntN(2))), Text: randText(rng, r.Language, r.MaxCharsPerLine-2)})
		}
		sot := SOTInput{Turns: turns, Window: w, Rate: rate, Limit: limit}
		res, err := r.TimeSOT(sot)
		p := r.framePlan(sot)
		if err != nil {
			if p.end-w.In >= 3*p.minD {
				t.Fatalf("case %d: %v", i, err)
			}
			continue
		}
		if res.Compressed {
			compressed++
		} else {
			fitted++
		}
		// Every word once, in order.
		var got []string
		dash := strings.TrimSpace(dashFor(r.Language))
		for _, c := range res.Captions {
			shared := len(c.Lines) == 2 && c.Lines[0].Speaker != c.Lines[1].Speaker
			for _, l := range c.Lines {
				if shared {
					l.Text = strings.TrimPrefix(strings.TrimPrefix(l.Text, dash), " ")
				}
				got = append(got, l.Text)
			}
		}
		var want []string
		for _, tu := range turns {
			want = append(want, tu.Text)
		}
		cjk := isCJK(r.Language)
		if flat(strings.Join(got, " "), cjk) != flat(strings.Join(want, " "), cjk) {
			t.Fatalf("case %d: words changed\n got %q\nwant %q", i, got, want)
		}
		var prevEnd int64 = -1
		for k, c := range res.Captions {
			s, e := rate.Frames(c.Start), rate.Frames(c.End)
			if s < w.In || e > p.end || e > w.Out+r.MaxHang.Frames(rate) || (limit > 0 && e > limit-int64(r.MinGapFrames)) {
				t.Fatalf("case %d caption %d: %d–%d leaves window %d–%d (end %d, limit %d)", i, k, s, e, w.In, w.Out, p.end, limit)
			}
			if e <= s || s < prevEnd {
				t.Fatalf("case %d caption %d: %d–%d after end %d", i, k, s, e, prevEnd)
			}
			if len(c.Lines) > r.MaxLines {
				t.Fatalf("case %d: %d lines", i, len(c.Lines))
			}
			for _, l := range c.Lines {
				if r.Chars(l.Text) > float64(r.MaxCharsPerLine) {
					t.Fatalf("case %d: line %q too long", i, l.Text)
				}
			}
			prevEnd = e
		}
		if !res.Compressed {
			// The window allowed it: durations, gaps and CPS keep the rules
			// (CPS only where the text can be read within MaxDuration).
			for _, v := range res.Violations {
				switch v.Rule {
				case RuleShotChange:
					continue // cuts closer together than the zone cannot all be avoided
				case RuleCPS:
					c := res.Captions[v.Caption-1]
					if readFrames(r.CaptionChars(c), r.MaxCPS, rate) > r.MaxDuration.Frames(rate) {
						continue
					}
				}
				t.Fatalf("case %d: %v in a window that fits\n%+v", i, v, res.Captions)
			}
		}
		if n := int64(len(res.Captions)); res.Compressed && n*p.minD+(n-1)*p.gap <= p.end-w.In {
			// Compression keeps the minimum duration when the window allows it.
			for _, v := range res.Violations {
				if v.Rule == RuleMinDuration || v.Rule == RuleGap || v.Rule == RuleOverlap {
					t.Fatalf("case %d: compressed %v although %d × %d frames fit in %d", i, v, n, p.minD, p.end-w.In)
				}
			}
		}
		again, _ := r.TimeSOT(sot)
		if !reflect.DeepEqual(res, again) {
			t.Fatalf("case %d: not deterministic", i)
		}
	}
	t.Logf("%d fitted, %d compressed", fitted, compressed)
}

// propCases returns n, or a tenth of it in -short mode.
func propCases(n int) int {
	if testing.Short() {
		return n / 10
	}
	return n
}
