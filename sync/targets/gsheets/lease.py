"""One writer at a time: a lease held as developer metadata on the spreadsheet.

Creating metadata with a fixed id is Google's compare-and-set: a second create with the same
id fails, so two people pressing "Refresh" together cannot both get it. An expired lease (a
run that crashed) is taken over in one atomic batch that deletes it only if it is unchanged;
so is, at once, the lease of a run on this computer whose process is gone.

Each lease carries its run's id. When Google applied a create but its answer was lost, the
HTTP client sends it again and Google refuses it (the id is taken): the lease found then
carries our own run id, so it is ours, not "another refresh".
"""

from __future__ import annotations

import json
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from gspread.exceptions import APIError

from ...errors import LeaseError, msg

LEASE_ID = 17_329_701  # fixed: the id is what makes creation a compare-and-set
LEASE_KEY = "fupan.lease"


@dataclass
class Holder:
    owner: str
    expires: float
    run: str = ""
    host: str = ""
    pid: int = 0

    def gone(self) -> bool:
        """A run on this computer whose process has ended (a crash, a kill)."""
        return self.host == socket.gethostname() and self.pid > 0 and not _alive(self.pid)

    def describe(self) -> str:
        until = datetime.fromtimestamp(self.expires, UTC).strftime("%H:%M:%S UTC")
        return f"{self.owner} (until {until})"


def _lookup(value: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"metadataId": LEASE_ID}
    if value is not None:
        found["metadataValue"] = value
    return {"developerMetadataLookup": found}


class Lease:
    """The refresh lease of one spreadsheet; `batch(id, body)` sends a batchUpdate."""

    def __init__(
        self,
        batch: Callable[[dict[str, Any]], Any],
        read: Callable[[], str | None],
        *,
        who: str = "",
        ttl: float = 600.0,
        wait: float = 0.0,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._batch = batch
        self._read = read
        self.who = who or f"{os.environ.get('USER', 'someone')}@{socket.gethostname()}"
        self.ttl = ttl
        self.wait = wait
        self._clock = clock
        self._sleep = sleep
        self.value: str | None = None
        self.run = uuid.uuid4().hex[:12]  # this run's: a lease found with it is ours

    def _new_value(self) -> str:
        return json.dumps(
            {
                "owner": self.who,
                "run": self.run,
                "expires": self._clock() + self.ttl,
                "host": socket.gethostname(),
                "pid": os.getpid(),
            },
            separators=(",", ":"),
        )

    def create_request(self, value: str) -> dict[str, Any]:
        return {
            "createDeveloperMetadata": {
                "developerMetadata": {
                    "metadataId": LEASE_ID,
                    "metadataKey": LEASE_KEY,
                    "metadataValue": value,
                    "location": {"spreadsheet": True},
                    "visibility": "DOCUMENT",
                }
            }
        }

    def release_request(self) -> dict[str, Any]:
        """Deletes the lease only if it is still ours (put last in the final batch)."""
        assert self.value is not None
        return {"deleteDeveloperMetadata": {"dataFilter": _lookup(self.value)}}

    def acquire(self, **extra: Any) -> Any:
        """Take the lease; `extra` goes into the batch body, whose answer is returned."""
        deadline = self._clock() + self.wait
        while True:
            value = self._new_value()
            try:
                answer = self._batch({"requests": [self.create_request(value)], **extra})
                self.value = value
                return answer
            except APIError as exc:
                if exc.response.status_code != 400:
                    raise
            held = self._read()
            if held is None:
                continue  # released between our two requests: try again
            holder = _holder(held)
            if holder.run == self.run:  # our create was applied, its answer lost: ours
                self.value = held
                return {}
            if holder.expires <= self._clock() or holder.gone():
                try:  # take over a crashed run's lease, only if nobody else did first
                    answer = self._batch(
                        {
                            "requests": [
                                {"deleteDeveloperMetadata": {"dataFilter": _lookup(held)}},
                                self.create_request(value),
                            ],
                            **extra,
                        }
                    )
                    self.value = value
                    return answer
                except APIError as exc:
                    if exc.response.status_code != 400:
                        raise
                    continue
            if self._clock() >= deadline:
                raise LeaseError(msg("err:g_leased", holder=holder.describe()))
            self._sleep(min(5.0, max(0.5, deadline - self._clock())))

    def release(self) -> None:
        """Separate release, for runs that stop before their final batch."""
        if self.value is None:
            return
        try:
            self._batch({"requests": [self.release_request()]})
        finally:
            self.value = None


def _holder(value: str) -> Holder:
    try:
        data = json.loads(value)
        return Holder(
            str(data["owner"]),
            float(data["expires"]),
            str(data.get("run", "")),
            str(data.get("host", "")),
            int(data.get("pid", 0)),
        )
    except (ValueError, KeyError, TypeError):
        return Holder("an unknown program", 0.0)  # unreadable: treat as expired


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # no cheap, safe check there: the lease expires by itself
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True
