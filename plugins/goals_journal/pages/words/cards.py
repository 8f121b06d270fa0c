"""The words of the social cards: hero numbers and their units, encouraging lines, pills, picture
descriptions and each card in words (its alt text).

A card is posted by the journal's author: its words say how far they have come and never "behind"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ...core.progress import MetricProgress
from ...core.roundups import Roundup
from . import HELPED_TITLE, PERIOD_WORDS, number, percent, plural, roundup_label, short_date

PILL_WORDS = {"on-track": "On track", "paused": "Paused", "dropped": "Dropped"}  # behind, active: none
STRIP_LEGENDS = {
    "day": "Each square a day, filled when met",
    "week": "Each square a week, filled when met",
    "month": "Each square a month, filled when met",
}
HEAT_LEGEND = "Each square a day: the bolder, the more was done"
SEPARATOR = " · "  # between a list card's unit and its line: "people helped in 2026 · 33 journal entries"


def has_decimals(metric: MetricProgress) -> bool:
    """Whether a metric counts in fractions (2.5 hours): else cards show whole numbers."""
    amounts = [*metric.daily.values(), metric.target or 0.0]
    return any(not float(amount).is_integer() for amount in amounts)


def card_number(value: float, decimals: bool) -> str:
    """A number on a card: whole (1,234) unless the metric counts in fractions (2.5)."""
    return number(value) if decimals else number(round(value))


def unit(label: str) -> str:
    """A metric's label after its number: "People helped" -> "people helped" (acronyms and I kept)."""
    first = label.split(" ", 1)[0]
    if first == "I" or sum(c.isupper() for c in first) > 1:
        return label
    return label[:1].lower() + label[1:]


def hero_number(metric: MetricProgress) -> str:
    """The big number of a goal card: the total so far, or the share of a ratio ("–" before any)."""
    if metric.metric.shape == "ratio":
        return f"{percent(metric.value, clamp=False)}%" if metric.whole else "–"
    return card_number(metric.value, has_decimals(metric))


def periods_met(metric: MetricProgress) -> str:
    """6 of 9 weeks met."""
    one, many = PERIOD_WORDS[metric.metric.per or "day"]
    return f"{metric.met} of {metric.elapsed} {plural(metric.elapsed, one, many)} met"


def cheer(metric: MetricProgress) -> str:
    """The encouraging line under a goal card's number: "19 ahead of pace", "3-week streak"."""
    if metric.metric.shape == "rate":
        return _rate_cheer(metric)
    if metric.metric.shape == "ratio":
        target = f"{percent(metric.target, clamp=False)}%" if metric.target is not None else ""
        if metric.on_track:
            return f"At or above the {target} target"
        return f"Aiming for {target}" if target else "Counting every share"
    return _total_cheer(metric)


def _rate_cheer(metric: MetricProgress) -> str:
    """3-week streak, or On the way: 6 of 9 weeks met."""
    one, _ = PERIOD_WORDS[metric.metric.per or "day"]
    if metric.current_streak >= 2:
        return f"{metric.current_streak}-{one} streak"
    if not metric.elapsed:
        return f"First {one} under way"
    if metric.met == metric.elapsed:
        return periods_met(metric)
    return f"On the way: {periods_met(metric)}"


def _total_cheer(metric: MetricProgress) -> str:
    """19 ahead of pace, Right on pace, Reached on 2 Oct 2027, or On the way: 54 of 150."""
    decimals, pace = has_decimals(metric), metric.pace
    if metric.reached_on is not None:
        return f"Reached on {short_date(metric.reached_on)}"
    if pace is not None and pace.difference >= 0:
        gap = card_number(pace.difference, decimals)
        return "Right on pace" if gap == "0" else f"{gap} ahead of pace"
    if metric.target is not None:
        return f"On the way: {card_number(metric.value, decimals)} of {card_number(metric.target, decimals)}"
    pace_words = _per_day(metric.per_day)
    return pace_words if pace_words == "Nothing yet" else f"{pace_words} so far"


def _per_day(per_day: float) -> str:
    """3 a day, 2 a week, 1 a month, or Nothing yet."""
    if per_day * 30 < 0.5:
        return "Nothing yet"
    if per_day >= 0.95:
        return f"{round(per_day)} a day"
    return f"{round(per_day * 7)} a week" if per_day * 7 >= 1 else f"{round(per_day * 30)} a month"


def row_value(metric: MetricProgress) -> str:
    """A goal's main number in a card's list: "54 of 150", "6 of 9 weeks met", "82% (target 75%)"."""
    shape, decimals = metric.metric.shape, has_decimals(metric)
    if shape == "rate":
        return periods_met(metric)
    if shape == "ratio":
        share = hero_number(metric)
        return f"{share} (target {percent(metric.target, clamp=False)}%)" if metric.target else share
    value = card_number(metric.value, decimals)
    return f"{value} of {card_number(metric.target, decimals)}" if metric.target is not None else value


def target_label(target: str) -> str:
    """target 150, at the end of a road or under a gauge's mark."""
    return f"target {target}"


def goal_pill(state: str, achieved: dt.date | None, started: dt.date) -> str:
    """The word in a goal card's pill: On track, Achieved 2 Oct 2027, Starts 1 Mar 2027 (none when behind)."""
    if state == "achieved":
        return f"Achieved {short_date(achieved)}" if achieved else "Achieved"
    if state == "upcoming":
        return f"Starts {short_date(started)}"
    return PILL_WORDS.get(state, "")


def helped_unit(count: int, year: int | None = None) -> str:
    """people helped (in 2026)."""
    words = plural(count, "person helped", "people helped")
    return f"{words} in {year}" if year else words


def entries_unit(count: int, year: int | None = None) -> str:
    """journal entries (in 2026)."""
    words = plural(count, "journal entry", "journal entries")
    return f"{words} in {year}" if year else words


def entries_line(count: int) -> str:
    """33 journal entries."""
    return f"{number(count)} {entries_unit(count)}"


def goals_line(active: int) -> str:
    """4 goals in progress ("" for none)."""
    return f"{active} {plural(active, 'goal', 'goals')} in progress" if active else ""


def site_cheer(entries: int, active: int) -> str:
    """33 journal entries, 4 goals in progress."""
    return ", ".join(part for part in (entries_line(entries), goals_line(active)) if part)


def roundup_card_title(roundup: Roundup) -> str:
    """How I helped (a week: the card's badge has its dates), How I helped · November 2026."""
    return HELPED_TITLE if roundup.per == "week" else f"{HELPED_TITLE} · {roundup_label(roundup)}"


def road_alt(metric: MetricProgress, decimals: bool) -> str:
    """What a goal card's road shows."""
    text = f"A road: {card_number(metric.value, decimals)} so far"
    if metric.target is not None and metric.due is not None:
        return f"{text} against the pace line to {card_number(metric.target, decimals)} by {short_date(metric.due)}"
    if metric.target is not None:
        return f"{text} of {card_number(metric.target, decimals)}"
    return text


def strip_alt(per: str, states: Sequence[str]) -> str:
    """What a goal card's strip of periods shows."""
    one, many = PERIOD_WORDS[per]
    met = sum(1 for s in states if s == "met")
    return f"The last {len(states)} {plural(len(states), one, many)}: {met} met"


def gauge_alt(metric: MetricProgress) -> str:
    """What a goal card's gauge shows."""
    share = hero_number(metric)
    target = f" against the target of {percent(metric.target, clamp=False)}%" if metric.target else ""
    return f"A gauge: {share}{target}"


def heat_alt(first: dt.date, active: int) -> str:
    """What the site card's activity squares show: Activity since 12 Oct 2026: 5 days with entries."""
    return f"Activity since {short_date(first)}: {active} {plural(active, 'day', 'days')} with entries"


def card_description(
    title: str, badge: str, said: Sequence[str], rows: Sequence[tuple[str, str]], picture: str
) -> str:
    """A social card in words: "Card: Help others (On track). 54 people helped. 19 ahead of pace. …"."""
    text = f"Card: {title}" + (f" ({badge})" if badge else "") + "."
    text += "".join(f" {line.rstrip('.')}." for line in said if line)
    text += "".join(f" {label}: {value}." for label, value in rows)
    return text + (f" {picture}." if picture else "")
