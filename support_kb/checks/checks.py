"""The editors' checks that read the pages (their one model, support_kb.content.pages): both
languages have every page with the same topic, headings and numbered steps; front matter is
complete; every topic has its article; no Kazakh page keeps a Russian paragraph; the glossary's
avoided variants are not used. Each problem is one line that says what to fix, a Problem that
`kb check` also says in Russian and Kazakh. (Spelling is in support_kb.checks.spelling;
support_kb.checks.run_all runs every check, links on the built site.)"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Callable

from ..content.glossary import Term, avoided_variants
from ..data import datafile
from ..data.knowledge_base import KnowledgeBase
from .problems import Problem

# Pages that are articles about one topic each; the others (home, FAQ, glossary, rules history)
# serve every topic.
ARTICLE_FOLDERS = ("account/", "application/", "staff/", "support/")
KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
CYRILLIC_WORD = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+")
# The rules page quotes the rules as published (a new wording is a new edition, rule 30-1): the
# glossary's variants are not checked there.
QUOTED_PAGES = ("rules/index.md",)


def parity(kb: KnowledgeBase) -> list[Problem]:
    problems = []
    ru, kk = kb.pages["ru"], kb.pages["kk"]
    for path in sorted(set(ru) ^ set(kk)):
        have, missing = ("ru", "kk") if path in ru else ("kk", "ru")
        problems.append(Problem(f"docs/{have}/{path} has no twin: write docs/{missing}/{path} (same file name in both "
                                "languages)", f"docs/{have}/{path}", 1, "no-twin", missing=f"docs/{missing}/{path}"))
    for path in sorted(set(ru) & set(kk)):
        a, b = ru[path], kk[path]
        where, other = f"docs/kk/{path}", f"docs/ru/{path}"
        if a.meta.get("topic") != b.meta.get("topic"):
            problems.append(Problem(f"{where}: topic '{b.meta.get('topic')}' differs from {other} "
                                    f"('{a.meta.get('topic')}'): give both the same topic",
                                    where, source_line(kb, "kk", path, r"^topic:"), "topic-differs",
                                    topic=b.meta.get("topic"), other=other, other_topic=a.meta.get("topic")))
        levels_a, levels_b = Counter(level for level, *_ in a.headings), Counter(level for level, *_ in b.headings)
        for level in sorted(set(levels_a) | set(levels_b)):
            if levels_a[level] != levels_b[level]:
                problems.append(Problem(f"{where} has {levels_b[level]} headings of level {level}, {other} has "
                                        f"{levels_a[level]}: a section exists in one language only",
                                        where, source_line(kb, "kk", path, rf"^#{{{level}}}\s"), "headings-differ",
                                        level=level, count=levels_b[level], other=other, other_count=levels_a[level]))
        if a.steps != b.steps:
            problems.append(Problem(f"{where} has {b.steps} numbered steps, {other} has {a.steps}: "
                                    "a step was added or removed in one language only",
                                    where, source_line(kb, "kk", path, r"^\s*\d+\.\s"), "steps-differ",
                                    count=b.steps, other=other, other_count=a.steps))
    return problems


def front_matter(kb: KnowledgeBase) -> list[Problem]:
    problems = []
    for lang, pages in kb.pages.items():
        for path, page in sorted(pages.items()):
            where = f"docs/{lang}/{path}"
            for key in ("title", "description"):
                if not str(page.meta.get(key) or "").strip():
                    problems.append(Problem(f"{where}: the front matter has no '{key}': add `{key}: ...` between the "
                                            "--- lines", where, 1, "front-matter-missing", key=key))
            topic = page.meta.get("topic")
            if topic is not None and topic not in kb.topics:
                problems.append(Problem(f"{where}: topic '{topic}' is not in docs/topics.yml: use one of its ids or add "
                                        "the topic there", where, source_line(kb, lang, path, r"^topic:"), "topic-unknown",
                                        topic=topic))
            if path.startswith(ARTICLE_FOLDERS) and not topic:
                problems.append(Problem(f"{where}: an article needs `topic:` in its front matter (an id from "
                                        "docs/topics.yml)", where, 1, "article-needs-topic"))
    registry = datafile.load(kb.docs / "topics.yml")["topics"]
    for topic in kb.topics:
        for lang, pages in kb.pages.items():
            if not any(page.meta.get("topic") == topic for page in pages.values()):
                problems.append(Problem(f"topic '{topic}' has no article in docs/{lang}/: write one with `topic: {topic}`",
                                        "docs/topics.yml", registry.line_of(topic), "topic-without-article",
                                        topic=topic, folder=f"docs/{lang}/"))
    return problems


def untranslated(kb: KnowledgeBase, is_russian: Callable[[list[str]], list[bool]]) -> list[Problem]:
    """Kazakh pages' paragraphs without one Kazakh letter whose words are mostly Russian ones."""
    candidates = []
    for path, page in sorted(kb.pages["kk"].items()):
        for line, text in page.paragraphs:
            words = CYRILLIC_WORD.findall(text)
            if len(words) >= 5 and not KAZAKH_LETTERS.search(text):
                candidates.append((f"docs/kk/{path}", line, words))
    known = is_russian([word for *_, words in candidates for word in words])
    problems, index = [], 0
    for where, line, words in candidates:
        share = sum(known[index:index + len(words)]) / len(words)
        index += len(words)
        if share >= 0.6:
            problems.append(Problem(f"{where}:{line}: this paragraph is Russian ({share:.0%} of its words), not Kazakh: "
                                    "translate it", where, line, "russian-paragraph", share=f"{share:.0%}"))
    return problems


def avoided_terms(kb: KnowledgeBase, terms: list[Term], data_texts=()) -> list[Problem]:
    """Pages, and the (where, text) pairs of the data files in each language, using avoided variants."""
    problems = []
    for lang, where, text in data_texts:
        file, _, line = where.rpartition(":")
        for variant, term in avoided_variants(terms, lang, text):
            problems.append(Problem(f"{where}: uses «{variant}»; the glossary says «{term.term[lang]}»",
                                    file, int(line), "avoided-term", variant=variant, term=term.term[lang]))
    for lang, pages in kb.pages.items():
        for path, page in sorted(pages.items()):
            if path in QUOTED_PAGES:
                continue
            text = f"{page.meta.get('title', '')}\n{page.meta.get('description', '')}\n{page.body}"
            for variant, term in avoided_variants(terms, lang, text):
                line = source_line(kb, lang, path, rf"(?i)(?<!\w){re.escape(variant)}")
                problems.append(Problem(f"docs/{lang}/{path}: uses «{variant}»; the glossary says «{term.term[lang]}»",
                                        f"docs/{lang}/{path}", line, "avoided-term", variant=variant,
                                        term=term.term[lang]))
    return problems


def source_line(kb: KnowledgeBase, lang: str, path: str, pattern: str) -> int:
    """The first line of the page's file that matches (1 when none does), for the editor to jump to."""
    return kb.pages[lang][path].line_of(pattern) or 1


def line_matching(file: Path, pattern: str) -> int | None:
    """The first line of a file that is no page (mkdocs.yml, a data file) that matches the pattern, if any."""
    if not file.is_file():
        return None
    lines = file.read_text(encoding="utf-8").splitlines()
    return next((number for number, line in enumerate(lines, 1) if re.search(pattern, line)), None)
