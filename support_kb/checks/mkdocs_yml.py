"""mkdocs.yml as `kb check` reads it, without MkDocs: its YAML (a syntax error in the menu an editor
edits is one located line, not a traceback), the plugins the site cannot do without, and the
support-kb plugin's settings: the names and kinds its Config classes declare
(support_kb/mkdocs_adapter/plugin.py; tests/test_plugin.py keeps the two alike) and what the chat
hand-off needs (support_kb.handoff.chat). Each problem is located on its line, in every language;
the build, which stops at the first of them, says them in English."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..data import datafile
from ..data.datafile import LIST, NUMBER, TEXT, TIME_OF_DAY, DataProblem, DataProblems, Mapping
from ..handoff import chat

FILE = "mkdocs.yml"
PLUGIN = "support-kb"
NODE = f"plugins.{PLUGIN}"
# The plugin's settings by section, as its Config classes declare them.
SETTINGS = {
    "hours": {"utc_offset_minutes": NUMBER, "working_weekdays": LIST, "opens": TIME_OF_DAY, "closes": TIME_OF_DAY},
    "calendar": {"years_ahead": NUMBER},
    "chat": {"provider": TEXT, "url": TEXT, "function": TEXT, "attribute": TEXT, "widget_origins": LIST,
             "max_url_length": NUMBER, "telegram": TEXT, "whatsapp": TEXT, "mode": TEXT},
}
WEEKDAYS = range(1, 8)  # ISO: Monday 1 … Sunday 7
# Plugins the site is not itself without (messages.NAMES["what"] says what each one brings). Without
# `search`, Material writes no search box, and the patches that give it the page's language fail.
NEEDED_PLUGINS = ("search", "i18n", PLUGIN)


@dataclass
class MkdocsYml:
    config: Mapping | None  # None when the file cannot be read
    settings: dict = field(default_factory=dict)  # the plugin's settings that are right, by section
    problems: list[DataProblem] = field(default_factory=list)


def read(root: Path) -> MkdocsYml:
    """The project's mkdocs.yml, its plugins and the support-kb plugin's settings, checked."""
    path = Path(root) / FILE
    try:
        config = datafile.load(path, mkdocs_config=True)
    except DataProblems as error:
        return MkdocsYml(None, problems=error.problems)
    if not isinstance(config, dict):
        return MkdocsYml(None, problems=[DataProblem(path, "wrong-type", 1, params={
            "field": FILE, "expected": "mapping", "given": datafile.given(config)})])
    found = MkdocsYml(config)
    check = datafile.Checker(path)
    plugins = config.get("plugins")
    entries = {}
    for entry in plugins if isinstance(plugins, list) else []:
        name = next(iter(entry), None) if isinstance(entry, dict) else entry
        entries[name] = entry
    for name in NEEDED_PLUGINS:
        if name not in entries:
            check.problem("plugin-missing", config.line_of("plugins"), "plugins", plugin=name, what=name)
    own = entries.get(PLUGIN)
    settings = (own.get(PLUGIN) if isinstance(own, dict) else None) or {}
    line = own.line_of(PLUGIN) if isinstance(own, Mapping) else config.line_of("plugins")
    if isinstance(settings, dict):
        found.settings = _settings(check, settings, line)
    else:
        check.check(settings, datafile.MAPPING, PLUGIN, line, "plugins")
    found.problems = check.problems
    return found


def _settings(check: datafile.Checker, given: dict, line: int) -> dict:
    """The sections' settings that are right; one located problem for each that is not."""
    check.keys(given, SETTINGS, NODE)
    out = {}
    for section, names in SETTINGS.items():
        record = given.get(section) or {}
        node = f"{NODE}.{section}"
        if not isinstance(record, dict):
            check.check(record, datafile.MAPPING, section, given.line_of(section) if isinstance(given, Mapping) else line, NODE)
            continue
        check.keys(record, names, node)
        values = {name: check.get(record, name, kind, node) for name, kind in names.items() if name in record}
        for index, day in enumerate(values.get("working_weekdays") or [], 1):
            if isinstance(day, bool) or day not in WEEKDAYS:
                check.problem("not-one-of", record.line_of("working_weekdays"), node, field=f"working_weekdays[{index}]",
                              choices=", ".join(map(str, WEEKDAYS)), value=day)
                values["working_weekdays"] = None
        out[section] = {name: value for name, value in values.items() if value is not None}
    try:
        if "chat" in out:
            chat.settings(out["chat"])
    except DataProblems as error:
        record = given.get("chat")
        for problem in error.problems:  # on the line of the setting the hand-off names, else of `chat:`
            problem.line = record.line_of(problem.node.rsplit(".", 1)[-1]) if isinstance(record, Mapping) else line
            check.problems.append(problem)
    return out
