"""Shows on every page the date it last changed (from git), written in the page's language."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from support_kb.content.dates import long_date
from support_kb.content.last_updated import last_changes
from support_kb.mkdocs_adapter.site import language_of

_changes: dict[str, dt.date] = {}


def on_pre_build(config: MkDocsConfig):
    global _changes
    _changes = last_changes(Path(config.docs_dir), dt.date.today())


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    path = Path(page.file.abs_src_path).resolve().relative_to(Path(config.docs_dir).resolve()).as_posix()
    date = _changes.get(path)
    if date:
        page.meta["kb_updated"] = {"iso": date.isoformat(), "text": long_date(date, language_of(config))}
    return markdown
