#!/usr/bin/env bash
# An analyst's session with the newsgraph command, end to end: articles as
# JSON lines in, per-article results out, one corpus graph with its
# exports, and queries over the saved graph. Run from the repository root:
#
#   examples/analyst/analyst.sh [ARTICLES_DIR] [OUT_DIR]
#
# ARTICLES_DIR defaults to ../shared/data/articles (or testdata), OUT_DIR
# to a new temporary directory. Needs python3 (to write the JSON lines)
# and, for the picture, Graphviz dot.
set -euo pipefail

articles="${1:-../shared/data/articles}"
[ -d "$articles" ] || articles=testdata
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
ng="$out/newsgraph"
go build -o "$ng" ./cmd/newsgraph

# 1. The feed: one JSON object per line, {"id", "text", "date", "url"}.
python3 - "$articles" >"$out/articles.jsonl" <<'PY'
import glob, json, os, sys
for i, f in enumerate(sorted(glob.glob(os.path.join(sys.argv[1], "*.txt")))):
    print(json.dumps({"id": os.path.basename(f)[:-4], "text": open(f).read(),
                      "date": "2026-11-%02d" % (1 + i % 28), "url": "file://" + os.path.abspath(f)}))
PY

# 2. Per-article entities and relations, one line per article, in input
# order; a failed article is an {"id", "error"} line and exit status 1.
"$ng" extract --input jsonl --format jsonl -j 2 "$out/articles.jsonl" >"$out/results.jsonl"
echo "results: $(wc -l <"$out/results.jsonl") lines for $(wc -l <"$out/articles.jsonl") articles"

# 3. The corpus graph, saved for queries, and its exports.
"$ng" graph --input jsonl --out "$out/corpus.json" "$out/articles.jsonl"
"$ng" graph --input jsonl --format graphml --out "$out/corpus.graphml" "$out/articles.jsonl"
"$ng" graph --input jsonl --format csv --out "$out/csv" "$out/articles.jsonl"
"$ng" graph --input jsonl --format cypher --out "$out/corpus.cypher" "$out/articles.jsonl"
# The state-level view, conflictual relations only, as a picture.
if command -v dot >/dev/null; then
	"$ng" graph --input jsonl --format dot --state --polarity conflictual "$out/articles.jsonl" |
		dot -Tsvg -o "$out/conflict.svg"
fi

# 4. Questions.
"$ng" query "$out/corpus.json" top --by pagerank -n 5
"$ng" query "$out/corpus.json" neighbours Putin
"$ng" query "$out/corpus.json" path "Mark Rutte" "Vladimir Putin"
# Saved, then cut: piping into head would kill query with SIGPIPE when
# head exits first, and pipefail would fail the script on it.
"$ng" query --state "$out/corpus.json" counts --by country-pair >"$out/counts.txt"
head -8 "$out/counts.txt"
echo "outputs in $out"
