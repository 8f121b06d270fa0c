"""The words that help a reader find their way: goal chips and the "+N" chip of the others."""

from __future__ import annotations

from ...core.model import Goal
from ...core.vocabulary import SHORT_NAME_LIMIT
from . import list_text, number
from .language import n_

CHIP_LIMIT = 2  # goal chips an entry shows in a list of entries; the others are one "+N" chip
ELLIPSIS = "…"


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
    return n_(
        "%(count)s more goal: %(names)s",
        "%(count)s more goals: %(names)s",
        len(titles),
        names=list_text(titles),
    )


def more_chip(count: int) -> str:
    """+2."""
    return f"+{number(count)}"
