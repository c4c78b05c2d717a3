"""The pages' scripts as few files as a slow connection needs. Each module a page loads
(ENTRIES: the form's, the chat state's, the notices', the search box's) is bundled with the modules
it imports by esbuild (pinned in package.json, installed by `npm ci`; bin/setup does it), the code
two entries share in shared chunks (`kb/chunk-*.js`), so that a page still has one instance of each
module (the clock's skew, the one calendar request); and every page announces the chunks its
scripts import with <link rel="modulepreload"> before them. On Slow 3G (2 s a round trip, six
connections) the form's fourteen modules took four rounds of requests, now one (benchmark/serving.md).

The sources stay as they are (vanilla modules, one per concern, in overrides/assets/javascripts/) and
stay in the site beside the bundles: the search worker imports its modules unbundled.

A module names a file of ours (`new URL("../../support-calendar.json", import.meta.url)`) from its
own folder; inside a bundle, the code of kb/ and search/ lives in one file, so before bundling each
such path is written from `assets/javascripts/` ("../search/search-folding.json" rather than
"./search-folding.json"), which reads the same from every folder beside it; the bundles and chunks
are written there (kb/, search/). Then the content-hashed names (fingerprints) follow."""
from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..build.context import BuildContext, BuildProblem
from .fingerprints import js_strings

SCRIPTS = "assets/javascripts"
ENTRIES = ("kb/ask-page.js", "kb/chat-state-page.js", "kb/notices-page.js", "search/search-box.js")
SOURCES = ("kb", "search")  # folders of SCRIPTS whose modules the entries may import
CHUNKS = "kb/chunk-[hash]"
# An import specifier: after `from`, `import` or `import(` (esbuild resolves those itself).
_SPECIFIER = re.compile(r"(?:\bfrom|\bimport)\s*\(?\s*$")
_MODULE_SCRIPT_START = '<script type="module"'
_MODULE_SCRIPT = re.compile(re.escape(_MODULE_SCRIPT_START) + r"""(?: async)? src="([^"]+)"></script>""")
_STATIC_IMPORT = re.compile(r"""(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}/[^"']+)["']""")


# The checkout this package is installed from (editable: `pip install -e .`, bin/setup, the Dockerfile),
# and the one whose virtual environment runs the build (bin/setup's .venv, README's `v`).
CHECKOUT = Path(__file__).resolve().parents[2]
ENVIRONMENT = Path(sys.prefix).resolve().parent


def esbuild(project: Path) -> Path:
    """The esbuild of the project being built, else of the checkout this package comes from or whose
    environment runs the build (a copy of the project elsewhere, as the tests make, builds with it)."""
    for folder in (project, CHECKOUT, ENVIRONMENT):
        found = folder / "node_modules" / ".bin" / "esbuild"
        if found.exists():
            return found
    raise BuildProblem(f"{project / 'node_modules/.bin/esbuild'} is missing: the pages' scripts are bundled with "
                       "esbuild (package.json); run `npm ci --ignore-scripts` in the project's folder (bin/setup does it)")


def from_scripts_folder(folder: str, source: str) -> str:
    """The module's own paths to files (not its imports), written from assets/javascripts/."""
    for start, end, literal in sorted(js_strings(source), reverse=True):
        if not literal.startswith(("./", "../")) or "${" in literal or _SPECIFIER.search(source[:start]):
            continue
        target = posixpath.normpath(posixpath.join(SCRIPTS, folder, literal))
        source = source[:start + 1] + "../" + posixpath.relpath(target, SCRIPTS) + source[end - 1:]
    return source


def bundle(scripts: Path, project: Path) -> None:
    """Bundles ENTRIES of the site's scripts folder in place (writing their chunks beside them); a
    site without them (the core's tests write no theme files) has nothing to bundle."""
    entries = [entry for entry in ENTRIES if (scripts / entry).is_file()]
    if not entries:
        return
    try:
        tool = esbuild(project)
    except BuildProblem as missing:
        # `pip install -r requirements.lock` alone must still build a working site: the pages then
        # load the modules unbundled (announce_imports preloads their whole graph), only slower on a
        # slow connection. Said on stderr, not as a warning, so that `mkdocs build --strict` passes.
        print(f"support-kb: the pages' scripts are not bundled: {missing}", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        for folder in SOURCES:
            for file in (scripts / folder).rglob("*.js"):
                target = work / file.relative_to(scripts)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(from_scripts_folder(folder, file.read_text(encoding="utf-8")), encoding="utf-8")
        command = [str(tool), *entries, "--bundle", "--splitting", "--format=esm", "--minify", "--charset=utf8",
                   f"--outdir={scripts}", f"--outbase={work}", f"--chunk-names={CHUNKS}", "--allow-overwrite",
                   "--log-level=warning"]
        result = subprocess.run(command, cwd=work, capture_output=True, text=True)
        if result.returncode or result.stderr.strip():
            raise BuildProblem("esbuild could not bundle the pages' scripts:\n" + (result.stderr or result.stdout))


def static_imports(scripts: Path, module: str) -> list[str]:
    """Paths (inside the scripts folder) of the modules a built module imports statically, directly or not."""
    found, queue = [], [module]
    while queue:
        current = queue.pop(0)
        for specifier in _STATIC_IMPORT.findall((scripts / current).read_text(encoding="utf-8")):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(current), specifier))
            if path not in found and path != module:
                found.append(path)
                queue.append(path)
    return found


def chunk_imports(scripts: Path) -> dict[str, list[str]]:
    """Each bundled entry of the scripts folder -> the chunks it imports statically, directly or not."""
    return {entry: static_imports(scripts, entry) for entry in ENTRIES if (scripts / entry).is_file()}


def announce_imports(html: str, imports: dict[str, list[str]]) -> str:
    """Before each module script of a page, a modulepreload link for each chunk it imports
    (`imports`: chunk_imports), once per page (support_kb.build.outputs.rewrite_built_pages)."""
    announced: set[str] = set()

    def preloads(match: re.Match) -> str:
        src = match[1]
        entry = next((e for e in imports if src.split("?")[0].endswith(f"{SCRIPTS}/{e}")), None)
        links = []
        for chunk in imports.get(entry, []):
            href = posixpath.normpath(posixpath.join(posixpath.dirname(src), posixpath.relpath(chunk, posixpath.dirname(entry))))
            if href not in announced:
                announced.add(href)
                links.append(f'<link rel="modulepreload" href="{href}">\n')
        return "".join(links) + match[0]

    # What _MODULE_SCRIPT.sub(preloads, html) gives, with the scripts found by str.find (which the
    # regular expression engine's scan for them is four times slower than).
    pieces, done, start = [], 0, html.find(_MODULE_SCRIPT_START)
    while start >= 0:
        match = _MODULE_SCRIPT.match(html, start)
        if match:
            pieces += [html[done:start], preloads(match)]
            done = match.end()
        start = html.find(_MODULE_SCRIPT_START, match.end() if match else start + 1)
    return "".join(pieces) + html[done:] if pieces else html


def write_bundles(ctx: BuildContext) -> None:
    scripts = ctx.site.output / SCRIPTS
    bundle(scripts, ctx.site.overrides.parent)
    ctx.chunk_imports = chunk_imports(scripts)  # by the plain names, before fingerprints renames them
