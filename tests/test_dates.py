"""Today is counted in Astana (UTC+5), whatever the machine's zone: the day turns at 19:00 UTC. The
build has one clock (SOURCE_DATE_EPOCH when set) and counts every day by it."""
import datetime as dt
import os
import subprocess

from conftest import DOCS, ROOT
from support_kb.build import context
from support_kb.content.dates import today_in_astana
from support_kb.content.last_updated import last_changes
from test_core_build import SETTINGS, SITE_URL, THEME

UTC = dt.timezone.utc


def test_the_day_turns_at_midnight_in_astana():
    assert today_in_astana(dt.datetime(2026, 12, 31, 18, 59, 59, tzinfo=UTC)) == dt.date(2026, 12, 31)
    assert today_in_astana(dt.datetime(2026, 12, 31, 19, 0, tzinfo=UTC)) == dt.date(2027, 1, 1)


def test_a_clock_in_another_zone_gives_the_same_day():
    almaty_old = dt.timezone(dt.timedelta(hours=6))  # what tz data older than 2024 says for Almaty
    assert today_in_astana(dt.datetime(2027, 1, 1, 0, 30, tzinfo=almaty_old)) == dt.date(2026, 12, 31)


def test_a_page_committed_in_the_evening_in_utc_was_changed_the_next_day_in_astana(tmp_path):
    """The pages' last-update dates: a commit's time is counted in Astana, whatever zone git wrote."""
    docs = tmp_path / "docs"
    (docs / "ru").mkdir(parents=True)
    (docs / "ru" / "committed.md").write_text("# Вход\n", encoding="utf-8")
    at = "2026-12-31T20:30:00+00:00"  # 01:30 on 1 January in Astana
    env = {**os.environ, "GIT_AUTHOR_DATE": at, "GIT_COMMITTER_DATE": at, "GIT_AUTHOR_NAME": "editor",
           "GIT_AUTHOR_EMAIL": "editor@example.kz", "GIT_COMMITTER_NAME": "editor", "GIT_COMMITTER_EMAIL": "editor@example.kz"}
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "page"]):
        subprocess.run(["git", "-C", str(tmp_path), *command], check=True, env=env)
    (docs / "ru" / "pending.md").write_text("# Новое\n", encoding="utf-8")
    today = dt.date(2027, 3, 1)
    assert last_changes(docs, today) == {"ru/committed.md": dt.date(2027, 1, 1), "ru/pending.md": today}


def test_source_date_epoch_is_the_builds_clock(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 12, 31, 19, 30, tzinfo=UTC).timestamp())))
    assert today_in_astana() == dt.date(2027, 1, 1)


def test_the_build_counts_its_days_in_astana_by_one_clock(tmp_path, monkeypatch):
    """The calendar, the editions check, the pages' last changes and the notices all take today from
    the build's one clock (SOURCE_DATE_EPOCH here), in Astana: at 19:30 UTC on 31 December the
    calendar already starts with the next year."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 12, 31, 19, 30, tzinfo=UTC).timestamp())))
    ctx = context.load(context.Site(DOCS, ROOT / "overrides", tmp_path, SITE_URL, SETTINGS, THEME))
    assert (ctx.today, ctx.notices.now, ctx.calendar.first) == (dt.date(2027, 1, 1), dt.datetime(2027, 1, 1, 0, 30),
                                                                dt.date(2027, 1, 1))
