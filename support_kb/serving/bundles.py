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
are written there (kb/, search/). Then the content-hashed names (fingerprints) follow.

esbuild runs while the pages are built (its inputs are the theme's source files: `start`, from the
plugin's on_env), and what it made is kept in the build's cache folder under esbuild's version, its
options and the sources' text: a later build with the same scripts reads the bundles back (esbuild
took 0.1 s of CPU and 0.17 s on every build of the site)."""
from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
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


def _version(tool: Path) -> str:
    """What names the esbuild that runs: its package's version (node_modules/esbuild/package.json)."""
    binary = tool.resolve()
    package = binary.parents[1] / "package.json"
    if package.is_file():
        return package.read_text(encoding="utf-8")
    stat = binary.stat()
    return f"{binary}:{stat.st_size}:{stat.st_mtime_ns}"


class Pending:
    """The bundles of the pages' scripts, made by esbuild in another thread while the pages are
    built (its inputs are source files), or read back from the cache folder when an earlier build
    with the same esbuild, options and sources kept them there. `sources`: each module's path in
    SCRIPTS (kb/ask-page.js) -> its file; `result()` is {path in SCRIPTS: content} of the bundles
    and chunks, or None without esbuild (the pages then keep their modules unbundled)."""

    def __init__(self, sources: dict[str, Path], project: Path, cache: Path | None = None):
        self.missing: BuildProblem | None = None
        pool = ThreadPoolExecutor(max_workers=1)
        self._future = pool.submit(self._bundle, sources, project, cache)
        pool.shutdown(wait=False)

    def result(self) -> dict[str, bytes] | None:
        return self._future.result()

    def _bundle(self, sources: dict[str, Path], project: Path, cache: Path | None) -> dict[str, bytes] | None:
        entries = [entry for entry in ENTRIES if entry in sources]
        if not entries:
            return {}
        try:
            tool = esbuild(project)
        except BuildProblem as missing:
            self.missing = missing
            return None
        written = {path: from_scripts_folder(path.split("/")[0], file.read_text(encoding="utf-8"))
                   for path, file in sorted(sources.items()) if path.split("/")[0] in SOURCES and path.endswith(".js")}
        options = [*entries, "--bundle", "--splitting", "--format=esm", "--minify", "--charset=utf8",
                   f"--chunk-names={CHUNKS}", "--log-level=warning"]
        digest = hashlib.sha256(repr((_version(tool), options, sorted(written.items()))).encode("utf-8")).hexdigest()
        kept = cache / f"bundles-{digest[:16]}" if cache is not None else None
        if kept is not None and kept.is_dir():
            try:
                return {file.relative_to(kept).as_posix(): file.read_bytes() for file in kept.rglob("*") if file.is_file()}
            except OSError:
                pass  # unreadable: bundled again
        with tempfile.TemporaryDirectory() as work:
            work = Path(work)
            for path, text in written.items():
                (work / "in" / path).parent.mkdir(parents=True, exist_ok=True)
                (work / "in" / path).write_text(text, encoding="utf-8")
            result = subprocess.run([str(tool), *options, f"--outdir={work / 'out'}", f"--outbase={work / 'in'}"],
                                    cwd=work / "in", capture_output=True, text=True)
            if result.returncode or result.stderr.strip():
                raise BuildProblem("esbuild could not bundle the pages' scripts:\n" + (result.stderr or result.stdout))
            if kept is not None:
                _keep(work / "out", kept)
            return {file.relative_to(work / "out").as_posix(): file.read_bytes()
                    for file in (work / "out").rglob("*") if file.is_file()}


def _keep(made: Path, kept: Path) -> None:
    """Kept whole or not at all (another build may read it meanwhile)."""
    partial = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
    try:
        shutil.copytree(made, partial)
        partial.rename(kept)
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)  # a read-only checkout, or another build kept them first


def site_sources(scripts: Path) -> dict[str, Path]:
    """The modules of the site's scripts folder as MkDocs copied them there (for a build that did
    not start the bundling earlier: the core's own tests)."""
    return {file.relative_to(scripts).as_posix(): file for folder in SOURCES for file in (scripts / folder).rglob("*.js")}


def bundle(scripts: Path, project: Path, pending: Pending | None = None) -> None:
    """Bundles ENTRIES of the site's scripts folder in place (writing their chunks beside them); a
    site without them (the core's tests write no theme files) has nothing to bundle."""
    pending = pending or Pending(site_sources(scripts), project)
    bundled = pending.result()
    if bundled is None:
        # `pip install -r requirements.lock` alone must still build a working site: the pages then
        # load the modules unbundled (preloads announces their whole graph), only slower on a
        # slow connection. Said on stderr, not as a warning, so that `mkdocs build --strict` passes.
        print(f"support-kb: the pages' scripts are not bundled: {pending.missing}", file=sys.stderr)
        return
    for path, content in bundled.items():
        (scripts / path).parent.mkdir(parents=True, exist_ok=True)
        (scripts / path).write_bytes(content)


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


def preloads(html: str, imports: dict[str, list[str]]) -> list[tuple[int, int, str]]:
    """Before each module script of a page, a modulepreload link for each chunk it imports
    (`imports`: chunk_imports), once per page: as insertions (start, start, links), which
    support_kb.build.outputs.rewrite_built_pages makes with the fingerprints' new names."""
    announced: set[str] = set()

    def links(match: re.Match) -> tuple[int, int, str]:
        src = match[1]
        entry = next((e for e in imports if src.split("?")[0].endswith(f"{SCRIPTS}/{e}")), None)
        found = []
        for chunk in imports.get(entry, []):
            href = posixpath.normpath(posixpath.join(posixpath.dirname(src), posixpath.relpath(chunk, posixpath.dirname(entry))))
            if href not in announced:
                announced.add(href)
                found.append(f'<link rel="modulepreload" href="{href}">\n')
        return match.start(), match.start(), "".join(found)

    # The scripts _MODULE_SCRIPT.finditer(html) gives, found by str.find (which the regular
    # expression engine's scan for them is four times slower than).
    insertions, start = [], html.find(_MODULE_SCRIPT_START)
    while start >= 0:
        match = _MODULE_SCRIPT.match(html, start)
        if match:
            insertions.append(links(match))
        start = html.find(_MODULE_SCRIPT_START, match.end() if match else start + 1)
    return insertions


def start(ctx: BuildContext, static_files: dict[str, Path]) -> None:
    """The bundling started while the pages are built, from the site's static files (site path -> source)."""
    prefix = SCRIPTS + "/"
    ctx.pending_bundles = Pending({path.removeprefix(prefix): file for path, file in static_files.items()
                                   if path.startswith(prefix)}, ctx.site.overrides.parent, ctx.site.cache)


def write_bundles(ctx: BuildContext) -> None:
    scripts = ctx.site.output / SCRIPTS
    bundle(scripts, ctx.site.overrides.parent, ctx.pending_bundles)
    ctx.chunk_imports = chunk_imports(scripts)  # by the plain names, before fingerprints renames them
