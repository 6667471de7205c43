"""Reference pages generated from the registries (docs/kpis.md, reports.md, targets.md)."""

from __future__ import annotations

from pathlib import Path

from ..addin.ad_targets import AD_TYPES, DEFAULT_ACOS, DEFAULT_MARGIN
from ..addin.kpis import MEASURES
from ..addin.registry import KPIS, all_kpis
from ..addin.thresholds import Bands
from .ingest.registry import READERS
from .targets.registry import kinds


def _bands(b: Bands | None) -> str:
    if b is None:
        return "informational"
    parts = []
    for label, lo, hi in (
        ("green", b.green_min, b.green_max),
        ("yellow", b.yellow_min, b.yellow_max),
    ):
        if lo is None and hi is None:
            continue
        if lo is not None and hi is not None:
            parts.append(f"{label} {lo:g}–{hi:g}")
        elif lo is not None:
            parts.append(f"{label} ≥ {lo:g}")
        else:
            parts.append(f"{label} ≤ {hi:g}")
    if (b.yellow_min, b.yellow_max) == (b.green_min, b.green_max):
        parts = parts[:1]
    return ", ".join(parts) + ", else red"


def kpis_markdown() -> str:
    lines = [
        "# KPI reference",
        "",
        "Generated from the registry (`addin/kpis.py`) by `python -m fupan.sync.docs`; a test "
        "fails when this page is stale. Ratios are fractions; bands are inclusive.",
        "",
        "| id | name | 中文 | scopes | definition | formula | bands | source |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for k in all_kpis():
        formula = "=" + k.formula(lambda m: f"[{m}]")
        scopes = ", ".join(sorted(s.value for s in k.scopes))
        cats = "".join(f"; {c}: {_bands(b)}" for c, b in k.category_bands.items())
        lines.append(
            f"| `{k.id}` | {k.name_en} | {k.name_zh} | {scopes} | {k.doc} | `{formula}` | "
            f"{_bands(k.bands)}{cats} | {k.source} |"
        )
    lines += ["", *_acos_targets()]
    lines += ["", "## Measures", "", "| measure | meaning |", "|---|---|"]
    lines += [f"| `{m}` | {text} |" for m, text in MEASURES.items()]
    lines += ["", *PROFIT_NOTES.strip().splitlines()]
    return "\n".join(lines) + "\n"


def _acos_targets() -> list[str]:
    """The target ACoS section: the ad types' defaults and how a campaign's is resolved."""
    names = {"SP": "Sponsored Products", "SB": "Sponsored Brands", "SD": "Sponsored Display"}
    cats = [
        f"{c} {b.green_max:.0%}"
        for c, b in KPIS["acos"].category_bands.items()
        if b.green_max is not None
    ]
    return [
        "## Target ACoS by ad type and category",
        "",
        "A campaign's ACoS (Ads by campaign, its Target ACoS column, rules R1 and R2, the",
        "search terms' candidates, money at stake, the minutes) is judged against its own target,",
        "from Settings' target ACoS rows: its ad type and category's row, else its ad type's row,",
        "else the account's Target ACoS. A campaign's ad type is the one it spends in, its",
        "category the one of the ASINs it advertises (Settings' Products) it spends most in.",
        "Green up to the target, yellow up to the ACoS band's margin above it (yellow to minus",
        f"green to; {DEFAULT_MARGIN * 100:.0f} pp without one), red beyond. The account's and",
        "the ASINs' ACoS keep the bands above (an ASIN's ads mix the ad types).",
        "",
        "| ad type | default target |",
        "|---|---|",
        *[f"| {names[a]} ({a}) | {DEFAULT_ACOS[a]:.0%} |" for a in AD_TYPES],
        "",
        "Sponsored Products of a category with its own ACoS band start at that band's green line"
        f" ({', '.join(cats)}); Sponsored Brands and Display reach shoppers earlier (awareness,",
        "retargeting) and are attributed over 14 days, so their defaults are higher (ours). A",
        "workbook written before these rows keeps its account target for Sponsored Products.",
    ]


PROFIT_NOTES = """
## Profit, and how it differs from Seller Central's payment summary

Every profit KPI above is one expression over the measures (the engine, the native formula
and the `AMZ_*` function all evaluate it). In the marketplace's currency, Amazon's signs:

- **Gross profit 毛利润** = net sales (product sales + refunds) + Amazon fees (negative)
  − COGS − first-leg freight, before advertising.
- **Net profit 净利润** = gross profit − ad spend. Per ASIN the ad spend is its Sponsored
  Products spend (advertised product report); Sponsored Brands and Display spend, storage,
  subscription and other charges without a SKU count at the account only, so the ASINs'
  profits do not add up to the account's.
- **Net margin 净利润率** = net profit / net sales: the margin the review articles mean by
  毛利率 "after first-leg freight, referral fee, FBA fee and the ad share"; green from 35 %
  for home (seed 000), 15 % otherwise (ours).
- **ROI** = net profit / (COGS + freight); **net profit per unit** = net profit / units sold.
- **Attainment** = sales (net profit) / the monthly target × the share of the month's days in
  the period; **month-to-date attainment** = sales (net profit) from the 1st to the period's
  last day / (monthly target × days so far / days in the month); **forecast** = month-to-date
  / days so far × days in the month.

COGS and freight are units × the cost row of Settings' Products in force on the order line's
day (dated rows: a price change does not rewrite history). A SKU sold without a unit cost on
that day, or with costs in another currency, leaves its profit, its ASIN's and the account's
blank, and Issues names it: never a 0. When the Date Range report and the settlements do not
cover every day of the period, profit is estimated from the Business Report's sales and units
and the FBA Fee Preview's referral, closing and fulfilment fees per unit; the cells say
"estimate", and refunds, storage and other charges are not in it.

Seller Central's payment summary (Payments → Statement view, and the Date Range report's
summary) is a cash statement, not a profit: it has no product cost or freight; it counts
sales, refunds and fees when they post (shipment, refund), not when the order is placed, so
its sales differ from the Business Report's ordered product sales; it includes the "Cost of
Advertising" charged to the balance (fupan counts ad spend from the ad reports instead, by
the day of the click, and leaves those charges out of Amazon fees so ads are never counted
twice); taxes collected and withheld, transfers to your bank and reserves move money without
earning any (fupan leaves them out; `net_proceeds` is the statement's sum without them). And
it shows one total for the account, where fupan splits fees per SKU and ASIN.
"""


def reports_markdown() -> str:
    lines = [
        "# Supported reports",
        "",
        "Generated from the reader registry (`sync/readers/`). Reports are recognised by "
        "their header row, never by file name.",
        "",
        "| reader | report | formats | table |",
        "|---|---|---|---|",
    ]
    for r in READERS:
        lines.append(
            f"| `{r.kind}` | {r.title} | {', '.join(sorted(r.formats))} | `{r.table.name}` |"
        )
    return "\n".join(lines) + "\n"


def targets_markdown() -> str:
    lines = [
        "# Where fupan writes the review",
        "",
        "Generated from the target registry (`sync/targets/registry.py`). `--workbook`, "
        "`--gsheet` and `--shared` name one of these; the first kind that recognises the "
        "name opens it.",
        "",
        "| kind | what it is |",
        "|---|---|",
    ]
    lines += [f"| `{k.name}` | {k.about} |" for k in kinds()]
    return "\n".join(lines) + "\n"


PAGES = {"kpis.md": kpis_markdown, "reports.md": reports_markdown, "targets.md": targets_markdown}


def write(folder: Path) -> None:
    for name, build in PAGES.items():
        (folder / name).write_text(build(), encoding="utf-8")


if __name__ == "__main__":
    write(Path(__file__).resolve().parents[1] / "docs")
