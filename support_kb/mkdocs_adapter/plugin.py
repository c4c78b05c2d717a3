"""The project's one MkDocs plugin (`support-kb` in mkdocs.yml): typed settings, and MkDocs's events
turned into the plain build of support_kb.build. The i18n plugin runs MkDocs's build once per
language, the Kazakh one inside the Russian one's on_post_build; so:

    on_config        the outer (Russian) build reads every page and data file once: a BuildContext,
                     which the Kazakh build reuses
    on_page_read_source   pages come from the context, not read again
    on_page_markdown      markers filled in (support_kb.build.steps.page_markdown); a broken file
                          read when first needed (the calendar) fails the build here
    on_page_content       the link to the form, the notices' history, the contacts (steps.page_html)
    on_page_context       after the search plugin has read the page: the form, the security policy's
                          check (steps.page_with_form)
    on_env / on_page_context / on_template_context   what the page frame shows (steps.frame); the
                          theme's templates compiled once (support_kb.build.templates); esbuild
                          started on the site's scripts (support_kb.serving.bundles.start)
    on_post_page / on_post_template   Material's markup patched (material_patches), the page written
                          without the templates' indentation (steps.written_page), 404 pages kept
    on_post_build    each language's search entries kept; once the last language is built, Material's
                     bundle without its language lookup (material_patches.bundle_without_lookup), the
                     whole-site outputs in their fixed order (support_kb.build.outputs); under
                     `mkdocs serve`, the editors' checks of `kb check` as warnings, in the
                     language `kb check` would use
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ..build import context, outputs, steps, templates
from ..calendar.support_calendar import Hours
from ..content import page_contents, plain_text
from ..search import search_data, site_index
from ..serving import bundles
from . import material_patches

log = logging.getLogger("mkdocs.plugins.support_kb")
# Beside mkdocs.yml, where Material's own plugins keep theirs (.cache/plugin/…): what one build
# leaves for the next (support_kb.build.context.Site.cache). Safe to delete at any time.
CACHE = Path(".cache") / "support-kb"


class _Strict(base.Config):
    """A misspelt setting is an error naming it, not a warning."""

    def validate(self):
        failed, warnings = super().validate()
        unknown = [(key, message) for key, message in warnings if message.startswith("Unrecognised configuration name")]
        failed += [(key, f"unknown setting '{key}' (known: {', '.join(sorted(self._schema_keys))})") for key, _ in unknown]
        return failed, [warning for warning in warnings if warning not in unknown]


class HoursConfig(_Strict):
    # The defaults are the core's (support_calendar.Hours), which `kb check` reads too.
    utc_offset_minutes = c.Type(int, default=Hours.utc_offset_minutes)  # Astana: UTC+5 all year
    working_weekdays = c.ListOfItems(c.Choice(range(1, 8)), default=list(Hours.working_weekdays))  # ISO: Monday 1 … Sunday 7
    opens = c.Type(str, default=Hours.opens)
    closes = c.Type(str, default=Hours.closes)


class CalendarConfig(_Strict):
    years_ahead = c.Type(int, default=Hours.years_ahead)  # the calendar covers this year and the next ones


class ChatConfig(_Strict):
    """Checked further by support_kb.handoff.chat.settings (which provider needs what)."""
    provider = c.Optional(c.Type(str))
    url = c.Optional(c.Type(str))
    function = c.Optional(c.Type(str))
    attribute = c.Optional(c.Type(str))
    widget_origins = c.Optional(c.ListOfItems(c.Type(str)))
    max_url_length = c.Optional(c.Type(int))
    telegram = c.Optional(c.Type(str))
    whatsapp = c.Optional(c.Type(str))
    mode = c.Optional(c.Type(str))  # the earlier name of provider: url | widget


class PluginConfig(_Strict):
    hours = c.SubConfig(HoursConfig)
    calendar = c.SubConfig(CalendarConfig)
    chat = c.SubConfig(ChatConfig)


def _fail(error: context.BuildProblem):
    raise PluginError(str(error)) from None


class KnowledgeBasePlugin(BasePlugin[PluginConfig]):
    ctx: context.BuildContext | None = None
    bundle: material_patches.Bundle | None = None
    serving = False

    def on_startup(self, command: str, dirty: bool):
        self.serving = command == "serve"  # then every rebuild also runs the editors' checks (kb check)

    def _i18n(self, config: MkDocsConfig):
        return config.plugins["i18n"]

    def _lang(self, config: MkDocsConfig) -> str:
        return self._i18n(config).current_language

    # ------------------------------------------------------------------ once per build

    def on_config(self, config: MkDocsConfig):
        if self._i18n(config).building:
            return  # another language's build, inside the first one's: the context is there
        hours, chat = self.config.hours, self.config.chat
        settings = context.Settings(
            Hours(hours.utc_offset_minutes, tuple(hours.working_weekdays), hours.opens, hours.closes,
                  self.config.calendar.years_ahead),
            {key: value for key, value in chat.items() if value is not None})  # the settings given
        url = config.site_url or "/"
        # Material's inline script (partials/javascripts/base.html) scopes its storage by the page's
        # depth (base_url) unless extra.scope is set; the site's root, the same on every page, makes
        # it one text, so the security policy, sent with every page and script, allows it by one
        # hash instead of one per depth.
        config.extra.setdefault("scope", urlsplit(url).path or "/")
        site = context.Site(Path(config.docs_dir), Path(config.theme.custom_dir), Path(config.site_dir),
                            url if url.endswith("/") else url + "/", settings, tuple(Path(d) for d in config.theme.dirs),
                            cache=Path(config.config_file_path).parent / CACHE)
        try:
            self.ctx = context.load(site)
        except context.BuildProblem as error:
            _fail(error)
        self.bundle = material_patches.bundle_without_lookup(config.theme.dirs)

    @event_priority(-200)  # after the other plugins' filters: how the templates compile depends on them
    def on_env(self, env, config: MkDocsConfig, files):
        env.globals["kb"] = steps.frame(self.ctx, self._lang(config))
        if not self._i18n(config).building:  # the first language's build: esbuild runs while the pages are built
            bundles.start(self.ctx, {file.dest_uri: Path(file.abs_src_path) for file in files.javascript_files()
                                     if file.abs_src_path and file.inclusion.is_included()})
        # The theme's templates compiled once, not once per language and build, and without their
        # indentation (support_kb.build.templates).
        env.add_extension(templates.WithoutIndentation)
        env.bytecode_cache = templates.compiled_templates(self.ctx.site.cache, env, "theme")
        return env

    # ------------------------------------------------------------------ each page

    @staticmethod
    def _path(page) -> tuple[str, str]:
        """(language, path inside its folder) of a page, from its path inside docs/ (ru/faq.md)."""
        lang, _, path = page.file.src_uri.partition("/")
        return lang, path

    def on_page_read_source(self, page, config: MkDocsConfig):
        lang, path = self._path(page)
        source = self.ctx.kb.pages.get(lang, {}).get(path)
        return source.source.removeprefix("\ufeff") if source else None  # as MkDocs reads it (utf-8-sig)

    def on_page_markdown(self, markdown: str, page, config: MkDocsConfig, files) -> str:
        lang, path = self._path(page)
        plain_text.meta_as_text(page.meta)  # the title and description are the editor's text, not HTML
        updated = steps.last_updated(self.ctx, lang, path)
        if updated:
            page.meta["kb_updated"] = updated
        try:
            return steps.page_markdown(self.ctx, lang, path, page.url, markdown)
        except context.BuildProblem as error:
            _fail(error)

    def on_page_content(self, html: str, page, config: MkDocsConfig, files) -> str:
        lang, path = self._path(page)
        try:
            return steps.page_html(self.ctx, lang, path, page.url, html, page_contents.sections(page.toc))
        except context.BuildProblem as error:
            _fail(error)

    @event_priority(-100)  # after the search plugin (0) has indexed page.content
    def on_page_context(self, context_, page, config: MkDocsConfig, nav):
        lang, path = self._path(page)
        try:
            page.content = steps.page_with_form(self.ctx, lang, path, page.url, page.content)
        except context.BuildProblem as error:
            _fail(error)
        alternate = getattr(config.extra, "alternate", None) or []  # the i18n plugin sets the attribute
        twins = [(alt["lang"], alt["link"]) for alt in alternate]
        context_.update(steps.page_parts(self.ctx, self._lang(config), page.url, twins, page.meta.get("topic")))
        return context_

    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:
        return steps.written_page(self._patch(output, config, page.file.src_uri))

    def _patch(self, html: str, config: MkDocsConfig, name: str) -> str:
        lang = self._lang(config)
        return material_patches.apply_all(html, material_patches.Where(lang, self.ctx.strings[lang], name, self.bundle.path))

    # ------------------------------------------------------------------ the 404 page

    def on_pre_template(self, template, template_name: str, config: MkDocsConfig):
        if template_name == "404.html":
            config.extra.alternate = material_patches.not_found_alternates(self._i18n(config).config.languages)
        return template

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if template_name != "404.html":
            return output
        return steps.keep_not_found(self.ctx, self._lang(config), steps.written_page(self._patch(output, config, template_name)))

    # ------------------------------------------------------------------ once every language is built

    # After the search plugin (0) has written this language's index and, in the first language's
    # build, after the i18n plugin (-100) has built the other languages and merged their indexes.
    @event_priority(-200)
    def on_post_build(self, config: MkDocsConfig):
        i18n = self._i18n(config)
        index = json.loads((Path(config.site_dir) / site_index.INDEX_FILE).read_text(encoding="utf-8"))
        if i18n.building:
            # Another language's build, inside the first one's: the file has its entries only, taken
            # now, as that language's build left them.
            site_index.keep_language(self.ctx, i18n.current_language, index["docs"])
            return
        prefixes = {language.locale: context.language_prefix(language.locale) for language in i18n.config.languages}
        lang = context.DEFAULT_LANGUAGE
        site_index.keep_language(self.ctx, lang, search_data.split_by_language(index["docs"], prefixes)[lang])
        try:
            material_patches.write_bundle(Path(config.site_dir), self.bundle)
            outputs.write_site_outputs(self.ctx)
        except context.BuildProblem as error:
            _fail(error)
        for level, text in self.ctx.notes:
            getattr(log, level)(text)
        if self.serving:
            from ..checks import run  # what `kb check` reports, on the site just built, in its language
            from ..cli import language_of_locale

            lang = language_of_locale()
            for problem in run.run_all(Path(config.config_file_path).parent, Path(config.site_dir), config.site_url or "/"):
                log.warning(problem.say(lang))
