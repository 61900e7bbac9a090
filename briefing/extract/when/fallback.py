"""The one place dateparser is used: numeric dates ("12/30/2021") the finder found.

Day/month order in such a date depends on the source's convention, which dateparser already
handles well with explicit formats; everything else the finder computes itself, so most
articles never import dateparser at all (it costs ~0.5 s to import).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from briefing.extract.when.reference import Reading, Reference

_MDY = ["%m/%d/%Y", "%m/%d/%y"]
_DMY = ["%d/%m/%Y", "%d/%m/%y"]


@cache
def _parser() -> Any:
    """One English-only parser for the whole process."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first",
                                                       "RETURN_AS_TIMEZONE_AWARE": False})


def _order(ref: Reference, first: int, second: int) -> tuple[list[str], bool]:
    """Month first for American sources; the numbers themselves decide when one exceeds 12."""
    if first > 12:
        return _DMY, False
    if second > 12:
        return _MDY, False
    american = (ref.source_zone or "").startswith("America/")
    return (_MDY if american else _DMY), first != second


def resolve_numeric(span: str, ref: Reference) -> Reading | None:
    from briefing.extract.when.periods import date_reading

    first, second, _ = (int(p) for p in span.split("/"))
    formats, ambiguous = _order(ref, first, second)
    data = _parser().get_date_data(span, date_formats=formats)
    if data is None or data.date_obj is None:
        return None
    reading = date_reading(data.date_obj.date(), 0.6 if ambiguous else 0.85)
    if ambiguous:
        reading.flags.append("day_month_order_assumed")
    return reading
