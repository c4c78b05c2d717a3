"""Shared fixtures: one strict build of the whole site per test session, and its pages."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGUAGES = ("ru", "kk")
SITE_URL = "https://help.example.kz/"


@dataclass
class Build:
    site: Path
    output: str

    def html_pages(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))

    def page(self, path: str) -> BeautifulSoup:
        """A built page by its site path, e.g. 'kk/rules/' or '404.html'."""
        file = self.site / path
        if file.is_dir() or path.endswith("/") or path == "":
            file = file / "index.html"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")


def run_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    """`mkdocs build --strict`, without -q: quiet mode hides warnings from strict mode's count."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    site = tmp_path_factory.mktemp("site")
    result = run_build(site)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{output}"
    return Build(site, output)


def language_of_path(relative: Path) -> str:
    return "kk" if relative.parts[:1] == ("kk",) else "ru"


def content_pages(build: Build) -> list[Path]:
    """Every built HTML page except the search and 404 pages, relative to the site."""
    return [p.relative_to(build.site) for p in build.html_pages() if p.name == "index.html"]
