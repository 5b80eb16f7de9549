#!/usr/bin/env bash
# Peak memory of `sotcap check` on a large SRT (default 200 MB) and on
# /dev/zero: the maximum resident set size (GNU time), the report's size,
# and the goal "peak under the report's size plus 64 MB".
#
# Usage: bench/check_memory.sh [MB] [format ...]   (default: 200 json text html)
# Needs GNU time (/usr/bin/time, Debian package time). The generated file
# is a temporary file, removed afterwards.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-200}
shift || true
formats=${*:-json text html}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/sotcap" "$root/cmd/sotcap"
# Cues of ~90 bytes; every 50th breaks a rule (too fast), every 1000th is
# malformed ("->"), so the reports have content.
awk -v target=$((mb * 1024 * 1024)) 'BEGIN {
  n = 0; size = 0
  while (size < target) {
    n++; s = n * 2; e = s + 1.5
    if (n % 50 == 0) e = s + 0.5
    arrow = (n % 1000 == 0) ? "->" : "-->"
    t1 = sprintf("%02d:%02d:%02d,%03d", s/3600, (s/60)%60, s%60, (s*1000)%1000)
    t2 = sprintf("%02d:%02d:%02d,%03d", e/3600, (e/60)%60, int(e)%60, (e*1000)%1000)
    line = sprintf("%d\n%s %s %s\nCaption %d,\nline two.\n\n", n, t1, arrow, t2, n)
    printf "%s", line
    size += length(line)
  }
}' > "$tmp/big.srt"
echo "# sotcap check, $(go env GOOS)/$(go env GOARCH), $(nproc) cores, $(go version | awk '{print $3}')"
echo "input: $(du -m "$tmp/big.srt" | cut -f1) MB, $(grep -c -- '-->' "$tmp/big.srt") good cues"
echo "| report | peak RSS MB | report MB | goal MB (report + 64) | seconds |"
echo "|---|---|---|---|---|"
for f in $formats; do
  /usr/bin/time -f "%M %e" -o "$tmp/time" "$tmp/sotcap" check "$tmp/big.srt" --format "$f" --out "$tmp/report.$f" >/dev/null 2>"$tmp/err" || true
  grep -v "^warning" "$tmp/err" | head -3 >&2 || true
  read -r kb secs < <(tail -n 1 "$tmp/time")
  rep=$(( $(stat -c %s "$tmp/report.$f") / 1048576 ))
  echo "| $f | $((kb / 1024)) | $rep | $((rep + 64)) | $secs |"
done
/usr/bin/time -f '%M %e' -o "$tmp/time" "$tmp/sotcap" check /dev/zero >/dev/null 2>&1 || true
read -r kb secs < <(tail -n 1 "$tmp/time")
echo "| /dev/zero (refused) | $((kb / 1024)) | 0 | 64 | $secs |"
