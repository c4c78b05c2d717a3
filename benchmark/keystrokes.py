"""Typing as a keyboard does, one key at a time, in any alphabet.

Playwright's `type()` and `press_sequentially()` insert a character that is not on the US layout
(Cyrillic, Kazakh letters) as text only, without keydown and keyup events; Material's search box
reacts to keyup, so such typing sends nothing for those letters (a trailing space, which is on the
layout, then seems to be needed). Chromium's DevTools protocol sends the key events of any character,
as a Russian or Kazakh keyboard layout does."""
from __future__ import annotations


def type_keys(page, text: str, delay: float = 40) -> None:
    """Types `text` into the focused element: keydown (with the character), then keyup, per key,
    `delay` milliseconds apart."""
    session = page.context.new_cdp_session(page)
    try:
        for ch in text:
            key = {"key": ch, "text": ch, "unmodifiedText": ch}
            if ch == " ":
                key.update(code="Space", windowsVirtualKeyCode=32)
            session.send("Input.dispatchKeyEvent", {"type": "keyDown", **key})
            session.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": ch, **({"code": "Space", "windowsVirtualKeyCode": 32} if ch == " " else {})})
            if delay:
                page.wait_for_timeout(delay)
    finally:
        session.detach()
