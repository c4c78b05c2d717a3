"""Helpers for the browser tests: walking the form as a person does, and axe-core."""
from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

from conftest import DOCS
from support_kb import knowledge_base

KB = knowledge_base.read(DOCS)
TREE = KB.tree()
ASK = {"ru": "ask/", "kk": "kk/ask/"}


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
    """The step shown after a click (the hash changes first, the step a moment later)."""
    page.locator(f'section[data-node="{node_id}"]').wait_for(state="visible", timeout=5000)
    assert current_step(page).get_attribute("data-node") == node_id


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


def axe_violations(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in results.response["violations"]]


def without_server_date(page):
    """Python's http.server sends the real Date; a faked clock would lose to it (clock sanity)."""
    def strip(route):
        response = route.fetch()
        headers = {k: v for k, v in response.headers.items() if k.lower() != "date"}
        route.fulfill(response=response, headers=headers)
    page.route("**/support-calendar.json", strip)
