"""What every hook needs to know about the site being built: its language, its root, its templates."""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..content import site_strings

DEFAULT_LANGUAGE = "ru"


def language_of(config: MkDocsConfig) -> str:
    """The language of the build in progress (the i18n plugin builds each language in turn)."""
    return config.plugins["i18n"].current_language


def all_languages_built(config: MkDocsConfig) -> bool:
    """True in the last on_post_build of a build: the root language's, which the i18n plugin (-100)
    runs after building the other languages inside it. Hooks that need the whole site (every
    language's pages, the merged index, the full sitemap) act then, with a priority below -100."""
    return not config.plugins["i18n"].building


def language_prefix(lang: str) -> str:
    """Path prefix of a language inside the site: Russian at the root, Kazakh under kk/."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def site_root(config: MkDocsConfig) -> str:
    """Absolute URL of the site root, whatever language the build is in."""
    root = config.plugins["i18n"].config.get("site_url_root") or config.site_url or "/"
    return root if root.endswith("/") else root + "/"


def strings(config: MkDocsConfig) -> dict[str, str]:
    """The project's interface strings in the language of the build (docs/site-strings.yml)."""
    return site_strings.load(Path(config.docs_dir) / "site-strings.yml")[language_of(config)]


def render(config: MkDocsConfig, template: str, context: dict) -> str:
    """Render one of the theme's templates (overrides/ first) with the build's language and strings.
    Unlike Material's own templates, ours escape every value: editors' texts are text, not HTML."""
    template = config.theme.get_env().overlay(autoescape=True).get_template(template)
    return template.render(config=config, lang=language_of(config), strings=strings(config), **context)


def script_json(data) -> str:
    """JSON that is safe inside <script type="application/json">."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
