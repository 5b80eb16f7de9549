#!/usr/bin/env bash
# Reading and writing each broadcast format, sotcap against ttconv, on the
# same files: 100,000 captions (60,000 for EBU STL, which numbers at most
# 65,535; fewer for SCC, whose two bytes a frame
# cannot carry 100,000 two-line captions in a day: see N_SCC). For each
# format X it times
#   sotcap convert in.srt out.X      (write X)
#   sotcap convert out.X back.srt    (read X)
#   ttconv convert -i out.X -o t.srt (ttconv reads X; ttconv writes no
#                                     EBU-TT-D, STL or SCC of ours to time)
# and prints wall time and peak memory (median of RUNS).
#
# Usage: bench/formats_vs_ttconv.sh [RUNS] [N]   (defaults 3, 100000)
set -euo pipefail

runs=${1:-3}
n=${2:-100000}
n_scc=${N_SCC:-20000}
n_stl=$((n < 60000 ? n : 60000)) # an EBU STL file numbers at most 65,535 subtitles
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in ttconv /usr/bin/time go awk; do
	command -v "$tool" >/dev/null || { echo "bench: $tool not found (Debian: python3-ttconv, time, golang, gawk)" >&2; exit 2; }
done

# srt COUNT GAP_MS: COUNT captions of one or two Latin lines (SCC's 608
# set), each shown for 60 % of GAP_MS.
srt() {
	awk -v n="$1" -v gap="$2" 'BEGIN {
		split("The talks resume on Monday.|Nothing is agreed yet, she said.|Reprise des negociations lundi.|The crowd chants outside.|Talks go on in Vienna.", t, "|")
		for (i = 0; i < n; i++) {
			s = 10000 + i * gap; e = s + int(gap * 0.6)
			printf "%d\n%02d:%02d:%02d,%03d --> %02d:%02d:%02d,%03d\n", i + 1,
				s / 3600000, (s / 60000) % 60, (s / 1000) % 60, s % 1000,
				e / 3600000, (e / 60000) % 60, (e / 1000) % 60, e % 1000
			print t[i % 5 + 1]
			if (i % 3 == 1) print t[(i + 2) % 5 + 1]
			print ""
		}
	}'
}
srt "$n" 800 >"$work/in.srt"
srt "$n_scc" 4000 >"$work/in-scc.srt"
srt "$n_stl" 800 >"$work/in-stl.srt"
(cd "$root" && go build -o "$work/sotcap" ./cmd/sotcap)

# measure CMD...: median wall ms and peak RSS KB over $runs runs.
measure() {
	local walls=() rsss=()
	for ((i = 0; i < runs; i++)); do
		local t0 t1
		t0=$(date +%s%N)
		/usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/err.txt" || { echo "failed: $*" >&2; cat "$work/err.txt" >&2; return 1; }
		t1=$(date +%s%N)
		walls+=($(((t1 - t0) / 1000000)))
		rsss+=($(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt"))
	done
	local w r
	w=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
	r=$(printf '%s\n' "${rsss[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
	echo "$w $r"
}

printf '%-10s %-22s %10s %12s\n' FORMAT STEP WALL_MS PEAK_RSS_MB
for f in ttml ebu-tt-d stl scc; do
	in=$work/in.srt
	[ "$f" = scc ] && in=$work/in-scc.srt
	[ "$f" = stl ] && in=$work/in-stl.srt
	ext=$f
	[ "$f" = ebu-tt-d ] && ext=ebu-tt-d.xml
	out=$work/out.$ext
	set -- $(measure "$work/sotcap" convert "$in" "$out" --to "$f" --fps 25 --set stl.country=GBR --set stl.display_standard=open)
	printf '%-10s %-22s %10s %12.1f\n' "$f" "sotcap write" "$1" "$(echo "$2 / 1024" | bc -l)"
	set -- $(measure "$work/sotcap" convert "$out" "$work/back.srt")
	printf '%-10s %-22s %10s %12.1f\n' "$f" "sotcap read" "$1" "$(echo "$2 / 1024" | bc -l)"
	itype=$f
	case $f in ebu-tt-d) itype=ttml ;; esac
	# ttconv gets TTCONV_LIMIT seconds a run (default 300): it is much
	# slower on long documents.
	if r=$(measure timeout "${TTCONV_LIMIT:-300}" ttconv convert -i "$out" -o "$work/ttconv.srt" --itype "$(echo "$itype" | tr a-z A-Z)" --otype SRT 2>/dev/null); then
		set -- $r
		printf '%-10s %-22s %10s %12.1f\n' "$f" "ttconv read" "$1" "$(echo "$2 / 1024" | bc -l)"
	else
		printf '%-10s %-22s %10s\n' "$f" "ttconv read" ">${TTCONV_LIMIT:-300}000"
	fi
done
