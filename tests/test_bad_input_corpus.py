"""The bad-input corpus: files a seller may hand fupan by mistake, every one made here.

Each case is either refused cleanly or read right:

* refused: `fupan kpis FILE` and `fupan check FILE` exit non-zero with a message naming the
  file (and the row and column where one applies), never a traceback; imported into a
  workspace's store, it leaves the store exactly as it was;
* read right: `fupan check FILE` and `fupan kpis FILE` succeed, the values read are asserted,
  and every warning appears on stderr naming the file.
"""

from __future__ import annotations

import csv
import io
import os
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner
from fupan.sync.cli.app import cli
from fupan.sync.ingest.readers.base import ReadContext, ReadResult
from fupan.sync.ingest.registry import read_report
from fupan.sync.ingest.schema import TABLES
from fupan.sync.periods import Period
from fupan.sync.samples import small_seller, writers
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

WEEK = "2026-11-16..2026-11-22"
PERIOD = ("--period", WEEK)
SELLER = small_seller(date(2026, 11, 22))


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


# Building files ----------------------------------------------------------------------------


def csv_text(header: list[str], rows: Sequence[Sequence[object]], sep: str = ",") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def write(folder: Path, name: str, data: str | bytes, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
    return path


BR_HEADER = [
    "(Parent) ASIN",
    "(Child) ASIN",
    "Title",
    "SKU",
    "Sessions - Total",
    "Page Views - Total",
    "Featured Offer (Buy Box) Percentage",
    "Units Ordered",
    "Ordered Product Sales",
    "Total Order Items",
]


def br_rows() -> list[list[object]]:
    return [
        ["B0P1", "B0C1", "Mat one", "S1", "1,234", "2,000", "98.00%", "12", "$1,457.93", "11"],
        ["B0P1", "B0C2", "Mat two", "S2", "400", "500", "100.00%", "3", "$45.00", "3"],
        ["B0P2", "B0C3", "Mat three", "S3", "90", "120", "50.00%", "1", "$1,009.99", "1"],
    ]


def business(name: str, edit: Callable[[list[list[object]]], None] | None = None, **kw):
    """A small Business Report by child ASIN, with one edit applied to its rows."""

    def make(folder: Path) -> Path:
        rows = br_rows()
        if edit:
            edit(rows)
        return write(folder, name, csv_text(kw.get("header", BR_HEADER), rows))

    return make


def every_row(
    cells: dict[int, object] | None = None, *, append: Sequence[object] = ()
) -> Callable[[list[list[object]]], None]:
    """Set cells (by position) in every data row, then append `append` to each."""

    def edit(rows: list[list[object]]) -> None:
        for r in rows:
            for i, v in (cells or {}).items():
                r[i] = v
            r.extend(append)

    return edit


def cell(row: int, col: str, value: object) -> Callable[[list[list[object]]], None]:
    """Set one cell: `row` is the file's row (header = 1), `col` the header text."""

    def edit(rows: list[list[object]]) -> None:
        rows[row - 2][BR_HEADER.index(col)] = value

    return edit


def text_file(name: str, text: str | bytes, encoding: str = "utf-8"):
    return lambda folder: write(folder, name, text, encoding)


def by_date(name: str, days: list[str], *, money: str = "${:,.2f}", sep: str = ",", **kw):
    """A Business Report by date: day i sold 1,000 + i in money, 10 + i units, 100 + i
    sessions; `money` formats the amount ("{:,.2f}"), or "fr" for `1 000,00 €`."""
    header = ["Date", "Ordered Product Sales", "Units Ordered", "Sessions - Total"]
    header += kw.get("extra_header", [])
    rows = []
    for i, d in enumerate(days):
        amount = 1000.0 + i
        shown = (
            f"{amount:,.2f} €".replace(",", "\u202f").replace(".", ",")
            if money == "fr"
            else money.format(amount)
        )
        row = [d, shown, str(10 + i), str(100 + i)]
        rows.append(row + [x.format(i) for x in kw.get("extra", [])])
    return text_file(name, csv_text(header, rows, sep))


def week_days(fmt: str) -> list[str]:
    return [f"{d:{fmt}}" for d in pd.date_range("2025-06-01", "2025-06-07")]


def xlsx(name: str, header: list[str], rows: list[list[object]]):
    def make(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        wb = Workbook()
        ws = wb.active
        assert isinstance(ws, Worksheet)
        ws.append(header)
        for r in rows:
            ws.append(r)
        wb.save(folder / name)
        return folder / name

    return make


SP_HEADER = [
    "Date",
    "Portfolio name",
    "Currency",
    "Campaign Name",
    "Ad Group Name",
    "Advertised SKU",
    "Advertised ASIN",
    "Impressions",
    "Clicks",
    "Click-Thru Rate (CTR)",
    "Cost Per Click (CPC)",
    "Spend",
    "7 Day Total Sales ",
    "Total Advertising Cost of Sales (ACOS) ",
    "Total Return on Advertising Spend (ROAS)",
    "7 Day Total Orders (#)",
    "7 Day Total Units (#)",
    "7 Day Conversion Rate",
    "7 Day Advertised SKU Units (#)",
    "7 Day Other SKU Units (#)",
    "7 Day Advertised SKU Sales ",
    "7 Day Other SKU Sales ",
]


def sp_row(day: int, clicks: object = 10, currency: str = "USD") -> list[object]:
    spend, sales = 12.5, 50.0
    return [
        pd.Timestamp(2026, 11, day).to_pydatetime(),
        "Mats",
        currency,
        "SP-auto-mats",
        "all",
        "S1",
        "B0C1",
        1000,
        clicks,
        0.01,
        1.25,
        spend,
        sales,
        spend / sales,
        sales / spend,
        2,
        3,
        0.2,
        3,
        0,
        sales,
        0.0,
    ]


# amazon.in: Sponsored Products with 14-day attribution only, the currency in the headers.
IN_HEADER = [
    "Date",
    "Portfolio name",
    "Currency",
    "Campaign Name",
    "Ad Group Name",
    "Advertised SKU",
    "Advertised ASIN",
    "Impressions",
    "Clicks",
    "Click-Thru Rate (CTR)",
    "Cost Per Click (CPC)",
    "Spend",
    "14 Day Total Sales (₹)",
    "Total Advertising Cost of Sales (ACOS) ",
    "Total Return on Advertising Spend (ROAS)",
    "14 Day Total Orders (#)",
    "14 Day Total Units (#)",
    "14 Day Conversion Rate",
    "14 Day Advertised SKU Units (#)",
    "14 Day Other SKU Units (#)",
    "14 Day Advertised SKU Sales (₹)",
    "14 Day Other SKU Sales (₹)",
]


def in_row(day: int, spend: float, sales: float, sku_sales: float) -> list[object]:
    return [
        pd.Timestamp(2026, 11, day).to_pydatetime(),
        "Yoga",
        "INR",
        "SP-IN-yoga-auto",
        "auto",
        "YM-1",
        "B0IN1",
        5000,
        40,
        0.008,
        spend / 40,
        spend,
        sales,
        spend / sales,
        sales / spend,
        4,
        5,
        0.1,
        4,
        1,
        sku_sales,
        sales - sku_sales,
    ]


IN_CAMPAIGN_HEADER = [
    "Date",
    "Start Date",
    "End Date",
    "Portfolio name",
    "Campaign Type",
    "Campaign Name",
    "Status",
    "Currency",
    "Budget",
    "Targeting Type",
    "Bidding strategy",
    "Impressions",
    "Clicks",
    "Click-Thru Rate (CTR)",
    "Spend",
    "Cost Per Click (CPC)",
    "14 Day Total Orders (#)",
    "Total Advertising Cost of Sales (ACoS) ",
    "14 Day Total Sales (₹) ",
]


def in_campaign_row(day: int, spend: str, sales: str) -> list[object]:
    return [
        f"Nov {day}, 2026",
        "Oct 1, 2026",
        "",
        "No Portfolio",
        "Sponsored Products",
        "SP-IN-yoga-manual",
        "ENABLED",
        "INR",
        "Rs.500.00",
        "Manual targeting",
        "Fixed bids",
        "12,000",
        "150",
        "1.25%",
        spend,
        "Rs.8.50",
        "6",
        "25.00%",
        sales,
    ]


def raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip written by hand: (name, deflated bytes, crc, declared unpacked size) per part,
    so a part can declare a size other than its real one, as a zip bomb does."""
    out, central = b"", b""
    for name, data, crc, size in entries:
        n = name.encode()
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(n), 0
        )
        out += n + data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            0,
            0x21,
            crc,
            len(data),
            size,
            len(n),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += n
    eocd = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0
    )
    return out + central + eocd


def deflate(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def zeros_deflated(total: int) -> bytes:
    """`total` zero bytes deflated, built from one repeated block (fast at any size)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = 1 << 20
    first = c.compress(b"\0" * block) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(b"\0" * block) + c.flush(zlib.Z_FULL_FLUSH)
    return first + again * (total // block - 1) + c.flush()


XLSX_SKELETON = [
    ("[Content_Types].xml", b'<?xml version="1.0"?><Types/>'),
    ("xl/workbook.xml", b'<?xml version="1.0"?><workbook/>'),
]


def bomb(name: str, *, declared: int, real: int):
    def make(folder: Path) -> Path:
        parts = [(n, deflate(d), zlib.crc32(d), len(d)) for n, d in XLSX_SKELETON]
        parts.append(("xl/worksheets/sheet1.xml", zeros_deflated(real), 0, declared))
        return write(folder, name, raw_zip(parts))

    return make


def lying_part(name: str, part: str):
    """A real workbook whose `part` inflates to 256 MB although it declares its true size."""

    def make(folder: Path) -> Path:
        path = xlsx(name, SP_HEADER, [sp_row(16)])(folder)
        with zipfile.ZipFile(path) as z:
            parts = [(i.filename, z.read(i)) for i in z.infolist()]
        entries = []
        for n, d in parts:
            real = d + b" " * (256 << 20) if n == part else d
            entries.append((n, deflate(real), zlib.crc32(d), len(d)))
        return write(folder, name, raw_zip(entries))

    return make


def far_cell(name: str):
    """A 5 KB workbook with a cell at XFD1048576: laid out from A1, 17 billion cells."""

    def make(folder: Path) -> Path:
        path = xlsx(name, SP_HEADER, [sp_row(16)])(folder)
        wb = load_workbook(path)
        ws = wb.active
        assert isinstance(ws, Worksheet)
        ws["XFD1048576"] = 1
        wb.save(path)
        return path

    return make


def cfb(name: str, streams: list[str]):
    """An OLE Compound File (the container of .xls, .doc and encrypted .xlsx): the 512-byte
    header with its signature, then a directory sector naming the streams (UTF-16LE)."""

    def make(folder: Path) -> Path:
        header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
        header += struct.pack("<HHHH", 0x3E, 3, 0xFFFE, 9) + bytes(6)
        header = header.ljust(512, b"\0")
        directory = b""
        for stream in ["Root Entry", *streams]:
            n = stream.encode("utf-16-le") + b"\0\0"
            directory += (n.ljust(64, b"\0") + struct.pack("<HBB", len(n), 2, 1)).ljust(128, b"\0")
        return write(folder, name, header + directory.ljust(512, b"\0") + bytes(2048))

    return make


def ods(name: str):
    def make(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(folder / name, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            z.writestr("content.xml", "<office:document-content/>")
        return folder / name

    return make


def plain_zip(name: str):
    def make(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(folder / name, "w") as z:
            z.writestr("BusinessReport.csv", csv_text(BR_HEADER, br_rows()))
        return folder / name

    return make


def cut_xlsx(name: str):
    def make(folder: Path) -> Path:
        path = xlsx(name, SP_HEADER, [sp_row(16), sp_row(17)])(folder)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
        return path

    return make


def fifo(name: str):
    def make(folder: Path) -> Path:
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes on this system")
        folder.mkdir(parents=True, exist_ok=True)
        os.mkfifo(folder / name)
        return folder / name

    return make


def link_to(name: str, target: str):
    def make(folder: Path) -> Path:
        if not Path(target).exists():
            pytest.skip(f"{target} is absent here")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).symlink_to(target)
        return folder / name

    return make


def sparse(name: str, size: int):
    def make(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / name, "wb") as f:
            f.write(csv_text(BR_HEADER, br_rows()).encode())
            f.truncate(size)  # a hole: no disk used, but fupan must not read it
        return folder / name

    return make


def performance(name: str, marketplace_id: str):
    def make(folder: Path) -> Path:
        path = writers.write_performance(write(folder, name, b"x"), SELLER)
        path.write_text(path.read_text().replace("ATVPDKIKX0DER", marketplace_id))
        return path

    return make


def all_orders(name: str, currency: str):
    def make(folder: Path) -> Path:
        path = writers.write_all_orders(write(folder, name, b"x"), SELLER)
        text = path.read_text(encoding="utf-8").replace("\tUSD\t", f"\t{currency}\t")
        path.write_text(text, encoding="utf-8")
        return path

    return make


def sb_for(name: str, country: str, currency: str):
    def make(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = writers.write_sb_xlsx(folder / "tmp.xlsx", SELLER)
        frame = pd.read_excel(path, engine="calamine")
        frame["Country"], frame["Currency"] = country, currency
        frame.to_excel(folder / name, index=False)
        path.unlink()
        return folder / name

    return make


# Refused ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Refused:
    name: str
    make: Callable[[Path], Path]
    says: tuple[str, ...]
    row: int | None = None
    column: str | None = None
    args: tuple[str, ...] = ()  # given to kpis and check (--period, --marketplace)
    workspace: str | None = "US"  # imported into a workspace of this marketplace; None: no

    def __str__(self) -> str:
        return self.name


GBK_TEXT = "B0P1,B0C1,硅胶烘焙垫,S1"

REFUSED = [
    Refused("empty", text_file("empty.csv", b""), ("the file is empty",)),
    Refused("bom_only", text_file("bom.csv", b"\xef\xbb\xbf"), ("the file is empty",)),
    Refused("blank_lines", text_file("blank.csv", b"\n  \r\n\t\n"), ("the file is empty",)),
    Refused(
        "cut_mid_row",
        text_file("cut.csv", csv_text(BR_HEADER, br_rows()[:2]) + "B0P2,B0C3,Mat three,S3,90"),
        ("the last row has 5 of 10 values", "cut short"),
        row=4,
        column="Page Views - Total",
        args=PERIOD,
    ),
    Refused(
        "cut_inside_quote",
        text_file("cutq.csv", csv_text(BR_HEADER, br_rows())[:-7]),
        ("never closed",),
        row=4,
        args=PERIOD,
    ),
    Refused(
        "unclosed_quote_mid_file",
        text_file("quote.csv", csv_text(BR_HEADER, br_rows()).replace("Mat two", '"Mat two', 1)),
        ("the double quotes in this row do not pair up",),
        row=3,
        args=PERIOD,
    ),
    Refused(
        "unquoted_comma_in_a_title",
        text_file("comma.csv", csv_text(BR_HEADER, br_rows()).replace("Mat two", "Mat, two")),
        ("the row has 11 values but the header has 10", "unquoted comma"),
        row=3,
        args=PERIOD,
    ),
    Refused(
        "row_ends_early",
        text_file(
            "short.csv",
            csv_text(BR_HEADER, br_rows()).replace(
                "B0P1,B0C2,Mat two,S2,400,500,100.00%,3,$45.00,3", "B0P1,B0C2,Mat two,S2,400"
            ),
        ),
        ("the row ends after 5 of 10 values",),
        row=3,
        column="Page Views - Total",
        args=PERIOD,
    ),
    Refused(
        "duplicated_column",
        business(
            "dup.csv",
            every_row(append=["7"]),
            header=[*BR_HEADER, "Sessions - Total"],
        ),
        ("appears 2 times", "columns E and K"),
        row=1,
        column="Sessions - Total",
        args=PERIOD,
    ),
    Refused(
        "required_column_missing",
        text_file(
            "nounits.csv",
            csv_text(
                [h for h in BR_HEADER if h != "Units Ordered"],
                [[v for i, v in enumerate(r) if i != 7] for r in br_rows()],
            ),
        ),
        ('lacks the column(s) "units ordered"',),
        args=PERIOD,
    ),
    Refused(
        "negative_sessions",
        business("neg.csv", cell(3, "Sessions - Total", "-40")),
        ('"-40" is a negative count',),
        row=3,
        column="Sessions - Total",
        args=PERIOD,
    ),
    Refused(
        "absurd_sessions",
        business("huge.csv", cell(4, "Sessions - Total", "5,000,000,000")),
        ("more than a billion",),
        row=4,
        column="Sessions - Total",
        args=PERIOD,
    ),
    Refused(
        "fractional_units",
        business("half.csv", cell(2, "Units Ordered", "2.5")),
        ('"2.5" is not a whole number',),
        row=2,
        column="Units Ordered",
        args=PERIOD,
    ),
    Refused(
        "german_numbers_read_for_us",
        business(
            "de-plain.csv",
            every_row({4: "4.210", 8: "1.457,93"}),
        ),
        ('"4.210" is not a whole number', "--marketplace DE"),
        row=2,
        column="Sessions - Total",
        args=(*PERIOD, "--marketplace", "US"),
    ),
    Refused(
        "buy_box_over_100",
        business("bb.csv", cell(3, "Featured Offer (Buy Box) Percentage", "150.00%")),
        ("is not between 0 and 100 %",),
        row=3,
        column="Featured Offer (Buy Box) Percentage",
        args=PERIOD,
    ),
    Refused(
        "absurd_money",
        business("rich.csv", cell(2, "Ordered Product Sales", "$999,999,999,999.00")),
        ("beyond a hundred billion",),
        row=2,
        column="Ordered Product Sales",
        args=PERIOD,
    ),
    Refused(
        "letter_o_for_zero",
        business("typo.csv", cell(4, "Ordered Product Sales", "$1O.00")),
        ('"$1O.00" is not a number',),
        row=4,
        column="Ordered Product Sales",
        args=PERIOD,
    ),
    Refused(
        "euros_for_the_us",
        business(
            "eur.csv",
            every_row({8: "1.457,93 €"}),
        ),
        ("money is in EUR", "US marketplace (USD)", "--marketplace DE"),
        args=(*PERIOD, "--marketplace", "US"),
    ),
    Refused(
        "pounds_by_date_for_de",
        by_date("uk-days.csv", week_days("%d/%m/%Y"), money="£{:,.2f}"),
        ("money is in GBP", "DE marketplace (EUR)"),
        args=("--marketplace", "DE"),
        workspace="DE",
    ),
    Refused(
        "rupees_ads_for_us",
        xlsx("in-ads.xlsx", IN_HEADER, [in_row(16, 800.0, 4000.0, 3000.0)]),
        ("money is in INR", "US marketplace (USD)", "--marketplace IN"),
        args=("--marketplace", "US"),
    ),
    Refused(
        "two_currencies_in_one_file",
        business("mixed.csv", cell(3, "Ordered Product Sales", "45,00 €")),
        ("several currencies ($, EUR)",),
        args=PERIOD,
    ),
    Refused(
        "all_orders_in_euros_for_us",
        all_orders("orders.txt", "EUR"),
        ("money is in EUR", "US marketplace"),
        args=("--marketplace", "US"),
    ),
    Refused(
        "account_health_of_de_for_us",
        performance("health.json", "A1PA6795UKMFR9"),
        ("account health of DE", "US marketplace"),
        args=("--marketplace", "US"),
    ),
    Refused(
        "uk_brand_ads_for_us",
        sb_for("sb-uk.xlsx", "United Kingdom", "GBP"),
        ("money is in GBP", "US marketplace"),
        args=("--marketplace", "US"),
    ),
    Refused(
        "day_month_order_unknown",
        by_date("days.csv", week_days("%m/%d/%Y")),
        ("read both day-first and month-first", "--marketplace UK"),
        row=2,
        column="Date",
        workspace=None,  # a workspace knows its marketplace: there the file is read right
    ),
    Refused(
        "date_in_1900",
        by_date("old.csv", ["01/01/1900", "06/13/2025"]),
        ('"01/01/1900" is before 2000 or after 2100',),
        row=2,
        column="Date",
    ),
    Refused(
        "date_that_is_a_word",
        by_date("word.csv", ["06/13/2025", "yesterday"]),
        ('"yesterday" is not a date',),
        row=3,
        column="Date",
    ),
    Refused(
        "zip_bomb",
        bomb("bomb.xlsx", declared=4_000_000_000, real=8 << 20),
        ("would unpack to 3.7 GB", "it was not opened"),
    ),
    Refused(
        "zip_bomb_that_lies_about_its_size",
        bomb("liar.xlsx", declared=1000, real=64 << 20),
        ("its contents are damaged",),
    ),
    Refused(
        "one_cell_far_away",
        far_cell("far.xlsx"),
        ("spans 1,048,576 rows and 16,384 columns", "it was not opened"),
    ),
    Refused(
        "styles_part_that_lies_about_its_size",
        lying_part("styles.xlsx", "xl/styles.xml"),
        ("is not a readable Excel workbook",),
    ),
    Refused("xlsx_cut_in_half", cut_xlsx("half.xlsx"), ("its contents are damaged",)),
    Refused("opendocument", ods("report.ods"), ("OpenDocument spreadsheet", ".xlsx")),
    Refused("zip_of_reports", plain_zip("reports.xlsx"), ("zip archive, not an Excel",)),
    Refused(
        "password_protected_xlsx",
        cfb("locked.xlsx", ["EncryptionInfo", "EncryptedPackage"]),
        ("password-protected Excel workbook", "save it as .xlsx"),
    ),
    Refused(
        "legacy_xls",
        cfb("old.xls", ["Workbook", "SummaryInformation"]),
        ("Excel 97-2003 workbook (.xls)", "save it as .xlsx"),
    ),
    Refused(
        "word_document",
        cfb("notes.csv", ["WordDocument", "1Table"]),
        ("old Microsoft Office document",),
    ),
    Refused(
        "web_page_saved_as_xls",
        text_file("report.xls", "<html><body><table><tr><td>Sessions</td></tr></table>"),
        ("is a web page",),
    ),
    Refused(
        "binary_junk",
        text_file("junk.txt", bytes(range(256)) * 4),
        ("is a binary file",),
    ),
    Refused(
        "utf16_without_bom",
        text_file("u16.txt", csv_text(BR_HEADER, br_rows()), "utf-16-le"),
        ("is a binary file",),
    ),
    Refused("named_pipe", fifo("pipe.csv"), ("is a named pipe (FIFO)", "not a regular file")),
    Refused("link_to_dev_zero", link_to("zero.csv", "/dev/zero"), ("is a device",)),
    Refused(
        "larger_than_any_report",
        sparse("huge.csv", 600 << 20),
        ("is 600.0 MB, more than the 512.0 MB",),
        args=PERIOD,
    ),
    Refused(
        "spreadsheet_that_is_no_report",
        xlsx("contacts.xlsx", ["Name", "Phone"], [["Li", "123"]]),
        ("is not a report fupan knows",),
    ),
    Refused(
        "text_without_columns",
        text_file("note.txt", "remember to download the ads report\n"),
        ("has no columns",),
    ),
    Refused(
        "json_cut_short",
        text_file("perf.json", '{"accountStatuses": ['),
        ("is not valid JSON",),
    ),
    Refused(
        "json_that_is_no_report",
        text_file("other.json", '{"hello": 1}'),
        ("is not a report fupan knows",),
    ),
    Refused(
        "business_report_without_period",
        business("BusinessReport-11-22-26.csv"),
        ("has no date column", "--period"),
    ),
    Refused(
        "negative_clicks_in_ads",
        xlsx("ads.xlsx", SP_HEADER, [sp_row(16), sp_row(17, clicks=-3)]),
        ('"-3" is a negative count',),
        row=3,
        column="Clicks",
    ),
    Refused(
        "ads_without_sales",
        xlsx(
            "nosales.xlsx",
            [h for h in SP_HEADER if h != "7 Day Total Sales "],
            [[v for i, v in enumerate(sp_row(16)) if i != 12]],
        ),
        ("lacks the column(s)", "7 day total sales"),
    ),
    Refused(
        "returns_with_negative_quantity",
        text_file(
            "returns.txt",
            "return-date\torder-id\tsku\tasin\tquantity\n"
            "2026-11-17T08:01:55+00:00\t111-1\tS1\tB0C1\t1\n"
            "2026-11-18T08:01:55+00:00\t111-2\tS2\tB0C2\t-2\n",
        ),
        ('"-2" is a negative count',),
        row=3,
        column="quantity",
    ),
]


def store_state(root: Path) -> dict[str, object]:
    """Everything a store holds that an import could change."""
    with duckdb.connect(str(root / "history.duckdb"), read_only=True) as con:
        state: dict[str, object] = {
            name: con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0] for name in TABLES
        }
        state["imports"] = con.execute(
            "SELECT id, file, sha256 FROM imports ORDER BY id"
        ).fetchall()
        state["findings"] = con.execute("SELECT count(*) FROM findings").fetchall()[0][0]
    return state


def test_corpus_is_large_enough():
    assert len(REFUSED) + len(READ_RIGHT) >= 40
    names = [c.name for c in (*REFUSED, *READ_RIGHT)]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("case", REFUSED, ids=str)
def test_refused(case: Refused, tmp_path: Path) -> None:
    path = case.make(tmp_path / "in")
    for command in ("kpis", "check"):
        r = run(command, path, *case.args)
        assert r.exit_code not in (0, None), (command, r.output)
        assert isinstance(r.exception, SystemExit), (command, r.exception)
        assert "Traceback" not in r.output
        assert path.name in r.output, (command, r.output)
        for text in case.says:
            assert text in r.output, (command, text, r.output)
        if case.row is not None:
            assert f'"{path.name}", row {case.row}' in r.output, (command, r.output)
        if case.column is not None:
            assert f'column "{case.column}"' in r.output, (command, r.output)

    if case.workspace is None:
        return
    ws = tmp_path / "shop"
    assert run("init", ws, "--marketplace", case.workspace).exit_code == 0
    if case.workspace == "US":  # a store with history in it
        good = writers.write_business_daily(tmp_path / "good.csv", SELLER)
        assert run("import", "--workspace", ws, good).exit_code == 0
    before = store_state(ws)
    period = [a for a in case.args if a == "--period" or ".." in a]
    r = run("import", "--workspace", ws, *period, path)
    assert r.exit_code == 1, r.output
    assert path.name in r.output and "Traceback" not in r.output
    assert store_state(ws) == before


# Read right -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadRight:
    name: str
    make: Callable[[Path], Path]
    check: Callable[[ReadResult], None]
    context: ReadContext = field(default_factory=ReadContext)
    warns: tuple[str, ...] = ()  # finding codes, each shown on stderr naming the file

    def __str__(self) -> str:
        return self.name

    @property
    def args(self) -> list[str]:
        out = []
        if self.context.period:
            out += ["--period", str(self.context.period)]
        if self.context.marketplace:
            out += ["--marketplace", self.context.marketplace]
        return out


def rows_of(result: ReadResult, *columns: str) -> list[tuple]:
    return [tuple(r) for r in result.frame[list(columns)].itertuples(index=False)]


JUNE = Period.parse("2025-06-01..2025-06-30")
DE_HEADER = [
    "(Übergeordnete) ASIN",
    "(Untergeordnete) ASIN",
    "Titel",
    "SKU",
    "Sitzungen – Summe",
    "Seitenaufrufe – Summe",
    "Bestellte Einheiten",
    "Durch bestellte Produkte erzielter Umsatz",
    "Zahl der Bestellposten",
]
DE_ROWS = [
    ["B0P1", "B0C1", "Backmatte, 2 Stück", "S1", "4.210", "5.002", "87", "5.255,61 €", "80"],
    ["B0P1", "B0C2", "Backmatte", "S2", "18", "20", "1", "9,99 €", "1"],
]
EN_DE_ROWS = [
    ["B0P1", "B0C1", "Mat", "S1", "4.210", "5.002", "99,50%", "87", "5.255,61 €", "80"],
    ["B0P1", "B0C2", "Mat", "S2", "18", "20", "18,16%", "1", "9,99 €", "1"],
]


def de_checks(result: ReadResult) -> None:
    assert result.marketplace == "DE"
    assert rows_of(result, "child_asin", "sessions", "page_views", "units") == [
        ("B0C1", 4210.0, 5002.0, 87.0),
        ("B0C2", 18.0, 20.0, 1.0),
    ]
    assert result.frame.sales.tolist() == pytest.approx([5255.61, 9.99])


def en_de_checks(result: ReadResult) -> None:
    de_checks(result)
    assert result.frame.buy_box_pct.tolist() == pytest.approx([0.995, 0.1816])


def day_checks(*expected: str, marketplace: str, sales: list[float] | None = None):
    def check(result: ReadResult) -> None:
        assert result.marketplace == marketplace
        assert list(result.frame.date[: len(expected)]) == [pd.Timestamp(d) for d in expected]
        assert result.frame.sales.tolist()[:2] == pytest.approx(sales or [1000.0, 1001.0])
        assert result.frame.units.tolist()[:2] == [10.0, 11.0]

    return check


def titles(*expected: str):
    def check(result: ReadResult) -> None:
        assert result.frame.title.tolist()[: len(expected)] == list(expected)

    return check


def in_checks(result: ReadResult) -> None:
    f = result.frame
    assert result.marketplace == "IN"
    assert set(f.attribution_days) == {14.0} and set(f.ad_type) == {"SP"}
    assert set(f.currency) == {"INR"}
    assert f.spend.tolist() == pytest.approx([800.0, 1200.5])
    assert f.sales.tolist() == pytest.approx([4000.0, 6100.25])
    assert f.sku_sales.tolist() == pytest.approx([3000.0, 5000.0])


def in_campaign_checks(result: ReadResult) -> None:
    f = result.frame
    assert result.marketplace == "IN" and set(f.attribution_days) == {14.0}
    assert f.spend.tolist() == pytest.approx([1275.5, 123456.5])
    assert f.sales.tolist() == pytest.approx([5102.0, 234567.0])
    assert f.budget.tolist() == pytest.approx([500.0, 500.0])
    assert f.impressions.tolist() == [12000.0, 12000.0]


def search_term_checks(result: ReadResult) -> None:
    assert result.frame.search_term.tolist() == ["yoga mat thick", "mat"]
    assert result.frame.spend.tolist() == pytest.approx([12.5, 3.0])


def gb_checks(result: ReadResult) -> None:
    assert result.frame.title.iloc[0] == "硅胶烘焙垫"
    assert result.frame.sessions.tolist() == [1234.0, 400.0]


def new_console_checks(result: ReadResult) -> None:
    assert set(result.frame.attribution_days) == {7.0}
    assert set(result.frame.ad_type) == {"SP"}


def returns_checks(result: ReadResult) -> None:
    assert result.frame.quantity.tolist() == [1.0, 2.0]
    assert result.frame.customer_comments.tolist() == ["", "too small"]


def utf16_checks(result: ReadResult) -> None:
    assert result.frame.sessions.tolist() == [1234.0, 400.0, 90.0]
    assert result.frame.sales.tolist() == pytest.approx([1457.93, 45.0, 1009.99])


def no_newline_checks(result: ReadResult) -> None:
    assert result.frame.units.tolist() == [12.0, 3.0, 1.0]


def bb_checks(result: ReadResult) -> None:
    assert result.frame.buy_box_pct.tolist() == pytest.approx([0.9 + i * 0.01 for i in range(7)])


def cp1252_checks(result: ReadResult) -> None:
    assert result.frame.title.iloc[0] == "Backmatte – 2 Stück"
    assert result.frame.available.tolist() == [7.0]


WEEK_P = Period.parse(WEEK)
ST_HEADER = [
    "Date",
    "Campaign Name",
    "Customer Search Term",
    "Impressions",
    "Clicks",
    "Spend",
    "7 Day Total Sales ",
]
ST_1 = [100, 5, 12.5, 40.0]
ZH_HEADER = [
    "（父）ASIN",
    "（子）ASIN",
    "标题",
    "SKU",
    "会话数 - 总计",
    "已订购商品数量",
    "已订购商品销售额",
]

READ_RIGHT = [
    ReadRight(
        "german_business_report_semicolons",
        text_file("de.csv", csv_text(DE_HEADER, DE_ROWS, ";")),
        de_checks,
        ReadContext(period=WEEK_P, marketplace="DE"),
    ),
    ReadRight(
        "german_numbers_marketplace_from_the_euro_sign",
        text_file("de-en.csv", csv_text(BR_HEADER, EN_DE_ROWS, ";")),
        en_de_checks,
        ReadContext(period=WEEK_P),
    ),
    ReadRight(
        "french_days_first_by_date",
        by_date("fr.csv", week_days("%d/%m/%Y"), money="fr", sep=";"),
        day_checks("2025-06-01", "2025-06-02", marketplace="FR", sales=[1000.0, 1001.0]),
        ReadContext(marketplace="FR"),
    ),
    ReadRight(
        "uk_days_first",
        by_date("uk.csv", week_days("%d/%m/%Y"), money="£{:,.2f}"),
        day_checks("2025-06-01", "2025-06-02", marketplace="UK"),
        ReadContext(marketplace="UK"),
    ),
    ReadRight(
        "uk_days_first_from_the_pound_sign",
        by_date("uk2.csv", week_days("%d/%m/%Y"), money="£{:,.2f}"),
        day_checks("2025-06-01", "2025-06-02", marketplace="UK"),
    ),
    ReadRight(
        "us_month_first",
        by_date("us.csv", week_days("%m/%d/%Y")),
        day_checks("2025-06-01", "2025-06-02", marketplace="US"),
        ReadContext(marketplace="US"),
    ),
    ReadRight(
        "dates_that_settle_their_own_order",
        by_date("settled.csv", ["13/06/2025", "01/07/2025"]),
        day_checks("2025-06-13", "2025-07-01", marketplace="US"),
    ),
    ReadRight(
        "japanese_year_first",
        by_date("jp.csv", week_days("%Y/%m/%d"), money="¥{:,.0f}"),
        day_checks("2025-06-01", "2025-06-02", marketplace="JP"),
    ),
    ReadRight(
        "nul_in_a_title",
        text_file("nul.csv", csv_text(BR_HEADER, br_rows()).replace("Mat one", "Mat\x00 one")),
        titles("Mat one", "Mat two"),
        ReadContext(period=WEEK_P),
        warns=("control-characters",),
    ),
    ReadRight(
        "vertical_tab_in_a_search_term",
        xlsx(
            "st.xlsx",
            ST_HEADER,
            [
                [pd.Timestamp(2026, 11, 16).to_pydatetime(), "C", "yoga mat_x000B_thick", *ST_1],
                [pd.Timestamp(2026, 11, 17).to_pydatetime(), "C", "mat_x0000_", 50, 2, 3.0, 0],
            ],
        ),
        search_term_checks,
        warns=("control-characters",),
    ),
    ReadRight(
        "amazon_in_14_day_sponsored_products",
        xlsx(
            "in-sp.xlsx",
            IN_HEADER,
            [in_row(16, 800.0, 4000.0, 3000.0), in_row(17, 1200.5, 6100.25, 5000.0)],
        ),
        in_checks,
    ),
    ReadRight(
        "amazon_in_campaign_csv_in_rupees",
        text_file(
            "in-campaign.csv",
            csv_text(
                IN_CAMPAIGN_HEADER,
                [
                    in_campaign_row(16, "Rs.1,275.50", "Rs.5,102.00"),
                    in_campaign_row(17, "Rs.1,23,456.50", "₹2,34,567.00"),
                ],
            ),
        ),
        in_campaign_checks,
    ),
    ReadRight(
        "gb18030_chinese_business_report",
        text_file(
            "zh.csv",
            csv_text(
                ZH_HEADER,
                [
                    ["B0P1", "B0C1", "硅胶烘焙垫", "S1", "1,234", "12", "US$1,457.93"],
                    ["B0P1", "B0C2", "烘焙垫", "S2", "400", "3", "US$45.00"],
                ],
            ),
            "gb18030",
        ),
        gb_checks,
        ReadContext(period=WEEK_P),
        warns=("encoding-gb18030",),
    ),
    ReadRight(
        "excel_unicode_text",
        text_file(
            "unicode.txt",
            "\ufeff" + csv_text(BR_HEADER, br_rows(), "\t"),
            "utf-16-le",
        ),
        utf16_checks,
        ReadContext(period=WEEK_P),
    ),
    ReadRight(
        "xlsx_saved_as_csv",
        lambda folder: xlsx("ads.csv", SP_HEADER, [sp_row(16), sp_row(17)])(folder),
        lambda r: None if r.frame.clicks.tolist() == [10.0, 10.0] else pytest.fail("clicks"),
        warns=("wrong-extension",),
    ),
    ReadRight(
        "csv_saved_as_xlsx",
        text_file("br.xlsx", csv_text(BR_HEADER, br_rows())),
        no_newline_checks,
        ReadContext(period=WEEK_P),
        warns=("wrong-extension",),
    ),
    ReadRight(
        "google_sheets_export_without_final_line_break",
        text_file("gs.csv", csv_text(BR_HEADER, br_rows()).rstrip("\n")),
        no_newline_checks,
        ReadContext(period=WEEK_P),
        warns=("no-final-line-break",),
    ),
    ReadRight(
        "flat_file_rows_without_trailing_empty_values",
        text_file(
            "returns.txt",
            "return-date\torder-id\tsku\tasin\tquantity\treason\tcustomer-comments\n"
            "2026-11-17T08:01:55+00:00\t111-1\tS1\tB0C1\t1\tDEFECTIVE\n"
            "2026-11-18T08:01:55+00:00\t111-2\tS2\tB0C2\t2\tUNWANTED_ITEM\ttoo small\n",
        ),
        returns_checks,
    ),
    ReadRight(
        "by_date_with_buy_box_and_page_views",
        by_date(
            "bb.csv",
            [f"11/{d}/2026" for d in range(16, 23)],
            extra_header=["Page Views - Total", "Featured Offer (Buy Box) Percentage"],
            extra=["{0}00", "9{0}.00%"],
        ),
        bb_checks,
        ReadContext(marketplace="US"),
    ),
    ReadRight(
        "new_console_window_is_the_console_default",
        lambda folder: writers.write_new_console_csv(
            write(folder, "console.csv", b"x"), SELLER, WEEK_P
        ),
        new_console_checks,
    ),
    ReadRight(
        "seller_central_cp1252_inventory",
        text_file(
            "myi.csv",
            '"sku","asin","product-name","afn-fulfillable-quantity","afn-total-quantity"\n'
            '"S1","B0C1","Backmatte – 2 Stück","7","9"\n',
            "cp1252",
        ),
        cp1252_checks,
        ReadContext(period=WEEK_P),
    ),
]


@pytest.mark.parametrize("case", READ_RIGHT, ids=str)
def test_read_right(case: ReadRight, tmp_path: Path) -> None:
    path = case.make(tmp_path / "in")
    result = read_report(path, case.context)
    case.check(result)
    assert sorted({f.code for f in result.findings} - {"no-rows"}) == sorted(case.warns)
    for command in ("check", "kpis"):
        r = run(command, path, *case.args)
        assert r.exit_code == 0, (command, r.output)
        for code in case.warns:
            (finding,) = [f for f in result.findings if f.code == code]
            shown = [line for line in r.stderr.splitlines() if finding.message in line]
            assert shown and path.name in shown[0], (command, code, r.stderr)
