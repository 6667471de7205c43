"""Property tests: numbers and headers as Amazon writes them, in every spelling."""

from __future__ import annotations

import pandas as pd
import pytest
from fupan.sync.ingest.headers import normalise
from fupan.sync.ingest.parsing import parse_dates, parse_numbers
from hypothesis import given, settings
from hypothesis import strategies as st

SIGNS = ["$", "US$", "£", "€", "¥", "JP¥", "CA$", "AED ", "USD ", ""]
amounts = st.decimals(
    min_value=-10_000_000, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False
)


def us_style(x) -> str:
    return f"{abs(x):,.2f}"


def eu_style(x) -> str:
    return f"{abs(x):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


@given(amounts, st.sampled_from(SIGNS), st.booleans(), st.booleans())
def test_money_round_trips(x, sign, eu, parens):
    body = eu_style(x) if eu else us_style(x)
    text = (f"{body} €" if sign == "€" else f"{sign}{body}") if eu else f"{sign}{body}"
    if x < 0:
        text = f"({text})" if parens else f"-{text}"
    parsed, bad = parse_numbers(pd.Series([text]), decimal_comma=eu)
    assert not bad.iloc[0]
    assert parsed.iloc[0] == pytest.approx(float(x))


@given(st.decimals(min_value=0, max_value=100, places=2, allow_nan=False))
def test_percent_text_becomes_a_fraction(x):
    parsed, bad = parse_numbers(pd.Series([f"{x}%"]), percent=True)
    assert not bad.iloc[0]
    assert parsed.iloc[0] == pytest.approx(float(x) / 100)


@given(st.floats(min_value=0, max_value=1, allow_nan=False))
def test_native_fractions_pass_through(x):
    parsed, _ = parse_numbers(pd.Series([x], dtype=object), percent=True)
    assert parsed.iloc[0] == x


@given(st.text(alphabet="abcxyz!?", min_size=1, max_size=5))
def test_words_are_flagged_not_guessed(word):
    _parsed, bad = parse_numbers(pd.Series(["12", word]))
    assert bad.tolist() == [False, True]


def test_blanks_are_missing_not_errors():
    parsed, bad = parse_numbers(pd.Series(["", "-", "N/A"]))
    assert parsed.isna().all() and not bad.any()


DASHES = ["-", "–", "—", "‐", "−", "－"]


@given(
    st.sampled_from(DASHES),
    st.sampled_from(DASHES),
    st.booleans(),
    st.text(alphabet=" \t", max_size=3),
)
def test_header_variants_share_one_key(d1, d2, upper, pad):
    text = f"Sessions {d1} Total {d2} B2B"
    text = text.upper() if upper else text
    assert normalise(pad + text + pad) == "sessions - total - b2b"


@given(st.text(max_size=40))
def test_normalise_is_idempotent(text):
    assert normalise(normalise(text)) == normalise(text)


def test_full_width_brackets_fold():
    assert normalise("（子）ASIN") == normalise("(子)ASIN") == "(子)asin"
    assert normalise("\ufeff7 Day Total Sales ") == "7 day total sales"


def test_dates_in_every_amazon_style():
    for text, expected in [
        ("Jun 26, 2025", "2025-06-26"),
        ("06/01/2025", "2025-06-01"),
        ("6/29/25", "2025-06-29"),
        ("2025-06-24T18:48:33+00:00", "2025-06-24"),
        ("2025-06-30", "2025-06-30"),
    ]:
        parsed, bad = parse_dates(pd.Series([text]))
        assert parsed.iloc[0] == pd.Timestamp(expected) and not bad.iloc[0], text
    parsed, _ = parse_dates(pd.Series(["01/02/2026"]), day_first=True)
    assert parsed.iloc[0] == pd.Timestamp("2026-02-01")


@given(st.lists(st.decimals(min_value=0, max_value=1, places=3), min_size=1, max_size=8))
def test_text_fractions_stay_fractions(xs):
    texts = [f"{x:.3f}" for x in xs]
    parsed, bad = parse_numbers(pd.Series([*texts, "0.5"]), percent=True)
    assert not bad.any()
    assert parsed.tolist() == pytest.approx([*map(float, xs), 0.5])


def test_whole_percent_text_without_sign_is_percent():
    parsed, _ = parse_numbers(pd.Series(["99", "100", "0"]), percent=True)
    assert parsed.tolist() == pytest.approx([0.99, 1.0, 0.0])
    parsed, _ = parse_numbers(pd.Series(["99%", "0.5"]), percent=True)
    assert parsed.tolist() == pytest.approx([0.99, 0.005])


def test_offset_timestamps_keep_their_utc_day():
    parsed, bad = parse_dates(pd.Series(["2025-06-24T23:30:00-08:00", "2025-06-24T01:00:00Z"]))
    assert list(parsed) == [pd.Timestamp("2025-06-25"), pd.Timestamp("2025-06-24")]
    assert not bad.any()


def test_a_date_order_the_column_cannot_settle_is_never_guessed():
    from fupan.sync.ingest.parsing import AmbiguousDateOrder

    days = pd.Series(["01/06/2025", "02/06/2025", "06/06/2025"])
    with pytest.raises(AmbiguousDateOrder) as info:
        parse_dates(days, day_first=None)
    assert (info.value.position, info.value.value) == (0, "01/06/2025")
    uk, _ = parse_dates(days, day_first=True)
    us, _ = parse_dates(days, day_first=False)
    assert uk.iloc[0] == pd.Timestamp("2025-06-01") and us.iloc[0] == pd.Timestamp("2025-01-06")
    # One cell settles the whole column, whatever the marketplace says.
    settled, bad = parse_dates(pd.Series(["01/06/2025", "13/06/2025"]), day_first=None)
    assert list(settled) == [pd.Timestamp("2025-06-01"), pd.Timestamp("2025-06-13")]
    assert not bad.any()
    # Same day either way (01/01) is no ambiguity; two-digit years too.
    same, _ = parse_dates(pd.Series(["01/01/2026", "02/02/2026"]), day_first=None)
    assert same.iloc[1] == pd.Timestamp("2026-02-02")
    short, _ = parse_dates(pd.Series(["3/4/25"]), day_first=True)
    assert short.iloc[0] == pd.Timestamp("2025-04-03")
    with pytest.raises(AmbiguousDateOrder):
        parse_dates(pd.Series(["3/4/25"]), day_first=None)


def test_currencies_money_cells_show():
    from fupan.sync.ingest.parsing import currencies_in

    assert currencies_in(pd.Series(["$5.00", "$1,000.00"])) == {"$"}
    assert currencies_in(pd.Series(["US$5.00"])) == {"USD"}
    assert currencies_in(pd.Series(["5.255,61 €", "1,00 €"])) == {"EUR"}
    assert currencies_in(pd.Series(["Rs.1,23,456.50", "₹10.00", "INR 5"])) == {"INR"}
    assert currencies_in(pd.Series(["JP¥5,000", "￥300"])) == {"JPY"}
    assert currencies_in(pd.Series([5.0, 12.5, None], dtype=object)) == set()
    assert currencies_in(pd.Series(["USD", "EUR"])) == {"USD", "EUR"}


@pytest.mark.parametrize(
    ("text", "amount"),
    [("Rs.1,275.50", 1275.5), ("Rs. 1,23,456.50", 123456.5), ("₹2,34,567", 234567.0)],
)
def test_rupees(text, amount):
    parsed, bad = parse_numbers(pd.Series([text]))
    assert parsed.iloc[0] == pytest.approx(amount) and not bad.iloc[0]


def test_currency_tags_in_headers_fold_away():
    assert normalise("14 Day Total Sales (₹) ") == "14 day total sales"
    assert normalise("7天总销售额（￥）") == "7天总销售额"
    assert normalise("Spend (Rs.)") == "spend"
    assert normalise("7 Day Total Orders (#)") == "7 day total orders (#)"
    assert normalise("Click-Thru Rate (CTR)") == "click-thru rate (ctr)"


_PLAIN_TEXT = st.one_of(
    st.integers(-(10**20), 10**20).map(str),
    st.decimals(-(10**9), 10**9, allow_nan=False, allow_infinity=False, places=4).map(str),
    st.sampled_from(["", "--", "N/A", " 12 ", "007", "-0.50"]),
)


@settings(deadline=None)  # pandas under a loaded machine: no time limit
@given(st.lists(_PLAIN_TEXT, min_size=1, max_size=30), st.booleans())
def test_plain_decimals_read_as_the_full_cleaning_reads_them(texts, percent):
    """The shortcut for columns of plain decimals gives what cleaning each text gives."""
    from fupan.sync.ingest import parsing

    values = pd.Series(texts, dtype=object)
    text = parsing._as_text(values)
    blank = text.str.lower().isin(parsing._BLANKS)
    full = parsing._cleaned(text, blank, False)
    if percent and not parsing._fraction_column(text, full, blank):
        full = full / 100.0
    parsed, bad = parse_numbers(values, percent=percent)
    pd.testing.assert_series_equal(parsed, full)
    assert not bad.any()
