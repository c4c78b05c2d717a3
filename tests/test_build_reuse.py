"""What a build keeps for the next one (the law's holidays, compiled templates: ours and the
theme's, the pages' script bundles) gives what computing it again gives, and follows its inputs; the build's fast paths (the policy's check of a page's
content, the scan for interface strings' uses) find what the full scans find. Plain inputs, no MkDocs."""
from __future__ import annotations

import importlib.util
import subprocess
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from conftest import ROOT
from support_kb.build.context import BuildProblem
from support_kb.build.templates import Templates, WithoutIndentation, compiled_templates
from support_kb.calendar import law
from support_kb.content import site_strings
from support_kb.serving import bundles, csp

MATERIAL = Path(importlib.util.find_spec("material").submodule_search_locations[0]) / "templates"
YEARS = range(2026, 2028)


def test_the_law_holidays_kept_are_those_the_package_gives_and_are_read_back_without_it(tmp_path, monkeypatch):
    computed = law.Pending(YEARS, tmp_path).result()
    assert computed == law.law_holidays(YEARS)
    kept = list(tmp_path.iterdir())
    assert [file.name for file in kept] == [f"law-holidays-{metadata.version('holidays')}-2026-2027.json"]

    def no_process(*args, **kwargs):
        raise AssertionError("the holidays were asked again")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    assert law.Pending(YEARS, tmp_path).result() == computed
    monkeypatch.undo()
    # Other years, or a kept file that cannot be read, are asked again.
    assert law.Pending(range(2026, 2027), tmp_path).result() == law.law_holidays(range(2026, 2027))
    kept[0].write_text("[[", encoding="utf-8")
    assert law.Pending(YEARS, tmp_path).result() == computed
    assert law.Pending(YEARS).result() == computed  # no cache folder: nothing kept, nothing read


SCRIPTS = {
    "kb/ask-page.js": 'import { shared } from "./shared.js";\nshared("ask");\n',
    "kb/chat-state-page.js": 'import { shared } from "./shared.js";\nshared("state");\n',
    "kb/shared.js": 'export const shared = (name) => fetch(new URL("../../data.json", import.meta.url)).then(() => name);\n',
}


def _bundled(tmp_path: Path, scripts: dict[str, str], cache: Path | None) -> dict[str, bytes]:
    for path, text in scripts.items():
        (tmp_path / "src" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "src" / path).write_text(text, encoding="utf-8")
    return bundles.Pending(bundles.site_sources(tmp_path / "src"), ROOT, cache).result()


def test_the_bundles_kept_are_those_esbuild_makes_and_are_read_back_without_it(tmp_path, monkeypatch):
    made = _bundled(tmp_path, SCRIPTS, None)  # esbuild's, nothing kept
    assert set(made) > {"kb/ask-page.js", "kb/chat-state-page.js"} and any(path.startswith("kb/chunk-") for path in made)
    cache = tmp_path / "cache"
    assert _bundled(tmp_path, SCRIPTS, cache) == made
    assert [folder.name.startswith("bundles-") for folder in cache.iterdir()] == [True]

    def no_esbuild(*args, **kwargs):
        raise AssertionError("esbuild was run again")

    monkeypatch.setattr(bundles.subprocess, "run", no_esbuild)
    assert _bundled(tmp_path, SCRIPTS, cache) == made
    # A changed module is bundled again, and kept beside the first.
    with pytest.raises(AssertionError, match="esbuild was run again"):
        _bundled(tmp_path, {**SCRIPTS, "kb/ask-page.js": SCRIPTS["kb/ask-page.js"].replace('"ask"', '"form"')}, cache)
    monkeypatch.undo()
    changed = _bundled(tmp_path, {**SCRIPTS, "kb/ask-page.js": SCRIPTS["kb/ask-page.js"].replace('"ask"', '"form"')}, cache)
    assert changed != made and len(list(cache.iterdir())) == 2


def test_templates_compiled_once_render_as_compiled_now_and_follow_their_text(tmp_path):
    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    template = overrides / "partials" / "x.html"
    template.write_text("<p>{{ strings['a'] }} {{ n }}</p>", encoding="utf-8")
    strings = {"ru": {"a": "а"}}
    cache = tmp_path / "cache"
    assert Templates(overrides, strings, cache).render("partials/x.html", "ru", n=1) == "<p>а 1</p>"
    assert list(cache.glob("templates-*/*"))  # the compiled code is kept
    assert Templates(overrides, strings, cache).render("partials/x.html", "ru", n=2) == "<p>а 2</p>"
    template.write_text("<b>{{ n }}</b>", encoding="utf-8")
    assert Templates(overrides, strings, cache).render("partials/x.html", "ru", n=3) == "<b>3</b>"


def test_compiled_templates_are_kept_apart_for_environments_that_compile_differently(tmp_path):
    (tmp_path / "t.html").write_text("{{ x }}|{{ x | shout }}", encoding="utf-8")

    def render(autoescape: bool, shout) -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=autoescape)
        env.filters["shout"] = shout
        env.bytecode_cache = compiled_templates(tmp_path / "cache", env, "theme")
        return env.get_template("t.html").render(x="<b>")

    def plain(value):
        return value.upper()

    @jinja2.pass_context
    def with_context(context, value):
        return value.upper() + context["x"]

    for _ in range(2):  # compiled, then loaded from the cache
        assert render(True, plain) == "&lt;b&gt;|&lt;B&gt;"
        assert render(False, plain) == "<b>|<B>"
        assert render(False, with_context) == "<b>|<B><b>"
    assert len(list((tmp_path / "cache").iterdir())) == 3
    assert compiled_templates(None, jinja2.Environment(), "theme") is None


@pytest.mark.parametrize("content, what", [
    ('<p>text</p>\n<p ONCLICK="go()">x</p>', "<p onclick=…>: an inline event handler"),
    ('<p>text</p>\n<span\tstyle="color:red">y</span>', "<span style=…>: an inline style attribute"),
    ('<p>text</p>\n<a href=" JavaScript:go()">z</a>', '<a href="javascript:…">: a javascript: URL'),
    ("<p>text</p>\n<SCRIPT>alert(1)</SCRIPT>", "<script>: a script no template of the theme writes"),
])
def test_a_page_with_what_the_policy_blocks_fails_and_one_without_passes(content, what):
    ctx = SimpleNamespace(known_scripts=csp.known_scripts([ROOT / "overrides", MATERIAL]))
    csp.page_problems(ctx, "<p>Нажмите «Войти» online, once: style.</p>", "Нажмите", "docs/ru/x.md")
    with pytest.raises(BuildProblem) as error:
        csp.page_problems(ctx, content, "text\n\nx\n", "docs/ru/x.md")
    located = [line for line in str(error.value).splitlines() if line.startswith("docs/")]
    assert len(located) == 1 and located[0].startswith(f"docs/ru/x.md:2 (of the HTML content): {what}")


def test_the_uses_of_interface_strings_are_found_at_a_word_start_only(tmp_path):
    (tmp_path / "a.py").write_text('x = strings["one"]\ny = s["two"]\nz = xs["three"]\n'
                                   'w = ctx.strings[lang]["four"] + strings(config)["five"]\nsv["six"]\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text('s["seven"]', encoding="utf-8")  # not a template, script or Python
    used = site_strings.uses([tmp_path], tmp_path)
    assert {key: [(file, line) for file, line, _ in places] for key, places in used.items()} == {
        "one": [("a.py", 1)], "two": [("a.py", 2)], "four": [("a.py", 4)], "five": [("a.py", 4)]}


def test_templates_compiled_without_their_indentation_are_kept_apart(tmp_path, monkeypatch):
    (tmp_path / "t.html").write_text("<p>\n  <b>x</b>\n</p>", encoding="utf-8")

    def render(extensions) -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), extensions=extensions)
        env.bytecode_cache = compiled_templates(tmp_path / "cache", env, "theme")
        return env.get_template("t.html").render()

    for _ in range(2):  # compiled, then loaded from the cache
        assert render([]) == "<p>\n  <b>x</b>\n</p>"
        assert render([WithoutIndentation]) == "<p>\n<b>x</b>\n</p>"
    # a new version of what the extension does is compiled anew, not taken from the cache
    monkeypatch.setattr(WithoutIndentation, "version", WithoutIndentation.version + "-changed")
    render([WithoutIndentation])
    assert len(list((tmp_path / "cache").iterdir())) == 3
