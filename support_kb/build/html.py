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
# raw text): nothing inside them changes. Found by their opening tag, then str.find for the closing
# one: 2.6 times faster than one expression for both (1.1 ms a page), the same output.
_KEPT = re.compile(r"<(pre|textarea|script|style|code|kbd)\b", re.I)
_GAP = re.compile(r"(?<=>)\s{2,}(?=<)")  # a run of whitespace between two tags


def _kept_spans(html: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    while opening := _KEPT.search(html, position):
        close = html.find(f"</{opening[1]}", opening.end())  # not closed: kept to the end (nothing lost)
        position = len(html) if close < 0 else (html.find(">", close) + 1 or len(html))
        spans.append((opening.start(), position))
    return spans


def collapse_whitespace(html: str) -> str:
    """Each run of whitespace between two tags (the templates' indentation: a fifth of a page's bytes,
    about 7 % of them compressed) made one newline, or one space within a line: a text of whitespace
    stays one, so nothing renders differently. Inside the elements that keep their whitespace,
    nothing changes."""
    spans, kept, pieces, done = _kept_spans(html), 0, [], 0
    for gap in _GAP.finditer(html):
        while kept < len(spans) and spans[kept][1] <= gap.start():
            kept += 1
        if kept < len(spans) and spans[kept][0] <= gap.start():
            continue
        pieces += [html[done:gap.start()], "\n" if "\n" in gap[0] else " "]
        done = gap.end()
    return "".join(pieces) + html[done:]
