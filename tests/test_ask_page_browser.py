"""How the ask page loads: without JavaScript the tree works by links and CSS alone (each step a
#fragment, shown by :target), to an article and to a question's template, in both languages;
with it, the first step loads nothing that only a question's form needs."""
import re

import pytest
from playwright.sync_api import expect

from conftest import DOCS
from support_kb.content import site_strings

from browser_helpers import ASK, KB, TREE, choose, current_step, wait_for_step, walk_to

pytestmark = pytest.mark.browser

STRINGS = site_strings.load(DOCS / "site-strings.yml")
SUGGESTIONS = re.compile(r"/assets/suggestions/(ru|kk)(\.[0-9a-f]{8,})?\.json$")


def _no_script_page(new_page, lang):
    page = new_page(ASK[lang], java_script_enabled=False)
    expect(page.locator("section[data-node]:visible")).to_have_count(1)
    assert current_step(page).get_attribute("data-node") == TREE.start
    return page


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_without_javascript_the_tree_leads_to_an_article(new_page, site_server, lang):
    page = _no_script_page(new_page, lang)
    walk_to(page, lang, "login-help")
    step = current_step(page)
    expect(page.locator("section[data-node]:visible")).to_have_count(1)
    titles = step.locator("[data-triage-article] > a").all_inner_texts()
    assert titles == [KB.pages[lang][a.split("#")[0]].heading(a.partition("#")[2]) or KB.pages[lang][a.split("#")[0]].title
                      for a in TREE.nodes["login-help"].articles]
    # "That solved it", then the way back to the start, then the article itself.
    step.locator("[data-triage-solved]").click()
    expect(page.locator("[data-triage-done]")).to_be_visible()
    expect(page.locator("section[data-node]:visible")).to_have_count(0)
    page.go_back()
    expect(current_step(page)).to_have_attribute("data-node", "login-help")
    step.locator("[data-triage-article] > a").first.click()
    page.wait_for_url(re.compile(re.escape(site_server + ASK[lang].removesuffix("ask/")) + r"account/login/$"))
    assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_without_javascript_the_tree_leads_to_a_question_template(new_page, lang):
    page = _no_script_page(new_page, lang)
    walk_to(page, lang, "ask-login")
    step = current_step(page)
    expect(page.locator("section[data-node]:visible")).to_have_count(1)
    template = step.locator("[data-triage-template]")
    expect(template).to_be_visible()
    sample = template.locator("pre").inner_text()
    node = TREE.nodes["ask-login"]
    assert sample.splitlines()[0] == f"{STRINGS[lang]['msg.topic']}: {KB.topics[node.topic].title[lang]}"
    assert all(f"{field.label[lang]}:" in sample for field in node.fields)
    # The form's controls and the composer need the script: out of sight without it.
    expect(step.locator("[data-triage-form]")).to_be_hidden()
    expect(page.locator("[data-triage-composer]")).to_be_hidden()
    page.go_back()
    expect(current_step(page)).to_have_attribute("data-node", "login-help")


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_first_step_loads_nothing_only_a_form_needs(new_page, site_server, lang):
    """The form's later parts (composing, suggestions and their articles, copying, the hand-off) come
    once she leaves the first step, before she reaches a form: as modules of their own, or as the
    bundle's lazy chunks."""
    page = new_page(None)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_server + ASK[lang])
    page.wait_for_load_state("networkidle")
    assert page.locator(".triage--live").count() == 1
    first_visit = len(requested)
    assert [url for url in requested if SUGGESTIONS.search(url)] == []
    first = TREE.nodes[TREE.start].choices[0]
    with page.expect_response(lambda response: SUGGESTIONS.search(response.url) is not None) as data:
        choose(page, first.label[lang])
    assert SUGGESTIONS.search(data.value.url).group(1) == lang
    wait_for_step(page, first.go)
    page.wait_for_load_state("networkidle")
    later_scripts = [url for url in requested[first_visit:] if url.endswith(".js")]
    assert later_scripts, requested[first_visit:]
    expect(page.locator("[data-triage-handoff]")).to_have_attribute("data-chat-state", re.compile("^(open|closed)$"))
