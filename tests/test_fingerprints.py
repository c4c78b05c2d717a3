"""Content-hashed names of the site's own assets (support_kb/serving/fingerprints.py): every asset
a page or a script of ours refers to has its content's hash in its name and is there, and a
reference the build cannot rewrite fails the build with its file and line."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support_kb.build.context import BuildProblem
from support_kb.build.html import splice
from support_kb.serving import fingerprints

MATERIAL = Path(importlib.util.find_spec("material").submodule_search_locations[0]) / "templates"


def material_assets(site: Path | None = None) -> set[str]:
    """Material's files; in a built site, also its bundle as the build rewrites it (material_patches)."""
    found = {p.relative_to(MATERIAL).as_posix() for p in (MATERIAL / "assets").rglob("*") if p.is_file()}
    return found | ({p.relative_to(site).as_posix() for p in (site / "assets/javascripts").glob("material-bundle.*.js")}
                    if site else set())


def is_hashed(site: Path, path: str) -> bool:
    """Named with the first 8 hex digits of the sha256 of what it holds."""
    match = fingerprints.HASHED_NAME.match(posixpath.basename(path))
    return bool(match) and hashlib.sha256((site / path).read_bytes()).hexdigest()[:8] == match["hash"]


def page_references(soup: BeautifulSoup) -> list[str]:
    """What a page loads: scripts, styles, preloads, its icon, and the search worker of its settings."""
    found = [tag["src"] for tag in soup.select("script[src]")]
    found += [tag["href"] for tag in soup.select("link[href]") if set(tag.get("rel", [])) & {"stylesheet", "modulepreload", "icon"}]
    found.append(json.loads(soup.select_one("#__config").get_text())["search"])
    return found


def resolve(page: str, reference: str, base: str = "/") -> str:
    path = reference.split("?")[0].split("#")[0]
    if path.startswith("/"):
        return posixpath.normpath(path).removeprefix(base).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def test_every_asset_a_page_references_is_hashed_and_there(build):
    material = material_assets()
    checked = set()
    for file in build.html_pages():
        page = file.relative_to(build.site).as_posix()
        for reference in page_references(build.page(page)):
            target = resolve(page, reference)
            assert (build.site / target).is_file(), (page, reference)
            if target not in material:
                assert is_hashed(build.site, target), (page, reference)
                checked.add(target)
    # every page's scripts and styles, the form's and the search's
    for plain in ("assets/javascripts/kb/chat-state-page.js", "assets/javascripts/kb/ask-page.js",
                  "assets/javascripts/search/search-box.js", "assets/javascripts/search/worker.js", "assets/stylesheets/kb.css"):
        assert build.asset(plain) in checked, plain


def test_every_file_a_script_of_ours_names_is_hashed_and_there(build):
    scripts = [p for p in (build.site / "assets").rglob("*.js") if p.relative_to(build.site).as_posix() not in material_assets(build.site)]
    named = set()
    for file in scripts:
        path = file.relative_to(build.site).as_posix()
        assert is_hashed(build.site, path), path
        for _, _, literal in fingerprints.js_strings(file.read_text(encoding="utf-8")):
            if literal.startswith(("./", "../")):
                target = resolve(path, literal)
                assert (build.site / target).is_file() and is_hashed(build.site, target), (path, literal)
                named.add(target)
    # the modules' imports, and the data they fetch: the calendar, the pages' settings, the search data, the stemmer's rules
    for plain in ("assets/javascripts/search/engine.js", "assets/support-calendar.json", "assets/page-settings/ru.json",
                  "assets/page-settings/kk.json", "search/ru.json", "search/kk.json",
                  "search/synonyms.json", "search/ranking.json", "assets/javascripts/search/kazakh-suffixes.json",
                  "assets/javascripts/search/search-folding.json"):
        assert build.asset(plain) in named, plain


def test_no_asset_of_ours_keeps_its_plain_name(build):
    material = material_assets()
    for folder in fingerprints.FOLDERS:
        for file in (build.site / folder).rglob("*"):
            path = file.relative_to(build.site).as_posix()
            if file.is_file() and path not in material and path not in fingerprints.FIXED:
                assert is_hashed(build.site, path), path


# ----------------------------------------------------------------------------- on a small folder

def small_site(tmp_path: Path, files: dict[str, str]) -> Path:
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    return tmp_path


SMALL = {
    "assets/js/kb/page.js": 'import { b } from "./b.js";\n// "./not-a-reference.js" in a comment, /\'/ in a regex\n'
                            'const quote = /[\'"]/;\nb();\n',
    "assets/js/kb/b.js": 'export const b = () => fetch(new URL("../../data.json", import.meta.url));\n',
    "assets/data.json": '{"a": 1}',
    "assets/kb.css": ".a { color: red }\n",
    "index.html": '<link rel="stylesheet" href="assets/kb.css"><script type="module" src="assets/js/kb/page.js"></script>',
    "sub/page/index.html": '<script type="module" src="../../assets/js/kb/page.js?x=1"></script>'
                           '<script type="application/json">{"worker": "../../assets/js/kb/b.js"}</script>',
    "404.html": '<script type="module" src="/help/assets/js/kb/page.js"></script>',
}


def test_leaves_are_hashed_first_and_every_reference_is_rewritten(tmp_path):
    site = small_site(tmp_path, SMALL)
    renamed = fingerprints.fingerprint(site, "https://example.kz/help/", set())
    assert set(renamed) == {"assets/js/kb/page.js", "assets/js/kb/b.js", "assets/data.json", "assets/kb.css"}
    assert all(is_hashed(site, path) and not (site / plain).exists() for plain, path in renamed.items())
    name = {plain: posixpath.basename(path) for plain, path in renamed.items()}
    assert f'new URL("../../{name["assets/data.json"]}", import.meta.url)' in (site / renamed["assets/js/kb/b.js"]).read_text()
    page = (site / renamed["assets/js/kb/page.js"]).read_text()
    assert f'from "./{name["assets/js/kb/b.js"]}"' in page and '"./not-a-reference.js"' in page
    assert (site / "index.html").read_text() == (f'<link rel="stylesheet" href="assets/{name["assets/kb.css"]}">'
                                                 f'<script type="module" src="{renamed["assets/js/kb/page.js"]}"></script>')
    sub = (site / "sub/page/index.html").read_text()
    assert f'src="../../{renamed["assets/js/kb/page.js"]}?x=1"' in sub and f'"../../{renamed["assets/js/kb/b.js"]}"' in sub
    assert f'src="/help/{renamed["assets/js/kb/page.js"]}"' in (site / "404.html").read_text()


def test_a_changed_leaf_renames_every_script_that_leads_to_it(tmp_path):
    first = fingerprints.fingerprint(small_site(tmp_path / "a", SMALL), "https://example.kz/help/", set())
    second = fingerprints.fingerprint(small_site(tmp_path / "b", {**SMALL, "assets/data.json": '{"a": 2}'}),
                                      "https://example.kz/help/", set())
    changed = {plain for plain in first if first[plain] != second[plain]}
    assert changed == {"assets/data.json", "assets/js/kb/b.js", "assets/js/kb/page.js"}  # not kb.css


def test_a_page_renamed_with_insertions_is_the_page_with_them_renamed(tmp_path):
    """The bundles' preloads are inserted while the page is renamed, in one copy of the page: the
    same page, and a wrong reference said at its line of the page with the insertions."""
    names = fingerprints.rename_assets(small_site(tmp_path, SMALL), "https://example.kz/help/", set())
    html = '<head>\n<link rel="stylesheet" href="assets/kb.css">\n<script type="module" src="assets/js/kb/page.js"></script>\n</head>\n'
    at = html.index("<script")
    b = names.renamed["assets/js/kb/b.js"]
    for href, renamed, problems in (
            ("assets/js/kb/b.js", f'<link rel="modulepreload" href="{b}">\n<script', []),
            ("js/kb/b.js", '<link rel="modulepreload" href="js/kb/b.js">\n<script',
             ["index.html:3: 'js/kb/b.js' names assets/js/kb/b.js from the wrong folder"])):
        insertions = [(at, at, f'<link rel="modulepreload" href="{href}">\n')]
        for rewrite in (lambda: names.rewrite_page("index.html", html, insertions),
                        lambda: names.rewrite_page("index.html", splice(html, insertions))):
            rewritten = rewrite()
            assert renamed in rewritten and names.renamed["assets/kb.css"] in rewritten
            assert [problem.split(" (")[0] for problem in names.problems] == problems
            names.problems.clear()
        assert names.rewrite_page("index.html", html, insertions) == names.rewrite_page("index.html", splice(html, insertions))
        names.problems.clear()


@pytest.mark.parametrize("files, problem", [
    ({"assets/js/a.js": 'fetch("data.json");\n'}, "assets/js/a.js:1: 'data.json': a file of the build named in a way"),
    ({"assets/js/a.js": 'const lang = "ru";\n\nfetch(`../${lang}.json`);\n'}, "assets/js/a.js:3: '../${lang}.json'"),
    ({"assets/js/a.js": 'import { x } from "./missing.js";\n'}, "assets/js/a.js:1: './missing.js' names no file of the build"),
    ({"sub/index.html": '<script src="assets/js/a.js"></script>'}, "sub/index.html:1: 'assets/js/a.js' names assets/js/a.js from the wrong folder"),
    ({"assets/js/a.js": 'import "./b.js";\n', "assets/js/b.js": 'import "./a.js";\n'},
     "in a circle cannot get content-hashed names: assets/js/a.js → assets/js/b.js → assets/js/a.js"),
])
def test_a_reference_the_build_cannot_rewrite_fails_it_with_file_and_line(tmp_path, files, problem):
    site = small_site(tmp_path, {"assets/data.json": "{}", "assets/js/a.js": "", **files})
    with pytest.raises(BuildProblem) as error:
        fingerprints.fingerprint(site, "/", set())
    assert problem in str(error.value)


def test_materials_files_and_the_fixed_names_keep_theirs_but_the_sites_icon(tmp_path):
    material = {"assets/javascripts/bundle.1234abcd.min.js", "assets/javascripts/lunr/tinyseg.js", "assets/images/favicon.png"}
    site = small_site(tmp_path, {**{path: "x" for path in material}, "search/search_index.json": "{}", "search/ru.json": "{}"})
    renamed = fingerprints.fingerprint(site, "/", material)
    assert sorted(renamed) == ["assets/images/favicon.png", "search/ru.json"]
    assert all((site / path).exists() for path in material - {"assets/images/favicon.png"} | {"search/search_index.json"})
