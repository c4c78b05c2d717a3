"""One build of the site: its plain inputs (the docs folder, the theme overrides, the output folder,
the site's address, the support settings) and everything it reads from them, each file read once.
A build context is made once per build and serves every language; the steps and outputs of
support_kb.build are plain functions of it."""
from __future__ import annotations

import dataclasses
import datetime as dt
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..calendar import law, support_calendar
from ..content import glossary, last_updated, portal_labels, rules, site_strings
from ..content.dates import today_in_astana
from ..data import knowledge_base
from ..data import datafile
from ..data.datafile import LANGUAGES, DataProblems
from ..handoff import chat
from ..search import search_data
from .templates import Templates

DEFAULT_LANGUAGE = LANGUAGES[0]


def language_prefix(lang: str) -> str:
    """Path prefix of a language inside the site: Russian at the root, Kazakh under kk/."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


class BuildProblem(Exception):
    """What an editor must fix before the site builds; the message names the file and the line."""


@dataclass(frozen=True)
class Settings:
    """When and where the support chat answers (the plugin's settings, as plain values)."""

    hours: support_calendar.Hours
    chat: dict  # provider, url, …: checked by support_kb.handoff.chat, handed to the pages' scripts


@dataclass(frozen=True)
class Site:
    """The plain inputs of a build."""

    docs: Path
    overrides: Path
    output: Path
    url: str  # the site's address, ending in '/'
    settings: Settings
    theme_dirs: tuple[Path, ...] = ()  # the theme's template folders, overrides first (their scripts are allowed)
    # Where a build keeps what the next one may reuse, each thing under the inputs it came from (the
    # law's holidays under the `holidays` version, compiled templates under their text); None: nothing kept.
    cache: Path | None = None


@dataclass
class BuildContext:
    site: Site
    today: dt.date  # in Astana (content.dates.today_in_astana): the calendar, the editions and the last changes
    strings: dict[str, dict[str, str]]  # lang -> id -> text
    kb: knowledge_base.KnowledgeBase
    tree: object
    editions: list[rules.Edition]
    pending_law: law.Pending  # the law's holidays, computed by another process meanwhile
    terms: list[glossary.Term]
    notices: object  # support_kb.content.notices_site.Notices
    search_words: dict[str, dict]  # search/<name>.json -> its data (synonyms, ranking)
    pending_changes: Future  # of last_updated.last_changes: git runs while the pages are read
    templates: Templates
    notes: list[tuple[str, str]] = field(default_factory=list)  # (warning | info, text) for the log
    # Filled while the languages are built:
    form_pages: dict[str, str] = field(default_factory=dict)  # lang -> site path of the page with the form's marker
    search: dict[str, list[dict]] = field(default_factory=dict)  # lang -> Material's index entries
    not_found: dict[str, str] = field(default_factory=dict)  # lang -> the built 404 page
    pending_bundles: object | None = None  # support_kb.serving.bundles.Pending, started while the pages are built
    # Filled by the whole-site outputs for those after them (support_kb.build.outputs):
    chunk_imports: dict[str, list[str]] = field(default_factory=dict)  # support_kb.serving.bundles: entry -> chunks
    asset_names: object | None = None  # support_kb.serving.fingerprints: our assets' hashed names
    page_scan: object | None = None  # support_kb.serving.csp.SiteScan: the pages' scripts as written

    built_calendar: support_calendar.Calendar | None = None
    theme_scripts: list | None = None

    @property
    def known_scripts(self) -> list:
        """The <script> elements of the theme's templates, the only ones the policy allows."""
        if self.theme_scripts is None:
            from ..serving import csp
            self.theme_scripts = csp.known_scripts(list(self.site.theme_dirs))
        return self.theme_scripts

    @property
    def changes(self) -> dict[str, dt.date]:
        """Path inside docs/ -> the date of its last change."""
        return self.pending_changes.result()

    @property
    def calendar(self) -> support_calendar.Calendar:
        """The support calendar, built when first needed (docs/support-calendar.yml and the law)."""
        if self.built_calendar is None:
            hours = self.site.settings.hours
            self.built_calendar = _read("The support calendar is broken", lambda: support_calendar.build(
                self.site.docs / "support-calendar.yml", hours, hours.years(self.today), self.pending_law.result()))
            self.notes += [("warning", problem.message) for problem in self.built_calendar.warnings(self.today)]
            self.notes += [("info", text) for text in self.built_calendar.notices(self.today)]
        return self.built_calendar


def _read(title: str, load: Callable):
    try:
        return load()
    except DataProblems as error:
        raise BuildProblem(f"{title}:\n{error}") from None


def load(site: Site, today: dt.date | None = None) -> BuildContext:
    """Reads and checks every page and data file; the first broken file stops the build with a
    message naming each of its problems."""
    docs = site.docs
    today = today or today_in_astana()
    holidays = law.Pending(site.settings.hours.years(today), site.cache)
    git = ThreadPoolExecutor(max_workers=1)  # git log runs while the files are read and the pages built
    changes = git.submit(last_updated.last_changes, docs, today)
    git.shutdown(wait=False)
    return _load(site, today, holidays, changes)


def _load(site: Site, today: dt.date, holidays: law.Pending, changes: Future) -> BuildContext:
    from ..content import notices_site  # feature modules of this context
    from ..tree import form_page

    docs = site.docs
    # The hand-off's settings, checked once: the pages' scripts and the security policy read these.
    site = dataclasses.replace(site, settings=dataclasses.replace(site.settings, chat=_read(
        "The chat hand-off settings are wrong", lambda: chat.settings(site.settings.chat))))
    strings_file = docs / "site-strings.yml"
    strings_data = _read("Interface strings are broken", lambda: datafile.load(strings_file))
    strings = _read("Interface strings are broken", lambda: site_strings.load(strings_file, strings_data))
    # The templates, scripts and Python that name the strings: the theme's overrides and the package.
    used = site_strings.uses([site.overrides, Path(site_strings.__file__).parents[1]], docs.parent)
    disagree = site_strings.check_uses(strings_file, strings, used, f"docs/{strings_file.name}", strings_data)
    if disagree:
        raise BuildProblem("Interface strings and their uses disagree:\n" + "\n".join(map(str, disagree)))
    kb = _read("The pages, labels, topics or decision tree cannot be read", lambda: knowledge_base.read(docs))
    tree = _read("The pages, labels, topics or decision tree cannot be read", kb.tree)
    editions = _read("Rules editions are broken", lambda: rules.load_editions(docs / "rules-editions.yml", kb.rules, today))
    search_words = _read("Search words are broken", lambda: search_data.load_search_words(docs))
    unknown = [problem for lang in LANGUAGES for path, page in sorted(kb.pages[lang].items())
               for problem in portal_labels.unknown_labels(page.source, kb.labels[lang], f"docs/{lang}/{path}")]
    if unknown:
        raise BuildProblem("Pages name portal labels that do not exist:\n" + "\n".join(map(str, unknown)))
    terms = _read("The glossary is broken", lambda: glossary.load(docs / "glossary.yml"))
    notices = _read("The notices are broken",
                    lambda: notices_site.load(docs, set(kb.topics), site.settings.hours.utc_offset_minutes))
    context = BuildContext(site, today, strings, kb, tree, editions, holidays, terms, notices, search_words, changes,
                           Templates(site.overrides, strings, site.cache))
    context.form_pages = form_page.form_pages(kb.pages)
    return context
