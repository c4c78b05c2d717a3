"""docs/notices.yml: the published file, the shape of a notice, when each is shown, and every
mistake an editor can make, each caught with one line naming the file and the line."""
import datetime as dt
import textwrap

import pytest

from conftest import DOCS
from support_kb.content import notices, topics
from support_kb.data.datafile import DataProblem, DataProblems

TOPICS = set(topics.load(DOCS / "topics.yml"))
T = dt.datetime
NOTICE = """\
- id: sms-delay-2026-12-08
  kind: incident
  title: {ru: "SMS-коды приходят с задержкой", kk: "SMS-кодтар кешігіп келеді"}
  text: {ru: "Оператор связи задерживает сообщения.", kk: "Байланыс операторы хабарламаларды кешіктіріп жатыр."}
  starts: 2026-12-08 10:00
  ends: 2026-12-08 14:00
  topics: [sms-code]
  closes_chat: false
  updates:
    - at: 2026-12-08 10:40
      text: {ru: "Оператор нашёл причину.", kk: "Оператор себебін тапты."}
"""


def write(tmp_path, entries: str, head: str = "notices:\n") -> object:
    path = tmp_path / "notices.yml"
    path.write_text(head + textwrap.indent(entries, "  "), encoding="utf-8")
    return path


def load(path):
    return notices.load(path, TOPICS)


def test_the_published_file_has_no_notice_on_now():
    found = load(DOCS / "notices.yml")
    now = notices.astana_now(300)
    assert all(notice.state_at(now) == "over" for notice in found)


@pytest.mark.parametrize("content", [None, "", "# nothing yet\n", "notices:\n", "notices: []\n"])
def test_a_missing_or_empty_file_means_no_notices(tmp_path, content):
    path = tmp_path / "notices.yml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert load(path) == []


def test_the_contract_shape_loads_with_every_key(tmp_path):
    (notice,) = load(write(tmp_path, NOTICE))
    assert notice.id == "sms-delay-2026-12-08" and notice.kind == "incident" and notice.topics == ("sms-code",)
    assert (notice.starts, notice.ends) == (T(2026, 12, 8, 10, 0), T(2026, 12, 8, 14, 0))
    assert notice.title.kk == "SMS-кодтар кешігіп келеді" and notice.updates[0].text.ru == "Оператор нашёл причину."
    assert notice.closes_chat is False and notice.announce_days == 0


def test_timing_before_during_after_and_updates_newest_first(tmp_path):
    entries = NOTICE + "    - at: 2026-12-08 12:00\n      text: {ru: \"Коды приходят.\", kk: \"Кодтар келіп жатыр.\"}\n"
    (notice,) = load(write(tmp_path, entries))
    assert [notice.state_at(T(2026, 12, 8, h, m)) for h, m in ((9, 59), (10, 0), (13, 59), (14, 0))] == [
        "coming", "active", "active", "over"]
    assert [u.at.hour for u in notice.updates] == [12, 10]
    assert [u.at.hour for u in notice.updates_at(T(2026, 12, 8, 11, 0))] == [10]
    assert notices.shown_on_pages([notice], T(2026, 12, 8, 9, 0)) == [notice]
    assert notices.shown_on_pages([notice], T(2026, 12, 8, 14, 0)) == []


def test_planned_maintenance_is_announced_ahead_and_closes_the_chat_in_its_window(tmp_path):
    entries = NOTICE.replace("kind: incident", "kind: maintenance").replace("closes_chat: false", "closes_chat: true")
    (notice,) = load(write(tmp_path, entries))
    assert notice.announce_days == notices.ANNOUNCE_DAYS == 3
    assert notice.state_at(T(2026, 12, 5, 9, 59)) == "coming"
    assert notice.state_at(T(2026, 12, 5, 10, 0)) == "announced"
    (closure,) = notices.chat_closures([notice], T(2026, 12, 1), 300)
    assert closure == {"id": notice.id, "from": int(dt.datetime(2026, 12, 8, 5, tzinfo=dt.timezone.utc).timestamp() * 1000),
                       "to": int(dt.datetime(2026, 12, 8, 9, tzinfo=dt.timezone.utc).timestamp() * 1000)}
    (later,) = load(write(tmp_path, entries.replace("closes_chat: true", "closes_chat: true\n  announce_days: 7")))
    assert later.state_at(T(2026, 12, 1, 10, 0)) == "announced"


def test_history_and_json_for_the_portal(tmp_path):
    past = NOTICE.replace("sms-delay-2026-12-08", "old").replace("2026-12-08", "2026-11-08")
    found = load(write(tmp_path, NOTICE + past))
    sections = notices.history(found, T(2026, 12, 8, 11, 0))
    assert [[n.id for n in sections[s]] for s in ("current", "planned", "past")] == [["sms-delay-2026-12-08"], [], ["old"]]
    data = notices.to_json(found, {"ru": "https://h/notices/", "kk": "https://h/kk/notices/"}, 300)
    first = data["notices"][0]
    assert first["starts"] == "2026-12-08T10:00:00+05:00" and first["ends"] == "2026-12-08T14:00:00+05:00"
    assert first["title"]["kk"] and first["updates"][0]["at"] == "2026-12-08T10:40:00+05:00"
    assert first["url"]["kk"] == "https://h/kk/notices/#sms-delay-2026-12-08"


CASES = {
    "missing language": (NOTICE.replace(', kk: "SMS-кодтар кешігіп келеді"', ""), 3, "'title' is missing or empty in 'kk'"),
    "empty language": (NOTICE.replace('kk: "Оператор себебін тапты."', 'kk: ""'), 11, "'text' is missing or empty in 'kk'"),
    "end before start": (NOTICE.replace("ends: 2026-12-08 14:00", "ends: 2026-12-08 09:00"), 6,
                         "'ends' (2026-12-08 09:00) must be after 'starts' (2026-12-08 10:00)"),
    "unknown topic": (NOTICE.replace("[sms-code]", "[sms-codes]"), 7, "topic 'sms-codes' is not in docs/topics.yml"),
    "unknown kind": (NOTICE.replace("kind: incident", "kind: outage"), 2, "'kind' must be one of incident, maintenance, info"),
    "update before start": (NOTICE.replace("at: 2026-12-08 10:40", "at: 2026-12-08 09:40"), 10,
                            "the update at 2026-12-08 09:40 is outside the notice's time"),
    "update after end": (NOTICE.replace("at: 2026-12-08 10:40", "at: 2026-12-09 10:40"), 10,
                         "the update at 2026-12-09 10:40 is outside the notice's time"),
    "two notices with one id": (NOTICE + NOTICE, 12, "two notices have the id 'sms-delay-2026-12-08' (the other is on line 2)"),
    "bad id": (NOTICE.replace("id: sms-delay-2026-12-08", "id: SMS delay"), 1, "'id' must be lower-case letters, digits and '-'"),
    "bad time": (NOTICE.replace("starts: 2026-12-08 10:00", "starts: 08.12.2026 10:00"), 5,
                 "'starts' must be a date and time written YYYY-MM-DD HH:MM"),
    "impossible time": (NOTICE.replace("starts: 2026-12-08 10:00", "starts: 2026-12-32 10:00"), 5, "is not a real date and time"),
    "unknown key": (NOTICE.replace("  closes_chat: false", "  close_chat: true"), 8, "unknown key 'close_chat'"),
    "closes the chat without an end": (NOTICE.replace("  ends: 2026-12-08 14:00\n", "").replace("closes_chat: false", "closes_chat: true"),
                                       7, "a notice that closes the chat needs 'ends'"),
    "announcing an incident": (NOTICE + "  announce_days: 2\n", 12, "'announce_days' is for planned maintenance only"),
    "topics not a list": (NOTICE.replace("[sms-code]", "sms-code"), 7, "'topics' must be a list, not a text"),
    "not true or false": (NOTICE.replace("closes_chat: false", 'closes_chat: "no"'), 8, "'closes_chat' must be true or false, not a text"),
    "missing title": (NOTICE.replace('  title: {ru: "SMS-коды приходят с задержкой", kk: "SMS-кодтар кешігіп келеді"}\n', ""), 1, "'title' is missing"),
    "key given twice": (NOTICE.replace("  topics: [sms-code]\n", "  topics: [sms-code]\n  topics: [sms-code]\n"), 8,
                        "key 'topics' is given twice"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_broken_notice_fails_with_the_file_and_line(tmp_path, case):
    entries, line, expected = CASES[case]
    path = write(tmp_path, entries)
    with pytest.raises((DataProblem, DataProblems)) as error:
        load(path)
    lines = str(error.value).splitlines()
    assert any(text.startswith(f"{path}:{line + 1}: ") and expected in text for text in lines), lines


def test_every_problem_is_reported_at_once(tmp_path):
    entries = NOTICE.replace("kind: incident", "kind: outage").replace("[sms-code]", "[nope]")
    with pytest.raises(DataProblems) as error:
        load(write(tmp_path, entries))
    assert len(error.value.problems) == 2


def test_not_a_list_of_notices(tmp_path):
    path = tmp_path / "notices.yml"
    path.write_text("notices: {id: x}\n", encoding="utf-8")
    with pytest.raises(DataProblems) as error:
        load(path)
    assert str(error.value) == f"{path}:1: 'notices' must be a list, not a mapping"
