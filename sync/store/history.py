"""The history store: every imported report row, kept in an embedded DuckDB file.

DuckDB was measured against SQLite (benchmarks/store_choice.py, docs/store.md): it writes a
300,000-row report about 8x faster straight from pandas and reads periods back faster.
Importing is idempotent, and a re-download replaces the older rows for the days it covers.

Who may open it (DuckDB's rule): one process reading and writing, or any number of processes
reading, never both. Commands that only read open it read-only, so they never block each
other and work in a folder they cannot write; a command that finds the store held waits up
to $FUPAN_STORE_WAIT seconds (default 30), then names the process holding it. A write is
one transaction: all of an import is stored, or none of it.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Collection, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from ..errors import OverlapError, StoreError, msg
from ..findings import Finding
from ..ingest.readers.base import ReadResult
from ..ingest.registry import READERS
from ..ingest.schema import TABLES, ColumnKind, TableSpec, conform
from ..periods import Period
from .closing import Closing
from .filters import filters
from .opening import connect, lock_wait, open_failed, system_reason

# Rows of one table that say the same thing when their days overlap: a re-download of the
# same kind replaces them. Other tables add to each other (SP next to SB, MYI next to planning).
SOURCE_KEYS: dict[str, tuple[str, ...]] = {
    "business_asin": ("marketplace",),
    "business_daily": ("marketplace",),
    "ads": ("marketplace", "ad_type", "grain"),
    "inventory": ("marketplace", "source"),
    "returns": ("marketplace",),
    "feedback": ("marketplace",),
    "account_health": ("marketplace", "metric"),
    "orders": ("marketplace",),
    # A Date Range report replaces the Date Range rows of the days it covers; a settlement
    # (V1 or V2, any download of it) replaces that settlement only. A Date Range report and a
    # settlement of the same days are both kept: the engine counts each day from one of them.
    "transactions": ("marketplace",),
    "settlements": ("marketplace", "settlement_id"),
    "fee_preview": ("marketplace",),
}

_SQL_TYPES = {ColumnKind.TEXT: "VARCHAR", ColumnKind.NUMBER: "DOUBLE", ColumnKind.DATE: "DATE"}


@dataclass(frozen=True)
class ImportOutcome:
    file: str
    reader: str
    rows: int
    replaced: int
    period: Period | None
    skipped: bool  # the same file was imported before: nothing changed


class Store:
    """An open history store. Use `Store.open(path)` or `Store.memory()`, as a context manager.

    `Store.open(path, read_only=True)` never writes: it creates nothing on disk (a store not
    created yet reads as empty) and shares the file with other readers.
    """

    def __init__(
        self, con: duckdb.DuckDBPyConnection, path: Path | None, *, read_only: bool = False
    ) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only
        self._in_transaction = False
        self._create(temporary=read_only)
        self._have: dict[str, set[str]] = {}  # table -> its columns (fixed once created)
        self._closing: Closing | None = None
        self._read: dict[tuple[object, ...], pd.DataFrame] = {}  # table(): reads since a write

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, wait: float | None = None) -> Store:
        """Open the store at `path`, waiting up to `wait` seconds (default: $FUPAN_STORE_WAIT,
        else 30) while another process holds it."""
        p = Path(path)
        if read_only and not p.exists():  # nothing imported yet: an empty store, in memory
            return cls(duckdb.connect(":memory:"), p, read_only=True)
        con = connect(p, read_only, lock_wait(wait))
        try:
            return cls(con, p, read_only=read_only)
        except duckdb.Error as exc:  # creating the tables failed (a full disk, say)
            con.close()
            raise open_failed(p, read_only, exc) from None

    @classmethod
    def memory(cls) -> Store:
        return cls(duckdb.connect(":memory:"), None)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._closing is None:
            self._con.close()

    def close_later(self) -> Closing:
        """Close on a thread of its own (store/closing.py); `.wait()` for it to end. The
        store is not used after this (its `with` block ends without closing it again)."""
        self._closing = Closing(self._con, checkpoint=not self.read_only, failed=self._write_failed)
        return self._closing

    def _create(self, *, temporary: bool = False) -> None:
        """The tables, created when missing. A read-only store creates none in the file: the
        tables it lacks (a store made by an older fupan) are empty temporary tables."""
        c = self._con
        kind = "TEMP TABLE" if temporary else "TABLE"
        # What the file holds, read once: a statement per table and column that is there
        # already would each be a transaction of its own (most of opening a store).
        existing = c.execute(
            "SELECT table_name, column_name FROM duckdb_columns() "
            "WHERE database_name = current_database() AND schema_name = 'main'"
        ).fetchall()
        have = {table for table, _ in existing}
        if not temporary:
            c.execute("CREATE SEQUENCE IF NOT EXISTS import_ids START 1")
        statements = {
            "imports": """(
                id INTEGER PRIMARY KEY, file VARCHAR, sha256 VARCHAR, reader VARCHAR,
                marketplace VARCHAR, period_start DATE, period_end DATE, rows INTEGER,
                replaced INTEGER, imported_at TIMESTAMP)""",
            "findings": """(
                import_id INTEGER, severity VARCHAR, code VARCHAR, message VARCHAR,
                file VARCHAR, "row" INTEGER, "column" VARCHAR, message_zh VARCHAR)""",
        }
        for spec in TABLES.values():
            cols = ", ".join(f'"{col.name}" {_SQL_TYPES[col.kind]}' for col in spec.columns)
            statements[spec.name] = f"({cols}, import_id INTEGER)"
        for name, columns in statements.items():
            if name not in have:
                c.execute(f"CREATE {kind} IF NOT EXISTS {name} {columns}")
        if not temporary:  # a store made by an older fupan gains the columns added since
            held = set(existing)
            if ("findings", "message_zh") not in held:
                c.execute("ALTER TABLE findings ADD COLUMN IF NOT EXISTS message_zh VARCHAR")
            for spec in TABLES.values():
                for col in spec.columns:
                    if (spec.name, col.name) in held:
                        continue
                    c.execute(
                        f'ALTER TABLE {spec.name} ADD COLUMN IF NOT EXISTS "{col.name}" '
                        f"{_SQL_TYPES[col.kind]}"
                    )

    # Reading ---------------------------------------------------------------------------

    def table(
        self,
        name: str,
        *,
        marketplace: str | None = None,
        period: Period | None = None,
        columns: Collection[str] | None = None,
    ) -> pd.DataFrame:
        """Canonical rows of a table; with a period, the rows whose days overlap it; with
        `columns`, only those (a wide table's other columns cost most of a large read).

        A read is kept until the next write: a sync reads the stock table four times."""
        key = (name, marketplace, period, None if columns is None else frozenset(columns))
        read = self._read.get(key)
        if read is None:
            spec = TABLES[name] if columns is None else TABLES[name].only(columns)
            where, params = filters(spec, marketplace, period)
            # A read-only store made by an older fupan lacks newer columns: blank, no error.
            have = self._columns(name)
            cols = ", ".join(f'"{c}"' for c in spec.names if c in have)
            df = self._con.execute(f"SELECT {cols} FROM {name}{where}", params).df()
            read = conform(df, spec)
            if self._in_transaction:  # what a transaction reads, it may write next
                return read
            self._read[key] = read
        return read.copy()  # each caller's own, whatever it changes

    def _columns(self, table: str) -> set[str]:
        if table not in self._have:
            rows = self._con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [table]
            ).fetchall()
            self._have[table] = {r[0] for r in rows}
        return self._have[table]

    def imports(self) -> pd.DataFrame:
        return self._con.execute("SELECT * FROM imports ORDER BY id").df()

    def findings(self) -> pd.DataFrame:
        return self._con.execute("SELECT * FROM findings ORDER BY import_id").df()

    def marketplaces(self) -> list[str]:
        rows = self._con.execute(
            "SELECT DISTINCT marketplace FROM imports ORDER BY marketplace"
        ).fetchall()
        return [r[0] for r in rows if r[0]]

    def spans(self, name: str, marketplace: str | None = None) -> list[Period]:
        """The days each import into a table covers (its --period, else its rows' dates)."""
        kinds = sorted({r.kind for r in READERS if r.table.name == name})
        if not kinds:
            return []
        marks = ", ".join("?" for _ in kinds)
        where = f"reader IN ({marks}) AND period_start IS NOT NULL"
        params: list[object] = list(kinds)
        if marketplace:
            where += " AND marketplace = ?"
            params.append(marketplace)
        rows = self._con.execute(
            f"SELECT DISTINCT period_start, period_end FROM imports WHERE {where}", params
        ).fetchall()
        return [Period(pd.Timestamp(s).date(), pd.Timestamp(e).date()) for s, e in rows]

    def coverage(self, name: str, marketplace: str | None = None) -> Period | None:
        """First and last day any row of a table covers."""
        spec = TABLES[name]
        start, end = spec.span
        where, params = filters(spec, marketplace, None)
        row = self._con.execute(
            f'SELECT min("{start}"), max("{end}") FROM {name}{where}', params
        ).fetchall()[0]
        if not row or row[0] is None:
            return None
        return Period(pd.Timestamp(row[0]).date(), pd.Timestamp(row[1]).date())

    # Writing ---------------------------------------------------------------------------

    def already_imported(self, sha256: str, period: Period | None) -> bool:
        if period is None:
            q = "SELECT count(*) FROM imports WHERE sha256 = ?"
            params: list[object] = [sha256]
        else:
            q = (
                "SELECT count(*) FROM imports "
                "WHERE sha256 = ? AND period_start = ? AND period_end = ?"
            )
            params = [sha256, period.start, period.end]
        return bool(self._con.execute(q, params).fetchall()[0][0])

    def imported_as(self, sha256: str) -> str:
        """The reader kind a file of these bytes was imported as ("" when it never was)."""
        q = "SELECT reader FROM imports WHERE sha256 = ? ORDER BY id LIMIT 1"
        rows = self._con.execute(q, [sha256]).fetchall()
        return str(rows[0][0]) if rows else ""

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Every write inside is stored together, or none is (nested: the outer one counts).

        A write the disk refuses (full, read-only, failing) becomes a StoreError with the
        system's own words, after the store is put back as it was.
        """
        if self.read_only:
            raise StoreError(msg("err:store_read_only", path=self._where))
        if self._in_transaction:
            yield
            return
        c = self._con
        self._in_transaction = True
        self._read.clear()
        try:
            c.execute("BEGIN TRANSACTION")
            try:
                yield
                self._commit()
            except BaseException as exc:
                self._rollback()
                failed = self._write_failed(exc)
                if failed is not None:
                    raise failed from None
                raise
        finally:
            self._in_transaction = False
            self._read.clear()

    def _commit(self) -> None:
        self._con.execute("COMMIT")

    def _rollback(self) -> None:
        # After a failed COMMIT DuckDB has undone the transaction itself, and ROLLBACK says
        # "no transaction is active": the failure that matters is the one being raised.
        with suppress(duckdb.Error):
            self._con.execute("ROLLBACK")

    def _write_failed(self, exc: BaseException) -> StoreError | None:
        """A StoreError for a write the system refused, or None for any other failure."""
        system = (OSError, duckdb.IOException, duckdb.TransactionException, duckdb.FatalException)
        reason = system_reason(exc) if isinstance(exc, system) else None
        if reason is None:
            return None
        where = self._where
        full = reason == os.strerror(errno.ENOSPC)
        fix = msg("err:store_write_fix_space" if full else "err:store_write_fix_disk")
        return StoreError(msg("err:store_write_failed", path=where, reason=reason, fix=fix))

    @property
    def _where(self) -> str:
        return str(self.path) if self.path else "(in memory)"

    def import_result(self, result: ReadResult, *, file: str | Path, sha256: str) -> ImportOutcome:
        """Store one file's rows, replacing what it restates: all of them or none.

        Inside `transaction()` the file is stored together with the others of that transaction.
        """
        name = str(file)
        if self.already_imported(sha256, result.period):
            return ImportOutcome(name, result.reader, 0, 0, result.period, skipped=True)
        spec = result.table
        frame = conform(result.frame, spec)
        c = self._con
        with self.transaction():
            replaced = self._replace(spec, frame, result.period, name)
            import_id = c.execute("SELECT nextval('import_ids')").fetchall()[0][0]
            frame = frame.assign(import_id=import_id)
            self._insert(spec, frame)
            period = result.period
            c.execute(
                "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    import_id,
                    Path(name).name,
                    sha256,
                    result.reader,
                    result.marketplace,
                    period.start if period else None,
                    period.end if period else None,
                    len(frame),
                    replaced,
                    datetime.now(UTC).replace(tzinfo=None),
                ],
            )
            self._add_findings(import_id, result.findings)
        return ImportOutcome(name, result.reader, len(frame), replaced, result.period, False)

    def _insert(self, spec: TableSpec, frame: pd.DataFrame) -> None:
        c = self._con
        c.register("incoming", frame)
        try:
            cols = ", ".join(f'"{x}"' for x in [*spec.names, "import_id"])
            c.execute(f"INSERT INTO {spec.name} ({cols}) SELECT {cols} FROM incoming")
        finally:
            c.unregister("incoming")

    def _add_findings(self, import_id: int, findings: list[Finding]) -> None:
        for f in findings:  # the message in both languages: the zh Issues tab says it
            row = (import_id, str(f.severity), f.code, f.message, Path(f.file).name, f.row)
            self._con.execute(
                'INSERT INTO findings (import_id, severity, code, message, file, "row", "column", '
                "message_zh) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [*row, f.column, f.text("zh")],
            )

    def _replace(
        self, spec: TableSpec, frame: pd.DataFrame, period: Period | None, file: str
    ) -> int:
        if frame.empty:
            return 0
        start, end = spec.span
        lo = period.start if period else frame[start].min().date()
        hi = period.end if period else frame[end].max().date()
        keys = SOURCE_KEYS[spec.name]
        replaced = 0
        for values in frame[list(keys)].drop_duplicates().itertuples(index=False):
            same = " AND ".join(f't."{k}" = ?' for k in keys)
            straddling = self._con.execute(
                f'SELECT DISTINCT i.file, t."{start}", t."{end}" FROM {spec.name} t '
                f"JOIN imports i ON i.id = t.import_id WHERE {same} "
                f'AND t."{start}" <= ? AND t."{end}" >= ? '
                f'AND NOT (t."{start}" >= ? AND t."{end}" <= ?)',
                [*values, hi, lo, lo, hi],
            ).fetchall()
            if straddling:
                other, s, e = straddling[0]
                first, last = pd.Timestamp(s).date(), pd.Timestamp(e).date()
                days = {"lo": lo, "hi": hi, "start": first, "end": last}
                said = msg("err:store_overlap", file=Path(file).name, other=other, **days)
                raise OverlapError(said)
            replaced += self._con.execute(
                f'DELETE FROM {spec.name} t WHERE {same} AND t."{start}" >= ? AND t."{end}" <= ?',
                [*values, lo, hi],
            ).fetchall()[0][0]
        return replaced
