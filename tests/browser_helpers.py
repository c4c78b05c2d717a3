"""Helpers for the browser tests: walking the form as a person does, and axe-core."""
from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

from conftest import DOCS, ROOT
from support_kb.data import knowledge_base

KB = knowledge_base.read(DOCS)
TREE = KB.tree()
ASK = {"ru": "ask/", "kk": "kk/ask/"}
# How long a form's composer may take to appear: it comes with the form's later modules (four
# requests, then their scripts), which on a loaded machine (2 cores, CPU 4x slower) took over 5 s.
FORM_LOADED_MS = 20000
# The pause in typing after which the form suggests articles, as ask-form.js has it.
SUGGEST_DELAY_MS = int(re.search(r"const SUGGEST_DELAY_MS = (\d+);", (ROOT / "overrides/assets/javascripts/kb/ask-form.js")
                                 .read_text(encoding="utf-8"))[1])


def current_step(page):
    return page.locator("section[data-node]:visible")


def choose(page, label: str):
    """Clicks a choice of the current step by its visible label."""
    current_step(page).get_by_role("link", name=label, exact=True).click()


def walk_to(page, lang: str, form_id: str, via: str = "parent"):
    """Clicks from the start to a form: the role's choice, the choices on the way, then
    "I still need help" on the answer node."""
    path = _path(form_id, via)
    for here, there in zip(path, path[1:]):
        node = TREE.nodes[here]
        if node.kind == "answer":
            current_step(page).locator("[data-triage-unresolved]").click()
        else:
            label = next(c.label[lang] for c in node.choices if c.go == there)
            choose(page, label)
        wait_for_step(page, there)


def wait_for_step(page, node_id: str):
    """The step shown after a click (the hash changes first, the step a moment later); on a form
    with the script running, until its composer is there (it comes with the form's later modules)."""
    page.locator(f'section[data-node="{node_id}"]').wait_for(state="visible", timeout=5000)
    assert current_step(page).get_attribute("data-node") == node_id
    if TREE.nodes[node_id].kind == "form" and page.locator(".triage--live").count():
        current_step(page).locator("[data-triage-message]").wait_for(state="visible", timeout=FORM_LOADED_MS)


def after_suggestions(page):
    """Until the articles suggested for what she has just typed are shown: they come a pause after
    her last key, above the rules box and the buttons, which then move down (a click aimed at them
    meanwhile lands beside them). A timer of the page set now, as long as that pause, fires after
    the form's own. Not for a page whose clock the test holds (page.clock.pause_at)."""
    page.evaluate(f"() => new Promise((done) => setTimeout(done, {SUGGEST_DELAY_MS}))")


def wait_for_form_script(page):
    """Until the form's script has started: it puts a stored draft back (or finds it expired) in the
    same task in which it marks the form live, so what a field holds after this is what it restored."""
    page.locator(".triage--live").wait_for(state="attached", timeout=FORM_LOADED_MS)


def _path(target: str, via: str) -> list[str]:
    previous, queue = {via: None}, [via]
    for node_id in queue:
        for nxt in TREE.nodes[node_id].targets():
            if nxt not in previous:
                previous[nxt] = node_id
                queue.append(nxt)
    path = [target]
    while previous[path[0]]:
        path.insert(0, previous[path[0]])
    return [TREE.start] + path


def store_draft_once(page, lang: str, stored: str):
    """Puts `stored` (raw text) where the form keeps its draft, as an earlier visit (or an earlier
    build) left it: once, before the page's scripts run, so that a reload finds what the page saved."""
    import json

    page.add_init_script(f"""if (!sessionStorage.getItem("draft-stored")) {{
        sessionStorage.setItem("draft-stored", "1");
        localStorage.setItem({json.dumps("kb-ask-draft:" + lang)}, {json.dumps(stored)});
    }}""")


def axe_violations(page) -> list[str]:
    # A fading element (Material's "back to top" button after a scroll) has a contrast between its
    # colours only once its transition is over: axe would read it half-transparent.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    results = Axe().run(page)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in results.response["violations"]]


# The calendar the pages fetch, under its content-hashed name (support-calendar.<hash>.json).
CALENDAR_ROUTE = "**/assets/support-calendar.*.json"


def without_server_date(page):
    """Python's http.server sends the real Date; a faked clock would lose to it (clock sanity)."""
    def strip(route):
        # The test may be over and its context closed while the request is in flight, before the
        # fetch or between it and the answer ("Fetch response has been disposed"): nothing to answer.
        try:
            response = route.fetch()
            route.fulfill(response=response, headers={k: v for k, v in response.headers.items() if k.lower() != "date"})
        except PlaywrightError:
            return
    page.route(CALENDAR_ROUTE, strip)


class CalendarDates:
    """Dates for the hours tests, taken from the calendar the build wrote, so that the tests hold
    whatever year they run in."""

    def __init__(self, site):
        import datetime as dt
        import json

        self.dt = dt
        from support_kb.serving.fingerprints import hashed_path

        self.data = json.loads((site / hashed_path(site, "assets/support-calendar.json")).read_text(encoding="utf-8"))
        self.first = dt.date.fromisoformat(self.data["first"])
        self.last = dt.date.fromisoformat(self.data["last"])

    def working(self, day) -> bool:
        special = self.data["days"].get(day.isoformat())
        return (not special["off"]) if special else day.isoweekday() in self.data["workingWeekdays"]

    def find(self, test):
        day = self.first
        while day <= self.last:
            if test(day):
                return day
            day += self.dt.timedelta(days=1)
        raise AssertionError("no such day in the calendar")

    def next(self, day, days=1):
        return day + self.dt.timedelta(days=days)

    def working_thursday(self):
        return self.find(lambda d: d.isoweekday() == 4 and self.working(d) and self.working(self.next(d)))

    def weekend_saturday(self):
        """A Saturday off whose Monday is a working day."""
        return self.find(lambda d: d.isoweekday() == 6 and not self.working(d) and self.working(self.next(d, 2)))

    def weekday_holiday(self):
        """A holiday on a weekday followed by a working day."""
        return self.find(lambda d: d.isoweekday() <= 4 and not self.working(d) and self.working(self.next(d)))

    def friday_before_working_monday(self):
        return self.find(lambda d: d.isoweekday() == 5 and self.working(d) and self.working(self.next(d, 3)))

    @staticmethod
    def utc(day, hhmm: str) -> str:
        """An Astana wall-clock time on a day, as the UTC instant the clock is set to (UTC+5)."""
        import datetime as dt

        local = dt.datetime.combine(day, dt.time.fromisoformat(hhmm))
        return (local - dt.timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
