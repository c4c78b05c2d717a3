"""Content-hashed names for the site's own assets, so that browsers keep them for a year
(`immutable`, deploy/nginx) and a page asks again for nothing but itself and the few files whose
address must stay fixed.

Once every file of the build is written (before the security policy), every asset of ours gets
the first 8 hex digits of its content's sha256 in its name (`ask-form.js` → `ask-form.1a2b3c4d.js`)
and every reference to it is rewritten:

- ours: every file under `assets/` and `search/` of the output that is not Material's own (those
  carry Material's hashes or are Material's fixed files) and not a FIXED address: our scripts and
  styles, the data files the pages and the search worker read (the calendar, the search data, the
  stemmer's rules…), whatever the build writes there next, and the site's icon;
- in a script of ours (JavaScript): a string literal that is a relative path (`./x.js`,
  `"../../../search/ru.json"`), read from the script's own address, as import specifiers, `import()`
  and `new URL("…", import.meta.url)` are (a classic worker: `new URL("…", self.location.href)`);
  in a stylesheet: `url(…)` and `@import`, likewise; leaves first, so that a script's name also
  changes when a module it imports changes;
- in a page (every .html file): any quoted value (src, href, the page's JSON settings) naming one
  of our assets, read from the page's folder (from the site's root when it starts with `/`).

A reference it cannot rewrite fails the build with its file and line: a script naming one of our
files by a bare or computed name (`"ru.json"`, `` `search/${lang}.json` ``), a path that leads
nowhere, a page naming one of our files from the wrong folder. Old names are removed: a missed
reference is a 404, never a stale file.

Deploying build B over build A keeps A's hashed files (copy without deleting; see README): a page
of A still open loads A's scripts with A's data, never B's; B's pages name B's files."""
from __future__ import annotations

import functools
import hashlib
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from ..build.context import BuildContext, BuildProblem
from ..build.html import rewrite_pages, splice

# Folders of the output that hold assets; their files not in FIXED get hashed names.
FOLDERS = ("assets", "search")
# Material's front end fetches its search index's configuration by this very name.
FIXED = {"search/search_index.json"}
# Material's default icon is the site's own: every page links it, and would ask for it again each time.
SITE_ICON = "assets/images/favicon.png"
TEXT_SUFFIXES = {".js", ".mjs", ".css"}  # the assets that may refer to other assets
REFERENCE_SUFFIXES = (".js", ".mjs", ".json", ".css")
HASH_LENGTH = 8
HASHED_NAME = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{8})(?P<suffix>\.[A-Za-z0-9]+)$")


def hashed_name(path: str, content: bytes) -> str:
    stem, suffix = posixpath.splitext(path)
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:HASH_LENGTH]}{suffix}"


def already_hashed(site: Path, path: str) -> bool:
    """Named for what it holds already (a `mkdocs build --dirty` leaves the last build's files)."""
    match = HASHED_NAME.match(posixpath.basename(path))
    return bool(match) and hashlib.sha256((site / path).read_bytes()).hexdigest()[:HASH_LENGTH] == match["hash"]


def hashed_path(site: Path, plain: str) -> str:
    """The site path a plain asset name has in a built site ('assets/javascripts/kb/privacy.js' →
    'assets/javascripts/kb/privacy.1a2b3c4d.js'), for tests and tools."""
    stem, suffix = posixpath.splitext(plain)
    found = [p for p in (site / posixpath.dirname(plain)).glob(f"{posixpath.basename(stem)}.*{suffix}")
             if (m := HASHED_NAME.match(p.name)) and m["stem"] == posixpath.basename(stem)]
    if len(found) != 1:
        raise LookupError(f"{plain}: {len(found)} hashed files in {site}")
    return f"{posixpath.dirname(plain)}/{found[0].name}".lstrip("/")


# ------------------------------------------------------------------------------ JavaScript text

# Comments, string and template literals, and regular expression literals (after a character that
# ends no value), scanned left to right: a quote inside a comment or a regular expression opens no
# string.
_JS_TOKEN = re.compile(r"""
    (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)
  | (?P<slash>/)
""", re.S | re.X)
_REGEX_BODY = re.compile(r"(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n\[])+/[a-z]*")
_BEFORE_REGEX = set("(,=:[!&|?{};+-*%<>~^") | {""}


def js_strings(source: str) -> list[tuple[int, int, str]]:
    """(start, end, text without quotes) of every string and template literal of a script."""
    found, position = [], 0
    while True:
        match = _JS_TOKEN.search(source, position)
        if not match:
            return found
        if match["string"]:
            found.append((match.start(), match.end(), match["string"][1:-1]))
            position = match.end()
        elif match["slash"]:
            before = source[:match.start()].rstrip()
            regex = _REGEX_BODY.match(source, match.end())
            if regex and (before[-1:] in _BEFORE_REGEX or re.search(r"\b(return|typeof|case)$", before)):
                position = regex.end()
            else:
                position = match.end()
        else:
            position = match.end()


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _split(reference: str) -> tuple[str, str]:
    """A reference's path and what follows it (?query, #fragment)."""
    cut = min([i for i in (reference.find("?"), reference.find("#")) if i >= 0], default=len(reference))
    return reference[:cut], reference[cut:]


_CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')\s]+)\1\s*\)|@import\s+(["'])([^"']+)\3""")


class _Site:
    """The assets of one output folder, their references, and their new names."""

    def __init__(self, output: Path, material_assets: set[str], site_url: str):
        self.output = output
        self.site_url = site_url
        self.base_path = urlsplit(site_url).path.rstrip("/") + "/"
        self.assets = sorted(
            path for folder in FOLDERS if (output / folder).is_dir()
            for path in (p.relative_to(output).as_posix() for p in (output / folder).rglob("*") if p.is_file())
            if path not in FIXED and (path not in material_assets or path == SITE_ICON)
            and not already_hashed(output, path))
        self.ours = set(self.assets)
        self.by_basename: dict[str, list[str]] = {}
        for path in self.assets:
            self.by_basename.setdefault(posixpath.basename(path), []).append(path)
        self.renamed: dict[str, str] = {}
        self.problems: list[str] = []

    def _resolve(self, folder: str, path: str) -> str:
        return posixpath.normpath(posixpath.join(folder, path)).lstrip("/")

    def script_references(self, path: str, text: str) -> list[tuple[int, int, str]]:
        """(start, end, target) of each reference of a script or stylesheet to one of our assets."""
        folder, found = posixpath.dirname(path), []
        if path.endswith(".css"):
            for match in _CSS_URL.finditer(text):
                group = 2 if match[2] else 4
                target, _ = _split(match[group])
                if re.match(r"^[a-z][a-z0-9+.-]*:|^/|^#", target):
                    continue
                resolved = self._resolve(folder, target)
                if resolved in self.ours:
                    found.append((match.start(group), match.start(group) + len(target), resolved))
                elif not (self.output / resolved).is_file():
                    self.problems.append(f"{path}:{_line(text, match.start())}: {match[group]} names no file of the build")
            return found
        for start, end, literal in js_strings(text):
            target, _ = _split(literal)
            if target.startswith(("./", "../")) and "${" not in literal:
                resolved = self._resolve(folder, target)
                if resolved in self.ours:
                    found.append((start + 1, start + 1 + len(target), resolved))
                elif not (self.output / resolved).is_file():
                    self.problems.append(f"{path}:{_line(text, start)}: {literal!r} names no file of the build "
                                         f"({resolved} from this script's folder)")
            elif target.endswith(REFERENCE_SUFFIXES) and (
                    "${" in literal or posixpath.basename(target) in self.by_basename):
                self.problems.append(
                    f"{path}:{_line(text, start)}: {literal!r}: a file of the build named in a way the build "
                    "cannot rewrite to its hashed name; write its whole path relative to this script as a "
                    "string of its own (e.g. new URL(\"../../../search/ru.json\", import.meta.url))")
        return found

    def rename_all(self) -> None:
        """Leaves first: a file's hash covers the hashed names of what it refers to."""
        text = {path: (self.output / path).read_text(encoding="utf-8") for path in self.assets
                if posixpath.splitext(path)[1] in TEXT_SUFFIXES}
        references = {path: self.script_references(path, source) for path, source in text.items()}
        state: dict[str, str] = {}  # path -> "visiting" | "done"

        def visit(path: str, chain: list[str]) -> None:
            if state.get(path) == "done":
                return
            if state.get(path) == "visiting":
                cycle = chain[chain.index(path):] + [path]
                raise BuildProblem("Scripts that import each other in a circle cannot get content-hashed names: "
                                   + " → ".join(cycle) + " (support_kb/serving/fingerprints.py)")
            state[path] = "visiting"
            for _, _, target in references.get(path, []):
                visit(target, chain + [path])
            self._rename(path, text.get(path), references.get(path, []))
            state[path] = "done"

        for path in self.assets:
            visit(path, [])

    def _rename(self, path: str, source: str | None, references: list[tuple[int, int, str]]) -> None:
        file = self.output / path
        if source is None:
            content = file.read_bytes()
        else:
            for start, end, target in sorted(references, reverse=True):
                new = posixpath.basename(self.renamed[target])
                old = source[start:end]
                source = source[:start] + old[: len(old) - len(posixpath.basename(target))] + new + source[end:]
            content = source.encode("utf-8")
        self.renamed[path] = hashed_name(path, content)
        if source is None:
            file.rename(self.output / self.renamed[path])  # as it is: one call, not a copy and a deletion
        else:
            (self.output / self.renamed[path]).write_bytes(content)
            file.unlink()

    def rewrite_page(self, relative: str, html: str, insertions: list[tuple[int, int, str]] = ()) -> str:
        """The page at site path `relative`, with `insertions` (start, start, text: bundles' preloads)
        made in it, and every reference to one of our assets renamed: what
        `rewrite_page(relative, splice(html, insertions))` gives, in one copy of the page. (Each
        insertion is made before a `<` and its text starts with one, so that no quoted value runs
        across it.) What cannot be renamed is kept in `problems`, at its line of the page."""
        known = len(self.problems)
        if all(html.startswith("<", start) and text[:1] in ("", "<") for start, _, text in insertions):
            edits = self._edits(relative, html) + [(start, end, splice(text, self._edits(relative, text)))
                                                     for start, end, text in insertions]
            if len(self.problems) == known:
                return splice(html, sorted(edits))
            del self.problems[known:]  # to be said at their lines of the page with the insertions
        html = splice(html, insertions)
        return splice(html, self._edits(relative, html))

    def _edits(self, relative: str, html: str) -> list[tuple[int, int, str]]:
        folder = posixpath.dirname(relative)
        edits, done = [], 0
        for start, end, value in quoted_values(html, self.by_basename):
            path, rest = _split(value)
            name = posixpath.basename(path)
            if path.startswith(self.site_url):  # an absolute address of the site
                resolved = path[len(self.site_url):]
            elif path.startswith("/"):
                resolved = posixpath.normpath(path) + "/"
                resolved = resolved[len(self.base_path):-1] if resolved.startswith(self.base_path) else path
            elif re.match(r"^[a-z][a-z0-9+.-]*:", path):
                continue  # another site's
            else:
                resolved = self._resolve(folder, path)
            if resolved not in self.renamed:
                self.problems.append(f"{relative}:{_line(html, start)}: {value!r} names "
                                     f"{' or '.join(self.by_basename[name])} from the wrong folder (a page's "
                                     "references start from its own folder, or from the site's root with '/')")
                continue
            name_start = start + 1 + len(path) - len(name)
            if name_start < done:
                continue  # the same name again, found from a later ending of this value
            done = start + 1 + len(path)
            edits.append((name_start, done, posixpath.basename(self.renamed[resolved])))
        return edits

    def check(self) -> None:
        if self.problems:
            raise BuildProblem("References to the site's own files that the build cannot give their content-hashed "
                               "names (file:line in the site folder or overrides/assets/):\n" + "\n".join(self.problems))


_DELIMITER = re.compile(r"""[\s<>]""")  # with a quote: what a value of a path cannot hold
_TAIL = re.compile(r"""[^"'\s<>]*""")  # the rest of a value: its ?query or #fragment
_LONGEST_PATH = 1000


@functools.lru_cache(maxsize=8)
def _endings(endings: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"""\.(?:{'|'.join(map(re.escape, endings))})(?=["'?#])""")


def quoted_values(html: str, names) -> list[tuple[int, int, str]]:
    """(start, end, value) of each quoted value (attribute, JSON string) of a page whose path ends
    with one of `names`: found from the names' endings (.js, .json…), one pass over the page. A
    value opens at the last quote before its ending (at most _LONGEST_PATH before it), with no
    white space, < or > between."""
    found = []
    for ending in _endings(tuple(sorted({posixpath.splitext(name)[1][1:] for name in names}))).finditer(html):
        lowest = max(0, ending.start() - _LONGEST_PATH)
        opening = max(html.rfind('"', lowest, ending.start()), html.rfind("'", lowest, ending.start()))
        if opening < 0 or _DELIMITER.search(html, opening + 1, ending.start()):
            continue
        path_end = ending.end()
        close = _TAIL.match(html, path_end).end()
        if close < len(html) and html[close] == html[opening] and \
                posixpath.basename(html[opening + 1:path_end]) in names:
            found.append((opening, close + 1, html[opening + 1:close]))
    return found


def material_assets(theme_dirs: list[Path], overrides: Path) -> set[str]:
    """Site paths of the files of the theme's own asset folders (Material's), not the overrides'."""
    found = set()
    for folder in theme_dirs:
        if Path(folder).resolve() == Path(overrides).resolve():
            continue
        for file in (Path(folder) / "assets").rglob("*"):
            if file.is_file():
                found.add(file.relative_to(folder).as_posix())
    return found


def rename_assets(output: Path, site_url: str, material: set[str]) -> _Site:
    """Gives every asset of ours in `output` its hashed name; its `rewrite_page` then renames a
    page's references (support_kb.build.outputs.rewrite_built_pages: every page once)."""
    site = _Site(output, material, site_url)
    site.rename_all()
    site.check()
    return site


def fingerprint(output: Path, site_url: str, material: set[str]) -> dict[str, str]:
    """Gives every asset of ours in `output` its hashed name and rewrites every reference to it;
    returns plain site path → hashed site path."""
    site = rename_assets(output, site_url, material)
    rewrite_pages(output, site.rewrite_page)
    site.check()
    return site.renamed


def write_fingerprints(ctx: BuildContext) -> None:
    ctx.asset_names = rename_assets(ctx.site.output, ctx.site.url,
                                    material_assets(list(ctx.site.theme_dirs), ctx.site.overrides))
