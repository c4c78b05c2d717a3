"""The feeds of rules editions that the portal reads to notify users (rule 30-2)."""
import json
import xml.etree.ElementTree as ET

import pytest

from conftest import DOCS, LANGUAGES, SITE_URL
from support_kb.content import rules

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def current():
    return rules.load_editions(DOCS / "rules-editions.yml", rules.known_rules(DOCS))[0]


def test_json_feed_lists_the_current_edition_in_both_languages(build, current):
    feed = json.loads((build.site / "rules" / "editions.json").read_text(encoding="utf-8"))
    assert feed["current"] == current.id
    edition = feed["editions"][0]
    assert edition["id"] == current.id and edition["rules"] == list(current.rules)
    for lang in LANGUAGES:
        assert edition["summary"][lang] == current.summary[lang]
        prefix = "" if lang == "ru" else "kk/"
        assert edition["url"][lang] == f"{SITE_URL}{prefix}rules/changes/#{current.id}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_atom_feed_per_language_parses(build, lang, current):
    path = build.site / ("" if lang == "ru" else "kk") / "rules" / "editions.xml"
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    entry = root.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}summary") == current.summary[lang]
    assert entry.findtext(f"{ATOM}updated").startswith(current.id)
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == list(current.rules)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_changes_page_links_the_feeds(build, lang):
    prefix = "" if lang == "ru" else "kk/"
    links = {a["type"]: a["href"] for a in build.page(f"{prefix}rules/changes/").select(".rules-changes__feeds a")}
    page = build.site / prefix / "rules" / "changes"
    for href in links.values():
        assert (page / href).resolve().is_file(), href
