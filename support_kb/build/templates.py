"""The project's own templates (overrides/partials, overrides/feeds), rendered with plain Jinja:
they extend nothing of Material's and use only Jinja's built-in filters. Unlike Material's own
templates, ours escape every value: editors' texts are text, not HTML."""
from __future__ import annotations

from pathlib import Path

import jinja2

from ..content.dates import long_date


class Templates:
    def __init__(self, overrides: Path, strings: dict[str, dict[str, str]], cache: Path | None = None):
        # Compiling the form's templates costs several times what rendering them does: with a cache
        # folder, Jinja keeps the compiled code under each template's name and text.
        compiled = None
        try:
            if cache is not None:
                (cache / "templates").mkdir(parents=True, exist_ok=True)
                compiled = jinja2.FileSystemBytecodeCache(str(cache / "templates"))
        except OSError:
            pass  # a read-only checkout: compiled on every build
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(overrides), autoescape=True, auto_reload=False,
                                      bytecode_cache=compiled)
        self.strings = strings

    def render(self, name: str, lang: str, **context) -> str:
        """One template in one language: `lang`, its interface `strings` and `long_date` are given."""
        return self.env.get_template(name).render(lang=lang, strings=self.strings[lang], long_date=long_date, **context)
