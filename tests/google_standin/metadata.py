"""Developer metadata: locations, and DataFilter matching for search/update/delete."""

from __future__ import annotations

from typing import Any

from .errors import Reject, Unimplemented
from .model import Spreadsheet


def location(book: Spreadsheet, given: dict[str, Any] | None) -> dict[str, Any]:
    """A DeveloperMetadataLocation as Google stores it (with its read-only locationType)."""
    given = {k: v for k, v in (given or {}).items() if v is not None}
    if given.get("spreadsheet"):
        return {"locationType": "SPREADSHEET", "spreadsheet": True}
    if "sheetId" in given:
        sheet_id = int(given["sheetId"])
        if book.by_id(sheet_id) is None:
            raise Reject(f"No grid with id: {sheet_id}")
        return {"locationType": "SHEET", "sheetId": sheet_id}
    if "dimensionRange" in given:
        dr = dict(given["dimensionRange"])
        sheet = book.by_id(int(dr.get("sheetId", 0)))
        if sheet is None:
            raise Reject(f"No grid with id: {int(dr.get('sheetId', 0))}")
        start, end = dr.get("startIndex"), dr.get("endIndex")
        if start is None or end is None or int(end) - int(start) != 1:
            raise Reject("Developer metadata may only be associated with a single row or column.")
        kind = "ROW" if dr.get("dimension") == "ROWS" else "COLUMN"
        if dr.get("sheetId") == 0:
            dr.pop("sheetId")
        return {"locationType": kind, "dimensionRange": dr}
    raise Reject("Developer metadata must have a location specified.")


def _same_location(stored: dict[str, Any], wanted: dict[str, Any]) -> bool:
    if wanted.get("locationType") and wanted["locationType"] != stored.get("locationType"):
        return False
    if wanted.get("spreadsheet") and stored.get("locationType") != "SPREADSHEET":
        return False
    if wanted.get("sheetId") is not None:
        if stored.get("locationType") == "SHEET":
            return int(wanted["sheetId"]) == stored.get("sheetId")
        if "dimensionRange" in stored:
            return int(wanted["sheetId"]) == stored["dimensionRange"].get("sheetId", 0)
        return False
    if wanted.get("dimensionRange"):
        want = {k: v for k, v in wanted["dimensionRange"].items() if v is not None}
        have = {"sheetId": 0, **stored.get("dimensionRange", {})}
        return all(have.get(k) == (v if k != "sheetId" else int(v)) for k, v in want.items())
    return True


def matches(md: dict[str, Any], data_filter: dict[str, Any]) -> bool:
    """Does one stored metadata entry match one DataFilter?"""
    lookup = data_filter.get("developerMetadataLookup")
    if lookup is None:
        raise Unimplemented("DataFilters other than developerMetadataLookup for metadata")
    lookup = {k: v for k, v in lookup.items() if v is not None}
    if "metadataId" in lookup and int(lookup["metadataId"]) != md.get("metadataId"):
        return False
    for key in ("metadataKey", "metadataValue", "visibility"):
        if key in lookup and lookup[key] != md.get(key):
            return False
    loc = md.get("location", {})
    if "locationType" in lookup and lookup["locationType"] != loc.get("locationType"):
        return False
    return "metadataLocation" not in lookup or _same_location(loc, lookup["metadataLocation"])


def search(book: Spreadsheet, filters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """MatchedDeveloperMetadata entries, in storage order, each with the filters it matched."""
    found = []
    for md, _ in book.all_metadata():
        hit = [f for f in filters if f and matches(md, f)]
        if hit:
            found.append({"developerMetadata": md, "dataFilters": hit})
    return found
