"""The cost sheet a team already keeps (.xlsx or .csv): SKU, unit cost, freight, valid from.

Not an Amazon report: a sheet of the team's own, with English or Chinese headers in any
order (SKU / 采购价 / 头程 / 生效日期 ...), maybe below a title row or two. Each row becomes
one dated cost of Settings' Products (sync/settings.py CostRow). A cell that cannot be read
leaves its row out, and the finding names the row and the cell: a cost is never guessed.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from ..errors import Lines, Msg, ReportError, msg
from ..findings import Finding, Severity
from ..settings import Cost, CostRow

# Header words per field, compared after `_key` (lower case, no spaces, units dropped).
HEADERS: dict[str, tuple[str, ...]] = {
    "sku": ("sku", "sellersku", "msku", "卖家sku", "商品sku", "seller-sku"),
    "asin": ("asin", "子asin", "(子)asin", "childasin"),
    "title": ("title", "productname", "name", "item", "品名", "商品名称", "产品名称", "标题"),
    "category": ("category", "类目", "分类", "品类"),
    "unit_cost": (
        "unitcost",
        "cost",
        "cogs",
        "purchaseprice",
        "purchasecost",
        "unitprice",
        "成本",
        "单位成本",
        "采购价",
        "采购成本",
        "采购单价",
        "采购价格",
        "进货价",
        "产品成本",
    ),
    "freight": (
        "first-legfreight",
        "firstlegfreight",
        "freight",
        "shippingcost",
        "inboundshipping",
        "头程",
        "头程运费",
        "头程成本",
        "头程费用",
        "头程费",
    ),
    "other": ("othercost", "othercosts", "other", "其他成本", "其他费用", "杂费", "包装费"),
    "currency": ("currency", "币种", "货币", "币别"),
    "valid_from": (
        "validfrom",
        "effectivedate",
        "effectivefrom",
        "startdate",
        "from",
        "date",
        "生效日期",
        "生效时间",
        "开始日期",
        "日期",
    ),
}
_UNITS = re.compile(r"[（(][^)）]*[)）]|/件|每件|/unit|perunit|/pc|/pcs")
_DAY = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
_SYMBOLS = re.compile(r"[$€£¥￥₹\s]|usd|cny|rmb|eur|gbp|jpy", re.IGNORECASE)
MAX_ROWS = 100_000


def _key(text: object) -> str:
    k = str(text or "").strip().lower().replace(" ", "").replace("_", "")
    return _UNITS.sub("", k).replace("　", "")


FIELD_OF = {word: name for name, words in HEADERS.items() for word in words}


def read_cost_sheet(path: Path) -> tuple[list[CostRow], list[Finding]]:
    """The sheet's cost rows and what could not be read (rows left out are named)."""
    grid = _grid(path)
    at = next((i for i, row in enumerate(grid[:30]) if _header(row)), None)
    if at is None:
        raise ReportError(
            path,
            msg("err:cost_no_header", names="SKU, unit cost / 采购价 / 成本"),
        )
    columns = _header(grid[at]) or {}
    rows: list[CostRow] = []
    findings: list[Finding] = []
    for n, row in enumerate(grid[at + 1 :], start=at + 2):
        cells = {f: (row[c] if c < len(row) else None) for f, c in columns.items()}
        sku = str(cells.get("sku") or "").strip()
        if not sku or all(_blank(v) for f, v in cells.items() if f != "sku"):
            continue
        bad: list[Msg] = []
        amounts: dict[str, float | None] = {}
        for f in ("unit_cost", "freight", "other"):
            v = cells.get(f)
            amounts[f] = _amount(v)
            if amounts[f] is None and not _blank(v):
                bad.append(msg("err:cost_cell", column=grid[at][columns[f]], value=v))
        day = _when(cells.get("valid_from"))
        if day is None and not _blank(cells.get("valid_from")):
            bad.append(
                msg(
                    "err:cost_cell",
                    column=grid[at][columns["valid_from"]],
                    value=cells.get("valid_from"),
                )
            )
        if amounts["unit_cost"] is None and not bad:
            bad.append(msg("err:cost_cell_empty", column=grid[at][columns["unit_cost"]]))
        if bad:
            findings.append(
                Finding.of(
                    Severity.WARNING,
                    "cost-unreadable",
                    msg(
                        "err:cost_unreadable",
                        sku=sku,
                        cells=Lines(tuple(bad), sep=msg("err:list_sep")),
                    ),
                    file=path.name,
                    row=n,
                    framed=True,
                )
            )
            continue
        currency = str(cells.get("currency") or "").strip().upper()
        currency = {"RMB": "CNY", "人民币": "CNY", "美元": "USD", "欧元": "EUR"}.get(
            currency, currency
        )
        rows.append(
            CostRow(
                sku,
                Cost(day, amounts["unit_cost"], amounts["freight"], amounts["other"], currency),
                str(cells.get("asin") or "").strip(),
                str(cells.get("title") or "").strip(),
                str(cells.get("category") or "").strip(),
            )
        )
    return rows, findings


def _header(row: list[Any]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for i, cell in enumerate(row):
        field = FIELD_OF.get(_key(cell))
        if field and field not in found:
            found[field] = i
    return found if {"sku", "unit_cost"} <= set(found) else None


def _grid(path: Path) -> list[list[Any]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a file that is no workbook
            raise ReportError(path, msg("err:cost_not_workbook", why=exc)) from None
        try:
            for ws in book.worksheets:  # the first sheet with a header row
                rows = ws.iter_rows(values_only=True, max_row=MAX_ROWS)
                grid = [list(r) for r in rows]
                if any(_header(r) for r in grid[:30]):
                    return grid
            return []
        finally:
            book.close()
    if suffix in (".csv", ".txt", ".tsv"):
        data = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ReportError(path, msg("err:cost_encoding"))
        sample = text[:4096]
        delimiter = max(",;\t", key=sample.count)
        return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    raise ReportError(path, msg("err:cost_format"))


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _amount(v: Any) -> float | None:
    """A cost: a number cell, or text such as ¥12.50, $3.10, 3,10 or 1,234.50."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return float(v)
    if not isinstance(v, str) or not v.strip():
        return None
    text = _SYMBOLS.sub("", v)
    if "," in text and "." in text:
        text = text.replace(",", "")
    elif re.fullmatch(r"-?\d+,\d{1,2}", text):
        text = text.replace(",", ".")
    else:
        text = text.replace(",", "")
    try:
        n = float(text)
    except ValueError:
        return None
    return n if n >= 0 else None


def _when(v: Any) -> date | None:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, int | float) and not isinstance(v, bool) and 20000 < v < 80000:
        return date(1899, 12, 30) + timedelta(days=int(v))  # an Excel day number in a CSV
    if isinstance(v, str):
        m = _DAY.match(v.strip())
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None
