#!/usr/bin/env python3
"""Checks a built site's feeds and sitemap with third-party parsers (optional; the Swift tests
stand alone). Needs `feedparser` (python3 -m pip install feedparser).

    python3 scripts/validate-feeds.py public
"""
import json
import sys
import xml.etree.ElementTree as ET
from datetime import datetime

import feedparser


def rfc3339(text):
    datetime.fromisoformat(text.replace("Z", "+00:00"))
    return text


def main(site):
    problems = []
    atom = feedparser.parse(f"{site}/feed.xml")
    if atom.bozo:
        problems.append(f"feed.xml: {atom.bozo_exception}")
    if atom.version != "atom10":
        problems.append(f"feed.xml: parsed as {atom.version!r}, not Atom 1.0")
    ids = [e.id for e in atom.entries]
    if len(ids) != len(set(ids)):
        problems.append("feed.xml: duplicate entry ids")
    for e in atom.entries:
        for key in ("id", "title", "link", "updated"):
            if not e.get(key):
                problems.append(f"feed.xml: entry {e.get('id')} has no {key}")

    with open(f"{site}/feed.json", encoding="utf-8") as f:
        feed = json.load(f)
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append("feed.json: wrong version")
    items = feed.get("items", [])
    if len({i["id"] for i in items}) != len(items):
        problems.append("feed.json: duplicate item ids")
    for i in items:
        if not ("content_text" in i or "content_html" in i):
            problems.append(f"feed.json: item {i['id']} has no content")
        for key in ("date_published", "date_modified"):
            try:
                rfc3339(i[key])
            except (KeyError, ValueError):
                problems.append(f"feed.json: item {i['id']} has a bad {key}")

    try:
        urlset = ET.parse(f"{site}/sitemap.xml").getroot()
        ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
        locs = [u.findtext(f"{ns}loc") for u in urlset.iter(f"{ns}url")]
        if not locs or len(locs) != len(set(locs)):
            problems.append("sitemap.xml: empty or duplicate <loc>")
    except FileNotFoundError:
        print("sitemap.xml: absent (relative baseURL)")

    for p in problems:
        print(p)
    print(f"{len(atom.entries)} Atom entries, {len(items)} JSON Feed items: "
          + ("OK" if not problems else f"{len(problems)} problem(s)"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "public"))
