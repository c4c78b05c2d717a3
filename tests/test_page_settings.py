"""The pages' settings (the chat's hours and hand-off, the maintenance closures, the strings the
scripts write): the same on every page of a language, so one content-hashed file per language
(support_kb/calendar/calendar_page.py), which the pages' scripts name (kb/page-settings.js) and a
browser keeps; no page carries them."""
from __future__ import annotations

import json
import posixpath
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import SITE_URL
from support_kb.serving import bundles, fingerprints

# The JSON blocks a page may carry: Material's configuration, and the form's tree on the form pages.
PAGE_DATA = {"__config", "triage-data"}


def test_no_page_carries_the_settings_of_its_language(build):
    for file in build.html_pages():
        page = file.relative_to(build.site).as_posix()
        blocks = {script.get("id") for script in build.page(page).select('script[type="application/json"]')}
        assert blocks <= PAGE_DATA, page
        assert '"workingWeekdays"' not in file.read_text(encoding="utf-8"), page


def _named_by(build, page: str) -> set[str]:
    """Site paths of the files the module scripts of a page name, through every static import."""
    scripts = build.site / bundles.SCRIPTS
    named = set()
    for script in build.page(page).select('script[type="module"][src]'):
        module = urlsplit(urljoin(SITE_URL + page, script["src"])).path.lstrip("/")
        inside = posixpath.relpath(module, bundles.SCRIPTS)
        for path in [inside] + bundles.static_imports(scripts, inside):
            source = (scripts / path).read_text(encoding="utf-8")
            for _, _, literal in fingerprints.js_strings(source):
                if literal.startswith(("./", "../")):
                    named.add(posixpath.normpath(posixpath.join(bundles.SCRIPTS, posixpath.dirname(path), literal)))
    return named


@pytest.mark.parametrize("page, lang", [("", "ru"), ("account/sms-code/", "ru"), ("kk/", "kk"), ("kk/ask/", "kk")])
def test_the_pages_scripts_name_the_settings_of_each_language_hashed(build, page, lang):
    settings = build.asset(f"assets/page-settings/{lang}.json")
    assert settings in _named_by(build, page)
    assert build.page(page).html["lang"] == lang  # which of them page-settings.js reads
    data = json.loads((build.site / settings).read_text(encoding="utf-8"))
    assert data["lang"] == lang and "chat.open" in data["strings"] and "handoff.button" in data["strings"]
