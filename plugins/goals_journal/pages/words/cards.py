"""The words of the social cards: hero numbers and their units, encouraging lines, pills, picture
descriptions and each card in words (its alt text).

A card is posted by the journal's author: its words say how far they have come and never "behind"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ...core.progress import MetricProgress
from ...core.roundups import Roundup
from . import number, roundup_label, share, short_date
from .language import _, current, n_, p_
from .metrics import periods_met, whole

SEPARATOR = " · "  # between a list card's unit and its line: "people helped in 2026 · 33 journal entries"
NOUN_CAPITALS = ("de", "lb")  # languages that write every noun with a capital: a label keeps its own


def pill_word(state: str) -> str:
    """On track, Paused, Dropped ("" for the states a pill does not name: behind, active)."""
    if state == "on-track":
        return _("On track")
    if state == "paused":
        return _("Paused")
    return _("Dropped") if state == "dropped" else ""


def strip_legend(per: str) -> str:
    """What the squares of a card's strip are."""
    if per == "day":
        return _("Each square a day, filled when met")
    if per == "week":
        return _("Each square a week, filled when met")
    return _("Each square a month, filled when met")


def heat_legend() -> str:
    """What the squares of the site card's activity are."""
    return _("Each square a day: the bolder, the more was done")


def has_decimals(metric: MetricProgress) -> bool:
    """Whether a metric counts in fractions (2.5 hours): else cards show whole numbers."""
    return not whole(metric)


def card_number(value: float, decimals: bool) -> str:
    """A number on a card: whole (1,234) unless the metric counts in fractions (2.5)."""
    return number(value) if decimals else number(round(value))


def unit(label: str) -> str:
    """A metric's label after its number: "People helped" -> "people helped" (acronyms, I and the
    nouns of languages that capitalise them kept)."""
    first = label.split(" ", 1)[0]
    if first == "I" or sum(c.isupper() for c in first) > 1 or current().locale.language in NOUN_CAPITALS:
        return label
    return label[:1].lower() + label[1:]


def hero_number(metric: MetricProgress) -> str:
    """The big number of a goal card: the total so far, or the share of a ratio ("–" before any)."""
    if metric.metric.shape == "ratio":
        return share(metric.value) if metric.whole else "–"
    return card_number(metric.value, has_decimals(metric))


def cheer(metric: MetricProgress) -> str:
    """The encouraging line under a goal card's number: "19 ahead of pace", "3-week streak"."""
    if metric.metric.shape == "rate":
        return _rate_cheer(metric)
    if metric.metric.shape == "ratio":
        if metric.target is None:
            return _("Counting every share")
        target = share(metric.target)
        if metric.on_track:
            return _("At or above the %(target)s target", target=target)
        return _("Aiming for %(target)s", target=target)
    return _total_cheer(metric)


def streak_cheer(streak: int, per: str) -> str:
    """3-day streak, 3-week streak, 3-month streak."""
    if per == "day":
        return n_("%(count)s-day streak", "%(count)s-day streak", streak)
    if per == "week":
        return n_("%(count)s-week streak", "%(count)s-week streak", streak)
    return n_("%(count)s-month streak", "%(count)s-month streak", streak)


def _rate_cheer(metric: MetricProgress) -> str:
    """3-week streak, or On the way: 6 of 9 weeks met."""
    per = metric.metric.per or "day"
    if metric.current_streak >= 2:
        return streak_cheer(metric.current_streak, per)
    if not metric.elapsed:
        if per == "day":
            return _("First day under way")
        return _("First week under way") if per == "week" else _("First month under way")
    met = periods_met(metric.met, metric.elapsed, per)
    return met if metric.met == metric.elapsed else _("On the way: %(met)s", met=met)


def _total_cheer(metric: MetricProgress) -> str:
    """19 ahead of pace, Right on pace, Reached on 2 Oct 2027, or On the way: 54 of 150."""
    decimals, pace = has_decimals(metric), metric.pace
    if metric.reached_on is not None:
        return _("Reached on %(date)s", date=short_date(metric.reached_on))
    if pace is not None and pace.difference >= 0:
        gap = card_number(pace.difference, decimals)
        return _("Right on pace") if gap == number(0) else _("%(gap)s ahead of pace", gap=gap)
    if metric.target is not None:
        value, target = card_number(metric.value, decimals), card_number(metric.target, decimals)
        return _("On the way: %(value)s of %(target)s", value=value, target=target)
    return _per_day(metric.per_day)


def _per_day(per_day: float) -> str:
    """3 a day so far, 2 a week so far, 1 a month so far, or Nothing yet."""
    if per_day * 30 < 0.5:
        return _("Nothing yet")
    if per_day >= 0.95:
        return _("%(amount)s a day so far", amount=number(round(per_day)))
    if per_day * 7 >= 1:
        return _("%(amount)s a week so far", amount=number(round(per_day * 7)))
    return _("%(amount)s a month so far", amount=number(round(per_day * 30)))


def row_value(metric: MetricProgress) -> str:
    """A goal's main number in a card's list: "54 of 150", "6 of 9 weeks met", "82% (target 75%)"."""
    shape, decimals = metric.metric.shape, has_decimals(metric)
    if shape == "rate":
        return periods_met(metric.met, metric.elapsed, metric.metric.per or "day")
    if shape == "ratio":
        value = hero_number(metric)
        return (
            _("%(share)s (target %(target)s)", share=value, target=share(metric.target))
            if metric.target
            else value
        )
    value = card_number(metric.value, decimals)
    if metric.target is None:
        return value
    return _("%(value)s of %(target)s", value=value, target=card_number(metric.target, decimals))


def target_label(target: str) -> str:
    """target 150, at the end of a road or under a gauge's mark."""
    return _("target %(value)s", value=target)


def goal_pill(state: str, achieved: dt.date | None, started: dt.date) -> str:
    """The word in a goal card's pill: On track, Achieved 2 Oct 2027, Starts 1 Mar 2027 (none when behind)."""
    if state == "achieved":
        return _("Achieved %(date)s", date=short_date(achieved)) if achieved else _("Achieved")
    if state == "upcoming":
        return _("Starts %(date)s", date=short_date(started))
    return pill_word(state)


def helped_unit(count: int, year: int | None = None) -> str:
    """people helped (in 2026)."""
    if year:
        return n_("person helped in %(year)s", "people helped in %(year)s", count, year=year)
    return n_("person helped", "people helped", count)


def entries_unit(count: int, year: int | None = None) -> str:
    """journal entries (in 2026)."""
    if year:
        return n_("journal entry in %(year)s", "journal entries in %(year)s", count, year=year)
    return n_("journal entry", "journal entries", count)


def entries_line(count: int) -> str:
    """33 journal entries."""
    return n_("%(count)s journal entry", "%(count)s journal entries", count)


def goals_line(active: int) -> str:
    """4 goals in progress ("" for none)."""
    return n_("%(count)s goal in progress", "%(count)s goals in progress", active) if active else ""


def site_cheer(entries: int, active: int) -> str:
    """33 journal entries, 4 goals in progress."""
    parts = (entries_line(entries), goals_line(active))
    return p_("list separator", ", ").join(part for part in parts if part)


def roundup_card_title(roundup: Roundup) -> str:
    """How I helped · 16–22 Nov 2026 (the pill names the week: Week 47 of 2026)."""
    return _("How I helped · %(period)s", period=roundup_label(roundup))


def road_alt(metric: MetricProgress, decimals: bool) -> str:
    """What a goal card's road shows."""
    value = card_number(metric.value, decimals)
    if metric.target is None:
        return _("A road: %(value)s so far", value=value)
    target = card_number(metric.target, decimals)
    if metric.due is not None:
        return _(
            "A road: %(value)s so far against the pace line to %(target)s by %(date)s",
            value=value,
            target=target,
            date=short_date(metric.due),
        )
    return _("A road: %(value)s so far of %(target)s", value=value, target=target)


def strip_alt(per: str, states: Sequence[str]) -> str:
    """What a goal card's strip of periods shows."""
    met, drawn = sum(1 for s in states if s == "met"), len(states)
    if per == "day":
        return n_(
            "The last %(count)s day: %(met)s met", "The last %(count)s days: %(met)s met", drawn, met=met
        )
    if per == "week":
        return n_(
            "The last %(count)s week: %(met)s met", "The last %(count)s weeks: %(met)s met", drawn, met=met
        )
    return n_(
        "The last %(count)s month: %(met)s met", "The last %(count)s months: %(met)s met", drawn, met=met
    )


def gauge_alt(metric: MetricProgress) -> str:
    """What a goal card's gauge shows."""
    value = hero_number(metric)
    if metric.target:
        return _(
            "A gauge: %(share)s against the target of %(target)s", share=value, target=share(metric.target)
        )
    return _("A gauge: %(share)s", share=value)


def heat_alt(first: dt.date, active: int) -> str:
    """What the site card's activity squares show: Activity since 12 Oct 2026: 5 days with entries."""
    return n_(
        "Activity since %(date)s: %(count)s day with entries",
        "Activity since %(date)s: %(count)s days with entries",
        active,
        date=short_date(first),
    )


def card_description(
    title: str, badge: str, said: Sequence[str], rows: Sequence[tuple[str, str]], picture: str
) -> str:
    """A social card in words: "Card: Help others (On track). 54 people helped. 19 ahead of pace. …"."""
    text = (
        _("Card: %(title)s (%(badge)s).", title=title, badge=badge)
        if badge
        else _("Card: %(title)s.", title=title)
    )
    text += "".join(f" {line.rstrip('.')}." for line in said if line)
    text += "".join(" " + _("%(label)s: %(value)s.", label=label, value=value) for label, value in rows)
    return text + (f" {picture}." if picture else "")
