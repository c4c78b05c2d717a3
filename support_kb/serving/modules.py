"""The static import graph of the site's JavaScript modules, so that a page can announce every
module it will need at once (<link rel="modulepreload">) instead of discovering them one import
after another — on a slow connection each step of that chain costs a round trip."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

STATIC_IMPORT = re.compile(r"""^\s*(?:import|export)\b[^'"]*?\bfrom\s*["']([^"']+)["']""", re.M)


def imported_by(assets: Path, entry: str) -> list[str]:
    """Paths (relative to `assets`' parent, like `entry`) of every module `entry` imports, directly or not."""
    found, queue = [], [entry]
    while queue:
        module = queue.pop(0)
        source = (assets.parent / module).read_text(encoding="utf-8")
        for target in STATIC_IMPORT.findall(source):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(module), target))
            if path not in found and path != entry:
                found.append(path)
                queue.append(path)
    return found
