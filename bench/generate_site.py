#!/usr/bin/env python3
"""Writes N Gazette JSON stories (docs/data-loading.md) built from the real BBC News data set:
copies of its 2,225 stories with distinct slugs and dates, in files of 10,000 for `gazette load`.
Usage: generate_site.py BBC_FOLDER OUT_FOLDER N"""
import json, os, re, sys, datetime

src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
stories = []
for section in sorted(os.listdir(src)):
    folder = os.path.join(src, section)
    if not os.path.isdir(folder):
        continue
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding='latin-1') as f:
            lines = [l.strip() for l in f.read().split('\n')]
        paragraphs = [l for l in lines[1:] if l]
        stories.append((section, lines[0], paragraphs))
topics = ['Economy', 'Elections', 'Markets', 'Music', 'Film', 'Football', 'Tennis', 'Mobile', 'Internet',
          'Games', 'Europe', 'Asia', 'America', 'Health', 'Energy', 'Trade', 'Courts', 'Media', 'Security', 'Science']
os.makedirs(out, exist_ok=True)
start = datetime.datetime(2004, 1, 1, tzinfo=datetime.timezone.utc)
batch, files = [], 0
for i in range(n):
    section, title, paragraphs = stories[i % len(stories)]
    slug = re.sub(r'[^a-z0-9]+', '-', title.lower()).strip('-')[:60] + f'-{i}'
    when = start + datetime.timedelta(minutes=17 * i)
    batch.append({
        'language': 'en', 'slug': slug, 'section': section.capitalize(), 'headline': title,
        'standfirst': paragraphs[0] if paragraphs else '', 'dateline': 'London', 'source': 'BBC News',
        'published_at': when.strftime('%Y-%m-%dT%H:%M:%SZ'), 'status': 'published',
        'tags': [topics[i % len(topics)], topics[(i // 7) % len(topics)]], 'body_paragraphs': paragraphs[1:],
    })
    if len(batch) == 10000 or i == n - 1:
        with open(os.path.join(out, f'stories-{files:03d}.json'), 'w') as f:
            json.dump(batch, f)
        batch, files = [], files + 1
