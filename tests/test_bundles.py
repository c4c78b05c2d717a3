"""The pages' scripts bundled by esbuild (support_kb/serving/bundles.py): one file per module a page
loads, shared code in chunks that every page announces before its scripts."""
from __future__ import annotations

import posixpath
import re

import pytest

from support_kb.build.context import BuildProblem
from support_kb.serving import bundles

MODULE_SCRIPT = re.compile(r'<script type="module"(?: async)? src="([^"]+)"></script>')


def test_a_modules_paths_to_files_are_written_from_the_scripts_folder_and_its_imports_left_alone():
    source = ('import { a } from "./a.js";\nimport "./side.js";\nconst m = await import("../kb/b.js");\n'
              'const rules = new URL("./rules.json", import.meta.url);\n'
              'const calendar = new URL("../../support-calendar.json", import.meta.url);\n'
              'const index = "../../../search/ru.json";\n')
    written = bundles.from_scripts_folder("search", source)
    assert written.splitlines()[:3] == source.splitlines()[:3]
    assert 'new URL("../search/rules.json", import.meta.url)' in written
    assert 'new URL("../../support-calendar.json", import.meta.url)' in written  # the same from kb/ or search/
    assert 'const index = "../../../search/ru.json";' in written


def test_without_esbuild_the_build_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setattr(bundles, "CHECKOUT", tmp_path / "elsewhere")
    monkeypatch.setattr(bundles, "ENVIRONMENT", tmp_path / "elsewhere")
    with pytest.raises(BuildProblem) as error:
        bundles.esbuild(tmp_path)
    assert "npm ci" in str(error.value) and "node_modules/.bin/esbuild" in str(error.value)


def test_every_page_announces_the_chunks_its_scripts_import(build):
    """Every module script of ours is a bundle (its static imports are chunks only), and each chunk
    it imports, directly or not, is announced before it."""
    scripts = build.site / bundles.SCRIPTS
    chunks_seen = set()
    for file in build.html_pages():
        page = file.relative_to(build.site).as_posix()
        html = file.read_text(encoding="utf-8")
        preloaded = set(re.findall(r'<link rel="modulepreload" href="([^"]+)">', html))
        for match in MODULE_SCRIPT.finditer(html):
            src = match[1].split("?")[0]
            target = posixpath.normpath(src.lstrip("/") if src.startswith("/") else posixpath.join(posixpath.dirname(page), src))
            module = posixpath.relpath(target, bundles.SCRIPTS)
            for chunk in bundles.static_imports(scripts, module):
                assert posixpath.basename(chunk).startswith("chunk-"), (page, module, chunk)
                href = posixpath.normpath(posixpath.join(posixpath.dirname(match[1]), posixpath.relpath(chunk, posixpath.dirname(module))))
                assert href in preloaded and html.index(href) < match.start(), (page, href)
                chunks_seen.add(chunk)
    assert chunks_seen  # the chat state's code, shared by every page's script and the form's


def test_without_esbuild_the_pages_keep_their_modules_and_the_build_says_so(tmp_path, monkeypatch, capsys):
    """`pip install -r requirements.lock` alone (no npm) still builds a working site, unbundled."""
    monkeypatch.setattr(bundles, "CHECKOUT", tmp_path / "elsewhere")
    monkeypatch.setattr(bundles, "ENVIRONMENT", tmp_path / "elsewhere")
    entry = tmp_path / "scripts" / bundles.ENTRIES[0]
    entry.parent.mkdir(parents=True)
    entry.write_text('import "./draft.js";\n', encoding="utf-8")
    bundles.bundle(tmp_path / "scripts", tmp_path)
    assert entry.read_text(encoding="utf-8") == 'import "./draft.js";\n'
    said = capsys.readouterr().err
    assert "not bundled" in said and "npm ci" in said
