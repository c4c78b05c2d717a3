"""When each page was last changed, from git: one `git log` for the whole docs folder."""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_changes(docs: Path, today: dt.date) -> dict[str, dt.date]:
    """{path relative to the repository: date of its last commit}; files changed but not yet
    committed get today; without git (a copy of the files) the map is empty."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(docs), *args], capture_output=True, text=True, check=True).stdout

    try:
        root = Path(git("rev-parse", "--show-toplevel").strip())
        log = git("log", "--format=%x00%cs", "--name-only", "--", ".")
        pending = git("status", "--porcelain", "--untracked-files=all", "--", ".")
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, dt.date] = {}
    for block in log.split("\0")[1:]:
        day, *files = block.strip().splitlines()
        for file in files:
            dates.setdefault(file, dt.date.fromisoformat(day))
    for line in pending.splitlines():
        dates[line[3:].strip().strip('"')] = today
    prefix = docs.resolve().relative_to(root).as_posix() + "/"
    return {path.removeprefix(prefix): date for path, date in dates.items() if path.startswith(prefix)}
