"""The project's own templates (overrides/partials, overrides/feeds), rendered with plain Jinja:
they extend nothing of Material's and use only Jinja's built-in filters. Unlike Material's own
templates, ours escape every value: editors' texts are text, not HTML."""
from __future__ import annotations

from pathlib import Path

import jinja2

from ..content.dates import long_date


class Templates:
    def __init__(self, overrides: Path, strings: dict[str, dict[str, str]]):
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(overrides), autoescape=True, auto_reload=False)
        self.strings = strings

    def render(self, name: str, lang: str, **context) -> str:
        """One template in one language: `lang`, its interface `strings` and `long_date` are given."""
        return self.env.get_template(name).render(lang=lang, strings=self.strings[lang], long_date=long_date, **context)
