"""The Markdown pages of one language as data, the one model of a page that the build, the search
and the editors' checks read: front matter, headings and their anchors, numbered steps, the page's
text line by line and its paragraphs (what a reader sees: no code, no editors' comments, no markup),
its links, and the first sentence shown as an article's summary elsewhere. Each file is read and
scanned once: its text (`source`) is what the site build renders too; every line number is the
file's."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pymdownx.slugs import slugify

from ..data import datafile
from ..data.datafile import DataProblem, DataProblems

_slug = slugify(case="lower")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)  # the body starts on the next line
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[:\s]*#([\w-]+)[^}]*\})?\s*#*\s*$")
ATTR_ID = re.compile(r"\{:?\s*#([\w\-]+)[^}]*\}")
HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
NUMBERED = re.compile(r"^\s*\d+\.\s+\S")
FENCE = re.compile(r"^\s*(```|~~~)")
LINK = re.compile(r"\]\(([^)\s]*)")
# What a line's text is without its markup, for the spelling check (portal labels are checked in
# their own files).
MARKUP = [
    (re.compile(r"\{\{\s*ui\.[a-z0-9-]+\s*\}\}"), " "),  # portal labels
    (re.compile(r"\]\([^)]*\)"), "] "),                  # link targets
    (re.compile(r"\{[:\s]*[#.][^}]*\}"), " "),           # attribute lists
    (re.compile(r"<[^>]+>"), " "),                       # HTML tags and comments
    (re.compile(r"`[^`]*`"), " "),                       # inline code
    (re.compile(r"https?://\S+"), " "),
    (re.compile(r":[a-z0-9-]+:"), " "),                  # icons such as :material-magnify:
]
# Lines that are no paragraph's text: tables, HTML, attribute lists.
NOT_PROSE = ("|", "<", "{:")
BLOCK_MARK = re.compile(r"^\s*(#+|\d+\.|[-*]|!!!\s*\w+)\s*")  # heading, list item, admonition


@dataclass
class Page:
    path: str  # inside the language folder, e.g. account/login.md
    meta: dict
    body: str
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # (level, text, anchor)
    sections: dict[str, str] = field(default_factory=dict)  # anchor -> Markdown under that heading
    anchors: set[str] = field(default_factory=set)
    steps: int = 0
    source: str = ""  # the file as written (portal labels not filled in)
    body_line: int = 1  # the file's line where the body starts (after the front matter)
    # (line, as written, labels filled in) of each line of the body a reader sees: outside code and
    # editors' comments. What the checks read of it is made when first asked for (the build does not).
    shown: list[tuple[int, str, str]] = field(default_factory=list, repr=False)

    @cached_property
    def texts(self) -> list[tuple[int, str]]:
        """(line, text as written, markup left out): the title, the description and every line shown."""
        front = [(number, line.split(":", 1)[1]) for number, line in enumerate(self.source.splitlines()[:self.body_line - 1], 1)
                 if line.startswith(("title:", "description:"))]
        return front + [(number, without_markup(written)) for number, written, _ in self.shown]

    @cached_property
    def links(self) -> list[tuple[int, str]]:
        """(line, target as written) of every link shown."""
        return [(number, target) for number, written, _ in self.shown for target in LINK.findall(written)]

    @cached_property
    def paragraphs(self) -> list[tuple[int, str]]:
        """(first line, plain text with the labels filled in) of each prose block: no tables, HTML or
        attribute lists."""
        blocks, current, start = [], [], 0
        for number, _, line in self.shown:
            if not line.strip():
                if current:
                    blocks.append((start, plain(" ".join(current))))
                current = []
            elif not line.lstrip().startswith(NOT_PROSE):
                start = start if current else number
                current.append(BLOCK_MARK.sub("", line))
        return blocks + ([(start, plain(" ".join(current)))] if current else [])

    @property
    def title(self) -> str:
        return self.meta.get("title") or next((text for level, text, _ in self.headings if level == 1), self.path)

    def line_of(self, pattern: str) -> int | None:
        """The first line of the file that matches the pattern, if any (for an editor to jump to)."""
        return next((number for number, line in enumerate(self.source.splitlines(), 1) if re.search(pattern, line)), None)

    def heading(self, anchor: str) -> str | None:
        return next((text for _, text, own in self.headings if own == anchor), None)

    def first_sentence(self, anchor: str = "") -> str:
        """The first sentence of the first paragraph after the title (or after the anchored heading)."""
        for block in re.split(r"\n\s*\n", self.sections.get(anchor, "") if anchor else self.body):
            block = block.strip()
            if not block or block.startswith(("#", "<", "!!!", "```", "|", "-", "*", "1.", "{")):
                continue
            text = plain(" ".join(block.split()))
            match = re.match(r"(.+?[.!?])(\s|$)", text)
            return match.group(1) if match else text
        return ""


def plain(markdown: str) -> str:
    """Inline Markdown to plain text: links keep their text, emphasis and code marks go."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?", r"\1", markdown)
    text = re.sub(r"\{[:\s]*[#.][^}]*\}", "", text)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"[*_`]+", "", text).strip()


def without_markup(line: str) -> str:
    for pattern, replacement in MARKUP:
        line = pattern.sub(replacement, line)
    return line


# Front matter keys: ours, and those of MkDocs and Material an editor may use.
FRONT_MATTER_KINDS = {
    "title": datafile.TEXT, "description": datafile.TEXT, "topic": datafile.TEXT, "reviewed": datafile.DATE,
    "keywords": None, "hide": datafile.LIST, "search": datafile.MAPPING, "status": datafile.TEXT,
    "icon": datafile.TEXT, "tags": datafile.LIST, "template": datafile.TEXT,
}


def front_matter(path: str, text: str) -> dict:
    """The front matter's values, checked: its YAML, unknown keys and the type of each value."""
    try:
        meta = datafile.parse(text, path, first_line=2)  # line 1 is the opening ---
    except DataProblems as error:
        first = error.problems[0]
        if first.code == "yaml":
            raise DataProblems([DataProblem(first.path, "front-matter-yaml", first.line, params=first.params)]) from None
        raise
    check = datafile.Checker(path)
    if meta is None:
        return {}
    meta = check.check(meta, datafile.MAPPING, "front matter", 2)
    check.raise_if_any()
    check.keys(meta, FRONT_MATTER_KINDS)
    for key, kind in FRONT_MATTER_KINDS.items():
        if kind and key in meta:
            meta[key] = check.get(meta, key, kind)
    keywords = meta.get("keywords")
    if keywords is not None and not isinstance(keywords, str):
        check.items(meta, "keywords", datafile.TEXT)
    check.raise_if_any()
    return meta


def parse(path: str, source: str, fill=lambda text: text) -> Page:
    """The page of `source`, the file's text; `fill` resolves portal labels in the text that the
    build and the checks read (their own lines: a label is checked in its own file)."""
    source = source.removeprefix("\ufeff")  # a byte-order mark, which MkDocs ignores too
    match = FRONT_MATTER.match(source)
    meta = front_matter(path, fill(match.group(1))) if match else {}
    offset = source.count("\n", 0, match.end()) if match else 0
    page = Page(path, meta, fill(source[match.end():] if match else source), source=source, body_line=offset + 1)
    in_fence = in_comment = False
    seen: dict[str, int] = {}
    given_ids: dict[str, int] = {}  # explicit ids (`{#id}`) and their lines
    problems: list[DataProblem] = []

    def given_id(anchor: str, number: int):
        if anchor in given_ids:
            problems.append(DataProblem(path, "id-twice", number, params={"anchor": anchor, "first": given_ids[anchor]}))
        given_ids[anchor] = number

    section: list[str] | None = None
    written_lines, filled_lines = source.splitlines()[offset:], page.body.splitlines()
    if len(filled_lines) != len(written_lines):  # a label of more than one line: each line filled on its own
        filled_lines = [fill(line) for line in written_lines]
    for number, written, line in zip(range(offset + 1, offset + 1 + len(written_lines)), written_lines, filled_lines):
        if section is not None:
            section.append(line)
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if in_comment or ("<!--" in line and "-->" not in line):  # notes to editors, not the page's text
            in_comment = "-->" not in line
            continue
        page.shown.append((number, written, line))
        heading = HEADING.match(line)
        if heading:
            level, text, explicit = len(heading.group(1)), plain(heading.group(2)), heading.group(3)
            if explicit:
                given_id(explicit, number)
            anchor = explicit or _unique(_slug(text, "-"), seen)
            page.headings.append((level, text, anchor))
            page.anchors.add(anchor)
            section = []
            page.sections[anchor] = section  # filled as the following lines are read
            continue
        for anchor in ATTR_ID.findall(line):
            given_id(anchor, number)
        page.anchors.update(ATTR_ID.findall(line))
        page.anchors.update(HTML_ID.findall(line))
        if NUMBERED.match(line):
            page.steps += 1
    page.sections = {anchor: "\n".join(lines) for anchor, lines in page.sections.items()}
    if problems:
        raise DataProblems(problems)
    return page


def _unique(slug: str, seen: dict[str, int]) -> str:
    """Python-Markdown's toc: a repeated slug gets _1, _2, …"""
    if slug not in seen:
        seen[slug] = 0
        return slug
    seen[slug] += 1
    return f"{slug}_{seen[slug]}"


def load_language(folder: Path, fill=lambda text: text) -> dict[str, Page]:
    """Every page of one language folder, by path inside it; `fill` resolves portal labels first."""
    pages, problems = {}, []
    for file in sorted(folder.rglob("*.md")):
        path = file.relative_to(folder).as_posix()
        source = file.read_text(encoding="utf-8-sig")
        try:
            pages[path] = parse(path, source, fill)
        except DataProblems as error:
            problems += [DataProblem(f"docs/{folder.name}/{path}", p.code, p.line, p.node, p.params) for p in error.problems]
    if problems:
        raise DataProblems(problems)
    return pages
