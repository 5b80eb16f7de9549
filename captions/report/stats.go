package report

import (
	"math"
	"slices"
	"strconv"
	"time"
)

// exactDistinct is how many distinct CPS values Stats counts exactly; a
// file with more switches to a fixed-resolution histogram (see Stats).
const exactDistinct = 1 << 16

// gridTop is where the histogram's millisecond grid ends: below it a CPS
// value is counted at the resolution reports print it with (three
// decimals), at or above it to four significant digits.
const gridTop = 1000

// Stats gathers a file's summary caption by caption, so that a caller
// reading a large file need not keep every caption's times and CPS: its
// memory is bounded by the number of distinct CPS values, not captions.
//
// Count, duration, mean, maximum and the undefined count are exact. The
// percentiles (nearest rank, as CPSStats) are exact while the file has at
// most 65,536 distinct CPS values, which holds for any broadcast file
// (CPS is characters ÷ a duration in frames or milliseconds). Past that,
// values are counted in a fixed histogram: below 1000 CPS one bin per
// value printed with three decimals (what text and HTML reports show), so
// a percentile is that value rounded to three decimals, and the reports'
// digits are those of the exact percentile (rounding is monotonic, so the
// rounded percentile is the percentile of the rounded values); at 1000
// CPS and above, four significant digits (relative error under 5·10⁻⁴).
// The histogram takes 4 MB, plus at most 9,000 entries a decade above
// 1000 CPS.
//
// The zero Stats is empty and ready to use.
type Stats struct {
	n         int
	lo, hi    time.Duration
	sum, max  float64
	defined   int
	undefined int
	inf       int               // +Inf values, counted in undefined
	exact     map[float64]int32 // nil once degraded
	grid      []uint32          // counts by round(v·1000) below gridTop, once degraded
	high      map[float64]int32 // values at or above gridTop, rounded, once degraded
}

// Add counts one caption with the given times and CPS (negative or not
// finite: undefined). Captions must be added in file order for the mean
// to be the one Summarize computes.
func (s *Stats) Add(start, end time.Duration, cps float64) {
	if s.n == 0 {
		s.lo, s.hi = start, start
	}
	s.n++
	s.lo = min(s.lo, start, end)
	s.hi = max(s.hi, start, end)
	if !definedCPS(cps) {
		s.undefined++
		if math.IsInf(cps, 1) {
			s.inf++
		}
		return
	}
	s.sum += cps
	if s.defined == 0 || cps > s.max {
		s.max = cps
	}
	s.defined++
	if s.grid == nil {
		if s.exact == nil {
			s.exact = make(map[float64]int32)
		}
		s.exact[cps]++
		if len(s.exact) > exactDistinct {
			s.degrade()
		}
		return
	}
	s.addRounded(cps, 1)
}

// degrade moves the exact counts into the fixed histogram.
func (s *Stats) degrade() {
	s.grid = make([]uint32, gridTop*1000)
	s.high = make(map[float64]int32)
	for v, c := range s.exact {
		s.addRounded(v, c)
	}
	s.exact = nil
}

// roundCPS returns v's histogram bin: below gridTop, v rounded to three
// decimals as strconv prints it (as an index, v·1000); above, v rounded
// to four significant digits.
func roundCPS(v float64) (idx int, high float64, isHigh bool) {
	if v < gridTop {
		var buf [32]byte
		b := strconv.AppendFloat(buf[:0], v, 'f', 3, 64)
		n := 0
		for _, ch := range b {
			if ch >= '0' && ch <= '9' {
				n = n*10 + int(ch-'0')
			}
		}
		if n < gridTop*1000 {
			return n, 0, false
		}
	}
	var buf [32]byte
	h, _ := strconv.ParseFloat(string(strconv.AppendFloat(buf[:0], v, 'e', 3, 64)), 64)
	return 0, h, true
}

func (s *Stats) addRounded(v float64, c int32) {
	idx, h, high := roundCPS(v)
	if high {
		s.high[h] += c
		return
	}
	s.grid[idx] += uint32(c)
}

// Exact reports whether the percentiles are exact (the file has at most
// 65,536 distinct CPS values).
func (s *Stats) Exact() bool { return s.grid == nil }

// Captions returns the number of captions added.
func (s *Stats) Captions() int { return s.n }

// Duration returns the time from the earliest caption time to the latest,
// as Summary.Duration.
func (s *Stats) Duration() time.Duration { return s.hi - s.lo }

// CPS returns the reading-rate statistics of the captions added.
func (s *Stats) CPS() CPSStats {
	st := CPSStats{Undefined: s.undefined}
	if s.defined == 0 {
		return st
	}
	st.Mean = s.sum / float64(s.defined)
	st.Max = s.max
	st.P50 = s.rank(rankOf(50, s.defined))
	st.P90 = s.rank(rankOf(90, s.defined))
	return st
}

// rankOf is the 1-based nearest rank of the p-th percentile of n values.
func rankOf(p, n int) int { return max(1, (p*n+99)/100) }

// each calls f with the counted values in increasing order and their
// counts until f returns false.
func (s *Stats) each(f func(v float64, c int) bool) {
	if s.grid == nil {
		keys := make([]float64, 0, len(s.exact))
		for v := range s.exact {
			keys = append(keys, v)
		}
		slices.Sort(keys)
		for _, v := range keys {
			if !f(v, int(s.exact[v])) {
				return
			}
		}
		return
	}
	for i, c := range s.grid {
		if c > 0 && !f(float64(i)/1000, int(c)) {
			return
		}
	}
	keys := make([]float64, 0, len(s.high))
	for v := range s.high {
		keys = append(keys, v)
	}
	slices.Sort(keys)
	for _, v := range keys {
		if !f(v, int(s.high[v])) {
			return
		}
	}
}

// rank returns the rank-th smallest value (1-based).
func (s *Stats) rank(rank int) float64 {
	out, seen := math.NaN(), 0
	s.each(func(v float64, c int) bool {
		seen += c
		if seen >= rank {
			out = v
			return false
		}
		return true
	})
	return out
}
