#!/usr/bin/env bash
# Side-by-side: `sotcap convert in.srt out.vtt` against
# `ffmpeg -nostdin -i in.srt out.vtt` on the same 100,000-cue SRT (about
# 7 MB), same machine, several runs each. Prints the median wall time and
# the peak resident memory (from /usr/bin/time -v) of each, and the ratios.
#
# Targets (issue 8): sotcap at least 2× faster than FFmpeg, with peak memory
# no more than 3× the input's size.
#
# Usage: bench/convert_vs_ffmpeg.sh [RUNS]   (default 5)
set -euo pipefail

runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in ffmpeg /usr/bin/time go awk; do
	command -v "$tool" >/dev/null || { echo "bench: $tool not found (Debian: ffmpeg, time, golang, gawk)" >&2; exit 2; }
done

# 100,000 cues, 0.8 s apart (so they fit in a day), one line or two,
# with accents, curly quotes and italics as real files have.
awk 'BEGIN {
	split("The talks resume on Monday.|“Nothing is agreed yet,” she said.|Reprise des négociations lundi.|<i>The crowd chants outside.</i>|Переговоры в понедельник.", t, "|")
	for (i = 0; i < 100000; i++) {
		s = i * 800; e = s + 700
		printf "%d\n%02d:%02d:%02d,%03d --> %02d:%02d:%02d,%03d\n", i + 1,
			s / 3600000, (s / 60000) % 60, (s / 1000) % 60, s % 1000,
			e / 3600000, (e / 60000) % 60, (e / 1000) % 60, e % 1000
		print t[i % 5 + 1]
		if (i % 4 == 1) print t[(i + 2) % 5 + 1]
		print ""
	}
}' >"$work/in.srt"
size=$(stat -c %s "$work/in.srt")

(cd "$root" && go build -o "$work/sotcap" ./cmd/sotcap)

# measure NAME CMD...: runs CMD $runs times; appends "wall_ms rss_kb" lines
# to $work/NAME.txt.
measure() {
	local name=$1
	shift
	: >"$work/$name.txt"
	for ((i = 0; i < runs; i++)); do
		rm -f "$work/out-$name.vtt"
		local t0 t1
		t0=$(date +%s%N)
		/usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/$name.err" || {
			echo "bench: $name failed:" >&2
			cat "$work/$name.err" >&2
			exit 1
		}
		t1=$(date +%s%N)
		local rss
		rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
		echo "$(((t1 - t0) / 1000000)) $rss" >>"$work/$name.txt"
	done
}

measure sotcap "$work/sotcap" convert "$work/in.srt" "$work/out-sotcap.vtt"
measure ffmpeg ffmpeg -nostdin -y -v error -i "$work/in.srt" "$work/out-ffmpeg.vtt"

# Both must have written every cue.
for name in sotcap ffmpeg; do
	n=$(grep -c -- ' --> ' "$work/out-$name.vtt")
	[ "$n" -eq 100000 ] || { echo "bench: $name wrote $n cues, not 100000" >&2; exit 1; }
done

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
s_wall=$(cut -d' ' -f1 "$work/sotcap.txt" | median)
f_wall=$(cut -d' ' -f1 "$work/ffmpeg.txt" | median)
s_rss=$(cut -d' ' -f2 "$work/sotcap.txt" | sort -n | tail -1)
f_rss=$(cut -d' ' -f2 "$work/ffmpeg.txt" | sort -n | tail -1)

echo "input: 100000 cues, $size bytes ($(awk -v b="$size" 'BEGIN {printf "%.1f", b / 1048576}') MiB); $runs runs each; $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg)"
printf '%-8s %12s %14s   (all runs: wall ms, peak RSS KiB)\n' tool "median wall" "peak RSS"
printf '%-8s %9d ms %10d KiB   %s\n' sotcap "$s_wall" "$s_rss" "$(tr '\n' ' ' <"$work/sotcap.txt")"
printf '%-8s %9d ms %10d KiB   %s\n' ffmpeg "$f_wall" "$f_rss" "$(tr '\n' ' ' <"$work/ffmpeg.txt")"
awk -v sw="$s_wall" -v fw="$f_wall" -v sr="$s_rss" -v fr="$f_rss" -v size="$size" 'BEGIN {
	speed = (sw > 0) ? fw / sw : 0
	mem = sr * 1024 / size
	printf "speed: sotcap is %.1f× faster than ffmpeg (target ≥ 2×) %s\n", speed, (speed >= 2) ? "OK" : "MISSED"
	printf "memory: sotcap peak RSS is %.2f× the input (target ≤ 3×) %s; ffmpeg %.2f×\n", mem, (mem <= 3) ? "OK" : "MISSED", fr * 1024 / size
}'
