"""The form on a phone (390×844, touch), in both languages: the whole question readable in the page,
buttons that wrap keep their space, the solved screen's heading below the sticky header, no
"Start over" on the first step, the no-JavaScript template only without JavaScript, and the form
one tap away from every page."""
import re

import pytest
from playwright.sync_api import expect

from browser_helpers import ASK, FORM_LOADED_MS, KB, after_suggestions, current_step, wait_for_step, walk_to, without_server_date
from conftest import DOCS
from support_kb.content import site_strings
from test_chat_handoff_browser import WORDS

pytestmark = pytest.mark.browser
STRINGS = site_strings.load(DOCS / "site-strings.yml")
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}


def phone(new_page, site_server, path, **options):
    page = new_page(None, **PHONE, **options)
    without_server_date(page)
    page.clock.set_fixed_time("2026-11-26T05:00:00Z")
    page.goto(site_server + path)
    return page


def box(locator):
    return locator.bounding_box()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_whole_question_reads_in_the_page_and_its_end_is_visible(new_page, site_server, lang):
    page = phone(new_page, site_server, ASK[lang])
    walk_to(page, lang, "ask-sms")
    current_step(page).locator("textarea[name=description]").fill(WORDS[lang])
    after_suggestions(page)
    preview = page.locator("[data-triage-message]")
    expect(preview).to_contain_text(WORDS[lang].strip()[-20:])
    # No inner scroll area: the element is as tall as its text.
    assert preview.evaluate("e => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1")
    preview.evaluate("e => e.scrollIntoView({block: 'end'})")
    bottom = box(preview)["y"] + box(preview)["height"]
    assert 0 < bottom <= 845  # a fraction of a pixel of rounding
    last_line = preview.inner_text().splitlines()[-1]
    assert last_line.startswith(STRINGS[lang]["msg.rules"].split("{date}")[0][:10])


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_buttons_that_wrap_keep_space_between_them(new_page, site_server, lang):
    page = phone(new_page, site_server, ASK[lang] + "#ask-login")
    for actions in page.locator(".triage__composer .triage__actions:visible").all():
        buttons = [box(b) for b in actions.locator(".md-button:visible").all()]
        for a, b in zip(buttons, buttons[1:]):
            if b["y"] >= a["y"] + a["height"] - 1:  # stacked
                assert b["y"] - (a["y"] + a["height"]) >= 8
            else:  # side by side
                assert b["x"] - (a["x"] + a["width"]) >= 8


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_solved_screen_shows_its_heading_below_the_sticky_header(new_page, site_server, lang):
    """She scrolls down to read the articles until the step's heading slides under the header (or
    just past the top of the screen), then taps "That solved it": the screen that replaces the step
    must not leave its heading hidden under the header (the browser does not scroll to a heading
    that is already on the screen, only to the screen's very top when it is not)."""
    page = phone(new_page, site_server, ASK[lang])
    walk_to(page, lang, "login-help")
    for heading_at in (10, -20):
        step = current_step(page)
        page.evaluate("y => scrollBy(0, y)", box(step.locator("h2"))["y"] - heading_at)
        solved = step.locator("[data-triage-solved]")
        expect(solved).to_be_in_viewport(ratio=1)  # she taps it where it is: no scrolling first
        solved.tap()
        heading = page.locator("#solved-title")
        expect(heading).to_be_focused()
        header = box(page.locator(".md-header"))
        top = box(heading)["y"]
        assert header["y"] + header["height"] <= top and top + box(heading)["height"] <= 844, (heading_at, header, top)
        page.get_by_role("button", name=STRINGS[lang]["triage.back"]).click()
        wait_for_step(page, "login-help")


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_start_over_is_offered_only_after_the_first_step(new_page, site_server, lang):
    page = phone(new_page, site_server, ASK[lang])
    restart = page.locator("[data-triage-controls] [data-triage-restart]")
    expect(restart).to_be_hidden()
    walk_to(page, lang, "sign-in")
    expect(restart).to_be_visible()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_question_template_is_only_for_pages_without_javascript_and_wraps(new_page, site_server, lang):
    # With JavaScript the sample is never shown, not even while the form's script is on its way.
    page = new_page(None, **PHONE)
    held = []
    page.route(re.compile(r".*/ask-page(\.[0-9a-f]+)?\.js$"), lambda route: held.append(route))
    page.goto(site_server + ASK[lang] + "#ask-login", wait_until="commit")
    page.locator("section[data-node=ask-login] [data-triage-form]").wait_for(state="attached")
    page.wait_for_function("() => document.readyState === 'interactive' && !!document.querySelector('.md-footer')")
    assert held, "the form's script was not held back"
    expect(page.locator(".triage__sample")).to_have_count(0)
    for route in held:
        route.continue_()
    expect(page.locator("section[data-node=ask-login] [data-triage-composer]")).to_be_visible(timeout=FORM_LOADED_MS)
    expect(page.locator(".triage__sample")).to_have_count(0)
    # Without JavaScript: the sample of her question, wrapped to the phone's width, not cut.
    plain = new_page(None, **PHONE, java_script_enabled=False)
    plain.goto(site_server + ASK[lang] + "#ask-login")
    sample = plain.locator("section[data-node=ask-login] .triage__sample")
    expect(sample).to_be_visible()
    assert sample.evaluate("e => e.scrollWidth <= e.clientWidth + 1 && e.getBoundingClientRect().right <= innerWidth")
    assert KB.topics["account-login"].title[lang] in sample.inner_text()


@pytest.mark.parametrize("lang, path", [("ru", "account/sms-code/"), ("kk", "kk/staff/reports/"), ("kk", "kk/")])
def test_ask_a_question_is_one_tap_away(new_page, site_server, lang, path):
    page = phone(new_page, site_server, path)
    link = page.locator(".kb-chat-bar").get_by_role("link", name=STRINGS[lang]["chat.ask"])
    expect(link).to_be_in_viewport()
    link.tap()
    expect(page).to_have_url(re.compile(re.escape(site_server + ASK[lang]) + "$"))
