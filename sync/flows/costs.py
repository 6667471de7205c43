"""`fupan costs import`: the team's own cost sheet into Settings' Products, then a refresh.

The sheet's rows become dated costs (sync/ingest/costs.py); the review is refreshed from the
store so profit shows at once. Rows of Settings the sheet does not name are kept, and so is
every other edit of the team.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..findings import Finding
from ..i18n import t
from ..ingest.costs import read_cost_sheet
from ..settings import CostRow
from ..workspace import Workspace
from .review import SyncResult, refresh_review


@dataclass
class CostImport:
    rows: list[CostRow]
    sync: SyncResult | None  # None on a dry run
    findings: list[Finding] = field(default_factory=list)

    @property
    def skus(self) -> int:
        return len({r.sku for r in self.rows})

    def describe(self, lang: str = "en") -> str:
        done = "say:costs_would_go" if self.sync is None else "say:costs_went"
        text = t(done, lang, rows=len(self.rows), skus=self.skus)
        if self.sync is not None:
            text += t("say:costs_refreshed", lang, target=self.sync.target)
            uncosted = self.sync.review.uncosted
            if uncosted:
                issues = t("issues", lang)
                text += t("say:costs_uncosted", lang, n=len(uncosted), issues=issues)
        return text


def import_costs(
    workspace: Workspace,
    sheet: str | Path,
    *,
    today: date,
    workbook: str | Path | None = None,
    dry_run: bool = False,
) -> CostImport:
    """Read a cost sheet (.xlsx/.csv, English or Chinese headers) into the workbook's
    Settings and refresh the review (with dry_run, only read the sheet)."""
    rows, findings = read_cost_sheet(Path(sheet))
    if dry_run or not rows:
        return CostImport(rows, None, findings)
    result = refresh_review(workspace, workbook=workbook, today=today, costs=rows)
    return CostImport(rows, result, findings)
