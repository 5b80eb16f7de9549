package report

import (
	"bytes"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
)

// streamed turns r into the streamed form: Stats gathered caption by
// caption and only the captions with violations kept.
func streamed(r FileResult) FileResult {
	c := r
	c.Captions, c.CPS = nil, nil
	c.Stats = &Stats{}
	c.Kept = map[int]captions.Caption{}
	for i, cp := range r.Captions {
		cps := -1.0
		if r.CPS != nil {
			cps = r.CPS[i]
		}
		c.Stats.Add(cp.Start, cp.End, cps)
	}
	for _, v := range r.Violations {
		if v.Caption > 0 {
			c.Kept[v.Caption] = r.Captions[v.Caption-1]
		}
	}
	return c
}

// TestStreamedFormSameReports: the text, JSON and CSV reports of a file
// whose statistics were gathered while reading are those of the file with
// every caption kept.
func TestStreamedFormSameReports(t *testing.T) {
	full := append(sample(), synthetic(700, 4), synthetic(5000, 9))
	var small []FileResult
	for _, r := range full {
		if r.CPS == nil {
			continue // the streamed form has no "CPS not given" state
		}
		small = append(small, streamed(r))
	}
	var big []FileResult
	for _, r := range full {
		if r.CPS != nil {
			big = append(big, r)
		}
	}
	if len(small) < 3 {
		t.Fatalf("only %d results with CPS", len(small))
	}
	for _, f := range []string{ReportText, ReportJSON, ReportCSV} {
		var a, b bytes.Buffer
		if err := Write(&a, f, big); err != nil {
			t.Fatal(err)
		}
		if err := Write(&b, f, small); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("%s: streamed form differs:\n%s\nfull:\n%s", f, b.String(), a.String())
		}
	}
	if err := WriteHTML(&bytes.Buffer{}, small); err == nil {
		t.Error("WriteHTML accepted the streamed form, which has no captions to draw")
	}
}

// TestStatsExact: with few distinct values, Stats computes what the
// sorting nearest-rank computation does, bit for bit, including the
// undefined values it leaves out.
func TestStatsExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 3, 10, 11, 99, 100, 101, 1000, 54321} {
		var st Stats
		vals := make([]float64, n)
		for i := range vals {
			chars := 1 + rng.IntN(80)
			frames := rng.IntN(250) // 25 fps, up to 10 s; 0 frames is undefined
			v := float64(chars) / (float64(frames) * 0.04)
			if frames == 0 {
				v = math.Inf(1)
			}
			if i%97 == 5 {
				v = math.NaN()
			}
			if i%101 == 7 {
				v = -1
			}
			vals[i] = v
			st.Add(time.Duration(i)*time.Second, time.Duration(i)*time.Second+time.Duration(frames)*40*time.Millisecond, v)
		}
		if !st.Exact() {
			t.Fatalf("n=%d: not exact", n)
		}
		if got, want := st.CPS(), cpsStats(vals); got != want {
			t.Errorf("n=%d: Stats %+v, sorted %+v", n, got, want)
		}
	}
}

// TestStatsDegradedPrintsSameDigits: past 65,536 distinct values, the
// percentiles are those of the fixed histogram, and print (three decimals,
// as the text and HTML reports do) the same as the exact ones; the mean,
// maximum and undefined count stay exact.
func TestStatsDegradedPrintsSameDigits(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, tc := range []struct {
		name string
		gen  func() float64
	}{
		{"uniform 0-40", func() float64 { return rng.Float64() * 40 }},
		{"heavy tail", func() float64 { return math.Exp(rng.NormFloat64()*2 + 2) }},
		{"near thousandths ties", func() float64 { return float64(rng.IntN(30000))/1000 + 0.0005 + (rng.Float64()-0.5)*1e-9 }},
		{"above 1000", func() float64 { return 1000 + rng.Float64()*1e6 }},
	} {
		var st Stats
		vals := make([]float64, 200000)
		for i := range vals {
			vals[i] = tc.gen()
			st.Add(0, time.Second, vals[i])
		}
		if st.Exact() {
			t.Fatalf("%s: still exact with %d values", tc.name, len(vals))
		}
		got, want := st.CPS(), cpsStats(vals)
		if got.Mean != want.Mean || got.Max != want.Max || got.Undefined != want.Undefined {
			t.Errorf("%s: mean/max/undefined %+v, want %+v", tc.name, got, want)
		}
		for _, p := range [][2]float64{{got.P50, want.P50}, {got.P90, want.P90}} {
			if p[1] < gridTop {
				if formatShort(p[0]) != formatShort(p[1]) {
					t.Errorf("%s: percentile prints %s, exact %s", tc.name, formatShort(p[0]), formatShort(p[1]))
				}
			} else if math.Abs(p[0]-p[1]) > 5e-4*p[1] {
				t.Errorf("%s: percentile %v, exact %v: beyond the relative bound", tc.name, p[0], p[1])
			}
		}
	}
}

func BenchmarkStatsAdd(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	vals := make([]float64, 1<<20)
	for i := range vals {
		vals[i] = rng.Float64() * 40
	}
	b.ReportAllocs()
	var st Stats
	for i := 0; b.Loop(); i++ {
		st.Add(0, time.Second, vals[i&(len(vals)-1)])
	}
}
