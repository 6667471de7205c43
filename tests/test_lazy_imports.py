"""Imports are at the top of modules; only the optional heavy dependencies load late.

Inside sync/targets, sync/cli and sync/flows an import may sit inside a function only for
gspread/google-auth (the Google Sheets target) or xlwings (the Excel add-in), with a comment
right above it saying why; so `fupan --help` and a run on an .xlsx file never load them.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("sync/targets", "sync/cli", "sync/flows")
HEAVY = ("gspread", "google.auth", "google_auth_oauthlib", "xlwings")
# Modules of fupan's that import a heavy dependency when they load.
LOADS_HEAVY = ("targets.gsheets", ".gsheets", "addin.build")


def _late_imports() -> list[tuple[Path, int, str]]:
    found = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for fn in ast.walk(tree):
                if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                    for node in ast.walk(fn):
                        if isinstance(node, ast.Import | ast.ImportFrom):
                            found.append((path, node.lineno, ast.unparse(node)))
    return found


def test_only_heavy_optional_dependencies_are_imported_inside_functions():
    assert _late_imports(), "the check finds nothing: it is looking in the wrong place"
    for path, line, text in _late_imports():
        where = f"{path.relative_to(ROOT)}:{line}: {text}"
        module = text.split()[1]
        assert module.lstrip(".").startswith(HEAVY) or any(m in module for m in LOADS_HEAVY), (
            f"{where}: move the import to the top of the module"
        )
        above = path.read_text(encoding="utf-8").splitlines()[line - 2].strip()
        assert above.startswith("#"), f"{where}: say in a comment above it why it loads late"


def test_the_command_line_starts_without_google_or_xlwings():
    code = (
        "import sys\n"
        "from fupan.sync.cli.app import cli\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
