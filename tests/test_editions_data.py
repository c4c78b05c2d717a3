"""Editors' mistakes in docs/rules-editions.yml fail with the file, the line and what is wrong."""
import datetime
import textwrap

import pytest

from support_kb.content import rules
from support_kb.data.datafile import DataProblem, DataProblems

KNOWN = [f"30-{n}" for n in range(1, 20)]


def problems_of(tmp_path, text):
    path = tmp_path / "rules-editions.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises((DataProblem, DataProblems)) as error:
        rules.load_editions(path, KNOWN)
    return str(error.value)


def test_a_valid_file_loads_newest_first(tmp_path):
    path = tmp_path / "rules-editions.yml"
    path.write_text(textwrap.dedent("""\
        editions:
          - date: 2027-02-01
            rules: ["30-8", "30-10"]
            summary: {ru: "Изменён режим работы.", kk: "Жұмыс тәртібі өзгертілді."}
          - date: 2026-11-25
            rules: all
            summary: {ru: "Первая редакция.", kk: "Бірінші редакция."}
        """), encoding="utf-8")
    editions = rules.load_editions(path, KNOWN, today=datetime.date(2027, 2, 1))
    assert [e.id for e in editions] == ["2027-02-01", "2026-11-25"]
    assert editions[0].rules == ("30-8", "30-10") and editions[1].rules == tuple(KNOWN)


@pytest.mark.parametrize("text, expected", [
    ("editions:\n  - date: 2026-11-25\n    rules: all\n    summary: {ru: a, kk: }\n",
     "rules-editions.yml:4: editions[1]: 'summary' is missing or empty in 'kk'"),
    ("editions:\n  - date: 2026-13-01\n    rules: all\n    summary: {ru: a, kk: b}\n",
     "rules-editions.yml:2: '2026-13-01' is not a real date"),
    ("editions:\n  - date: 25.11.2026\n    rules: all\n    summary: {ru: a, kk: b}\n",
     "rules-editions.yml:2: editions[1]: 'date' must be a date written YYYY-MM-DD"),
    ("editions:\n  - date: 2026-11-25\n    rules: [\"30-20\"]\n    summary: {ru: a, kk: b}\n",
     "rules-editions.yml:3: editions[1]: rule '30-20' is not on the rules page in both languages"),
    ("editions:\n  - date: 2026-11-25\n    rules: all\n    summary: {ru: a, kk: b}\n    author: me\n",
     "rules-editions.yml:5: editions[1]: unknown key 'author'"),
    ("editions:\n  - date: 2999-01-01\n    rules: all\n    summary: {ru: a, kk: b}\n",
     "rules-editions.yml:2: editions[1]: 2999-01-01 is in the future"),
    ("editions:\n  - date: 2026-11-25\n    date: 2026-11-26\n",
     "rules-editions.yml:3: key 'date' is given twice"),
    ("editions:\n  - date: 2026-11-25\n    rules: [all\n",
     "rules-editions.yml:4: YAML syntax"),
    ("editions:\n  - date: 2026-01-01\n    rules: all\n    summary: {ru: a, kk: b}\n"
     "  - date: 2026-11-25\n    rules: all\n    summary: {ru: a, kk: b}\n",
     "editions must be listed newest first"),
])
def test_each_mistake_is_named_with_its_line(tmp_path, text, expected):
    assert expected in problems_of(tmp_path, text)


def test_every_problem_is_reported_at_once(tmp_path):
    message = problems_of(tmp_path, "editions:\n  - date: x\n    rules: []\n    summary: {ru: a}\n")
    assert len(message.splitlines()) == 3
