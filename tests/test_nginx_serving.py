"""The site as production serves it: Debian's nginx with the repository's configuration
(deploy/nginx/, rendered for the session's build), checked over HTTP and in Chromium."""
from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from browser_helpers import ASK, CALENDAR_ROUTE, CalendarDates, current_step, walk_to
from conftest import CHAT_ORIGIN, ROOT, SITE_URL, content_pages, run_build
from deploy.nginx.render import render
from support_kb.handoff.chat import settings as chat_settings
from support_kb.serving import csp
from test_ask_form_browser import fill_login

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI = shutil.which("brotli") or "/usr/bin/brotli"
ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//probe//EN\r\nEND:VCALENDAR\r\n"
IMMUTABLE = "public, max-age=31536000, immutable"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Nginx:
    """nginx in the foreground on a free port, serving a site folder with the repository's
    configuration (deploy/nginx/render.py); its access log tells what the browser asked for."""

    def __init__(self, site: Path, work: Path):
        if not Path(NGINX).exists() or not Path(BROTLI).exists():
            pytest.fail("nginx or brotli is missing: run bin/setup --tests")
        port = _free_port()
        self.url, self.work = f"http://127.0.0.1:{port}/", work
        # Root's CI runs nginx as root; the site's temp folder is readable by root only.
        self.conf = render(site, f"127.0.0.1:{port}", work / "conf", user="root" if os.geteuid() == 0 else None)
        self.log = work / "conf" / "run" / "access.log"
        check = subprocess.run([NGINX, "-t", "-q", "-p", str(work), "-c", str(self.conf)], capture_output=True, text=True)
        assert check.returncode == 0, f"nginx -t:\n{check.stderr}"
        output = work / "nginx.out"
        with open(output, "wb") as out:
            self.process = subprocess.Popen([NGINX, "-p", str(work), "-c", str(self.conf), "-g", "daemon off;"],
                                            stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    pytest.fail(f"nginx did not start: {output.read_text()}")
                time.sleep(0.05)

    def mark(self) -> int:
        return self.log.stat().st_size if self.log.exists() else 0

    def requests_since(self, mark: int) -> list[tuple[str, int]]:
        """(path, status) of each request nginx answered since `mark`, from its access log."""
        with open(self.log, "rb") as log:
            log.seek(mark)
            lines = log.read().decode().splitlines()
        found = [re.search(r'"(?:GET|HEAD) (\S+) HTTP/[\d.]+" (\d{3})', line) for line in lines]  # not a proxy's CONNECT
        return [(urlsplit(m[1]).path, int(m[2])) for m in found if m]

    def reload(self) -> None:
        """As after a deploy: the new build's policy (README, "Serving in production")."""
        self.process.send_signal(signal.SIGHUP)
        time.sleep(0.5)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def nginx_server(build, tmp_path_factory):
    """nginx serving a copy of the build (plus an .ics probe)."""
    work = tmp_path_factory.mktemp("nginx")
    site = work / "site"
    shutil.copytree(build.site, site)
    (site / "probe").mkdir()
    (site / "probe" / "reminder.ics").write_text(ICS, encoding="utf-8")
    server = Nginx(site, work)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def nginx(nginx_server):
    return nginx_server.url


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")

    def content(self) -> bytes:
        """The body as the file holds it, whatever the encoding on the wire."""
        encoding = self.header("content-encoding")
        if encoding == "gzip":
            return gzip.decompress(self.body)
        if encoding == "br":
            return subprocess.run([BROTLI, "-d", "-c"], input=self.body, capture_output=True, check=True).stdout
        assert encoding == "", encoding
        return self.body


def get(base: str, path: str, **headers: str) -> Response:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", "/" + path, headers={k.replace("_", "-"): v for k, v in headers.items()})
        response = connection.getresponse()
        body = response.read()
        return Response(response.status, {k.lower(): v for k, v in response.getheaders()}, body)
    finally:
        connection.close()


def policy(response: Response) -> dict[str, list[str]]:
    text = response.header("content-security-policy")
    return {d.split()[0]: d.split()[1:] for d in text.split(";") if d.strip()}


def fingerprinted(build, pattern: str) -> str:
    [path] = [p.relative_to(build.site).as_posix() for p in build.site.glob(pattern)]
    return path


# Served by this name, whatever the build: Material's search configuration.
FIXED_ASSETS = ("search/search_index.json",)


def served(build, name: str) -> str:
    """The site path of a file by its plain name: a glob for Material's hashed files, the
    content-hashed name for ours (support_kb/serving/fingerprints.py), pages and feeds as they are."""
    if "*" in name:
        return fingerprinted(build, name)
    if name.startswith(("assets/", "search/")) and name not in FIXED_ASSETS:
        return build.asset(name)
    return name


# ---------------------------------------------------------------------------------------- headers

PAGES = ["", "kk/", "ask/", "kk/ask/", "account/sms-code/", "kk/account/sms-code/", "no-such-page/", "kk/a/b/c/"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_gets_the_security_headers(nginx, path):
    response = get(nginx, path)
    assert response.header("x-content-type-options") == "nosniff"
    assert response.header("referrer-policy") == "strict-origin-when-cross-origin"
    assert "camera=()" in response.header("permissions-policy")
    assert "clipboard-write=(self)" in response.header("permissions-policy")  # the hand-off copies
    assert response.header("x-frame-options") == "DENY"
    csp = policy(response)
    assert csp["default-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["worker-src"] == ["'self'"] and csp["connect-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response.header("content-security-policy")
    assert "'unsafe-eval'" not in response.header("content-security-policy")
    # The chat opens in a new tab (window.open): no directive governs that, none names the chat.
    assert urlsplit(CHAT_ORIGIN).hostname not in response.header("content-security-policy")


def test_the_policy_hashes_exactly_the_inline_scripts_of_the_built_pages(nginx, build):
    """Counted independently of the hook (BeautifulSoup): every inline script a browser runs, on
    every page of both languages and both 404 pages; JSON data blocks need no hash."""
    expected = set()
    for page in build.html_pages():
        for script in build.page(page.relative_to(build.site).as_posix()).find_all("script", src=False):
            if (script.get("type") or "").strip().lower() in csp.EXECUTED_TYPES:
                digest = hashlib.sha256(script.string.encode("utf-8")).digest()
                expected.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    assert expected, "Material's inline scripts are expected on every page"
    script_src = policy(get(nginx, ""))["script-src"]
    assert script_src[0] == "'self'"
    assert set(script_src[1:]) == expected


def test_document_headers_go_with_documents_and_the_policy_with_scripts_too(nginx, build):
    script = get(nginx, served(build, "assets/javascripts/search/worker.js"))  # a worker's policy is its response's
    assert script.header("content-security-policy") and not script.header("permissions-policy")
    for path in ("assets/stylesheets/kb.css", "search/ru.json", "assets/images/favicon.png"):
        response = get(nginx, served(build, path))
        assert response.header("x-content-type-options") == "nosniff"
        assert response.header("referrer-policy") == "strict-origin-when-cross-origin"
        for header in ("content-security-policy", "permissions-policy", "x-frame-options"):
            assert not response.header(header), (path, header)


def test_what_the_policy_would_block_silently_fails_the_build():
    scan = csp.scan_page('<p onclick="go()">x</p><span style="color:red">y</span><a href="javascript:go()">z</a>'
                         '<script type="application/json">{"a": 1}</script><script>run()</script>')
    assert [p.split(": ")[1] for p in scan.problems] == ["<p onclick=…>", "<span style=…>", '<a href="javascript:…">']
    assert scan.scripts == {csp.sha256_source("run()")}  # the JSON block is data: no hash


def test_the_chat_origin_is_allowed_on_the_form_pages_only_and_only_for_a_widget():
    chat = chat_settings({"provider": "url", "url": CHAT_ORIGIN + "/chat?message={message}"})
    assert csp.form_page_extra(chat) == {}
    assert csp.form_page_extra(chat_settings({"provider": "telegram", "telegram": "kezek_support"})) == {}
    jivo = chat_settings({"provider": "jivo", "widget_origins": ["https://code.jivo.ru"]})
    assert csp.form_page_extra(jivo)["script-src"] == ["https://code.jivo.ru"]
    widget = csp.form_page_extra({**chat, "provider": "function"})
    assert widget == {"script-src": [CHAT_ORIGIN], "connect-src": [CHAT_ORIGIN], "frame-src": [CHAT_ORIGIN]}
    general, form_pages = csp.policy({"'sha256-x'"}, set()), csp.policy({"'sha256-x'"}, set(), widget)
    assert CHAT_ORIGIN not in general and f"frame-src {CHAT_ORIGIN}" in form_pages
    snippet = csp.nginx_map(general, form_pages, "a test", csp.form_pages_pattern({"ru": "ask/", "kk": "kk/ask/"}))
    assert snippet.count(CHAT_ORIGIN) == 3 and '"~^/([a-z]{2}/)?ask/"' in snippet


# ---------------------------------------------------------------------------------- compression

COMPRESSED = ["", "kk/ask/", "assets/javascripts/material-bundle.*.js", "assets/stylesheets/main.*.min.css",
              "assets/javascripts/kb/ask-form.js", "assets/stylesheets/kb.css", "search/kk.json",
              "assets/support-calendar.json", "rules/editions.xml"]


@pytest.mark.parametrize("encoding", ["gzip", "br"])
@pytest.mark.parametrize("pattern", COMPRESSED)
def test_text_is_sent_compressed(nginx, build, pattern, encoding):
    path = served(build, pattern)
    file = build.site / (path + "index.html" if path.endswith("/") or path == "" else path)
    response = get(nginx, path, Accept_Encoding=f"{encoding}, identity")
    assert response.status == 200
    assert response.header("content-encoding") == encoding
    assert "Accept-Encoding" in response.header("vary")
    assert response.content() == file.read_bytes()
    assert len(response.body) < 0.6 * file.stat().st_size
    plain = get(nginx, path)
    assert plain.header("content-encoding") == "" and plain.body == file.read_bytes()


# -------------------------------------------------------------------------------- content types

@pytest.mark.parametrize("path, content_type", [
    ("", "text/html; charset=utf-8"),
    ("kk/rules/", "text/html; charset=utf-8"),
    ("assets/stylesheets/kb.css", "text/css; charset=utf-8"),
    ("assets/javascripts/kb/ask-page.js", "application/javascript; charset=utf-8"),
    ("assets/javascripts/search/worker.js", "application/javascript; charset=utf-8"),
    ("assets/support-calendar.json", "application/json; charset=utf-8"),
    ("search/ru.json", "application/json; charset=utf-8"),
    ("rules/editions.json", "application/json; charset=utf-8"),
    ("rules/editions.xml", "application/atom+xml; charset=utf-8"),
    ("kk/rules/editions.xml", "application/atom+xml; charset=utf-8"),
    ("sitemap.xml", "text/xml; charset=utf-8"),
    ("assets/images/favicon.png", "image/png"),
    ("probe/reminder.ics", "text/calendar; charset=utf-8"),
])
def test_content_types(nginx, build, path, content_type):
    response = get(nginx, served(build, path))
    assert response.status == 200
    assert response.header("content-type") == content_type


# ------------------------------------------------------------------------------------ not found

@pytest.mark.parametrize("path, lang", [
    ("no-such-page/", "ru"), ("account/no-such.html", "ru"), ("kk/no-such-page/", "kk"),
    ("kk/account/a/b/c/", "kk"), (".nginx-csp.conf", "ru"),
    # Folders without an index page: the language's 404, not nginx's bare 403.
    ("assets/", "ru"), ("search/", "ru"), ("assets/javascripts/kb/", "ru"), ("kk/assets/", "kk"), ("kk/search/", "kk"),
    # Dot-paths: not served, and under /kk/ the Kazakh 404.
    ("kk/.nginx-csp.conf", "kk"), ("kk/account/.git/config", "kk"), ("account/.env", "ru"),
])
def test_each_language_gets_its_404(nginx, path, lang):
    response = get(nginx, path)
    assert response.status == 404
    soup = BeautifulSoup(response.content(), "lxml")
    assert soup.html["lang"] == lang
    # Served at any depth: its stylesheets and scripts are addressed from the site root.
    assert all(link["href"].startswith("/") for link in soup.select('link[rel="stylesheet"]'))


def test_a_folder_without_slash_redirects_on_the_same_host(nginx):
    response = get(nginx, "kk")
    assert response.status == 301 and response.header("location") == "/kk/"


# -------------------------------------------------------------------------------------- caching

@pytest.mark.parametrize("name", [
    # Material's (its bundle as the build rewrites it: material_patches.bundle_without_lookup)
    "assets/javascripts/material-bundle.*.js", "assets/javascripts/workers/search.*.min.js",
    "assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css",
    # ours, by their plain names: each has a content-hashed one
    "assets/javascripts/kb/chat-state-page.js", "assets/javascripts/kb/ask-form.js", "assets/javascripts/search/worker.js",
    "assets/javascripts/search/search-folding.json", "assets/stylesheets/kb.css", "assets/support-calendar.json",
    "search/ru.json", "search/kk.json", "search/synonyms.json", "search/ranking.json", "assets/images/favicon.png"])
def test_fingerprinted_assets_are_cached_for_a_year(nginx, build, name):
    path = served(build, name)
    assert path != name
    first = get(nginx, path)
    assert first.status == 200 and first.header("cache-control") == IMMUTABLE
    again = get(nginx, path, If_None_Match=first.header("etag"))  # a reload may still ask: the same promise
    assert again.status == 304 and again.header("cache-control") == IMMUTABLE


def test_an_asset_name_that_is_not_there_is_not_kept(nginx):
    """A hashed name asked for before its file is uploaded, or after it was removed: a 404 that no
    cache may keep for a year."""
    for path in ("assets/javascripts/kb/ask-form.0123abcd.js", "search/ru.0123abcd.json"):
        response = get(nginx, path)
        assert response.status == 404 and response.header("cache-control") == "no-cache", path


@pytest.mark.parametrize("path", ["", "kk/ask/", "account/sms-code/", "sitemap.xml", "search/search_index.json", "rules/editions.json",
                                  "rules/editions.xml", "kk/rules/editions.xml", "notices/notices.json"])
@pytest.mark.parametrize("encoding", ["identity", "gzip", "br"])
def test_the_rest_is_revalidated_every_time(nginx, path, encoding):
    first = get(nginx, path, Accept_Encoding=encoding)
    assert first.status == 200 and first.header("cache-control") == "no-cache"
    again = get(nginx, path, Accept_Encoding=encoding, If_None_Match=first.header("etag"))
    assert again.status == 304 and again.body == b""
    assert first.header("last-modified")
    again = get(nginx, path, Accept_Encoding=encoding, If_Modified_Since=first.header("last-modified"))
    assert again.status == 304 and again.body == b""


# ------------------------------------------------------------------------------------- browser

VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) =>
  window.kbCspViolation(`${location.pathname}: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
"""


@pytest.fixture
def nginx_page(browser, nginx):
    """Pages at the address the site was built for (SITE_URL), every request of which nginx answers
    (it is the context's proxy, loopback included), in a fresh context that records every CSP
    violation (the event and the console), every script error and every request to another origin
    than the site and the chat."""
    contexts = []
    seen = {"violations": [], "console": [], "errors": [], "foreign": []}

    def open_page(utc: str, **options):
        context = browser.new_context(**{"locale": "ru-RU", "timezone_id": "Asia/Almaty", **options},
                                      proxy={"server": nginx.rstrip("/"), "bypass": "<-loopback>"})
        contexts.append(context)
        context.expose_function("kbCspViolation", lambda text: seen["violations"].append(text))
        context.add_init_script(VIOLATIONS)
        page = context.new_page()
        page.on("console", lambda m: seen["console"].append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda error: seen["errors"].append(str(error)))
        page.on("request", lambda r: seen["foreign"].append(r.url)
                if not r.url.startswith((SITE_URL, CHAT_ORIGIN, "data:", "blob:")) else None)

        def without_date(route):  # nginx's real Date would outvote the faked clock (clock sanity)
            response = route.fetch()
            headers = {k: v for k, v in response.headers.items()
                       if k.lower() not in ("date", "content-encoding", "content-length", "transfer-encoding")}
            route.fulfill(status=response.status, headers=headers, body=response.body())

        page.route(CALENDAR_ROUTE, without_date)
        page.clock.install(time=utc)
        return page

    open_page.seen = seen
    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.browser
def test_search_form_and_hand_off_through_nginx_without_a_csp_violation(nginx_page, build):
    seen = nginx_page.seen
    dates = CalendarDates(build.site)
    page = nginx_page(dates.utc(dates.working_thursday(), "10:00"), permissions=["clipboard-read", "clipboard-write"])

    # Search: Material's search box, our worker (from 'self') and the Russian index.
    response = page.goto(SITE_URL)
    assert response.headers["server"] == "nginx" and "content-security-policy" in response.headers
    expect(page.locator("[data-chat-badge]")).to_have_attribute("data-chat-state", "open")
    page.locator("input.md-search__input").click()
    page.keyboard.type("SMS", delay=30)
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible(timeout=10000)
    hrefs = results.evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert any("sms-code" in href for href in hrefs) and not any(h.startswith("/kk/") for h in hrefs)

    # The form: walk to it, fill it, save it as .txt (a blob: download), hand it to the chat.
    page.goto(SITE_URL + ASK["ru"])
    walk_to(page, "ru", "ask-login")
    fill_login(page, "ru")
    with page.expect_download() as download:
        current_step(page).get_by_role("button", name="Скачать как .txt").click()
    assert "Ввожу ИИН и пароль" in open(download.value.path(), encoding="utf-8").read()
    received = []
    page.context.route(f"{CHAT_ORIGIN}/**", lambda route: (received.append(route.request.url),
                                                           route.fulfill(status=200, body="chat")))
    with page.context.expect_page() as chat:
        page.get_by_role("button", name="Скопировать и открыть чат").click()
    chat.value.wait_for_load_state()
    query = parse_qs(urlsplit(received[0]).query)
    assert query["lang"] == ["ru"] and query["topic"] == ["account-login"]
    expect(page.locator("[data-handoff-status]")).not_to_be_empty()

    # Outside the hours: the .ics reminder (a blob: download) on the Kazakh form.
    page = nginx_page(dates.utc(dates.friday_before_working_monday(), "19:30"))
    page.goto(SITE_URL + ASK["kk"] + "#ask-support")
    expect(page.get_by_role("button", name="Көшіріп, чатты ашу")).to_be_disabled()
    with page.expect_download() as download:
        page.get_by_role("link", name="Чат ашылғанда еске салу").click()
    assert "BEGIN:VCALENDAR" in open(download.value.path(), encoding="utf-8").read()

    # Pages of every depth (each has its own __md_scope script) and every kind of page that loads
    # data of its own (rules editions, notices, the calendar, the FAQ's contents), both 404 pages,
    # the language switch.
    for path in ["kk/", "rules/", "kk/rules/changes/", "glossary/", "notices/", "kk/notices/", "faq/", "support/hours/",
                 "kk/support/hours/", "kk/account/sms-code/", "no-such-page/", "kk/a/b/c/"]:
        page.goto(SITE_URL + path)
        page.wait_for_load_state("load")
    page.goto(SITE_URL + "account/sms-code/")
    page.wait_for_load_state("networkidle")  # Material's language lookups have answered
    page.locator(".md-select").hover()
    page.get_by_role("link", name="Қазақша").click()
    page.wait_for_url(SITE_URL + "kk/account/sms-code/")

    page.wait_for_timeout(200)  # a violation report is dispatched as a task
    assert seen["violations"] == [], "\n".join(seen["violations"])
    assert [m for m in seen["console"] if re.search("Content.Security.Policy|Permissions.Policy|Refused", m)] == []
    assert seen["errors"] == []
    assert seen["foreign"] == []


# ------------------------------------------------------------------- hashed names in the browser

def proxied_context(browser, server_url: str):
    """A browser context whose requests to SITE_URL go to the nginx at `server_url`: no route
    (routing would switch the browser's cache off), the real clock."""
    return browser.new_context(locale="ru-RU", proxy={"server": server_url.rstrip("/"), "bypass": "<-loopback>"})


def settled(page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # the search worker's data, Material's language lookups


@pytest.mark.browser
@pytest.mark.parametrize("first, then", [("", "account/sms-code/"), ("kk/account/sms-code/", "kk/"), ("", "ask/"),
                                         ("kk/ask/", "kk/account/sms-code/")])
def test_a_next_page_asks_again_only_for_itself_and_the_fixed_files(browser, nginx_server, first, then):
    """Every asset of ours is `immutable` under its hashed name, the pages' settings of a language
    included: a second page view asks the server for its page and Material's search configuration,
    never again for a script, a style or data it has; and no page looks up a sitemap (Material's
    language lookup is out of its bundle: material_patches), so nothing fails in the console."""
    context = proxied_context(browser, nginx_server.url)
    page = context.new_page()
    console = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    mark = nginx_server.mark()
    page.goto(SITE_URL + first)
    settled(page)
    first_view = nginx_server.requests_since(mark)
    seen = {path for path, _ in first_view}
    mark = nginx_server.mark()
    page.goto(SITE_URL + then)
    settled(page)
    asked = nginx_server.requests_since(mark)
    context.close()
    assert ("/" + then, 200) in asked
    lang = "kk" if first.startswith("kk/") else "ru"
    assert [path for path in seen if path.startswith(f"/assets/page-settings/{lang}.")], first_view  # then kept
    again = sorted({path for path, _ in asked if path in seen})
    assert again == ["/search/search_index.json"], again
    # revalidated (304): only Material's search configuration; the rest is new to this page (the form's scripts)
    assert {path for path, status in asked if status == 304} == {"/search/search_index.json"}, asked
    assert not [path for path, _ in first_view + asked if path.endswith("sitemap.xml")]
    assert all(status == 200 for path, status in first_view + asked if path != "/search/search_index.json"), asked
    assert console == []


@pytest.fixture(scope="module")
def build_b(tmp_path_factory):
    """Build B: the project with a changed search module, a changed article and a changed string of
    the pages' settings (the chat bar's)."""
    project = tmp_path_factory.mktemp("project-b")
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    matching = project / "overrides" / "assets" / "javascripts" / "search" / "matching.js"
    matching.write_text(matching.read_text(encoding="utf-8") + "// build B\n", encoding="utf-8")
    article = project / "docs" / "ru" / "account" / "sms-code.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nВыложено сборкой B.\n", encoding="utf-8")
    strings = project / "docs" / "site-strings.yml"
    text = strings.read_text(encoding="utf-8")
    assert text.count("(время Астаны)") >= 1
    strings.write_text(text.replace('открыт до {time} (время Астаны)"', 'открыт до {time} (время Астаны, сборка B)"'), encoding="utf-8")
    site = tmp_path_factory.mktemp("site-b")
    result = run_build(site, project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def files_of(site: Path) -> set[str]:
    return {"/" + p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


@pytest.mark.browser
@pytest.mark.parametrize("deploy", ["copy over", "replace"])
def test_a_page_of_build_a_open_during_the_deploy_of_b_never_loads_bs_files(browser, build, build_b, tmp_path, deploy):
    """A page of build A is open while build B is deployed: what it loads afterwards (here its search
    worker's engine and index, held back until B is there) has A's names. Copied over A (the way
    README says), A's files are still there and the page works with A's data; with A's files gone
    (a deploy that replaces the folder) those requests fail and the page still never mixes in B's
    scripts or data."""
    a_files, b_files = files_of(build.site), files_of(build_b)
    b_only = b_files - a_files
    assert any("/search/ru." in f for f in b_only) and any("/matching." in f for f in b_only)
    assert any("/page-settings/ru." in f for f in b_only)
    live = tmp_path / "live"
    shutil.copytree(build.site, live)
    server = Nginx(live, tmp_path)
    context = proxied_context(browser, server.url)
    try:
        page = context.new_page()
        held = []
        # Material's front end sets up the search worker once it has its search configuration; the
        # chat bar's script reads the pages' settings.
        for pattern in ("**/search/search_index.json", "**/assets/page-settings/*"):
            page.route(pattern, lambda route: held.append(route))
        page.goto(SITE_URL)
        page.wait_for_load_state("load")
        for _ in range(100):
            if len(held) == 2:
                break
            page.wait_for_timeout(50)
        assert len(held) == 2, "Material's search configuration or the pages' settings were not asked for"
        mark = server.mark()
        if deploy == "replace":
            shutil.rmtree(live)
        shutil.copytree(build_b, live, dirs_exist_ok=True)
        server.reload()
        for route in held:
            route.continue_()
        page.locator("input.md-search__input").click()
        page.keyboard.type("SMS", delay=30)
        results = page.locator(".md-search-result__item a")
        if deploy == "copy over":
            expect(results.first).to_be_visible(timeout=10000)
        else:
            page.wait_for_timeout(2000)
            expect(results).to_have_count(0)
        asked = server.requests_since(mark)
        assert not [path for path, _ in asked if path in b_only], asked
        worker_data = [(path, status) for path, status in asked if path.startswith(("/search/ru.", "/assets/javascripts/search/"))]
        assert worker_data and all(path in a_files for path, _ in worker_data), worker_data
        assert [path for path, _ in worker_data if path.startswith("/search/ru.") and path not in b_files]  # A's index
        assert all(status == (200 if deploy == "copy over" else 404) for _, status in worker_data), worker_data
        settings = [(path, status) for path, status in asked if path.startswith("/assets/page-settings/")]
        assert settings and all(path in a_files and status == (200 if deploy == "copy over" else 404)
                                for path, status in settings), settings
        badge = page.locator("[data-chat-badge]")
        if deploy == "copy over":  # A's sentence, with A's strings
            expect(badge).to_have_attribute("data-chat-state", re.compile("open|closed"))
            expect(badge).not_to_contain_text("сборка B")

        # A new view of the page is B's, with B's files.
        mark = server.mark()
        for pattern in ("**/search/search_index.json", "**/assets/page-settings/*"):
            page.unroute(pattern)
        page.goto(SITE_URL)
        settled(page)
        assert [path for path, _ in server.requests_since(mark) if "/matching." in path or "/search/ru." in path][0] in b_only
    finally:
        context.close()
        server.stop()
