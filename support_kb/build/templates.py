"""The project's own templates (overrides/partials, overrides/feeds), rendered with plain Jinja:
they extend nothing of Material's and use only Jinja's built-in filters. Unlike Material's own
templates, ours escape every value: editors' texts are text, not HTML.

Compiling a template costs several times what rendering it does, and a build used to compile the
theme's templates once per language: `compiled_templates` keeps the compiled code in the build's
cache folder, so the Kazakh build and the next builds load it instead (Jinja's own bytecode cache:
each template's code is kept under its name and file and used only while its text is the same)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import jinja2
import jinja2.ext

from ..content.dates import long_date
from . import html
from .html import collapse_template_whitespace


class WithoutIndentation(jinja2.ext.Extension):
    """Templates compiled without the indentation between their tags (html.collapse_template_whitespace):
    the pages come out almost without it, instead of each page losing it afterwards."""
    # Part of what the compiled code depends on: the text of the module that does the collapsing,
    # so that a change to it compiles the templates anew.
    version = hashlib.sha256(Path(html.__file__).read_bytes()).hexdigest()[:16]

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return collapse_template_whitespace(source)


def _compiles_as(env: jinja2.Environment) -> str:
    """What the code Jinja compiles depends on besides a template's text: Jinja's version, the
    environment's syntax and options, and how each filter and test is called."""
    calls = [(kind, name, repr(getattr(function, "jinja_pass_arg", None)))
             for kind, table in (("filter", env.filters), ("test", env.tests)) for name, function in table.items()]
    options = (jinja2.__version__, sorted((key, getattr(extension, "version", None)) for key, extension in env.extensions.items()),
               repr(env.autoescape), repr(env.finalize), env.optimized,
               env.is_async, env.block_start_string, env.block_end_string, env.variable_start_string,
               env.variable_end_string, env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
               env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
               env.keep_trailing_newline, sorted(calls))
    return hashlib.sha256(repr(options).encode("utf-8")).hexdigest()[:16]


def compiled_templates(cache: Path | None, env: jinja2.Environment, name: str) -> jinja2.BytecodeCache | None:
    """A bytecode cache for `env` in cache/<name>-<what its code depends on>; None without a cache
    folder or when it cannot be written (then every build compiles, as MkDocs does)."""
    if cache is None:
        return None
    folder = cache / f"{name}-{_compiles_as(env)}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


class Templates:
    def __init__(self, overrides: Path, strings: dict[str, dict[str, str]], cache: Path | None = None):
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(overrides), autoescape=True, auto_reload=False,
                                      extensions=[WithoutIndentation])
        self.env.bytecode_cache = compiled_templates(cache, self.env, "templates")
        self.strings = strings

    def render(self, name: str, lang: str, **context) -> str:
        """One template in one language: `lang`, its interface `strings` and `long_date` are given."""
        return self.env.get_template(name).render(lang=lang, strings=self.strings[lang], long_date=long_date, **context)
