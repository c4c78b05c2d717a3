"""Every editors' check at once, as `kb check` runs them (and the MkDocs plugin while `mkdocs serve`
rebuilds): every data file loads (each on its own, so that one broken file hides no other), parity,
front matter, untranslated paragraphs, the glossary, spelling, the navigation, the two rules of the
tree that its format does not say (every form behind an answer, every topic reachable), and links and
anchors on the built site. Plain inputs: the project's folder, and a built site or none (then the
site is built into a temporary folder). Every problem carries its message in each language."""
from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin, urlsplit

from ..calendar import support_calendar
from ..content import glossary, notices, portal_labels, rules, site_strings, texts
from ..content.dates import today_in_astana
from ..content.pages import Page
from ..data import knowledge_base
from ..data.datafile import LANGUAGES, DataProblem, DataProblems
from ..data.knowledge_base import KnowledgeBase
from ..search import search_data
from ..tree.triage import Tree
from . import checks, mkdocs_yml, spelling
from .checks import line_matching
from .problems import LANGUAGES as MESSAGE_LANGUAGES, Problem

# The address the check builds the site for: links to it are the site's own.
CHECK_URL = "http://kb-check.invalid/"


def run_all(root: Path, site: Path | None = None, site_url: str = CHECK_URL) -> list[Problem]:
    """Every problem an editor can fix, file by file. `site`: a build of this project for `site_url`
    whose links to check; None builds one into a temporary folder, while the other checks run."""
    root = Path(root)
    if site is not None:
        kb, problems = source_problems(root)
        return ordered(problems + broken_links(root, site, site_url, kb))
    with tempfile.TemporaryDirectory(prefix="kb-check-") as folder:
        building = start_build(root, Path(folder), site_url)
        kb, problems = source_problems(root)
        said = "\n".join(problem.say("en") for problem in problems)
        # The build stops at the first broken data file, which the checks above have named already,
        # and at a broken mkdocs.yml, whose problems (a plugin missing, a wrong setting) are all it says then.
        config_broken = any(problem.file == mkdocs_yml.FILE and problem.key == "data-file" for problem in problems)
        built = [problem for problem in build_problems(root, building, kb) if problem.values.get("message", "\0") not in said
                 and not (config_broken and (problem.key == "build-failed" or problem.values.get("name") == "plugins"))]
        return ordered(problems + (built or broken_links(root, Path(folder), site_url, kb)))


def source_problems(root: Path) -> tuple[KnowledgeBase | None, list[Problem]]:
    """The checks that read the sources: pages, data files, word lists, mkdocs.yml; and the pages,
    read once for every check (None when they cannot be read)."""
    config = mkdocs_yml.read(root)
    try:
        kb = knowledge_base.read(root / "docs")
    except DataProblems as error:  # nothing else can be checked before the pages are read
        return None, data_problems(root, config.problems + error.problems)
    problems = checks.parity(kb) + checks.front_matter(kb) + data_problems(root, config.problems)
    if config.config is not None:
        problems += navigation(root, kb, config.config)
    for more in (lambda: tree_rules(kb, kb.tree()), lambda: glossary_and_spelling(root, kb),
                 *data_files(root, kb, config.settings)):
        try:
            problems += more()
        except DataProblems as error:
            problems += data_problems(root, error.problems)
    return kb, problems


def data_files(root: Path, kb: KnowledgeBase, settings: dict) -> list:
    """The data files the build reads besides the pages, the tree and the glossary, each a check of
    its own: what the build would stop at, found by the loaders the build runs. `settings`: the
    support-kb plugin's, those that are right (support_kb.checks.mkdocs_yml)."""
    docs = root / "docs"
    hours = support_calendar.Hours.from_settings(settings)

    def strings() -> list[Problem]:
        path = docs / "site-strings.yml"
        loaded = site_strings.load(path)
        used = site_strings.uses([root / "overrides", Path(site_strings.__file__).parents[1]], root)
        return data_problems(root, site_strings.check_uses(path, loaded, used, f"docs/{path.name}"))

    def calendar() -> list[Problem]:
        today = today_in_astana()
        late = support_calendar.build(docs / "support-calendar.yml", hours, hours.years(today)).warnings(today)
        for problem in late:  # a problem of the plugin's settings
            problem.line = line_matching(root / "mkdocs.yml", r"^\s+years_ahead:")
        return data_problems(root, late)

    def labels() -> list[Problem]:
        return data_problems(root, [problem for lang in LANGUAGES for path, page in sorted(kb.pages[lang].items())
                                    for problem in portal_labels.unknown_labels(page.source, kb.labels[lang],
                                                                                f"docs/{lang}/{path}")])

    def loads(load: Callable) -> Callable[[], list]:
        def problems() -> list:
            load()  # what is wrong, it raises as DataProblems
            return []
        return problems

    return [strings, calendar, labels, loads(lambda: rules.load_editions(docs / "rules-editions.yml", kb.rules)),
            loads(lambda: notices.load(docs / "notices.yml", set(kb.topics), hours.utc_offset_minutes)),
            loads(lambda: search_data.load_search_words(docs))]


def data_problems(root: Path, found: list[DataProblem]) -> list[Problem]:
    """Problems of the data files and pages as their loaders found them, said in every language."""
    return [Problem.located(relative(root, p.path), p.line, "data-file", **{lang: p.say(lang) for lang in MESSAGE_LANGUAGES})
            for p in found]


def relative(root: Path, path: str) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def ordered(problems: list[Problem]) -> list[Problem]:
    """File by file, line by line, each once (the build repeats what the checks found in the data)."""
    unique = {problem.say("en"): problem for problem in reversed(problems)}
    return sorted(unique.values(), key=lambda p: (p.file or "", p.line or 0))


def glossary_and_spelling(root: Path, kb: KnowledgeBase) -> list[Problem]:
    terms = glossary.load(root / "docs" / "glossary.yml")
    data = [(lang, where, text) for lang in LANGUAGES for where, text in texts.data_texts(root / "docs", lang)]
    problems = checks.avoided_terms(kb, terms, data)
    word_lists = {lang: [root / "spelling" / f"{lang}.txt"] for lang in LANGUAGES}
    try:
        russian = spelling.Hunspell("ru", word_lists["ru"])
        problems += checks.untranslated(kb, lambda words: [russian.known(words)[w] for w in words])
        for lang in LANGUAGES:
            problems += [m.problem() for m in spelling.check(lang, texts.all_texts(root, lang, kb.pages[lang]),
                                                             word_lists[lang])]
    except (OSError, subprocess.CalledProcessError):  # no hunspell, or no dictionary for a language
        problems.append(Problem.located(None, None, "no-hunspell"))
    return problems


def navigation(root: Path, kb: KnowledgeBase, config: dict) -> list[Problem]:
    """Every page is in `nav:`, and every top-level entry has its Kazakh title in nav_translations."""
    pages, problems = set(), []

    def walk(items):
        for item in items:
            for value in [item] if isinstance(item, str) else item.values():
                if isinstance(value, list):
                    walk(value)
                else:
                    pages.add(value)
    if not isinstance(config.get("nav"), list):
        return problems  # no menu (a misspelt `nav:`, which MkDocs names): not every page is missing from it
    nav = config["nav"]
    walk(nav)
    for path in sorted(set(kb.pages["ru"]) - pages):
        problems.append(Problem.located(f"docs/ru/{path}", 1, "not-in-nav", path=path))
    i18n = next((plugin["i18n"] for plugin in config.get("plugins") or [] if isinstance(plugin, dict) and "i18n" in plugin), None)
    if not isinstance(i18n, dict):
        return problems  # a missing plugin is a problem of its own (mkdocs_yml)
    kazakh = next((lang for lang in i18n.get("languages") or [] if lang.get("locale") == "kk"), {}).get("nav_translations") or {}
    for title in (next(iter(item)) for item in nav if isinstance(item, dict)):
        if title not in kazakh:
            problems.append(Problem.located("mkdocs.yml", line_matching(root / "mkdocs.yml", rf"-\s+{re.escape(title)}:"),
                                            "nav-untranslated", title=title))
    return problems


def tree_rules(kb: KnowledgeBase, tree: Tree) -> list[Problem]:
    """The two rules of the tree that need the pages and topics besides the tree itself."""
    return forms_behind_answers(tree) + topics_reachable(kb, tree)


def forms_behind_answers(tree: Tree) -> list[Problem]:
    """No path from start reaches a form without first offering articles."""
    problems = []
    parents = tree.parents()
    for node in (n for n in tree.nodes.values() if n.kind == "form"):
        wrong = [parent for parent, _ in parents[node.id] if tree.nodes[parent].kind != "answer"]
        if wrong or not parents[node.id]:
            problems.append(Problem.located("docs/triage.yml", node.line, "form-not-behind-answer",
                                            node=node.id, parents=", ".join(wrong) or "—"))
    return problems


def topics_reachable(kb: KnowledgeBase, tree: Tree) -> list[Problem]:
    """Every topic is reachable from start: through a form of it, an article of it in an answer, or,
    for out-of-scope, a refer node."""
    problems, covered = [], set()
    for node_id in tree.distances():
        node = tree.nodes[node_id]
        covered.add(node.topic)
        covered.update(kb.pages["ru"][article.partition("#")[0]].meta.get("topic") for article in node.articles)
        if node.kind == "refer":
            covered.add("out-of-scope")
    for topic in sorted(set(kb.topics) - covered):
        problems.append(Problem.located("docs/topics.yml", line_matching(kb.docs / "topics.yml", rf"^\s+{topic}:"),
                                        "topic-unreachable", topic=topic))
    return problems


def start_build(root: Path, site: Path, site_url: str) -> subprocess.Popen:
    """`mkdocs build --strict` of the project into `site`, in the background."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
                             "-d", str(site)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=env, cwd=root)


def build_problems(root: Path, building: subprocess.Popen, kb: KnowledgeBase | None = None) -> list[Problem]:
    """The build's errors and warnings, once it has finished, as problems."""
    output, _ = building.communicate()
    if building.returncode == 0:
        return []
    problems = [problem for line in output.splitlines() if (problem := build_problem(root, line, kb))]
    return problems or [Problem.located(None, None, "build-failed", message=one_line(output))]


def one_line(output: str) -> str:
    """What a failed build said, as one line: the exception of a traceback (a bug, a developer's
    to mend), else its lines from the first error on."""
    lines = [line.strip() for line in output.splitlines() if line.strip() and not line.startswith(("INFO", "DEBUG"))]
    if any(line.startswith("Traceback (most recent call last)") for line in lines):
        return lines[-1][:500]
    first = next((n for n, line in enumerate(lines) if line.startswith(("ERROR", "Error"))), 0)
    return " ".join(lines[first:])[:500]


MISSING_TARGET = re.compile(r"Doc file '([^']+)' contains a link '([^']+)', but the target .* is not found")
MISSING_NAV = re.compile(r"A reference to '([^']+)' is included in the 'nav' configuration, which is not found")
LOCATED = re.compile(r"^(\S*?docs/\S+?|mkdocs\.yml)(?::(\d+))?: (.+)$")
LOGGED = re.compile(r"^(?:ERROR|WARNING)\s+-\s+(.+)$")
# MkDocs's own check of mkdocs.yml; of a plugin's settings, the option and sub-option it names.
CONFIG_VALUE = re.compile(r"^Config value '([^']+)': (.+)$")
PLUGIN_OPTION = re.compile(r"Plugin '[^']+' option '([^']+)'(?:: Sub-option '([^']+)')?")
# A page naming one of the site's own files from the wrong folder (support_kb.serving.fingerprints).
WRONG_FOLDER = re.compile(r"^(\S+\.html):\d+: '([^']+)' names (\S+) from the wrong folder")
# What the security policy's check of a page's content says (support_kb.serving.csp), by its words.
POLICY = {"an inline event handler": "csp-handler", "an inline style attribute": "csp-style",
          "a javascript: URL": "csp-javascript-url", "a script no template": "csp-script"}
POLICY_PROBLEM = re.compile(r"^(<[^>]*>): (" + "|".join(map(re.escape, POLICY)) + ")")


def build_problem(root: Path, line: str, kb: KnowledgeBase | None = None) -> Problem | None:
    if match := MISSING_TARGET.search(line):
        page, link = match.groups()
        source = page_of(kb, page)
        written = source.line_of(re.escape(link)) if source else line_matching(root / "docs" / page, re.escape(link))
        return Problem.located(f"docs/{page}", written, "link-no-page", link=link)
    if match := MISSING_NAV.search(line):
        return Problem.located("mkdocs.yml", line_matching(root / "mkdocs.yml", re.escape(match.group(1))), "nav-missing-page",
                               path=match.group(1))
    if match := WRONG_FOLDER.match(line.strip()):
        if problem := wrong_folder(kb or knowledge_base.read(root / "docs"), *match.groups()):
            return problem
    if (match := LOGGED.match(line.strip())) and (config := CONFIG_VALUE.match(match.group(1))):
        name, message = config.groups()
        option = PLUGIN_OPTION.match(message)
        keys = [key for key in (option.groups() if option else ()) if key][::-1] + [name]
        where = next(filter(None, (line_matching(root / "mkdocs.yml", rf"^\s*-?\s*{re.escape(key)}:") for key in keys)), None)
        if message == f"Unrecognised configuration name: {name}":
            return Problem.located("mkdocs.yml", where, "mkdocs-unknown-setting", name=name)
        return Problem.located("mkdocs.yml", where, "mkdocs-config", name=name, message=message)
    if match := LOCATED.match(line.strip()):
        file, number, message = match.groups()
        if policy := POLICY_PROBLEM.match(message):
            return Problem.located(relative(root, file), int(number) if number else None, POLICY[policy.group(2)],
                                   element=policy.group(1))
        return Problem.located(relative(root, file), int(number) if number else None, "data-problem", message=message)
    if (match := LOGGED.match(line.strip())) and not match.group(1).rstrip().endswith(":") \
            and not match.group(1).startswith("Aborted"):
        return Problem.located(None, None, "build-failed", message=match.group(1))
    return None


def wrong_folder(kb: KnowledgeBase, built: str, value: str, asset: str) -> Problem | None:
    """A page's HTML that names one of the site's files from the wrong folder, located in its Markdown;
    None when no page of the editors' writes it (a template's: a developer's to mend)."""
    source = source_of(kb, built)
    if source is None:
        return None
    line = page_of(kb, source.removeprefix("docs/")).line_of(re.escape(value))
    fixed = posixpath.relpath(asset, posixpath.dirname(built) or ".")
    return Problem.located(source, line, "asset-wrong-folder", value=value, asset=asset, fixed=fixed)


def broken_links(root: Path, site: Path, site_url: str, kb: KnowledgeBase | None = None) -> list[Problem]:
    """Every link of the built pages that stays on the site leads to a page, and its #anchor to an
    element of that page: on the built site, so links written by templates and the build count too.
    `kb`: the project's pages, where a broken link is found in its source (read here if needed)."""
    parsed: dict[Path, Links] = {}

    def links_of(file: Path) -> Links:
        if file not in parsed:
            parsed[file] = Links()
            parsed[file].feed(file.read_text(encoding="utf-8"))
        return parsed[file]

    problems = []
    for page in sorted(site.rglob("*.html")):
        relative_page = page.relative_to(site).as_posix()
        if relative_page.startswith(("search/", "assets/")) or page.name == "404.html":
            continue
        url = site_url + relative_page.removesuffix("index.html")
        source = None
        for href in links_of(page).hrefs:
            target = urlsplit(urljoin(url, href))
            if not target.geturl().startswith(site_url) or href.startswith(("blob:", "mailto:")):
                continue
            file = site / target.path.lstrip("/")
            if target.path.endswith("/"):
                file = file / "index.html"
            if not file.is_file():
                english, key, values = f"{relative_page}: link '{href}' leads to no page", "link-no-page", {}
            elif target.fragment and file.suffix == ".html" and target.fragment not in links_of(file).ids:
                english = f"{relative_page}: link '{href}' leads to no '#{target.fragment}' on its page"
                key, values = "link-no-anchor", {"anchor": target.fragment}
            else:
                continue
            kb = kb or knowledge_base.read(root / "docs")
            source = source or source_of(kb, relative_page)
            where, line, written = (source, *written_link(page_of(kb, source.removeprefix("docs/")), href,
                                                          target.fragment)) if source else (relative_page, None, href)
            problems.append(Problem(english, where, line, key, link=written, **values))
    return problems


def written_link(page: Page, href: str, fragment: str) -> tuple[int | None, str]:
    """The line of the Markdown source with the link, and the link as the editor wrote it there
    (../rules/index.md#30-11 rather than the built ../../rules/#30-11)."""
    tail = f"#{fragment}" if fragment else href.rstrip("/").rsplit("/", 1)[-1]
    return next(((number, link) for number, link in page.links if tail in link), (None, href))


def page_of(kb: KnowledgeBase | None, path: str) -> Page | None:
    """The page at `path` inside docs/ (ru/faq.md), when the pages were read."""
    lang, _, inside = path.partition("/")
    return kb.pages.get(lang, {}).get(inside) if kb else None


class Links(HTMLParser):
    """The ids and the links (<a href>) of one built page."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def source_of(kb: KnowledgeBase, built: str) -> str | None:
    """docs/<lang>/<page>.md that a built page comes from (kk/account/login/index.html ->
    docs/kk/account/login.md), or None for pages the build writes itself."""
    lang, path = ("kk", built.removeprefix("kk/")) if built.startswith("kk/") else ("ru", built)
    stem = path.removesuffix("index.html").rstrip("/")
    for candidate in ([f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]):
        if candidate in kb.pages[lang]:
            return f"docs/{lang}/{candidate}"
    return None
