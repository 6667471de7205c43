"""Differential replay: gspread's real Google recordings against the stand-in.

Each cassette in ../shared/gspread-cassettes is split into runs (one per Drive `files.create`);
every recorded request is sent to a fresh stand-in (ids learned from its answers substituted
for the recorded ones) and must get the same status and the same JSON: same keys, same value
types, and the same values except ids (checked for consistency instead), timestamps and the
volatile fields listed below. See the shared docs, section 2, "Two ways to use them", item 2.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests
from google_standin import FakeGoogle
from shared_files import SHARED, shared_dir, why_absent

CASSETTES = SHARED / "gspread-cassettes"

# No twin: this checks the Google stand-in against Google's recordings (no reader, KPI or
# workbook behaviour); what fupan does with a Google Sheet is tested on the stand-in
# everywhere (test_gsheets_target.py, test_google_standin.py, test_actions_gsheet.py).
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(
        shared_dir("gspread-cassettes") is None,
        reason=f"the gspread cassettes are not read: {why_absent('gspread-cassettes')}",
    ),
]

# The identity that recorded the cassettes (it shows in protected ranges' editors).
RECORDER = "telegram-budgeter@telegram-budgeter.iam.gserviceaccount.com"
TOKEN = "<ACCESS_TOKEN>"  # vcrpy filtered the real one to this
ID_KEYS = {"spreadsheetId", "id", "sheetId", "protectedRangeId", "chartId", "namedRangeId"}
VOLATILE = {"spreadsheetTheme", "defaultFormat", "spreadsheetUrl"}
TIMES = {"createdTime", "modifiedTime"}

# (cassette, interaction index, JSON path) that the stand-in answers differently, and why.
# Keep this narrow: every entry names one recorded behaviour the stand-in cannot match.
EXCLUDED: dict[tuple[str, int, str], str] = {}


def cassette_names() -> list[str]:
    if shared_dir("gspread-cassettes") is None:
        return []
    return sorted(p.name for p in CASSETTES.glob("*.json"))


def runs(interactions: list[dict[str, Any]]) -> list[list[tuple[int, dict[str, Any]]]]:
    """Split at each Drive files.create (each recording run starts with one)."""
    out: list[list[tuple[int, dict[str, Any]]]] = []
    for i, it in enumerate(interactions):
        req = it["request"]
        uri = req["uri"].split("?")[0]
        if req["method"] == "POST" and uri == "https://www.googleapis.com/drive/v3/files":
            out.append([])
        if not out:
            out.append([])
        out[-1].append((i, it))
    return out


def _learn(recorded: Any, actual: Any, ids: dict[Any, Any]) -> None:
    """Pair the ids of a recorded answer with the stand-in's (same structure)."""
    if isinstance(recorded, dict) and isinstance(actual, dict):
        for key, value in recorded.items():
            if key in ID_KEYS and key in actual and not isinstance(value, (dict, list)):
                ids.setdefault(value, actual[key])
            elif key in actual:
                _learn(value, actual[key], ids)
    elif isinstance(recorded, list) and isinstance(actual, list):
        for a, b in zip(recorded, actual, strict=False):
            _learn(a, b, ids)


def _substitute(value: Any, ids: dict[Any, Any]) -> Any:
    if isinstance(value, dict):
        return {
            k: (
                ids.get(v, v)
                if k in ID_KEYS and not isinstance(v, (dict, list))
                else _substitute(v, ids)
            )
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_substitute(v, ids) for v in value]
    return value


def _type(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return type(value).__name__


def compare(recorded: Any, actual: Any, ids: dict[Any, Any], path: str = "") -> list[str]:
    """Differences between a recorded answer and the stand-in's, as readable lines."""
    if _type(recorded) != _type(actual):
        return [f"{path or '<root>'}: recorded {_type(recorded)} {recorded!r}, got {actual!r}"]
    if isinstance(recorded, dict):
        keys_r = set(recorded) - VOLATILE
        keys_a = set(actual) - VOLATILE
        diffs = []
        if keys_r != keys_a:
            diffs.append(
                f"{path or '<root>'}: keys missing {sorted(keys_r - keys_a)}, "
                f"extra {sorted(keys_a - keys_r)}"
            )
        for key in sorted(keys_r & keys_a):
            where = f"{path}.{key}" if path else key
            if key in ID_KEYS and not isinstance(recorded[key], (dict, list)):
                if ids.get(recorded[key], recorded[key]) != actual[key]:
                    diffs.append(f"{where}: id {recorded[key]!r} maps to {actual[key]!r}")
            elif key in TIMES:
                continue
            else:
                diffs.extend(compare(recorded[key], actual[key], ids, where))
        return diffs
    if isinstance(recorded, list):
        if len(recorded) != len(actual):
            return [f"{path}: recorded {len(recorded)} items {recorded!r}, got {actual!r}"]
        return [
            d
            for i, (a, b) in enumerate(zip(recorded, actual, strict=True))
            for d in compare(a, b, ids, f"{path}[{i}]")
        ]
    if isinstance(recorded, (int, float)) and not isinstance(recorded, bool):
        return [] if float(recorded) == float(actual) else [f"{path}: {recorded!r} != {actual!r}"]
    return [] if recorded == actual else [f"{path}: recorded {recorded!r}, got {actual!r}"]


def _spreadsheet_ids(uri: str) -> list[str]:
    parts = uri.split("?")[0].split("/")
    out = []
    for marker in ("spreadsheets", "files"):
        if marker in parts and parts.index(marker) + 1 < len(parts):
            out.append(parts[parts.index(marker) + 1].split(":")[0])
    return out


def replay_run(name: str, run: list[tuple[int, dict[str, Any]]]) -> list[str]:
    fake = FakeGoogle()
    fake.legacy_service_account_storage = True  # recorded before Drive's 2025 change
    fake.grant(TOKEN, RECORDER)
    session = requests.Session()
    fake.mount(session)
    ids: dict[Any, Any] = {}
    problems: list[str] = []
    for i, it in run:
        req, rec = it["request"], it["response"]
        status = rec["status"]["code"]
        uri = req["uri"]
        for sid in _spreadsheet_ids(uri):
            if sid not in ids and sid != "test" and status == 403:
                # a spreadsheet that exists but was never shared with the recorder
                fake.create_spreadsheet(
                    "private", editors=(), owner="stranger@example.com", spreadsheet_id=sid
                )
        for old, new in ids.items():
            if isinstance(old, str) and len(old) > 20:
                uri = uri.replace(old, new)
        body = req["body"]
        if body:
            body = json.dumps(_substitute(json.loads(body), ids))
        headers = {"Authorization": f"Bearer {TOKEN}"}
        if body:
            headers["Content-Type"] = "application/json"
        answer = session.request(req["method"], uri, data=body, headers=headers)
        where = f"{name} #{i} {req['method']} {req['uri'][:90]}"
        if answer.status_code != status:
            problems.append(
                f"{where}: status {answer.status_code} != recorded {status}: {answer.text[:300]}"
            )
            continue
        text = rec["body"]["string"]
        if not text:
            if answer.content:
                problems.append(f"{where}: recorded an empty body, got {answer.text[:200]}")
            continue
        recorded = json.loads(text)
        actual = answer.json()
        _learn(recorded, actual, ids)
        for diff in compare(recorded, actual, ids):
            key = (name, i, diff.split(":")[0])
            if key not in EXCLUDED:
                problems.append(f"{where}: {diff}")
    assert len(fake.log) == len(run)  # every recorded request reached the stand-in
    fake.check()
    return problems


@pytest.mark.parametrize("name", cassette_names())
def test_cassette_replays_identically(name: str) -> None:
    data = json.loads((CASSETTES / name).read_text(encoding="utf-8"))
    problems: list[str] = []
    for run in runs(data["interactions"]):
        problems.extend(replay_run(name, run))
    assert not problems, "\n".join(problems)


def test_every_cassette_is_replayed() -> None:
    """The replay covers every recording that is there (none is skipped silently)."""
    assert len(cassette_names()) == len(list(CASSETTES.glob("*.json"))) >= 15
