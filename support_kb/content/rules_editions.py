"""Rules editions on the site: the current edition on /rules/, the list on /rules/changes/, and the
feeds (rules/editions.json with both languages, an Atom feed per language) the portal reads to post
a notice in the personal account's event feed (rule 30-2). The data is docs/rules-editions.yml."""
from __future__ import annotations

import json

from ..build.context import DEFAULT_LANGUAGE, LANGUAGES, BuildContext, language_prefix

EDITION_MARKER = "<!-- rules-edition -->"
CHANGES_MARKER = "<!-- rules-changes -->"
FEED_DIR = "rules"


def fill_markers(ctx: BuildContext, lang: str, markdown: str) -> str:
    if EDITION_MARKER not in markdown and CHANGES_MARKER not in markdown:
        return markdown
    # The JSON feed lives once, under the root language's rules/ (see write_feeds).
    json_url = "../editions.json" if lang == DEFAULT_LANGUAGE else "../../../rules/editions.json"
    context = {"editions": ctx.editions, "current": ctx.editions[0], "all_rules": ctx.kb.rules, "json_url": json_url}
    markdown = markdown.replace(EDITION_MARKER, ctx.templates.render("partials/rules-edition.html", lang, **context))
    return markdown.replace(CHANGES_MARKER, ctx.templates.render("partials/rules-changes.html", lang, **context))


def write_feeds(ctx: BuildContext) -> None:
    root, site = ctx.site.url, ctx.site.output
    for lang in LANGUAGES:
        atom = site / language_prefix(lang) / FEED_DIR / "editions.xml"
        atom.parent.mkdir(parents=True, exist_ok=True)
        atom.write_text(ctx.templates.render("feeds/rules-editions-atom.html", lang, editions=ctx.editions, root=root,
                                             prefix=language_prefix(lang)), encoding="utf-8")
    feed = {
        "version": 1,
        "current": ctx.editions[0].id,
        "editions": [
            {
                "id": edition.id,
                "date": edition.id,
                "rules": list(edition.rules),
                "summary": {lang: edition.summary[lang] for lang in LANGUAGES},
                "url": {lang: f"{root}{language_prefix(lang)}rules/changes/#{edition.id}" for lang in LANGUAGES},
            }
            for edition in ctx.editions
        ],
    }
    (site / FEED_DIR / "editions.json").write_text(json.dumps(feed, ensure_ascii=False, indent=1), encoding="utf-8")
