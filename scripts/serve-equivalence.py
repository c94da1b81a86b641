#!/usr/bin/env python3
"""`briefing serve` after many edits of every kind must hold the site a full build makes.

Generates ARTICLES articles (Benchmarks/generate.py), starts `briefing serve --verbose` on them,
then makes EDITS seeded random edits one at a time, each waited for until serve prints its
rebuild line: late corrections (which serve patches into its last build), new leads and headlines
(which recluster), new published times, touches, added and removed articles. Then it stops serve,
builds the same articles from scratch without a cache, and compares the two sites file by file.

Usage: scripts/serve-equivalence.py [EDITS] [ARTICLES] [SEED]   (defaults 30, 1000, 1)
Prints 'serve-equivalence: ...' and exits non-zero when the sites differ, a rebuild does not come,
or no edit was patched (the check of the patched rebuild could not have failed).
"""
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BRIEFING = os.environ.get("BRIEFING", os.path.join(ROOT, ".build/release/briefing"))


def edit(path, kind, step):
    with open(path, encoding="utf-8") as f:
        head, sep, body = f.read().partition("\n---\n")
    if kind == "late":
        paragraphs = body.split("\n\n")
        paragraphs.insert(len(paragraphs) * 3 // 4, f"A late update ({step}) said the checks went on.")
        body = "\n\n".join(paragraphs)
    elif kind == "lead":
        body = f"Breaking ({step}): " + body.lstrip()
    elif kind == "title":
        head = re.sub(r"^(title: \"?)", r"\1Update: ", head, count=1, flags=re.M)
    elif kind == "time":
        head = re.sub(r"(T\d\d:)(\d\d)", lambda m: m.group(1) + ("17" if m.group(2) != "17" else "18"), head, count=1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + sep + body)


def tree(root):
    """Every file under `root` by relative path, with its bytes."""
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, root)] = f.read()
    return files


def differences(a, b):
    left, right = tree(a), tree(b)
    return sorted(path for path in left.keys() | right.keys() if left.get(path) != right.get(path))


def main():
    edits = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    articles = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    work = tempfile.mkdtemp(prefix="briefing-serve-eq.")
    try:
        content = os.path.join(work, "content")
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/generate.py"), str(articles), content],
                       check=True, stdout=subprocess.DEVNULL)
        server = subprocess.Popen(
            [BRIEFING, "serve", "--content", content, "--output", os.path.join(work, "served"), "--port", "0", "--verbose"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        lines, changed = [], threading.Condition()

        def read():
            for line in server.stdout:
                with changed:
                    lines.append(line)
                    changed.notify_all()

        threading.Thread(target=read, daemon=True).start()

        def wait_for(pattern, count):
            with changed:
                if not changed.wait_for(lambda: sum(1 for l in lines if re.search(pattern, l)) >= count, timeout=120):
                    sys.exit("serve-equivalence: no rebuild line; serve printed:\n" + "".join(lines[-20:]))

        wait_for(r"http://", 1)
        files = sorted(os.path.join(r, n) for r, _, names in os.walk(content) for n in names if n.endswith(".md"))
        kinds = ["late"] * 6 + ["lead", "title", "time", "touch", "add", "remove"]
        for step in range(1, edits + 1):
            kind = rng.choice(kinds)
            path = rng.choice(files)
            if kind == "touch":
                os.utime(path)
            elif kind == "add":
                copy = path[:-3] + f"-copy{step}.md"
                shutil.copyfile(path, copy)
                files.append(copy)
            elif kind == "remove":
                os.remove(path)
                files.remove(path)
            else:
                edit(path, kind, step)
            wait_for(r"^Rebuilt in |^Build failed", step)
        server.terminate()
        server.wait(timeout=30)
        patched = sum(1 for l in lines if re.match(r"Stages: .*\bpatch ", l))

        full = os.path.join(work, "full")
        subprocess.run([BRIEFING, "build", "--content", content, "--output", full, "--quiet"], cwd=ROOT)
        different = differences(os.path.join(work, "served"), full)
        print(f"serve-equivalence: {edits} edits ({patched} patched), {articles} articles: "
              + ("site identical to a full build" if not different else f"{len(different)} files differ, e.g. {different[:3]}"))
        if different or patched == 0:
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
