"""The search box in Debian's Chromium, typed into one key at a time as a keyboard does: results in
the page's language, word forms, look-alike letters, synonyms, results while a word is typed."""
from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from benchmark.keystrokes import type_keys
from benchmark.search_benchmark import PROBE

pytestmark = pytest.mark.browser


def open_search(new_page, site_server, path):
    page = new_page(None)
    page.add_init_script(PROBE)  # follows Material's worker messages
    page.goto(site_server + path)
    page.wait_for_function("window.__search && window.__search.ready")
    page.locator("input.md-search__input").click()
    return page


def wait_for_results(page, query):
    page.wait_for_function("q => window.__search.lastQuery === q && window.__search.received >= window.__search.sent",
                           arg=query)


def results(page, site_server):
    """The result list: (site path of the page, its result's HTML), best first."""
    found = []
    for item in page.locator(".md-search-result__list > li").all():
        link = item.locator("a.md-search-result__link").first
        path = unquote(urlsplit(link.get_attribute("href")).path).removeprefix(urlsplit(site_server).path)
        found.append((path, item.inner_html()))
    return found


def search(page, site_server, query):
    type_keys(page, query, delay=0)
    wait_for_results(page, query)
    return results(page, site_server)


def test_a_word_without_a_trailing_space_finds_results_at_every_keystroke(new_page, site_server):
    page = open_search(new_page, site_server, "")
    typed = ""
    for ch in "пароль":
        type_keys(page, ch, delay=0)
        typed += ch
        wait_for_results(page, typed)
        if len(typed) >= 3:
            found = results(page, site_server)
            assert found, f"no result for {typed!r}"
            assert found[0][0] == "account/password-reset/", (typed, [p for p, _ in found[:3]])
        if typed == "паро":  # Material's suggestion completes the word from the best result
            expect(page.locator(".md-search__suggest")).to_have_text(re.compile("^паро.+"))
    assert "<mark>" in found[0][1]  # highlighted, as Material does


@pytest.mark.parametrize("path, query", [("", "SMS NCALayer ЭЦП"), ("kk/", "SMS NCALayer ЭЦҚ")])
def test_a_page_searches_only_its_own_language(new_page, site_server, path, query):
    page = open_search(new_page, site_server, path)
    found = [p for p, _ in search(page, site_server, query)]
    assert len(found) >= 5
    if path == "kk/":
        assert all(p.startswith("kk/") for p in found), found
    else:
        assert not [p for p in found if p.startswith("kk/")], found


def test_a_kazakh_word_form_finds_the_article_written_with_another(new_page, site_server, build):
    query = "жолдамаларға"  # "to the referrals": the article has жолдама, жолдаманы, жолдамадан…
    assert query not in (build.site / "kk" / "application" / "referral" / "index.html").read_text(encoding="utf-8")
    page = open_search(new_page, site_server, "kk/")
    found = search(page, site_server, query)
    assert found[0][0] == "kk/application/referral/"
    assert "<mark>жолдама" in found[0][1].lower()


@pytest.mark.parametrize("path, query, expected", [
    ("", "заявлениями", "application/"),  # a Russian word form
    ("kk/", "отiнiш беру", "kk/application/submit/"),  # Latin i for і
    ("kk/", "купиясозди умыттым", "kk/account/password-reset/"),  # Kazakh typed with Russian letters
    ("", "путевка в садик", "application/referral/"),  # synonyms: направление, детский сад
    ("kk/", "садик", "kk/"),  # a Russian word on a Kazakh page, by the synonyms
    ("", "нкалеер", "account/digital-signature/"),
])
def test_forms_look_alikes_and_synonyms(new_page, site_server, path, query, expected):
    page = open_search(new_page, site_server, path)
    top = [p for p, _ in search(page, site_server, query)[:3]]
    assert any(p.startswith(expected) for p in top), (query, top)


# A section that has one phrase of a synonym group is found by the group's other words. Search reads
# words by their stems, and a stem can stand for more than the phrase meant: the Kazakh stem drops
# a verb's negation (істемейді "does not work" = істеу "to do", in «не істеу керек» of many titles),
# and «не работает» matches any section with «не» and «работа». Such phrases spread their group over
# nearly every page («сайт ашылмайды» found the login page first): docs/search-synonyms.yml keeps
# them out. (section titles and texts, a query of the group, the only section it must find)
SPREAD = [
    ("kk", [("Порталға кіре алмағанда не істеу керек", "Чат жұмыс күндері 09:00-ден 18:00-ге дейін жұмыс істейді."),
            ("Браузердегі ақаулар", "Портал беті ашылмаса, бетті жаңартыңыз.")], "ашылмайды"),
    ("ru", [("Когда писать в поддержку", "Чат работает по рабочим дням и не отвечает в выходные."),
            ("Проблемы с браузером", "Если портал не загружается, обновите страницу.")], "висит"),
]


@pytest.mark.parametrize("lang, sections, query", SPREAD)
def test_a_synonym_group_reaches_only_the_sections_of_its_meaning(new_page, build, lang, sections, query):
    page = new_page("")
    found = page.evaluate("""async ([engine, matching, synonyms, lang, sections, query]) => {
        const { SearchIndex } = await import(new URL(engine, location.href));
        await (await import(new URL(matching, location.href))).ready;
        const groups = (await (await fetch(new URL(synonyms, location.href))).json())[lang];
        const docs = sections.map(([title, text], n) => ({ location: `s${n}`, title, text }));
        return new SearchIndex(lang, docs, { synonyms: groups }).search(query).results.map((r) => r.doc.title);
    }""", ["/" + build.asset("assets/javascripts/search/engine.js"), "/" + build.asset("assets/javascripts/search/matching.js"),
           "/" + build.asset("search/synonyms.json"), lang, sections, query])
    assert found == [sections[1][0]], found


# What people type on a phone (issue 12); the last word is not in the article as typed.
TYPED = [
    ("", "не приходят увидомления", "account/notifications/"),  # a typo
    ("", "на портале регистрацыя", "account/register/"),  # a typo
    ("kk/", "отиниш мартебеси", "kk/application/status/"),  # Kazakh on a Russian layout: өтініш мәртебесі
    ("kk/", "qansha kun zholdama", "kk/application/referral/"),  # Kazakh in Latin letters: жолдама қанша күн
    ("", "zabyl parol", "account/password-reset/"),  # Russian in Latin letters
    ("", "gfhjkm", "account/password-reset/"),  # «пароль» with the Latin layout on
    ("", "тсфдфнук", "account/digital-signature/"),  # «ncalayer» with the Russian layout on
    ("kk/", "тсфдфнук", "kk/account/digital-signature/"),
    # «құпиясөз ұмыттым» by the Kazakh layout's keys with the Russian layout on: its digit row
    ("kk/", "09пияс-з 9мыттым", "kk/account/password-reset/"),
]


@pytest.mark.parametrize("path, query, expected", TYPED)
def test_typos_layouts_and_latin_find_their_article(new_page, site_server, build, path, query, expected):
    article = (build.site / expected / "index.html").read_text(encoding="utf-8").lower()
    assert not re.search(rf"\b{query.split()[-1]}\b", article)  # the word as typed is not there
    page = open_search(new_page, site_server, path)
    found = [p for p, _ in search(page, site_server, query)]
    assert expected in found[:3], (query, found[:3])
    assert all(p.startswith("kk/") == (path == "kk/") for p in found), found  # never the other language


@pytest.mark.parametrize("path, query, expected", [
    ("", "Не приходит SMS-код", "account/sms-code/"),
    ("kk/", "Өтінішті кезектен қайтарып алу", "kk/application/withdraw/"),
])
def test_a_pasted_query_is_searched(new_page, site_server, path, query, expected):
    """Text pasted from a phone's menu (or autofilled) enters the box with no key event; Material
    searches on key release only, the site's search-box.js passes the change on."""
    page = open_search(new_page, site_server, path)
    page.keyboard.insert_text(query)  # an input event, no keydown or keyup
    wait_for_results(page, query)
    found = [p for p, _ in results(page, site_server)]
    assert found[0] == expected, found[:3]
    assert all(p.startswith("kk/") == (path == "kk/") for p in found), found


def test_the_form_suggests_articles_despite_a_typo(new_page, build):
    page = new_page("ask/")
    urls = page.evaluate("""async (module) => {
        const s = await import(new URL(module, location.href));
        await s.suggestionsReady;
        const articles = await (await fetch(JSON.parse(document.getElementById("triage-data").textContent).suggestions)).json();
        return s.suggestArticles("не приходят увидомления на почту", articles, 3, "ru").map((a) => a.url);
    }""", "/" + build.asset("assets/javascripts/kb/suggest.js"))
    assert any(url.endswith("account/notifications/") for url in urls), urls


def test_the_form_suggests_articles_with_the_same_matching(new_page, build):
    """kb/suggest.js uses the search's matching: Kazakh word forms and synonyms."""
    page = new_page("kk/ask/")
    titles = page.evaluate("""async (module) => {
        const s = await import(new URL(module, location.href));
        await s.suggestionsReady;
        const articles = await (await fetch(JSON.parse(document.getElementById("triage-data").textContent).suggestions)).json();
        return {
            inflected: s.suggestArticles("жолдамадан қалай бас тартамын", articles).map((a) => a.url),
            synonym: s.suggestArticles("садиктен путевка келді", articles, 3, "kk").map((a) => a.url),
            nothing: s.suggestArticles("сәлеметсіз бе", articles),
        };
    }""", "/" + build.asset("assets/javascripts/kb/suggest.js"))
    assert any(url.endswith("application/referral/") for url in titles["inflected"]), titles
    assert any(url.endswith("application/referral/") for url in titles["synonym"]), titles
    assert titles["nothing"] == []


# A 10 KB query: a pasted page of ordinary text, and a run of stacked Kazakh endings (which kept
# the worker busy for 25 s before the stemmer's work was bounded).
LONG_QUERIES = {
    "text": ("Балаларды кезекке қою үшін өтініш бере алмай жатырмын, портал қате береді. " * 140)[:10240],
    "endings": ("бала" + "лар" * 3412)[:10240],
}


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("kind", LONG_QUERIES)
def test_the_search_worker_answers_a_10_kb_query_within_100_ms(new_page, lang, kind):
    """Sent to the worker as Material sends a query; the fastest of a few answers (the work,
    not the shared machine's load) comes within 100 ms, and it is the answer to the query's
    first words, the ones the worker reads."""
    page = new_page("kk/" if lang == "kk" else "")
    result = page.evaluate("""async (query) => {
        const config = JSON.parse(document.getElementById("__config").textContent);
        const worker = new Worker(new URL(config.search, location.href));
        const next = () => new Promise((resolve) => worker.addEventListener("message", (e) => resolve(e.data), { once: true }));
        worker.postMessage({ type: 0, data: { config: {}, docs: [], options: {} } });
        await next(); // READY
        const ask = async (q) => { worker.postMessage({ type: 2, data: q }); return (await next()).data; };
        const first = await ask(query);
        let fastest = Infinity;
        for (let i = 0; i < 5; i++) {
            const started = performance.now();
            await ask(query);
            fastest = Math.min(fastest, performance.now() - started);
        }
        const words = query.match(/[\\p{L}\\p{N}]+/gu).slice(0, 32).join(" ");
        const same = JSON.stringify((await ask(words)).items.map((g) => g.map((i) => i.location)));
        worker.terminate();
        return { fastest, found: first.items.length, same: same === JSON.stringify(first.items.map((g) => g.map((i) => i.location))) };
    }""", LONG_QUERIES[kind])
    assert result["fastest"] < 100, result
    assert result["same"], result
    if kind == "text" and lang == "kk":
        assert result["found"] > 0


def test_the_worker_sends_the_text_material_shows(new_page):
    """Material shows the text of a page's best result only; its other sections are listed by title
    under "more on this page". The worker sends those without their text (what cost the answer
    and the rendering most of their time), the best one highlighted and cut to its matching blocks."""
    page = new_page("")
    groups = page.evaluate("""async () => {
        const config = JSON.parse(document.getElementById("__config").textContent);
        const worker = new Worker(new URL(config.search, location.href));
        const next = () => new Promise((resolve) => worker.addEventListener("message", (e) => resolve(e.data), { once: true }));
        worker.postMessage({ type: 0, data: { config: {}, docs: [], options: {} } });
        await next(); // READY
        worker.postMessage({ type: 2, data: "пароль не подходит" });
        const { data } = await next();
        worker.terminate();
        return data.items;
    }""")
    best = groups[0][0]
    assert best["location"].startswith("account/password-reset/") and "<mark>" in best["text"], best
    others = [i for g in groups for i in g[1:] if i["score"] < g[0]["score"]]
    assert len(others) >= 5, groups  # sections listed under their pages
    assert all(i["text"] == "" and i["title"] for i in others), others
    assert all(g[0]["text"] for g in groups if g[0]["score"] > 0)
