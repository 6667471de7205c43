"""Google's discovery documents: routing by `flatPath` and a fast request validator.

The validator walks the discovery schema dicts directly (no jsonschema): each schema's
property map is compiled once into small checker closures, so a body with a million cells
validates in a few seconds. Sheets is strict (unknown names are 400s, as in production);
Drive is lenient, as Drive is (it accepts gspread's stray `includeItemsFromAllDrives`).
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import ApiError, drive_error, field_violation

_DOCS = importlib.resources.files("googleapiclient") / "discovery_cache" / "documents"

_SNAKE = re.compile(r"(?<!^)(?=[A-Z])")


@functools.cache
def document(name: str) -> dict[str, Any]:
    """`sheets.v4` or `drive.v3`, from the installed google-api-python-client."""
    return json.loads((_DOCS / f"{name}.json").read_text(encoding="utf-8"))


@functools.cache
def snake(name: str) -> str:
    """Proto field name as Google prints it in error paths (`addSheet` -> `add_sheet`)."""
    return _SNAKE.sub("_", name).lower()


def _show(value: Any) -> str:
    """A rejected JSON value as Google quotes it in `Invalid value at ...` messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _fail(label: str, value: Any) -> _Violation:
    """A scalar field got the wrong JSON type (a list or an object get Google's own words)."""
    if type(value) is list:
        return _Violation("list", label, value)
    if type(value) is dict:
        return _Violation("object", label, value)
    return _Violation("type", label, value)


class _Violation(Exception):
    """Raised deep inside a body; the path is collected while unwinding (zero-cost try)."""

    def __init__(self, kind: str, detail: str, value: Any = None) -> None:
        super().__init__(detail)
        self.kind = kind  # "unknown" | "type" | "list" | "object"
        self.detail = detail  # unknown name, or the type label
        self.value = value
        self.path: list[str | int] = []  # innermost first


def _render_path(parts: list[str | int]) -> str:
    text = ""
    for part in reversed(parts):
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + part
    return text


Checker = Callable[[Any], None]

_INT_RANGES = {
    "int32": (-(2**31), 2**31 - 1),
    "uint32": (0, 2**32 - 1),
    "int64": (-(2**63), 2**63 - 1),
    "uint64": (0, 2**64 - 1),
}
_TYPE_LABEL = {
    "int32": "TYPE_INT32",
    "uint32": "TYPE_UINT32",
    "int64": "TYPE_INT64",
    "uint64": "TYPE_UINT64",
    "double": "TYPE_DOUBLE",
    "float": "TYPE_FLOAT",
}


def _integer(fmt: str) -> Checker:
    low, high = _INT_RANGES.get(fmt, _INT_RANGES["int64"])
    label = _TYPE_LABEL.get(fmt, "TYPE_INT64")

    def check(value: Any) -> None:
        if type(value) is int:
            if low <= value <= high:
                return
        elif type(value) is float:
            if value.is_integer() and low <= value <= high:
                return
        elif type(value) is str:  # proto3 JSON: any integer may be a string
            try:
                if low <= int(value.strip()) <= high:
                    return
            except ValueError:
                pass
        raise _fail(label, value)

    return check


def _number(fmt: str) -> Checker:
    label = _TYPE_LABEL.get(fmt, "TYPE_DOUBLE")

    def check(value: Any) -> None:
        t = type(value)
        if t is int or t is float:
            return
        if t is str:
            try:
                float(value)
                return
            except ValueError:
                if value in ("NaN", "Infinity", "-Infinity"):
                    return
        raise _fail(label, value)

    return check


def _boolean(value: Any) -> None:
    if type(value) is not bool:
        raise _fail("TYPE_BOOL", value)


def _string(value: Any) -> None:
    if type(value) is not str:
        raise _fail("TYPE_STRING", value)


def _any(value: Any) -> None:
    return None


class Validator:
    """Validates JSON bodies against one discovery document's schemas."""

    def __init__(self, doc: dict[str, Any], *, strict: bool, package: str) -> None:
        self.schemas: dict[str, Any] = doc["schemas"]
        self.strict = strict
        self.package = package  # e.g. google.apps.sheets.v4, for type labels in messages
        self._objects: dict[str, Checker] = {}
        self._props: dict[str, dict[str, Checker]] = {}
        self.nulls = 0  # JSON nulls seen by the last check (fields set to null mean unset)

    # compilation -----------------------------------------------------------------------

    def _label(self, prop: dict[str, Any], name: str) -> str:
        if "$ref" in prop:
            return f"type.googleapis.com/{self.package}.{prop['$ref']}"
        if "enum" in prop:
            return f"type.googleapis.com/{self.package}.{name[:1].upper()}{name[1:]}"
        kind = prop.get("type")
        if kind == "array":
            items = prop.get("items", {})
            if items.get("type") == "array":
                return "type.googleapis.com/google.protobuf.ListValue"
            return self._label(items, name)
        if kind == "any":
            return "type.googleapis.com/google.protobuf.Value"
        if kind == "boolean":
            return "TYPE_BOOL"
        if kind in ("integer", "number"):
            return _TYPE_LABEL.get(prop.get("format", ""), "TYPE_DOUBLE")
        return "TYPE_STRING"

    def _compile(self, prop: dict[str, Any], name: str) -> Checker:
        if "$ref" in prop:
            return self.object(prop["$ref"])
        if "enum" in prop:
            allowed = frozenset(prop["enum"])
            count = len(prop["enum"])
            label = self._label(prop, name)

            def enum(value: Any) -> None:
                if type(value) is str:
                    if value in allowed:
                        return
                elif type(value) is int and 0 <= value < count:
                    return  # proto3 JSON accepts an enum's number
                raise _fail(label, value)

            return enum
        kind = prop.get("type")
        if kind == "array":
            item = self._compile(prop.get("items", {}), name)
            label = self._label(prop, name)

            def array(value: Any) -> None:
                if type(value) is not list:
                    raise _Violation("type", label, value)
                for i, x in enumerate(value):
                    if x is None:
                        continue
                    try:
                        item(x)
                    except _Violation as v:
                        v.path.append(i)
                        raise

            return array
        if kind == "object":
            extra = prop.get("additionalProperties")
            if extra is None:
                return _any
            each = self._compile(extra, name)

            def mapping(value: Any) -> None:
                if type(value) is not dict:
                    raise _Violation("type", "google.protobuf.Struct", value)
                for k, x in value.items():
                    if x is None:
                        continue
                    try:
                        each(x)
                    except _Violation as v:
                        v.path.append(f"[{k}]")
                        raise

            return mapping
        if kind == "integer":
            return _integer(prop.get("format", "int32"))
        if kind == "number":
            return _number(prop.get("format", "double"))
        if kind == "boolean":
            return _boolean
        if kind == "string":
            return _string
        return _any

    def _properties(self, ref: str) -> dict[str, Checker]:
        props = self._props.get(ref)
        if props is None:
            schema = self.schemas[ref]
            props = {
                name: self._compile(p, name) for name, p in schema.get("properties", {}).items()
            }
            self._props[ref] = props
        return props

    def object(self, ref: str) -> Checker:
        """The checker of schema `ref` (compiled lazily: schemas are recursive)."""
        found = self._objects.get(ref)
        if found is not None:
            return found
        label = f"type.googleapis.com/{self.package}.{ref}"
        strict = self.strict
        cache: list[dict[str, Checker]] = []
        validator = self

        def check(value: Any) -> None:
            if type(value) is not dict:
                if type(value) is list:
                    raise _Violation("list", label, value)
                raise _Violation("type", label, value)
            if not cache:
                cache.append(self._properties(ref))
            props = cache[0]
            for k, x in value.items():
                f = props.get(k)
                if f is None:
                    if strict:
                        raise _Violation("unknown", k)
                    continue
                if x is None:
                    validator.nulls += 1  # JSON null means "unset", anywhere
                    continue
                try:
                    f(x)
                except _Violation as v:
                    if v.kind in ("list", "object") and not v.path:
                        v.detail = k  # reported at the parent, like Google's parser
                    else:
                        v.path.append(snake(k))
                    raise

        self._objects[ref] = check
        return check

    # checking --------------------------------------------------------------------------

    def check(self, body: Any, ref: str, root: str = "") -> None:
        """Raise Google's 400 if `body` does not fit schema `ref` (`root`: body field name)."""
        self.nulls = 0
        try:
            self.object(ref)(body)
        except _Violation as v:
            raise self._error(v, root) from None

    def _error(self, v: _Violation, root: str) -> ApiError:
        parts = list(v.path)
        if root:
            parts.append(root)
        where = _render_path(parts)
        if not self.strict:
            message = f"Invalid value for field '{where}': {_show(v.value)}"
            return drive_error(400, "invalid", message)
        if v.kind == "unknown" or v.kind in ("list", "object"):
            at = f" at '{where}'" if where else ""
            why = {
                "unknown": "Cannot find field.",
                "list": "Proto field is not repeating, cannot start list.",
                "object": "Starting an object on a scalar field.",
            }[v.kind]
            message = f'Invalid JSON payload received. Unknown name "{v.detail}"{at}: {why}'
            return field_violation(message, where or None)
        message = f"Invalid value at '{where}' ({v.detail}), {_show(v.value)}"
        return field_violation(message, where)


# Routing and query parameters --------------------------------------------------------------


@dataclass
class Method:
    """One discovery method with its compiled path pattern."""

    api: str  # "sheets" | "drive"
    name: str  # e.g. "spreadsheets.values.get"
    http: str
    pattern: re.Pattern[str]
    doc: dict[str, Any]
    literal: int  # how specific the pattern is (longer literal parts first)
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def request_ref(self) -> str | None:
        return self.doc.get("request", {}).get("$ref")


def _methods(api: str, doc: dict[str, Any], prefix: str) -> list[Method]:
    found: list[Method] = []

    def walk(resources: dict[str, Any], trail: str) -> None:
        for rname, res in resources.items():
            for mname, m in res.get("methods", {}).items():
                flat = m.get("flatPath") or m["path"]
                regex = ""
                literal = 0
                for piece in re.split(r"(\{[^}]+\})", flat):
                    if piece.startswith("{"):
                        param = piece[1:-1].lstrip("+")
                        # a range may contain ':' (unencoded A1:B2); ids never do
                        body = "[^/]+?" if param == "range" else "[^/:]+"
                        regex += f"(?P<{param}>{body})"
                    else:
                        regex += re.escape(piece)
                        literal += len(piece)
                params = {**doc.get("parameters", {}), **m.get("parameters", {})}
                found.append(
                    Method(
                        api,
                        f"{trail}{rname}.{mname}",
                        m["httpMethod"],
                        re.compile(f"^{re.escape(prefix)}{regex}$"),
                        m,
                        literal,
                        params,
                    )
                )
            walk(res.get("resources", {}), f"{trail}{rname}.")

    walk(doc.get("resources", {}), "")
    found.sort(key=lambda m: -m.literal)
    return found


@functools.cache
def methods() -> dict[str, list[Method]]:
    """All routes, keyed by host."""
    return {
        "sheets.googleapis.com": _methods("sheets", document("sheets.v4"), "/"),
        "www.googleapis.com": _methods("drive", document("drive.v3"), "/drive/v3/"),
    }


def route(host: str, http: str, path: str) -> tuple[Method, dict[str, str]] | None:
    """The discovery method serving (host, method, raw path), with its raw path params."""
    for m in methods().get(host, []):
        if m.http != http:
            continue
        match = m.pattern.match(path)
        if match:
            return m, match.groupdict()
    return None


@functools.cache
def validator(api: str) -> Validator:
    if api == "sheets":
        return Validator(document("sheets.v4"), strict=True, package="google.apps.sheets.v4")
    return Validator(document("drive.v3"), strict=False, package="google.apps.drive.v3")


_BOOL = re.compile(r"(?i)true|false")
_INT = re.compile(r"-?\d+")


def check_query(method: Method, query: dict[str, list[str]]) -> None:
    """Query parameters: name (strict for Sheets), type, enum and repetition."""
    strict = method.api == "sheets"
    for name, values in query.items():
        spec = method.params.get(name)
        if spec is None or spec.get("location") == "path":
            if strict:
                message = (
                    f'Invalid JSON payload received. Unknown name "{name}": Cannot bind query '
                    f"parameter. Field '{name}' could not be found in request message."
                )
                raise field_violation(message, None)
            continue
        if len(values) > 1 and not spec.get("repeated"):
            if strict:
                message = f"Invalid value at '{snake(name)}': repeated value for a singular field"
                raise field_violation(message, snake(name))
            continue
        for value in values:
            bad = None
            if spec.get("type") == "boolean" and not _BOOL.fullmatch(value):
                bad = "TYPE_BOOL"
            elif spec.get("type") == "integer" and not _INT.fullmatch(value):
                bad = _TYPE_LABEL.get(spec.get("format", "int32"), "TYPE_INT32")
            elif "enum" in spec and value not in spec["enum"]:
                bad = f"type.googleapis.com/google.apps.sheets.v4.{name[:1].upper()}{name[1:]}"
            if bad is None:
                continue
            if strict:
                message = f"Invalid value at '{snake(name)}' ({bad}), {_show(value)}"
                raise field_violation(message, snake(name))
            raise drive_error(
                400,
                "invalidParameter",
                f"Invalid value '{value}' for parameter '{name}'.",
                location=name,
                locationType="parameter",
            )


def truthy(query: dict[str, list[str]], name: str, default: bool = False) -> bool:
    """A boolean query parameter (Google accepts `True`/`False` too: gspread sends them)."""
    values = query.get(name)
    if not values:
        return default
    return values[-1].lower() == "true"


def one(query: dict[str, list[str]], name: str, default: str | None = None) -> str | None:
    values = query.get(name)
    return values[-1] if values else default


def finite(value: float) -> bool:
    return not (math.isnan(value) or math.isinf(value))
