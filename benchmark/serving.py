"""Serving benchmark: the site as nginx serves it (deploy/nginx/), against a plain Material build of
the same content, in Debian's Chromium. Not a test: it prints figures; benchmark/serving.md keeps
the results and how they were taken.

    .venv/bin/python benchmark/serving.py transfer          # bytes per page, ours vs plain Material
    .venv/bin/python benchmark/serving.py --before DIR transfer --precompressed
                                  # and a checkout of an earlier revision; and both sites precompressed
    .venv/bin/python benchmark/serving.py askweight         # the ask page's first visit against the rules page's
    .venv/bin/python benchmark/serving.py lighthouse        # Lighthouse 12.2.3 (benchmark/node_modules)
    .venv/bin/python benchmark/serving.py --before DIR lighthouse --variant before   # that revision
    .venv/bin/python benchmark/serving.py lighthouse --variant plain   # plain Material, the machine's reference
    .venv/bin/python benchmark/serving.py mainthread        # the ask page's long tasks, before/after
    .venv/bin/python benchmark/serving.py slow3g            # the ask page on Slow 3G; without JavaScript
    .venv/bin/python benchmark/serving.py typing            # input latency, a field holding 100 KiB
    .venv/bin/python benchmark/serving.py build             # build times, real site and 2 x N pages, with
                                                            # the project's plugin and plain Material
    .venv/bin/python benchmark/serving.py --before DIR build  # … and another checkout's plugin in each round

Needs nginx with the brotli modules (bin/setup --tests) and, for Lighthouse, `npm ci` in benchmark/.
Work files go to $BENCH_DIR (default /tmp/serving-bench); each command also writes its figures
there as <command>.json.

"Plain Material": the same docs/ built with a minimal mkdocs.yml made from the project's: no plugin of ours,
no theme overrides, no extra CSS or JavaScript, the same theme features, plugins (search, i18n),
Markdown extensions and navigation; the Kazakh pages get Material's Russian interface (Material has
no Kazakh one), hook markers stay HTML comments, `{{ ui.* }}` labels stay as typed. It is served by
the same nginx configuration (compression, caching), without a Content-Security-Policy.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
from deploy.nginx.render import render  # noqa: E402

WORK = Path(os.environ.get("BENCH_DIR", "/tmp/serving-bench"))
PYTHON = sys.executable
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = {"home": "", "article": "account/sms-code/", "ask": "ask/"}
PREFIX = {"ru": "", "kk": "kk/"}
# Chrome DevTools' "Slow 3G" preset: 400 ms RTT x 5, 500 kbit/s x 0.8.
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def median(values):
    return statistics.median(values) if values else None


def save(name: str, data) -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"-> {WORK / (name + '.json')}")


# ------------------------------------------------------------------------------------ configs

def _blocks(text: str) -> list[tuple[str, str]]:
    """Top-level blocks of mkdocs.yml: [(key, text)], comments kept with the block that follows."""
    blocks, current, key = [], [], ""
    for line in text.splitlines(keepends=True):
        match = re.match(r"^([A-Za-z_]+):", line)
        if match:
            if key or current:
                blocks.append((key, "".join(current)))
            key, current = match.group(1), [line]
        elif re.match(r"^#", line) and current and key:
            blocks.append((key, "".join(current)))
            key, current = "", [line]
        else:
            current.append(line)
    blocks.append((key, "".join(current)))
    return blocks


def _nav_extra(pages: list[str]) -> str:
    return "".join(["  - Копии статей:\n"] + [f"      - {page}\n" for page in pages]) if pages else ""


def project_config(name: str, docs: Path = ROOT / "docs", overrides: Path = ROOT / "overrides",
                   extra_pages: list[str] = (), root: Path = ROOT) -> Path:
    """The project's mkdocs.yml (of `root`, a checkout) with absolute paths, so that it can live in WORK."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^docs_dir: docs$", f"docs_dir: {docs}", text)
    text = re.sub(r"(?m)^  custom_dir: overrides$", f"  custom_dir: {overrides}", text)
    text = re.sub(r"(?m)^  - hooks/", f"  - {root}/hooks/", text)  # a checkout of the hooks' time
    text = text.rstrip("\n") + "\n" + _nav_extra(list(extra_pages))
    path = WORK / f"{name}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def plain_config(name: str, docs: Path = ROOT / "docs", extra_pages: list[str] = ()) -> Path:
    """A minimal Material configuration of the same content (see the module's docstring)."""
    kept = []
    for key, block in _blocks((ROOT / "mkdocs.yml").read_text(encoding="utf-8")):
        if key in ("hooks", "extra_css", "extra"):
            continue
        if key == "theme":
            block = re.sub(r"(?m)^  custom_dir: .*\n", "", block)
        if key == "plugins":  # no Kazakh interface in Material: keep its Russian one everywhere
            block = block.replace("reconfigure_material: true", "reconfigure_material: false")
            # and not the project's plugin (the last one, with the comment above it)
            block = block[:block.index("  # The project's own:")] if "  # The project's own:" in block else block
        if key == "docs_dir":
            block = f"docs_dir: {docs}\n"
        kept.append(block)
    text = "".join(kept).rstrip("\n") + "\n" + _nav_extra(list(extra_pages))
    path = WORK / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def timed_build(config: Path, site: Path, site_url: str, strict: bool = True, root: Path = ROOT) -> tuple[float, float]:
    """`mkdocs build`, in the checkout `root` (whose support_kb it imports); returns its wall time
    and its CPU time (user + system) in seconds. On a machine others share, CPU time moves less with
    the load than wall time does."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    # Bytecode written as on any machine that does not forbid it: else the checkout's own modules
    # (an editable install) are compiled again by every build, plain Material's never (pip compiled
    # them at install), which is a cost of the environment, not of the plugin.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [PYTHON, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)] + (["--strict"] if strict else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=root)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"build failed ({config}):\n{result.stdout}{result.stderr}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def build(config: Path, site: Path, site_url: str, strict: bool = True, root: Path = ROOT) -> float:
    """`mkdocs build`; returns its wall time in seconds."""
    return timed_build(config, site, site_url, strict, root)[0]


# -------------------------------------------------------------------------------------- nginx

class Nginx:
    """nginx serving one site with the repository's configuration; its access log records the
    bytes sent for each response (headers and compressed body)."""

    def __init__(self, site: Path, name: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.site, self.dir = site, WORK / f"nginx-{name}"
        self.log = self.dir / "run" / "bytes.log"

    def start(self) -> "Nginx":
        if not (self.site / ".nginx-csp.conf").exists():  # the plain build: no policy
            (self.site / ".nginx-csp.conf").write_text('map $uri $kb_csp_by_path { default ""; }\n', encoding="utf-8")
        user = "root" if os.geteuid() == 0 else None
        conf = render(self.site, f"127.0.0.1:{self.port}", self.dir, user=user)
        text = conf.read_text(encoding="utf-8")
        text = re.sub(r"access_log (\S+);", f"log_format bytes '$status $bytes_sent $request_uri';\n"
                                            f"    access_log {self.log} bytes;", text)
        conf.write_text(text, encoding="utf-8")
        with open(self.dir / "nginx.out", "wb") as out:
            self.process = subprocess.Popen([NGINX, "-p", str(self.dir), "-c", str(conf), "-g", "daemon off;"],
                                            stdout=out, stderr=subprocess.STDOUT)
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise SystemExit(f"nginx did not start: {(self.dir / 'nginx.out').read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def mark(self) -> int:
        return self.log.stat().st_size if self.log.exists() else 0

    def since(self, mark: int) -> list[tuple[int, int, str]]:
        with open(self.log, "rb") as log:
            log.seek(mark)
            rows = [line.decode().split(" ", 2) for line in log.read().splitlines() if line]
        return [(int(status), int(sent), uri) for status, sent, uri in rows]


# --tree: "ours" built from another checkout (e.g. a clone of main before a change), measured by
# this very script; `--tree` names it in the results. --before: "before", likewise (e.g. a worktree
# of the commit before a change: `git worktree add --detach /tmp/before <commit>`). Each checkout's
# site is built by its own code: mkdocs runs in that checkout, whose support_kb comes first on the
# path (before the editable install of this one); packages and esbuild are this environment's.
TREE: Path = ROOT
BEFORE: Path | None = None
# What production compresses at build time (the Dockerfile: gzip -9 and brotli -q 11 beside every
# text file over 255 bytes; nginx then sends those as they are, gzip_static / brotli_static).
PRECOMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".map", ".svg"}


def precompress(site: Path) -> None:
    files = [str(p) for p in sorted(site.rglob("*")) if p.is_file() and p.suffix in PRECOMPRESSED and p.stat().st_size > 255]
    for command in (["gzip", "-k", "-f", "-9"], ["brotli", "-k", "-f", "-q", "11"]):
        for i in range(0, len(files), 200):
            subprocess.run(command + files[i:i + 200], check=True)


def build_served(label: str, server: "Nginx") -> None:
    """Builds the site a label names for the address `server` serves it from: ours (TREE), before
    (BEFORE) or plain, each compressed as production does when the label ends in '+br11'."""
    site, (which, _, compressed) = server.site, label.partition("+")
    shutil.rmtree(site, ignore_errors=True)
    if which == "plain":
        build(plain_config("plain"), site, server.url, strict=False)
    else:
        tree = {"ours": TREE, "before": BEFORE}[which]
        if tree is None:
            raise SystemExit(f"'{label}' needs --before DIR (a checkout of the revision to compare with)")
        build(project_config(which, tree / "docs", tree / "overrides", root=tree), site, server.url, root=tree)
    if compressed:
        precompress(site)


@contextmanager
def served(*labels: str):
    """The sites the labels name (default: ours and plain; see build_served), each built for the
    address its nginx serves it from and running until the block ends: {label: Nginx}."""
    servers = {label: Nginx(WORK / f"site-{label.replace('+', '-')}", label.replace("+", "-"))
               for label in labels or ("ours", "plain")}
    for label, server in servers.items():
        build_served(label, server)
    for server in servers.values():
        server.start()
    try:
        yield servers
    finally:
        for server in servers.values():
            server.stop()


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def settle(page, extra_ms: int = 700) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(extra_ms)  # the search worker's index, the language lookups


# ----------------------------------------------------------------------------------- transfer

def kind(uri: str) -> str:
    path = uri.split("?")[0]
    if path.endswith("/") or path.endswith(".html"):
        return "html"
    for ending, name in ((".css", "css"), (".js", "js"), (".json", "json"), (".xml", "xml"), (".png", "image")):
        if path.endswith(ending):
            return name
    return "other"


def visit_bytes(browser, server: Nginx, path: str, before: str | None = None, encoding: str | None = None) -> dict:
    """Bytes nginx sent for one page view in a fresh browser (cold cache), or after `before`
    (another page of the site) was viewed in the same browser (warm cache). `encoding`: the
    Accept-Encoding to send instead of Chromium's own (`br`, among others)."""
    headers = {"Accept-Encoding": encoding} if encoding else {}
    context = browser.new_context(locale="ru-RU", extra_http_headers=headers)
    page = context.new_page()
    if before is not None:
        page.goto(server.url + before)
        settle(page)
    mark = server.mark()
    page.goto(server.url + path)
    settle(page)
    rows = server.since(mark)
    context.close()
    by_kind: dict[str, int] = {}
    for _, sent, uri in rows:
        by_kind[kind(uri)] = by_kind.get(kind(uri), 0) + sent
    return {"bytes": sum(sent for _, sent, _ in rows), "requests": len(rows), "by_kind": by_kind,
            "statuses": sorted({status for status, _, _ in rows}), "uris": [uri for _, _, uri in rows],
            "files": [[uri, status, sent] for status, sent, uri in rows]}


def transfer(args) -> None:
    """Bytes of a first visit and of a next page, for each site the labels name, side by side in one
    run: ours, plain Material, and with --before the earlier revision; with --precompressed also
    ours and plain as production serves files (compressed at build time, brotli -q 11)."""
    labels = (["before"] if BEFORE else []) + ["ours", "plain"] + (["ours+br11", "plain+br11"] if args.precompressed else [])
    results = []
    with served(*labels) as servers, chromium() as browser:
        for lang in PREFIX:
            for name, page in PAGES.items():
                path = PREFIX[lang] + page
                previous = PREFIX[lang] + (PAGES["article"] if name == "home" else PAGES["home"])
                row = {"lang": lang, "page": name, "path": "/" + path, "previous": "/" + previous}
                for label, server in servers.items():
                    row[label] = {"first": visit_bytes(browser, server, path),
                                  "warm": visit_bytes(browser, server, path, before=previous)}
                results.append(row)
                print(f"{lang} {name:8} " + "  ".join(
                    f"{label} {row[label]['first']['bytes']:>6}/{row[label]['warm']['bytes']:>5} ({row[label]['warm']['requests']})"
                    for label in servers) + "   (first/next bytes, next requests)")
                for label in servers:
                    files = ", ".join(f"{uri} {status} {sent}" for uri, status, sent in row[label]["warm"]["files"])
                    print(f"      {label:11} next: {files}")
    save("transfer", {"tree": str(TREE), "before": str(BEFORE) if BEFORE else None, "rows": results})


# ---------------------------------------------------------------------------------- ask weight

def askweight(args) -> None:
    """The ask page's first visit against the rules page's (issue 15, point 2): a fresh browser
    each, both languages, in brotli (what Chromium asks for) and in gzip, side by side in one run;
    bytes by kind and by file. The form's later data (fetched once a question's form is shown) is
    then counted separately: the first visit ends when the network is idle."""
    results = []
    with served("ours") as servers, chromium() as browser:
        ours = servers["ours"]
        for lang in PREFIX:
            for encoding in ("br", "gzip"):
                row = {"lang": lang, "encoding": encoding}
                for name in ("ask", "rules"):
                    row[name] = visit_bytes(browser, ours, PREFIX[lang] + f"{name}/", encoding=encoding)
                row["ratio"] = round(row["ask"]["bytes"] / row["rules"]["bytes"], 3)
                results.append(row)
                print(f"{lang} {encoding:4} ask {row['ask']['bytes']:>7} ({row['ask']['requests']})"
                      f"  rules {row['rules']['bytes']:>7} ({row['rules']['requests']})  ratio {row['ratio']:.3f}")
                for name in ("ask", "rules"):
                    print(f"    {name:5} by kind: {row[name]['by_kind']}")
                if args.files:
                    for uri, status, sent in sorted(row["ask"]["files"], key=lambda f: -f[2]):
                        print(f"      {sent:>7} {status} {uri}")
    save("askweight", results)


# --------------------------------------------------------------------------------- lighthouse

def lighthouse_run(url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    command = ["npx", "lighthouse", url, '--chrome-flags=--headless=new --no-sandbox', "--form-factor=mobile",
               "--output=json", f"--output-path={out}", "--quiet"]
    subprocess.run(command, check=True, env=env, cwd=ROOT / "benchmark")
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
    failing = []
    for name, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                failing.append(f"{name}/{ref['id']} {audit['score']} {audit.get('displayValue', '')}".strip())
    metrics = {key: report["audits"][key]["numericValue"] for key in (
        "first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index")}
    return {"scores": scores, "failing": failing, "metrics": metrics}


def lighthouse(args) -> None:
    results = []
    label = {"after": "ours", "before": "before", "plain": "plain"}[args.variant]
    with served(label) as servers:
        ours = servers[label]
        for lang in PREFIX:
            for name, page in PAGES.items():
                if args.pages and name not in args.pages.split(","):
                    continue
                url = ours.url + PREFIX[lang] + page
                runs = [lighthouse_run(url, WORK / f"lh-{args.variant}-{lang}-{name}-{i}.json") for i in range(args.runs)]
                scores = {cat: median([r["scores"][cat] for r in runs]) for cat in runs[0]["scores"]}
                row = {"lang": lang, "page": name, "path": "/" + PREFIX[lang] + page, "median": scores,
                       "performance_runs": [r["scores"]["performance"] for r in runs],
                       "metrics_median": {k: median([r["metrics"][k] for r in runs]) for k in runs[0]["metrics"]},
                       "failing": sorted({f for r in runs for f in r["failing"]})}
                results.append(row)
                print(f"{args.variant} {lang} {name:8} {scores}  perf runs {row['performance_runs']}")
                for failing in row["failing"]:
                    print(f"    {failing}")
    save(f"lighthouse-{args.variant}", results)


# --------------------------------------------------------------------------------- main thread

BLOCKING_PROBE = """
window.__blocking = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__blocking.push([e.startTime, e.duration]);
}).observe({ type: "longtask", buffered: true });
"""


def mainthread(args) -> None:
    """The ask page's main-thread work while it loads, on a CPU slowed down 4 times (Lighthouse's
    mobile setting): long tasks and their blocking time (each task's time beyond 50 ms), and the time
    in DOMContentLoaded listeners (Material mounting its components), median of --runs loads, for
    this working tree and for the state before this issue's fixes."""
    results = {}
    for variant in (["before"] if BEFORE else []) + ["after"]:
        label = {"after": "ours", "before": "before"}[variant]
        with served(label) as servers, chromium() as browser:
            ours = servers[label]
            for lang in PREFIX:
                runs = []
                for _ in range(args.runs):
                    context = browser.new_context(locale="ru-RU", viewport={"width": 412, "height": 823},
                                                  device_scale_factor=1.75, is_mobile=True, has_touch=True)
                    context.add_init_script(BLOCKING_PROBE)
                    page = context.new_page()
                    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
                    page.goto(ours.url + PREFIX[lang] + PAGES["ask"])
                    settle(page, 1000)
                    tasks = page.evaluate("window.__blocking")
                    # Time spent in DOMContentLoaded listeners: where Material mounts its components.
                    handlers = page.evaluate("""() => { const n = performance.getEntriesByType("navigation")[0];
                                                        return n.domContentLoadedEventEnd - n.domContentLoadedEventStart; }""")
                    context.close()
                    runs.append({"blocking_ms": round(sum(max(0, d - 50) for _, d in tasks)),
                                 "long_tasks": len(tasks), "longest_ms": round(max((d for _, d in tasks), default=0)),
                                 "domcontentloaded_listeners_ms": round(handlers)})
                key = f"{variant}-{lang}"
                results[key] = {"runs": runs, "median": {k: median([r[k] for r in runs]) for k in runs[0]}}
                print(key, results[key]["median"], [r["blocking_ms"] for r in runs],
                      [r["domcontentloaded_listeners_ms"] for r in runs])
    save("mainthread", results)


# ------------------------------------------------------------------------------------ slow 3G

FIRST_CHOICE = 'section[data-node="who"] a[data-triage-go]'
# The moment the form's script takes over (ask-form.js marks the form .triage--live), on the page's
# own clock (performance.now(): from the start of the navigation), as the requests' timings are.
LIVE_PROBE = """
new MutationObserver((_, observer) => {
  if (document.querySelector(".triage--live")) { window.__live = performance.now(); observer.disconnect(); }
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
"""
WATERFALL = """() => performance.getEntriesByType("resource").map((e) => ({
  url: e.name.replace(location.origin, ""), start: Math.round(e.startTime), end: Math.round(e.responseEnd),
  bytes: e.transferSize, initiator: e.initiatorType }))"""


def slow3g_visit(browser, url: str, javascript: bool) -> dict:
    context = browser.new_context(locale="ru-RU", java_script_enabled=javascript)
    context.add_init_script(LIVE_PROBE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    start = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=120_000)
    page.locator(FIRST_CHOICE).first.wait_for(state="visible", timeout=120_000)
    visible = time.perf_counter() - start
    result = {"first_step_visible_s": round(visible, 2)}
    # Answer the first step at once: a link, so it works before (and without) the script.
    page.locator(FIRST_CHOICE).first.click()
    page.locator('section[data-node]:visible:not([data-node="who"])').first.wait_for(state="visible", timeout=120_000)
    result["first_step_answered_s"] = round(time.perf_counter() - start, 2)
    if javascript:
        page.locator(".triage--live").wait_for(state="attached", timeout=120_000)
        result["script_live_s"] = round(time.perf_counter() - start, 2)
    page.wait_for_load_state("load", timeout=120_000)
    result["load_s"] = round(time.perf_counter() - start, 2)
    timing = page.evaluate("""() => {
        const paint = performance.getEntriesByName("first-contentful-paint")[0];
        const nav = performance.getEntriesByType("navigation")[0];
        return {fcp: paint ? paint.startTime : null, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd};
    }""")
    result["fcp_s"] = round(timing["fcp"] / 1000, 2) if timing["fcp"] else None
    if javascript:
        live = page.evaluate("window.__live")
        result["script_live_page_s"] = round(live / 1000, 2)
        # The critical path: every request that ended before the form's script ran.
        result["before_script"] = [r for r in page.evaluate(WATERFALL) if r["end"] <= live]
        result["document_end_ms"] = round(timing["domContentLoaded"])
    context.close()
    return result


def walk_without_javascript(browser, url: str) -> dict:
    """Without JavaScript the tree works by links (#fragments and CSS :target): walk to a form."""
    from browser_helpers import _path, current_step, walk_to

    context = browser.new_context(locale="ru-RU", java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    walk_to(page, "ru", "ask-login")
    sample = current_step(page).locator(".triage__sample, pre").first
    result = {"reached": current_step(page).get_attribute("data-node"), "url": page.url,
              "clicks": len(_path("ask-login", "parent")) - 1, "sample_visible": sample.is_visible(),
              "visible_steps": page.locator("section[data-node]:visible").count()}
    context.close()
    return result


def slow3g(args) -> None:
    results = {"conditions": SLOW_3G}
    with served("ours") as servers, chromium() as browser:
        ours = servers["ours"]
        for lang in PREFIX:
            url = ours.url + PREFIX[lang] + PAGES["ask"]
            for javascript in (True, False):
                runs = [slow3g_visit(browser, url, javascript) for _ in range(args.runs)]
                key = f"{lang}-{'js' if javascript else 'nojs'}"
                results[key] = {"runs": runs, "median": {k: median([r[k] for r in runs if r.get(k) is not None])
                                                         for k in runs[0] if k != "before_script"}}
                print(key, results[key]["median"])
                if javascript:  # the first run's requests before the script ran, by their end
                    for r in sorted(runs[0]["before_script"], key=lambda r: r["end"]):
                        print(f"    {r['start']:>6} -> {r['end']:>6} ms {r['bytes']:>7} B  {r['url']}")
        results["walk_without_javascript"] = walk_without_javascript(browser, ours.url + PAGES["ask"])
        print("without JavaScript:", results["walk_without_javascript"])
    save("slow3g", results)


# ------------------------------------------------------------------------------------- typing

LATENCY_PROBE = """
window.__latency = { events: [], longtasks: [] };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.interactionId)
    window.__latency.events.push({ id: e.interactionId, name: e.name, duration: e.duration,
                                   processing: e.processingEnd - e.processingStart, delay: e.processingStart - e.startTime });
}).observe({ type: "event", durationThreshold: 16, buffered: true });
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__latency.longtasks.push(e.duration);
}).observe({ type: "longtask", buffered: true });
// Keydown to the frame after the input was handled (two animation frames: that frame is painted).
window.__latency.frames = [];
addEventListener("keydown", (event) => {
  const start = performance.now();
  requestAnimationFrame(() => requestAnimationFrame(() => window.__latency.frames.push(performance.now() - start)));
}, true);
"""


def russian_text(size_bytes: int) -> str:
    sentence = ("Не приходит SMS-код при входе на портал, проверил номер телефона и фильтр сообщений, "
                "пробовал через час и с другого браузера, код всё равно не приходит. ")
    text = ""
    while len(text.encode("utf-8")) < size_bytes:
        text += sentence
    return text


def typing_run(browser, url: str | None, text: str, cpu: int, keys: int) -> dict:
    """`url` None: a bare page with only a <textarea> (the browser's own cost of the text)."""
    context = browser.new_context(locale="ru-RU")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    if url is None:
        page.set_content('<textarea id="bare" rows="6" style="width: 90%"></textarea>')
        field = page.locator("#bare")
    else:
        page.goto(url)
        settle(page, 300)
        field = page.locator("#f-ask-support-description")
    if text:
        field.fill(text)
    field.focus()
    page.keyboard.press("End")
    page.wait_for_timeout(1500)
    page.evaluate(LATENCY_PROBE)
    if cpu > 1:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
    for i in range(keys):
        page.keyboard.press("a" if i % 5 else "Space")
        page.wait_for_timeout(150)
    page.wait_for_timeout(1500)
    data = page.evaluate("window.__latency")
    length = len(field.input_value().encode("utf-8"))
    context.close()
    per_interaction: dict[int, float] = {}
    for event in data["events"]:
        per_interaction[event["id"]] = max(per_interaction.get(event["id"], 0), event["duration"])
    frames = sorted(data["frames"])
    return {
        "page": "bare textarea" if url is None else "ask form, #ask-support description",
        "field_bytes": length, "cpu_slowdown": cpu, "keys": keys,
        "interactions_over_16ms": len(per_interaction),
        "event_timing_max_ms": max(per_interaction.values(), default=0),
        "keydown_to_next_frame_ms": {"median": round(median(frames), 1), "p95": round(frames[int(0.95 * (len(frames) - 1))], 1),
                                     "max": round(frames[-1], 1)},
        "long_tasks": len(data["longtasks"]), "long_task_max_ms": max(data["longtasks"], default=0),
    }


def typing(args) -> None:
    results = []
    text = russian_text(100 * 1024)
    with served("ours") as servers, chromium() as browser:
        ours = servers["ours"]
        for cpu in (1, 4):
            for url, content in ((ours.url + PAGES["ask"] + "#ask-support", ""), (ours.url + PAGES["ask"] + "#ask-support", text),
                                 (None, text)):
                row = typing_run(browser, url, content, cpu, args.keys)
                results.append(row)
                print(row)
    save("typing", results)


# -------------------------------------------------------------------------------------- build

def generated_docs(per_language: int) -> tuple[Path, list[str]]:
    """docs/ copied, then copies of the real articles (those in sub-folders, so that their relative
    links hold) added beside them until each language has `per_language` pages."""
    target = WORK / f"gen-{per_language}" / "docs"
    shutil.rmtree(target.parent, ignore_errors=True)
    shutil.copytree(ROOT / "docs", target)
    existing = sorted(p.relative_to(target / "ru").as_posix() for p in (target / "ru").rglob("*.md"))
    sources = [p for p in existing if "/" in p and not p.startswith("rules/")]
    extra = []
    for i in range(max(0, per_language - len(existing))):
        source = sources[i % len(sources)]
        copy = source.replace(".md", f"-{i:04d}.md")
        for lang in ("ru", "kk"):
            text = (target / lang / source).read_text(encoding="utf-8")
            text = re.sub(r"(?m)^# (.+)$", rf"# \1 ({i})", text, count=1)
            (target / lang / copy).write_text(text, encoding="utf-8")
        extra.append(copy)
    return target, extra


def build_times(args) -> None:
    results = []
    sizes = [int(s) for s in args.sizes.split(",")]
    for size in sizes:
        if size == 0:
            docs, extra, pages = ROOT / "docs", [], len(list((ROOT / "docs" / "ru").rglob("*.md")))
        else:
            docs, extra = generated_docs(size)
            pages = len(list((docs / "ru").rglob("*.md")))
        row = {"pages_per_language": pages, "generated": bool(size)}
        # label -> (configuration, the checkout whose support_kb builds it)
        configs = {"plugin": (project_config(f"build-{size}", docs=docs, extra_pages=extra), ROOT)}
        if BEFORE:  # its configuration (and so its .cache) in a folder of its own
            configs["before"] = (project_config(f"before/build-{size}", docs=docs if size else BEFORE / "docs",
                                                overrides=BEFORE / "overrides", extra_pages=extra, root=BEFORE), BEFORE)
        configs["plain"] = (plain_config(f"build-{size}-plain", docs=docs, extra_pages=extra), ROOT)
        runs = {label: {"wall": [], "cpu": []} for label in configs}
        # The plugin's first build starts without what builds keep (.cache/support-kb beside the
        # configuration): a fresh checkout, as CI builds it; the following ones find it.
        for config, _ in configs.values():
            shutil.rmtree(config.parent / ".cache", ignore_errors=True)
        for run in range(args.runs):  # alternated, so that a change of load hits both alike
            for label, (config, tree) in configs.items():
                site = WORK / f"build-site-{size}-{label}"
                shutil.rmtree(site, ignore_errors=True)
                wall, cpu = timed_build(config, site, "https://help.example.kz/", strict=(label != "plain"), root=tree)
                runs[label]["wall"].append(round(wall, 2))
                runs[label]["cpu"].append(round(cpu, 2))
        for label in configs:
            row[label] = {**runs[label], "wall_median": median(runs[label]["wall"]), "cpu_median": median(runs[label]["cpu"]),
                          "html_files": len(list((WORK / f"build-site-{size}-{label}").rglob("*.html")))}
        for label, prefix in (("plugin", ""), ("before", "before_")):
            if label not in runs:
                continue
            row[f"{prefix}ratio_wall"] = round(row[label]["wall_median"] / row["plain"]["wall_median"], 2)
            row[f"{prefix}ratio_cpu"] = round(row[label]["cpu_median"] / row["plain"]["cpu_median"], 2)
            # Each round's own ratio, then their median: steadier when the load moves between rounds.
            row[f"{prefix}ratio_cpu_rounds"] = round(median([a / b for a, b in zip(runs[label]["cpu"], runs["plain"]["cpu"])]), 2)
            row[f"{prefix}ratio_wall_first"] = round(runs[label]["wall"][0] / runs["plain"]["wall"][0], 2)
            row[f"{prefix}ratio_cpu_first"] = round(runs[label]["cpu"][0] / runs["plain"]["cpu"][0], 2)
        row["load_average"] = os.getloadavg()
        results.append(row)
        print(row)
    save("build", results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    tr = commands.add_parser("transfer")
    tr.add_argument("--precompressed", action="store_true",
                    help="also ours and plain with every text file compressed at build time, as the Dockerfile does")
    aw = commands.add_parser("askweight")
    aw.add_argument("--files", action="store_true", help="also list the ask page's files by bytes")
    mt = commands.add_parser("mainthread")
    mt.add_argument("--runs", type=int, default=7)
    lh = commands.add_parser("lighthouse")
    lh.add_argument("--variant", choices=["after", "before", "plain"], default="after",
                    help="plain: plain Material's pages, the machine's own reference in the same hour")
    lh.add_argument("--runs", type=int, default=3)
    lh.add_argument("--pages", default="", help="only these of home,article,ask (comma-separated)")
    s3 = commands.add_parser("slow3g")
    s3.add_argument("--runs", type=int, default=3)
    ty = commands.add_parser("typing")
    ty.add_argument("--keys", type=int, default=30)
    bt = commands.add_parser("build")
    bt.add_argument("--sizes", default="0,125,250,500", help="pages per language; 0: the real site")
    bt.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose site is 'ours' (default: this one)")
    parser.add_argument("--before", type=Path, help="a checkout of an earlier revision, measured as 'before' (e.g. `git worktree add --detach DIR REV`); "
                        "with `build`, its plugin is built in each round too, with its own ratios")
    args = parser.parse_args()
    global TREE, BEFORE
    TREE = args.tree.resolve()
    BEFORE = args.before.resolve() if args.before else None
    print(f"tree: {TREE}" + (f"  before: {BEFORE}" if BEFORE else ""))
    print(f"load average before: {os.getloadavg()}")
    {"transfer": transfer, "askweight": askweight, "mainthread": mainthread, "lighthouse": lighthouse, "slow3g": slow3g, "typing": typing, "build": build_times}[args.command](args)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
