"""The chat hand-off's settings: each provider gets what it needs, and a wrong setting is one line
naming it and the fix, never a traceback."""
import re

import pytest

from support_kb.data.datafile import DataProblems
from support_kb.handoff.chat import settings


def test_defaults_and_the_earlier_mode_setting():
    assert settings({"url": "https://p.kz/chat#message={message}"})["provider"] == "url"
    assert settings({"mode": "widget", "function": "openChat"})["provider"] == "function"
    assert "mode" not in settings({"mode": "url", "url": "https://p.kz/c?m={message}"})
    chat = settings({"provider": "telegram", "telegram": "@kezek_support"})
    assert chat["telegram"] == "kezek_support" and chat["max_url_length"] == 2000
    assert settings({"provider": "whatsapp", "whatsapp": "+7 701 234-56-78"})["whatsapp"] == "77012345678"


@pytest.mark.parametrize("raw, node, words", [
    ({"provider": "zendesk"}, "provider", "unknown chat provider 'zendesk'"),
    ({"provider": "url", "url": "https://p.kz/chat"}, "url", "contain {message}"),
    ({"provider": "telegram"}, "telegram", "needs `telegram:`"),
    ({"provider": "telegram", "telegram": "t.me/kezek"}, "telegram", "without t.me/"),
    ({"provider": "whatsapp", "whatsapp": "8 (701) 23"}, "whatsapp", "digits only"),
    ({"provider": "jivo", "widget_origins": ["https://code.jivo.ru/widget"]}, "widget_origins", "without paths"),
    ({"provider": "crisp", "max_url_length": "2000"}, "max_url_length", "whole number"),
])
def test_a_wrong_setting_names_itself_and_the_fix(raw, node, words):
    with pytest.raises(DataProblems) as caught:
        settings(raw)
    line = str(caught.value)
    assert line.startswith(f"mkdocs.yml: plugins.support-kb.chat.{node}: ") and words in line and "\n" not in line
    [problem] = caught.value.problems  # said in the editors' languages too (kb check --lang ru|kk)
    assert re.search("[а-яё]", problem.say("ru")) and re.search("[әғқңөұүһі]", problem.say("kk"))
