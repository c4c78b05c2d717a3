"""Every text an editor writes, per language, with where it is (file:line): the pages (their model,
support_kb.content.pages), the tree, the interface strings, the portal's labels, the topics, the
glossary, the calendar's names."""
from __future__ import annotations

import re
from pathlib import Path

from ..data import datafile
from . import pages as page_model

DATA_FILES = ("triage.yml", "site-strings.yml", "topics.yml", "glossary.yml", "rules-editions.yml",
              "support-calendar.yml", "notices.yml", "contacts.yml")


def page_texts(pages: dict[str, page_model.Page], lang: str) -> list[tuple[str, str]]:
    """The pages' texts line by line (Page.texts), in the order the folder lists them."""
    return [(f"docs/{lang}/{path}:{number}", text) for path, page in pages.items() for number, text in page.texts]


def data_texts(docs: Path, lang: str) -> list[tuple[str, str]]:
    """Texts under the `lang` key of the bilingual data files, and the language's labels file."""
    texts = []

    def walk(value, where_file):
        if isinstance(value, datafile.Mapping):
            for key, item in value.items():
                if key == lang and isinstance(item, str):
                    texts.append((f"{where_file}:{value.line_of(key)}", item))
                else:
                    walk(item, where_file)
        elif isinstance(value, list):
            for item in value:
                walk(item, where_file)

    for name in DATA_FILES:
        walk(datafile.load(docs / name), f"docs/{name}")
    labels = datafile.load(docs / "labels" / f"{lang}.yml")
    texts += [(f"docs/labels/{lang}.yml:{labels.line_of(key)}", text) for key, text in labels.items()]
    return texts


def interface_texts(overrides: Path, lang: str) -> list[tuple[str, str]]:
    """The values of Material's interface translation for the language, when the project has one."""
    path = overrides / "partials" / "languages" / f"{lang}.html"
    if not path.exists():
        return []
    where = f"overrides/{path.relative_to(overrides).as_posix()}"
    return [(f"{where}:{number}", match.group(2))
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if (match := re.match(r'\s*"([a-z.]+)":\s*"(.*)",?$', line)) and not match.group(1).startswith("search.config")]


def all_texts(root: Path, lang: str, pages: dict[str, page_model.Page] | None = None) -> list[tuple[str, str]]:
    """Every text of the language; `pages`: its pages, when the caller has read them (else read here)."""
    pages = page_model.load_language(root / "docs" / lang) if pages is None else pages
    return page_texts(pages, lang) + data_texts(root / "docs", lang) + interface_texts(root / "overrides", lang)
