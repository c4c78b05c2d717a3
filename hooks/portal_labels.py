"""Replaces `{{ ui.KEY }}` in the pages with the portal's label in the page's language
(docs/labels/ru.yml, docs/labels/kk.yml); a missing label fails the build, naming page and line."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from support_kb.content import portal_labels
from support_kb.data.datafile import DataProblems
from support_kb.mkdocs_adapter.site import language_of

_labels: dict[str, str] = {}


# After the i18n plugin (-100), which keeps only the pages of the language being built.
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig):
    global _labels
    lang = language_of(config)
    try:
        _labels = portal_labels.load(Path(config.docs_dir) / "labels")[lang]
    except DataProblems as error:
        raise PluginError(f"Portal labels are broken:\n{error}") from None
    problems = []
    for file in files.documentation_pages():
        problems += portal_labels.unknown_labels(Path(file.abs_src_path).read_text(encoding="utf-8"),
                                                 _labels, f"docs/{file.src_uri}")
    if problems:
        raise PluginError("Pages name portal labels that do not exist:\n" + "\n".join(map(str, problems)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return portal_labels.fill(markdown, _labels)
