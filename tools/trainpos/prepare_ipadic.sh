#!/usr/bin/env bash
# Turns the IPADIC dictionary (as Debian packages it: mecab-ipadic, CSV
# files in EUC-JP) into the word list that trainpos -lexicon reads: one
# word a line, "SURFACE<TAB>UPOS", sorted. Each surface appears once, with
# the UPOS of its lowest-cost entry (IPADIC's most likely reading); IPADIC's
# coarse parts of speech map to UD UPOS as UD_Japanese-GSD tags the same
# words. Only the WORDS surfaces of at most 8 characters (the segmenter's
# window) with the lowest cost are kept (default 120000 of 322,000), to
# keep the model small: on the held-out tenth of the training data, the
# segmenter's word F1 is 0.942 with 60,000 words, 0.960 with 120,000 and
# 0.962 with all of them.
#
# Usage: WORDS=120000 tools/trainpos/prepare_ipadic.sh IPADIC_DIR OUT_FILE
#   IPADIC_DIR holds Noun.csv, Verb.csv, ... (from `apt-get download
#   mecab-ipadic` and `dpkg-deb -x`: usr/share/mecab/dic/ipadic).
# The dictionary's licence is in captions/segment/pos/models/IPADIC-NOTICE.txt.
set -euo pipefail
dir=${1:?usage: prepare_ipadic.sh IPADIC_DIR OUT_FILE}
out=${2:?usage: prepare_ipadic.sh IPADIC_DIR OUT_FILE}
words=${WORDS:-120000}
for f in "$dir"/*.csv; do iconv -f EUC-JP -t UTF-8 "$f"; done |
  LC_ALL=C awk -F, '
    function upos(p1, p2) {
      if (p1 == "名詞") {
        if (p2 == "固有名詞") return "PROPN"
        if (p2 == "代名詞") return "PRON"
        if (p2 == "数") return "NUM"
        if (p2 == "形容動詞語幹") return "ADJ"
        return "NOUN"
      }
      if (p1 == "動詞") return p2 == "自立" ? "VERB" : "AUX"
      if (p1 == "形容詞") return p2 == "非自立" ? "AUX" : "ADJ"
      if (p1 == "副詞") return "ADV"
      if (p1 == "連体詞") return "DET"
      if (p1 == "接続詞") return "CCONJ"
      if (p1 == "感動詞" || p1 == "フィラー" || p1 == "その他") return "INTJ"
      if (p1 == "助動詞") return "AUX"
      if (p1 == "接頭詞") return "NOUN"
      if (p1 == "助詞") {
        if (p2 == "接続助詞") return "SCONJ"
        if (p2 == "終助詞") return "PART"
        if (p2 == "並立助詞") return "CCONJ"
        return "ADP"
      }
      if (p1 == "記号") return (p2 == "句点" || p2 == "読点" || p2 ~ /括弧/) ? "PUNCT" : "SYM"
      return "X"
    }
    {
      w = $1; c = $4 + 0
      t = w
      runes = length(t) - gsub(/[\200-\277]/, "", t) # UTF-8 lead bytes
      if (w == "" || runes > 8) next
      if (!(w in cost) || c < cost[w]) { cost[w] = c; tag[w] = upos($5, $6) }
    }
    END { for (w in tag) print cost[w] "\t" w "\t" tag[w] }' |
  LC_ALL=C sort -t "$(printf '\t')" -k1,1n -k2,2 | head -n "$words" | cut -f2,3 |
  LC_ALL=C sort >"$out"
