"""ProperDocs 1.6.7, the drop-in fork of MkDocs 1.x (PyPI), builds this site exactly as MkDocs does:
the same files with the same bytes, but for the generator tag. Its venv (.venv-properdocs, from
requirements-properdocs.lock) is made by bin/setup --tests."""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from conftest import ROOT, run_build

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site_as_mkdocs(build, tmp_path):
    assert PROPERDOCS.exists(), "run bin/setup --tests: it makes .venv-properdocs from requirements-properdocs.lock"
    site = tmp_path / "properdocs-site"
    # The same clock as the MkDocs build: the notices feed is dated by the build when it has no entry.
    updated = ET.parse(build.site / "notices" / "feed.xml").getroot().findtext("{http://www.w3.org/2005/Atom}updated")
    epoch = str(int(dt.datetime.fromisoformat(updated).timestamp()))
    result = run_build(site, generator=(str(PROPERDOCS),), SOURCE_DATE_EPOCH=epoch)
    assert result.returncode == 0, f"properdocs build --strict failed:\n{result.stdout}{result.stderr}"
    ours = {p.relative_to(build.site) for p in build.site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(site) for p in site.rglob("*") if p.is_file()}
    assert sorted(map(str, ours ^ theirs)) == []
    differing = [str(path) for path in sorted(ours)
                 if GENERATOR.sub(b"", (build.site / path).read_bytes()) != GENERATOR.sub(b"", (site / path).read_bytes())]
    assert differing == []
    assert b"ProperDocs" in (site / "index.html").read_bytes()  # the comparison did run ProperDocs
