#!/usr/bin/env bash
# Peak resident memory (/usr/bin/time -v) of the commands issue 16 found
# buffering whole outputs:
#   - sotcap convert BIG.srt - --to vtt   (goal: under 64 MB; the output
#     is spooled to an unnamed temporary file, not held in memory)
#   - sotcap convert BIG.srt out.vtt      (for comparison)
#   - sotcap edl --json and the edl table on a 100,000-event EDL (goal:
#     under 64 MB; a regular file is read twice, line by line, with
#     edl.Reader.ReadEach, and its events are never all held)
# BIG.srt is about 200 MB (2.8 million cues, 0.03 s apart so they fit in a
# day).
#
# Usage: bench/reliability_memory.sh [SRT_CUES]   (default 2800000)
# SOTCAP_BIN=path measures another build (a baseline) instead.
set -euo pipefail

cues=${1:-2800000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in /usr/bin/time go awk; do
	command -v "$tool" >/dev/null || { echo "bench: $tool not found (Debian: time, golang, gawk)" >&2; exit 2; }
done
if [ -n "${SOTCAP_BIN:-}" ]; then cp "$SOTCAP_BIN" "$work/sotcap"; else (cd "$root" && go build -o "$work/sotcap" ./cmd/sotcap); fi

awk -v n="$cues" 'BEGIN {
	for (i = 0; i < n; i++) {
		s = i * 30; e = s + 25
		printf "%d\n%02d:%02d:%02d,%03d --> %02d:%02d:%02d,%03d\nThe talks resume on Monday, she said.\nReprise des négociations lundi.\n\n", i + 1,
			s / 3600000, (s / 60000) % 60, (s / 1000) % 60, s % 1000,
			e / 3600000, (e / 60000) % 60, (e / 1000) % 60, e % 1000
	}
}' > "$work/big.srt"

awk 'BEGIN {
	print "TITLE: BIG"; print "FCM: NON-DROP FRAME"
	for (i = 0; i < 100000; i++) {
		f = i * 10; g = f + 10
		printf "%06d  AX       V     C        %02d:%02d:%02d:%02d %02d:%02d:%02d:%02d %02d:%02d:%02d:%02d %02d:%02d:%02d:%02d\n", i + 1,
			f/90000, (f/1500)%60, (f/25)%60, f%25, g/90000, (g/1500)%60, (g/25)%60, g%25,
			f/90000, (f/1500)%60, (f/25)%60, f%25, g/90000, (g/1500)%60, (g/25)%60, g%25
		printf "* FROM CLIP NAME: CLIP %d SOT\n\n", i
	}
}' > "$work/big.edl"

peak() { # label, command...
	local label=$1; shift
	/usr/bin/time -v "$@" >/dev/null 2>"$work/time" || { tail -3 "$work/time"; }
	printf '%-34s %8d KiB peak\n' "$label" "$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time")"
}
printf 'input: %s SRT, %s EDL\n' "$(du -h "$work/big.srt" | cut -f1)" "$(du -h "$work/big.edl" | cut -f1)"
peak "convert BIG.srt - --to vtt" "$work/sotcap" convert "$work/big.srt" - --to vtt
peak "convert BIG.srt out.vtt" "$work/sotcap" convert "$work/big.srt" "$work/out.vtt"
peak "edl --json (100,000 events)" "$work/sotcap" edl "$work/big.edl" --fps 25 --json
peak "edl table (100,000 events)" "$work/sotcap" edl "$work/big.edl" --fps 25
