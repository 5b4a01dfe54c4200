#!/usr/bin/env python3
"""Speakers and roles that differ between two `brief corpus quotes --json` outputs.

    scripts/qdiff.py before.json after.json
"""
import json,sys
a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2]))
ka={q['id']:q for q in a}; kb={q['id']:q for q in b}
n=0
for k in ka:
    if k in kb and (ka[k].get('speaker'),ka[k].get('role')) != (kb[k].get('speaker'),kb[k].get('role')):
        n+=1
        print(k, '|', ka[k].get('speaker'), '->', kb[k].get('speaker'), '|', kb[k].get('sieve'), '|', (kb[k].get('attribution') or '')[:50], '|', kb[k]['text'][:60])
print(n, 'changed;', len(set(ka)-set(kb)), 'gone;', len(set(kb)-set(ka)), 'new')
