"""A seller small enough to do its sums by hand: June 2025, three child ASINs, three ad rows.

The twins of the tests that read ../shared (see tests/conftest.py) write this seller with
the project's report writers (sync/samples/writers.py) in every layout and compare what
fupan reads and computes with the numbers below, worked out here once:

Business Report (child ASIN, 2025-06-01..30), sorted by sales as Seller Central does:

    parent  child  sku       sessions  page views  Featured Offer  units  sales
    P1      C1     MAT-HALF  600+400   800+200     (800×1.00+200×0.98)/1000 = 99.60 %
                                                                    30+20  600+400
    P2      C3     TRAY-2PK  250       400         75.00 %          10     500.00
    P1      C2     MAT-QTR   500       500         90.00 %          20     200.00
    total                    1,750     1,900       1,746 Featured Offer views
                                                                    80     1,700.00

    CVR 80 / 1,750 = 0.045714...; Featured Offer % weighted by page views
    (996 + 300 + 450) / 1,900 = 0.918947... (unweighted it would be 0.881667).
    The 2019 layout rounds to whole percent: C1 100 %, (1,000 + 300 + 450) / 1,900.

Sponsored Products (7-day), one row per search term and day:

    day    campaign                 term        ASIN  impr.   clicks  spend  sales  orders
    06-05  SP-Auto-Mat              baking mat  C1    10,000  50      40.00  200.00  10
    06-25  SP-Auto-Mat              oven liner  C1     2,000   0       0.00    0.00   0
    06-25  SP-Exact-Tray 2" Cube    ice tray    C3     5,000  25      60.00  100.00   2
    total                                             17,000  75     100.00  300.00  12

    ACoS 100 / 300 = 0.3333; ROAS 3; CTR 75 / 17,000 = 0.0044118; ad CVR 12 / 75 = 0.16;
    TACoS 100 / 1,700 = 0.0588235. The search term, targeting and advertised product reports
    restate the same money: counted once, ad spend is 100.00 (three times would be 300.00).
    Rows per report: search term 3 (summary: 3 terms); targeting 3 daily, 2 summary
    (close-match, ice tray); advertised product 3 daily, 2 summary; campaign CSV 3
    (day × campaign); new console 2 (campaign × ad group × ASIN).

Sponsored Brands: one row (06-28, 14-day), spend 30.00, sales 80.00. Sponsored Display: one
row (06-28, 14-day), spend 7.50, sales 50.00.

FBA stock on 2025-06-30 (Manage Inventory and planning report agree):

    sku       available  0-90  91-180  181-270  271-365  365+
    MAT-HALF  100         70    20      10       0        0
    MAT-QTR    50         50     0       0       0        0
    TRAY-2PK   30          0     0       0      10       20
    total     180                aged over 90 days: 20 + 10 + 10 + 20 = 60

    aged share 60 / 180 = 0.3333. The planning file also carries the overlapping 181-330
    and 331-365 buckets (10 and 10): counting them too would give 80.

Returns (UTC timestamps): MAT-HALF 1 at 06-01 00:30, MAT-QTR 1 at 06-15 12:00, TRAY-2PK 2
at 06-30 23:30; 4 units, return rate 4 / 80 = 0.05. All Orders: one line per unit ordered
(80), every 40th cancelled with quantity 0: 78 shipped, 2 cancelled. Feedback: 2 rows.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from fupan.sync.periods import Period
from fupan.sync.samples import Seller

JUNE = Period.parse("2025-06-01..2025-06-30")
P1, P2 = "B0TSTP0001", "B0TSTP0002"
C1, C2, C3 = "B0TSTC0001", "B0TSTC0002", "B0TSTC0003"
QUOTED_CAMPAIGN = 'SP-Exact-Tray 2" Cube'


def _days(*texts: str) -> list[pd.Timestamp]:
    return [pd.Timestamp(t) for t in texts]


def june_seller() -> Seller:
    catalogue = pd.DataFrame(
        {
            "family": [0, 0, 1],
            "title": [
                'LUMIVO Baking Mat, Half Sheet (16.5" x 11.6")',
                "LUMIVO Baking Mat, Quarter Sheet",
                "LUMIVO Ice Cube Tray, 2 Pack",
            ],
            "category": ["home", "home", "home"],
            "price": [20.0, 10.0, 50.0],
            "name_zh": ["烘焙垫", "烘焙垫", "冰格"],
            "sku": ["MAT-HALF", "MAT-QTR", "TRAY-2PK"],
            "child_asin": [C1, C2, C3],
            "parent_asin": [P1, P1, P2],
        }
    )
    daily = pd.DataFrame(
        {
            "date": _days("2025-06-01", "2025-06-30", "2025-06-15", "2025-06-20"),
            "child_asin": [C1, C1, C2, C3],
            "sku": ["MAT-HALF", "MAT-HALF", "MAT-QTR", "TRAY-2PK"],
            "sessions": [600, 400, 500, 250],
            "page_views": [800, 200, 500, 400],
            "buy_box_pct": [1.0, 0.98, 0.9, 0.75],
            "units": [30, 20, 20, 10],
            "sales": [600.0, 400.0, 200.0, 500.0],
        }
    )
    search_terms = pd.DataFrame(
        {
            "date": _days("2025-06-05", "2025-06-25", "2025-06-25"),
            "campaign": ["SP-Auto-Mat", "SP-Auto-Mat", QUOTED_CAMPAIGN],
            "ad_group": ["auto", "auto", "exact"],
            "targeting": ["close-match", "close-match", "ice tray"],
            "match_type": ["-", "-", "EXACT"],
            "search_term": ["baking mat", "oven liner", "ice tray"],
            "asin": [C1, C1, C3],
            "sku": ["MAT-HALF", "MAT-HALF", "TRAY-2PK"],
            "impressions": [10_000, 2_000, 5_000],
            "clicks": [50, 0, 25],
            "spend": [40.0, 0.0, 60.0],
            "sales": [200.0, 0.0, 100.0],
            "orders": [10, 0, 2],
            "units": [10, 0, 2],
        }
    )
    brand_ads = pd.DataFrame(
        {
            "date": _days("2025-06-28"),
            "campaign": ["SB-Brand-Kitchen"],
            "impressions": [3_000],
            "clicks": [20],
            "spend": [30.0],
            "orders": [2],
            "units": [2],
            "sales": [80.0],
        }
    )
    display_ads = pd.DataFrame(
        {
            "date": _days("2025-06-28"),
            "campaign": ["SD-Remarketing-Tray"],
            "ad_group": ["views"],
            "targeting": ["views=(exact-product lookback=30)"],
            "impressions": [4_000],
            "viewable": [2_720],
            "clicks": [10],
            "spend": [7.5],
            "orders": [1],
            "units": [1],
            "sales": [50.0],
        }
    )
    stock = pd.DataFrame(
        {
            "sku": ["MAT-HALF", "MAT-QTR", "TRAY-2PK"],
            "fnsku": ["X0TST00001", "X0TST00002", "X0TST00003"],
            "asin": [C1, C2, C3],
            "title": catalogue.title,
            "price": catalogue.price,
            "available": [100, 50, 30],
            "inbound": [0, 200, 0],
            "reserved": [5, 0, 2],
            "unsellable": [1, 0, 0],
            "units_shipped_t30": [50, 20, 10],
            "units_shipped_t90": [150, 60, 30],
            "age_0_90": [70, 50, 0],
            "age_91_180": [20, 0, 0],
            "age_181_270": [10, 0, 0],
            "age_271_365": [0, 0, 10],
            "age_365_plus": [0, 0, 20],
        }
    )
    returns = pd.DataFrame(
        {
            "return_date": _days("2025-06-01 00:30", "2025-06-15 12:00", "2025-06-30 23:30"),
            "order_id": ["112-0000001-0000001", "112-0000002-0000002", "112-0000003-0000003"],
            "sku": ["MAT-HALF", "MAT-QTR", "TRAY-2PK"],
            "asin": [C1, C2, C3],
            "quantity": [1, 1, 2],
            "reason": ["DEFECTIVE", "UNWANTED_ITEM", "NOT_AS_DESCRIBED"],
        }
    )
    feedback = pd.DataFrame(
        {
            "date": _days("2025-06-27", "2025-06-29"),
            "rating": [2, 1],
            "comments": ["Arrived late.", "Box was damaged."],
            "order_id": ["112-0000004-0000004", "112-0000005-0000005"],
        }
    )
    return Seller(
        date(2025, 6, 30),
        30,
        catalogue,
        daily,
        search_terms,
        brand_ads,
        stock,
        returns,
        feedback,
        display_ads,
    )
