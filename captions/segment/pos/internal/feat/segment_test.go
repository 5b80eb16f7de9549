package feat

import (
	"math/rand"
	"testing"
)

// total is the score of labels under sc.
func total(sc []SegScores, labels []byte) int64 {
	var s int64
	prev := byte(SegStart)
	for i, c := range labels {
		s += int64(sc[i].State[c]) + int64(sc[i].Trans[prev][c])
		prev = c
	}
	return s
}

// legal reports whether labels is a complete BMES sequence.
func legal(labels []byte) bool {
	prev := byte(SegStart)
	for _, c := range labels {
		if !SegAllowed(prev, c) {
			return false
		}
		prev = c
	}
	return prev == SegE || prev == SegS
}

// SegViterbi finds the best legal sequence: checked against every
// sequence of random score tables up to six runes long.
func TestSegViterbiFindsBestLegalSequence(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for trial := 0; trial < 300; trial++ {
		n := 1 + rng.Intn(6)
		sc := make([]SegScores, n)
		for i := range sc {
			for c := range sc[i].State {
				sc[i].State[c] = int32(rng.Intn(200) - 100)
				for p := range sc[i].Trans {
					sc[i].Trans[p][c] = int32(rng.Intn(200) - 100)
				}
			}
		}
		got := make([]byte, n)
		SegViterbi(sc, make([][SegClasses]byte, n), got)
		if !legal(got) {
			t.Fatalf("n=%d: illegal sequence %v", n, got)
		}
		best := int64(-1 << 62)
		seq := make([]byte, n)
		var walk func(i int)
		walk = func(i int) {
			if i == n {
				if legal(seq) && total(sc, seq) > best {
					best = total(sc, seq)
				}
				return
			}
			for c := byte(0); c < SegClasses; c++ {
				seq[i] = c
				walk(i + 1)
			}
		}
		walk(0)
		if g := total(sc, got); g != best {
			t.Fatalf("n=%d: Viterbi sequence %v scores %d, best is %d", n, got, g, best)
		}
	}
}

func TestLexSpans(t *testing.T) {
	words := map[uint32]byte{}
	for w, c := range map[string]byte{"東京": 11, "東京都": 11, "京都": 11, "に": 1} {
		words[LexKey([]rune(w))] = c
	}
	lx := NewKeyMap(words)
	rs := []rune("東京都に")
	spans := make([]LexSpan, len(rs))
	LexSpans(lx, rs, spans)
	want := []LexSpan{
		{StartMask: 0b110, StartLen: 3, StartTag: 12},
		{StartMask: 0b10, StartLen: 2, StartTag: 12, EndMask: 0b10, EndLen: 2, EndTag: 12, Inside: 3},
		{EndMask: 0b110, EndLen: 3, EndTag: 12},
		{StartMask: 1, StartLen: 1, StartTag: 2, EndMask: 1, EndLen: 1, EndTag: 2},
	}
	for i := range want {
		if spans[i] != want[i] {
			t.Errorf("rune %d (%c): got %+v, want %+v", i, rs[i], spans[i], want[i])
		}
	}
}
