"""A text report (.csv, .txt, .tsv) as a RawReport: encoding, notes above the header,
separator, quoting, and rows that end early or a file cut short."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pandas as pd

from ..errors import ReportError, UnknownReportError, msg
from ..findings import Finding, Severity
from .raw import CONTROL_CHARACTERS, RawReport, remove_controls

Quoting = Literal[0, 1, 2, 3]  # csv.QUOTE_MINIMAL, _ALL, _NONNUMERIC, _NONE


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


# Characters each legacy code page typically produces in real text; used to choose among
# encodings that all decode a file without error.
def _score(text: str, encoding: str) -> float:
    odd = _NON_ASCII.findall(text)  # a regex, not a Python test per character of the file
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
            Finding.of(
                Severity.INFO,
                "encoding-replaced",
                msg("err:utf8_replaced", cut=cut),
                file=str(path),
                framed=True,
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
        label = {
            "gb18030": msg("err:encoding_gb18030"),
            "cp932": msg("err:encoding_cp932", name="Shift-JIS (cp932)"),
        }[enc]
        findings.append(
            Finding.of(
                Severity.WARNING,
                f"encoding-{enc}",
                msg("err:not_utf8", label=label),
                file=str(path),
                framed=True,
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


def load_text(path: Path, blob: bytes, findings: list[Finding]) -> RawReport:
    text, encoding = decode(path, blob, findings)
    text = text.lstrip("\ufeff")
    notes = _notes_above_header(text)
    if notes:
        text = text[sum(len(n) + 1 for n in notes) :]
    first_line = text.split("\n", 1)[0]
    counts = {sep: first_line.count(sep) for sep in ("\t", ",", ";")}
    sep = max(counts, key=lambda k: counts[k])
    if counts[sep] == 0:
        raise UnknownReportError(path, msg("err:no_columns"), fix=msg("err:fix_not_amazon"))
    # Amazon's flat files (TSV) never quote: a product name may contain a lone `"`.
    quoting: Quoting = (
        csv.QUOTE_NONE if sep == "\t" and not first_line.startswith('"') else (csv.QUOTE_MINIMAL)
    )
    kind = "TSV" if sep == "\t" else "CSV"
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
        raise _parse_error(path, text, sep, quoting, kind, exc, len(notes)) from None
    except pd.errors.EmptyDataError:
        raise ReportError(path, msg("err:empty"), fix=msg("err:fix_download_again")) from None
    header = [str(h).strip("\ufeff") for h in frame.iloc[0].tolist()]
    data = frame.iloc[1:].reset_index(drop=True)
    data.columns = pd.RangeIndex(data.shape[1])
    data = data.fillna("")
    notes = [" ".join(next(csv.reader([n.rstrip("\r")], delimiter=sep), [])).strip() for n in notes]
    raw = RawReport(path, "tsv" if sep == "\t" else "csv", encoding, header, data, notes=notes)
    raw.short_rows = _short_rows(raw, text, sep, quoting)
    _check_cut(raw, text)
    if CONTROL_CHARACTERS.search(text):
        remove_controls(raw)
    return raw


def _parse_error(
    path: Path, text: str, sep: str, quoting: Quoting, kind: str, exc: Exception, notes: int
) -> ReportError:
    """The parser's complaint as a ReportError; rows count the `notes` lines above the table."""
    said_by = str(exc)
    if "EOF inside string" in said_by:
        return ReportError(
            path,
            msg("err:quote_never_closed", kind=kind),
            row=_complete_records(text, sep, quoting) + 1 + notes,
            fix=msg("err:fix_cut_or_damaged"),
        )
    m = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", said_by)
    if m:
        width, line, seen = (int(g) for g in m.groups())
        name = msg({"\t": "err:sep_tab", ",": "err:sep_comma", ";": "err:sep_semicolon"}[sep])
        return ReportError(
            path,
            msg("err:row_width", kind=kind, seen=seen, width=width, name=name),
            row=line + notes,
            fix=msg("err:fix_quote_value"),
        )
    first = said_by.splitlines()[0] if said_by else type(exc).__name__
    return ReportError(
        path,
        msg("err:cannot_parse", kind=kind, first=first),
        fix=msg("err:fix_damaged_or_cut"),
    )


def _records(text: str, sep: str, quoting: Quoting) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(text, newline=""), delimiter=sep, quoting=quoting, strict=True)


def _complete_records(text: str, sep: str, quoting: Quoting) -> int:
    """How many records (header included) parse before an unclosed quote."""
    n = 0
    try:
        for row in _records(text, sep, quoting):
            n += bool(row)
    except csv.Error:
        pass
    return n


def _short_rows(raw: RawReport, text: str, sep: str, quoting: Quoting) -> dict[int, int]:
    """Data rows (frame index) with fewer values than the header, and how many they have.

    pandas pads a short row with empty cells, which would read as "nothing there"; only the
    rows whose last cell is empty can be short, so the file is re-counted only then, by the
    strict reader, which also catches quotes that do not pair up (pandas reads on past them).
    """
    data = raw.frame
    if data.empty or not bool((data.iloc[:, -1] == "").any()):
        return {}
    widths: list[int] = []
    try:
        for row in _records(text, sep, quoting):
            if row:
                widths.append(len(row))
    except csv.Error:
        raise ReportError(
            raw.path,
            msg("err:stray_quote", kind=raw.format.upper()),
            row=len(widths) + 1,
            fix=msg("err:fix_row"),
        ) from None
    if len(widths) != len(data) + 1:
        return {}  # blank-looking lines were counted differently; do not guess
    header = widths[0]
    return {i: w for i, w in enumerate(widths[1:]) if w < header}


def _check_cut(raw: RawReport, text: str) -> None:
    """A download cut short ends without a line break, usually in a row missing values."""
    if raw.frame.empty or text.endswith(("\n", "\r")):
        return
    last = len(raw.frame) - 1
    width = len(raw.header)
    present = raw.short_rows.get(last)
    if present is not None:
        raise ReportError(
            raw.path,
            msg("err:cut_short", present=present, width=width),
            row=raw.file_row(last),
            column=raw.header[present],
            fix=msg("err:fix_download_again"),
        )
    raw.findings.append(
        Finding.of(
            Severity.WARNING,
            "no-final-line-break",
            msg("err:no_final_break"),
            file=str(raw.path),
            row=raw.file_row(last),
            framed=True,
        )
    )
