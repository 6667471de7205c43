"""Normalising stored objects the way Google echoes them back."""

from __future__ import annotations

from typing import Any

_COLOR_PARTS = ("red", "green", "blue")


def prune(value: Any) -> Any:
    """Drop fields set to JSON null (null means unset); list items stay where they are."""
    if isinstance(value, dict):
        return {k: prune(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [prune(v) for v in value]
    return value


def _color(color: Any) -> Any:
    """Google omits zero colour components ({"red": 0, "green": 1} -> {"green": 1})."""
    if isinstance(color, dict):
        return {k: v for k, v in color.items() if not (k in _COLOR_PARTS and v == 0)}
    return color


_STYLED: dict[str, Any] = {}


def styles(value: Any) -> Any:
    """Every `xColor` gets its `xColorStyle` twin and back (cassette WorksheetTest.test_format).

    Memoised on the value's repr: a big write repeats a handful of formats many times, and
    stored dicts are never changed in place, so sharing the result is safe.
    """
    key = repr(value)
    found = _STYLED.get(key)
    if found is None:
        if len(_STYLED) > 50_000:
            _STYLED.clear()
        found = _STYLED[key] = _styles(value)
    return found


def _styles(value: Any) -> Any:
    if isinstance(value, list):
        return [_styles(v) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _styles(v) for k, v in value.items()}
    for key in list(out):
        if key == "rgbColor" or ((key == "color" or key.endswith("Color")) and key != "themeColor"):
            out[key] = _color(out[key])
    for key in list(out):
        if (key == "color" or key.endswith("Color")) and isinstance(out[key], dict):
            if key == "rgbColor" or key == "themeColor":
                continue
            twin = key + "Style"
            if twin not in out:
                out[twin] = {"rgbColor": dict(out[key])}
        elif key.endswith("ColorStyle") or key == "colorStyle":
            plain = key[: -len("Style")]
            rgb = out[key].get("rgbColor") if isinstance(out[key], dict) else None
            if rgb is not None and plain not in out:
                out[plain] = dict(rgb)
    return out


def grid_range(value: dict[str, Any]) -> dict[str, Any]:
    """GridRange as Google prints it inside stored objects: sheetId 0 is omitted."""
    out = {k: v for k, v in value.items() if v is not None}
    if out.get("sheetId") == 0:
        del out["sheetId"]
    return out


_KEEP_ZERO = {"sheetId", "index", "rowCount", "columnCount"}


def sheet_properties(props: dict[str, Any]) -> dict[str, Any]:
    """SheetProperties without false/zero defaults (Google prints `hidden` only when true)."""
    out: dict[str, Any] = {}
    for key, value in props.items():
        if value is None or (value is False) or (value == 0 and key not in _KEEP_ZERO):
            continue
        if isinstance(value, dict):
            value = sheet_properties(value) if key == "gridProperties" else styles(value)
            if not value and key != "gridProperties":
                continue
        out[key] = value
    if "tabColor" in out and "tabColorStyle" not in out:
        out["tabColorStyle"] = {"rgbColor": dict(out["tabColor"])}
    if "tabColorStyle" in out and "tabColor" not in out:
        rgb = out["tabColorStyle"].get("rgbColor")
        if rgb is not None:
            out["tabColor"] = dict(rgb)
    return out
