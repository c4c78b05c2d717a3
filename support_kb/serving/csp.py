"""The site's Content-Security-Policy, derived from the built pages.

No 'unsafe-inline' anywhere. Material writes two small inline scripts into every page (the
`__md_scope` localStorage helpers, whose text depends on the page's depth, and the tabbed-content
anchor fix); they are allowed by the sha256 of their exact text. Only scripts known by where they
come from are allowed: each `<script>` element written in a template of the theme (Material's and
overrides/) is a pattern (its Jinja expressions stand for a value that cannot leave a JavaScript
string), and an executed script of a built page that no pattern matches fails the build with its
file and line (`known_scripts`, `SiteScan`), as one in a page's content does (`scan_page`): an
editor's text reaches the pages as text, never as a script the policy lets through. `<script type="application/json">`
blocks are data, never executed, and need nothing.

Styles: the pages carry no `<style>` element and no `style` attribute; Material's JavaScript sets
styles through the CSSOM (`element.style.top = …`, `style.setProperty(…)`), which CSP does not
govern. So `style-src 'self'` (plus the hash of any inline `<style>` element a page may gain), and a
`style` attribute in a page's content fails the build (page_problems), as do inline event handlers
and `javascript:` URLs: under this policy the browser would drop them silently.

The support chat: with the `url`, `telegram` and `whatsapp` providers the hand-off opens the chat in a new tab (`window.open`, or a link
with target=_blank when pop-ups are blocked). CSP governs neither a new top-level browsing context
nor a link (`navigate-to` never shipped), and nothing posts a form to the chat or fetches from it,
so the chat's origin is in no directive. The question's `.txt` and the reminder's `.ics` are `blob:`
links with `download`: a download, which CSP does not govern either. With a widget provider (Jivo,
Bitrix24, Chatwoot, Intercom, Crisp, the portal's own function) the portal's chat script runs in the
form page: its origins (`widget_origins`) are then allowed for scripts, connections and frames on the
form pages (`/ask/`, `/kk/ask/`: the pages that carry the form's marker) only.

Once every page is written, the build hashes each inline script that runs (Material's own) and
writes the policy as an nginx snippet beside the pages, `.nginx-csp.conf` in the site folder, which
deploy/nginx/help-centre.conf includes (nginx serves no dot-file).
"""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..build.context import BuildContext, BuildProblem, language_prefix
from ..build.html import html_files

# The `type` values under which a browser runs a <script> (HTML's "JavaScript MIME type essence
# match", plus module and import maps); any other type is a data block.
CLASSIC_TYPES = {
    "", "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript",
}
EXECUTED_TYPES = CLASSIC_TYPES | {"module", "importmap"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
SNIPPET = ".nginx-csp.conf"


def sha256_source(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def executed(attrs: dict[str, str | None]) -> bool:
    """Whether a <script> with these attributes runs (an inline one, when it has no src)."""
    return (attrs.get("type") or "").strip().lower() in EXECUTED_TYPES


@dataclass
class PageScan:
    """What one page needs from the policy, and what the policy would silently break in it."""
    scripts: set[str] = field(default_factory=set)  # hash sources of inline executed scripts
    styles: set[str] = field(default_factory=set)   # hash sources of inline <style> elements
    problems: list[str] = field(default_factory=list)


# A tokenizer for built pages, not a general HTML parser: comments and <script>/<style> elements
# (raw text, taken whole) first, then start tags with their attributes. Regular expressions keep a
# thousand-page build fast (html.parser took ten seconds there to read every page).
_VALUE = r"""(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)"""
_ATTRIBUTES = rf"""((?:\s+[^\s"'>/=]+(?:\s*=\s*{_VALUE})?)*)\s*/?"""
_RAW = re.compile(rf"<!--.*?-->|<(script|style)\b{_ATTRIBUTES}>(.*?)</\1[\t\n\f\r /]*>", re.S | re.I)
_TAG = re.compile(rf"<([a-zA-Z][a-zA-Z0-9-]*){_ATTRIBUTES}>")
_ATTRIBUTE = re.compile(rf"""([^\s"'>/=]+)(?:\s*=\s*({_VALUE}))?""")


def _attributes(text: str) -> list[tuple[str, str | None]]:
    return [(name.lower(), value.strip("\"'") if value else None) for name, value in _ATTRIBUTE.findall(text)]


def _problems(tag: str, attrs: list[tuple[str, str | None]]) -> list[str]:
    problems = []
    for name, value in attrs:
        if name.startswith("on"):
            problems.append(f"<{tag} {name}=…>: an inline event handler")
        elif name == "style":
            problems.append(f"<{tag} style=…>: an inline style attribute (use a class in overrides/assets/stylesheets/kb.css)")
        elif name in URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
            problems.append(f'<{tag} {name}="javascript:…">: a javascript: URL')
    return problems


# In a template's <script> element, a Jinja expression stands for a value with none of the
# characters that could end a JavaScript string, the element or the line.
_JINJA_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
_JINJA_VALUE = r"""[^"'`<>\\\n]*"""


@dataclass(frozen=True)
class KnownScript:
    """A <script> element written in one of the theme's templates, as a pattern of its built text."""

    where: str  # template:line
    pattern: re.Pattern


def _element_pattern(source: str) -> re.Pattern | None:
    if "{%" in source or "{#" in source:
        return None  # a statement inside the element: what it writes is not known here
    parts = []
    for index, literal in enumerate(_JINJA_EXPRESSION.split(source)):
        if index:
            parts.append(_JINJA_VALUE)
        # Whitespace as written stays whitespace (any amount); beside an expression it may go
        # (Jinja's `{{-` trims it).
        words = re.split(r"\s+", literal)
        parts.append(r"\s*" if words[0] == "" and index else "")
        parts.append(r"\s+".join(re.escape(word) for word in words if word) if literal.strip() else "")
        parts.append(r"\s*" if words[-1] == "" and literal.strip() else "")
    return re.compile("".join(parts), re.S)


def known_scripts(theme_dirs: list[Path]) -> list[KnownScript]:
    """Every executed <script> element (inline or not) written in the theme's templates."""
    known = []
    for folder in theme_dirs:
        for template in html_files(Path(folder)):
            text = template.read_text(encoding="utf-8")
            for match in _RAW.finditer(text):
                tag, attributes = match.group(1), match.group(2)
                if tag and tag.lower() == "script" and executed(dict(_attributes(attributes or ""))):
                    pattern = _element_pattern(match.group(0))
                    if pattern:
                        line = text.count("\n", 0, match.start()) + 1
                        known.append(KnownScript(f"{template.relative_to(Path(folder).parent)}:{line}", pattern))
    return known


def is_known(element: str, known: list[KnownScript]) -> bool:
    return any(script.pattern.fullmatch(element) for script in known)


UNKNOWN_SCRIPT = ("<script>: a script no template of the theme writes; the policy runs only the theme's own "
                  "scripts (write it as text, or ask a developer for a module in overrides/assets/javascripts/)")


# What each problem scan_page finds starts with, in any case: an attribute named on… or style (the
# tokenizer takes an attribute only after white space), a script element, a javascript: URL. Most
# pages have none of these and are not scanned tag by tag. (Looked for in the lower-cased text:
# three times faster than one case-blind regular expression.)
_ATTRIBUTE_BLOCKED = re.compile(r"\s(?:on|style)")


def _may_be_blocked(html: str) -> bool:
    lowered = html.lower()
    return "<script" in lowered or "javascript:" in lowered or _ATTRIBUTE_BLOCKED.search(lowered) is not None


def scan_page(html: str, problems: bool = True, known: list[KnownScript] | None = None) -> PageScan:
    """The hashes of a page's inline scripts and styles and, unless `problems` is false (a fast
    pass over whole built pages), what the policy would block in it: with `known`, any executed
    <script> element that is not one of the theme's is one of those."""
    scan = PageScan()

    def line(position: int) -> int:
        return html.count("\n", 0, position) + 1

    def raw(match: re.Match) -> str:
        tag, attributes, content = match.groups()
        if tag:
            tag = tag.lower()
            attrs = _attributes(attributes)
            if problems:
                scan.problems += [f"line {line(match.start())}: {p}" for p in _problems(tag, attrs)]
                if known is not None and tag == "script" and executed(dict(attrs)) and not is_known(match.group(0), known):
                    scan.problems.append(f"line {line(match.start())}: {UNKNOWN_SCRIPT}")
            # The browser hashes the text after its input stream has normalised newlines.
            text = content.replace("\r\n", "\n").replace("\r", "\n")
            named = dict(attrs)
            if tag == "style":
                scan.styles.add(sha256_source(text))
            elif "src" not in named and executed(named):
                scan.scripts.add(sha256_source(text))
        return " " * (match.end() - match.start())  # the same length: positions keep their lines

    rest = _RAW.sub(raw, html)
    if problems and _may_be_blocked(rest):  # else no tag left has what the policy blocks
        for match in _TAG.finditer(rest):
            found = _problems(match.group(1).lower(), _attributes(match.group(2)))
            scan.problems += [f"line {line(match.start())}: {p}" for p in found]
        scan.problems.sort(key=lambda p: int(p.split(":")[0].split()[1]))
    return scan


@dataclass
class SiteScan:
    """The inline scripts and styles of every built page of the site folder (both languages, the
    404 pages included), each page scanned as it is finally written (support_kb.build.outputs.
    rewrite_built_pages). Only inline scripts of the theme's templates (`known`) are hashed; any
    other executed one (in a title, the navigation, anywhere) is a problem with its page and line.
    What the policy would block silently is looked for in each page's content, as it is built
    (page_problems), not here."""
    known: list[KnownScript]
    scripts: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)
    pages: int = 0
    problems: list[str] = field(default_factory=list)  # site-path:line: what

    def scan(self, where: str, html: str) -> None:
        """One built page, at site path `where`."""
        for match in _RAW.finditer(html):
            tag, attributes, content = match.groups()
            if not tag:
                continue
            attrs = dict(_attributes(attributes))
            text = content.replace("\r\n", "\n").replace("\r", "\n")
            if tag.lower() == "style":
                self.styles.add(sha256_source(text))
            elif executed(attrs) and not is_known(match.group(0), self.known):
                self.problems.append(f"{where}:{html.count(chr(10), 0, match.start()) + 1}: {UNKNOWN_SCRIPT}")
            elif executed(attrs) and "src" not in attrs:
                self.scripts.add(sha256_source(text))
        self.pages += 1


# What each problem of a page's content looks like in its Markdown (the last one: an event handler).
_SOURCE_NEEDLES = (("<script>", r"<script\b"), ("style=", r"\bstyle\s*="), ('"javascript:', r"javascript:"),
                   ("", r"\bon[a-z]+\s*="))


def source_lines(problems: list[str], source: str) -> list[str]:
    """The page content's problems ("line N: <tag …>: what"), each at the line of the page's
    Markdown that wrote it when that can be told (the k-th such thing in the content is taken to be
    the k-th line of the source that has one), else at its line of the HTML content."""
    lines = source.splitlines()
    taken: dict[str, int] = {}
    located = []
    for problem in problems:
        html_line, what = problem.split(": ", 1)
        needle = next(needle for key, needle in _SOURCE_NEEDLES if key in what.split(": ")[0])
        found = [number for number, text in enumerate(lines, 1) if re.search(needle, text, re.I)]
        index = taken[needle] = taken.get(needle, -1) + 1
        where = str(found[index]) if index < len(found) else f"{html_line.removeprefix('line ')} (of the HTML content)"
        located.append(f"{where}: {what}")
    return located


def origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


def policy(scripts: set[str], styles: set[str], extra: dict[str, list[str]] | None = None) -> str:
    """The policy's text. `extra` adds sources to directives (the chat's widget on the form pages)."""
    extra = extra or {}
    directives = {
        "default-src": ["'none'"],
        "script-src": ["'self'", *sorted(scripts)],
        "style-src": ["'self'", *sorted(styles)],
        # Material's icons are data: SVG images inside its CSS.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        # The chat state's calendar, the search index, Material's sitemap lookup for the language switch.
        "connect-src": ["'self'"],
        # The search engine runs in a worker from this site (assets/javascripts/search/worker.js).
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "frame-src": [],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
    for name, sources in extra.items():
        directives[name] = [s for s in directives.get(name, []) if s != "'none'"] + sources
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items() if sources)


def form_page_extra(chat: dict) -> dict[str, list[str]]:
    """What the hand-off needs beyond the general policy, on the form pages only: nothing for a chat
    opened in a new tab (window.open or a link, which CSP does not restrict); for a widget the
    portal's page includes, its `widget_origins` (and, for the `function` provider, the chat
    address's origin). `chat` is checked by support_kb.handoff.chat.settings."""
    if chat["provider"] in ("url", "telegram", "whatsapp"):
        return {}
    origins = list(chat.get("widget_origins") or [])
    chat_origin = origin(chat.get("url") or "")
    if chat["provider"] == "function" and chat_origin and chat_origin not in origins:
        origins.append(chat_origin)
    return {name: origins for name in ("script-src", "connect-src", "frame-src")} if origins else {}


def form_pages_pattern(form_pages: dict[str, str]) -> str:
    """The nginx location pattern of the pages where the hand-off happens (site paths, as nginx
    sees $uri), from each language's form page (lang -> site path)."""
    paths = sorted({path.removeprefix(language_prefix(lang)) for lang, path in form_pages.items()})
    return r"^/([a-z]{2}/)?" + (re.escape(paths[0]) if len(paths) == 1 else "(" + "|".join(map(re.escape, paths)) + ")")


def nginx_map(general: str, form_pages: str, source: str, form_pattern: str) -> str:
    """An http-level nginx snippet: `$kb_csp_by_path`, the policy of the page at $uri."""
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [
        f"# Content-Security-Policy of the built site, written by support_kb/serving/csp.py from {source}.",
        "# Generated on every build: do not edit; deploy it together with the site it was built from.",
        "map $uri $kb_csp_by_path {",
        f"    default {quoted(general)};",
    ]
    if form_pages != general:
        lines.append(f"    {quoted('~' + form_pattern)} {quoted(form_pages)};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def page_problems(ctx: BuildContext, content: str, source: str, where: str) -> None:
    """A page's content (what editors write, with what the build puts in it) must have nothing the
    policy would block silently: an inline event handler, a `style` attribute, a `javascript:` URL,
    a script that no template of the theme writes. Each is reported at its line of the Markdown."""
    if not _may_be_blocked(content):
        return
    problems = scan_page(content, known=ctx.known_scripts).problems
    if problems:
        raise BuildProblem("The Content-Security-Policy would block these; write text, use a class in "
                           "overrides/assets/stylesheets/kb.css or a module in overrides/assets/javascripts/:\n"
                           + "\n".join(f"{where}:{line}" for line in source_lines(problems, source)))


def write_policy(ctx: BuildContext) -> None:
    """Last of all the build's outputs: the policy covers every page as written (ctx.page_scan, taken
    by support_kb.build.outputs.rewrite_built_pages)."""
    site, found = ctx.site.output, ctx.page_scan
    if found.problems:
        raise BuildProblem("Built pages carry scripts that no template of the theme writes (site folder's "
                           "file:line); the policy allows only the theme's own:\n" + "\n".join(found.problems))
    general = policy(found.scripts, found.styles)
    form_pages = policy(found.scripts, found.styles, form_page_extra(ctx.site.settings.chat))
    snippet = nginx_map(general, form_pages, f"{found.pages} pages", form_pages_pattern(ctx.form_pages))
    (site / SNIPPET).write_text(snippet, encoding="utf-8")
