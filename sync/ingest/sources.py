"""Bytes on disk to a raw table: format and encoding found from the content, never the name."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ReportError, UnknownReportError
from ..findings import Finding, Severity
from .headers import normalise_all

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls"})
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".tab"})
JSON_SUFFIXES = frozenset({".json"})


@dataclass
class RawReport:
    """A report file as cells, before any reader has interpreted it."""

    path: Path
    format: str  # "csv", "tsv", "xlsx" or "json"
    encoding: str  # "utf-8", "utf-8-sig", "cp1252", "gb18030", "cp932", "binary"
    header: list[str]  # header cells as written (BOM removed, otherwise untouched)
    frame: pd.DataFrame  # data cells, one column per header position, named by index
    data: Any = None  # the parsed document for JSON reports
    findings: list[Finding] = field(default_factory=list)
    sha256: str = ""
    notes: list[str] = field(default_factory=list)  # lines of notes above the header, if any

    @property
    def header_row(self) -> int:
        """1-based row of the header in the file (after any lines of notes)."""
        return len(self.notes) + 1

    @property
    def keys(self) -> list[str]:
        """Normalised header names (see headers.normalise)."""
        return normalise_all(self.header)

    def column(self, index: int) -> pd.Series:
        return self.frame.iloc[:, index]

    def file_row(self, frame_index: int) -> int:
        """1-based row number in the file for a data row (the header is row 1, unless notes
        come first)."""
        return frame_index + self.header_row + 1


def load(path: str | Path) -> RawReport:
    """Read a file into a RawReport, or raise ReportError saying what to do."""
    import hashlib

    p = Path(path)
    try:
        blob = p.read_bytes()
    except FileNotFoundError:
        raise ReportError(p, "file not found", fix="Check the path.") from None
    except IsADirectoryError:
        raise ReportError(p, "is a folder, not a file") from None
    except OSError as exc:
        raise ReportError(p, f"cannot be read ({exc.strerror})") from None
    # A byte-order mark alone (Excel's "CSV UTF-8" of an empty sheet) is empty too.
    if not blob.removeprefix(b"\xef\xbb\xbf").strip():
        raise ReportError(p, "the file is empty", fix="Download the report again.")

    findings: list[Finding] = []
    if blob[:2] == b"PK":
        raw = _load_xlsx(p, blob, findings)
        kind = "xlsx"
    elif blob.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        raw = _load_json(p, blob, findings)
        kind = "json"
    else:
        raw = _load_text(p, blob, findings)
        kind = "text"
    expected = {
        "xlsx": XLSX_SUFFIXES,
        "json": JSON_SUFFIXES,
        "text": TEXT_SUFFIXES,
    }[kind]
    if p.suffix.lower() not in expected:
        findings.append(
            Finding(
                Severity.WARNING,
                "wrong-extension",
                f"the file is {raw.format.upper()} although its name ends in "
                f'"{p.suffix or "(nothing)"}"; it was read by its content',
                file=str(p),
            )
        )
    raw.sha256 = hashlib.sha256(blob).hexdigest()
    raw.findings[:0] = findings
    return raw


def _load_xlsx(path: Path, blob: bytes, findings: list[Finding]) -> RawReport:
    try:
        sheets = pd.read_excel(
            io.BytesIO(blob), sheet_name=0, header=None, dtype=object, engine="calamine"
        )
    except Exception as exc:
        raise ReportError(
            path,
            f"is not a readable Excel workbook ({type(exc).__name__})",
            fix="Download it again; if it was opened and saved, save it as .xlsx.",
        ) from None
    frame = sheets.dropna(how="all").reset_index(drop=True)
    frame = frame.dropna(axis=1, how="all")
    if frame.empty:
        raise ReportError(path, "the first sheet is empty", fix="Download the report again.")
    header = [_cell_text(v) for v in frame.iloc[0].tolist()]
    data = frame.iloc[1:].reset_index(drop=True)
    data.columns = range(data.shape[1])
    return RawReport(path, "xlsx", "binary", header, data)


def _cell_text(v: object) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    return str(v)


def _load_json(path: Path, blob: bytes, findings: list[Finding]) -> RawReport:
    text, encoding = decode(path, blob, findings)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportError(
            path,
            f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            fix="The download was probably cut short; download it again.",
        ) from None
    header = list(doc) if isinstance(doc, dict) else []
    return RawReport(path, "json", encoding, header, pd.DataFrame(), data=doc)


# Characters each legacy code page typically produces in real text; used to choose among
# encodings that all decode a file without error.
def _score(text: str, encoding: str) -> float:
    odd = [c for c in text if ord(c) > 127]
    if not odd:
        return 0.0
    if encoding == "cp932":
        # Chinese text mis-read as cp932 turns into half-width katakana, which real
        # Japanese reports hardly use; real Japanese has hiragana and full-width katakana.
        kana = sum(1 for c in odd if "\u3040" <= c <= "\u30ff")
        cjk = sum(
            1
            for c in odd
            if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff01" <= c <= "\uff5e"
        )
        return (kana + cjk) / len(odd) + (0.5 if kana / len(odd) > 0.1 else 0.0)
    if encoding == "gb18030":
        good = sum(
            1
            for c in odd
            if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
        )
    else:
        good = sum(1 for c in odd if c.isalpha() or c in "–—‘’“”€\u00a0©®™°×•…")
    return good / len(odd)


def decode(path: Path, blob: bytes, findings: list[Finding]) -> tuple[str, str]:
    """Decode a text report: UTF-8 (with or without BOM) first, then the legacy code pages.

    Seller Central's FBA CSVs are Windows-1252, Chinese files re-saved by Excel are GB18030,
    Japanese ones cp932. Among the legacy code pages that decode without error, the one whose
    non-ASCII characters look most like real text wins.
    """
    if blob.startswith(b"\xef\xbb\xbf"):
        return blob[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if blob.startswith((b"\xff\xfe", b"\xfe\xff")):
        return blob.decode("utf-16"), "utf-16"
    try:
        return blob.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = blob.decode("utf-8", errors="replace")
    cut = text.count("\ufffd") - blob.count("\ufffd".encode())
    wide = len(text) - len(text.encode("ascii", "ignore"))  # non-ASCII characters
    if wide - text.count("\ufffd") >= 2 * cut:
        # UTF-8 with a few broken sequences (a multi-byte character cut off at the end of a
        # description, as Amazon's own exports have): kept as UTF-8, the bytes replaced.
        findings.append(
            Finding(
                Severity.INFO,
                "encoding-replaced",
                f"{cut} byte sequence(s) are not valid UTF-8 (text cut inside a character); "
                "they read as \ufffd",
                file=str(path),
            )
        )
        return text, "utf-8"
    best: tuple[float, int, str, str] | None = None
    for rank, enc in enumerate(("cp1252", "gb18030", "cp932")):
        try:
            text = blob.decode(enc)
        except UnicodeDecodeError:
            continue
        cand = (_score(text, enc), -rank, enc, text)
        if best is None or cand[:2] > best[:2]:
            best = cand
    if best is None:
        text, enc = blob.decode("cp1252", errors="replace"), "cp1252"
    else:
        enc, text = best[2], best[3]
    if enc != "cp1252":
        label = {"gb18030": "GB18030 (Chinese Windows)", "cp932": "Shift-JIS (cp932)"}[enc]
        findings.append(
            Finding(
                Severity.WARNING,
                f"encoding-{enc}",
                f"the file is not UTF-8; it was decoded as {label}. "
                "If names look wrong, download the report again instead of re-saving it in Excel",
                file=str(path),
            )
        )
    return text, enc


def _notes_above_header(text: str) -> list[str]:
    """Lines of notes a report opens with before its header (Payments' Date Range report
    has six to thirteen, blank lines among them): [] when the first line is a table row.

    A note is a line of one cell; the header is the first line as wide as the widest of the
    first 50 lines.
    """
    lines: list[str] = []
    start = 0
    while len(lines) < _NOTES_SCAN and start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        lines.append(text[start:end])
        start = end + 1

    def width(line: str, sep: str) -> int:
        return len(next(csv.reader([line.rstrip("\r")], delimiter=sep), []))

    first = next((line for line in lines if line.strip()), "")
    if max(width(first, sep) for sep in _SEPARATORS) > 1:
        return []
    widths = max(([width(line, sep) for line in lines] for sep in _SEPARATORS), key=max)
    widest = max(widths)
    if widest < 2:
        return []
    return lines[: widths.index(widest)]  # as written, "\r" and all


_NOTES_SCAN = 50
_SEPARATORS = ("\t", ",", ";")


def _load_text(path: Path, blob: bytes, findings: list[Finding]) -> RawReport:
    text, encoding = decode(path, blob, findings)
    text = text.lstrip("\ufeff")
    notes = _notes_above_header(text)
    if notes:
        text = text[sum(len(n) + 1 for n in notes) :]
    first_line = text.split("\n", 1)[0]
    counts = {sep: first_line.count(sep) for sep in ("\t", ",", ";")}
    sep = max(counts, key=lambda k: counts[k])
    if counts[sep] == 0:
        raise UnknownReportError(
            path,
            "has no columns (no tab, comma or semicolon in its first line)",
            fix="This is not an Amazon report download; check the file.",
        )
    # Amazon's flat files (TSV) never quote: a product name may contain a lone `"`.
    quoting = (
        csv.QUOTE_NONE if sep == "\t" and not first_line.startswith('"') else (csv.QUOTE_MINIMAL)
    )
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            header=None,
            keep_default_na=False,
            na_filter=False,
            quoting=quoting,
            skip_blank_lines=True,
            engine="c",
        )
    except pd.errors.ParserError as exc:
        unclosed = "EOF inside string" in str(exc)
        raise ReportError(
            path,
            f"cannot be parsed as {'TSV' if sep == chr(9) else 'CSV'} ({_parser_hint(exc)})",
            fix="The file looks damaged or cut short; download it again.",
            row=text.rstrip("\n").count("\n") + 1 + len(notes) if unclosed else None,
        ) from None
    except pd.errors.EmptyDataError:
        raise ReportError(path, "the file is empty", fix="Download the report again.") from None
    header = [str(h).strip("\ufeff") for h in frame.iloc[0].tolist()]
    data = frame.iloc[1:].reset_index(drop=True)
    data.columns = range(data.shape[1])
    last = text.rstrip("\r\n").rsplit("\n", 1)[-1].rstrip("\r")
    written = len(next(csv.reader([last], delimiter=sep, quoting=quoting), []))
    _check_truncation(path, data, len(header), len(notes), written)
    data = data.fillna("")
    kind = "tsv" if sep == "\t" else "csv"
    notes = [" ".join(next(csv.reader([n.rstrip("\r")], delimiter=sep), [])).strip() for n in notes]
    return RawReport(path, kind, encoding, header, data, notes=notes)


def _parser_hint(exc: Exception) -> str:
    msg = str(exc)
    if "EOF inside string" in msg:
        return "a quoted field is never closed: the file ends in the middle of a row"
    return msg.splitlines()[0] if msg else type(exc).__name__


def _check_truncation(
    path: Path, data: pd.DataFrame, width: int, notes: int = 0, written: int | None = None
) -> None:
    """A download cut short ends in a row with fewer fields than the header. `written`: the
    fields of the file's last line (the parser pads a short row with empty cells)."""
    if data.empty:
        return
    present = int(data.iloc[-1].notna().sum())
    if written is not None:
        present = min(present, written)
    if present < width:
        raise ReportError(
            path,
            f"the last row has {present} of {width} columns: the file was cut short",
            row=len(data) + 1 + notes,
            fix="Download the report again.",
        )
