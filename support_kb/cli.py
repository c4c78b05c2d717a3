"""`kb`, the project's command. `kb check` runs every editors' check and prints one line per problem,
`file:line: what is wrong, how to fix it`, in Russian or Kazakh (`--lang`, else the locale's
language) or in English for developers; it exits 1 on any problem, 0 on a clean project."""
from __future__ import annotations

import argparse
import locale
import os
import sys
from pathlib import Path

from .checks import run_all
from .checks.problems import LANGUAGES, SUMMARY


def language_of_locale() -> str:
    """kk for a Kazakh locale, otherwise ru (the site's first language); English only when asked."""
    names = [os.environ.get(name, "") for name in ("LC_ALL", "LC_MESSAGES", "LANG")]
    names.append(locale.getlocale()[0] or "")
    return "kk" if next((name for name in names if name), "").lower().startswith("kk") else "ru"


def project_root(start: Path) -> Path | None:
    """The nearest folder from `start` up that holds mkdocs.yml and docs/."""
    return next((folder for folder in (start, *start.parents)
                 if (folder / "mkdocs.yml").is_file() and (folder / "docs").is_dir()), None)


def check(args) -> int:
    lang = args.lang or language_of_locale()
    root = project_root(Path(args.root).resolve())
    if root is None:
        sys.exit(SUMMARY["not-a-project"][lang].format(root=args.root))
    try:
        problems = run_all(root)
    except Exception as error:  # a bug of the checks, not an editor's mistake: one line, for a developer
        if os.environ.get("KB_TRACEBACK"):
            raise
        sys.exit(f"kb check: the checks themselves failed (a bug for a developer; KB_TRACEBACK=1 shows where): "
                 f"{type(error).__name__}: {error}")
    for problem in problems:
        print(problem.say(lang))
    summary = SUMMARY["problems" if problems else "clean"][lang].format(count=len(problems))
    print(summary, file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kb", description="The help centre's tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    checker = commands.add_parser("check", help="run every editors' check; exit 1 on any problem",
                                  description="Runs every editors' check and prints one line per problem: "
                                              "file:line: what is wrong, how to fix it.")
    checker.add_argument("--lang", choices=LANGUAGES, help="language of the messages (default: the locale's, ru or kk)")
    checker.add_argument("--root", default=".", help="the repository, or any folder inside it (default: here)")
    checker.set_defaults(run=check)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
