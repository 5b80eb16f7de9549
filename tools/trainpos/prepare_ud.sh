#!/usr/bin/env bash
# Assembles the train/dev/test CoNLL-U files that retrain.sh reads, from
# checkouts of the Universal Dependencies treebank repositories (one
# directory per treebank, named as on GitHub: UD_English-EWT, ...). The
# treebanks stay outside this repository; see
# captions/segment/pos/models/SOURCES.md for the commits the committed
# models were built from and why some languages train on dev/PUD data.
#
# Usage: tools/trainpos/prepare_ud.sh UD_ROOT OUT_DIR
set -euo pipefail
ud=${1:?usage: prepare_ud.sh UD_ROOT OUT_DIR}
out=${2:?usage: prepare_ud.sh UD_ROOT OUT_DIR}
f() { cat "$ud/$1/$2"; }
mkdir -p "$out"/{en,pt,fr,de,es,it,ru,zh,ja,ko,ar}

# en: EWT's train split, rebuilt from its per-document sources in the order
# of not-to-release/file-lists/files.train (same sentences as
# en_ewt-ud-train.conllu).
: >"$out/en/train.conllu"
while read -r doc; do f UD_English-EWT "not-to-release/sources/$doc" >>"$out/en/train.conllu"; done \
  < "$ud/UD_English-EWT/not-to-release/file-lists/files.train"
f UD_English-EWT en_ewt-ud-dev.conllu >"$out/en/dev.conllu"
f UD_English-EWT en_ewt-ud-test.conllu >"$out/en/test.conllu"

# pt: Bosque's train split = the sentences of not-to-release/documents whose
# sent_id is listed in not-to-release/pt_bosque-ud-train.txt.
for d in "$ud"/UD_Portuguese-Bosque/not-to-release/documents/*.conllu; do cat "$d"; echo; done |
  awk -v ids="$ud/UD_Portuguese-Bosque/not-to-release/pt_bosque-ud-train.txt" '
    BEGIN { while ((getline l < ids) > 0) keep[l] = 1; RS = ""; ORS = "\n\n" }
    match($0, /# sent_id = [^\n]*/) { if (substr($0, RSTART + 12, RLENGTH - 12) in keep) print }' >"$out/pt/train.conllu"
f UD_Portuguese-Bosque pt_bosque-ud-dev.conllu >"$out/pt/dev.conllu"
f UD_Portuguese-Bosque pt_bosque-ud-test.conllu >"$out/pt/test.conllu"

# Languages whose large train file was not available: dev split of the main
# treebank plus the PUD treebank (and other small CC BY-SA treebanks) as
# training data; the main treebank's test split for testing.
{ f UD_French-GSD fr_gsd-ud-dev.conllu; f UD_French-PUD fr_pud-ud-test.conllu; } >"$out/fr/train.conllu"
f UD_French-GSD fr_gsd-ud-test.conllu >"$out/fr/test.conllu"
{ f UD_German-GSD de_gsd-ud-dev.conllu; f UD_German-PUD de_pud-ud-test.conllu; } >"$out/de/train.conllu"
f UD_German-GSD de_gsd-ud-test.conllu >"$out/de/test.conllu"
{ f UD_Spanish-GSD es_gsd-ud-dev.conllu; f UD_Spanish-PUD es_pud-ud-test.conllu; } >"$out/es/train.conllu"
f UD_Spanish-GSD es_gsd-ud-test.conllu >"$out/es/test.conllu"
{ f UD_Italian-MarkIT it_markit-ud-train.conllu; f UD_Italian-ParlaMint it_parlamint-ud-train.conllu; f UD_Italian-PUD it_pud-ud-test.conllu; } >"$out/it/train.conllu"
f UD_Italian-MarkIT it_markit-ud-dev.conllu >"$out/it/dev.conllu"
f UD_Italian-MarkIT it_markit-ud-test.conllu >"$out/it/test.conllu"
f UD_Italian-ParlaMint it_parlamint-ud-test.conllu >"$out/it/test2.conllu"
{ f UD_Russian-GSD ru_gsd-ud-dev.conllu; f UD_Russian-PUD ru_pud-ud-test.conllu; f UD_Russian-Taiga ru_taiga-ud-dev.conllu; f UD_Russian-Poetry ru_poetry-ud-dev.conllu; } >"$out/ru/train.conllu"
f UD_Russian-GSD ru_gsd-ud-test.conllu >"$out/ru/test.conllu"
f UD_Russian-Taiga ru_taiga-ud-test.conllu >"$out/ru/test2.conllu"
{ f UD_Chinese-GSDSimp zh_gsdsimp-ud-dev.conllu; f UD_Chinese-GSD zh_gsd-ud-dev.conllu; f UD_Chinese-PUD zh_pud-ud-test.conllu; } >"$out/zh/train.conllu"
f UD_Chinese-GSDSimp zh_gsdsimp-ud-test.conllu >"$out/zh/test.conllu"
f UD_Japanese-GSD ja_gsd-ud-dev.conllu >"$out/ja/train.conllu"
f UD_Japanese-GSD ja_gsd-ud-test.conllu >"$out/ja/test.conllu"
f UD_Korean-Kaist ko_kaist-ud-dev.conllu >"$out/ko/train.conllu"
f UD_Korean-Kaist ko_kaist-ud-test.conllu >"$out/ko/test.conllu"
# ar: PADT is CC BY-NC-SA (not used); Arabic PUD's 1000 sentences split
# 800 train / 200 test.
f UD_Arabic-PUD ar_pud-ud-test.conllu | awk -v o="$out/ar" 'BEGIN { RS = ""; ORS = "\n\n" } { n++; print > (o (n <= 800 ? "/train.conllu" : "/test.conllu")) }'
