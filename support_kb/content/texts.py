"""Every text an editor writes, per language, with where it is (file:line): the pages, the tree,
the interface strings, the portal's labels, the topics, the glossary, the calendar's names."""
from __future__ import annotations

import re
from pathlib import Path

from ..data import datafile

FENCE = re.compile(r"^\s*(```|~~~)")
STRIP = [
    (re.compile(r"\{\{\s*ui\.[a-z0-9-]+\s*\}\}"), " "),  # portal labels are checked in their own files
    (re.compile(r"\]\([^)]*\)"), "] "),                  # link targets
    (re.compile(r"\{[:\s]*[#.][^}]*\}"), " "),           # attribute lists
    (re.compile(r"<[^>]+>"), " "),                       # HTML tags and comments
    (re.compile(r"`[^`]*`"), " "),                       # inline code
    (re.compile(r"https?://\S+"), " "),
    (re.compile(r":[a-z0-9-]+:"), " "),                  # icons such as :material-magnify:
]
DATA_FILES = ("triage.yml", "site-strings.yml", "topics.yml", "glossary.yml", "rules-editions.yml",
              "support-calendar.yml", "notices.yml", "contacts.yml")


def clean(line: str) -> str:
    for pattern, replacement in STRIP:
        line = pattern.sub(replacement, line)
    return line


def page_texts(docs: Path, lang: str) -> list[tuple[str, str]]:
    texts = []
    for file in sorted((docs / lang).rglob("*.md")):
        where = f"docs/{file.relative_to(docs).as_posix()}"
        in_front, in_fence, in_comment = False, False, False
        for number, line in enumerate(file.read_text(encoding="utf-8-sig").splitlines(), 1):
            if in_comment or ("<!--" in line and "-->" not in line):  # notes to editors, not page text
                in_comment = "-->" not in line
                continue
            if number == 1 and line.strip() == "---":
                in_front = True
                continue
            if in_front:
                if line.strip() == "---":
                    in_front = False
                elif line.startswith(("title:", "description:")):
                    texts.append((f"{where}:{number}", line.split(":", 1)[1]))
                continue
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            if not in_fence:
                texts.append((f"{where}:{number}", clean(line)))
    return texts


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


def all_texts(root: Path, lang: str) -> list[tuple[str, str]]:
    return page_texts(root / "docs", lang) + data_texts(root / "docs", lang) + interface_texts(root / "overrides", lang)
