"""The out-of-scope page lists who answers what technical support does not, from docs/contacts.yml:
rendered at its <!-- contacts --> marker by the build, never typed into the page."""
from __future__ import annotations

import shutil

from conftest import DOCS, LANGUAGES, ROOT
from support_kb.build import context, steps
from support_kb.content import contacts as contacts_file
from test_core_build import SETTINGS, SITE_URL, THEME

PAGE = "support/out-of-scope.md"


def test_the_out_of_scope_page_shows_every_contact_of_the_file_in_both_languages(build):
    contacts = contacts_file.load(DOCS / "contacts.yml")
    assert len(contacts) >= 3
    for lang in LANGUAGES:
        page = build.page(("" if lang == "ru" else "kk/") + "support/out-of-scope/")
        shown = page.select("article [data-contacts] [data-contact]")
        assert [item["data-contact"] for item in shown] == list(contacts), lang
        for item in shown:
            contact = contacts[item["data-contact"]]
            text = item.get_text(" ", strip=True)
            assert contact.name[lang] in text and contact.how[lang] in text, (lang, contact.id)
            links = {a["href"]: a.get_text(strip=True) for a in item.select("a[href]")}
            expected = {}
            if contact.phone:
                expected[f"tel:{contact.phone}"] = contact.phone
            if contact.url:
                expected[contact.url] = contact.site
            assert links == expected, (lang, contact.id)
        # The page's own text names no number or address: they come from the file only.
        source = (DOCS / lang / PAGE).read_text(encoding="utf-8")
        assert source.count(contacts_file.MARKER) == 1, lang
        for contact in contacts.values():
            assert not (contact.phone and contact.phone in source) and not (contact.url and contact.site in source), (lang, contact.id)


def test_a_contact_an_editor_adds_to_the_file_appears_on_the_page(tmp_path):
    """Built from the data: a new entry in docs/contacts.yml is on the page, with no page edited."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    with (docs / "contacts.yml").open("a", encoding="utf-8") as file:
        file.write('  ombudsman:\n'
                   '    name: {ru: "Уполномоченный по правам ребёнка", kk: "Бала құқықтары жөніндегі уәкіл"}\n'
                   '    how: {ru: "Рассматривает жалобы о правах детей.", kk: "Балалардың құқықтары туралы шағымдарды қарайды."}\n'
                   '    phone: "1111"\n')
    ctx = context.load(context.Site(docs, ROOT / "overrides", tmp_path / "site", SITE_URL, SETTINGS, THEME))
    for lang in LANGUAGES:
        html = steps.page_html(ctx, lang, PAGE, ("" if lang == "ru" else "kk/") + "support/out-of-scope/",
                               ctx.kb.pages[lang][PAGE].source)
        assert contacts_file.MARKER not in html
        assert '<li data-contact="ombudsman"><strong>' in html and 'href="tel:1111"' in html, lang
        assert ("Рассматривает жалобы о правах детей." if lang == "ru" else "Балалардың құқықтары туралы шағымдарды қарайды.") in html
