"""What an editor writes reaches the pages as text, and the policy allows exactly the theme's own
inline scripts: a script written into a portal label or a page title is shown as text (in the
navigation of every page too), one written into a page's body fails the build with the file and
line. Built from a copy of the site, as an editor's change would be."""
import re
import shutil

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from support_kb.content import plain_text, site_strings
from support_kb.serving import csp

SCRIPT = "<script>alert('editor')</script>"
MATERIAL = next(p for p in (ROOT / ".venv").glob("lib/python*/site-packages/material/templates"))


@pytest.fixture
def project(tmp_path):
    for part in ("docs", "overrides"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def edit(path, pattern, new):
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, new, text, count=1, flags=re.M)
    assert changed != text, pattern
    path.write_text(changed, encoding="utf-8")


def executed_scripts(soup):
    return [s for s in soup.find_all("script") if (s.get("type") or "").strip().lower() in csp.EXECUTED_TYPES]


def test_a_script_in_a_label_and_a_title_is_text_and_a_quoted_description_is_whole(project):
    edit(project / "docs/labels/ru.yml", r'^btn-support-chat: "', f'btn-support-chat: "{SCRIPT} *.pdf или *.jpg ')
    title = f"Вход {SCRIPT} & </title>"
    edit(project / "docs/ru/account/login.md", r"^title: .*$", f'title: "{title}"')
    description = 'Как войти: «ЭЦП» или "пароль" <и код>'
    edit(project / "docs/ru/account/login.md", r"^description: .*$", f"description: '{description}'")
    result = run_build(project / "site", project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    login = BeautifulSoup((site / "account/login/index.html").read_text(encoding="utf-8"), "lxml")
    assert login.title.get_text().startswith(title)
    assert login.select_one('meta[name="description"]')["content"] == description
    # The title in the navigation of another page, the label in the pages that name it: as written.
    faq = BeautifulSoup((site / "faq/index.html").read_text(encoding="utf-8"), "lxml")
    assert any(link.get_text(strip=True) == title for link in faq.select(".md-nav__link"))
    sms = BeautifulSoup((site / "account/sms-code/index.html").read_text(encoding="utf-8"), "lxml")
    assert f"{SCRIPT} *.pdf или *.jpg" in sms.select_one("article").get_text()
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        assert not any("alert" in (s.string or "") for s in executed_scripts(soup)), page


def test_a_script_in_a_page_fails_the_build_with_its_file_and_line(project):
    page = project / "docs/ru/faq.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, 1) if line.startswith("## ")) + 1
    lines.insert(number - 1, f"\n{SCRIPT}\n")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_build(project / "site", project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/ru/faq.md:{number + 1}: <script>: a script no template of the theme writes" in output
    assert "Traceback" not in output


def test_only_the_themes_own_script_elements_are_known():
    known = csp.known_scripts([ROOT / "overrides", MATERIAL])
    material = '<script>var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))</script>'
    scope = ('<script>__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
             '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
             '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}</script>')
    assert csp.is_known(material, known) and csp.is_known(scope, known)
    assert csp.is_known('<script type="module" src="../assets/javascripts/kb/ask-page.js"></script>', known)
    # The value a template fills in cannot leave its string; another script, or one with a src of its own, is not known.
    assert not csp.is_known(scope.replace('"../.."', '"../..",alert(1),"'), known)
    assert not csp.is_known(SCRIPT, known)
    assert not csp.is_known('<script src="evil.js"></script><script>alert(1)</script>', known)
    problems = csp.scan_page(f"<p>x</p>\n{SCRIPT}\n{material}", known=known).problems
    assert problems == [f"line 2: {csp.UNKNOWN_SCRIPT}"]
    assert csp.source_lines(problems, "# Title\n\ntext\n<script>x</script>\n") == [f"4: {csp.UNKNOWN_SCRIPT}"]


def test_a_label_is_plain_text_in_markdown():
    for label in ("*.pdf или *.jpg", "[Войти](javascript:x)", "a_b_c :smile: {#id} <b>&amp;</b>", "1. Шаг"):
        html = markdown.markdown(f"Нажмите **{plain_text.in_markdown(label)}**", extensions=["attr_list", "tables"])
        assert BeautifulSoup(html, "lxml").get_text() == f"Нажмите {label}"


# The loaders' mistakes (a `days:` of the wrong type, one id for two headings, …) fail the build the
# same way, through the same exception; their lines are asserted on the loaders themselves
# (test_data_vocabulary.py, test_support_calendar.py), which keeps the suite to one build here.
def test_a_string_deleted_while_python_reads_it_fails_the_build_with_its_use(project):
    edit(project / "docs/site-strings.yml", r"^search\.dialog:\n(  .*\n)+", "")
    used = site_strings.uses([ROOT / "support_kb"], ROOT)["search.dialog"]
    file, line, _ = next(use for use in used if use[0].endswith(".py"))  # Python reads it (the search dialog's name)
    expected = f"{file}:{line}: interface string 'search.dialog' is not in docs/site-strings.yml"
    result = run_build(project / "site", project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in output, output[-2000:]
    assert "Traceback" not in output
