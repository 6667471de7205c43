"""Google's discovery documents: route a request to its method and validate it, as Google does.

Sheets answers an unknown field or a wrong type with 400; Drive ignores unknown names (the
recordings show it accepting gspread's `includeItemsFromAllDrives` on files.get).
"""

from __future__ import annotations

import importlib.resources
import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .errors import GoogleError, bad_field

_DOCS = importlib.resources.files("googleapiclient") / "discovery_cache" / "documents"
_SNAKE = re.compile(r"(?<!^)(?=[A-Z])")
_BOOL = {"true", "false"}


@cache
def document(api: str) -> dict[str, Any]:
    return json.loads((_DOCS / f"{api}.json").read_text())


@dataclass(frozen=True)
class Method:
    api: str  # "sheets" or "drive"
    id: str  # "sheets.spreadsheets.values.update"
    http: str
    pattern: re.Pattern[str]
    names: tuple[str, ...]
    spec: dict[str, Any]

    @property
    def request(self) -> str | None:
        return self.spec.get("request", {}).get("$ref")


def _methods(resources: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for res in resources.values():
        out += list(res.get("methods", {}).values())
        out += _methods(res.get("resources", {}))
    return out


@cache
def routes() -> list[Method]:
    out = []
    for api, doc_name, prefix in (
        ("sheets", "sheets.v4", "/"),
        ("drive", "drive.v3", "/drive/v3/"),
    ):
        doc = document(doc_name)
        for m in _methods(doc["resources"]):
            path = prefix + m.get("flatPath", m["path"])
            names = tuple(re.findall(r"{(\w+)}", path))
            regex = re.escape(path)
            for n in names:
                regex = regex.replace(re.escape("{" + n + "}"), "([^/]+?)")
            out.append(Method(api, m["id"], m["httpMethod"], re.compile(f"^{regex}$"), names, m))
    return out


def route(method: str, path: str) -> tuple[Method, dict[str, str]] | None:
    for m in routes():
        if m.http != method:
            continue
        found = m.pattern.match(path)
        if found:
            return m, dict(zip(m.names, found.groups(), strict=True))
    return None


def check_query(method: Method, query: dict[str, list[str]]) -> None:
    doc = document("sheets.v4" if method.api == "sheets" else "drive.v3")
    known = {**doc.get("parameters", {}), **method.spec.get("parameters", {})}
    for name, values in query.items():
        spec = known.get(name)
        if spec is None or spec.get("location") == "path":
            if method.api == "drive":
                continue
            raise GoogleError(
                400,
                f'Invalid JSON payload received. Unknown name "{name}": Cannot bind query '
                f"parameter. Field '{name}' could not be found in request message.",
            )
        if len(values) > 1 and not spec.get("repeated"):
            raise bad_field(name, f"Invalid value at '{name}', \"{values}\"")
        for v in values:
            if spec["type"] == "boolean" and v.lower() not in _BOOL:
                raise bad_field(name, f"Invalid value at '{name}' (TYPE_BOOL), \"{v}\"")
            if spec["type"] == "integer" and not re.fullmatch(r"-?\d+", v):
                raise bad_field(name, f"Invalid value at '{name}' (TYPE_INT32), \"{v}\"")
            if "enum" in spec and v not in spec["enum"]:
                raise bad_field(name, f"Invalid value at '{name}' ({spec['type']}), \"{v}\"")


def snake(name: str) -> str:
    return _SNAKE.sub("_", name).lower()


def check_body(method: Method, body: Any) -> None:
    """The body against the method's request schema (strict for Sheets, lenient for Drive)."""
    ref = method.request
    if ref is None:
        return
    doc = document("sheets.v4" if method.api == "sheets" else "drive.v3")
    root = "data" if method.id.endswith(("values.update", "values.append")) else ""
    _Walker(doc["schemas"], strict=method.api == "sheets").check(body, {"$ref": ref}, root)


_TYPE_NAMES = {
    ("integer", "int32"): "TYPE_INT32",
    ("string", "int64"): "TYPE_INT64",
    ("number", "double"): "TYPE_DOUBLE",
    ("number", "float"): "TYPE_FLOAT",
    ("boolean", None): "TYPE_BOOL",
    ("string", None): "TYPE_STRING",
}


class _Walker:
    def __init__(self, schemas: dict[str, Any], *, strict: bool) -> None:
        self.schemas = schemas
        self.strict = strict

    def check(self, value: Any, schema: dict[str, Any], path: str) -> None:
        if value is None:
            return  # JSON null means "unset" to Google
        if "$ref" in schema:
            schema = self.schemas[schema["$ref"]]
        kind = schema.get("type")
        if kind == "object":
            self._object(value, schema, path)
        elif kind == "array":
            if not isinstance(value, list):
                self._wrong(value, path, "type.googleapis.com/google.protobuf.ListValue")
            items = schema.get("items", {})
            for n, v in enumerate(value):
                self.check(v, items, f"{path}[{n}]")
        elif kind == "any":
            return
        else:
            self._scalar(value, schema, path)

    def _object(self, value: Any, schema: dict[str, Any], path: str) -> None:
        if not isinstance(value, dict):
            self._wrong(value, path, "type.googleapis.com/google.protobuf.Struct")
        props = schema.get("properties")
        extra = schema.get("additionalProperties")
        for key, v in value.items():
            if props is not None and key in props:
                self.check(v, props[key], f"{path}.{snake(key)}" if path else snake(key))
            elif extra is not None:
                self.check(v, extra, f"{path}[{key}]")
            elif self.strict:
                where = f" at '{path}'" if path else ""
                text = f'Invalid JSON payload received. Unknown name "{key}"{where}: '
                raise bad_field(
                    path or key, text + "Cannot find field.", text + "Cannot find field."
                )

    def _scalar(self, value: Any, schema: dict[str, Any], path: str) -> None:
        kind, fmt = schema.get("type"), schema.get("format")
        ok = {
            "string": isinstance(value, str)
            or (
                fmt in ("int64", "uint64")
                and isinstance(value, int)
                and not isinstance(value, bool)
            ),
            "integer": (isinstance(value, int) and not isinstance(value, bool))
            or (isinstance(value, float) and value.is_integer())
            or (isinstance(value, str) and re.fullmatch(r"-?\d+", value) is not None),
            "number": (isinstance(value, int | float) and not isinstance(value, bool))
            or (isinstance(value, str) and _is_number(value)),
            "boolean": isinstance(value, bool),
        }.get(kind, True)
        if not ok:
            name = _TYPE_NAMES.get((kind, fmt), _TYPE_NAMES.get((kind, None), str(kind)))
            self._wrong(value, path, name)
        if "enum" in schema and value not in schema["enum"]:
            self._wrong(value, path, "TYPE_ENUM")

    def _wrong(self, value: Any, path: str, type_name: str) -> None:
        shown = json.dumps(value) if not isinstance(value, dict | list) else type(value).__name__
        text = f"Invalid value at '{path}' ({type_name}), {shown}"
        raise bad_field(path, text, text)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
