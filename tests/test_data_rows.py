"""Each key's runs of data rows (what a per-key SUM references), found in one pass over the
data tab, are the runs a scan of each key's own rows finds."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from fupan.sync.workbook.book import DataLayout, cell_text
from hypothesis import given, settings
from hypothesis import strategies as st


def runs_key_by_key(frame: pd.DataFrame, columns: tuple[str, ...]) -> dict:
    """The plain definition: every combination's rows, cut where a row is not the next."""
    text = [cell_text(frame[c]).tolist() for c in columns]
    keys = list(zip(*text, strict=True))
    out: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for key in dict.fromkeys(keys):
        at = [i for i, k in enumerate(keys) if k == key]
        runs, start = [], at[0]
        for before, now in itertools.pairwise(at):
            if now != before + 1:
                runs.append((start + 2, before + 2))  # row 1: the header
                start = now
        runs.append((start + 2, at[-1] + 2))
        out[key] = runs
    return out


rows = st.lists(
    st.tuples(
        st.sampled_from(["B01", "B02", "B03", "", None]),
        st.sampled_from(["Camp A", "Camp B"]),
        st.booleans(),
        st.sampled_from([1.0, 2.5, np.nan]),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(rows)
def test_runs_found_at_once_are_the_runs_of_each_key(data):
    frame = pd.DataFrame(data, columns=["asin", "campaign", "counted", "spend"])
    layout = DataLayout({"data_ads": len(frame)}, {}, {"data_ads": frame})
    for columns in (("asin",), ("campaign", "counted"), ("asin", "campaign", "spend")):
        assert layout.rows_of(columns, "data_ads") == runs_key_by_key(frame, columns)


def test_an_empty_tab_has_no_runs():
    frame = pd.DataFrame({"asin": pd.Series([], dtype=object)})
    layout = DataLayout({"data_sales": 0}, {}, {"data_sales": frame})
    assert layout.rows_of(("asin",), "data_sales") == {}


def test_a_key_whose_rows_are_apart_has_one_run_per_stretch():
    frame = pd.DataFrame({"asin": ["B01", "B01", "B02", "B01", "B02", "B02"]})
    layout = DataLayout({"data_sales": 6}, {}, {"data_sales": frame})
    assert layout.rows_of(("asin",), "data_sales") == {
        ("B01",): [(2, 3), (5, 5)],
        ("B02",): [(4, 4), (6, 7)],
    }
