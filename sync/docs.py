"""Reference pages generated from the registries (docs/kpis.md, reports.md, targets.md)."""

from __future__ import annotations

from pathlib import Path

from ..addin.kpis import MEASURES
from ..addin.registry import all_kpis
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
    lines += ["", "## Measures", "", "| measure | meaning |", "|---|---|"]
    lines += [f"| `{m}` | {text} |" for m, text in MEASURES.items()]
    return "\n".join(lines) + "\n"


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
