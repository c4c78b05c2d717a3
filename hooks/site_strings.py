"""Hands the project's interface strings (docs/site-strings.yml) to the theme's templates as
`config.extra.strings` ({lang: {id: text}}), and fails the build on a broken or one-language string,
on a string that a template, script or Python names but the file lacks, and on a placeholder that
its uses do not fill in (or that a language's text lacks)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from support_kb.content import site_strings
from support_kb.data.datafile import DataProblems


def on_config(config: MkDocsConfig):
    path = Path(config.docs_dir) / "site-strings.yml"
    try:
        config.extra["strings"] = site_strings.load(path)
    except DataProblems as error:
        raise PluginError(f"Interface strings are broken:\n{error}") from None
    # The templates, scripts and Python that name the strings: the theme's overrides, the hooks and the package.
    root = Path(config.config_file_path).parent
    folders = [Path(config.theme.custom_dir), root / "hooks", Path(site_strings.__file__).parents[1]]
    used = site_strings.uses([folder for folder in folders if folder.is_dir()], root)
    problems = site_strings.check_uses(path, config.extra["strings"], used, f"docs/{path.name}")
    if problems:
        raise PluginError("Interface strings and their uses disagree:\n" + "\n".join(map(str, problems)))
