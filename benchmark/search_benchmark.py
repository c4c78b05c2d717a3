"""Search benchmark: types each question of benchmark/search-questions.yml into the real search box
of a built site in Chromium, one keystroke at a time, from the home page of the question's language,
and counts a hit when an article of the expected topic (its <meta name="kb-topic">), in that same
language, is among the first three results (and how often it is the first). Prints the hit rates per
language, the results of the other language (any place), the misses, the time
from the last keystroke to the rendered results, and when the search was ready (the worker's READY,
from the start of the page load).

    .venv/bin/python benchmark/search_benchmark.py --site /tmp/search-site
    .venv/bin/python benchmark/search_benchmark.py --build          # builds the working tree first

It works with any worker that speaks Material's search protocol (Material's own lunr worker too),
so the same script measures the site before and after a change of the search.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))
from keystrokes import type_keys  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "benchmark" / "search-questions.yml"
HOME = {"ru": "", "kk": "kk/"}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# Watches Material's search worker messages (SETUP 0, READY 1, QUERY 2, RESULT 3) and the result list.
PROBE = """
(() => {
  const s = window.__search = { ready: false, readyAt: 0, sent: 0, received: 0, lastQuery: null,
                                lastKeyAt: 0, lastSentAt: 0, lastResultAt: 0, lastRenderAt: 0 };
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (e) => {
        if (e.data && e.data.type === 1) { s.ready = true; s.readyAt = performance.now(); }
        if (e.data && e.data.type === 3) { s.received++; s.lastResultAt = performance.now(); }
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { s.sent++; s.lastQuery = message.data; s.lastSentAt = performance.now(); }
      return super.postMessage(message, ...rest);
    }
  };
  document.addEventListener("keydown", () => { s.lastKeyAt = performance.now(); }, true);
  new MutationObserver(() => { s.lastRenderAt = performance.now(); })
    .observe(document, { subtree: true, childList: true, characterData: true });
})();
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}/", server


def build(site: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=ROOT, env=env, check=True)


def topics_of(site: Path) -> dict[str, str]:
    """Site path ('account/login/', 'kk/account/login/') -> topic id, from the built pages."""
    found = {}
    for page in site.rglob("index.html"):
        meta = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select_one('meta[name="kb-topic"]')
        if meta:
            path = page.parent.relative_to(site).as_posix()
            found["" if path == "." else path + "/"] = meta["content"]
    return found


def language_of(path: str) -> str:
    return "kk" if path.startswith("kk/") else "ru"


def ask(page, base: str, lang: str, question: str, delay: float) -> dict:
    page.goto(base + HOME[lang])
    page.wait_for_function("window.__search && window.__search.ready", timeout=15000)
    box = page.locator("input.md-search__input")
    box.click()
    type_keys(page, question, delay)
    page.wait_for_function(
        """q => { const s = window.__search;
                  return s.lastQuery === q && s.received >= s.sent
                         && performance.now() - Math.max(s.lastResultAt, s.lastRenderAt) > 150; }""",
        arg=question, timeout=15000)
    timing = page.evaluate("""() => { const s = window.__search;
        return { sent: s.lastSentAt - s.lastKeyAt, result: s.lastResultAt - s.lastKeyAt,
                 render: Math.max(s.lastRenderAt, s.lastResultAt) - s.lastKeyAt, ready: s.readyAt }; }""")
    links = page.eval_on_selector_all(
        ".md-search-result__list > li",
        "items => items.map(li => li.querySelector('a.md-search-result__link')?.href || '')")
    paths = [unquote(urlsplit(href).path).removeprefix(urlsplit(base).path) for href in links]
    return {"results": paths, "timing": timing}


def run(site: Path, questions: dict, languages: list[str], delay: float) -> dict:
    from playwright.sync_api import sync_playwright

    topics = topics_of(site)
    base, server = serve(site)
    report = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
            context.add_init_script(PROBE)
            page = context.new_page()
            for lang in languages:
                rows = []
                for item in questions[lang]:
                    answer = ask(page, base, lang, item["q"], delay)
                    top = answer["results"][:3]
                    right = [topics.get(p) == item["topic"] and language_of(p) == lang for p in top]
                    foreign = sum(language_of(p) != lang for p in answer["results"])
                    rows.append({**item, "hit": any(right), "first": right[:1] == [True],
                                 "top": [f"{p} ({topics.get(p, '-')})" for p in top],
                                 "foreign": foreign, "count": len(answer["results"]), **answer["timing"]})
                report[lang] = rows
            browser.close()
    finally:
        server.shutdown()
    return report


def summary(report: dict) -> str:
    lines = []
    for lang, rows in report.items():
        hits = sum(r["hit"] for r in rows)
        first = sum(r["first"] for r in rows)
        render = [r["render"] for r in rows]
        # where the time goes: key -> query sent (Material), -> answer back (the worker), -> shown (Material)
        parts = [statistics.median(r["sent"] for r in rows),
                 statistics.median(r["result"] - r["sent"] for r in rows),
                 statistics.median(r["render"] - r["result"] for r in rows)]
        lines.append(f"[{lang}] hits in the top 3: {hits}/{len(rows)} = {100 * hits / len(rows):.1f} %; "
                     f"first: {first}/{len(rows)} = {100 * first / len(rows):.1f} %; "
                     f"results of the other language: {sum(r['foreign'] for r in rows)}; "
                     f"last keystroke -> results shown: median {statistics.median(render):.0f} ms, "
                     f"p90 {sorted(render)[int(0.9 * (len(render) - 1))]:.0f} ms, max {max(render):.0f} ms "
                     f"(medians: key -> query {parts[0]:.1f}, worker {parts[1]:.1f}, rendering {parts[2]:.1f} ms); "
                     f"search ready after the page starts loading: median {statistics.median(r['ready'] for r in rows):.0f} ms")
        for r in rows:
            if not r["hit"]:
                lines.append(f"  miss: {r['q']!r} (expected {r['topic']}) -> {r['top'] or 'no result'}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--site", type=Path, help="a built site (mkdocs build -d DIR)")
    where.add_argument("--build", action="store_true", help="build the working tree into a temporary folder first")
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--lang", choices=sorted(HOME), action="append", help="only this language (repeatable)")
    parser.add_argument("--delay", type=float, default=40, help="milliseconds between keystrokes (default 40)")
    parser.add_argument("--json", type=Path, help="also write every answer to this file")
    args = parser.parse_args(argv)

    questions = yaml.safe_load(args.questions.read_text(encoding="utf-8"))
    languages = args.lang or list(HOME)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if args.build:
            site = Path(tmp) / "site"
            build(site)
        report = run(site.resolve(), questions, languages, args.delay)
    print(summary(report))
    print(f"({sum(len(r) for r in report.values())} questions in {time.monotonic() - started:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
