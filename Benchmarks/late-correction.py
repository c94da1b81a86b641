#!/usr/bin/env python3
"""Inserts a one-sentence paragraph three quarters down an article's body: a late correction.

The story page changes (a line appended at the end can land in the trailer the cleaner drops,
changing no page), and it usually lies past the first 25 sentences clustering reads, as
corrections do. Used by Benchmarks/run.sh (one-changed) and scripts/kill-test.sh.

Usage: late-correction.py FILE LABEL
"""
import sys

path, label = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    text = f.read()
head, sep, body = text.partition("\n---\n")
paragraphs = body.split("\n\n")
paragraphs.insert(len(paragraphs) * 3 // 4, f"A late update ({label}) said the figures were still being checked.")
with open(path, "w", encoding="utf-8") as f:
    f.write(head + sep + "\n\n".join(paragraphs))
