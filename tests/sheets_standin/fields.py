"""Google's `fields` masks: "a,b.c,d(e,f(g))" selects parts of a response."""

from __future__ import annotations

import re
from typing import Any

Tree = dict[str, "Tree | None"]  # None: the whole value
_NAME = re.compile(r"[\w@]+(?:\.[\w@]+)*|\*")


def parse(mask: str) -> Tree:
    tree, _pos = _list(mask.replace(" ", ""), 0)
    return tree


def _list(text: str, pos: int) -> tuple[Tree, int]:
    tree: Tree = {}
    while pos < len(text):
        m = _NAME.match(text, pos)
        if not m:
            raise ValueError(f"bad field mask at {pos}: {text}")
        path = m.group(0).split(".")
        pos = m.end()
        sub: Tree | None = None
        if pos < len(text) and text[pos] == "(":
            sub, pos = _list(text, pos + 1)
            pos += 1  # ')'
        _insert(tree, path, sub)
        if pos < len(text) and text[pos] == ",":
            pos += 1
            continue
        break
    return tree, pos


def _insert(tree: Tree, path: list[str], sub: Tree | None) -> None:
    node = tree
    for part in path[:-1]:
        if part in node and node[part] is None:
            return  # already whole
        node = node.setdefault(part, {})  # type: ignore[assignment]
    last = path[-1]
    if sub is None or node.get(last, {}) is None:
        node[last] = None
    else:
        current = node.setdefault(last, {})
        assert current is not None
        for k, v in sub.items():
            _insert(current, [k], v)


def select(value: Any, tree: Tree | None) -> Any:
    if tree is None or "*" in (tree or {}):
        return value
    if isinstance(value, list):
        return [select(v, tree) for v in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, sub in tree.items():
        if key in value:
            picked = select(value[key], sub)
            if picked != {} or sub is None:
                out[key] = picked
    return out


def paths(mask: str) -> list[list[str]]:
    """A write mask ("userEnteredValue,userEnteredFormat.numberFormat") as field paths."""
    out: list[list[str]] = []

    def walk(tree: Tree, prefix: list[str]) -> None:
        for k, v in tree.items():
            if v is None:
                out.append([*prefix, k])
            else:
                walk(v, [*prefix, k])

    walk(parse(mask), [])
    return out
