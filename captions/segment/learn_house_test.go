package segment

import "testing"

// TestLearnTopHeavyHouseStyle learns testdata/learn_house_en.txt, a
// top-heavy house style written by hand (line 1 filled as far as the
// words allow, a noun phrase never split), on its even units and scores
// it on the odd ones. The built-in style balances the lines and breaks at
// phrase boundaries, so it disagrees with most of the house's line
// breaks; a learner that can express line shape must beat it on units it
// did not see.
func TestLearnTopHeavyHouseStyle(t *testing.T) {
	r := tedRules()
	all := readEvalSet(t, "testdata/learn_house_en.txt")
	var train, test []Reference
	for i, u := range all {
		if i%2 == 0 {
			train = append(train, u)
		} else {
			test = append(test, u)
		}
	}
	res, err := Learn(r, train, LearnOptions{Note: "learn_house_en.txt, even units"})
	if err != nil {
		t.Fatal(err)
	}
	def := scoreStyle(t, r, test, nil)
	got := scoreStyle(t, r, test, res.Style)
	t.Logf("chose %s\n%s", res.Chosen, res.Style.Note)
	t.Logf("held-out (%d units): default: %v", len(test), def)
	t.Logf("held-out: learned: %v", got)
	for _, c := range res.CV {
		t.Logf("  %v", c)
	}
	if res.Default {
		t.Fatalf("kept the built-in style on a house style it does not follow")
	}
	// The held-out half has 40 human breaks; a margin of 0.1 break F1 is
	// four or more of them found that the default misses, more than one or
	// two units' chance agreement.
	if got.F1 < def.F1+0.1 {
		t.Errorf("learned break F1 %.3f, default %.3f: want at least 0.1 more", got.F1, def.F1)
	}
	if got.Sigma <= def.Sigma {
		t.Errorf("learned Sigma-like %.1f, default %.1f: want more", got.Sigma, def.Sigma)
	}
}
