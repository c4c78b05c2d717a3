"""The project's MkDocs plugin (support_kb.mkdocs_adapter): typed settings, each file read once per
build, Material's markup patched loudly. The core it drives is tested elsewhere without MkDocs."""
from __future__ import annotations

import builtins
import importlib.util
import io
import os
from collections import Counter
from pathlib import Path

import pytest

from conftest import CHAT_URL, DOCS, ROOT, SITE_URL, run_build

MATERIAL = Path(importlib.util.find_spec("material").submodule_search_locations[0]) / "templates"


def test_a_misspelt_setting_is_a_configuration_error_naming_it(tmp_path):
    config = tmp_path / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert '        opens: "09:00"' in text
    text = text.replace('        opens: "09:00"', '        opnes: "09:00"').replace("docs_dir: docs", f"docs_dir: {DOCS}")
    config.write_text(text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}"), encoding="utf-8")
    result = run_build(tmp_path / "site", config)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Plugin 'support-kb' option 'hours': Sub-option 'opnes': unknown setting 'opnes'" in output
    assert "Traceback" not in output


def test_every_page_and_data_file_is_read_once_per_build(tmp_path, monkeypatch):
    """Both languages' builds share one context: no file of docs/ is opened twice."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("SITE_URL", SITE_URL)
    monkeypatch.setenv("SUPPORT_CHAT_URL", CHAT_URL)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    reads: Counter = Counter()
    real_open = builtins.open

    docs = f"{DOCS}{os.sep}"  # MkDocs and the plugin open docs/ by absolute paths

    def counting_open(file, mode="r", *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and "r" in mode and os.fspath(file).startswith(docs):
            reads[os.fspath(file)[len(docs):]] += 1
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(io, "open", counting_open)  # Path.read_text opens through io
    monkeypatch.chdir(ROOT)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    every_file = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*") if p.suffix in (".md", ".yml")}
    assert set(reads) == every_file
    assert {path: count for path, count in reads.items() if count > 1} == {}


def test_a_patch_whose_target_is_missing_fails_the_build():
    from mkdocs.exceptions import PluginError

    from support_kb.mkdocs_adapter import material_patches as patches

    where = patches.Where("ru", {"search.dialog": "Поиск"}, "ru/index.md", "assets/javascripts/material-bundle.0123abcd.js")
    bundle = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    page = (f'{patches.SEARCH_DIALOG}{bundle}'
            '<script id="__config">{"search": "../assets/javascripts/workers/search.a7633da7.min.js"}</script>')
    patched = patches.apply_all(page, where)
    assert '"search": "../assets/javascripts/search/worker.js?lang=ru"' in patched
    assert 'role="dialog" aria-label="Поиск">' in patched
    assert '<script src="../assets/javascripts/material-bundle.0123abcd.js"></script>' in patched
    broken = {"search worker address": page.replace("workers/search.a7633da7.min.js", "workers/other.js"),
              "language lookup": page.replace(bundle, "")}
    for patch in patches.PATCHES:
        with pytest.raises(PluginError, match=f"ru/index.md: .*'{patch.name}'"):
            patches.apply_all(broken.get(patch.name, page.replace(patch.target, "")), where)
    with pytest.raises(PluginError, match="'language lookup'"):  # twice: which one would the page load?
        patches.apply_all(page + bundle, where)


def test_the_pages_load_materials_bundle_without_its_language_lookup(tmp_path):
    """Material's bundle with one selector changed, of the same length (its source map still fits),
    under a content-hashed name; a bundle without that selector fails the build."""
    from mkdocs.exceptions import PluginError

    from support_kb.mkdocs_adapter import material_patches as patches
    from support_kb.serving.fingerprints import hashed_name

    [material] = (MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")
    original = material.read_text(encoding="utf-8")
    bundle = patches.bundle_without_lookup([MATERIAL])
    assert len(bundle.text) == len(original) and original.count(patches.LOOKUP) == 1
    assert bundle.text == original.replace(patches.LOOKUP, patches.NO_LOOKUP) and patches.LOOKUP not in bundle.text
    assert bundle.path == hashed_name(patches.BUNDLE, bundle.text.encode("utf-8"))
    theme = tmp_path / "theme" / "assets" / "javascripts"
    theme.mkdir(parents=True)
    (theme / "bundle.0123abcd.min.js").write_text(original.replace(patches.LOOKUP, '"link[rel=other]"'), encoding="utf-8")
    with pytest.raises(PluginError, match="'language lookup'.*bundle.0123abcd.min.js"):
        patches.bundle_without_lookup([tmp_path / "theme"])


def test_kb_check_reads_the_settings_the_plugin_declares():
    """`kb check` checks the plugin's settings in mkdocs.yml without MkDocs (support_kb.checks.mkdocs_yml):
    the same sections and names as the plugin's Config classes, so a setting added to one is known to both."""
    from support_kb.checks import mkdocs_yml
    from support_kb.mkdocs_adapter import plugin

    declared = {name: sorted(key for key, _ in option.config_class._schema) for name, option in plugin.PluginConfig._schema}
    assert declared == {section: sorted(names) for section, names in mkdocs_yml.SETTINGS.items()}
