"""Dates and numbers in the current language's conventions, through Babel's locale data.

English keeps the journal's own forms, day first ("Sat 3 Oct 2026", "16–22 Nov 2026"); every
other language writes them as its CLDR data says ("Sa., 3. Okt. 2026", "16.–22. Nov. 2026").
Machine-read dates (ISO in attributes and open data, RFC 822/3339 in feeds) never come here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_date, format_interval, format_skeleton, get_day_names, get_month_names
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

from .language import ENGLISH, current, language

# The journal's English forms, as CLDR patterns, for the skeletons every other language follows.
ENGLISH_PATTERNS = {"full": "EEEE d MMMM y", "yMMMd": "d MMM y", "yMMMEd": "EEE d MMM y", "MMMd": "d MMM"}
ENGLISH_LISTS = "en_GB"  # "a, b and c": the journal's English has no serial comma


def _english() -> bool:
    """Whether the current language is English (its words and its forms are the journal's own)."""
    return current().locale.language == ENGLISH


def _date(day: dt.date, skeleton: str) -> str:
    """A date in the shape `skeleton` names, the English pattern or the locale's own."""
    return _formatted_date(current().code, day, skeleton)


@lru_cache(maxsize=1 << 16)
def _formatted_date(code: str, day: dt.date, skeleton: str) -> str:
    """A date in a language (Babel is slow enough that a big journal's thousands of dates are kept)."""
    locale = language(code).locale
    if locale.language == ENGLISH and skeleton in ENGLISH_PATTERNS:
        return str(format_date(day, ENGLISH_PATTERNS[skeleton], locale=locale))
    if skeleton == "full":
        return str(format_date(day, "full", locale=locale))
    return str(format_skeleton(skeleton, day, locale=locale))


def long_date(day: dt.date) -> str:
    """Saturday 3 October 2026; Samstag, 3. Oktober 2026."""
    return _date(day, "full")


def short_date(day: dt.date) -> str:
    """3 Oct 2026; 3. Okt. 2026."""
    return _date(day, "yMMMd")


def day_text(day: dt.date) -> str:
    """Tue 3 Nov 2026; Di., 3. Nov. 2026."""
    return _date(day, "yMMMEd")


def day_month(day: dt.date) -> str:
    """3 Oct; 3. Okt."""
    return _date(day, "MMMd")


def month_year(day: dt.date) -> str:
    """October 2026; Oktober 2026."""
    return _date(day, "yMMMM")


def short_month_year(day: dt.date) -> str:
    """Oct 2026; Okt. 2026."""
    return _date(day, "yMMM")


def month_name(day: dt.date) -> str:
    """October: the month on its own (the nominative, where a language has cases)."""
    return str(get_month_names("wide", context="stand-alone", locale=current().locale)[day.month])


def month_abbreviation(day: dt.date) -> str:
    """Oct: a month on an axis or in a table."""
    return str(get_month_names("abbreviated", context="stand-alone", locale=current().locale)[day.month])


def day_name(weekday: int) -> str:
    """Monday for 0, Sunday for 6."""
    return str(get_day_names("wide", context="format", locale=current().locale)[weekday])


def day_abbreviation(weekday: int) -> str:
    """Mon for 0, Sun for 6: a row of the activity calendar."""
    return str(get_day_names("abbreviated", context="format", locale=current().locale)[weekday])


def date_range(start: dt.date, end: dt.date) -> str:
    """16–22 Nov 2026, 26 Oct – 22 Nov 2026, 28 Dec 2026 – 3 Jan 2027 (one date when they are equal)."""
    if start == end:
        return short_date(end)
    if not _english():
        return str(format_interval(start, end, "yMMMd", locale=current().locale))
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{short_date(end)}"
    if start.year == end.year:
        return f"{day_month(start)} – {short_date(end)}"
    return f"{short_date(start)} – {short_date(end)}"


def number(value: float, decimals: int = 2) -> str:
    """A number as people write it in the language: 1,234 or 2.5; 1.234 or 2,5 (two decimals at most)."""
    rounded = round(float(value), decimals)
    shown: int | float = int(rounded) if rounded.is_integer() else rounded
    return _formatted_number(current().code, shown, decimals)


@lru_cache(maxsize=1 << 16)
def _formatted_number(code: str, shown: float, decimals: int) -> str:
    """A rounded number in a language (kept: the same few numbers are written again and again)."""
    pattern = "#,##0." + "#" * decimals if decimals else "#,##0"
    return str(format_decimal(shown, format=pattern, locale=language(code).locale))


def percent_text(whole: int) -> str:
    """A whole percent as the language writes it: 73%; 73 %."""
    return str(format_percent(Decimal(whole) / 100, locale=current().locale))


def list_text(items: list[str]) -> str:
    """a, b and c; a, b und c."""
    locale = ENGLISH_LISTS if _english() else current().locale
    return str(format_list(items, locale=locale))
