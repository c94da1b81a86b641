#!/usr/bin/env python3
"""End-to-end test of `briefing serve` in a real browser (headless Chromium through selenium).

Copies the sample site into a temp folder, starts `briefing serve` on a free port, opens the
page of a story covered by several outlets, and then, without the test ever reloading the page:

1. edits the title of a later article of that story (not the earliest, whose title names the
   story and its URL) five times and waits for each new headline to show; prints the median
   time from saving the file to the new page being shown;
2. edits the stylesheet and waits for the new style to apply without a reload;
3. breaks the article's front matter and waits for the error overlay (screenshot saved);
4. restores the article and waits for the overlay to go and the headline to come back;
5. breaks a template (nothing can be published) and expects the overlay over the last good page;
6. stops the server with SIGINT and expects it to exit cleanly.

Needs: the debug binary (`swift build`), chromium, chromium-driver and selenium
(scripts/install-browser-test.sh). Exits non-zero on any failure.
"""
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("BRIEFING_BIN", os.path.join(ROOT, ".build", "debug", "briefing"))
SCREENSHOT = os.environ.get("OVERLAY_SCREENSHOT", "/tmp/overlay.png")
EDITS = 5
GOAL_MS = 300

passed, failed = [], []


def check(name, ok, detail=""):
    (passed if ok else failed).append(name)
    print(("ok   " if ok else "FAIL ") + name + (f" — {detail}" if detail else ""), flush=True)
    return ok


def wait_for(condition, timeout=15.0, interval=0.005):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except Exception:
            pass  # the page may be between two loads
        time.sleep(interval)
    return False


class Server:
    """`briefing serve --port 0` in the site folder; reads the URL it prints."""

    def __init__(self, site):
        self.process = subprocess.Popen(
            [BINARY, "serve", "--port", "0"], cwd=site, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.lines, self.url, self.watching = [], None, threading.Event()
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            line = line.rstrip("\n")
            self.lines.append(line)
            print("  serve| " + line, flush=True)
            match = re.match(r"Serving (http://\S+/)", line)
            if match:
                self.url = match.group(1)
            if line.startswith("Watching "):
                self.ready.set()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                return self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                return None
        return self.process.returncode


def browser():
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1200,900", "--disable-background-timer-throttling"]:
        options.add_argument(argument)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def pick_story(base):
    """A story with several articles, and its latest-published Markdown article (not the
    earliest: the earliest article's title is the story's id and URL)."""
    stories = json.load(urllib.request.urlopen(base + "stories.json", timeout=10))["stories"]
    for story in stories:
        articles = [a for a in story["articles"] if a.get("source", "").endswith(".md")]
        if len(story["articles"]) >= 3 and articles:
            earliest = min(story["articles"], key=lambda a: a["published"])
            later = sorted((a for a in articles if a is not earliest), key=lambda a: a["published"])
            if later:
                return story, later[-1]
    raise SystemExit("no multi-article story in the sample site")


def shown_at(driver):
    """When the current page was shown, in epoch ms by the browser's clock (the same machine's
    clock as the test's): first contentful paint, else DOMContentLoaded."""
    return driver.execute_script("""
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        const nav = performance.getEntriesByType('navigation')[0];
        const at = paint ? paint.startTime : (nav ? nav.domContentLoadedEventEnd : performance.now());
        return performance.timeOrigin + at;""")


def headlines_text(driver):
    return driver.execute_script(
        "const s = document.querySelector('section.headlines'); return s ? s.textContent : '';")


def main():
    if not os.access(BINARY, os.X_OK):
        print(f"error: {BINARY} not found; run `swift build` first", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="briefing-browser-")
    for name in ["content", "templates"]:
        shutil.copytree(os.path.join(ROOT, name), os.path.join(work, name))
    shutil.copy(os.path.join(ROOT, "briefing.yml"), work)

    server = Server(work)
    driver = None
    try:
        if not check("serve starts and watches", server.ready.wait(60) and server.url is not None):
            return 1
        story, article = pick_story(server.url)
        path = os.path.join(work, "content", article["source"])
        original = open(path, encoding="utf-8").read()
        title_line = re.search(r'^title: .*$', original, re.M)
        if not check("article has a title line", title_line is not None, article["source"]):
            return 1
        page = server.url + story["url"]
        print(f"  story {story['id']}: editing {article['source']}", flush=True)

        driver = browser()
        driver.get(page)
        check("story page shows the article's headline", wait_for(lambda: article["title"] in headlines_text(driver)))
        check("page carries the live-reload script",
              driver.execute_script("return !!document.querySelector('script[data-briefing-live-reload]')"))

        # 1. Title edits: the page must show each new headline by itself.
        latencies, build_ms = [], []
        for i in range(1, EDITS + 1):
            new_title = f"{article['title']} (edit {i})"
            driver.execute_script("window.__briefingTestMarker = true")
            text = original.replace(title_line.group(0), "title: " + json.dumps(new_title), 1)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            saved = time.time() * 1000
            ok = wait_for(lambda: new_title in headlines_text(driver))
            if not check(f"edit {i}: new headline shown without a reload from the test", ok):
                break
            reloaded = driver.execute_script("return window.__briefingTestMarker === undefined")
            latencies.append(shown_at(driver) - saved)
            rebuilt = [int(m.group(1)) for m in map(re.compile(r"Rebuilt in (\d+) ms").match, server.lines) if m]
            build_ms.append(rebuilt[-1] if rebuilt else 0)
            check(f"edit {i}: the page reloaded itself", reloaded,
                  f"{latencies[-1]:.0f} ms from save to shown, of which the build took {build_ms[-1]} ms")
            time.sleep(0.3)
        if latencies:
            median = statistics.median(latencies)
            print(f"save-to-visible: median {median:.0f} ms over {len(latencies)} edits "
                  f"({', '.join(f'{x:.0f}' for x in latencies)} ms); goal {GOAL_MS} ms: "
                  f"{'met' if median < GOAL_MS else 'NOT met'}", flush=True)
            overhead = statistics.median(t - b for t, b in zip(latencies, build_ms))
            print(f"  of which the site build (median): {statistics.median(build_ms):.0f} ms; "
                  f"serve's own share (watch, debounce, event, reload, paint): {overhead:.0f} ms", flush=True)

        # 2. A stylesheet-only change is swapped in place: no reload, new style applied.
        css = os.path.join(work, "templates", "static", "style.css")
        css_original = open(css, encoding="utf-8").read()
        driver.execute_script("window.__briefingTestMarker = true")
        with open(css, "a", encoding="utf-8") as f:
            f.write("\nbody { outline: 3px solid rgb(1, 2, 3); }\n")
        applied = wait_for(lambda: driver.execute_script(
            "return getComputedStyle(document.body).outlineColor") == "rgb(1, 2, 3)")
        check("stylesheet change applied", applied)
        check("stylesheet change swapped without a reload",
              driver.execute_script("return window.__briefingTestMarker === true"))
        with open(css, "w", encoding="utf-8") as f:
            f.write(css_original)
        wait_for(lambda: driver.execute_script("return getComputedStyle(document.body).outlineColor") != "rgb(1, 2, 3)")

        # 3. Broken front matter: the overlay shows the error the terminal printed.
        with open(path, "w", encoding="utf-8") as f:
            f.write(original.replace(title_line.group(0), 'title: "never closed\nbad: [', 1))
        overlay_js = "const o = document.getElementById('briefing-error-overlay'); return o ? o.textContent : null;"
        shown = wait_for(lambda: (driver.execute_script(overlay_js) or "").find(": error:") >= 0)
        overlay = driver.execute_script(overlay_js) or ""
        check("error overlay shown", shown, overlay.splitlines()[2] if len(overlay.splitlines()) > 2 else overlay)
        check("overlay names the file as path:line:col", re.search(re.escape(article["source"]) + r":\d+:\d+: error: ", overlay) is not None)
        check("terminal printed the same error", wait_for(
            lambda: any(article["source"] in l and ": error: " in l and l in overlay for l in server.lines), 5))
        # The broken article may have given the story its title; the other outlets' headlines stay.
        others = [a["title"] for a in story["articles"] if a["source"] != article["source"]]
        check("rest of the story still served", wait_for(lambda: all(t in headlines_text(driver) for t in others), 5))
        driver.save_screenshot(SCREENSHOT)
        print(f"  overlay screenshot: {SCREENSHOT}", flush=True)

        # 4. Fixing the file clears the overlay and brings the headline back.
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        check("overlay cleared after the fix", wait_for(lambda: driver.execute_script(overlay_js) is None))
        check("headline back after the fix", wait_for(lambda: article["title"] in headlines_text(driver)))

        # 5. A template syntax error publishes nothing: the overlay shows over the last good site.
        template = os.path.join(work, "templates", "story.mustache")
        template_original = open(template, encoding="utf-8").read()
        driver.execute_script("window.__briefingTestMarker = true")
        with open(template, "a", encoding="utf-8") as f:
            f.write("{{#story}}never closed\n")
        shown = wait_for(lambda: "templates/story.mustache:" in (driver.execute_script(overlay_js) or ""))
        check("template error shown in the overlay", shown)
        check("last good page kept (no reload)", driver.execute_script("return window.__briefingTestMarker === true")
              and article["title"] in headlines_text(driver))
        with open(template, "w", encoding="utf-8") as f:
            f.write(template_original)
        check("overlay cleared after fixing the template", wait_for(lambda: driver.execute_script(overlay_js) is None))
    finally:
        if driver is not None:
            driver.quit()
        status = server.stop()
        check("serve stops cleanly on SIGINT", status == 0, f"exit status {status}")
        shutil.rmtree(work, ignore_errors=True)

    print(f"browser: {len(passed)} passed, {len(failed)} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
