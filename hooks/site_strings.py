"""Hands the project's interface strings (docs/site-strings.yml) to the theme's templates as
`config.extra.strings` ({lang: {id: text}}), and fails the build on a broken or one-language string."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from support_kb.content import site_strings
from support_kb.data.datafile import DataProblems


def on_config(config: MkDocsConfig):
    try:
        config.extra["strings"] = site_strings.load(Path(config.docs_dir) / "site-strings.yml")
    except DataProblems as error:
        raise PluginError(f"Interface strings are broken:\n{error}") from None
