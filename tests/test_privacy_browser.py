"""The privacy check of the form (kb/privacy.js) in the browser, as the form runs it: every kind of
secret it must find, in Russian and in Kazakh, and text it must leave alone; then on the page."""
import re

import pytest
from playwright.sync_api import expect

from browser_helpers import ASK, current_step

pytestmark = pytest.mark.browser

# text -> the kinds found, and the part of the text each one covers
FOUND = {
    # one-time codes: support never asks for them
    "код из смс: 123456": [("code", "123456")],
    "SMS-код 4821": [("code", "4821")],
    "Код подтверждения 123456 не подошёл": [("code", "123456")],
    "смс коды 4821": [("code", "4821")],
    "SMS-код: 123456 келді": [("code", "123456")],
    "бір реттік код 1234": [("code", "1234")],
    # a password after a space, or after a short Latin word
    "пароль 123": [("password", "123")],
    "құпиясөз 123": [("password", "123")],
    "құпия сөз 12ab": [("password", "12ab")],
    "pass: secret": [("password", "secret")],
    "pwd=secret": [("password", "secret")],
    "parol: secret": [("password", "secret")],
    "логин и пароль admin admin123": [("password", "admin123")],
    "логин мен құпиясөз admin admin123": [("password", "admin123")],
    # phones: ten digits without a prefix, Kazakh landlines
    "701 234 56 78": [("phone", "701 234 56 78")],
    "телефоным 7012345678": [("phone", "7012345678")],
    "8 7172 55 55 55": [("phone", "8 7172 55 55 55")],
    "+7 (7172) 55-55-55": [("phone", "+7 (7172) 55-55-55")],
    # an IIN in groups
    "ИИН 900101 300027": [("iin", "900101 300027")],
    "ЖСН 9001-0130-0027": [("iin", "9001-0130-0027")],
    "ЖСН: 900 101 300 027": [("iin", "900 101 300 027")],
    # zero-width characters, a Latin letter inside the word
    "па\u200bроль: Qwerty1": [("password", "Qwerty1")],
    "пaроль: Qwerty1": [("password", "Qwerty1")],
    "құпияcөз: Qwerty1": [("password", "Qwerty1")],
    "ИИН 9001\u200b01300027": [("iin", "9001\u200b01300027")],
    "SMS-\u200bкод 4821": [("code", "4821")],
}
LEFT_ALONE = [
    "забыл пароль от кабинета, пароль неверный",
    "құпиясөзді ұмыттым, құпиясөз қабылданбайды",
    "SMS-код не приходит с 2025 года",
    "смс код 2 раза не пришёл",
    "SMS-код келмейді, 3 рет сұрадым",
    "логин и пароль от кабинета не подходят",
    "пароль 2 раза вводила",
    "номер заявления 123, очередь 45",
    "30.11.2026 в 10:30, сумма 3 000 тенге",
    "passport, password-reset page",
    "ИИН 900101300022",  # the check digit is wrong: not an IIN
]


def privacy(page, build, script, arg=None):
    return page.evaluate("""async ([module, script, arg]) => {
        const p = await import(new URL(module, location.href));
        return new Function("p", "arg", script)(p, arg);
    }""", ["/" + build.asset("assets/javascripts/kb/privacy.js"), script, arg])


def test_every_kind_of_secret_is_found_in_both_languages(new_page, build):
    page = new_page(ASK["ru"])
    found = privacy(page, build, "return arg.map((t) => p.findSensitive(t).map((s) => [s.kind, t.slice(s.start, s.end)]));", list(FOUND))
    assert dict(zip(FOUND, [[tuple(x) for x in f] for f in found])) == FOUND


def test_ordinary_text_is_left_alone(new_page, build):
    page = new_page(ASK["ru"])
    found = privacy(page, build, "return arg.map((t) => p.findSensitive(t).map((s) => t.slice(s.start, s.end)));", LEFT_ALONE)
    assert dict(zip(LEFT_ALONE, found)) == {text: [] for text in LEFT_ALONE}


def test_masking_hides_each_secret_and_keeps_the_rest(new_page, build):
    page = new_page(ASK["ru"])
    masked = privacy(page, build, "return arg.map(p.mask);", list(FOUND))
    for text, spans in FOUND.items():
        out = masked[list(FOUND).index(text)]
        for kind, part in spans:
            digits = re.sub(r"\D", "", part)
            assert part not in out, (text, out)
            if kind == "phone":
                assert out.endswith(digits[-2:]), out  # a phone keeps its last two digits
        assert "•" in out
    # Masking twice changes nothing more.
    assert privacy(page, build, "return arg.map((t) => p.mask(p.mask(t)) === p.mask(t));", list(FOUND)) == [True] * len(FOUND)


@pytest.mark.parametrize("lang, text, names", [
    ("ru", "Не приходит вход. Код из SMS: 482113, пароль 123, звоните 701 234 56 78",
     "пароль, код из SMS, номер телефона"),
    ("kk", "Кіре алмаймын. SMS-код 4821, құпиясөз 123, ЖСН 900101-300027",
     "құпиясөз, SMS-код, ЖСН"),
])
def test_the_form_warns_about_each_kind_and_masks_it(new_page, lang, text, names):
    page = new_page(ASK[lang] + "#ask-support", permissions=["clipboard-read", "clipboard-write"])
    current_step(page).locator("textarea").fill(text)
    warning = page.locator("[data-triage-privacy]")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text(names)
    warning.get_by_role("button").first.click()  # mask
    value = current_step(page).locator("textarea").input_value()
    for secret in ("482113", "4821", " 123", "900101-300027", "234 56"):
        assert secret not in value, value
