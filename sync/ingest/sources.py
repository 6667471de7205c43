"""Bytes on disk to a raw table: format and encoding found from the content, never the name."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from ..errors import ReportError, UnknownReportError
from ..findings import Finding, Severity
from .headers import normalise_all

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls"})
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".tab"})
JSON_SUFFIXES = frozenset({".json"})
Quoting = Literal[0, 1, 2, 3]  # csv.QUOTE_MINIMAL, _ALL, _NONNUMERIC, _NONE

# Resource bounds. The largest real downloads (a year of daily search terms) are tens of MB;
# anything far beyond these is not a report, and reading it would exhaust the machine.
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_XLSX_UNPACKED_BYTES = 1024 * 1024 * 1024  # all parts of a workbook, once unzipped
MAX_XLSX_PARTS = 10_000
MAX_XLSX_CELLS = 40_000_000  # rows x columns of a sheet, as a spreadsheet reader lays it out

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .xls, encrypted .xlsx, .doc
# Characters no spreadsheet cell can hold (XML 1.0 forbids them); tab, CR and LF are allowed.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XLSX_ESCAPED_CONTROL = re.compile(rb"_x00[01][0-9A-Fa-f]_")  # how a workbook stores them


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
    # Data rows (frame index) that end early, with how many values they hold: their missing
    # cells are padding, not values (see readers.base.extract).
    short_rows: dict[int, int] = field(default_factory=dict)
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
    p = Path(path)
    return parse(p, read_bounded(p))


def fingerprint(blob: bytes) -> str:
    """The content hash a store knows a file by (the same bytes, whatever the name)."""
    return hashlib.sha256(blob).hexdigest()


def parse(p: Path, blob: bytes) -> RawReport:
    """A file's bytes as a RawReport, or ReportError saying what to do."""
    # A byte-order mark alone (Excel's "CSV UTF-8" of an empty sheet) is empty too.
    if not blob.removeprefix(b"\xef\xbb\xbf").strip():
        raise ReportError(p, "the file is empty", fix="Download the report again.")

    findings: list[Finding] = []
    if blob.startswith(_OLE_MAGIC):
        raise _ole_error(p, blob)
    if blob[:2] == b"PK":
        raw = _load_xlsx(p, blob, findings)
        kind = "xlsx"
    elif blob.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        raw = _load_json(p, blob, findings)
        kind = "json"
    elif blob.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        raise UnknownReportError(
            p,
            "is a web page or an XML document, not a report download",
            fix="Download the report again as .csv, .txt or .xlsx; if you saved it from Excel, "
            "save it as .xlsx (Excel Workbook).",
        )
    else:
        _refuse_binary(p, blob)
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
    raw.sha256 = fingerprint(blob)
    raw.findings[:0] = findings
    return raw


_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_bounded(p: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; anything else is a ReportError.

    The file is opened without blocking and checked with fstat before a byte is read, so a
    FIFO cannot hang the run and a link to /dev/zero cannot fill the memory (the link's
    target is what is checked).
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except FileNotFoundError:
        raise ReportError(p, "file not found", fix="Check the path.") from None
    except IsADirectoryError:
        raise ReportError(p, "is a folder, not a file") from None
    except OSError as exc:
        raise ReportError(p, f"cannot be read ({exc.strerror})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ReportError(p, "is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            kind = next((name for test, name in _NOT_REGULAR if test(st.st_mode)), "not a file")
            raise ReportError(
                p,
                f"is {kind}, not a regular file, so it was not read",
                fix="Give fupan the downloaded report file itself.",
            )
        if st.st_size > limit:
            raise _too_large(p, st.st_size, limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            except OSError as exc:
                raise ReportError(p, f"cannot be read ({exc.strerror})") from None
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while being read
            raise _too_large(p, size, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_large(p: Path, size: int, limit: int) -> ReportError:
    return ReportError(
        p,
        f"is {_size(size)}, more than the {_size(limit)} fupan reads from one file; "
        "no Amazon report download is that large",
        fix="Check that this is the report you downloaded; split a very long date range "
        "into several downloads.",
    )


def _size(n: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if n < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    raise AssertionError  # pragma: no cover


def _ole_error(path: Path, blob: bytes) -> ReportError:
    """An old-style Office file: an encrypted .xlsx, a legacy .xls, or another document."""
    if "EncryptedPackage".encode("utf-16-le") in blob:
        return ReportError(
            path,
            "is a password-protected Excel workbook, which fupan cannot open",
            fix="Open it in Excel, remove the password (File > Info > Protect Workbook > "
            "Encrypt with Password, clear it), save it as .xlsx and give fupan that file.",
        )
    if any(name.encode("utf-16-le") in blob for name in ("Workbook", "Book")):
        return ReportError(
            path,
            "is an old Excel 97-2003 workbook (.xls), a format fupan does not read",
            fix="Open it in Excel and save it as .xlsx (Excel Workbook), or download the "
            "report again as .xlsx or .csv.",
        )
    return UnknownReportError(
        path,
        "is an old Microsoft Office document, not a report download",
        fix="Download the report again from Seller Central or the Ads console.",
    )


_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _refuse_binary(path: Path, blob: bytes) -> None:
    """Text reports hold a stray control character at most (a NUL in a title); a file with
    many of them is binary, or UTF-16 without its byte-order mark."""
    if blob.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with its byte-order mark: Excel's "Unicode Text"
    sample = blob[:65536]
    if len(_BINARY_BYTES.findall(sample)) > len(sample) // 20:
        raise UnknownReportError(
            path,
            "is a binary file, not a text report",
            fix="Download the report again from Seller Central or the Ads console.",
        )


def _load_xlsx(path: Path, blob: bytes, findings: list[Finding]) -> RawReport:
    escaped_controls = _check_zip(path, blob)
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
    data.columns = pd.RangeIndex(data.shape[1])
    raw = RawReport(path, "xlsx", "binary", header, data)
    if escaped_controls:
        _remove_controls(raw)
    return raw


def _check_zip(path: Path, blob: bytes) -> bool:
    """Refuse a zip bomb before anything inflates it; True when cells hold control characters.

    The sizes the zip declares are checked first (the workbook reader never inflates a part
    past its declared size). Then the parts holding cells are inflated in bounded memory, to
    bound the rows x columns of each sheet (see _SheetExtent) and to look for escaped
    control characters; a part that lies about its size fails its checksum.
    """
    damaged = ReportError(
        path,
        "starts like an Excel workbook, but its contents are damaged",
        fix="Download it again; if it was opened and saved, save it as .xlsx.",
    )
    try:
        zf = zipfile.ZipFile(io.BytesIO(blob))
        parts = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise damaged from None
    names = {i.filename for i in parts}
    if "mimetype" in names and b"opendocument" in _head(zf, "mimetype"):
        raise ReportError(
            path,
            "is an OpenDocument spreadsheet (.ods), not an Excel workbook",
            fix="Open it and save it as .xlsx (Excel Workbook), or download the report again.",
        )
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
        raise UnknownReportError(
            path,
            "is a zip archive, not an Excel workbook",
            fix="Unzip it and give fupan the report files inside.",
        )
    unpacked = sum(i.file_size for i in parts)
    if len(parts) > MAX_XLSX_PARTS or unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise ReportError(
            path,
            f"would unpack to {_size(unpacked)} in {len(parts)} parts, more than the "
            f"{_size(MAX_XLSX_UNPACKED_BYTES)} fupan opens; it was not opened",
            fix="This is not an Amazon download (or a damaged one); download the report again.",
        )
    escaped = False
    try:
        for info in parts:
            sheet = bool(_WORKSHEET.match(info.filename))
            if not (sheet or info.filename == "xl/sharedStrings.xml"):
                continue
            extent = _SheetExtent(exact=False)
            for chunk in _chunks(zf, info):
                escaped = escaped or bool(_XLSX_ESCAPED_CONTROL.search(chunk))
                if sheet:
                    extent.feed(chunk)
            if sheet and extent.cells() > MAX_XLSX_CELLS:  # a bound: count exactly
                extent = _SheetExtent(exact=extent.plain)
                for chunk in _chunks(zf, info):
                    extent.feed(chunk)
                if extent.cells() > MAX_XLSX_CELLS:
                    raise ReportError(
                        path,
                        f"its sheet spans {extent.rows:,} rows and {extent.cols:,} columns, "
                        f"more than the {MAX_XLSX_CELLS:,} cells fupan opens; it was not opened",
                        fix="This is not an Amazon download (or a damaged one); download the "
                        "report again.",
                    )
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError):
        raise damaged from None
    return escaped


def _chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A part's bytes in pieces that end just before a tag (so no tag is split), and a
    last piece that closes the last tag."""
    tail = b""
    with zf.open(info) as part:
        while chunk := part.read(1 << 20):
            data = tail + chunk
            cut = data.rfind(b"<")
            body, tail = (data, b"") if cut < 0 else (data[:cut], data[cut:])
            if len(tail) > 1 << 16:
                body, tail = data, b""  # no tag is that long
            yield body
    yield tail + b"<"


_WORKSHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_ROW_REF = re.compile(rb'<row r="(\d+)')
_CELL_ROW = re.compile(rb'<c r="[A-Z]*(\d+)')
_CELL_COLUMN = re.compile(rb'<c r="([A-Z]+)')
_WIDE_COLUMN = re.compile(rb'<c r="([A-Z]{2,})')
_PREFIXED = re.compile(rb":(?:c|row)[\s/>]")  # <x:c ...>: any namespace prefix
_ANY_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)\b([^>]*)>")
_REF_ATTR = re.compile(rb'\br="([A-Z]*)(\d*)"')


def _column_number(letters: bytes) -> int:
    """Spreadsheet column letters to a number: B -> 2, AA -> 27."""
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


class _SheetExtent:
    """How many rows and columns a spreadsheet reader lays out for a sheet, from its XML.

    Readers allocate every cell from A1 to the last row and column used, so one cell at
    XFD1048576 in a 5 KB file asks for 17 billion cells and kills the process (the
    allocation aborts; nothing can catch it). A first pass bounds the extent with counts
    and a few C-speed regexes (every row up to the next power of ten; cells without a
    reference as if all in one row); only a sheet over the limit is counted exactly, with
    regexes when every cell and row carries its reference (`<c r="B2"`), else tag by tag.
    """

    def __init__(self, *, exact: bool | None) -> None:
        self.exact = exact  # False: bound; True: exact by regex; None: exact tag by tag
        self.rows = 0
        self.cols = 0
        self._row_cap = 0  # bound mode: cells could reach this row unseen
        self._bare_rows = 0  # rows and cells without a reference, laid out one after another
        self._bare_cells = 0
        self._odd = False  # tags with a namespace prefix (<x:c ...>)
        self._in_data = False
        self._row = 0  # tag-by-tag state: the current row, the last column in it
        self._col = 0

    @property
    def plain(self) -> bool | None:
        """True when the exact count may use regexes, None when it must go tag by tag."""
        return True if not (self._odd or self._bare_rows or self._bare_cells) else None

    def cells(self) -> int:
        rows = max(self.rows, self._row_cap) + self._bare_rows
        return rows * (self.cols + self._bare_cells)

    def feed(self, body: bytes) -> None:
        if self.exact is None:
            self._tag_by_tag(body)
            return
        rows = _ROW_REF.findall(body)
        if rows:
            self.rows = max(self.rows, *map(int, rows))
        if self.exact:
            cell_rows = set(_CELL_ROW.findall(body))
            columns = set(_CELL_COLUMN.findall(body))
        else:
            self._odd = self._odd or bool(_PREFIXED.search(body))
            data = self._sheet_data(body)  # cells and rows live there, and nothing else
            refs = data.count(b'<c r="')
            self._bare_cells += data.count(b"<c") - refs
            self._bare_rows += data.count(b"<row") - len(rows)
            digits = len(str(max(self.rows, 1)))
            if refs:
                self._row_cap = max(self._row_cap, 10**digits - 1)
                self.cols = max(self.cols, 26)
            longer = re.compile(rb'<c r="[A-Z]*(\d{%d,})' % (digits + 1))
            cell_rows = set(longer.findall(body))
            columns = set(_WIDE_COLUMN.findall(body))
        if cell_rows:
            self.rows = max(self.rows, *map(int, cell_rows))
        if columns:
            self.cols = max(self.cols, *map(_column_number, columns))

    def _sheet_data(self, body: bytes) -> bytes:
        """The part of `body` inside <sheetData>...</sheetData> (kept across pieces)."""
        start = 0
        if not self._in_data:
            found = body.find(b"<sheetData")
            if found < 0:
                return b""
            self._in_data, start = True, found
        end = body.find(b"</sheetData>", start)
        if end >= 0:
            self._in_data = False
            return body[start:end]
        return body[start:] if start else body

    def _tag_by_tag(self, body: bytes) -> None:
        for m in _ANY_TAG.finditer(body):
            ref = _REF_ATTR.search(m.group(2))
            letters, digits = (ref.group(1), ref.group(2)) if ref else (b"", b"")
            if m.group(1) == b"row":
                self._row = int(digits) if digits else self._row + 1
                self._col = 0
            else:
                self._col = _column_number(letters) if letters else self._col + 1
                if digits:
                    self._row = max(self._row, int(digits))
            self.rows = max(self.rows, self._row)
            self.cols = max(self.cols, self._col)


def _head(zf: zipfile.ZipFile, name: str) -> bytes:
    try:
        with zf.open(name) as part:
            return part.read(100)
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError):
        return b""


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
        raise ReportError(path, "the file is empty", fix="Download the report again.") from None
    header = [str(h).strip("\ufeff") for h in frame.iloc[0].tolist()]
    data = frame.iloc[1:].reset_index(drop=True)
    data.columns = pd.RangeIndex(data.shape[1])
    data = data.fillna("")
    notes = [" ".join(next(csv.reader([n.rstrip("\r")], delimiter=sep), [])).strip() for n in notes]
    raw = RawReport(path, "tsv" if sep == "\t" else "csv", encoding, header, data, notes=notes)
    raw.short_rows = _short_rows(raw, text, sep, quoting)
    _check_cut(raw, text)
    if CONTROL_CHARACTERS.search(text):
        _remove_controls(raw)
    return raw


def _parse_error(
    path: Path, text: str, sep: str, quoting: Quoting, kind: str, exc: Exception, notes: int
) -> ReportError:
    """The parser's complaint as a ReportError; rows count the `notes` lines above the table."""
    msg = str(exc)
    if "EOF inside string" in msg:
        return ReportError(
            path,
            f"cannot be parsed as {kind}: a quoted value that starts in this row is never "
            "closed, so the file ends in the middle of a row",
            row=_complete_records(text, sep, quoting) + 1 + notes,
            fix="The file was cut short or damaged; download it again.",
        )
    m = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", msg)
    if m:
        width, line, seen = (int(g) for g in m.groups())
        name = {"\t": "tab", ",": "comma", ";": "semicolon"}[sep]
        return ReportError(
            path,
            f"cannot be parsed as {kind}: the row has {seen} values but the header has "
            f"{width}; a value probably holds an unquoted {name}",
            row=line + notes,
            fix="Download the report again; if the file was edited by hand, put that value "
            'in double quotes ("...").',
        )
    first = msg.splitlines()[0] if msg else type(exc).__name__
    return ReportError(
        path,
        f"cannot be parsed as {kind} ({first})",
        fix="The file looks damaged or cut short; download it again.",
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
            f"cannot be parsed as {raw.format.upper()}: the double quotes in this row do not "
            'pair up, so a value probably holds a stray "',
            row=len(widths) + 1,
            fix="Download the report again; if the file was edited by hand, fix that row.",
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
            f"the last row has {present} of {width} values: the file was cut short",
            row=raw.file_row(last),
            column=raw.header[present],
            fix="Download the report again.",
        )
    raw.findings.append(
        Finding(
            Severity.WARNING,
            "no-final-line-break",
            "the file does not end with a line break, so its last row may have been cut "
            "short; if its numbers look low, download the report again",
            file=str(raw.path),
            row=raw.file_row(last),
        )
    )


def _remove_controls(raw: RawReport) -> None:
    """Take out characters a spreadsheet cannot hold (NUL, vertical tab ...), and say so.

    A vertical tab or form feed becomes a space (Excel uses them as line breaks); the others
    are dropped. Left in, one of them in a title would stop every later workbook write.
    """
    first: tuple[int, int] | None = None
    count = 0

    def clean(v: object) -> object:
        if isinstance(v, str) and CONTROL_CHARACTERS.search(v):
            return CONTROL_CHARACTERS.sub(_control_replacement, v)
        return v

    for pos in range(raw.frame.shape[1]):
        col = raw.frame.iloc[:, pos]
        hit = col.map(lambda v: isinstance(v, str) and bool(CONTROL_CHARACTERS.search(v)))
        if bool(hit.any()):
            count += int(hit.sum())
            row = int(hit.to_numpy().nonzero()[0][0])
            if first is None or (row, pos) < first:
                first = (row, pos)
            # pandas-stubs allow no Series here; pandas takes one (aligned on the index).
            raw.frame.isetitem(pos, col.map(clean))  # type: ignore[arg-type]
    header_hit = [i for i, h in enumerate(raw.header) if CONTROL_CHARACTERS.search(h)]
    raw.header = [str(clean(h)) for h in raw.header]
    if first is None and not header_hit:
        return
    row, column = (
        (raw.file_row(first[0]), raw.header[first[1]])
        if first is not None
        else (1, raw.header[header_hit[0]])
    )
    raw.findings.append(
        Finding(
            Severity.WARNING,
            "control-characters",
            f"{count + len(header_hit)} cell(s) held control characters (such as NUL or a "
            "vertical tab) that no spreadsheet can hold; they were taken out, the rest of "
            "the text was kept",
            file=str(raw.path),
            row=row,
            column=column,
        )
    )


def _control_replacement(m: re.Match[str]) -> str:
    return " " if m.group(0) in "\x0b\x0c" else ""
