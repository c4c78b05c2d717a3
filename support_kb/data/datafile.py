"""Strict YAML for editors' data files: duplicate keys are errors and every node knows its line."""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from . import messages


class DataProblem(Exception):
    """One problem in an editor's file, shown as one line: file:line: node: what is wrong.

    A value: loaders collect these and raise DataProblems, the one exception type of every data
    file and page loader. (It stays an Exception subclass so that older `except (DataProblem,
    DataProblems)` clauses keep working; raise DataProblems.) `code` and `params` name the message
    in support_kb.data.messages, which says it in English (`message`, what the build prints),
    Russian or Kazakh (`say`, what `kb check` prints)."""

    def __init__(self, path: str | Path, code: str, line: int | None = None, node: str | None = None,
                 params: dict | None = None):
        self.path, self.line, self.node, self.code = str(path), line, node, code
        self.params = dict(params or {})
        self.message = messages.say(code, self.params, "en")
        super().__init__(str(self))

    def say(self, lang: str) -> str:
        """node: what is wrong (without the place), in `lang` (en, ru, kk)."""
        text = messages.say(self.code, self.params, lang)
        return f"{self.node}: {text}" if self.node else text

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.say('en')}"


class DataProblems(Exception):
    """All the problems found in one pass, so an editor fixes them in one go: the one exception
    type that every loader of an editor's file raises."""

    def __init__(self, problems: list[DataProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class Mapping(dict):
    """A YAML mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list):
    line: int = 0


class _StrictLoader(yaml.SafeLoader):
    first_line = 1


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> Mapping:
    # Keys written in the mapping itself; keys merged from an anchor (`<<: *name`) may be overridden.
    own = {id(key_node) for key_node, _ in node.value if key_node.tag != "tag:yaml.org,2002:merge"}
    loader.flatten_mapping(node)
    result = Mapping()
    result.line = node.start_mark.line + loader.first_line
    result.key_lines = {}
    merged: set = set()
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (list, dict)):
            raise DataProblem(loader.name, line=key_node.start_mark.line + loader.first_line, code="key-not-text")
        if key in result and key not in merged:
            raise DataProblem(loader.name, line=key_node.start_mark.line + loader.first_line,
                              code="duplicate-key", params={"key": key})
        if id(key_node) in own:
            merged.discard(key)
        else:
            merged.add(key)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + loader.first_line
    return result


def _construct_sequence(loader: _StrictLoader, node: yaml.SequenceNode) -> Sequence:
    result = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + loader.first_line
    return result


def _construct_timestamp(loader: _StrictLoader, node: yaml.ScalarNode):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise DataProblem(loader.name, line=node.start_mark.line + loader.first_line, code="impossible-date",
                          params={"value": node.value}) from None


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)

# The same constructors on libyaml's parser, when PyYAML was built with it.
_FastLoader = type("_FastLoader", (yaml.CSafeLoader,), {"first_line": 1}) if yaml.__with_libyaml__ else None
if _FastLoader is not None:
    for _tag, _constructor in ((yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping),
                               ("tag:yaml.org,2002:timestamp", _construct_timestamp),
                               (yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)):
        _FastLoader.add_constructor(_tag, _constructor)


def _construct_env(loader: _StrictLoader, node: yaml.Node):
    """MkDocs's `!ENV NAME` or `!ENV [NAME, …, default]` of mkdocs.yml: the first variable set, else the default."""
    if isinstance(node, yaml.SequenceNode):
        *names, default = [loader.construct_scalar(item) for item in node.value] or [None]
    else:
        names, default = [loader.construct_scalar(node)], None
    return next((os.environ[name] for name in names if name in os.environ), default)


def _config_loaders() -> tuple:
    """The loaders of mkdocs.yml: a data file's, with MkDocs's !ENV tag and any other tag (a Python
    name a plugin reads) read as nothing."""
    made = []
    for base in (_StrictLoader, _FastLoader):
        if base is None:
            made.append(None)
            continue
        loader = type(f"{base.__name__}Config", (base,), {})
        loader.add_constructor("!ENV", _construct_env)
        loader.add_multi_constructor("", lambda loader, suffix, node: None)
        made.append(loader)
    return tuple(made)


_ConfigLoader, _FastConfigLoader = _config_loaders()


def load(path: str | Path, mkdocs_config: bool = False):
    """Parse a data file (or, `mkdocs_config`, mkdocs.yml with its tags); a syntax error or a
    repeated key becomes DataProblems with its line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise DataProblems([DataProblem(path, code="unreadable", params={"error": error.strerror})]) from None
    if mkdocs_config:
        return parse(text, path, loaders=(_FastConfigLoader, _ConfigLoader))
    return parse(text, path)


def parse(text: str, path: str | Path, first_line: int = 1, loaders: tuple = (_FastLoader, _StrictLoader)):
    """Parse YAML text that starts on line `first_line` of the file `path` (front matter starts on 2).
    libyaml parses (several times faster); a file it refuses is parsed again by PyYAML's own parser,
    whose messages (`mapping values are not allowed here`) the editors' guide quotes."""
    fast, strict = loaders
    if fast is not None:
        try:
            return _load(fast, text, path, first_line)
        except yaml.YAMLError:
            pass  # reported below, in PyYAML's words
    try:
        return _load(strict, text, path, first_line)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else None
        what = " ".join(filter(None, [error.context, error.problem]))
        raise DataProblems([DataProblem(path, line=line, code="yaml", params={"what": what})]) from None
    except yaml.YAMLError as error:  # e.g. a control character the reader refuses
        raise DataProblems([DataProblem(path, code="yaml", params={"what": str(error).splitlines()[0]})]) from None


def _load(loader_class, text: str, path: str | Path, first_line: int):
    """One YAML document; a problem our loader finds (a key given twice…) as DataProblems."""
    loader = loader_class(text)
    loader.name, loader.first_line = str(path), first_line
    try:
        return loader.get_single_data()
    except DataProblem as problem:
        raise DataProblems([problem]) from None
    finally:
        loader.dispose()


@dataclass(frozen=True)
class Text:
    """A text given in both languages."""

    ru: str
    kk: str

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


LANGUAGES = ("ru", "kk")


# --- the record-validation vocabulary ------------------------------------------------------------
# Every loader of an editor's file checks its records with a Checker: each check returns the value
# when it is right and None (after noting one located problem) when it is not, so a loader reads
# on and reports every problem in one go, and never meets a value of a type it does not expect.

@dataclass(frozen=True)
class Kind:
    """A kind of value: its name in support_kb.data.messages.NAMES, a test, and what the loader gets (converted)."""

    name: str
    test: Callable[[Any], bool]
    convert: Callable[[Any], Any] = lambda value: value


def _is_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


TEXT = Kind("text", lambda v: isinstance(v, str), str.strip)  # one language's text (a label, a source)
NUMBER = Kind("number", _is_number)
BOOLEAN = Kind("true-false", lambda v: isinstance(v, bool))
DATE = Kind("date", lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime))
DATETIME = Kind("datetime", lambda v: isinstance(v, dt.datetime) and v.tzinfo is not None)
LIST = Kind("list", lambda v: isinstance(v, list))
MAPPING = Kind("mapping", lambda v: isinstance(v, dict))
TIME_OF_DAY = Kind("time-of-day", lambda v: isinstance(v, str) and re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", v) is not None)


def given(value) -> str:
    """The name (messages.NAMES["given"]) of what an editor wrote, for 'must be …, not …'."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true-false"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, dt.datetime):
        return "datetime" if value.tzinfo else "datetime-naive"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, str):
        return "text"
    return "list" if isinstance(value, list) else "mapping"


def line_of(value, default: int | None = None) -> int | None:
    return getattr(value, "line", None) or default


class Checker:
    """Collects the located problems of one file. `node` names the record a problem is in (a node
    id, `days[3]`); `field` the key the editor wrote; lines come from the parsed YAML."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.problems: list[DataProblem] = []

    def problem(self, code: str, line: int | None = None, node: str | None = None, **params) -> None:
        """A problem by its code in support_kb.data.messages, with the values its message names."""
        self.problems.append(DataProblem(self.path, code, line, node, params))

    def check(self, value, kind: Kind, field: str, line: int | None, node: str | None = None):
        """`value` converted when it is of `kind`; else None and one problem."""
        if kind.test(value):
            return kind.convert(value)
        self.problem("wrong-type", line, node, field=field, expected=kind.name, given=given(value))
        return None

    def get(self, record: Mapping, key: str, kind: Kind, node: str | None = None, required: bool = False,
            default=None, field: str | None = None):
        """record[key] checked to be of `kind`; `default` when it is absent (a problem if required)."""
        if key not in record:
            if required:
                self.problem("missing", line_of(record), node, field=field or key)
            return default
        return self.check(record[key], kind, field or key, _line(record, key), node)

    def items(self, record: Mapping, key: str, kind: Kind, node: str | None = None, required: bool = False) -> list:
        """record[key], a list whose every item is of `kind` (a text given for a list is one problem,
        not one per character); the items that are right."""
        values = self.get(record, key, LIST, node, required)
        if not values:
            return []
        line = _line(record, key)
        checked = [self.check(value, kind, f"{key}[{index}]", line_of(value, line), node)
                   for index, value in enumerate(values, 1)]
        return [value for value in checked if value is not None]

    def one_of(self, record: Mapping, key: str, choices, node: str | None = None, required: bool = True,
               default=None, field: str | None = None):
        """record[key] when it is one of `choices`; else None and one problem."""
        if key not in record:
            if required:
                self.problem("missing", line_of(record), node, field=field or key)
            return default
        value = record[key]
        if not isinstance(value, bool) and value in list(choices):  # a list compares unhashable values too
            return value
        self.problem("not-one-of", _line(record, key), node, field=field or key,
                     choices=", ".join(map(str, choices)), value=value)
        return None

    def keys(self, record: Mapping, allowed, node: str | None = None, required=()) -> None:
        """Unknown keys (with the keys allowed) and missing required ones."""
        for key in record:
            if key not in allowed:
                self.problem("unknown-key", _line(record, key), node, key=key, allowed=", ".join(sorted(map(str, allowed))))
        for key in required:
            if key not in record:
                self.problem("missing", line_of(record), node, field=key)

    def both_languages(self, value, field: str, line: int | None, node: str | None = None) -> "Text | None":
        """A text in both languages, `{ru: ..., kk: ...}`: one problem per missing or empty language."""
        if not isinstance(value, dict):
            self.problem("wrong-type", line, node, field=field, expected="texts", given=given(value))
            return None
        before = len(self.problems)
        for key in value:
            if key not in LANGUAGES:
                self.problem("text-unknown-language", _line(value, key, line), node, field=field, lang=key)
        for lang in LANGUAGES:
            text = value.get(lang)
            if text is not None and not isinstance(text, str):
                self.problem("wrong-type", _line(value, lang, line), node, field=f"{field}.{lang}", expected="text",
                             given=given(text))
            elif not text or not text.strip():
                self.problem("text-missing-language", _line(value, lang, line), node, field=field, lang=lang)
        if len(self.problems) > before:
            return None
        return Text(value["ru"].strip(), value["kk"].strip())

    def get_text(self, record: Mapping, key: str, node: str | None = None, required: bool = True,
                 field: str | None = None) -> "Text | None":
        if key not in record:
            if required:
                self.problem("missing", line_of(record), node, field=field or key)
            return None
        return self.both_languages(record[key], field or key, _line(record, key), node)

    def raise_if_any(self) -> None:
        if self.problems:
            raise DataProblems(self.problems)


def _line(record, key, default: int | None = None) -> int | None:
    return record.line_of(key) if isinstance(record, Mapping) else default


def read_text(value, path, node: str, field: str, line: int) -> tuple["Text | None", list[DataProblem]]:
    """A `{ru: ..., kk: ...}` mapping, with one problem per missing or empty language."""
    checker = Checker(path)
    return checker.both_languages(value, field, line, node), checker.problems
