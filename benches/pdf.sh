#!/usr/bin/env bash
# PDF benchmark (issues 4 and 16): whole `brief build` processes against
# `typst compile` of the Typst sources brief emits, timed with hyperfine.
#
#   benches/pdf.sh [TYPST]      TYPST: a typst 0.15.1 binary (default: `typst` on PATH)
#
# (a) one example brief end to end (corpus load, extraction, spec, Markdown,
#     chart, PDF) against `typst compile` of its own emitted .typ, same
#     template, same fonts; target ≤ 1.2×;
# (b) every example brief and audience in one `brief build --force` against
#     one `typst compile` process per output of the same emitted sources
#     (the sum of their means); target ≥ 3× faster.
# Both brief commands use --force: without it a repeated run finds every
# output up to date and builds nothing.
# Needs: hyperfine, python3, a release build (cargo build --release),
# fonts-noto-cjk.
set -euo pipefail
cd "$(dirname "$0")/.."
typst=${1:-typst}
brief=${CARGO_TARGET_DIR:-target}/release/brief
[ -x "$brief" ] || { echo "build first: cargo build --release" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r briefs corpus templates "$work"/
brief=$(realpath "$brief")
cd "$work"
export BRIEF_TODAY=2025-03-03
"$brief" build --emit typst > /dev/null
# Each spec's output directory is a Typst project root as brief's own
# compilation sees it: the sources, `charts/` and `templates/`.
sources=()
for dir in out/*/; do
    cp -r templates "$dir"
    for typ in "$dir"*.typ; do sources+=("$typ"); done
done

echo "## (a) one brief: brief end to end vs typst compile of its emitted source"
hyperfine --warmup 3 --runs 20 -N --export-json a.json \
    "$brief build briefs/asylum-under-xi.yaml --audience press --force --out out-a" \
    "$typst compile --root out/asylum-under-xi out/asylum-under-xi/press.typ press-typst.pdf"

echo "## (b) all ${#sources[@]} outputs: one brief build vs one typst compile per output"
commands=("$brief build --force --out out-all")
for typ in "${sources[@]}"; do
    commands+=("$typst compile --root $(dirname "$typ") $typ ${typ%.typ}-typst.pdf")
done
hyperfine --warmup 2 --runs 15 -N --export-json b.json "${commands[@]}"

python3 - <<'PY'
import json
a = [r["mean"] for r in json.load(open("a.json"))["results"]]
b = [r["mean"] for r in json.load(open("b.json"))["results"]]
print(f"(a) brief / typst compile of its source: {a[0]*1e3:.1f} / {a[1]*1e3:.1f} ms = {a[0]/a[1]:.2f}x (target <= 1.2x)")
typst = sum(b[1:])
print(f"(b) {len(b)-1} typst compiles {typst*1e3:.1f} ms / one brief build {b[0]*1e3:.1f} ms = {typst/b[0]:.2f}x faster (target >= 3x)")
PY
