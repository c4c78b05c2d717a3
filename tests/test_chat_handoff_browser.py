"""The hand-off's last mile in Chromium, on a fixed clock (a working Thursday, 10:00 in Astana):
the question reaches a stand-in of each chat system whole where it can, with her own words first
where it cannot, and the page says only what is true."""
import json
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import expect

from browser_helpers import ASK, CalendarDates, after_suggestions, current_step, walk_to, without_server_date
from conftest import CHAT_ORIGIN, DOCS
from support_kb.content import site_strings
from test_ask_form_browser import RULES_CHECKBOX

pytestmark = pytest.mark.browser
STRINGS = site_strings.load(DOCS / "site-strings.yml")
SEND = {"ru": "Скопировать и открыть чат", "kk": "Көшіріп, чатты ашу"}
# About 700 letters in her own words, with an emoji and a letter with a combining mark.
WORDS = {
    "ru": ("Нажимаю «Получить код», портал пишет, что код отправлен, но SMS не приходит ни через минуту, "
           "ни через десять 😞. Другие SMS на этот номер приходят, телефон перезагружала. Пробовала Chrome и "
           "Яндекс Браузер, с компьютера и с телефона — одно и то же. Ёлка е\u0301 ") * 3,
    "kk": ("«Кодты алу» батырмасын басамын, портал код жіберілді дейді, бірақ SMS бір минуттан да, он минуттан "
           "да кейін келмейді 😞. Бұл нөмірге басқа SMS келеді, телефонды қайта қостым. Chrome мен Яндекс "
           "Браузерді, компьютер мен телефонды байқап көрдім — бәрі бірдей. Әже е\u0301 ") * 3,
}

# Stand-ins: each implements exactly the vendor's documented calls the hand-off uses, checks their
# arguments, and throws on anything else (so a call the vendor does not have fails the test).
STRICT = """
window.calls = [];
window.strict = (name, methods) => new Proxy(methods, { get(target, key) {
  if (typeof key === "symbol" || key === "then" || key === "toJSON") return undefined;
  if (!(key in target)) throw new Error(`${name} has no ${String(key)}`);
  return target[key];
}});
const text = (v) => { if (typeof v !== "string" || !v) throw new Error("not a text: " + v); return v; };
"""
STAND_INS = {
    "intercom": """window.Intercom = (method, ...args) => {
        if (method !== "showNewMessage" || args.length !== 1) throw new Error("Intercom has no " + method);
        calls.push({box: text(args[0]), open: true}); };  // showNewMessage opens the messenger""",
    "crisp": """window.$crisp = strict("$crisp", { push(command) {
        const [verb, method, args] = command;
        if (verb === "set" && method === "message:text" && args.length === 1) calls.push({box: text(args[0])});
        else if (verb === "do" && method === "chat:open" && args === undefined) calls.push({open: true});
        else throw new Error("$crisp has no " + JSON.stringify(command)); } });""",
    "chatwoot": """window.$chatwoot = strict("$chatwoot", {
        toggle(state) { if (state !== undefined && state !== "open" && state !== "close") throw new Error("toggle " + state);
          calls.push({open: state}); },
        setConversationCustomAttributes(attributes) {
          if (typeof attributes !== "object") throw new Error("attributes");
          calls.push({data: text(attributes.support_question)}); } });""",
    "jivo": """window.jivo_api = strict("jivo_api", {
        open(options) { if (options && !["chat", "call", "menu"].includes(options.start)) throw new Error("open " + options.start);
          calls.push({open: true}); return {result: "ok"}; },
        setCustomData(fields) { if (!Array.isArray(fields)) throw new Error("fields");
          for (const f of fields) { for (const k of Object.keys(f)) if (!["content", "title", "link", "key"].includes(k)) throw new Error(k);
            calls.push({data: text(f.content), title: f.title}); } } });""",
    "bitrix24": """window.bitrixWidget = strict("widget", {
        open() { calls.push({open: true}); },
        setCustomData(data) { if (typeof data === "string") { calls.push({data}); return; }
          for (const part of data) for (const row of part.GRID || []) {
            if (!["LINE", "BLOCK", "INLINE"].includes(row.DISPLAY)) throw new Error("DISPLAY " + row.DISPLAY);
            calls.push({data: text(row.VALUE), title: row.NAME}); } } });""",
    "function": """window.openSupportChat = (message, details) => calls.push({box: text(message), details});""",
}
# What each delivers: "box" the message box holds the whole question; "data" the operator sees it
# beside the conversation and she pastes it from the clipboard.
DELIVERS = {"intercom": "box", "crisp": "box", "function": "box", "chatwoot": "data", "jivo": "data", "bitrix24": "data"}
OUTCOME = {"box": "handoff.box", "data": "handoff.paste"}
# How each stand-in records that the chat was opened (the portal's function opens what it likes).
OPENS = {"intercom": [True], "crisp": [True], "chatwoot": ["open"], "jivo": [True], "bitrix24": [True], "function": []}
OPENED = ["handoff.tab-whole", "handoff.tab-start", "handoff.box", "handoff.paste"]  # what says the chat opened


@pytest.fixture(scope="module")
def thursday(build):
    dates = CalendarDates(build.site)
    return dates.utc(dates.working_thursday(), "10:00")


def ask_page(new_page, site_server, thursday, lang, chat=None, script="", permissions=("clipboard-read", "clipboard-write")):
    """The form page at 10:00 on a working day, its chat settings changed as a deployment would."""
    page = new_page(None, timezone_id="Asia/Almaty", permissions=list(permissions))
    without_server_date(page)
    page.add_init_script(STRICT + script)

    def configured(route):  # the pages' settings of the language (assets/page-settings/<lang>.<hash>.json)
        response = route.fetch()
        support = response.json()
        support["chat"].update(chat or {})
        route.fulfill(response=response, body=json.dumps(support, ensure_ascii=False))
    page.route(re.compile(r".*/assets/page-settings/[a-z]+\.[0-9a-f]{8}\.json$"), configured)
    page.clock.set_fixed_time(thursday)
    page.goto(site_server + ASK[lang])
    return page


def write_question(page, lang):
    walk_to(page, lang, "ask-sms")
    step = current_step(page)
    step.locator("select[name=problem]").select_option(index=1)
    step.locator("textarea[name=description]").fill(WORDS[lang])
    after_suggestions(page)
    step.get_by_role("checkbox", name=re.compile(re.escape(RULES_CHECKBOX[lang]))).check()
    expect(page.locator("[data-triage-message]")).to_contain_text("Әже" if lang == "kk" else "Ёлка")
    return page.locator("[data-triage-message]").inner_text()


def status(page):
    return page.locator("[data-handoff-status]")


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_in_fragment_mode_the_whole_question_reaches_the_chat(new_page, site_server, thursday, lang):
    fragment = CHAT_ORIGIN + "/chat?lang={lang}&topic={topic}#message={message}"
    page = ask_page(new_page, site_server, thursday, lang, {"url": fragment})
    page.context.route(f"{CHAT_ORIGIN}/**", lambda route: route.fulfill(status=200, body="chat"))
    message = write_question(page, lang)
    assert len(WORDS[lang]) >= 690 and len(message) > 1000
    with page.context.expect_page() as chat:
        page.get_by_role("button", name=SEND[lang]).click()
    address = chat.value.url
    assert len(address) > 2000  # more than a server would take in the query
    assert unquote(urlsplit(address).fragment.removeprefix("message=")) == message
    expect(status(page)).to_contain_text(STRINGS[lang]["handoff.tab-whole"])
    expect(status(page)).to_contain_text(STRINGS[lang]["handoff.copied"])


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_in_query_mode_the_address_keeps_her_words_first_and_fits(new_page, site_server, thursday, lang):
    page = ask_page(new_page, site_server, thursday, lang)
    received = []
    page.context.route(f"{CHAT_ORIGIN}/**", lambda route: (received.append(route.request.url), route.fulfill(status=200, body="chat")))
    message = write_question(page, lang)
    with page.context.expect_page() as chat:
        page.get_by_role("button", name=SEND[lang]).click()
    chat.value.wait_for_load_state()
    assert len(received[0]) <= 2000
    sent = parse_qs(urlsplit(received[0]).query)["message"][0]
    assert sent.endswith("…") and message.startswith(sent[:-1])
    # The topic, then her words: what the address can carry is hers.
    assert sent.splitlines()[1].startswith(WORDS[lang][:100])
    assert message[len(sent) - 1] in " \n"  # cut on a word boundary
    expect(status(page)).to_contain_text(STRINGS[lang]["handoff.tab-start"])
    assert page.evaluate("navigator.clipboard.readText()") == message


def test_every_cut_position_keeps_whole_characters(new_page, site_server, build, thursday):
    """Emoji (with joiners and skin tones), flags and combining marks, cut at every length."""
    page = ask_page(new_page, site_server, thursday, "ru")
    result = page.evaluate("""async (module) => {
        const { chatUrl } = await import(module);
        const message = "Тема: вход\\nа👩‍👧‍👦б 👍🏽 🇰🇿 е\\u0301ж и\\u0306 ә\\u0301 x".repeat(4);
        const bounds = new Set([...new Intl.Segmenter(undefined, {granularity: "grapheme"}).segment(message)].map(s => s.index));
        const template = "http://chat.localhost/chat?lang={lang}&topic={topic}&message={message}";
        const base = template.replace("{lang}", "ru").replace("{topic}", "t").replace("{message}", "").length;
        const bad = [];
        for (let max = base + 9; max <= base + encodeURIComponent(message).length; max++) {
          let url;
          try { url = chatUrl(template, { message, lang: "ru", topic: "t" }, max).url; }
          catch (error) { bad.push(`${max}: ${error}`); continue; }
          const sent = new URL(url).searchParams.get("message");
          if (url.length > max) bad.push(`${max}: too long`);
          if (sent === message) continue;
          const kept = sent.slice(0, -1);
          if (!sent.endsWith("…") || !message.startsWith(kept)) bad.push(`${max}: not a beginning`);
          if (!bounds.has(kept.length)) bad.push(`${max}: cut inside a character at ${kept.length}`);
        }
        return bad;
    }""", site_server + build.asset("assets/javascripts/kb/chat-address.js"))
    assert result == []


@pytest.mark.parametrize("provider", sorted(DELIVERS))
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_each_chat_widget_gets_the_whole_question_through_its_documented_calls(new_page, site_server, thursday, provider, lang):
    page = ask_page(new_page, site_server, thursday, lang, {"provider": provider}, STAND_INS[provider])
    message = write_question(page, lang)
    if provider == "bitrix24":  # the widget hands itself over in an event when it has loaded
        page.evaluate("window.dispatchEvent(new CustomEvent('onBitrixLiveChat', {detail: {widget: bitrixWidget}}))")
    page.get_by_role("button", name=SEND[lang]).click()
    expect(status(page)).to_contain_text(STRINGS[lang][OUTCOME[DELIVERS[provider]]])
    calls = page.evaluate("calls")
    delivered = [call[DELIVERS[provider]] for call in calls if DELIVERS[provider] in call]
    assert delivered == [message]
    assert [call["open"] for call in calls if "open" in call] == OPENS[provider]
    if OPENS[provider]:
        assert "open" in calls[-1]  # opened once, when the question is already in
    if DELIVERS[provider] == "data":  # she pastes it: the page says how, on a phone too
        assert page.evaluate("navigator.clipboard.readText()") == message
        assert "«" in STRINGS[lang]["handoff.paste"]
    if provider == "function":
        assert calls[0]["details"] == {"lang": lang, "topic": "sms-code"}


@pytest.mark.parametrize("provider, address", [("telegram", "https://t.me/kezek_support?text="), ("whatsapp", "https://wa.me/77012345678?text=")])
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_telegram_and_whatsapp_links_carry_the_question(new_page, site_server, thursday, provider, address, lang):
    settings = {"provider": provider, "telegram": "kezek_support", "whatsapp": "77012345678", "max_url_length": 8000}
    # The app's address is not opened for real (it is another origin): window.open records it.
    page = ask_page(new_page, site_server, thursday, lang, settings,
                    "window.open = (url) => { calls.push({url}); return {}; };")
    message = write_question(page, lang)
    page.get_by_role("button", name=SEND[lang]).click()
    expect(status(page)).to_contain_text(STRINGS[lang]["handoff.tab-whole"])
    url = page.evaluate("calls")[0]["url"]
    assert url.startswith(address) and unquote(url.removeprefix(address)) == message


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_missing_widget_says_the_chat_did_not_open(new_page, site_server, thursday, lang):
    page = ask_page(new_page, site_server, thursday, lang, {"provider": "jivo"})  # the portal's page has no Jivo
    message = write_question(page, lang)
    page.get_by_role("button", name=SEND[lang]).click()
    expect(status(page)).to_contain_text(STRINGS[lang]["handoff.missing"])
    said = status(page).inner_text()
    assert not any(STRINGS[lang][key] in said for key in OPENED)
    assert page.evaluate("navigator.clipboard.readText()") == message


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_blocked_new_tab_gives_the_chats_link(new_page, site_server, thursday, lang):
    fragment = CHAT_ORIGIN + "/chat?lang={lang}&topic={topic}#message={message}"
    page = ask_page(new_page, site_server, thursday, lang, {"url": fragment}, "window.open = () => null;")
    message = write_question(page, lang)
    page.get_by_role("button", name=SEND[lang]).click()
    expect(status(page)).to_contain_text(STRINGS[lang]["handoff.popup-blocked"])
    said = status(page).inner_text()
    assert not any(STRINGS[lang][key] in said for key in OPENED)
    link = status(page).get_by_role("link", name=STRINGS[lang]["handoff.chat-link"])
    href = link.get_attribute("href")
    assert href.startswith(CHAT_ORIGIN + "/chat?") and unquote(urlsplit(href).fragment.removeprefix("message=")) == message
    assert link.get_attribute("target") == "_blank"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_refused_clipboard_selects_the_question_and_says_so(new_page, site_server, thursday, lang):
    refuse = """navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
                document.execCommand = () => false;"""
    page = ask_page(new_page, site_server, thursday, lang, {"provider": "intercom"}, refuse + STAND_INS["intercom"], permissions=())
    message = write_question(page, lang)
    page.get_by_role("button", name=SEND[lang]).click()
    expect(status(page)).to_contain_text(STRINGS[lang]["handoff.copy-failed"])
    assert STRINGS[lang]["handoff.copied"] not in status(page).inner_text()
    assert page.evaluate("getSelection().toString()") == message
    current_step(page).get_by_role("button", name=re.compile("Скопировать вопрос|Сұрақты көшіру")).click()
    expect(page.locator("[data-triage-status]")).to_have_text(STRINGS[lang]["triage.copy-failed"])
