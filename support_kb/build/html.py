"""Small helpers for what the build writes into pages: links between them, JSON inside them, the
built pages read and written back, and a page as it is written."""
from __future__ import annotations

import json
import os
import posixpath
import re
from pathlib import Path
from typing import Callable, Iterable


def relative_url(target: str, page_url: str) -> str:
    """The link from the page at `page_url` (a site path such as 'kk/account/login/') to the site
    path `target`, as MkDocs writes links: a page's own folder is where relative links start."""
    folder = page_url if page_url.endswith("/") or "." not in page_url.rpartition("/")[2] else page_url.rpartition("/")[0]
    start = [part for part in posixpath.normpath("/" + folder).split("/") if part]
    goal = [part for part in posixpath.normpath("/" + target).split("/") if part]
    common = 0
    for a, b in zip(start, goal):
        if a != b:
            break
        common += 1
    link = "/".join([".."] * (len(start) - common) + goal[common:]) or "."
    return link + "/" if target.endswith("/") else link


def script_json(data) -> str:
    """JSON that is safe inside <script type="application/json">."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def splice(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """`text` with each edit (start, end, new text) made, the edits in order and apart: one copy of
    a page, not one per edit (a thousand pages are some 180 MB)."""
    pieces, done = [], 0
    for start, end, new in edits:
        pieces += [text[done:start], new]
        done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def html_files(folder: Path) -> list[Path]:
    """The .html files under `folder`, sorted; os.walk, not Path.rglob: Material's template folder
    holds 14,000 icons, which rglob took twice as long to pass over."""
    return sorted(Path(top, name) for top, _, names in os.walk(folder) for name in names if name.endswith(".html"))


def rewrite_pages(site: Path, rewrite: Callable[[str, str], str]) -> None:
    """Every page of the site folder, in the order of its path, through `rewrite(site path, text)`:
    written back when that changed it, over the same file (emptying a file and writing it again
    cost the file system five times as much: 1.5 s against 0.3 s for a thousand pages)."""
    for page in html_files(site):
        with open(page, "r+b") as file:
            html = file.read().decode("utf-8")
            rewritten = rewrite(page.relative_to(site).as_posix(), html)
            if rewritten != html:
                file.seek(0)
                file.write(rewritten.encode("utf-8"))
                file.truncate()


# Elements whose text keeps its whitespace (white-space: pre / pre-wrap in Material's and our styles,
# raw text): nothing inside them changes. Found by their opening tag, then str.find for the closing one.
_KEPT = re.compile(r"<(pre|textarea|script|style|code|kbd)\b", re.I)
# A run of whitespace between two tags: with a newline it becomes one newline, else (two or more
# characters) one space. Two substitutions with plain replacements run in the regex engine, not one
# Python call per run: a page of a 500-page site has some 3,000 runs (its navigation), and a callback
# per run cost 8 ms of it.
# Only the runs that change (not a lone newline, which most are once the templates lost theirs).
_GAP_LINES = re.compile(r">(?:[^\S\n]+\n\s*|\n\s+)(?=<)")  # from the tag's end: the engine looks for '>' first
_GAP_SPACES = re.compile(r">[^\S\n]{2,}(?=<)")


def _kept_spans(html: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    while opening := _KEPT.search(html, position):
        close = html.find(f"</{opening[1]}", opening.end())  # not closed: kept to the end (nothing lost)
        position = len(html) if close < 0 else (html.find(">", close) + 1 or len(html))
        spans.append((opening.start(), position))
    return spans


def _outside_kept(html: str, change: Callable[[str, int, int], str]) -> str:
    """`html` with each stretch outside the kept elements replaced by change(html, start, end)."""
    pieces, done = [], 0
    for start, end in _kept_spans(html):
        pieces += [change(html, done, start), html[start:end]]
        done = end
    pieces.append(change(html, done, len(html)))
    return "".join(pieces)


def _collapsed(html: str, start: int, end: int) -> str:
    """html[start:end] collapsed, with the characters on either side read (not changed) for the
    tags that a run must lie between."""
    before, after = int(start > 0), int(end < len(html))
    text = _GAP_SPACES.sub("> ", _GAP_LINES.sub(">\n", html[start - before:end + after]))
    return text[before:len(text) - after]


# In a template's text: a run of whitespace with a newline from a tag's end or a Jinja tag's (`>`,
# `%}`, `}}`, `#}`) to the next tag's start (`<`, `{%`, `{{`, `{#`): the indentation of its lines.
_TEMPLATE_GAP = re.compile(r"(?<=[>}])[^\S\n]*\n\s*(?=<|\{[%{#])")


def collapse_template_whitespace(source: str) -> str:
    """A template's text with each run of indentation between its tags made one newline, outside
    the elements that keep their whitespace, as collapse_whitespace does to the page: done once
    when the template compiles, so that the pages come out of the templates almost without it
    (a 500-page site's navigation is some 3,000 runs on every page), and what is left for
    collapse_whitespace is little. Each run stays whitespace, so the page reads the same."""
    return _outside_kept(source, lambda text, start, end: _TEMPLATE_GAP.sub("\n", text[start:end]))


def collapse_whitespace(html: str) -> str:
    """Each run of whitespace between two tags (the templates' indentation: a fifth of a page's bytes,
    about 7 % of them compressed) made one newline, or one space within a line: a text of whitespace
    stays one, so nothing renders differently. Inside the elements that keep their whitespace,
    nothing changes."""
    return _outside_kept(html, _collapsed)
