"""The project is an installed package, and the locks pin every installed package to one checked file."""
import importlib.metadata
import os
import re
import subprocess
import sys

from conftest import ROOT

LOCKS = {"requirements.lock": "requirements.hashes", "requirements-test.lock": "requirements-test.hashes"}
LOCKED = re.compile(r"^([A-Za-z0-9._-]+)==(\S+)$")
HASHED = re.compile(r"^([A-Za-z0-9._-]+==\S+)(?: --hash=sha256:[0-9a-f]{64})+$")


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_lines(name: str) -> list[str]:
    return [line for line in (ROOT / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_every_pinned_package_has_the_hashes_of_its_files_and_no_host_is_named():
    """requirements.lock pins (pip's hash mode would refuse its `-e .`); its .hashes twin, which
    bin/setup installs with --require-hashes, holds the same versions with every file's sha256."""
    assert lock_lines("requirements.lock")[0] == "-e ."
    assert lock_lines("requirements-test.lock")[0] == "-r requirements.lock"
    assert lock_lines("requirements-test.hashes")[0] == "-r requirements.hashes"
    for lock, hashes in LOCKS.items():
        pins = lock_lines(lock)[1:]
        assert all(LOCKED.match(line) for line in pins), lock
        text = (ROOT / hashes).read_text(encoding="utf-8").replace("\\\n", "")
        entries = [" ".join(line.split()) for line in text.splitlines() if line.strip() and not line.startswith(("#", "-r"))]
        assert all(HASHED.match(entry) for entry in entries), hashes
        assert [HASHED.match(entry).group(1) for entry in entries] == pins, f"{lock} and {hashes} disagree: run bin/lock"
        assert "://" not in (ROOT / lock).read_text(encoding="utf-8") + text


def test_every_installed_package_is_locked():
    locked = {normal(LOCKED.match(line).group(1)) for name in LOCKS for line in lock_lines(name)[1:]}
    installed = {normal(dist.metadata["Name"]) for dist in importlib.metadata.distributions()}
    assert installed - locked - {"pip", "setuptools", "kindergarten-queue-help"} == set()


def test_the_package_and_its_data_import_from_anywhere_without_pythonpath(tmp_path):
    data = [path.relative_to(ROOT) for path in (ROOT / "support_kb").rglob("*.json")]
    assert data, "support_kb/kazakh_suffixes.json has moved: say where in pyproject.toml's package-data"
    checks = "; ".join(f"print(importlib.resources.files('{'.'.join(path.parent.parts)}').joinpath('{path.name}').is_file())"
                       for path in data)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run([sys.executable, "-c", f"import importlib.resources; {checks}"], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    assert result.stdout.split() == ["True"] * len(data), result.stderr
