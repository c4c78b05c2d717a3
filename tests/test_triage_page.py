"""The /ask/ page as built: every node of the tree in both languages, working by links alone."""
import posixpath
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import DOCS, LANGUAGES, ROOT, SITE_URL, run_build
from support_kb.checks import run
from support_kb.data import knowledge_base

KB = knowledge_base.read(DOCS)
TREE = KB.tree()


def ask_page(build, lang):
    return build.page("ask/" if lang == "ru" else "kk/ask/")


def resolve(build, page_path: str, href: str) -> Path:
    """The built file a relative link from a page points to."""
    target = urlsplit(urljoin(SITE_URL + page_path, href)).path.lstrip("/")
    file = build.site / target
    return file / "index.html" if target.endswith("/") or target == "" else file


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_node_is_rendered_once_with_its_texts(build, lang):
    soup = ask_page(build, lang)
    rendered = [el["data-node"] for el in soup.select("[data-node]")]
    assert rendered == list(TREE.nodes)
    for node in TREE.nodes.values():
        element = soup.select_one(f'[data-node="{node.id}"]')
        assert element.h2.get_text(strip=True) == node.title[lang]
        if node.text:
            assert node.text[lang] in element.get_text(" ", strip=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_choices_are_links_named_by_their_labels_and_resolve(build, lang):
    soup = ask_page(build, lang)
    ids = {el.get("id") for el in soup.select("[id]")}
    for node in TREE.nodes.values():
        element = soup.select_one(f'[data-node="{node.id}"]')
        links = element.select("a[data-triage-go]")
        expected = [(c.label[lang], c.go) for c in node.choices]
        if node.kind == "answer":
            expected = [(None, node.unresolved)]
        for link, (label, go) in zip(links, expected, strict=True):
            if label:
                assert link.get_text(strip=True) == label
            assert link["href"] == f"#{go}" and go in ids


@pytest.mark.parametrize("lang", LANGUAGES)
def test_answer_nodes_offer_their_articles_then_the_two_outcomes(build, lang):
    path = "ask/" if lang == "ru" else "kk/ask/"
    soup = ask_page(build, lang)
    for node in (n for n in TREE.nodes.values() if n.kind == "answer"):
        element = soup.select_one(f'[data-node="{node.id}"]')
        articles = element.select("[data-triage-article]")
        assert len(articles) == len(node.articles)
        for item, article in zip(articles, node.articles):
            page = KB.pages[lang][article.split("#")[0]]
            link = item.a
            assert resolve(build, path, link["href"]).is_file(), link["href"]
            assert link.get_text(strip=True) in (page.title, page.heading(article.partition("#")[2]))
            assert item.select_one(".triage__summary").get_text(strip=True)  # its first sentence
        assert element.select_one("[data-triage-solved]")["href"] == "#solved"
        assert element.select_one("[data-triage-unresolved]")["href"] == f"#{node.unresolved}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_refer_nodes_cite_rules_that_exist(build, lang):
    path = "ask/" if lang == "ru" else "kk/ask/"
    soup = ask_page(build, lang)
    rules_page = build.page("rules/" if lang == "ru" else "kk/rules/")
    for node in (n for n in TREE.nodes.values() if n.kind == "refer"):
        links = soup.select_one(f'[data-node="{node.id}"]').select('a[href*="rules/#"]')
        assert [a.get_text() for a in links] == node.rules
        for link in links:
            assert resolve(build, path, link["href"]).is_file()
            assert rules_page.find(id=link["href"].split("#")[1])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_forms_label_every_field_and_show_a_template_without_script(build, lang):
    soup = ask_page(build, lang)
    for node in (n for n in TREE.nodes.values() if n.kind == "form"):
        element = soup.select_one(f'[data-node="{node.id}"]')
        for control in element.select("input, textarea, select"):
            label = soup.select_one(f'label[for="{control["id"]}"]')
            assert label is not None and label.get_text(strip=True), control["id"]
        template = element.select_one("[data-triage-template] pre").get_text()
        for field in node.fields:
            assert f"{field.label[lang]}:" in template
        assert KB.topics[node.topic].title[lang] in template
    composer = soup.select_one("[data-triage-composer]")
    assert composer.select_one("[data-triage-message]") is not None
    assert len(soup.select("[data-triage-message]")) == 1
    for control in composer.select("input"):
        assert soup.select_one(f'label[for="{control["id"]}"]')
    assert "rules/" in composer.select_one('label[for="triage-rules"] a')["href"]


def test_every_topic_is_reachable_from_start():
    assert run.topics_reachable(KB, TREE) == []


def test_every_form_is_behind_an_answer_node():
    """No path from start reaches a form without first offering articles."""
    assert run.forms_behind_answers(TREE) == []


def test_both_roles_reach_their_forms():
    parents_of = {"parent": "account-register", "staff": "staff-enrolment"}
    for role, topic in parents_of.items():
        form = next(n for n in TREE.nodes.values() if n.topic == topic)
        sub = knowledge_base.triage.Tree(role, TREE.nodes)
        assert form.id in sub.distances()


def test_a_broken_tree_fails_the_build_with_a_clear_line(tmp_path):
    project = tmp_path / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    tree = project / "docs" / "triage.yml"
    tree.write_text(tree.read_text(encoding="utf-8").replace("go: login-help", "go: login-hlep"), encoding="utf-8")
    result = run_build(tmp_path / "site", project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "triage.yml:" in output and "sign-in: leads to 'login-hlep', which is no node" in output
    assert "Traceback" not in output


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_forms_script_is_one_bundle_that_announces_what_it_imports(build, lang):
    """On a slow connection each level of imports costs a round trip, and six connections serve a
    page: the form's script is one file (esbuild) importing at most two chunks it shares with every
    page's script, each announced before it (modulepreload), and it starts without waiting for the
    rest of the page (async)."""
    from support_kb.serving import bundles

    path = "ask/" if lang == "ru" else "kk/ask/"
    page = ask_page(build, lang)
    [script] = [s for s in page.select('script[type="module"]') if "/kb/ask-page." in s["src"]]
    assert script.has_attr("async")
    scripts = build.site / bundles.SCRIPTS
    module = resolve(build, path, script["src"]).relative_to(scripts).as_posix()
    imported = bundles.static_imports(scripts, module)
    assert 1 <= len(imported) <= 2 and all(posixpath.basename(p).startswith("chunk-") for p in imported), imported
    preloaded = [resolve(build, path, link["href"]).relative_to(scripts).as_posix()
                 for link in page.select('link[rel="modulepreload"]')]
    assert set(imported) <= set(preloaded) and len(preloaded) == len(set(preloaded))


def test_every_refer_screen_says_who_answers_and_how_to_reach_them(build):
    """Each "not our question" node names at least one contact of docs/contacts.yml, with its
    number or address from that file (never typed into the tree), in both languages."""
    from conftest import DOCS
    from support_kb.content import contacts as contacts_file
    from support_kb.data import knowledge_base

    contacts = contacts_file.load(DOCS / "contacts.yml")
    refer = [node for node in knowledge_base.read(DOCS).tree().nodes.values() if node.kind == "refer"]
    assert refer
    for lang, path in (("ru", "ask/"), ("kk", "kk/ask/")):
        page = build.page(path)
        for node in refer:
            shown = page.select(f'[data-node="{node.id}"] [data-contact]')
            assert len(shown) >= 1 and [item["data-contact"] for item in shown] == node.contacts, (lang, node.id)
            for item in shown:
                contact = contacts[item["data-contact"]]
                assert contact.name[lang] in item.get_text(" ", strip=True)
                links = {a["href"] for a in item.select("a[href]")}
                assert links == {href for href in (contact.phone and f"tel:{contact.phone}", contact.url) if href}, (lang, node.id)


def test_the_contacts_file_catches_an_editors_mistakes(tmp_path):
    import pytest
    from support_kb.content import contacts as contacts_file
    from support_kb.data.datafile import DataProblems

    path = tmp_path / "contacts.yml"
    path.write_text('contacts:\n  call-centre:\n    name: {ru: "Контакт-центр", kk: ""}\n    how: {ru: "Звоните", kk: "Қоңырау шалыңыз"}\n'
                    '    phone: "14-14"\n  site:\n    name: {ru: "Сайт", kk: "Сайт"}\n    how: {ru: "Смотрите", kk: "Қараңыз"}\n'
                    '    url: "egov.kz"\n', encoding="utf-8")
    with pytest.raises(DataProblems) as error:
        contacts_file.load(path)
    lines = str(error.value).splitlines()
    assert any(line.startswith(f"{path}:3: call-centre:") and "'name'" in line and "'kk'" in line for line in lines), lines
    assert any(line.startswith(f"{path}:5: call-centre:") and "phone '14-14'" in line for line in lines), lines
    assert any(line.startswith(f"{path}:9: site:") and "url 'egov.kz' must be a whole https:// address" in line for line in lines), lines
