"""What `pip install .` ships: every package folder, so the README's first command works."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Folders of the repository that are not part of the installed package.
NOT_SHIPPED = {"tests", "benchmarks", ".ci", ".venv", "build"}


def shipped_packages() -> set[str]:
    """The package names setuptools is told to install (pyproject's explicit list)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def package_folders() -> set[str]:
    """Every folder holding an __init__.py, as the package name it has once installed."""
    found = {"fupan"}
    for init in ROOT.rglob("__init__.py"):
        parts = init.parent.relative_to(ROOT).parts
        if parts and parts[0] not in NOT_SHIPPED and not parts[0].endswith(".egg-info"):
            found.add(".".join(["fupan", *parts]))
    return found


def test_every_package_folder_is_installed():
    # An editable install (the one the tests run on) imports any folder; a plain `pip install .`
    # installs only the listed packages, so a folder missing here breaks `fupan demo` for users.
    assert package_folders() - shipped_packages() == set()


def test_every_listed_package_exists():
    assert shipped_packages() - package_folders() == set()
