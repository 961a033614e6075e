"""Near-duplicates and gaps (plain Python)."""

from __future__ import annotations

import datetime as dt

from dhr.chronology.analysis import Item, gaps, near_duplicates

D = dt.date(2023, 3, 14)


def item(key: str, agency: str, day: dt.date = D, **kw: str) -> Item:
    return Item(
        key=key,
        agency=agency,
        occurred_on=day,
        precision=kw.get("precision", "day"),
        contact_type=kw.get("contact_type", "phone"),
        text=kw.get("text", "Victim phoned about the perpetrator's threats"),
    )


def test_same_day_same_type_across_agencies_is_flagged() -> None:
    found = near_duplicates([item("a", "police"), item("b", "nhs")])
    assert found == {"a": {"b"}, "b": {"a"}}


def test_same_agency_is_never_a_duplicate() -> None:
    assert near_duplicates([item("a", "police"), item("b", "police")]) == {}


def test_similar_text_with_a_different_type_is_flagged() -> None:
    a = item("a", "police", contact_type="home_visit", text="Officers attended after a 999 call")
    b = item("b", "nhs", contact_type="other", text="Officers attended after a 999 call.")
    c = item("c", "gp", contact_type="letter", text="Letter about a repeat prescription")
    assert near_duplicates([a, b, c]) == {"a": {"b"}, "b": {"a"}}


def test_a_month_window_overlaps_a_day_in_that_month() -> None:
    month = item("m", "nhs", dt.date(2023, 3, 1), precision="month")
    assert near_duplicates([item("a", "police"), month]) == {"a": {"m"}, "m": {"a"}}
    april = item("x", "nhs", dt.date(2023, 4, 1), precision="month")
    assert near_duplicates([item("a", "police"), april]) == {}


def test_different_days_are_not_duplicates() -> None:
    assert near_duplicates([item("a", "police"), item("b", "nhs", D + dt.timedelta(1))]) == {}


def test_gaps_longer_than_the_setting_are_flagged() -> None:
    items = [
        item("a", "p", dt.date(2023, 1, 1)),
        item("b", "p", dt.date(2023, 3, 1)),
        item("c", "p", dt.date(2023, 9, 1)),
    ]
    found = gaps(items, gap_days=90)
    assert [(g.after, g.days) for g in found] == [("b", 184)]
    assert gaps(items, gap_days=200) == []
