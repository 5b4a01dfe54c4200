#!/bin/bash
# Scores quotes on a PolNeAR split with every miss and wrong speaker listed
# (the team's score.py cuts its lists at 40), and counts the wrong names:
# speakers that are set and do not match the gold's mention.
#   scripts/score-quotes.sh dev|train [brief binary]   (JSON kept in /tmp/q-<split>.json)
set -euo pipefail
D=${DEVSETS:-../shared/devsets}
B=${2:-target/release/brief}
split=$1
"$B" corpus quotes --json --corpus "$D/polnear/$split/corpus" 2>/dev/null > "/tmp/q-$split.json"
sed -e 's/misses\[:40\]/misses/; s/wrong\[:40\]/wrong/' "$D/score.py" > /tmp/score-all.py
python3 /tmp/score-all.py quotes "$D/polnear/$split/gold.yaml" "/tmp/q-$split.json" --loose-speaker > "/tmp/q-$split.score" || true  # score.py exits 1 below its own bar
tail -1 "/tmp/q-$split.score"
echo "wrong names: $(grep "speaker:" "/tmp/q-$split.score" | grep -vc "': None (gold" || true)"
