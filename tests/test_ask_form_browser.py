"""The "before you ask" form in Debian's Chromium, driven as a person drives it."""
import re

import pytest

from playwright.sync_api import expect

from conftest import DOCS
from support_kb.content import rules, site_strings
from support_kb.content.dates import long_date

from browser_helpers import (ASK, KB, SUGGEST_DELAY_MS, TREE, after_suggestions, axe_violations, current_step, wait_for_form_script,
                             wait_for_step, walk_to, without_server_date)

pytestmark = pytest.mark.browser

LOGIN = {
    "ru": {"method": "ИИН и пароль", "description": "Ввожу ИИН и пароль, нажимаю «Войти», страница обновляется без ошибки."},
    "kk": {"method": "ЖСН және құпиясөз", "description": "ЖСН мен құпиясөзді енгізіп, «Кіру» батырмасын басамын, бет қатесіз жаңарады."},
}
STRINGS = site_strings.load(DOCS / "site-strings.yml")
RULES_CHECKBOX = {"ru": "Я прочитал(а) правила", "kk": "Мен техникалық қолдау қағидаларын оқыдым"}


def fill_login(page, lang):
    form = TREE.nodes["ask-login"]
    labels = {f.id: f.label[lang] for f in form.fields}
    step = current_step(page)
    step.get_by_label(labels["method"]).select_option(LOGIN[lang]["method"])
    step.get_by_label(labels["description"]).fill(LOGIN[lang]["description"])
    step.get_by_label(labels["device"]).select_option(index=1)
    after_suggestions(page)
    step.get_by_role("checkbox", name=re.compile(re.escape(RULES_CHECKBOX[lang]))).check()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_walk_to_a_form_fill_it_and_read_the_composed_question(new_page, site_server, lang):
    page = new_page(None, timezone_id="Asia/Almaty")
    without_server_date(page)
    page.clock.set_fixed_time("2026-11-26T04:30:00Z")  # 09:30 in Astana
    page.goto(site_server + ASK[lang])
    walk_to(page, lang, "ask-login")
    assert page.url.endswith("#ask-login")
    fill_login(page, lang)
    expect(page.locator("[data-triage-message]")).to_contain_text(LOGIN[lang]["description"])
    message = page.locator("[data-triage-message]").inner_text()
    lines = message.splitlines()
    topic = KB.topics["account-login"].title[lang]
    role = TREE.nodes["who"].choices[0].label[lang]
    form = TREE.nodes["ask-login"]
    labels = {f.id: f.label[lang] for f in form.fields}
    # Her own words first, right after the topic, without the field's label.
    assert lines[0].endswith(topic)
    assert lines[1] == LOGIN[lang]["description"]
    assert labels["description"] not in message
    assert f"{labels['method']}: {LOGIN[lang]['method']}" in lines[3:]
    assert any(line.startswith(labels["device"] + ": ") for line in lines)
    assert labels["error"] not in message  # empty optional fields are left out
    assert any(line.endswith(role) for line in lines[3:])
    # The path is not repeated: the topic says it.
    assert TREE.nodes["parent"].choices[1].label[lang] not in message
    # The articles offered on the way, which she said did not help, none of them opened.
    articles = next(line for line in lines if line.startswith(STRINGS[lang]["msg.articles"] + ":"))
    assert KB.pages[lang]["account/login.md"].title in articles and STRINGS[lang]["msg.opened"] not in articles
    assert STRINGS[lang]["msg.time"].replace("{time}", "26.11.2026 09:30") in lines  # Astana time, UTC+5
    assert "Chrome" in message and "Linux" in message
    assert form.screenshots[0][lang] in message
    edition = rules.load_editions(DOCS / "rules-editions.yml", rules.known_rules(DOCS))[0]
    assert long_date(edition.date, lang) in lines[-1]
    assert len(lines) == len(set(lines))  # each fact once


def test_an_opened_article_is_named_so_and_a_skipped_step_claims_nothing(new_page, site_server):
    page = new_page(ASK["ru"])
    walk_to(page, "ru", "login-help")
    title = KB.pages["ru"]["account/login.md"].title
    current_step(page).get_by_role("link", name=title, exact=True).click()
    page.wait_for_url(re.compile(r"/account/login/"))
    page.go_back()
    wait_for_step(page, "login-help")
    current_step(page).locator("[data-triage-unresolved]").click()
    wait_for_step(page, "ask-login")
    message = page.locator("[data-triage-message]").inner_text()
    assert f"{title} ({STRINGS['ru']['msg.opened']})" in message
    # A shared link straight to the form: no article was offered, none is claimed.
    shared = new_page(None)
    shared.goto(site_server + ASK["ru"] + "#ask-login")
    wait_for_step(shared, "ask-login")
    assert STRINGS["ru"]["msg.articles"] not in current_step(shared).locator("[data-triage-message]").inner_text()


@pytest.mark.parametrize("zone", ["Asia/Almaty", "Europe/Moscow", "America/Los_Angeles"])
def test_the_question_carries_astana_time_whatever_the_zone(new_page, site_server, zone):
    page = new_page(None, timezone_id=zone)
    without_server_date(page)
    page.clock.set_fixed_time("2026-11-26T12:59:00Z")
    page.goto(site_server + ASK["ru"] + "#ask-support")
    expect(page.locator("[data-triage-message]")).to_contain_text("26.11.2026 17:59")


def test_validation_messages_next_to_fields_and_focus_on_the_first(new_page):
    page = new_page(ASK["kk"] + "#ask-login")
    # The page carries no empty message paragraph per field: the script makes one when needed.
    assert page.locator("[data-triage-form] [data-triage-error]").count() == 0
    current_step(page).get_by_role("button", name="Сұрақты көшіру").click()
    method = current_step(page).locator("select[name=method]")
    expect(method).to_be_focused()
    expect(method).to_have_attribute("aria-invalid", "true")
    expect(current_step(page).locator("#f-ask-login-method-error")).to_have_text("Нұсқаны таңдаңыз.")
    # …and names it in the field's description, once, after the field's own hints
    described = method.get_attribute("aria-describedby").split()
    assert described[-1] == "f-ask-login-method-error" and described.count("f-ask-login-method-error") == 1
    current_step(page).get_by_role("button", name="Сұрақты көшіру").click()
    assert method.get_attribute("aria-describedby").split().count("f-ask-login-method-error") == 1
    current_step(page).locator("textarea[name=description]").fill("Тым қысқа")
    current_step(page).get_by_role("button", name="Сұрақты көшіру").click()
    expect(current_step(page).locator("#f-ask-login-description-error")).to_have_text(
        "Толығырақ жазыңыз: кемінде 30 таңба (қазір 9).")


def test_reload_and_a_closed_tab_restore_the_step_and_the_text(new_page, site_server):
    page = new_page(ASK["ru"])
    walk_to(page, "ru", "ask-login")
    fill_login(page, "ru")
    page.reload()
    wait_for_step(page, "ask-login")
    expect(page.locator("#f-ask-login-description")).to_have_value(LOGIN["ru"]["description"])
    # A new visit without the step in the address (the tab was closed) returns to the same step.
    page.goto("about:blank")
    page.goto(site_server + ASK["ru"])
    wait_for_form_script(page)
    expect(page).to_have_url(re.compile("#ask-login$"))
    expect(page.locator("#f-ask-login-method")).to_have_value(LOGIN["ru"]["method"])
    expect(page.locator("[data-triage-notice]")).to_have_text("Восстановлен черновик вашего вопроса.")


def test_drafts_expire_after_30_days(new_page, site_server):
    page = new_page(None)
    page.clock.install(time="2026-11-01T06:00:00Z")
    page.goto(site_server + ASK["ru"] + "#ask-support")
    current_step(page).locator("textarea").fill("Черновик, который должен устареть через месяц.")
    page.clock.run_for(1000)
    page.clock.set_system_time("2026-12-02T06:00:00Z")
    page.reload()
    wait_for_form_script(page)
    assert current_step(page).locator("textarea").input_value() == ""


def test_start_over_asks_before_discarding(new_page):
    page = new_page(ASK["ru"] + "#ask-support")
    current_step(page).locator("textarea").fill("Текст, который не хочется потерять случайно.")
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Начать заново").click()
    assert messages == ["Начать заново? Введённый текст вопроса будет удалён."]
    assert current_step(page).locator("textarea").input_value().startswith("Текст")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Начать заново").click()
    wait_for_step(page, "who")
    page.reload()
    wait_for_form_script(page)
    assert page.locator("#f-ask-support-description").input_value() == ""


def test_without_storage_the_form_works_and_says_so(new_page, site_server):
    page = new_page(None)
    page.add_init_script("Storage.prototype.setItem = () => { throw new DOMException('denied', 'SecurityError'); };")
    page.goto(site_server + ASK["kk"])
    notice = page.locator("[data-triage-notice]")
    assert "жоба сақталмайды" in notice.inner_text()
    walk_to(page, "kk", "ask-login")
    assert current_step(page).locator("[data-triage-message]").inner_text().startswith("Тақырып:")


def test_back_forward_and_shared_links(new_page, site_server):
    page = new_page(ASK["ru"])
    walk_to(page, "ru", "ask-login")
    page.go_back()
    wait_for_step(page, "login-help")
    page.go_forward()
    wait_for_step(page, "ask-login")
    page.get_by_role("button", name="Назад").click()
    wait_for_step(page, "login-help")
    shared = new_page(None)
    shared.goto(site_server + ASK["ru"] + "#ask-staff-reports")
    wait_for_step(shared, "ask-staff-reports")
    message = current_step(shared).locator("[data-triage-message]").inner_text()
    assert "Сотрудник дошкольной организации" in message  # the path is rebuilt from the start


def test_what_a_user_types_is_shown_as_text_never_run(new_page):
    page = new_page(ASK["ru"] + "#ask-support")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    attack = '<img src=x onerror=alert(1)><script>alert(2)</script> \u202e RTL 👩‍👧 emoji'
    current_step(page).locator("textarea").fill(attack)
    preview = page.locator("[data-triage-message]")
    expect(preview).to_contain_text("RTL")  # the preview follows the input a frame later
    assert attack in preview.inner_text()
    assert preview.locator("img, script").count() == 0
    page.reload()
    assert dialogs == []


def test_privacy_guard_warns_before_copying_and_masks(new_page):
    page = new_page(ASK["ru"] + "#ask-login", permissions=["clipboard-read", "clipboard-write"])
    fill_login(page, "ru")
    step = current_step(page)
    step.locator("textarea").fill("Мой ИИН 900101300027, телефон +7 701 234 56 78, пароль: Qwerty123 не подходит")
    step.get_by_role("button", name="Скопировать вопрос").click()
    warning = page.locator("[data-triage-privacy]")
    assert warning.is_visible()
    assert "пароль, ИИН, номер телефона" in warning.inner_text()
    page.get_by_role("button", name="Скрыть эти данные").click()
    expect(page.locator("[data-triage-status]")).to_have_text("Вопрос скопирован в буфер обмена.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "900101300027" not in copied and "Qwerty123" not in copied and "234 56" not in copied
    assert "••••••" in copied and "78" in copied


def test_copy_and_download_the_question(new_page, site_server):
    page = new_page(None, permissions=["clipboard-read", "clipboard-write"])
    without_server_date(page)
    # The question carries the minute it was written: a clock that moves could change it between
    # the copy and the reading below.
    page.clock.set_fixed_time("2026-11-26T04:30:00Z")
    page.goto(site_server + ASK["kk"])
    walk_to(page, "kk", "ask-login")
    fill_login(page, "kk")
    current_step(page).get_by_role("button", name="Сұрақты көшіру").click()
    expect(page.locator("[data-triage-status]")).to_have_text("Сұрақ алмасу буферіне көшірілді.")
    # The status is set once the clipboard's promise resolved: what it holds is final, and the page
    # shows exactly that (the preview is brought up to date at the click, not a frame later).
    message = page.evaluate("navigator.clipboard.readText()")
    assert message.startswith("Тақырып:") and LOGIN["kk"]["description"] in message
    assert page.locator("[data-triage-message]").inner_text() == message
    with page.expect_download() as download:
        current_step(page).get_by_role("button", name=".txt ретінде жүктеп алу").click()
    assert download.value.suggested_filename == "қолдауға-сұрақ.txt"
    assert open(download.value.path(), encoding="utf-8").read() == message


def test_matching_articles_are_suggested_while_typing(new_page):
    page = new_page(ASK["ru"] + "#ask-support")
    current_step(page).locator("textarea").type("не приходит смс код при входе")
    suggestions = page.locator("[data-triage-suggestions]")
    suggestions.wait_for(state="visible")
    titles = suggestions.locator("a").all_inner_texts()
    assert 1 <= len(titles) <= 3
    assert "Не приходит SMS-код" in titles




def with_clock(new_page, site_server, path):
    """A page whose timers the test moves on (page.clock), opened at `path`."""
    page = new_page(None)
    page.clock.install()
    page.goto(site_server + path)
    return page


def suggested(page, text):
    """What the form suggests once she has typed `text` and paused: the page's clock stands still
    while she types, then moves on by the pause, so the suggestions are those of the whole text."""
    page.clock.pause_at(page.evaluate("Date.now()") / 1000 + 1)
    textarea = current_step(page).locator("textarea")
    textarea.fill("")
    textarea.type(text)
    page.clock.run_for(SUGGEST_DELAY_MS)
    return page.locator("[data-triage-suggestions] a").all_inner_texts()


def test_suggestions_leave_out_what_was_offered_and_keep_to_her_role(new_page, site_server):
    submit = KB.pages["ru"]["application/submit.md"].title
    page = with_clock(new_page, site_server, ASK["ru"])
    walk_to(page, "ru", "ask-sms")  # a parent, offered "Не приходит SMS-код" on the way
    # not the article she was offered on the way (the same words bring it to staff, below)
    assert "Не приходит SMS-код" not in suggested(page, "не приходит смс код при входе")
    assert submit in suggested(page, "не могу подать заявление в очередь")
    staff = with_clock(new_page, site_server, ASK["ru"])
    walk_to(staff, "ru", "ask-staff-reports", via="staff")
    titles = suggested(staff, "не могу подать заявление в очередь")
    assert submit not in titles  # an article for parents only
    assert "Не приходит SMS-код" in suggested(staff, "не приходит смс код при входе")  # for everyone


def test_keyboard_only_from_start_to_a_composed_question(new_page):
    page = new_page(ASK["ru"])
    def press_until_focused(name, key="Tab", limit=80):
        for _ in range(limit):
            page.keyboard.press(key)
            focused = page.evaluate("document.activeElement.textContent.trim() || document.activeElement.getAttribute('aria-label') || document.activeElement.name || ''")
            if focused == name:
                return
        raise AssertionError(f"could not reach {name!r} with the keyboard")
    for label in ("Родитель или законный представитель", "Вход, пароль, SMS-код, ЭЦП или браузер",
                  "Войти в личный кабинет", "Мне всё ещё нужна помощь"):
        press_until_focused(label)
        page.keyboard.press("Enter")
    assert current_step(page).get_attribute("data-node") == "ask-login"
    # Focus moved to the new step's heading; the first field is the next Tab stop.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "method"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.type(LOGIN["ru"]["description"])
    assert page.evaluate("document.activeElement.name") == "description"
    expect(page.locator("[data-triage-message]")).to_contain_text(LOGIN["ru"]["description"])


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_axe_finds_no_violation_on_the_ask_page(new_page, lang):
    page = new_page(ASK[lang])
    assert axe_violations(page) == []
    walk_to(page, lang, "ask-login")
    current_step(page).get_by_role("button").first.click()  # show the validation messages too
    assert axe_violations(page) == []


def test_privacy_rules_in_the_page_module(new_page, build):
    """The IIN check digit and the masking, run in the browser as the form runs them."""
    page = new_page(ASK["ru"])
    result = page.evaluate("""async (module) => {
        const p = await import(new URL(module, location.href));
        return {
            valid: ["900101300027", "000000000000"].map(p.isIin),
            invalid: ["900101300022", "12345678901", "1234567890123"].map(p.isIin),
            secondWeights: p.isIin("377835337400"),
            neverAnIin: p.isIin("068709861190"),
            kinds: p.findSensitive("пароль: 123abc, ЖСН 900101300027, тел 8 (701) 234-56-78").map(s => s.kind),
            notSecret: p.findSensitive("забыл пароль от кабинета, пароль неверный").length,
            kazakh: p.findSensitive("құпиясөз: Абв12345").map(s => s.kind),
            masked: p.mask("пароль: 123abc и 900101300027"),
        };
    }""", "/" + build.asset("assets/javascripts/kb/privacy.js"))
    assert result["valid"] == [True, True]
    assert result["invalid"] == [False, False, False]
    assert result["secondWeights"] is True  # weights 1…11 give 10, weights 3…11,1,2 give the digit
    assert result["neverAnIin"] is False  # both weightings give 10
    assert result["kinds"] == ["password", "iin", "phone"]
    assert result["notSecret"] == 0
    assert result["kazakh"] == ["password"]
    assert result["masked"] == "пароль: •••••• и ••••••••••••"
