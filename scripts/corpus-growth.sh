#!/usr/bin/env bash
# corpus-growth.sh: time "newsgraph graph" and "newsgraph query top" on
# corpora of 2k, 4k, 8k and 16k articles, to check that both grow
# linearly with the corpus (issue 13, item 2). The corpora are made from
# the repository's testdata/*.txt articles, repeated under new IDs and
# dates (one article a day from 2020-01-01); nothing else is read.
#
#   scripts/corpus-growth.sh [NEWSGRAPH-BINARY] [SIZES...]
#
# Prints one line per size: articles, graph seconds (wall, user), peak
# RSS in MB, saved graph MB, query seconds (wall, user), query peak RSS,
# and the graph and query user seconds per 1000 articles. Needs python3
# and GNU time (/usr/bin/time).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-}
if [[ -z $bin ]]; then
	bin=$(mktemp -d)/newsgraph
	(cd "$repo" && go build -o "$bin" ./cmd/newsgraph)
fi
shift || true
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(2000 4000 8000 16000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # measure OUT-PREFIX CMD...: run CMD under GNU time
	/usr/bin/time -f '%e %U %M' -o "$1.time" "${@:2}" >"$1.out" 2>"$1.err"
	cat "$1.time"
}

printf '%8s %9s %9s %8s %8s %9s %9s %8s %12s %12s\n' articles graph_s graph_usr graph_MB saved_MB query_s query_usr query_MB graph_usr/1k query_usr/1k
for n in "${sizes[@]}"; do
	python3 - "$repo/testdata" "$n" >"$work/corpus.jsonl" <<'PY'
import datetime, glob, json, os, sys
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.txt")))]
day = datetime.date(2020, 1, 1)
for i in range(int(sys.argv[2])):
    d = day + datetime.timedelta(days=i)
    print(json.dumps({"id": f"a{i:05d}", "date": d.isoformat(), "text": texts[i % len(texts)]}))
PY
	read -r gw gu gm < <(measure "$work/graph" "$bin" graph --input jsonl --out "$work/g.json" "$work/corpus.jsonl")
	read -r qw qu qm < <(measure "$work/query" "$bin" query "$work/g.json" top)
	saved=$(($(stat -c %s "$work/g.json") / 1000000))
	awk -v n="$n" -v gw="$gw" -v gu="$gu" -v gm="$gm" -v s="$saved" -v qw="$qw" -v qu="$qu" -v qm="$qm" 'BEGIN {
		printf "%8d %9.2f %9.2f %8d %8d %9.2f %9.2f %8d %12.3f %12.3f\n", n, gw, gu, gm/1024, s, qw, qu, qm/1024, gu*1000/n, qu*1000/n }'
done
