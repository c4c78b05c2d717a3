"""When each page was last changed, from git: one `git log` for the whole docs folder."""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from .dates import today_in_astana


def last_changes(docs: Path, today: dt.date) -> dict[str, dt.date]:
    """{path inside docs/: the day (in Astana) of its last commit}; files changed but not yet
    committed get today; without git (a copy of the files) the map is empty."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(docs), *args], capture_output=True, text=True, check=True).stdout

    try:
        root = Path(git("rev-parse", "--show-toplevel").strip())
        log = git("log", "--format=%x00%ct", "--name-only", "--", ".")  # the commit's time, in any zone
        pending = git("status", "--porcelain", "--untracked-files=all", "--", ".")
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, dt.date] = {}
    for block in log.split("\0")[1:]:
        seconds, *files = block.strip().splitlines()
        day = today_in_astana(dt.datetime.fromtimestamp(int(seconds), dt.timezone.utc))
        for file in files:
            dates.setdefault(file, day)
    for line in pending.splitlines():
        dates[line[3:].strip().strip('"')] = today
    prefix = docs.resolve().relative_to(root).as_posix() + "/"
    return {path.removeprefix(prefix): date for path, date in dates.items() if path.startswith(prefix)}
