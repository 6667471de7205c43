"""Bytes on disk to a raw table: format and encoding found from the content, never the name."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from ..errors import ReportError, UnknownReportError, msg
from ..findings import Finding, Severity
from .file_bytes import OLE_MAGIC, ole_error, read_bounded, refuse_binary
from .raw import RawReport
from .text_source import decode, load_text
from .xlsx_source import load_xlsx

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls"})
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".tab"})
JSON_SUFFIXES = frozenset({".json"})


def load(path: str | Path) -> RawReport:
    """Read a file into a RawReport, or raise ReportError saying what to do."""
    p = Path(path)
    return parse(p, read_bounded(p))


def fingerprint(blob: bytes) -> str:
    """The content hash a store knows a file by (the same bytes, whatever the name)."""
    return hashlib.sha256(blob).hexdigest()


def parse(p: Path, blob: bytes) -> RawReport:
    """A file's bytes as a RawReport, or ReportError saying what to do."""
    # A byte-order mark alone (Excel's "CSV UTF-8" of an empty sheet) is empty too.
    if not blob.removeprefix(b"\xef\xbb\xbf").strip():
        raise ReportError(p, msg("err:empty"), fix=msg("err:fix_download_again"))

    findings: list[Finding] = []
    if blob.startswith(OLE_MAGIC):
        raise ole_error(p, blob)
    if blob[:2] == b"PK":
        raw = load_xlsx(p, blob, findings)
        kind = "xlsx"
    elif blob.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        raw = _load_json(p, blob, findings)
        kind = "json"
    elif blob.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        raise UnknownReportError(p, msg("err:markup"), fix=msg("err:fix_markup"))
    else:
        refuse_binary(p, blob)
        raw = load_text(p, blob, findings)
        kind = "text"
    expected = {
        "xlsx": XLSX_SUFFIXES,
        "json": JSON_SUFFIXES,
        "text": TEXT_SUFFIXES,
    }[kind]
    if p.suffix.lower() not in expected:
        findings.append(
            Finding.of(
                Severity.WARNING,
                "wrong-extension",
                msg(
                    "err:wrong_extension",
                    kind=raw.format.upper(),
                    suffix=p.suffix or msg("err:no_suffix"),
                ),
                file=str(p),
                framed=True,
            )
        )
    raw.sha256 = fingerprint(blob)
    raw.findings[:0] = findings
    return raw


def _load_json(path: Path, blob: bytes, findings: list[Finding]) -> RawReport:
    text, encoding = decode(path, blob, findings)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportError(
            path,
            msg("err:bad_json", line=exc.lineno, column=exc.colno, why=exc.msg),
            fix=msg("err:fix_cut_short"),
        ) from None
    header = list(doc) if isinstance(doc, dict) else []
    return RawReport(path, "json", encoding, header, pd.DataFrame(), data=doc)
