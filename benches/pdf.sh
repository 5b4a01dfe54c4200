#!/usr/bin/env bash
# PDF benchmark (issue 4): whole `brief build` processes against the bare
# `typst compile` of the Typst source brief emits, timed with hyperfine.
#
#   benches/pdf.sh [TYPST]      TYPST: a typst 0.15.1 binary (default: `typst` on PATH)
#
# (a) one example brief end to end (corpus load, extraction, spec, Markdown,
#     PDF) against `typst compile` of its emitted .typ, same template, same fonts;
# (b) every example brief and audience in one `brief build` against one
#     process per output.
# Needs: hyperfine, a release build (cargo build --release), fonts-noto-cjk.
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
cp out/asylum-under-xi/press.typ press.typ

echo "## (a) one brief: brief end to end vs typst compile of the emitted source"
hyperfine --warmup 3 --runs 20 -N \
    "$brief build briefs/asylum-under-xi.yaml --audience press --out out-a" \
    "$typst compile --root . press.typ press-typst.pdf"

echo "## (b) all example briefs and audiences: one build vs one process per output"
cat > per-output.sh <<SH
for a in policymakers press; do "$brief" build briefs/asylum-under-xi.yaml --audience \$a --out out-b > /dev/null; done
for a in policymakers researchers; do "$brief" build briefs/overland-route.yaml --audience \$a --out out-b > /dev/null; done
SH
hyperfine --warmup 2 --runs 10 \
    "$brief build --out out-all" \
    "bash per-output.sh"
