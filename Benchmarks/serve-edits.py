#!/usr/bin/env python3
"""Times one-article rebuilds in a running preview server: Briefing's `serve` or `hugo server`.

Starts the server, waits until it serves, makes one untimed warm-up edit (the first rebuild
after start, printed but not counted, for both servers alike), then RUNS times makes a late
correction (late-correction.py) to a different article and waits for the server's rebuild line. For each
run it appends "SECONDS KB" to REPORTED (the rebuild time the server prints: Briefing's
"Rebuilt in N ms", Hugo's "Total in N ms") and to WALL (from the edit to that line: the file
watcher's delay and debounce included). KB is the server's peak resident memory so far.

Usage: serve-edits.py briefing|hugo CONTENT RUNS REPORTED WALL -- COMMAND...
Exits non-zero when the server does not start or a rebuild line does not come within 120 s.
"""
import os
import re
import subprocess
import sys
import threading
import time

PATTERNS = {
    "briefing": (re.compile(r"http://"), re.compile(r"Rebuilt in (\d+) ms")),
    "hugo": (re.compile(r"Web Server is available"), re.compile(r"Total in (\d+) ms")),
}


def main():
    kind, content, runs, reported, wall = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
    command = sys.argv[sys.argv.index("--") + 1:]
    ready, done = PATTERNS[kind]
    here = os.path.dirname(os.path.abspath(__file__))
    files = sorted(os.path.join(root, name) for root, _, names in os.walk(content) for name in names if name.endswith(".md"))

    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines, reports = [], []
    changed = threading.Condition()

    def read():
        for line in server.stdout:
            with changed:
                lines.append(line)
                match = done.search(line)
                if match:
                    reports.append((time.monotonic(), int(match.group(1))))
                changed.notify_all()

    threading.Thread(target=read, daemon=True).start()
    try:
        with changed:
            if not changed.wait_for(lambda: any(ready.search(l) for l in lines), timeout=600):
                sys.exit(f"serve-edits: {kind} server did not start:\n" + "".join(lines[-20:]))
        time.sleep(1)
        for run in range(0, runs + 1):
            path = files[(run * 7919 + 13) % len(files)]
            with changed:
                seen = len(reports)
            start = time.monotonic()
            subprocess.run([sys.executable, os.path.join(here, "late-correction.py"), path, f"served {run}"], check=True)
            with changed:
                if not changed.wait_for(lambda: len(reports) > seen, timeout=120):
                    sys.exit(f"serve-edits: no rebuild after editing {path}:\n" + "".join(lines[-20:]))
                at, milliseconds = reports[seen]
            if run == 0:
                # The first rebuild after the server started (Briefing's reads the cache from disk;
                # later ones patch what it kept): shown, not counted.
                print(f"  {kind + ' server':<14} warm-up  {milliseconds / 1000:7.3f} s reported (first edit after start, not counted)")
                time.sleep(0.5)
                continue
            kb = peak_kb(server.pid)
            with open(reported, "a") as f:
                f.write(f"{milliseconds / 1000:.3f} {kb}\n")
            with open(wall, "a") as f:
                f.write(f"{at - start:.3f} {kb}\n")
            print(f"  {kind + ' server':<14} run {run}/{runs}  {milliseconds / 1000:7.3f} s reported, "
                  f"{at - start:6.3f} s from the edit  {kb / 1024:8.1f} MB")
            # Past both servers' debounce, so the next edit is a rebuild of its own.
            time.sleep(0.5)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def peak_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


if __name__ == "__main__":
    main()
