"""Shared fixtures: one strict build of the whole site per test session, and its pages."""
from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGUAGES = ("ru", "kk")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The site is built for the address the tests serve it from, so that absolute URLs (alternates,
# which Material's language selector fetches) stay on the same origin in the browser tests.
PORT = _free_port()
SITE_URL = f"http://127.0.0.1:{PORT}/"
# The support chat the hand-off opens; browser tests answer it with page.route.
CHAT_ORIGIN = "http://chat.localhost"
CHAT_URL = CHAT_ORIGIN + "/chat?lang={lang}&topic={topic}&message={message}"


@dataclass
class Build:
    site: Path
    output: str
    parsed: dict[Path, BeautifulSoup] = field(default_factory=dict, repr=False)

    def asset(self, plain: str) -> str:
        """The site path of one of our assets, by its plain name: the build gives each a
        content-hashed one ('assets/javascripts/kb/privacy.js' -> 'assets/javascripts/kb/privacy.1a2b3c4d.js')."""
        from support_kb.serving.fingerprints import hashed_path

        return hashed_path(self.site, plain)

    def html_pages(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))

    def page(self, path: str) -> BeautifulSoup:
        """A built page by its site path, e.g. 'kk/rules/' or '404.html'. Parsed once per session and
        shared by the tests, which only read it."""
        file = self.site / path
        if file.is_dir() or path.endswith("/") or path == "":
            file = file / "index.html"
        if file not in self.parsed:
            self.parsed[file] = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        return self.parsed[file]


def run_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", site_url: str = SITE_URL,
              generator: tuple[str, ...] = (sys.executable, "-m", "mkdocs"), **env_vars: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict`, without -q: quiet mode hides warnings from strict mode's count."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url, SUPPORT_CHAT_URL=CHAT_URL, **env_vars)
    return subprocess.run(
        [*generator, "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    site = tmp_path_factory.mktemp("site")
    result = run_build(site)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{output}"
    return Build(site, output)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path, port: int):
    """A built site over HTTP on a port, as a static host serves it; shut it down after use."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site_server(build):
    """The built site over HTTP at SITE_URL."""
    server = serve(build.site, PORT)
    yield SITE_URL
    server.shutdown()


@pytest.fixture(scope="session")
def notices_site(build, tmp_path_factory):
    """The site built from a copy of the docs with notices of its own (tests/notices_site.py)."""
    import notices_site

    site = notices_site.build_with_notices(build, tmp_path_factory.mktemp("notices"))
    yield site
    site.server.shutdown()


def language_of_path(relative: Path) -> str:
    return "kk" if relative.parts[:1] == ("kk",) else "ru"


def content_pages(build: Build) -> list[Path]:
    """Every built HTML page except the search and 404 pages, relative to the site."""
    return [p.relative_to(build.site) for p in build.html_pages() if p.name == "index.html"]


CHROMIUM = "/usr/bin/chromium"
# Root in CI needs --no-sandbox; the others keep Chromium from calling Google's services.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser, site_server):
    """Opens pages in fresh browser contexts; fails the test on any script error or any request
    that leaves the site's origin (the hand-off to the chat excepted)."""
    contexts, errors, foreign = [], [], []

    def open_page(path="", **context_options):
        context = browser.new_context(**{"locale": "ru-RU", **context_options})
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: foreign.append(request.url)
                if not request.url.startswith((site_server, CHAT_ORIGIN, "data:", "blob:")) else None)
        if path is not None:
            page.goto(site_server + path)
        return page

    yield open_page
    for context in contexts:
        # A route still fetching (the calendar, with its Date header stripped) when the test ends
        # would fail the next test with "Request context disposed": let it go quietly.
        context.unroute_all(behavior="ignoreErrors")
        context.close()
    assert errors == [], f"script errors: {errors}"
    assert foreign == [], f"requests to another origin: {foreign}"
