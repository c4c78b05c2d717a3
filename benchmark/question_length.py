"""How much of the composed question is the form's own text (boilerplate) around what the user
typed: a parent walks to "SMS code does not come" and writes about 700 letters.

    .venv/bin/mkdocs build -q -d /tmp/site && .venv/bin/python benchmark/question_length.py /tmp/site

Prints, per language, the question's length, the user's own text in it, the rest, and how many
characters come before her description starts."""
from __future__ import annotations

import functools
import http.server
import sys
import threading

from playwright.sync_api import sync_playwright

WALK = ["who:parent", "parent:sign-in", "sign-in:sms-help"]
TYPED = {
    "ru": {"problem": 1, "operator": "Beeline", "happened-at": "14:30",
           "description": ("Нажимаю «Получить код», на экране пишет, что код отправлен, но SMS не приходит "
                           "ни через минуту, ни через десять. Телефон другой SIM-картой получает сообщения. ") * 4},
    "kk": {"problem": 1, "operator": "Beeline", "happened-at": "14:30",
           "description": ("«Кодты алу» батырмасын басамын, экранда код жіберілді деп жазылады, бірақ SMS "
                           "бір минуттан да, он минуттан да кейін келмейді. Басқа SIM-картамен хабарламалар келеді. ") * 4},
}


def measure(base: str, lang: str, page) -> dict:
    page.goto(base + ("kk/" if lang == "kk" else "") + "ask/")
    for step in WALK:
        node, go = step.split(":")
        page.click(f'section[data-node="{node}"] [data-triage-go="{go}"]')
    page.click('section[data-node="sms-help"] [data-triage-unresolved]')
    form = page.locator('section[data-node="ask-sms"]')
    form.wait_for(state="visible")
    typed = TYPED[lang]
    form.locator("select[name=problem]").select_option(index=typed["problem"])
    form.locator("input[name=operator]").fill(typed["operator"])
    form.locator("input[name=happened-at]").fill(typed["happened-at"])
    form.locator("textarea[name=description]").fill(typed["description"].strip())
    page.wait_for_timeout(300)
    message = page.locator("[data-triage-message]").inner_text()
    chosen = form.locator("select[name=problem] option:checked").inner_text()
    own = len(typed["description"].strip()) + len(typed["operator"]) + len(typed["happened-at"]) + len(chosen)
    if "--show" in sys.argv:
        print(message)
    return {"total": len(message), "own": own, "boilerplate": len(message) - own,
            "before description": message.index(typed["description"].strip())}


def main(site: str) -> None:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for lang in ("ru", "kk"):
            page = browser.new_context(locale="ru-RU").new_page()
            page.clock.set_fixed_time("2026-11-26T05:00:00Z")
            result = measure(base, lang, page)
            print(lang, "  ".join(f"{key}: {value}" for key, value in result.items()))
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1])
