"""Pages are written without the templates' indentation between tags (support_kb/build/html.py,
collapse_whitespace): a run of whitespace between two tags becomes one newline or one space, never
nothing, and the elements that keep their whitespace are left as they are; a page reads the same."""
from __future__ import annotations

import functools
import re

import pytest

import jinja2

from support_kb.build.html import collapse_template_whitespace, collapse_whitespace
from support_kb.build.templates import WithoutIndentation


def test_the_indentation_between_tags_goes_and_nothing_else():
    html = ('<div>\n    <p>a <b>b</b>\n  c</p>\n\n  <pre>x\n   <span>y</span>\n</pre>  <textarea>\n  t\n</textarea>\n'
            ' <code>a  <span>b</span>\n  <i>c</i></code>\n<script>if (a >\n  <b) {}</script><p title="x">  <a>y</a>  </p></div>')
    assert collapse_whitespace(html) == (
        '<div>\n<p>a <b>b</b>\n  c</p>\n<pre>x\n   <span>y</span>\n</pre> <textarea>\n  t\n</textarea>\n'
        '<code>a  <span>b</span>\n  <i>c</i></code>\n<script>if (a >\n  <b) {}</script><p title="x"> <a>y</a> </p></div>')
    # an element that keeps its whitespace and is not closed keeps the rest of the page as it is
    assert collapse_whitespace('<p>a</p>\n\n<PRE>x\n  <b>y</b>  <i>z</i>') == '<p>a</p>\n<PRE>x\n  <b>y</b>  <i>z</i>'


TEMPLATE = """<ul>
  {% for item in items %}
    {% if item %}
      <li>
        {{ item }}
      </li>
    {% endif %}
  {% endfor %}
</ul>
<pre>
  {% for item in items %}  {{ item }}
  {% endfor %}
</pre> <b>a</b>  <i>b</i>
"""


def test_a_template_compiles_without_its_indentation_and_renders_the_same_text():
    """The templates lose their indentation once, when they compile (the pages then need little of
    collapse_whitespace): each run with a newline between a tag or a Jinja tag and the next becomes
    one newline; inside <pre> and runs within a line nothing changes."""
    assert collapse_template_whitespace(TEMPLATE) == (
        "<ul>\n{% for item in items %}\n{% if item %}\n<li>\n{{ item }}\n</li>\n{% endif %}\n{% endfor %}\n</ul>\n"
        "<pre>\n  {% for item in items %}  {{ item }}\n  {% endfor %}\n</pre> <b>a</b>  <i>b</i>\n")
    plain, collapsed = (jinja2.Environment(extensions=extensions).from_string(TEMPLATE).render(items=["x", "", "y"])
                        for extensions in ([], [WithoutIndentation]))
    pre = "<pre>\n    x\n    \n    y\n  \n</pre>"
    assert collapse_whitespace(plain) == "<ul>\n<li>\n        x\n      </li>\n<li>\n        y\n      </li>\n</ul>\n" + pre + " <b>a</b> <i>b</i>"
    # the text beside a tag loses its indentation too (it was whitespace, it is whitespace), <pre> keeps its own
    assert collapse_whitespace(collapsed) == "<ul>\n<li>\nx\n</li>\n<li>\ny\n</li>\n</ul>\n" + pre + " <b>a</b> <i>b</i>"


def test_the_built_pages_carry_no_indentation_between_tags(build):
    kept = re.compile(r"<(pre|textarea|script|style|code|kbd)\b.*?</\1\s*>", re.S | re.I)
    for file in build.html_pages():
        html = kept.sub("<kept></kept>", file.read_text(encoding="utf-8"))
        assert not re.search(r">\s{2,}<", html), file.relative_to(build.site)


def _indented(html: str) -> str:
    """The page with indentation put back between its tags (outside the elements that keep theirs)."""
    parts = re.split(r"(<(?:pre|textarea|script|style|code|kbd)\b.*?</(?:pre|textarea|script|style|code|kbd)\s*>)",
                     html, flags=re.S | re.I)
    return "".join(part if index % 2 else part.replace(">\n<", ">\n        \n      <").replace("> <", ">   <")
                   for index, part in enumerate(parts))


def _fulfill(body, route):
    route.fulfill(body=body, content_type="text/html; charset=utf-8")


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "account/sms-code/", "ask/", "kk/rules/", "faq/", "kk/support/hours/"])
def test_a_page_reads_the_same_as_with_its_indentation(browser, build, site_server, path):
    """Chromium renders alike (the text a reader sees, line by line; JavaScript off, so that only the
    markup counts) the page with indentation between its tags as the templates wrote it, that page
    collapsed again, and the page as the build wrote it."""
    html = (build.site / path / "index.html").read_text(encoding="utf-8")
    indented = _indented(html)
    assert indented != html and collapse_whitespace(indented) != indented
    seen = []
    context = browser.new_context(locale="ru-RU", java_script_enabled=False)
    try:
        page = context.new_page()
        for body in (indented, collapse_whitespace(indented), html):
            page.route(site_server + path, functools.partial(_fulfill, body))
            page.goto(site_server + path)
            seen.append(page.evaluate("document.body.innerText"))
            page.unroute(site_server + path)
    finally:
        context.close()
    assert seen[0] == seen[1] == seen[2]
    assert len(seen[0]) > 200
