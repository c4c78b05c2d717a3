"""The chat hand-off's settings (`chat:` of the support-kb plugin in mkdocs.yml), checked once per build: the
pages get only known providers with what each needs, and an editor's mistake is one line naming
the setting and the fix."""
from __future__ import annotations

import re

from ..data.datafile import DataProblem, DataProblems

WHERE = "mkdocs.yml"
NODE = "plugins.support-kb.chat"
# provider -> the setting it needs. `url`, `telegram` and `whatsapp` open an address in a new tab;
# the others call a widget the portal's page includes (the site loads none itself).
PROVIDERS = {
    "url": "url", "telegram": "telegram", "whatsapp": "whatsapp", "function": "function",
    "jivo": None, "bitrix24": None, "chatwoot": "attribute", "intercom": None, "crisp": None,
}
LINKS = {"url", "telegram", "whatsapp"}
DEFAULTS = {"function": "openSupportChat", "attribute": "support_question", "max_url_length": 2000}
TELEGRAM = re.compile(r"[A-Za-z][A-Za-z0-9_]{4,31}")  # a public username, without "@"
WHATSAPP = re.compile(r"[1-9][0-9]{6,14}")  # the full international number, digits only


def settings(raw: dict) -> dict:
    """The settings the pages' scripts read, or DataProblems naming each wrong setting."""
    chat = {**DEFAULTS, **raw}
    if "provider" not in raw and "mode" in raw:  # the earlier name: mode url | widget
        chat["provider"] = "function" if raw["mode"] == "widget" else "url"
    chat.pop("mode", None)
    chat.setdefault("provider", "url")
    problems = []

    def problem(key: str, code: str, **params):
        """`code`: a message of support_kb.data.messages (English, Russian, Kazakh)."""
        problems.append(DataProblem(WHERE, code, node=f"{NODE}.{key}", params=params))

    provider = chat["provider"]
    if provider not in PROVIDERS:
        problem("provider", "chat-provider", provider=provider, allowed=", ".join(PROVIDERS))
    needed = PROVIDERS.get(provider)
    if needed and not str(chat.get(needed) or "").strip():
        problem(needed, "chat-needs", provider=provider, setting=needed)
    if provider == "url" and chat.get("url"):
        url = str(chat["url"])
        if not url.startswith(("https://", "http://")) or "{message}" not in url:
            problem("url", "chat-url")
    if provider == "telegram" and chat.get("telegram"):
        chat["telegram"] = str(chat["telegram"]).removeprefix("@")
        if not TELEGRAM.fullmatch(chat["telegram"]):
            problem("telegram", "chat-telegram")
    if provider == "whatsapp" and chat.get("whatsapp"):
        chat["whatsapp"] = re.sub(r"[\s()+-]", "", str(chat["whatsapp"]))
        if not WHATSAPP.fullmatch(chat["whatsapp"]):
            problem("whatsapp", "chat-whatsapp")
    if not isinstance(chat["max_url_length"], int) or chat["max_url_length"] < 200:
        problem("max_url_length", "chat-max-url-length")
    origins = chat.get("widget_origins", [])
    if not isinstance(origins, list) or not all(re.fullmatch(r"https?://[^/\s]+", str(o)) for o in origins):
        problem("widget_origins", "chat-widget-origins")
    if problems:
        raise DataProblems(problems)
    return chat


def runs_on_the_page(chat: dict) -> bool:
    """Whether the provider is a widget on the form page (not an address opened in a new tab)."""
    return chat["provider"] not in LINKS
