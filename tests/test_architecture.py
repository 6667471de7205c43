"""The house: stages import downwards only, no import cycle, no import hidden in a function."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("sync", "addin", "workbook_templates")
# Imported inside a function on purpose: optional and heavy, loaded only when used.
LAZY = ("gspread", "google", "google_auth_oauthlib", "xlwings", "oauthlib")
# Stages never import the layers above them.
UPPER = ("fupan.sync.flows", "fupan.sync.cli", "fupan.sync.api")
STAGES = (
    "fupan.sync.ingest",
    "fupan.sync.store",
    "fupan.sync.engine",
    "fupan.sync.workbook",
    "fupan.sync.targets",
    "fupan.sync.actions",
    "fupan.sync.minutes",
    "fupan.addin",
)


def modules() -> dict[str, Path]:
    found = {"fupan": ROOT / "__init__.py"}
    for folder in PACKAGES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(["fupan", *parts])] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> list[tuple[str, ast.AST, bool]]:
    """(imported fupan module, node, inside a function) for every import of a module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inner = {
        id(n)
        for f in ast.walk(tree)
        if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
        for n in ast.walk(f)
    }
    out: list[tuple[str, ast.AST, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            names = [target, *(f"{target}.{a.name}" for a in node.names)]
            hits = [n for n in names if n in known] or [target]
        elif isinstance(node, ast.Import):
            hits = [a.name for a in node.names]
        else:
            continue
        out += [(h, node, id(node) in inner) for h in hits]
    return out


@functools.cache
def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def graph() -> tuple[dict[str, set[str]], list[str]]:
    known = modules()
    edges: dict[str, set[str]] = {}
    hidden = []
    for name, path in known.items():
        edges[name] = set()
        for target, node, in_function in imports(name, path, known):
            if target in known:
                edges[name].add(target)
            if in_function and target.split(".")[0] not in LAZY:
                above = lines_of(path)[node.lineno - 2].strip()  # type: ignore[attr-defined]
                why = " (reason given)" if above.startswith("#") and "load" in above else ""
                hidden.append(f"{path.relative_to(ROOT).as_posix()} {ast.unparse(node)}{why}")
    return edges, sorted(set(hidden))


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in edges:
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle():
    edges, _ = graph()
    assert cycles(edges) == []


def test_no_import_hidden_in_a_function_but_optional_heavy_ones():
    """A function may import a module of ours that loads an optional heavy dependency
    (gspread, google-auth, xlwings), with the reason on the line above it."""
    _, hidden = graph()
    assert [h for h in hidden if not h.endswith("(reason given)")] == []


def test_stages_never_import_the_layers_above_them():
    edges, _ = graph()
    wrong = [
        f"{m} imports {t}"
        for m, targets in edges.items()
        if m.startswith(STAGES)
        for t in targets
        if t.startswith(UPPER)
    ]
    assert wrong == []


def test_the_checker_finds_a_cycle_and_a_hidden_import(tmp_path):
    assert cycles({"a": {"b"}, "b": {"a"}, "c": set()}) == [["a", "b"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    module = tmp_path / "m.py"
    module.write_text("from .x import y\n\ndef f():\n    from .z import w\n", encoding="utf-8")
    found = imports("fupan.sync.m", module, {"fupan.sync.x": module, "fupan.sync.z": module})
    assert [(t, inner) for t, _, inner in found] == [
        ("fupan.sync.x", False),
        ("fupan.sync.z", True),
    ]


MOST_LINES = 400


def test_no_module_is_over_400_lines():
    lengths = {
        path.relative_to(ROOT).as_posix(): len(lines_of(path))
        for folder in ("sync", "addin")
        for path in (ROOT / folder).rglob("*.py")
        if "lite" not in path.relative_to(ROOT / folder).parts
    }
    assert sorted(p for p, n in lengths.items() if n > MOST_LINES) == []  # split it by job


def test_a_label_defined_in_two_tables_is_refused():
    from fupan.sync.i18n import _joined

    with pytest.raises(ValueError, match="defined twice: \\['pp'\\]"):
        _joined({"pp": ("pp", "个百分点")}, {"pp": ("points", "点")})
