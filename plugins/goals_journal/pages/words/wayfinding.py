"""The words that help a reader find their way: goal chips and the page for an address that is not there."""

from __future__ import annotations

from ...core.model import Goal
from ...core.vocabulary import SHORT_NAME_LIMIT
from . import how_many

CHIP_LIMIT = 2  # goal chips an entry shows in a list of entries; the others are one "+N" chip
ELLIPSIS = "…"
NOT_FOUND_TITLE = "Page not found"
NOT_FOUND_LEAD = "There is no page at this address: it may have moved, or the link may have a typo."
NOT_FOUND_PLACES = "Places to go from here"
NOT_FOUND_LATEST = "Latest entries"
NOT_FOUND_SEARCH = "Search the journal"
NOT_FOUND_SEARCH_HINT = "or press / on a keyboard"
HOME = "Home"
GOALS = "Goals"
JOURNAL = "Journal"
ALL_ENTRIES = "every entry, by month"
EVERY_GOAL = "every goal and where it stands"
HELP_GIVEN = "every week of help given"


def short_name(goal: Goal) -> str:
    """A goal on a chip: its `short:` name; else its title when that fits, else its first words and "…"."""
    if goal.short:
        return goal.short
    if len(goal.title) <= SHORT_NAME_LIMIT:
        return goal.title
    room = SHORT_NAME_LIMIT - len(ELLIPSIS)
    words, kept = goal.title.split(), ""
    for word in words:
        longer = f"{kept} {word}" if kept else word
        if len(longer) > room:
            break
        kept = longer
    kept = (kept or goal.title[:room]).rstrip(" ,.;:–-")  # a first word too long is cut inside
    return kept + ELLIPSIS


def more_goals(titles: list[str]) -> str:
    """2 more goals: Help others on social media and Find strategic partners (the "+2" chip's label)."""
    names = titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " and " + titles[-1]
    return f"{how_many(len(titles), 'more goal', 'more goals')}: {names}"


def more_chip(count: int) -> str:
    """+2."""
    return f"+{count}"
