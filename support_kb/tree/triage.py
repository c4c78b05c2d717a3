"""The "before you ask" decision tree (docs/triage.yml): load it, check every rule of its format,
and walk it. Plain Python, no MkDocs: the hook renders what this module returns."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..data import datafile
from ..data.datafile import DataProblem, DataProblems, Text

KINDS = ("question", "answer", "refer", "form")
FIELD_TYPES = ("text", "textarea", "select", "date", "time", "checkbox")
# The longest text a field of the form takes, in characters (the page says so). 3 000 letters are
# four times a long question (700 letters, issue 10) and fit the chat's hand-off whole: in fragment
# mode a link carries about 32 000 characters, a Cyrillic letter percent-encoded there takes 6
# (%D0%B0), and the longest question a form composes with every field full stays near 25 000
# (tests/test_ask_form_browser.py composes it for every form and checks).
MAX_LENGTH = {"textarea": 3000, "text": 150}
NODE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FIELD_ID = NODE_ID

# Keys each kind of node may have; `title` is required everywhere, the rest as the format says.
NODE_KEYS = {
    "question": {"kind", "title", "text", "choices"},
    "answer": {"kind", "title", "text", "articles", "unresolved"},
    "refer": {"kind", "title", "text", "rules", "contacts"},
    "form": {"kind", "title", "text", "topic", "fields", "screenshots"},
}
CHOICE_KEYS = {"label", "go"}
FIELD_KEYS = {"id", "type", "label", "hint", "required", "min_length", "options"}


@dataclass(frozen=True)
class Choice:
    label: Text
    go: str
    line: int = 0


@dataclass(frozen=True)
class Field:
    id: str
    type: str
    label: Text
    hint: Text | None = None
    required: bool = False
    min_length: int | None = None
    options: tuple[Text, ...] = ()


@dataclass
class Node:
    id: str
    kind: str
    title: Text
    line: int
    text: Text | None = None
    choices: list[Choice] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    unresolved: str | None = None
    unresolved_line: int = 0
    rules: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)  # refer: who answers instead (docs/contacts.yml)
    topic: str | None = None
    fields: list[Field] = field(default_factory=list)
    screenshots: list[Text] = field(default_factory=list)

    def targets(self) -> list[str]:
        """The nodes one step away."""
        return [choice.go for choice in self.choices] + ([self.unresolved] if self.unresolved else [])


@dataclass
class Tree:
    start: str
    nodes: dict[str, Node]

    def parents(self) -> dict[str, list[tuple[str, Text | None]]]:
        """For each node, the nodes that lead to it and the choice label taken (None for "still need help")."""
        result: dict[str, list] = {node_id: [] for node_id in self.nodes}
        for node in self.nodes.values():
            for choice in node.choices:
                result[choice.go].append((node.id, choice.label))
            if node.unresolved:
                result[node.unresolved].append((node.id, None))
        return result

    def distances(self) -> dict[str, int]:
        """Fewest steps (answers given) from start to each node."""
        distance, queue = {self.start: 0}, [self.start]
        for node_id in queue:
            for target in self.nodes[node_id].targets():
                if target not in distance:
                    distance[target] = distance[node_id] + 1
                    queue.append(target)
        return distance


@dataclass
class Context:
    """What the tree is checked against: the pages, the rules page and the topic registry."""

    anchors: dict[str, dict[str, set[str]]]  # lang -> page path -> anchors on it
    rules: set[str]
    topics: set[str]
    contacts: set[str] = field(default_factory=set)  # ids of docs/contacts.yml


class _Reader(datafile.Checker):
    """Reads the raw YAML into Nodes, collecting every problem instead of stopping at the first."""


    def text(self, raw: dict, key: str, node: str, required: bool = True, owner: str | None = None) -> Text | None:
        return self.get_text(raw, key, node, required, field=owner)

    def list_of(self, raw: dict, key: str, node: str) -> list:
        return self.get(raw, key, datafile.LIST, node, default=[]) or []

    def node(self, node_id: str, raw, line: int) -> Node | None:
        if not NODE_ID.match(str(node_id)):
            self.problem("node-id", line, str(node_id))
        if not isinstance(raw, dict):
            self.problem("node-not-mapping", line, node_id)
            return None
        kind = raw.get("kind")
        if kind not in KINDS:
            self.problem("node-kind", raw.line_of("kind"), node_id, kind=kind, kinds=", ".join(KINDS))
            return None
        self.keys(raw, NODE_KEYS[kind], node_id)
        title = self.text(raw, "title", node_id)
        text = self.text(raw, "text", node_id, required=kind == "refer")
        node = Node(node_id, kind, title or Text("?", "?"), line, text)
        getattr(self, f"_{kind}")(node, raw)
        return node

    def _question(self, node: Node, raw: dict):
        choices = self.list_of(raw, "choices", node.id)
        if len(choices) < 2:
            self.problem("question-choices", raw.line, node.id, count=len(choices))
        for index, choice in enumerate(choices, 1):
            if not isinstance(choice, dict):
                self.problem("choice-not-mapping", raw.line_of("choices"), node.id, index=index)
                continue
            self.keys(choice, CHOICE_KEYS, f"{node.id} choices[{index}]")
            label = self.text(choice, "label", node.id, owner=f"choices[{index}].label")
            if not isinstance(choice.get("go"), str):
                self.problem("choice-no-go", choice.line, node.id, index=index)
            elif label:
                node.choices.append(Choice(label, choice["go"], choice.line_of("go")))

    def _answer(self, node: Node, raw: dict):
        node.articles = self.items(raw, "articles", datafile.TEXT, node.id)
        if not node.articles:
            self.problem("answer-articles", raw.line, node.id)
        node.unresolved = raw.get("unresolved")
        node.unresolved_line = raw.line_of("unresolved")
        if not isinstance(node.unresolved, str):
            self.problem("answer-unresolved", raw.line, node.id)
            node.unresolved = None

    def _refer(self, node: Node, raw: dict):
        node.rules = self.items(raw, "rules", datafile.TEXT, node.id)
        node.contacts = self.items(raw, "contacts", datafile.TEXT, node.id)
        if not node.contacts:
            self.problem("refer-contacts", raw.line, node.id)

    def _form(self, node: Node, raw: dict):
        node.topic = raw.get("topic")
        if not isinstance(node.topic, str):
            self.problem("form-topic", raw.line, node.id)
        fields = self.list_of(raw, "fields", node.id)
        if not fields:
            self.problem("form-fields", raw.line, node.id)
        seen = set()
        for index, raw_field in enumerate(fields, 1):
            if not isinstance(raw_field, dict):
                self.problem("field-not-mapping", raw.line_of("fields"), node.id, index=index)
                continue
            parsed = self._field(node, raw_field, index)
            if parsed and parsed.id in seen:
                self.problem("field-id-twice", raw_field.line, node.id, id=parsed.id)
            if parsed:
                seen.add(parsed.id)
                node.fields.append(parsed)
        for index, shot in enumerate(self.list_of(raw, "screenshots", node.id), 1):
            text = self.both_languages(shot, f"screenshots[{index}]", datafile.line_of(shot, raw.line_of("screenshots")), node.id)
            if text:
                node.screenshots.append(text)

    def _field(self, node: Node, raw: dict, index: int) -> Field | None:
        where = f"fields[{index}]"
        self.keys(raw, FIELD_KEYS, f"{node.id} {where}")
        field_id, field_type = raw.get("id"), raw.get("type")
        if not isinstance(field_id, str) or not FIELD_ID.match(field_id):
            self.problem("field-id", raw.line, node.id, where=where)
            return None
        if field_type not in FIELD_TYPES:
            self.problem("field-type", raw.line_of("type"), node.id, id=field_id, type=field_type,
                         types=", ".join(FIELD_TYPES))
            return None
        label = self.text(raw, "label", node.id, owner=f"fields[{field_id}].label")
        hint = self.text(raw, "hint", node.id, required=False, owner=f"fields[{field_id}].hint")
        required = self.get(raw, "required", datafile.BOOLEAN, node.id, default=False, field=f"fields[{field_id}].required")
        min_length = raw.get("min_length")
        if min_length is not None and (field_type not in ("text", "textarea") or not isinstance(min_length, int)
                                       or isinstance(min_length, bool) or min_length < 1):
            self.problem("field-min-length", raw.line_of("min_length"), node.id, id=field_id)
            min_length = None
        elif min_length is not None and min_length > MAX_LENGTH[field_type]:
            self.problem("field-min-length-max", raw.line_of("min_length"), node.id, id=field_id,
                         min_length=min_length, type=field_type, max=MAX_LENGTH[field_type])
            min_length = None
        options = []
        if field_type == "select":
            raw_options = self.list_of(raw, "options", node.id)
            if not raw_options:
                self.problem("select-options", raw.line, node.id, id=field_id)
            for number, option in enumerate(raw_options, 1):
                text = self.both_languages(option, f"fields[{field_id}].options[{number}]",
                                           datafile.line_of(option, raw.line_of("options")), node.id)
                if text:
                    options.append(text)
        elif "options" in raw:
            self.problem("field-options", raw.line_of("options"), node.id, id=field_id)
        if label is None:
            return None
        return Field(field_id, field_type, label, hint, bool(required), min_length, tuple(options))


def load(path: Path, context: Context) -> Tree:
    """The tree, checked; every problem found is raised at once as DataProblems."""
    data = datafile.load(path)
    reader = _Reader(path)
    if not isinstance(data, dict):
        raise DataProblems([DataProblem(path, "tree-file")])
    # Keys starting with x- hold YAML anchors that nodes reuse (shared fields), as in Compose files.
    extensions = {key for key in data if str(key).startswith("x-")}
    reader.keys(data, {"version", "start", "nodes"} | extensions)
    if data.get("version") != 1:
        reader.problem("tree-version", data.line_of("version"))
    raw_nodes = data.get("nodes")
    if not isinstance(raw_nodes, dict) or not raw_nodes:
        raise DataProblems(reader.problems + [DataProblem(path, "tree-nodes")])
    nodes = {}
    for node_id, raw in raw_nodes.items():
        node = reader.node(str(node_id), raw, raw_nodes.line_of(node_id))
        if node:
            nodes[node.id] = node
    start = reader.get(data, "start", datafile.TEXT, required=True)
    if start is not None and start not in raw_nodes:
        reader.problem("tree-start", data.line_of("start"), start=start)
    _check_links(reader, nodes, raw_nodes)
    if start in nodes and not reader.problems:
        _check_shape(reader, Tree(start, nodes))
    _check_references(reader, nodes, context)
    if reader.problems:
        raise DataProblems(reader.problems)
    return Tree(start, nodes)


def _check_links(reader: _Reader, nodes: dict[str, Node], raw_nodes: dict):
    for node in nodes.values():
        links = [(choice.go, choice.line) for choice in node.choices]
        links += [(node.unresolved, node.unresolved_line)] if node.unresolved else []
        for target, line in links:
            if target not in raw_nodes:
                reader.problem("leads-nowhere", line, node.id, target=target)


def _check_shape(reader: _Reader, tree: Tree):
    """No cycle, and every node reachable from start."""
    state: dict[str, str] = {}  # grey while on the current path, black when done

    def visit(node_id: str, path: list[str]):
        state[node_id] = "grey"
        for target in tree.nodes[node_id].targets():
            if state.get(target) == "grey":
                cycle = path[path.index(target):] + [target]
                reader.problem("cycle", tree.nodes[node_id].line, node_id, cycle=" -> ".join(cycle))
            elif target not in state:
                visit(target, path + [target])
        state[node_id] = "black"

    visit(tree.start, [tree.start])
    for node in tree.nodes.values():
        if node.id not in state:
            reader.problem("unreachable", node.line, node.id)


def _check_references(reader: _Reader, nodes: dict[str, Node], context: Context):
    for node in nodes.values():
        for article in node.articles:
            page, _, anchor = article.partition("#")
            for lang, pages in context.anchors.items():
                if page not in pages:
                    reader.problem("article-missing", node.line, node.id, page=page, lang=lang)
                elif anchor and anchor not in pages[page]:
                    reader.problem("anchor-missing", node.line, node.id, anchor=anchor, lang=lang, page=page)
        for rule in node.rules:
            if rule not in context.rules:
                reader.problem("rule-missing", node.line, node.id, rule=rule)
        for contact in node.contacts:
            if contact not in context.contacts:
                reader.problem("contact-missing", node.line, node.id, contact=contact)
        if node.topic and node.topic not in context.topics:
            reader.problem("topic-missing", node.line, node.id, topic=node.topic)
