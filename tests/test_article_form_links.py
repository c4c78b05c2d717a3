"""Every article leads to the form: its "when to write to support" section ends with a link to the
form's step for its topic, generated from the tree; every page has the form in its chat bar."""
from urllib.parse import urljoin

import pytest

from browser_helpers import KB, TREE
from conftest import DOCS, LANGUAGES, content_pages, language_of_path
from support_kb.content import articles, site_strings
from support_kb.tree import ask_links

STRINGS = site_strings.load(DOCS / "site-strings.yml")
FORMS = ask_links.form_nodes(TREE)


def test_every_topic_of_an_article_has_a_form():
    topics = {page.meta.get("topic") for lang in LANGUAGES for page in KB.pages[lang].values()}
    assert {"account-login", "sms-code", "staff-reports"} <= set(FORMS) and len(FORMS) >= 20
    assert TREE.nodes[FORMS["sms-code"]].kind == "form"
    assert topics - {"good-question", "out-of-scope", None} <= set(FORMS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_article_links_to_its_topics_step_of_the_form(build, lang):
    prefix = "kk/" if lang == "kk" else ""
    checked = 0
    for path, page in KB.pages[lang].items():
        node = FORMS.get(page.meta.get("topic"))
        if not node or path == "ask.md":
            continue
        site_path = articles.summarize(KB.pages[lang], path).site_path
        html = build.page(prefix + site_path)
        links = html.select(".kb-ask-link a")
        assert len(links) == 1, f"{lang}/{path}"
        here = "http://site/" + prefix + site_path
        assert urljoin(here, links[0]["href"]) == f"http://site/{prefix}ask/#{node}", f"{lang}/{path}"
        assert links[0].get_text() == STRINGS[lang]["article.ask-link"]
        heading = links[0].find_previous("h2")
        if any(STRINGS[lang]["article.when-to-write"].casefold() in text.casefold() for _, text, _ in page.headings):
            assert STRINGS[lang]["article.when-to-write"].casefold() in heading.get_text().casefold(), f"{lang}/{path}"
        checked += 1
    assert checked >= 20
    ask = build.page(prefix + "ask/")
    assert all(ask.select_one(f'[data-node="{node}"][data-kind="form"]') for node in FORMS.values())


def test_every_page_has_the_form_in_its_chat_bar(build):
    for relative in content_pages(build):
        lang = language_of_path(relative)
        link = build.page(str(relative)).select_one(".kb-chat-bar a.kb-chat-bar__ask")
        assert link and link.get_text() == STRINGS[lang]["chat.ask"], relative
        target = urljoin("http://site/" + relative.as_posix(), link["href"])
        assert target == "http://site/" + ("kk/" if lang == "kk" else "") + "ask/", relative
