"""Notices in Chromium with the clock under control: shown from their start (or announcement) to
their end without a rebuild, updates appearing, maintenance closing the chat in its window, the
form's answer node, dismissal, accessibility. The site is tests/notices_site.py's."""
import re

import pytest
from playwright.sync_api import expect

from browser_helpers import CALENDAR_ROUTE, axe_violations
from conftest import CHAT_ORIGIN

pytestmark = pytest.mark.browser


@pytest.fixture
def open_at(browser, notices_site):
    """Opens a page of the notices site at an Astana time; fails on script errors and on requests
    to another origin."""
    contexts, errors, foreign = [], [], []

    def open_page(path, day_offset, hhmm, zone="Asia/Almaty"):
        context = browser.new_context(locale="ru-RU", timezone_id=zone)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda r: foreign.append(r.url)
                if not r.url.startswith((notices_site.url, CHAT_ORIGIN, "data:", "blob:")) else None)

        def strip_date(route):  # the faked clock must win over the server's (see without_server_date)
            response = route.fetch()
            route.fulfill(response=response, headers={k: v for k, v in response.headers.items() if k.lower() != "date"})
        page.route(CALENDAR_ROUTE, strip_date)
        page.clock.install(time=notices_site.at(day_offset, hhmm))
        page.goto(notices_site.url + path)
        return page

    yield open_page
    for context in contexts:
        for page in context.pages:  # a calendar request still in flight must not outlive the context
            page.unroute_all(behavior="ignoreErrors")
        context.close()
    assert errors == [] and foreign == []


def banner(page, notice_id):
    return page.locator(f'section[data-notices] [data-notice="{notice_id}"]')


def test_a_notice_appears_at_its_start_and_goes_at_its_end_without_a_reload(open_at):
    page = open_at("", 0, "09:59")
    expect(banner(page, "status-lag")).to_be_visible()
    expect(banner(page, "sms-delay")).to_be_hidden()
    page.clock.run_for("01:30")  # 10:00:30
    expect(banner(page, "sms-delay")).to_be_visible()
    expect(banner(page, "sms-delay")).to_contain_text("Известная проблема: SMS-коды приходят с задержкой")
    expect(page.locator("[data-notices-announce]")).to_contain_text("SMS-коды приходят с задержкой")
    page.clock.run_for("03:59:30")  # 14:00:00
    expect(banner(page, "sms-delay")).to_be_hidden()
    expect(banner(page, "status-lag")).to_be_visible()


def test_after_its_end_a_notice_is_not_shown_anywhere(open_at):
    page = open_at("kk/account/sms-code/", 0, "14:00")
    expect(page.locator('[data-notice="sms-delay"]:visible')).to_have_count(0)


def test_an_update_appears_at_its_time_and_replaces_the_previous_one(open_at):
    page = open_at("kk/account/sms-code/", 0, "10:30")
    article = page.locator('.md-content [data-notice="sms-delay"]')
    expect(article).to_be_visible()
    expect(article.locator("[data-notice-update]:visible")).to_have_count(0)
    page.clock.run_for("10:30")  # 10:40:30
    expect(article.locator("[data-notice-update]:visible")).to_have_text(re.compile("Оператор себебін тапты"))
    expect(banner(page, "sms-delay").locator("[data-notice-update]:visible")).to_contain_text("Оператор себебін тапты")
    page.clock.run_for("01:20:00")  # 12:00:30
    expect(article.locator("[data-notice-update]:visible")).to_have_count(1)
    expect(article.locator("[data-notice-update]:visible")).to_contain_text("Кодтар қайта келіп жатыр")


@pytest.mark.parametrize("zone, local", [("Asia/Almaty", None), ("Europe/Moscow", "у вас ")])
def test_planned_maintenance_is_announced_ahead_with_her_own_time(open_at, notices_site, zone, local):
    friday = notices_site.day.toordinal() + 1
    day = notices_site.day.fromordinal(friday).strftime("%d.%m.%Y")
    page = open_at("", -2, "09:59", zone)  # three days before 10:00 on Friday: not yet
    expect(banner(page, "portal-update")).to_be_hidden()
    page.clock.run_for("01:00")
    notice = banner(page, "portal-update")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(f"С {day} 10:00 до {day} 12:00 (время Астаны)")
    expect(notice).to_contain_text("На время работ чат поддержки закрыт")
    when = notice.locator("[data-notice-when]")
    if local:
        expect(when).to_contain_text(f"у вас {day} 08:00 – {day} 10:00")
    else:
        expect(when).not_to_contain_text("у вас")


def test_maintenance_closes_the_chat_in_its_window_on_every_page_and_in_the_hand_off(open_at):
    page = open_at("ask/#ask-login", 1, "09:59:30")
    badge = page.locator("[data-chat-badge]")
    send = page.get_by_role("button", name="Скопировать и открыть чат")
    expect(badge).to_have_attribute("data-chat-state", "open")
    expect(badge).to_contain_text("до 10:00")  # it closes for the maintenance, not at 18:00
    expect(send).to_be_enabled()
    page.clock.run_for("01:00")  # 10:00:30
    expect(badge).to_have_attribute("data-chat-state", "closed")
    expect(badge).to_contain_text("закрыт на время плановых работ, откроется сегодня в 12:00")
    expect(page.locator("[data-triage-handoff]")).to_have_attribute("data-chat-state", "closed")
    expect(send).to_be_disabled()
    page.clock.run_for("02:00:00")  # 12:00:30
    expect(badge).to_have_attribute("data-chat-state", "open")
    expect(send).to_be_enabled()


def test_the_maintenance_window_is_closed_on_any_page_in_kazakh_too(open_at):
    page = open_at("kk/support/hours/", 1, "11:00")
    expect(page.locator("[data-chat-badge]")).to_have_attribute("data-chat-state", "closed")
    expect(page.locator("[data-chat-badge]")).to_contain_text("Жоспарлы жұмыстарға байланысты қолдау чаты жабық")


def test_the_answer_node_of_an_affected_topic_shows_the_notice_before_the_articles(open_at, notices_site):
    page = open_at("ask/#sms-help", 0, "11:00")
    node = page.locator('section[data-node="sms-help"]')
    notice = node.locator('[data-notice="sms-delay"]')
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Писать об этом в поддержку не нужно")
    expect(notice).to_contain_text(f"Следующее обновление — до {notices_site.day:%d.%m.%Y} 14:00")
    order = node.evaluate("""n => [...n.querySelectorAll('[data-notice], [data-triage-article]')]
                             .map(e => e.hasAttribute('data-notice') ? 'notice' : 'article')""")
    assert order[0] == "notice" and "article" in order
    page.clock.run_for("03:00:00")  # 14:00: the problem is over, the node shows only its articles
    expect(notice).to_be_hidden()


def test_a_dismissed_notice_stays_hidden_on_this_device_until_a_newer_update(open_at):
    page = open_at("", 0, "11:00")
    sms = banner(page, "sms-delay")
    expect(sms).to_be_visible()
    page.get_by_role("button", name="Скрыть уведомление «SMS-коды приходят с задержкой»").click()
    expect(sms).to_be_hidden()
    expect(banner(page, "status-lag")).to_be_visible()
    expect(page.get_by_role("button", name="Скрыть уведомление «Статус заявления обновляется с опозданием»")).to_be_focused()
    page.goto(page.url.split("#")[0] + "account/login/")
    expect(banner(page, "sms-delay")).to_be_hidden()
    expect(page.locator('.md-content [data-notice="portal-update"]')).to_be_visible()  # the article's own stays
    page.clock.run_for("01:00:30")  # 12:00:30: a newer update
    expect(banner(page, "sms-delay")).to_be_visible()
    expect(banner(page, "sms-delay")).to_contain_text("Коды снова приходят")


def test_the_notices_page_moves_a_notice_to_its_section_by_the_clock(open_at):
    page = open_at("notices/", 0, "09:59")
    current = page.locator('[data-notices-section="current"]')
    planned = page.locator('[data-notices-section="planned"]')
    expect(planned.locator("#sms-delay")).to_have_count(1)
    page.clock.run_for("01:00")
    expect(current.locator("#sms-delay")).to_have_count(1)
    expect(current.locator("#sms-delay [data-notice-update]:visible")).to_have_count(0)
    page.clock.run_for("04:00:00")  # 14:00:30
    expect(page.locator('[data-notices-section="past"] #sms-delay')).to_have_count(1)
    expect(page.locator("#sms-delay [data-notice-update]:visible")).to_have_count(2)


@pytest.mark.parametrize("path", ["", "kk/account/sms-code/", "ask/#sms-help"])
def test_pages_with_an_active_banner_pass_axe(open_at, path):
    page = open_at(path, 0, "11:00")
    expect(banner(page, "sms-delay")).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang, line", [
    ("ru", "Уведомление на сайте, которое я видел(а): «SMS-коды приходят с задержкой» (sms-delay)"),
    ("kk", "Сайтта көрген хабарландыруым: «SMS-кодтар кешігіп келеді» (sms-delay)"),
])
def test_going_on_anyway_the_composed_question_names_the_notice_she_saw(open_at, lang, line):
    prefix = "" if lang == "ru" else "kk/"
    page = open_at(f"{prefix}ask/#sms-help", 0, "11:00")
    expect(page.locator('section[data-node="sms-help"] [data-notice="sms-delay"]')).to_be_visible()
    page.locator('section[data-node="sms-help"] [data-triage-unresolved]').click()
    expect(page.locator('section[data-node="ask-sms"]')).to_be_visible()
    expect(page.locator("[data-triage-message]")).to_contain_text(line)
    # A step without a notice adds no such line.
    page = open_at(f"{prefix}ask/#register-help", 0, "11:00")
    page.locator('section[data-node="register-help"] [data-triage-unresolved]').click()
    expect(page.locator('section[data-node="ask-register"]')).to_be_visible()
    expect(page.locator("[data-triage-message]")).not_to_contain_text(line.split(":")[0])
