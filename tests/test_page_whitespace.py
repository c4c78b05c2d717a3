"""Pages are written without the templates' indentation between tags (support_kb/build/html.py,
collapse_whitespace): a run of whitespace between two tags becomes one newline or one space, never
nothing, and the elements that keep their whitespace are left as they are; a page reads the same."""
from __future__ import annotations

import functools
import re

import pytest

from support_kb.build.html import collapse_whitespace


def test_the_indentation_between_tags_goes_and_nothing_else():
    html = ('<div>\n    <p>a <b>b</b>\n  c</p>\n\n  <pre>x\n   <span>y</span>\n</pre>  <textarea>\n  t\n</textarea>\n'
            ' <code>a  <span>b</span>\n  <i>c</i></code>\n<script>if (a >\n  <b) {}</script><p title="x">  <a>y</a>  </p></div>')
    assert collapse_whitespace(html) == (
        '<div>\n<p>a <b>b</b>\n  c</p>\n<pre>x\n   <span>y</span>\n</pre> <textarea>\n  t\n</textarea>\n'
        '<code>a  <span>b</span>\n  <i>c</i></code>\n<script>if (a >\n  <b) {}</script><p title="x"> <a>y</a> </p></div>')
    # an element that keeps its whitespace and is not closed keeps the rest of the page as it is
    assert collapse_whitespace('<p>a</p>\n\n<PRE>x\n  <b>y</b>  <i>z</i>') == '<p>a</p>\n<PRE>x\n  <b>y</b>  <i>z</i>'


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
