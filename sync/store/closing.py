"""Closing a store on a thread of its own, while the caller writes the workbook.

Closing a store that took in a week of reports is DuckDB's checkpoint: it writes the new rows
into the file and compacts the table's newest row groups, a third of a second at 2,000 ASINs.
DuckDB does that without holding Python's lock, so it runs on a second core while the review
is built and written. The rows are safe before it starts (a committed import is in DuckDB's
write-ahead log); the caller waits for the close before it reports success.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import duckdb

from ..errors import StoreError


class Closing:
    """A store being closed; `wait()` for it (it raises what closing raised)."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        *,
        checkpoint: bool,
        failed: Callable[[BaseException], StoreError | None],
    ) -> None:
        self._con = con
        self._checkpoint = checkpoint
        self._failed = failed
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._close, name="fupan-store-close")
        self._thread.start()

    def _close(self) -> None:
        try:
            if self._checkpoint:
                self._con.execute("CHECKPOINT")  # unlike close(), lets go of Python's lock
        except BaseException as exc:  # handed to wait(), on the caller's thread
            self._error = exc
        try:
            self._con.close()
        except BaseException as exc:
            self._error = self._error or exc

    def wait(self) -> None:
        self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise self._failed(error) or error
