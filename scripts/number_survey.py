# Every number in PolNeAR train that no figure covers, by form.
# Usage: brief corpus figures --json --corpus ../shared/devsets/polnear/train/corpus > /tmp/t.json
#        python3 scripts/number_survey.py /tmp/t.json
# Prints "covered N uncovered M" and the uncovered numbers by class; writes
# their contexts to /tmp/number-survey.json. Reads the corpus; copies nothing.
import json,collections,re,sys,random
figs=json.load(open(sys.argv[1]))
import os.path
C=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'devsets', 'polnear', 'train', 'corpus') + '/'
bydoc=collections.defaultdict(list)
for x in figs: bydoc[x['doc']].append(x)
import os
docs=sorted(f[:-4] for f in os.listdir(C))
W=['one','two','three','four','five','six','seven','eight','nine','ten','eleven','twelve','thirteen','fourteen','fifteen','sixteen','seventeen','eighteen','nineteen','twenty','thirty','forty','fifty','sixty','seventy','eighty','ninety','hundred','thousand','million','billion','trillion']
NW='(?:'+'|'.join(W)+')'
NUM=re.compile(r"(?<![\w.,])(?:\$|£|€)?\d+(?:,\d{3})*(?:\.\d+)?(?:st|nd|rd|th|s|%)?(?![\w])|(?<![\w-])"+NW+r"(?:[- ]"+NW+r")*(?![\w])",re.I)
MON='jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december'
TU=r'(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|nights?|yrs?|terms?)'
def classify(t,s,e):
  tok=t[s:e]; low=tok.lower()
  pre=t[max(0,s-40):s]; post=t[e:e+40]
  pw=re.findall(r"[\w'’.$%]+",pre); nw=re.findall(r"[\w'’.%]+",post)
  p1=pw[-1].lower() if pw else ''; n1=nw[0].lower() if nw else ''
  n2=nw[1].lower() if len(nw)>1 else ''
  if re.fullmatch(r'\d{4}s?',tok) and 1000<=int(tok[:4])<2200: return 'year/decade'
  if re.fullmatch(r"\d+'?s",tok): return 'year/decade'
  if re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|ET\b|EST\b)",post,re.I) or re.match(r':\d',post) or re.search(r'\d:$',pre): return 'time'
  if re.fullmatch(r'\d+(st|nd|rd|th)',low) or re.search(r'\b(No\.|number|#)\s*$',pre,re.I): return 'ordinal/rank'
  if re.fullmatch('('+MON+r')\.?',p1) or re.match(r'\s*('+MON+r')\b',post,re.I) and re.fullmatch(r'\d{1,2}',tok): return 'date'
  if re.search(r'\d-$',pre) or re.match(r'-\d',post) or re.match(r'\s+to\s+\d',post) and re.search(r'(vote|votes|margin|won|lost|beat|ruled|decision|tally)\b',t[max(0,s-60):e+40],re.I): return 'tally/score/range'
  if re.match(r'[- ]years?[- ]old',post,re.I) or re.search(r'\b(aged|age|ages)\s*$',pre,re.I) or re.search(r'\d+-year-old',tok+post): return 'age'
  if re.search(r'[A-Z]\w+,\s*$',pre) and re.match(r'[,.;)]|\s+(?:and|of)\b',post) and re.fullmatch(r'\d{2}',tok): return 'age(appositive)'
  if re.search(r'\(\s*$',pre) and re.match(r'\)',post) and re.fullmatch(r'\d{2}',tok) and re.search(r'[A-Z]\w+\s*\(\s*$',pre): return 'age(appositive)'
  if re.search(r'(?:id|timestamp|datetime)="?\s*$',pre) or len(tok)>=10 and tok.isdigit(): return 'markup/id'
  if re.search(r'(?:^|\n|[.)]\s\s|:\s\s)\s*$',pre) and re.match(r'[.)]\s|\s+[A-Z]',post) and re.fullmatch(r'\d{1,2}',tok): return 'list marker'
  # Left out as the measure leaves them out: any bare "one" ("the one",
  # "one-on-one"), ranges ("two or three", "40 to 50", "between 18 and
  # 29"), slashed dates and names ("9/11", "24/7", "1/3"), mis-encoded
  # letters ("GÃ1⁄4len").
  if low=='one': return 'one'
  if re.search(r'Ã$',pre) or re.match(r'⁄',post): return 'markup/id'
  if re.search(r'\d/$',pre) or re.match(r'/\d',post): return 'slashed (9/11)'
  # A range ascends ("30 to 70", "two or three"); "458 to 359" is a score.
  R=r'(\d[\d,]*(?:\.\d+)?|'+NW+r')'
  def val(x):
    x=x.lower().replace(',','')
    if x[0].isdigit(): return float(x)
    return W.index(x)+1 if W.index(x)<20 else None
  def ascends(a,b,o):
    if o.lower()=='or': return True
    va,vb=val(a),val(b)
    return va is not None and vb is not None and va<vb and not 1000<=va<2200
  m=re.match(r'\s+(or|to)\s+\$?'+R+r'(?![\w])',post,re.I)
  if m and ascends(tok.lstrip('$£€%'),m.group(2),m.group(1)): return 'range'
  m=re.search(r'(?<![\w.,])'+R+r'%?\s+(or|to)\s+$',pre,re.I)
  if m and ascends(m.group(1),tok.lstrip('$£€').rstrip('%'),m.group(2)): return 'range'
  if re.search(r'\bbetween\s+$',pre,re.I) and re.match(r'\s+and\s+'+R,post,re.I) \
     or re.search(r'\bbetween\s+'+R+r'\s+and\s+$',pre,re.I): return 'range'
  if re.search(r'\b(?:the|those|these|all|both|its|their|his|her|our)\s*$',pre,re.I) and not re.fullmatch(r'[\d,.]+',tok) : return 'referential (the two ...)'
  if re.search(r'\b(?:the|those|these|all|both)\s*$',pre,re.I): return 'the+digits'
  if re.match(r'-'+TU+r'\b',post,re.I) or re.match(r'\s+'+TU+r'\b',post,re.I) or re.match(r'\s+(?:more|full|straight|consecutive|long|short|additional|previous|past|last|next)\s+'+TU,post,re.I): return 'duration'
  if re.match(r'-(?:[a-z]+)\b',post) : return 'attributive(hyphen)'
  if re.match(r'\s*(?:%|percent|per cent|percentage)',post,re.I) or tok.endswith('%'): return 'percent(missed)'
  if tok[0] in '$£€' or re.match(r'\s*(?:dollars|cents)',post,re.I): return 'money(missed)'
  if low in ('one','a'): return 'one'
  if re.match(r'\s+of\s+(?:the|them|those|these|us|whom|[A-Z]\w*’s|[A-Z]\w*\'s|\w+s\b)',post) : return 'part of group (N of the X)'
  if re.match(r'\s+(?:of|out of|in)\s+(?:\d|'+NW+')',post,re.I): return 'N of M'
  if re.match(r'\s*(?:of)\b',post): return 'N of other'
  if re.search(r'[A-Z][\w.]*\s*$',pre) and re.fullmatch(r'\d+',tok) and not re.search(r'(?:^|[.!?"“]\s*)[A-Z]\w*\s*$',pre): return 'name/label'
  if not nw or re.match(r'\s*[.,;:!?)"”\]]',post): return 'lone'
  if re.match(r'\s+(?:times)\b',post): return 'times'
  if n1 in ('points','point','seats','votes','delegates'): return 'count:'+n1
  if n1 in ('million','billion','thousand','hundred'): return 'scale'
  if re.match(r'\s+[A-Z]',post): return 'before-capitalised'
  return 'other+word'
res=collections.defaultdict(list)
covered=[0]
for d in docs:
  raw=open(C+d+'.txt',encoding='utf-8').read()
  nl=raw.find('\n\n')
  b=raw.encode()
  best=(-1,0)
  for sh in range(0,600):
    k=sum(1 for x in bydoc.get(d,[]) if b[x['start']+sh:x['end']+sh].decode(errors='replace')==x['text'])
    if k>best[0]: best=(k,sh)
    if k==len(bydoc.get(d,[])): break
  shift=best[1]
  if best[0]<len(bydoc.get(d,[])): print('MISMATCH',d,best,len(bydoc[d]))
  spans=[]
  for x in bydoc.get(d,[]):
    s=x['start']+shift; e=x['end']+shift
    spans.append((len(b[:s].decode(errors='ignore')),len(b[:e].decode(errors='ignore'))))
  body=raw
  for m in NUM.finditer(body):
    s,e=m.span()
    if s<nl+2: continue
    if any(a<e and s<z for a,z in spans):
      covered[0]+=1; continue
    c=classify(body,s,e)
    ctx=body[max(0,s-50):s]+'[['+body[s:e]+']]'+body[e:e+40]
    res[c].append((d,ctx.replace('\n',' ')))
tot=sum(len(v) for v in res.values())
print("covered",covered[0],"uncovered",tot)
# Not quantities (the measure leaves them out); every other class is.
OUT={'year/decade','one','time','date','ordinal/rank','tally/score/range','markup/id','name/label','list marker','range','slashed (9/11)'}
rest=sum(len(v) for c,v in res.items() if c not in OUT)
print("uncovered quantities",rest,"share covered %.3f"%(covered[0]/(covered[0]+rest)))
for c,v in sorted(res.items(),key=lambda kv:-len(kv[1])):
  print(f'{len(v):6d} {c}')
json.dump(res,open('/tmp/number-survey.json','w'))
