package pipeline

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Map assigns SOTs of the script (by index from 1) to EDL events (by
// event number), overriding the default N-th SOT to N-th window mapping.
// The zero Map is empty: use the default.
type Map struct {
	entries map[int][]int
}

// ParseMap parses the --map syntax: comma-separated SOT=EVENTS pairs, where
// EVENTS is one event number or several joined with '+':
// "1=3,2=5,3=7+9+10". Event numbers are compared as numbers, so "7" names
// event 007.
func ParseMap(s string) (Map, error) {
	m := Map{entries: map[int][]int{}}
	if strings.TrimSpace(s) == "" {
		return Map{}, nil
	}
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return Map{}, fmt.Errorf("--map %q: expected SOT=EVENT[+EVENT…] in %q", s, part)
		}
		sot, err := strconv.Atoi(strings.TrimSpace(k))
		if err != nil || sot < 1 {
			return Map{}, fmt.Errorf("--map %q: SOT index %q is not a number from 1", s, k)
		}
		if _, dup := m.entries[sot]; dup {
			return Map{}, fmt.Errorf("--map %q: SOT %d is mapped twice", s, sot)
		}
		var evs []int
		for _, e := range strings.Split(v, "+") {
			n, err := strconv.Atoi(strings.TrimSpace(e))
			if err != nil || n < 0 {
				return Map{}, fmt.Errorf("--map %q: event number %q is not a number", s, e)
			}
			evs = append(evs, n)
		}
		m.entries[sot] = evs
	}
	return m, nil
}

// IsZero reports whether m maps nothing.
func (m Map) IsZero() bool { return len(m.entries) == 0 }

// Events returns the event numbers mapped to SOT index sot, or nil.
func (m Map) Events(sot int) []int { return m.entries[sot] }

// SOTs returns the mapped SOT indexes in ascending order.
func (m Map) SOTs() []int {
	out := make([]int, 0, len(m.entries))
	for k := range m.entries {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// String formats m in the syntax ParseMap reads.
func (m Map) String() string {
	var b strings.Builder
	for i, k := range m.SOTs() {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(k))
		b.WriteByte('=')
		for j, e := range m.entries[k] {
			if j > 0 {
				b.WriteByte('+')
			}
			b.WriteString(strconv.Itoa(e))
		}
	}
	return b.String()
}
