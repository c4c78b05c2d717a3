"""Notices in the built pages: the published site carries none; a site with notices carries the
banner on every page, the notice above the articles of its topic and in the form's answer nodes,
shown without JavaScript while active at build time; /notices/, notices.json and the Atom feeds."""
import datetime as dt
import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from conftest import LANGUAGES, ROOT, content_pages, run_build

ATOM = "{http://www.w3.org/2005/Atom}"
PREFIX = {"ru": "", "kk": "kk/"}


def test_the_published_site_shows_no_notice(build):
    for path in content_pages(build):
        page = build.page(str(path))
        assert page.select("[data-notice]") == [], path
        assert page.select("[data-notices]") == [], path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_notices_page_exists_in_both_languages_and_is_in_the_navigation(build, lang):
    page = build.page(f"{PREFIX[lang]}notices/")
    assert page.html["lang"] == lang
    history = page.select_one("[data-notices-history]")
    assert [h.get("id") for h in history.select("h2")] == ["current", "planned", "past"]
    nav = build.page(f"{PREFIX[lang]}").select(".md-nav a[href]")
    assert any(a["href"].rstrip("/").endswith("notices") for a in nav)
    feed = ET.parse(build.site / PREFIX[lang] / "notices" / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed" and feed.findall(f"{ATOM}entry") == []
    assert json.loads((build.site / "notices" / "notices.json").read_text(encoding="utf-8")) == {"version": 1, "notices": []}


def banner_notice(page, notice_id):
    return page.select_one(f'section[data-notices] [data-notice="{notice_id}"]')


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_banner_is_a_named_region_under_the_chat_bar_on_every_page(notices_site, lang):
    site = notices_site.build
    for path in [p for p in content_pages(site) if (p.parts[:1] == ("kk",)) == (lang == "kk")]:
        page = site.page(str(path))
        region = page.select_one("section[data-notices]")
        assert region and region.get("aria-label") and not region.has_attr("hidden"), path
        assert region.find_previous_sibling("aside", class_="kb-chat-bar"), path
        assert page.select_one("[data-notices-announce][role=status]"), path
        # Active since yesterday: shown without JavaScript. Later ones wait hidden for their time; past ones are left out.
        assert not banner_notice(page, "status-lag").has_attr("hidden")
        assert banner_notice(page, "sms-delay").has_attr("hidden") and banner_notice(page, "portal-update").has_attr("hidden")
        assert banner_notice(page, "old-outage") is None
    home = site.page(PREFIX[lang])
    lag = banner_notice(home, "status-lag")
    assert lag.select_one("a")["href"].endswith("notices/#status-lag")
    assert lag.select_one("[data-notice-dismiss]").has_attr("hidden")  # nothing to press without JavaScript
    kind = {"ru": "Известная проблема", "kk": "Белгілі ақау"}[lang]
    assert kind in lag.get_text() and ("Началось" if lang == "ru" else "Басталған уақыты") in lag.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_article_of_an_affected_topic_shows_its_notice_above_its_text(notices_site, lang):
    page = notices_site.build.page(f"{PREFIX[lang]}account/sms-code/")
    notice = page.select_one('.md-content [data-notice="sms-delay"]')
    assert notice and notice.find_next("h1"), "the notice comes before the article's title"
    assert page.select_one('.md-content [data-notice="portal-update"]') is None  # another topic
    text = {"ru": "Оператор связи задерживает", "kk": "Байланыс операторы"}[lang]
    assert text in notice.get_text()
    other = notices_site.build.page(f"{PREFIX[lang]}application/status/")
    assert not other.select_one('.md-content [data-notice="status-lag"]').has_attr("hidden")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_answer_node_of_an_affected_topic_shows_the_notice_before_its_articles(notices_site, lang):
    page = notices_site.build.page(f"{PREFIX[lang]}ask/")
    node = page.select_one('[data-node="sms-help"]')
    notice = node.select_one('[data-notice="sms-delay"]')
    assert notice and notice.find_next("li", attrs={"data-triage-article": True})
    assert {"ru": "Писать об этом в поддержку не нужно", "kk": "қолдауға жазудың қажеті жоқ"}[lang] in notice.get_text()
    assert notices_site.day.strftime("%d.%m.%Y") + " 14:00" in notice.get_text()
    assert page.select_one('[data-node="login-help"] [data-notice="portal-update"]')
    assert page.select_one('[data-node="register-help"] [data-notice]') is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_notices_page_lists_current_planned_and_past_without_the_banner_attribute(notices_site, lang):
    page = notices_site.build.page(f"{PREFIX[lang]}notices/")
    history = page.select_one("[data-notices-history]")
    assert history.select("[data-notice]") == []
    sections = {ul["data-notices-section"]: [li["id"] for li in ul.find_all("li", recursive=False)]
                for ul in history.select("[data-notices-section]")}
    assert sections == {"current": ["status-lag"], "planned": ["sms-delay", "portal-update"], "past": ["old-outage"]}
    sms = history.select_one("#sms-delay")
    assert len(sms.select("[data-notice-update]")) == 2 and all(u.has_attr("hidden") for u in sms.select("[data-notice-update]"))


def test_notices_json_for_the_portal(notices_site):
    data = json.loads((notices_site.build.site / "notices" / "notices.json").read_text(encoding="utf-8"))
    by_id = {n["id"]: n for n in data["notices"]}
    assert set(by_id) == {"sms-delay", "portal-update", "status-lag", "old-outage"}
    update = by_id["portal-update"]
    assert update["closesChat"] is True and update["kind"] == "maintenance"
    assert update["starts"] == f"{notices_site.day + dt.timedelta(days=1)}T10:00:00+05:00"
    assert update["url"] == {"ru": f"{notices_site.url}notices/#portal-update", "kk": f"{notices_site.url}kk/notices/#portal-update"}
    assert [u["text"]["kk"] for u in by_id["sms-delay"]["updates"]] == ["Кодтар қайта келіп жатыр, тексеріп жатырмыз.", "Оператор себебін тапты."]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_atom_feed_parses_and_lists_what_has_been_shown(notices_site, lang):
    root = ET.parse(notices_site.build.site / PREFIX[lang] / "notices" / "feed.xml").getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    entries = {e.findtext(f"{ATOM}id").rsplit("#", 1)[1]: e for e in root.findall(f"{ATOM}entry")}
    assert set(entries) == {"status-lag", "old-outage"}  # the others are not announced yet
    lag = entries["status-lag"]
    assert lag.find(f"{ATOM}link").get("href") == f"{notices_site.url}{PREFIX[lang]}notices/#status-lag"
    assert {"ru": "Новый статус появится", "kk": "Жаңа мәртебе"}[lang] in lag.findtext(f"{ATOM}summary")
    assert "application-status" in [c.get("term") for c in lag.findall(f"{ATOM}category")]


def test_the_chat_state_gets_the_maintenance_window(notices_site):
    support = json.loads((notices_site.build.site / notices_site.build.asset("assets/page-settings/ru.json")).read_text(encoding="utf-8"))
    assert [c["id"] for c in support["closures"]] == ["portal-update"]


def test_a_broken_notices_file_fails_the_build_with_a_clear_line(tmp_path):
    project = tmp_path / "project"
    for name in ("docs", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs" / "notices.yml").write_text(
        'notices:\n  - id: x\n    kind: outage\n    title: {ru: "Т", kk: "Т"}\n    text: {ru: "Т", kk: "Т"}\n'
        "    starts: 2026-12-08 10:00\n    topics: []\n", encoding="utf-8")
    result = run_build(tmp_path / "site", project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "notices.yml:3: x: 'kind' must be one of incident, maintenance, info" in output
    assert "Traceback" not in output
