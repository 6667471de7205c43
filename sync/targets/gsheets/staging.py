"""Staging a write too large for one request: the biggest tabs go ahead into hidden tabs.

Google refuses a request over 10 MB. Only then are the biggest tabs' rows sent ahead, in
slices under the limit, to hidden staging tabs; the final atomic batch copies them into
place and deletes the staging tabs, so the visible workbook still changes in one step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ...errors import TargetError, msg
from .book import STAGE_PREFIX
from .grid import SheetContent, box, write_cells
from .layout import new_id
from .sheets_api import encode
from .values import JSON


def stage(
    head: list[JSON],
    writes: dict[str, list[JSON]],
    tail: list[JSON],
    bodies: dict[str, SheetContent],
    sizes: dict[str, tuple[int, int]],
    ids: dict[str, int],
    used: set[int],
    *,
    max_request_bytes: int,
    send: Callable[[JSON, str], object],
    notes: list[str],
) -> list[JSON]:
    """Send the biggest tabs ahead into hidden tabs; the final requests copy them in.

    `send` writes one staging batch; what a user should know is added to `notes`.
    """

    def cost(reqs: list[JSON]) -> int:
        return len(encode(reqs))

    budget = max_request_bytes - 1024  # the envelope around the requests
    sized = {t: cost(w) for t, w in writes.items()}
    total = cost(head) + cost(tail) + sum(sized.values())
    # Keep the small tabs in the final batch; stage the biggest tabs first.
    staged: list[str] = []
    remaining = total
    for title in sorted(sized, key=sized.__getitem__, reverse=True):
        if remaining <= budget * 0.9:
            break
        staged.append(title)
        remaining -= sized[title]
    if remaining > budget:
        raise TargetError(msg("err:g_setup_too_large"))
    stage_ids = {t: new_id(used) for t in staged}
    setup = [
        {
            "addSheet": {
                "properties": {
                    "sheetId": stage_ids[t],
                    "title": f"{STAGE_PREFIX}{stage_ids[t]}",
                    "hidden": True,
                    "gridProperties": {"rowCount": sizes[t][0], "columnCount": sizes[t][1]},
                }
            }
        }
        for t in staged
    ]
    batches: list[list[JSON]] = [setup]
    room = budget - cost(setup)
    for t in staged:
        for start, rows in chunks(bodies[t].rows, budget // 2):
            req = {
                "updateCells": {
                    "rows": rows,
                    "fields": "userEnteredValue,userEnteredFormat,note",
                    "start": {"sheetId": stage_ids[t], "rowIndex": start, "columnIndex": 0},
                }
            }
            size = cost([req])
            if size > room:
                batches.append([])
                room = budget
            batches[-1].append(req)
            room -= size
    notes.append(
        f"The review was larger than one Google request ({max_request_bytes:,} bytes); "
        f"{', '.join(staged)} went ahead in {len(batches)} staging request(s) to hidden "
        "tabs, then everything was switched over in one atomic request."
    )
    for n, body in enumerate(batches, 1):
        send({"requests": body}, f"staging {n}/{len(batches)}")
    swaps: list[JSON] = []
    for t in staged:
        height, width = sizes[t]
        swaps.append(
            {
                "copyPaste": {
                    "source": box(stage_ids[t], 0, height, 0, width),
                    "destination": box(ids[t], 0, height, 0, width),
                    "pasteType": "PASTE_NORMAL",
                }
            }
        )
        # The column formats after the copy (a pasted tab's paste is in the copy already).
        swaps += write_cells(ids[t], bodies[t], sizes[t])[1:]
        swaps.append({"deleteSheet": {"sheetId": stage_ids[t]}})
    kept = [r for t, w in writes.items() if t not in staged for r in w]
    return head + kept + swaps + tail


def chunks(rows: list[JSON], budget: int) -> Iterator[tuple[int, list[JSON]]]:
    """Consecutive slices of rows whose JSON stays under `budget` bytes (start row, slice)."""
    start, size = 0, 0
    part: list[JSON] = []
    for n, row in enumerate(rows):
        cost = approx_size(row)
        if part and size + cost > budget:
            yield start, part
            start, size, part = n, 0, []
        part.append(row)
        size += cost
    if part:
        yield start, part


def approx_size(obj: Any) -> int:
    """JSON size of a RowData without serialising it (close enough to plan request splits)."""
    if isinstance(obj, dict):
        return 2 + sum(len(k) + 4 + approx_size(v) for k, v in obj.items())
    if isinstance(obj, list):
        return 2 + sum(approx_size(v) + 1 for v in obj)
    if isinstance(obj, str):
        return len(obj.encode()) + 2 + obj.count('"') + obj.count("\\")
    return len(repr(obj))
