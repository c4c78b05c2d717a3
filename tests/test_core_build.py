"""The core of the build (support_kb outside support_kb/mkdocs_adapter) on plain inputs: a language,
the docs folder, an output folder, the site's address. These tests do not import MkDocs."""
from __future__ import annotations

import functools
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import jinja2
from jinja2 import nodes

from conftest import DOCS, ROOT
from support_kb.build import context, outputs, steps
from support_kb.calendar.support_calendar import Hours
from support_kb.content import articles
from support_kb.search import site_index
from support_kb.serving.fingerprints import hashed_path
from support_kb.tree import form_page

SITE_URL = "https://help.example.kz/"
# The theme's template folders, overrides first (found without importing Material).
THEME = (ROOT / "overrides", Path(importlib.util.find_spec("material").submodule_search_locations[0]) / "templates")
SETTINGS = context.Settings(Hours(300, (1, 2, 3, 4, 5), "09:00", "18:00"),
                            {"mode": "url", "url": "https://chat.example.kz/?m={message}", "function": "f",
                             "max_url_length": 2000})


def test_only_the_adapter_imports_mkdocs_material_or_the_i18n_plugin():
    script = """
import importlib, pkgutil, sys
import support_kb
for module in pkgutil.walk_packages(support_kb.__path__, "support_kb."):
    if not module.name.startswith("support_kb.mkdocs_adapter"):
        importlib.import_module(module.name)
print(sorted(name for name in sys.modules if name.split(".")[0] in ("mkdocs", "material", "mkdocs_static_i18n")))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def test_the_core_fills_the_pages_and_writes_the_whole_site_files(tmp_path):
    site = tmp_path / "site"
    ctx = context.load(context.Site(DOCS, ROOT / "overrides", site, SITE_URL, SETTINGS, THEME))
    rules_page = ctx.kb.pages["kk"]["rules/index.md"].source
    filled = steps.page_markdown(ctx, "kk", "rules/index.md", "kk/rules/", rules_page)
    assert "<!-- rules-edition -->" not in filled and f'data-rules-edition="{ctx.editions[0].id}"' in filled
    ask = steps.page_markdown(ctx, "ru", "ask.md", "ask/", ctx.kb.pages["ru"]["ask.md"].source)
    assert ctx.form_pages == {"ru": "ask/", "kk": "kk/ask/"}
    indexed = steps.page_html(ctx, "ru", "ask.md", "ask/", ask)
    assert form_page.MARKER in indexed and "data-node" not in indexed  # what the search reads: not the steps
    form = steps.page_with_form(ctx, "ru", "ask.md", "ask/", indexed)
    assert f'data-node="{ctx.tree.start}"' in form and 'href="../rules/#' in form
    # What MkDocs would have written: the sitemap and the search plugin's index.
    site.mkdir()
    (site / "sitemap.xml").write_text('<?xml version="1.0" encoding="UTF-8"?><urlset '
                                      'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', encoding="utf-8")
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text('{"config": {"lang": ["ru"]}, "docs": []}', encoding="utf-8")
    site_index.keep_language(ctx, "ru", [{"location": "ask/#who", "title": "step"}, {"location": "account/login/", "title": "Login"}])
    outputs.write_site_outputs(ctx)
    asset = functools.partial(hashed_path, site)  # every asset of ours gets a content-hashed name
    assert json.loads((site / asset("search/ru.json")).read_text(encoding="utf-8")) == {"docs": [{"location": "account/login/", "title": "Login"}]}
    assert json.loads((site / "rules" / "editions.json").read_text(encoding="utf-8"))["current"] == ctx.editions[0].id
    assert (site / "kk" / "rules" / "editions.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert json.loads((site / asset("assets/support-calendar.json")).read_text(encoding="utf-8"))["opens"] == "09:00"
    assert not (site / "assets" / "support-calendar.json").exists()
    # The pages' settings, a file per language (page-settings.js fetches it: no page carries them).
    for lang in ("ru", "kk"):
        settings = json.loads((site / asset(f"assets/page-settings/{lang}.json")).read_text(encoding="utf-8"))
        assert settings["lang"] == lang and settings["opens"] == "09:00"
        assert settings["strings"]["chat.open"] == ctx.strings[lang]["chat.open"]
    # The form's suggested articles, each language's linked from its form page.
    suggested = {lang: json.loads((site / asset(f"assets/suggestions/{lang}.json")).read_text(encoding="utf-8"))
                 for lang in ("ru", "kk")}
    assert {a["url"]: a["title"] for a in suggested["kk"]}["../application/submit/"] == "Кезекке өтініш беру"
    assert len(suggested["ru"]) == len(suggested["kk"]) == len(articles.index(ctx.kb.pages["ru"]))
    assert '"~^/([a-z]{2}/)?ask/"' not in (site / ".nginx-csp.conf").read_text(encoding="utf-8")  # url mode: one policy


def test_the_whole_site_files_are_written_in_their_fixed_order():
    assert [f"{write.__module__.rsplit('.', 1)[1]}.{write.__name__}" for write in outputs.SITE_OUTPUTS] == [
        "rules_editions.write_feeds", "notices_site.write_feeds", "calendar_page.write_calendar",
        "calendar_page.write_page_settings", "site_index.write_search", "form_page.write_suggestions",
        "outputs.write_not_found_pages", "bundles.write_bundles", "fingerprints.write_fingerprints",
        "outputs.rewrite_built_pages", "csp.write_policy"]


def _method_calls_and_filters(template: nodes.Template):
    for call in template.find_all(nodes.Call):
        if isinstance(call.node, nodes.Getattr) and not (isinstance(call.node.node, nodes.Name) and call.node.node.name == "loop"):
            yield f"method .{call.node.attr}()"
    for used in template.find_all(nodes.Filter):
        yield used.name


def test_templates_use_no_python_methods_and_no_filter_of_the_project():
    """So that a MiniJinja-based generator could render them: Jinja's own filters and MkDocs's `url` only."""
    env = jinja2.Environment()
    allowed = set(env.filters) | {"url"}
    found = {}
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        used = set(_method_calls_and_filters(env.parse(path.read_text(encoding="utf-8"))))
        bad = sorted(name for name in used if name not in allowed)
        if bad:
            found[path.relative_to(ROOT).as_posix()] = bad
    assert found == {}
