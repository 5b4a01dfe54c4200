#!/bin/sh
# Fills fuzz/corpus/<target>/ with the seeds: the kept regression inputs
# (tests/fuzz/<target>/), the shipped specs for `spec`, and the shipped and
# fixture documents for the others. Run from anywhere; safe to rerun.
set -eu
cd "$(dirname "$0")/.."

seed() { # target, files...
    target=$1
    shift
    mkdir -p "fuzz/corpus/$target"
    for f in "$@"; do
        # Paths flattened into names, so fixtures with the same name do not collide.
        cp "$f" "fuzz/corpus/$target/$(printf '%s' "$f" | tr / _)"
    done
}

specs=$(find briefs tests/fixtures -name '*.yaml' | sort)
documents=$(find corpus tests/fixtures -name '*.md' -o -name '*.txt' | sort)

seed spec tests/fuzz/spec/* $specs
seed quotes tests/fuzz/quotes/* $documents
seed figures tests/fuzz/figures/* $documents
# Spec files hold the analyst's prose, the converter's real input.
seed typst_markup tests/fuzz/typst_markup/* $documents $specs
