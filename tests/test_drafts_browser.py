"""Drafts the form finds in storage, whatever they hold (another build's tree, values of any type,
text that is not JSON), and a broken address: each ends in a working form with her text kept.
And what is stored: no password, code, IIN or phone number the privacy check finds."""
import json
import re

import pytest
from playwright.sync_api import expect

from browser_helpers import ASK, TREE, current_step, store_draft_once, walk_to, wait_for_step

pytestmark = pytest.mark.browser

LOGIN_PATH = ["who", "parent", "sign-in", "login-help", "ask-login"]
HER_TEXT = "Ввожу ИИН и пароль, нажимаю «Войти», страница обновляется без ошибки."


def open_with_draft(new_page, site_server, stored: str, fragment: str = ""):
    """The ask page opened with `stored` (raw text) in localStorage, as a page of an earlier visit
    (or an earlier build) left it; put there once, before the page's scripts run."""
    page = new_page(None)
    store_draft_once(page, "ru", stored)
    page.goto(site_server + ASK["ru"] + fragment)
    form_ready(page)
    return page


def form_ready(page):
    """The form's script has run (it shows its controls; on the first step they hold no button)."""
    page.locator("[data-triage-controls]:not([hidden])").wait_for(state="attached")


def texts_on_page(page) -> str:
    """What she can read back: every field's value and the box of kept text."""
    return "\n".join(page.evaluate("[...document.querySelectorAll('[data-triage] input, [data-triage] textarea')].map((el) => el.value)"))


def assert_working_form(page):
    """One step shown, every control live: Start over (offered once she has left the first step)
    resets, a walk reaches a form, the question is composed."""
    assert page.locator("section[data-node]:visible").count() == 1
    restart = page.get_by_role("button", name="Начать заново")
    if current_step(page).get_attribute("data-node") == TREE.start:
        expect(restart).to_be_hidden()  # nothing to start over yet: one choice forward, as she would
        walk_to(page, "ru", "sign-in")
    page.once("dialog", lambda dialog: dialog.accept())
    restart.click()
    wait_for_step(page, TREE.start)
    expect(restart).to_be_hidden()
    expect(page.locator("[data-triage-kept]")).to_be_hidden()
    walk_to(page, "ru", "ask-login")
    step = current_step(page)
    step.locator("select[name=method]").select_option("ИИН и пароль")
    step.locator("textarea").fill(HER_TEXT)
    expect(page.locator("[data-triage-message]")).to_contain_text(HER_TEXT)


def test_a_draft_of_another_tree_restores_what_fits_and_keeps_the_rest(new_page, site_server):
    """The draft was saved before the tree changed: "sign-in" was put between "parent" and
    "login-help" (a choice moved under a new question), an option was renamed, a form was removed."""
    draft = {
        "path": [p for p in LOGIN_PATH if p != "sign-in"],
        "fields": {
            "ask-login": {"method": "Логин и пароль", "description": HER_TEXT},
            "ask-old-form": {"description": "Текст из формы, которой больше нет."},
        },
        "environment": "Firefox 120, Windows", "rules": True,
    }
    page = open_with_draft(new_page, site_server, json.dumps(draft, ensure_ascii=False))
    wait_for_step(page, "ask-login")
    step = current_step(page)
    expect(step.locator("textarea")).to_have_value(HER_TEXT)
    expect(page.locator("[data-triage-notice]")).to_contain_text("Форма изменилась")
    kept = page.get_by_label("Ваш текст из черновика, которому нет места в форме")
    expect(kept).to_have_value(re.compile("Как вы входите: Логин и пароль"))
    expect(kept).to_have_value(re.compile("Текст из формы, которой больше нет."))
    expect(page.locator("[data-triage-message]")).to_contain_text(HER_TEXT)
    step.locator("select[name=method]").select_option("ИИН и пароль")
    step.locator("select[name=device]").select_option(index=1)
    page.get_by_role("button", name="Скопировать вопрос").click()
    expect(page.locator("[data-triage-status]")).not_to_be_empty()
    # Her path is today's: Back leads through the step that was put in.
    page.get_by_role("button", name="Назад").click()
    wait_for_step(page, "login-help")
    page.get_by_role("button", name="Назад").click()
    wait_for_step(page, "sign-in")
    # The kept text stays until she removes it, across reloads (the page saves its draft on pagehide).
    page.reload()
    expect(page.get_by_label("Ваш текст из черновика, которому нет места в форме")).to_have_value(
        re.compile("Текст из формы, которой больше нет."))
    page.get_by_role("button", name="Убрать этот текст").click()
    expect(page.locator("[data-triage-kept]")).to_be_hidden()
    assert_working_form(page)


def test_a_path_left_empty_goes_to_the_form_that_holds_her_text(new_page, site_server):
    draft = {"path": ["old-start", "old-step"], "fields": {"ask-login": {"description": HER_TEXT}}}
    page = open_with_draft(new_page, site_server, json.dumps(draft, ensure_ascii=False))
    wait_for_step(page, "ask-login")
    assert page.locator("section[data-node]:visible").count() == 1
    expect(current_step(page).locator("textarea")).to_have_value(HER_TEXT)
    assert_working_form(page)


WRONG_SHAPES = {
    "null": ("null", ""),
    "a number": ("42", "42"),
    "a string": ('"Мой вопрос без формы"', "Мой вопрос без формы"),
    "a list": ('["Первая строка", "Вторая строка"]', "Вторая строка"),
    "not JSON": ('{"fields": {"ask-login": {"description": "Обрезанный черно', "Обрезанный черно"),
    "fields null": ('{"fields": null, "path": 5, "environment": 7, "rules": "yes", "savedAt": "вчера"}', ""),
    "a step null": ('{"fields": {"ask-login": null}, "path": ["who", null, 3]}', ""),
    "a step a number": ('{"fields": {"ask-login": 12}, "path": "ask-login"}', "12"),
    "a value a number": ('{"fields": {"ask-login": {"description": 123456789, "device": 2}}, "path": ["who"]}', "123456789"),
    "a value a list": ('{"fields": {"ask-login": {"description": ["Строка один", "Строка два"]}}}', "Строка два"),
    "a value an object": ('{"fields": {"ask-login": {"description": {"text": "Текст внутри"}, "method": {}}}}', "Текст внутри"),
    "a checkbox a string": ('{"fields": {"ask-login": {"description": "Описание", "method": true}}, "rules": "да"}', "Описание"),
}


@pytest.mark.parametrize("shape", WRONG_SHAPES)
def test_a_stored_value_of_any_type_gives_a_working_form_and_keeps_her_text(new_page, site_server, shape):
    stored, text = WRONG_SHAPES[shape]
    page = open_with_draft(new_page, site_server, stored)
    assert text in texts_on_page(page)
    assert_working_form(page)


@pytest.mark.parametrize("fragment", ["#%", "#%E0%A4%A", "#ask-%zz", "#no-such-step"])
def test_a_malformed_or_unknown_fragment_starts_at_a_step_that_exists(new_page, site_server, fragment):
    page = new_page(None)
    page.goto(site_server + ASK["ru"] + fragment)
    form_ready(page)
    wait_for_step(page, "who")
    assert_working_form(page)
    # With a draft, its step is shown.
    draft = {"path": LOGIN_PATH, "fields": {"ask-login": {"description": HER_TEXT}}}
    page = open_with_draft(new_page, site_server, json.dumps(draft, ensure_ascii=False), fragment)
    wait_for_step(page, "ask-login")
    expect(current_step(page).locator("textarea")).to_have_value(HER_TEXT)
    # The hash changing to a malformed escape later does not stop the form either.
    page.evaluate("location.hash = '%'")
    wait_for_step(page, "who")
    assert_working_form(page)


SECRETS = "Пароль: Qwerty123, ИИН 900101 300027, код из смс: 123456, телефон 701 234 56 78"


def stored_draft(page, lang="ru") -> str:
    """The texts of the stored draft, one per line."""
    return page.evaluate(f"""() => {{
        const texts = [];
        JSON.parse(localStorage.getItem("kb-ask-draft:{lang}"), (key, value) => (typeof value === "string" && texts.push(value), value));
        return texts.join("\\n");
    }}""")


def test_the_stored_draft_holds_no_detected_secret(new_page):
    page = new_page(ASK["ru"] + "#ask-support")
    textarea = current_step(page).locator("textarea")
    textarea.fill(f"Не могу войти. {SECRETS}.")
    page.locator("[data-triage-environment]").fill("Chrome, Windows, тел. +7 701 234 56 78")
    page.wait_for_function("(localStorage.getItem('kb-ask-draft:ru') || '').includes('Не могу войти')")
    stored = stored_draft(page)
    for secret in ("Qwerty123", "900101 300027", "123456", "234 56", "701 234"):
        assert secret not in stored, secret
    assert "Не могу войти" in stored and "••••••" in stored
    # On screen the text stays as she typed it until she decides.
    assert "Qwerty123" in textarea.input_value()
    # The tab closed (pagehide saves too) and opened again: the masked copy comes back.
    page.reload()
    wait_for_step(page, "ask-support")
    restored = current_step(page).locator("textarea").input_value()
    assert restored.startswith("Не могу войти") and "Qwerty123" not in restored and "900101" not in restored


def test_a_kazakh_draft_holds_no_detected_secret_either(new_page):
    page = new_page(ASK["kk"] + "#ask-support")
    current_step(page).locator("textarea").fill("Кіре алмаймын. Құпиясөз 123, SMS-код 4821, ЖСН 900101-300027, 8 7172 55 55 55")
    page.wait_for_function("(localStorage.getItem('kb-ask-draft:kk') || '').includes('Кіре алмаймын')")
    stored = stored_draft(page, "kk")
    for secret in ("123,", "4821", "900101-300027", "7172 55"):
        assert secret not in stored, secret
