"""Field masks: `a,b.c,d(e,f(g))` (with `.` or `/`), for response filters and update masks."""

from __future__ import annotations

from typing import Any

from .discovery import document

Tree = dict[str, "Tree"]  # {} = the whole field


def _paths(mask: str) -> list[list[str]]:
    text = mask.replace(" ", "")
    pos = 0

    def name() -> str:
        nonlocal pos
        start = pos
        while pos < len(text) and text[pos] not in ".,/()":
            pos += 1
        if pos == start:
            raise ValueError(mask)
        return text[start:pos]

    def path(prefix: list[str]) -> list[list[str]]:
        nonlocal pos
        names = [name()]
        while pos < len(text) and text[pos] in "./":
            pos += 1
            names.append(name())
        if pos < len(text) and text[pos] == "(":
            pos += 1
            found = items(prefix + names)
            if pos >= len(text) or text[pos] != ")":
                raise ValueError(mask)
            pos += 1
            return found
        return [prefix + names]

    def items(prefix: list[str]) -> list[list[str]]:
        nonlocal pos
        found = path(prefix)
        while pos < len(text) and text[pos] == ",":
            pos += 1
            found += path(prefix)
        return found

    if not text:
        return []
    found = items([])
    if pos != len(text):
        raise ValueError(mask)
    return found


def parse(mask: str) -> Tree:
    """Parse a mask into a tree ({} = whole field); raises ValueError when malformed."""
    tree: Tree = {}
    for names in _paths(mask):
        node = tree
        for i, key in enumerate(names):
            if i == len(names) - 1:
                node[key] = {}  # the whole field wins over any sub-selection
            elif key in node and not node[key]:
                break  # already selected whole
            else:
                node = node.setdefault(key, {})
    return tree


def select(value: Any, tree: Tree) -> Any:
    """Keep only the selected fields (through lists), as a `fields=` response filter does."""
    if not tree or "*" in tree:
        return value
    if isinstance(value, list):
        return [select(item, tree) for item in value]
    if isinstance(value, dict):
        return {k: select(value[k], sub) for k, sub in tree.items() if k in value}
    return value


def unknown_path(tree: Tree, ref: str, prefix: str = "") -> str | None:
    """The first selected path that schema `ref` (sheets.v4) does not have, or None."""
    schemas = document("sheets.v4")["schemas"]
    props = schemas[ref].get("properties", {})
    for key, sub in tree.items():
        if key == "*":
            continue
        prop = props.get(key)
        where = f"{prefix}{key}"
        if prop is None:
            return where
        while prop.get("type") == "array":
            prop = prop.get("items", {})
        if sub:
            if "$ref" not in prop:
                return f"{where}.{next(iter(sub))}"
            found = unknown_path(sub, prop["$ref"], where + ".")
            if found:
                return found
    return None


def leaves(tree: Tree, prefix: str = "") -> list[str]:
    """The selected paths, dotted."""
    out: list[str] = []
    for key, sub in tree.items():
        if sub:
            out.extend(leaves(sub, f"{prefix}{key}."))
        else:
            out.append(prefix + key)
    return out


def merge(target: dict[str, Any] | None, source: dict[str, Any] | None, tree: Tree) -> dict:
    """Apply an update mask: selected fields come from `source`, or are cleared if absent."""
    if not tree or "*" in tree:
        return dict(source) if source else {}
    out = dict(target) if target else {}
    for key, sub in tree.items():
        new = (source or {}).get(key)
        if sub and (new is None or isinstance(new, dict)):
            old = out.get(key)
            merged = merge(old if isinstance(old, dict) else None, new, sub)
            if merged:
                out[key] = merged
            else:
                out.pop(key, None)
        elif new is None:
            out.pop(key, None)
        else:
            out[key] = new  # shared, never changed in place
    return out


def with_colour_twins(tree: Tree) -> Tree:
    """A mask naming `backgroundColor` also covers `backgroundColorStyle` (and back):
    Google keeps the two in step, so updating one updates the other."""
    out: Tree = {}
    for key, sub in tree.items():
        sub = with_colour_twins(sub)
        out[key] = sub
        if key.endswith("Color") or key == "color":
            out.setdefault(key + "Style", {})
        elif key.endswith("ColorStyle") or key == "colorStyle":
            out.setdefault(key[: -len("Style")], {})
    return out
