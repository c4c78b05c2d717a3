"""The chat's state and the hand-off in Chromium, with the clock and the time zone under control."""
import datetime as dt
import json
import re
from urllib.parse import parse_qs, quote, urlsplit

import icalendar
import pytest
from playwright.sync_api import expect

from browser_helpers import ASK, CALENDAR_ROUTE, CalendarDates, after_suggestions, current_step, walk_to, without_server_date
from conftest import CHAT_ORIGIN, DOCS
from support_kb.content import site_strings
from test_ask_form_browser import fill_login

pytestmark = pytest.mark.browser
STRINGS = site_strings.load(DOCS / "site-strings.yml")
ZONES = ["Asia/Almaty", "Europe/Moscow", "America/Los_Angeles"]


@pytest.fixture(scope="module")
def dates(build):
    return CalendarDates(build.site)


def open_at(new_page, site_server, path, utc, zone="Asia/Almaty", calendar=None, **options):
    page = new_page(None, timezone_id=zone, **options)
    if calendar is None:
        without_server_date(page)
    else:
        page.route(CALENDAR_ROUTE, lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps(calendar)))
    page.clock.install(time=utc)
    page.goto(site_server + path)
    return page


def badge(page):
    element = page.locator("[data-chat-badge]")
    expect(element).to_have_attribute("data-chat-state", re.compile("open|closed"))
    return element


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("astana, state", [("08:59", "closed"), ("09:00", "open"), ("17:59", "open"), ("18:00", "closed")])
def test_open_from_nine_to_six_astana_time_in_any_zone(new_page, site_server, dates, zone, astana, state):
    page = open_at(new_page, site_server, "", dates.utc(dates.working_thursday(), astana), zone)
    assert badge(page).get_attribute("data-chat-state") == state


def test_a_weekend_is_closed(new_page, site_server, dates):
    page = open_at(new_page, site_server, "", dates.utc(dates.weekend_saturday(), "11:00"))
    assert badge(page).get_attribute("data-chat-state") == "closed"
    assert "откроется в понедельник в 09:00" in badge(page).inner_text()


def test_a_holiday_is_closed(new_page, site_server, dates):
    holiday = dates.weekday_holiday()
    page = open_at(new_page, site_server, "", dates.utc(holiday, "11:00"))
    assert badge(page).get_attribute("data-chat-state") == "closed"
    assert "откроется завтра в 09:00" in badge(page).inner_text()


def test_a_decreed_working_saturday_is_open(new_page, site_server, dates):
    saturday = dates.weekend_saturday()
    calendar = dict(dates.data, days={**dates.data["days"], saturday.isoformat(): {
        "off": False, "name": {"ru": "Рабочая суббота", "kk": "Жұмыс істейтін сенбі"}}})
    page = open_at(new_page, site_server, "", dates.utc(saturday, "11:00"), calendar=calendar)
    assert badge(page).get_attribute("data-chat-state") == "open"


def test_the_users_own_time_is_added_when_their_zone_differs(new_page, site_server, dates):
    at = dates.utc(dates.working_thursday(), "11:00")
    page = open_at(new_page, site_server, "", at, "Europe/Moscow")
    text = badge(page).inner_text()
    assert "до 18:00 (время Астаны)" in text and "у вас сегодня в 16:00" in text and text.endswith("через 7 часов.")
    page = open_at(new_page, site_server, "", at, "Asia/Almaty")
    assert "у вас" not in badge(page).inner_text()


def test_the_page_closes_by_itself_at_six(new_page, site_server, dates):
    page = open_at(new_page, site_server, ASK["ru"] + "#ask-login", dates.utc(dates.working_thursday(), "17:58:30"))
    assert badge(page).get_attribute("data-chat-state") == "open"
    send = page.get_by_role("button", name="Скопировать и открыть чат")
    expect(send).to_be_enabled()
    page.clock.run_for("02:00")
    expect(page.locator("[data-chat-badge]")).to_have_attribute("data-chat-state", "closed")
    expect(page.locator("[data-triage-handoff]")).to_have_attribute("data-chat-state", "closed")
    expect(send).to_be_disabled()


def test_hand_off_copies_the_question_and_the_chat_receives_it(new_page, site_server, dates):
    page = open_at(new_page, site_server, ASK["kk"], dates.utc(dates.working_thursday(), "10:00"),
                   permissions=["clipboard-read", "clipboard-write"])
    received = []
    page.context.route(f"{CHAT_ORIGIN}/**", lambda route: (received.append(route.request.url),
                                                           route.fulfill(status=200, body="chat")))
    walk_to(page, "kk", "ask-login")
    fill_login(page, "kk")
    with page.context.expect_page() as chat:
        page.get_by_role("button", name="Көшіріп, чатты ашу").click()
    chat.value.wait_for_load_state()
    message = page.locator("[data-triage-message]").inner_text()
    assert page.evaluate("navigator.clipboard.readText()") == message
    query = parse_qs(urlsplit(received[0]).query)
    assert query["lang"] == ["kk"] and query["topic"] == ["account-login"]
    sent = query["message"][0]
    # Cyrillic takes six characters per letter in a URL: this question does not fit a 2000-character
    # address whole, so its beginning goes, cut at a word's end.
    assert len(quote(message, safe="!~*'()")) > 2000
    assert len(received[0]) <= 2000 and sent.endswith("…") and message.startswith(sent[:-1])
    assert message[len(sent) - 1].isspace()
    expect(page.locator("[data-handoff-status]")).to_contain_text(STRINGS["kk"]["handoff.tab-start"])
    expect(page.locator("[data-handoff-status]")).to_contain_text(STRINGS["kk"]["handoff.copied"])


def test_a_long_question_goes_shortened_and_whole_on_the_clipboard(new_page, site_server, dates):
    page = open_at(new_page, site_server, ASK["ru"] + "#ask-support", dates.utc(dates.working_thursday(), "10:00"),
                   permissions=["clipboard-read", "clipboard-write"])
    received = []
    page.context.route(f"{CHAT_ORIGIN}/**", lambda route: (received.append(route.request.url),
                                                           route.fulfill(status=200, body="chat")))
    # 2 800 letters: within the field's maximum (3 000), far past what a query string carries.
    current_step(page).locator("textarea").fill("Подробное описание проблемы с порталом. " * 70)
    after_suggestions(page)
    page.get_by_role("checkbox", name=re.compile("Я прочитал")).check()
    with page.context.expect_page() as chat:
        page.get_by_role("button", name="Скопировать и открыть чат").click()
    chat.value.wait_for_load_state()
    assert len(received[0]) <= 2000
    sent = parse_qs(urlsplit(received[0]).query)["message"][0]
    assert sent.endswith("…")
    whole = page.evaluate("navigator.clipboard.readText()")
    assert len(whole) > 2800 and whole.startswith(sent[:-1])
    expect(page.locator("[data-handoff-status]")).to_contain_text(STRINGS["ru"]["handoff.tab-start"])
    expect(page.locator("[data-handoff-status]")).to_contain_text(STRINGS["ru"]["handoff.copied"])


def test_outside_hours_the_button_waits_and_offers_a_reminder(new_page, site_server, dates):
    friday = dates.friday_before_working_monday()
    page = open_at(new_page, site_server, ASK["ru"] + "#ask-support", dates.utc(friday, "19:30"))
    send = page.get_by_role("button", name="Скопировать и открыть чат")
    expect(send).to_be_disabled()
    expect(page.locator("[data-handoff-state]")).to_contain_text("откроется в понедельник в 09:00")
    current_step(page).locator("textarea").fill("Черновик, который подождёт открытия чата.")
    with page.expect_download() as download:
        page.get_by_role("link", name=STRINGS["ru"]["handoff.reminder"]).click()
    ics = open(download.value.path(), "rb").read()
    assert_reminder(ics, "ru", dates.utc(dates.next(friday, 3), "09:00"))  # Monday 09:00 Astana, in UTC
    page.reload()
    assert current_step(page).locator("textarea").input_value().startswith("Черновик")


def assert_reminder(ics: bytes, lang: str, start_utc: str):
    """Folded at 75 octets (RFC 5545) and read back whole by a real iCalendar library."""
    assert all(len(line) <= 75 for line in ics.split(b"\r\n"))
    assert b"\r\n " in ics  # the Cyrillic description is longer than one line
    event = icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == dt.datetime.fromisoformat(start_utc.replace("Z", "+00:00"))
    assert str(event["SUMMARY"]) == STRINGS[lang]["handoff.reminder-title"]
    assert str(event["DESCRIPTION"]) == STRINGS[lang]["handoff.reminder-text"]


def test_the_kazakh_reminder_reads_back_whole(new_page, site_server, dates):
    friday = dates.friday_before_working_monday()
    page = open_at(new_page, site_server, ASK["kk"] + "#ask-support", dates.utc(friday, "19:30"))
    with page.expect_download() as download:
        page.get_by_role("link", name=STRINGS["kk"]["handoff.reminder"]).click()
    assert download.value.suggested_filename == STRINGS["kk"]["handoff.reminder-file"]
    assert_reminder(open(download.value.path(), "rb").read(), "kk", dates.utc(dates.next(friday, 3), "09:00"))


def test_the_servers_clock_wins_when_the_device_is_off_by_more_than_five_minutes(new_page, site_server, dates):
    thursday = dates.working_thursday()
    server_time = f"{thursday:%a, %d %b %Y} 05:00:00 GMT"  # 10:00 in Astana: open
    page = new_page(None)
    page.route(CALENDAR_ROUTE, lambda route: route.fulfill(
        response=route.fetch(), headers={"Date": server_time, "Content-Type": "application/json"}))
    page.clock.install(time=dates.utc(thursday, "20:00"))  # the device says 20:00 in Astana: closed
    page.goto(site_server)
    assert badge(page).get_attribute("data-chat-state") == "open"  # the server says 10:00


def test_the_servers_clock_is_measured_once_per_tab(new_page, site_server, dates):
    """The calendar is kept under its hashed name (immutable): the next page of the tab does not ask
    the server for its Date again, it keeps the difference measured on the first."""
    thursday = dates.utc(dates.working_thursday(), "20:00")
    page = new_page(None)
    page.route(CALENDAR_ROUTE, lambda route: route.fulfill(
        response=route.fetch(), headers={"Date": f"{dates.working_thursday():%a, %d %b %Y} 05:00:00 GMT",
                                         "Content-Type": "application/json"}))
    page.clock.install(time=thursday)  # the device says 20:00 in Astana: closed; the server 10:00
    page.goto(site_server)
    expect(badge(page)).to_have_attribute("data-chat-state", "open")
    page.unroute(CALENDAR_ROUTE)
    without_server_date(page)  # no Date on the next page: only the first page's measure can say 10:00
    page.goto(site_server + "rules/")
    expect(badge(page)).to_have_attribute("data-chat-state", "open")
    page.evaluate("sessionStorage.clear()")  # a new tab: measured again, and no Date here
    page.reload()
    expect(badge(page)).to_have_attribute("data-chat-state", "closed")


def test_without_calendar_data_for_today_the_week_applies_and_the_page_says_so(new_page, site_server, dates):
    monday = dates.next(dates.last, 400)
    monday = dates.next(monday, (8 - monday.isoweekday()) % 7)
    page = open_at(new_page, site_server, "", dates.utc(monday, "10:00"), calendar=dates.data)
    assert badge(page).get_attribute("data-chat-state") == "open"
    assert "праздничные дни могут быть не учтены" in badge(page).inner_text()


def test_widget_mode_calls_the_configured_function_with_the_whole_question(new_page, site_server, build):
    page = new_page(None, permissions=["clipboard-read", "clipboard-write"])
    without_server_date(page)
    page.add_init_script("window.openSupportChat = (message, details) => { window.handedOff = {message, details}; };")

    def widget_mode(route):  # the pages' settings (assets/page-settings/ru.<hash>.json), as a deployment sets them
        response = route.fetch()
        body = response.text()
        assert '"provider": "url"' in body
        route.fulfill(response=response, body=body.replace('"provider": "url"', '"provider": "function"'))
    page.route(re.compile(r".*/assets/page-settings/ru\.[0-9a-f]{8}\.json$"), widget_mode)
    page.clock.install(time=CalendarDates(build.site).utc(CalendarDates(build.site).working_thursday(), "10:00"))
    page.goto(site_server + ASK["ru"] + "#ask-support")
    # 2 800 letters: within the field's maximum (3 000), far past what a query string carries.
    current_step(page).locator("textarea").fill("Подробное описание проблемы с порталом. " * 70)
    after_suggestions(page)
    page.get_by_role("checkbox", name=re.compile("Я прочитал")).check()
    page.get_by_role("button", name="Скопировать и открыть чат").click()
    page.wait_for_function("window.handedOff")
    handed = page.evaluate("window.handedOff")
    assert handed["message"] == page.locator("[data-triage-message]").inner_text()
    assert handed["details"] == {"lang": "ru", "topic": "support-hours"}


# The closed chat in words: said once, why on a holiday or a decreed day off, and how long in words.
CLOSED = {
    "ru": "Чат поддержки закрыт, откроется {day} в 09:00 (время Астаны), через {wait}.",
    "kk": "Қолдау чаты жабық, ашылуы: {day}, 09:00 (Астана уақыты), {wait} кейін.",
}
WHY = {"holiday": {"ru": "Сегодня праздник — {name}. ", "kk": "Бүгін мереке — {name}. "},
       "day-off": {"ru": "Сегодня нерабочий день — {name}. ", "kk": "Бүгін жұмыс күні емес — {name}. "}}
SAVED = {"ru": "Вопрос сохранён на этом устройстве: вернитесь, когда чат откроется.",
         "kk": "Сұрақ осы құрылғыда сақталды: чат ашылғанда оралыңыз."}
CLOSED_WORD = {"ru": "закрыт", "kk": "жабық"}
DECREE = {"ru": "Перенесённый выходной (постановление Правительства)", "kk": "Ауыстырылған демалыс (Үкімет қаулысы)"}


def closed_case(dates, case, lang):
    """(Astana 11:00 on the day as UTC, the calendar to serve or None, the expected sentence)."""
    if case == "weekend":
        day = dates.weekend_saturday()
        return dates.utc(day, "11:00"), None, CLOSED[lang].format(
            day={"ru": "в понедельник", "kk": "дүйсенбі"}[lang], wait={"ru": "1 день 22 часа", "kk": "1 күн 22 сағаттан"}[lang])
    tomorrow = {"ru": "завтра", "kk": "ертең"}[lang]
    wait = {"ru": "22 часа", "kk": "22 сағаттан"}[lang]
    if case == "holiday":
        day = dates.find(lambda d: d.isoweekday() <= 4 and dates.data["days"].get(d.isoformat(), {}).get("kind") == "holiday"
                         and dates.working(dates.next(d)))
        name = dates.data["days"][day.isoformat()]["name"][lang]
        return dates.utc(day, "11:00"), None, WHY["holiday"][lang].format(name=name) + CLOSED[lang].format(day=tomorrow, wait=wait)
    day = dates.working_thursday()  # a decreed day off, entered by an editor
    calendar = dict(dates.data, days={**dates.data["days"], day.isoformat(): {"off": True, "kind": "day-off", "name": DECREE}})
    return dates.utc(day, "11:00"), calendar, WHY["day-off"][lang].format(name=DECREE[lang]) + CLOSED[lang].format(day=tomorrow, wait=wait)


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("case", ["weekend", "holiday", "decreed day off"])
def test_the_closed_chat_says_once_that_it_is_closed_why_and_when_it_opens(new_page, site_server, dates, case, lang):
    at, calendar, sentence = closed_case(dates, case, lang)
    page = open_at(new_page, site_server, ASK[lang] + "#ask-support", at, calendar=calendar)
    assert badge(page).inner_text() == sentence
    handoff = page.locator("[data-handoff-state]")
    expect(handoff).to_have_text(f"{sentence} {SAVED[lang]}")
    assert handoff.inner_text().count(CLOSED_WORD[lang]) == 1


DURATIONS = {
    "ru": [(1, 0, "через 1 день"), (2, 0, "через 2 дня"), (5, 0, "через 5 дней"), (21, 0, "через 21 день"),
           (11, 0, "через 11 дней"), (0, 1, "через 1 час"), (0, 2, "через 2 часа"), (0, 5, "через 5 часов"),
           (0, 21, "через 21 час"), (0, 12, "через 12 часов"), (1, 22, "через 1 день 22 часа"), (2, 1, "через 2 дня 1 час")],
    "kk": [(1, 0, "1 күннен кейін"), (2, 0, "2 күннен кейін"), (5, 0, "5 күннен кейін"), (21, 0, "21 күннен кейін"),
           (0, 1, "1 сағаттан кейін"), (0, 21, "21 сағаттан кейін"), (1, 22, "1 күн 22 сағаттан кейін")],
}
MINUTES = {"ru": [(1, "через 1 минуту"), (2, "через 2 минуты"), (5, "через 5 минут"), (21, "через 21 минуту"),
                  (65, "через 1 час 5 минут")],
           "kk": [(1, "1 минуттан кейін"), (21, "21 минуттан кейін"), (125, "2 сағат 5 минуттан кейін")]}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_durations_are_words_with_the_right_forms_for_1_2_5_21(new_page, site_server, build, lang):
    page = new_page(ASK[lang])
    cases = [(d * 1440 + h * 60, text) for d, h, text in DURATIONS[lang]] + MINUTES[lang]
    said = page.evaluate("""async ([url, settings, minutes]) => {
        const { describeDuration } = await import(url);
        const config = await (await import(settings)).pageSettings();
        return minutes.map((m) => describeDuration(m * 60000, config.strings, config.lang));
    }""", [site_server + build.asset("assets/javascripts/kb/chat-state.js"),
           site_server + build.asset("assets/javascripts/kb/page-settings.js"), [m for m, _ in cases]])
    assert said == [text for _, text in cases]
