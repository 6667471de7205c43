"""The WHERE clause of a table read: a marketplace, and the rows whose days overlap a period."""

from __future__ import annotations

from ..ingest.schema import TableSpec
from ..periods import Period


def filters(
    spec: TableSpec, marketplace: str | None, period: Period | None
) -> tuple[str, list[object]]:
    """(" WHERE ...", its parameters), or ("", []) for every row."""
    clauses: list[str] = []
    params: list[object] = []
    if marketplace:
        clauses.append("marketplace = ?")
        params.append(marketplace)
    if period:
        start, end = spec.span
        clauses.append(f'"{start}" <= ? AND "{end}" >= ?')
        params += [period.end, period.start]
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
