"""Strict YAML for editors' data files: duplicate keys are errors and every node knows its line."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class DataProblem(Exception):
    """One problem in a data file, shown to the editor as one line: file:line: node: what is wrong."""

    def __init__(self, path: str | Path, message: str, line: int | None = None, node: str | None = None):
        self.path, self.line, self.node, self.message = str(path), line, node, message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.node}: {self.message}" if self.node else f"{where}: {self.message}"


class DataProblems(Exception):
    """All the problems found in one pass, so an editor fixes them in one go."""

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
    pass


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> Mapping:
    # Keys written in the mapping itself; keys merged from an anchor (`<<: *name`) may be overridden.
    own = {id(key_node) for key_node, _ in node.value if key_node.tag != "tag:yaml.org,2002:merge"}
    loader.flatten_mapping(node)
    result = Mapping()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    merged: set = set()
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result and key not in merged:
            raise DataProblem(loader.name, f"key '{key}' is given twice", key_node.start_mark.line + 1)
        if id(key_node) in own:
            merged.discard(key)
        else:
            merged.add(key)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _StrictLoader, node: yaml.SequenceNode) -> Sequence:
    result = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


def _construct_timestamp(loader: _StrictLoader, node: yaml.ScalarNode):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise DataProblem(loader.name, f"'{node.value}' is not a real date", node.start_mark.line + 1) from None


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load(path: str | Path):
    """Parse a data file; a syntax error or a repeated key becomes a DataProblem with its line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataProblem(path, f"cannot be read ({error.strerror})") from None
    loader = _StrictLoader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(filter(None, [error.context, error.problem]))
        raise DataProblem(path, f"YAML syntax: {what}", line) from None
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


def read_text(value, path, node: str, field: str, line: int) -> tuple[Text | None, list[DataProblem]]:
    """A `{ru: ..., kk: ...}` mapping, with one problem per missing or empty language."""
    if not isinstance(value, dict):
        return None, [DataProblem(path, f"'{field}' must be a mapping {{ru: ..., kk: ...}}", line, node)]
    problems = []
    for key in value:
        if key not in LANGUAGES:
            problems.append(DataProblem(path, f"'{field}' has an unknown language '{key}'", line, node))
    for lang in LANGUAGES:
        if not isinstance(value.get(lang), str) or not value[lang].strip():
            problems.append(DataProblem(path, f"'{field}' is missing or empty in '{lang}'", line, node))
    if problems:
        return None, problems
    return Text(value["ru"].strip(), value["kk"].strip()), []
