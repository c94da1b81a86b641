#!/usr/bin/env python3
"""Audit outlet-only claims: are they really absent from the other outlets' articles?

Reads a built site's stories.json and the content folder it was built from, picks stories at
random (seeded, so the pick is reproducible) among those with two or more outlets, and prints,
for each outlet-only claim, the best-matching sentence (and pair of adjacent sentences) of every
other outlet in the story with a score, so a person can judge whether the claim is a mistake.

    scripts/compare-audit.py SITE/stories.json CONTENT_DIR [--stories 5] [--seed 4] [--ids ID ...]

Score = share of the claim's content words (stemmed, stop words removed) that the other
sentence contains. Above ~0.6 deserves a careful look; below ~0.35 is almost never the same fact.
Standard library only.
"""
import argparse
import json
import random
import re
import sys
from pathlib import Path

STOP = set("""a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers him his how i if in into is it its itself just me more most my no nor not now
of off on once only or other our out over own same she should so some such than that the their them then
there these they this those through to too under until up very was we were what when where which while who
whom why will with would you your said says say told mr ms mrs dr also may might must us yet however though
even since per among new one like well much many way""".split())


def stem(w):
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def terms(text):
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9'’,.]*[A-Za-z0-9]|[A-Za-z0-9]", text)
    out = []
    for w in words:
        w = w.lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if not re.search(r"\d", w):
            w = w.replace(",", "").replace(".", "")
        if len(w) < 2 or w in STOP:
            continue
        out.append(stem(w))
    return out


def body(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end >= 0:
            text = text[end + 4:]
    return text


def sentences(text):
    out = []
    for para in re.split(r"\n\s*\n|\n", text):
        para = para.strip()
        if not para:
            continue
        # Rough split: good enough to show a reader the neighbourhood of a match.
        parts = re.split(r'(?:(?<=[.!?])|(?<=[.!?][”"’)]))\s+(?=[“"‘(]?[A-Z0-9])', para)
        out.extend(p.strip() for p in parts if p.strip())
    return out


def best_match(claim_terms, candidates):
    """Best single sentence and best pair of adjacent sentences by share of claim words covered."""
    want = set(claim_terms)
    if not want:
        return (0.0, ""), (0.0, "")
    sets = [set(terms(s)) for s in candidates]
    single = max(((len(want & s) / len(want), c) for s, c in zip(sets, candidates)), default=(0.0, ""))
    pair = max(((len(want & (a | b)) / len(want), c1 + " ‖ " + c2)
                for a, b, c1, c2 in zip(sets, sets[1:], candidates, candidates[1:])), default=(0.0, ""))
    return single, pair


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stories_json")
    ap.add_argument("content")
    ap.add_argument("--stories", type=int, default=5)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--ids", nargs="*", help="audit these story ids instead of a random pick")
    ap.add_argument("--min-score", type=float, default=0.0, help="print only claims scoring at least this")
    args = ap.parse_args()

    doc = json.loads(Path(args.stories_json).read_text(encoding="utf-8"))
    multi = sorted((s for s in doc["stories"] if len(set(s["outlets"])) >= 2), key=lambda s: s["id"])
    if args.ids:
        picked = [s for s in multi if s["id"] in set(args.ids)]
    else:
        picked = random.Random(args.seed).sample(multi, min(args.stories, len(multi)))
    content = Path(args.content)
    summary = []
    for story in picked:
        by_outlet = {}
        for a in story["articles"]:
            by_outlet.setdefault(a["outlet"], []).extend(sentences(body(content / a["source"])))
        only = story["comparison"]["only"]
        count = sum(len(v) for v in only.values())
        print(f"\n=== {story['id']}  ({story['date']}, {', '.join(sorted(by_outlet))}): {count} outlet-only claims")
        for outlet in sorted(only):
            for n, claim in enumerate(only[outlet], 1):
                ct = terms(claim)
                rows = []
                for other in sorted(by_outlet):
                    if other == outlet:
                        continue
                    (s1, t1), (s2, t2) = best_match(ct, by_outlet[other])
                    rows.append((s1, s2, other, t1, t2))
                top = max((r[0] for r in rows), default=0.0)
                if top < args.min_score:
                    continue
                print(f"\n[{outlet} #{n}] {claim}")
                for s1, s2, other, t1, t2 in rows:
                    print(f"    {other}: {s1:.2f}  {t1[:400]}")
                    if s2 > s1 + 0.1:
                        print(f"    {other} (two sentences): {s2:.2f}  {t2[:500]}")
        summary.append((story["id"], count))
    print("\nstory\toutlet-only claims")
    for sid, count in summary:
        print(f"{sid}\t{count}")


if __name__ == "__main__":
    sys.exit(main())
