"""Everything the build knows about the docs folder at once, read once per change of the files:
the pages of both languages (labels filled in), the rules, the topics and the decision tree.
Each file is read once; the site build renders the pages' sources read here."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content import contacts, pages, portal_labels, rules, topics
from ..tree import triage
from .datafile import LANGUAGES


@dataclass
class KnowledgeBase:
    docs: Path
    labels: dict[str, dict[str, str]]
    pages: dict[str, dict[str, pages.Page]]  # lang -> path -> page
    rules: list[str]
    topics: dict[str, topics.Topic]
    contacts: dict[str, contacts.Contact]

    def tree(self) -> triage.Tree:
        context = triage.Context(
            anchors={lang: {path: page.anchors for path, page in self.pages[lang].items()} for lang in LANGUAGES},
            rules=set(self.rules),
            topics=set(self.topics),
            contacts=set(self.contacts),
        )
        return triage.load(self.docs / "triage.yml", context)


def read(docs: Path) -> KnowledgeBase:
    labels = portal_labels.load(docs / "labels")
    by_language = {
        lang: pages.load_language(docs / lang, lambda text, lang=lang: portal_labels.fill_known(text, labels[lang]))
        for lang in LANGUAGES
    }
    rules_pages = [by_language[lang].get(rules.RULES_PAGE) for lang in LANGUAGES]
    known = rules.common_rules([page.source if page else "" for page in rules_pages])
    return KnowledgeBase(docs, labels, by_language, known, topics.load(docs / "topics.yml"),
                         contacts.load(docs / "contacts.yml"))
