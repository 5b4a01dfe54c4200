#!/usr/bin/env bash
# Screenshots of the example briefs' HTML pages for docs/: the page as
# Debian's Chromium draws it, whole, at a desktop width (1000 CSS px) and a
# phone width (390 px), beside the PDF page images.
#
#   scripts/html-screenshots.sh        (needs chromium and a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
brief=$(realpath "${CARGO_TARGET_DIR:-target}/release/brief")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r briefs corpus templates "$work"/
(cd "$work" && BRIEF_TODAY=2025-03-03 "$brief" build --format md,html > /dev/null)
chrome() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "$@" 2>/dev/null; }
for page in asylum-under-xi/press overland-route/researchers; do
    html="$work/out/$page.html"
    for width in 1000 390; do
        # The page's height at this width, measured by the browser itself.
        probe="$work/probe.html"
        sed 's|</body>|<script>document.body.setAttribute("data-height", document.documentElement.scrollHeight)</script></body>|' "$html" > "$probe"
        height=$(chrome --window-size="$width,900" --dump-dom "file://$probe" | sed -n 's/.*data-height="\([0-9]*\)".*/\1/p')
        name="docs/${page%%/*}-${page##*/}-html-$width.png"
        chrome --window-size="$width,$height" --screenshot="$name" "file://$html"
        echo "$name: ${width}x$height"
    done
done
