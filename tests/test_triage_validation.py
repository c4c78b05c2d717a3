"""Every rule of the tree format fails with one line per problem: file, line, node, what is wrong."""
import statistics
import textwrap

import pytest

from support_kb.tree import triage
from support_kb.data.datafile import DataProblem, DataProblems

CONTEXT = triage.Context(
    anchors={lang: {"account/login.md": {"steps"}, "faq.md": {"forgot-password"}} for lang in ("ru", "kk")},
    rules={f"30-{n}" for n in range(1, 20)},
    topics={"account-login"},
    contacts={"education-department"},
)

GOOD = """\
version: 1
start: who
nodes:
  who:
    kind: question
    title: {ru: "Кто вы?", kk: "Сіз кімсіз?"}
    choices:
      - label: {ru: "Родитель", kk: "Ата-ана"}
        go: login
      - label: {ru: "Не пользователь", kk: "Пайдаланушы емеспін"}
        go: not-a-user
  login:
    kind: answer
    title: {ru: "Вход", kk: "Кіру"}
    articles: [account/login.md, faq.md#forgot-password]
    unresolved: ask-login
  not-a-user:
    kind: refer
    title: {ru: "Не к нам", kk: "Бізге емес"}
    text: {ru: "Обратитесь в отдел образования.", kk: "Білім бөліміне жүгініңіз."}
    rules: ["30-12"]
    contacts: [education-department]
  ask-login:
    kind: form
    title: {ru: "Вопрос о входе", kk: "Кіру туралы сұрақ"}
    topic: account-login
    fields:
      - id: description
        type: textarea
        label: {ru: "Что происходит", kk: "Не болады"}
        required: true
        min_length: 30
      - id: device
        type: select
        label: {ru: "Устройство", kk: "Құрылғы"}
        options: [{ru: "Компьютер", kk: "Компьютер"}]
    screenshots: [{ru: "Страница входа", kk: "Кіру беті"}]
"""


def load(tmp_path, text):
    path = tmp_path / "triage.yml"
    path.write_text(text, encoding="utf-8")
    return triage.load(path, CONTEXT)


def problems(tmp_path, text) -> list[str]:
    with pytest.raises((DataProblem, DataProblems)) as error:
        load(tmp_path, text)
    return str(error.value).splitlines()


def broken(old, new, count=1):
    assert old in GOOD, old
    return GOOD.replace(old, new, count)


def steps_report(tree: triage.Tree) -> dict[str, float]:
    """Steps from start to each form, the shortest way: how many forms, median and maximum."""
    distance = tree.distances()
    steps = [distance[node.id] for node in tree.nodes.values() if node.kind == "form"]
    return {"forms": len(steps), "median": statistics.median(steps), "max": max(steps)}


def test_the_good_tree_loads_and_walks(tmp_path):
    tree = load(tmp_path, GOOD)
    assert list(tree.nodes) == ["who", "login", "not-a-user", "ask-login"]
    assert tree.nodes["ask-login"].fields[0].min_length == 30
    assert tree.distances()["ask-login"] == 2
    assert steps_report(tree) == {"forms": 1, "median": 2, "max": 2}


CASES = {
    "yaml syntax": (broken("choices:\n", "choices: [\n"), "triage.yml:8: YAML syntax"),
    "key given twice": (broken("    kind: answer\n", "    kind: answer\n    kind: answer\n"),
                        "triage.yml:14: key 'kind' is given twice"),
    "unknown key": (broken("    unresolved: ask-login\n", "    unresolved: ask-login\n    colour: red\n"),
                    "triage.yml:17: login: unknown key 'colour' (allowed: articles, kind, text, title, unresolved)"),
    "unknown kind": (broken("kind: refer", "kind: redirect"), "triage.yml:18: not-a-user: unknown kind 'redirect'"),
    "start is no node": (broken("start: who", "start: whom"), "triage.yml:2: 'start' names no node: 'whom'"),
    "go is no node": (broken("go: login", "go: logn"), "triage.yml:9: who: leads to 'logn', which is no node"),
    "unresolved is no node": (broken("unresolved: ask-login", "unresolved: ask-logn"),
                              "triage.yml:16: login: leads to 'ask-logn', which is no node"),
    "cycle": (broken("    unresolved: ask-login\n", "    unresolved: who\n"), "login: cycle: who -> login -> who"),
    "unreachable": (broken("        go: not-a-user", "        go: login"), "triage.yml:17: not-a-user: cannot be reached from start"),
    "text empty in kk": (broken('kk: "Бізге емес"', 'kk: ""'), "triage.yml:19: not-a-user: 'title' is missing or empty in 'kk'"),
    "text missing in ru": (broken('{ru: "Вход", kk: "Кіру"}', '{kk: "Кіру"}'), "login: 'title' is missing or empty in 'ru'"),
    "bare string text": (broken('title: {ru: "Вход", kk: "Кіру"}', 'title: "Вход"'),
                         "login: 'title' must be a mapping {ru: ..., kk: ...}"),
    "article missing": (broken("account/login.md,", "account/logout.md,"),
                        "login: article 'account/logout.md' does not exist in docs/ru/"),
    "anchor missing": (broken("faq.md#forgot-password", "faq.md#lost-password"),
                       "login: anchor '#lost-password' is not on docs/kk/faq.md"),
    "rule missing": (broken('rules: ["30-12"]', 'rules: ["30-20"]'), "not-a-user: rule '30-20' is not on the rules page"),
    "refer without contacts": (broken("    contacts: [education-department]\n", ""),
                               "not-a-user: a refer node needs 'contacts': who answers instead, ids from docs/contacts.yml"),
    "contact missing": (broken("contacts: [education-department]", "contacts: [akimat]"),
                        "not-a-user: contact 'akimat' is not in docs/contacts.yml"),
    "topic missing": (broken("topic: account-login", "topic: account-logout"),
                      "ask-login: topic 'account-logout' is not in docs/topics.yml"),
    "one choice": (broken("""      - label: {ru: "Не пользователь", kk: "Пайдаланушы емеспін"}
        go: not-a-user
""", ""), "who: a question needs two or more choices, it has 1"),
    "form without fields": (GOOD[:GOOD.index("    fields:")] + "    fields: []\n", "ask-login: a form needs at least one field"),
    "select without options": (broken('options: [{ru: "Компьютер", kk: "Компьютер"}]', "options: []"),
                               "ask-login: select 'device' has no options"),
    "two fields one id": (broken("      - id: device", "      - id: description"),
                          "ask-login: two fields have the id 'description'"),
    "unknown field type": (broken("type: select", "type: radio"), "field 'device' has unknown type 'radio'"),
    "minimum past the maximum": (broken("min_length: 30", "min_length: 5000"),
                                 "triage.yml:32: ask-login: field 'description': 'min_length' 5000 is more than a "
                                 "textarea field takes (3000 characters)"),
    # Values of the wrong type: one located line each, never a TypeError.
    "start given as a list": (broken("start: who", "start: [who]"), "triage.yml:2: 'start' must be a text, not a list"),
    "articles given as a text": (broken("articles: [account/login.md, faq.md#forgot-password]", "articles: account/login.md"),
                                 "triage.yml:15: login: 'articles' must be a list, not a text"),
    "choices given as a text": (broken("""    choices:
      - label: {ru: "Родитель", kk: "Ата-ана"}
        go: login
      - label: {ru: "Не пользователь", kk: "Пайдаланушы емеспін"}
        go: not-a-user
""", "    choices: login\n"), "triage.yml:7: who: 'choices' must be a list, not a text"),
    "rule given as a mapping": (broken('rules: ["30-12"]', 'rules: [{n: "30-12"}]'),
                                "triage.yml:21: not-a-user: 'rules[1]' must be a text, not a mapping"),
    "unhashable key": (broken("    kind: answer\n", "    kind: answer\n    [a]: b\n"), "a key must be a text"),
}


@pytest.mark.parametrize("name", CASES)
def test_each_broken_rule_is_one_clear_line(tmp_path, name):
    text, expected = CASES[name]
    lines = problems(tmp_path, text)
    assert any(expected in line for line in lines), lines
    assert all(line.startswith(str(tmp_path / "triage.yml")) for line in lines)


def test_all_problems_are_reported_together(tmp_path):
    text = broken("go: login", "go: logn").replace("topic: account-login", "topic: nope")
    lines = problems(tmp_path, text)
    assert len(lines) >= 2
