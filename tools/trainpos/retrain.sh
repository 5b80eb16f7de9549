#!/usr/bin/env bash
# Retrains every committed pos model from the files prepare_ud.sh assembles
# and prints each model's test scores (paste them into
# captions/segment/pos/models/SOURCES.md).
#
# Usage: tools/trainpos/retrain.sh DATA_DIR [LANG...]
# A DATA_DIR/LANG/lexicon.tsv is passed as -lexicon (ja: written by
# prepare_ipadic.sh).
# Takes a few minutes in all on two cores; English is the largest (~10 s).
set -euo pipefail
data=${1:?usage: retrain.sh DATA_DIR [LANG...]}
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
models=$root/captions/segment/pos/models
langs=("$@")
[ ${#langs[@]} -gt 0 ] || langs=(en fr de es it pt ru zh ja ko ar)
bin=$(mktemp -d)/trainpos
trap 'rm -rf "$(dirname "$bin")"' EXIT
(cd "$root" && go build -o "$bin" ./tools/trainpos)

declare -A src=(
  [en]="UD_English-EWT@15d613d train"
  [pt]="UD_Portuguese-Bosque@5de7ac3 train"
  [fr]="UD_French-GSD@830e278 dev + UD_French-PUD@c245786"
  [de]="UD_German-GSD@297fcf3 dev + UD_German-PUD@ff80846"
  [es]="UD_Spanish-GSD@57c0456 dev + UD_Spanish-PUD@818a82b"
  [it]="UD_Italian-MarkIT@b01ee41 train + UD_Italian-ParlaMint@fb2c561 train + UD_Italian-PUD@71d932a"
  [ru]="UD_Russian-GSD@5400f2f dev + UD_Russian-PUD@da5b381 + UD_Russian-Taiga@3c64a05 dev + UD_Russian-Poetry@72fe3ef dev"
  [zh]="UD_Chinese-GSDSimp@eb3aed3 dev + UD_Chinese-GSD@200dbe8 dev + UD_Chinese-PUD@2849afd"
  [ja]="UD_Japanese-GSD@7bc2011 dev; lexicon: IPADIC 2.7.0-20070801 (Debian mecab-ipadic), 120000 words"
  [ko]="UD_Korean-Kaist@ef24424 dev"
  [ar]="UD_Arabic-PUD@be733f4 sentences 1-800"
)
for l in "${langs[@]}"; do
  d=$data/$l
  args=(-lang "$l" -train "$d/train.conllu" -source "${src[$l]}" -out "$models/$l.pos.gz")
  [ -f "$d/dev.conllu" ] && args+=(-dev "$d/dev.conllu")
  [ -f "$d/lexicon.tsv" ] && args+=(-lexicon "$d/lexicon.tsv")
  tests=$d/test.conllu
  [ -f "$d/test2.conllu" ] && tests+=",$d/test2.conllu"
  args+=(-test "$tests")
  case $l in zh | ja) args+=(-segment) ;; esac
  echo "== $l"
  "$bin" "${args[@]}"
done
