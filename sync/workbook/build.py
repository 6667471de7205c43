"""Build the review workbook plan from a review, Settings and Actions.

KPI cells are formulas: measures are sums of the data tabs' cells (the review's own rows),
and each KPI is its registry formula over the measure cells of its row. Status cells compare
a KPI with the thresholds in the Settings tab (per-row tabs through their own copy of them),
so an edited threshold recolours at once.
"""

from __future__ import annotations

from ...addin.registry import Scope
from ..actions.sheets import tracker_sheets
from ..i18n import t
from .book import Book, titles_of
from .cells import formula
from .data_tabs import data_sheets
from .inputs import Inputs
from .plan import Block, Cell, Style, WorkbookPlan
from .tabs.dashboard import dashboard
from .tabs.health import health
from .tabs.inventory import inventory
from .tabs.issues import issues
from .tabs.kpi_table import kpi_table
from .tabs.scorecard import scorecard
from .tabs.search_terms import search_terms
from .tabs.settings import settings_sheet
from .tabs.suggestions import suggestions


def build_plan(inputs: Inputs) -> WorkbookPlan:
    """The whole review workbook as a plan (pure: reads nothing, writes nothing)."""
    lang = inputs.settings.language
    titles = titles_of(lang)
    # Laid out first: every other tab points at Settings' rows and the data rows.
    settings, settings_layout = settings_sheet(inputs.settings, titles)
    data, data_layout = data_sheets(inputs.review, titles, lang)
    book = Book(inputs, settings_layout, data_layout)
    measures = inputs.review.measures
    trackers = tracker_sheets(inputs.tracker, lang, inputs.today)
    sheets = [
        dashboard(book),
        *trackers[:1],
        kpi_table(book, "sales", Scope.ASIN, measures.get(Scope.ASIN)),
        kpi_table(book, "ads", Scope.CAMPAIGN, measures.get(Scope.CAMPAIGN)),
        search_terms(book),
        inventory(book),
        health(book),
        suggestions(book),
        scorecard(book),
        settings,
        issues(book),
        *trackers[1:],
        *data,
    ]
    # Counted after the tables exist: the dashboard's red count reads every status column.
    sheets[0].blocks = [
        *sheets[0].blocks,
        Block(
            4,
            4,
            [
                [
                    Cell(t("red_items", lang), style=Style.HEADER),
                    formula(red_count(book), Style.COUNT),
                ]
            ],
        ),
    ]
    return WorkbookPlan(sheets, lang, names={"period_days": book.ref("dashboard", "$B$4")})


def red_count(book: Book) -> str:
    parts = [f'COUNTIF({r},"{book.words["red"]}")' for r in book.status_ranges]
    return "=" + ("+".join(parts) if parts else "0")
