#!/usr/bin/env python3
"""Fills in the nginx configuration of this folder for one built site and writes it to a folder:

    python3 deploy/nginx/render.py --root /srv/help-centre --listen 8080 --out /etc/nginx/help-centre

writes OUT/nginx.conf (a whole main configuration) and OUT/help-centre.conf (the http-context part,
to include into an existing nginx instead). The site folder must come from `mkdocs build`: its
.nginx-csp.conf (support_kb/serving/csp.py) carries the Content-Security-Policy of that build.

--run: folder for the pid file and nginx's temporary files (default OUT/run); --user: the `user`
directive (only when nginx starts as root; e.g. www-data, or root for a test on private files);
--error-log / --access-log: files, or `stderr` and /dev/stdout in a container; --site and --conf:
to render on one machine for another (the Dockerfile: the site built in /out/site will be served
from /srv/help-centre, the configuration read from /etc/nginx/help-centre). Standard library only.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = ("nginx.conf", "help-centre.conf")


def render(root: Path, listen: str, out: Path, run: Path | None = None, user: str | None = None,
           error_log: str | None = None, access_log: str | None = None, site: Path | None = None,
           conf: Path | None = None) -> Path:
    """Writes the configuration into `out`; returns the main file. `site`: the built folder, when
    `root` names where it will be on another machine (a container); `conf`: likewise for `out`."""
    out.mkdir(parents=True, exist_ok=True)
    run = run or out / "run"
    if site is None:
        run.mkdir(parents=True, exist_ok=True)
    if not ((site or root) / ".nginx-csp.conf").is_file():
        raise SystemExit(f"{site or root}/.nginx-csp.conf is missing: build the site with this project's mkdocs.yml first")
    values = {
        "@ROOT@": str(root if site else root.resolve()),
        "@LISTEN@": listen,
        "@CONF@": str(conf or out.resolve()),
        "@RUN@": str(run if site else run.resolve()),
        "@USER@": f"user {user};" if user else "# no `user`: nginx runs as the user that starts it",
        "@ERROR_LOG@": error_log or str(run.resolve() / "error.log"),
        "@ACCESS_LOG@": access_log or str(run.resolve() / "access.log"),
    }
    for name in TEMPLATES:
        text = (HERE / name).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        if re.search(r"@[A-Z_]+@", text):
            raise SystemExit(f"{name}: a placeholder is left unfilled")
        (out / name).write_text(text, encoding="utf-8")
    return out / "nginx.conf"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, required=True, help="the built site folder")
    parser.add_argument("--listen", required=True, help="nginx `listen` value, e.g. 8080 or 127.0.0.1:8080")
    parser.add_argument("--out", type=Path, required=True, help="where to write the configuration")
    parser.add_argument("--run", type=Path)
    parser.add_argument("--user")
    parser.add_argument("--error-log")
    parser.add_argument("--access-log")
    parser.add_argument("--site", type=Path, help="the built folder, when --root is its place on another machine")
    parser.add_argument("--conf", type=Path, help="where OUT will be on that machine")
    args = parser.parse_args()
    main_file = render(args.root, args.listen, args.out, args.run, args.user, args.error_log, args.access_log,
                       args.site, args.conf)
    print(main_file)


if __name__ == "__main__":
    main()
