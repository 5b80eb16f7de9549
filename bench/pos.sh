#!/usr/bin/env bash
# Part-of-speech tagger: per-language model size, load time (decode of the
# embedded model, best of 5), heap the loaded model keeps, tagging speed
# (gold tokens) and tokenise+tag speed (raw sentence text), with accuracy on
# the test samples in captions/segment/pos/testdata. Fails if a model misses
# the issue's targets: load < 50 ms, < 40 MB, >= 200k words/s.
#
# Usage: bench/pos.sh [-bench]   (-bench also runs the go test benchmarks)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
echo "# pos tagger, $(go env GOOS)/$(go env GOARCH), $(nproc) cores, $(go version | awk '{print $3}')"
POS_PERF=1 go test -count=1 -run '^TestPerformance$' -v ./captions/segment/pos/ |
  sed -n 's/^[[:space:]]*\(|.*\)$/\1/p; /^--- FAIL/p; /pos_test.go.*over\|under/p'
if [ "${1:-}" = -bench ]; then
  go test -run '^$' -bench . -benchmem ./captions/segment/pos/
fi
