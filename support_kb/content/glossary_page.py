"""The glossary (docs/glossary.yml) as a table at <!-- glossary --> in each language."""
from __future__ import annotations

from ..build.context import BuildContext

MARKER = "<!-- glossary -->"


def fill_marker(ctx: BuildContext, lang: str, markdown: str) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, ctx.templates.render("partials/glossary.html", lang, terms=ctx.terms))
