package train

// perceptron is a multi-class averaged perceptron over hashed features,
// with lazy averaging: integer weights, their running sums and the step of
// each weight's last change.
type perceptron struct {
	nclass int
	row    map[uint32]int32
	w      []int32
	tot    []int64
	ts     []int32
	step   int32
}

func newPerceptron(nclass int) *perceptron {
	return &perceptron{nclass: nclass, row: map[uint32]int32{}}
}

// score adds the current (not averaged) weights of keys into scores.
func (p *perceptron) score(keys []uint32, scores []int32) {
	for _, k := range keys {
		r, ok := p.row[k]
		if !ok {
			continue
		}
		base := int(r) * p.nclass
		for c := 0; c < p.nclass; c++ {
			scores[c] += p.w[base+c]
		}
	}
}

// tick counts one training instance.
func (p *perceptron) tick() { p.step++ }

// update moves weight towards truth and away from guess.
func (p *perceptron) update(keys []uint32, truth, guess int) {
	if truth == guess {
		return
	}
	for _, k := range keys {
		r, ok := p.row[k]
		if !ok {
			r = p.newRow(k)
		}
		base := int(r) * p.nclass
		p.bump(base+truth, 1)
		p.bump(base+guess, -1)
	}
}

// add moves the weights of keys for class by d.
func (p *perceptron) add(keys []uint32, class int, d int32) {
	for _, k := range keys {
		r, ok := p.row[k]
		if !ok {
			r = p.newRow(k)
		}
		p.bump(int(r)*p.nclass+class, d)
	}
}

func (p *perceptron) newRow(k uint32) int32 {
	r := int32(len(p.row))
	p.row[k] = r
	p.w = append(p.w, make([]int32, p.nclass)...)
	p.tot = append(p.tot, make([]int64, p.nclass)...)
	p.ts = append(p.ts, make([]int32, p.nclass)...)
	return r
}

func (p *perceptron) bump(i int, d int32) {
	p.tot[i] += int64(p.step-p.ts[i]) * int64(p.w[i])
	p.ts[i] = p.step
	p.w[i] += d
}

// averaged returns the averaged weights.
func (p *perceptron) averaged() map[uint32][]float64 {
	out := make(map[uint32][]float64, len(p.row))
	n := float64(p.step)
	if n == 0 {
		n = 1
	}
	for k, r := range p.row {
		base := int(r) * p.nclass
		row := make([]float64, p.nclass)
		for c := range row {
			i := base + c
			t := p.tot[i] + int64(p.step-p.ts[i])*int64(p.w[i])
			row[c] = float64(t) / n
		}
		out[k] = row
	}
	return out
}
