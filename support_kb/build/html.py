"""Small helpers for what the build writes into pages: links between them, JSON inside them."""
from __future__ import annotations

import json
import posixpath


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
