"""A site with notices of its own, for the notices' page and browser tests: a copy of the project
whose docs/notices.yml holds notices timed around a working Thursday a week or more after today
(from the calendar the main build wrote), built and served on its own address."""
from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

from browser_helpers import CalendarDates
from conftest import ROOT, Build, _free_port, run_build, serve


@dataclass
class NoticesSite:
    build: Build
    url: str
    day: dt.date        # a working Thursday; the next day is a working day too
    server: object = None

    def at(self, day_offset: int, hhmm: str) -> str:
        """An Astana time on `day` + offset, as the UTC instant for page.clock."""
        return CalendarDates.utc(self.day + dt.timedelta(days=day_offset), hhmm)


def notices_yaml(day: dt.date, today: dt.date) -> str:
    d = lambda offset: (day + dt.timedelta(days=offset)).isoformat()  # noqa: E731
    yesterday, long_ago = today - dt.timedelta(days=1), today - dt.timedelta(days=10)
    return textwrap.dedent(f"""\
        notices:
          - id: sms-delay
            kind: incident
            title: {{ru: "SMS-коды приходят с задержкой", kk: "SMS-кодтар кешігіп келеді"}}
            text: {{ru: "Оператор связи задерживает сообщения с кодами.", kk: "Байланыс операторы кодтары бар хабарламаларды кешіктіріп жатыр."}}
            starts: {d(0)} 10:00
            ends: {d(0)} 14:00
            topics: [sms-code]
            updates:
              - at: {d(0)} 10:40
                text: {{ru: "Оператор нашёл причину.", kk: "Оператор себебін тапты."}}
              - at: {d(0)} 12:00
                text: {{ru: "Коды снова приходят, проверяем.", kk: "Кодтар қайта келіп жатыр, тексеріп жатырмыз."}}
          - id: portal-update
            kind: maintenance
            title: {{ru: "Обновление портала", kk: "Порталды жаңарту"}}
            text: {{ru: "Портал и чат поддержки будут недоступны.", kk: "Портал мен қолдау чаты қолжетімсіз болады."}}
            starts: {d(1)} 10:00
            ends: {d(1)} 12:00
            topics: [account-login]
            closes_chat: true
          - id: status-lag
            kind: incident
            title: {{ru: "Статус заявления обновляется с опозданием", kk: "Өтініш мәртебесі кешігіп жаңарады"}}
            text: {{ru: "Новый статус появится в течение дня.", kk: "Жаңа мәртебе бір күн ішінде көрінеді."}}
            starts: {yesterday.isoformat()} 09:00
            topics: [application-status]
          - id: old-outage
            kind: incident
            title: {{ru: "Портал не открывался", kk: "Портал ашылмады"}}
            text: {{ru: "Сбой хостинга.", kk: "Хостинг ақауы."}}
            starts: {long_ago.isoformat()} 10:00
            ends: {long_ago.isoformat()} 11:00
            topics: [browser-problems]
        """)


def build_with_notices(main: Build, tmp: Path) -> NoticesSite:
    dates = CalendarDates(main.site)
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=5))).date()
    day = dates.find(lambda d: d >= today + dt.timedelta(days=7) and d.isoweekday() == 4
                     and dates.working(d) and dates.working(d + dt.timedelta(days=1)))
    project = tmp / "project"
    for name in ("docs", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs" / "notices.yml").write_text(notices_yaml(day, today), encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    result = run_build(tmp / "site", project / "mkdocs.yml", site_url=url)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build --strict with notices failed:\n{output}"
    return NoticesSite(Build(tmp / "site", output), url, day, serve(tmp / "site", port))
