"""The Markdown pages of one language as data: front matter, headings and their anchors, numbered
steps, and the first sentence shown as an article's summary elsewhere. Each file is read once: its
text (`source`) is what the site build renders too."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pymdownx.slugs import slugify

from ..data import datafile
from ..data.datafile import DataProblem, DataProblems

_slug = slugify(case="lower")
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[:\s]*#([\w-]+)[^}]*\})?\s*#*\s*$")
ATTR_ID = re.compile(r"\{:?\s*#([\w\-]+)[^}]*\}")
HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
NUMBERED = re.compile(r"^\s*\d+\.\s+\S")
FENCE = re.compile(r"^\s*(```|~~~)")


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

    @property
    def title(self) -> str:
        return self.meta.get("title") or next((text for level, text, _ in self.headings if level == 1), self.path)

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
        if error.problems[0].code == "yaml":
            error.problems[0].message += "; put a text with ': ' in quotes"
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


def parse(path: str, source: str) -> Page:
    source = source.removeprefix("\ufeff")  # a byte-order mark, which MkDocs ignores too
    match = FRONT_MATTER.match(source)
    meta = front_matter(path, match.group(1)) if match else {}
    body = source[match.end():] if match else source
    offset = source.count("\n", 0, match.end()) if match else 0
    page = Page(path, meta, body)
    in_fence = False
    seen: dict[str, int] = {}
    given_ids: dict[str, int] = {}  # explicit ids (`{#id}`) and their lines
    problems: list[DataProblem] = []

    def given_id(anchor: str, number: int):
        if anchor in given_ids:
            problems.append(DataProblem(path, f"the id '#{anchor}' is given twice (first on line {given_ids[anchor]}): "
                                              "give each its own", number))
        given_ids[anchor] = number

    section: list[str] | None = None
    for number, line in enumerate(body.splitlines(), offset + 1):
        if section is not None:
            section.append(line)
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
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
            pages[path] = parse(path, fill(source))
            pages[path].source = source
        except DataProblems as error:
            problems += [DataProblem(f"docs/{folder.name}/{path}", p.message, p.line, p.node, p.code, p.params)
                         for p in error.problems]
    if problems:
        raise DataProblems(problems)
    return pages
