"""Pictures of days and periods: the activity calendar of a goal and the strip of a rate metric."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from ..core.days import next_period
from ..core.progress import GoalProgress, MetricProgress, Period
from . import words
from .charts import EntryLink, svg
from .words import pictures as say

STRIP_LIMIT = 112  # periods a strip shows at most; older ones are left out, and the caption says so
STRIP_ROW = {"day": 28, "week": 26, "month": 12}  # periods a row: four weeks of days, half a year of weeks
CELL, GAP = 10, 2  # a strip cell and the space between cells
STRIP_MIN_WIDTH = 180  # room for the first and last period's names under a short strip
FUTURE_WEEKS = 2  # weeks after today that the calendar shows, faint, while the goal runs


def activity(goal: GoalProgress) -> dict[dt.date, tuple[int, int]]:
    """Entries and helped items per day among the goal's counted entries (rest entries excluded)."""
    days: dict[dt.date, tuple[int, int]] = {}
    for entry in goal.entries:
        if entry.rest:
            continue
        entries, helped = days.get(entry.day, (0, 0))
        days[entry.day] = (entries + 1, helped + len(entry.helped))
    return days


def heat_level(entries: int, helped: int) -> int:
    """0..4: how much happened on a day (an entry counts 1, each helped item 1 more)."""
    amount = entries + helped
    return 0 if amount == 0 else 1 if amount == 1 else 2 if amount <= 3 else 3 if amount <= 5 else 4


def calendar_window(
    started: dt.date, due: dt.date | None, end: dt.date, week_start: int, running: bool = True
) -> tuple[dt.date, dt.date]:
    """First and last day of the calendar: from the goal's first week to a little after `end` (its
    due date at the latest), at most 53 weeks, so that on a phone the calendar opens at today."""

    def week_of(day: dt.date) -> dt.date:
        return day - dt.timedelta(days=(day.weekday() - week_start) % 7)

    last = end + dt.timedelta(weeks=FUTURE_WEEKS if running else 0)
    if due is not None:
        last = max(end, min(last, due))
    last = week_of(last) + dt.timedelta(days=6)
    first = max(week_of(started), last - dt.timedelta(weeks=53, days=-1))
    return first, last


def heatmap(ident: str, goal: GoalProgress, link: EntryLink, week_start: int = 0) -> str:
    """A GitHub-style calendar of the goal's weeks, with rest days outlined and days to come faint."""
    cell, gap, left, top = 11, 2, 30, 16
    end = goal.as_of
    running = goal.goal.status == "active"
    first, last = calendar_window(goal.goal.started, goal.goal.due, end, week_start, running)
    days = activity(goal)
    rest_days = {e.day for e in goal.entries if e.rest}
    body = [
        f'<text class="gj-axis" x="{left - 4}" y="{top + row * (cell + gap) + 9}" text-anchor="end" fill="#666">'
        f"{words.day_abbreviation((week_start + row) % 7)}</text>"
        for row in range(0, 7, 2)
    ]
    active_days = rest_count = 0
    weeks = (last - first).days // 7 + 1
    for week in range(weeks):
        monday = first + dt.timedelta(weeks=week)
        if monday.day <= 7 or (week == 0 and monday.day <= 14):  # a month's name over its first week
            body.append(
                f'<text class="gj-axis" x="{left + week * (cell + gap)}" y="{top - 5}" fill="#666">'
                f"{words.month_abbreviation(monday)}</text>"
            )
        for row in range(7):
            day = monday + dt.timedelta(days=row)
            cx, cy = left + week * (cell + gap), top + row * (cell + gap)
            if day > end:
                body.append(
                    f'<rect class="gj-future" x="{cx}" y="{cy}" width="{cell}" height="{cell}" rx="2" '
                    f'fill="none" stroke="#e0e0e0"><title>{escape(say.heat_day(day, 0, 0, False, True))}</title></rect>'
                )
                continue
            entries, helped = days.get(day, (0, 0))
            inside = goal.goal.started <= day <= end
            rest = inside and (day.weekday() in goal.goal.rest_days or day in rest_days)
            level = heat_level(entries, helped)
            active_days += bool(level)
            rest_count += bool(rest and not level)
            label = say.heat_day(day, entries, helped, rest)
            rect = _heat_cell(cx, cy, cell, level, inside, rest, label, today=day == end)
            target = link(day) if level else None
            body.append(f'<a href="{escape(target[0])}">{rect}</a>' if target else rect)
    width, height = left + weeks * (cell + gap), top + 7 * (cell + gap) + 4
    desc = say.heatmap_description(max(first, goal.goal.started), end, active_days, rest_count)
    return svg(ident, width, height, say.heatmap_title(goal.goal.title), desc, body, "gj-heatmap")


def _heat_cell(
    x: int, y: int, cell: int, level: int, inside: bool, rest: bool, label: str, today: bool
) -> str:
    """One day of the calendar: its shade, a dashed outline on a rest day, and its words."""
    css = "gj-out" if not inside else f"gj-l{level}" + (" gj-rest" if rest and not level else "")
    return (
        f'<rect class="{css}{" gj-now" if today else ""}" x="{x}" y="{y}" width="{cell}" height="{cell}" rx="2" '
        f'fill="{_HEAT_FILL[level] if inside else "#f5f5f5"}"'
        + (' stroke="#999" stroke-dasharray="2 1"' if rest and not level else "")
        + f"><title>{escape(label)}</title></rect>"
    )


_HEAT_FILL = ("#ebedf0", "#6f9fd8", "#3f6fb5", "#27508a", "#143463")  # without the stylesheet (feeds)


@dataclass(frozen=True)
class StripWindow:
    """The periods a strip shows: all of them, or the latest STRIP_LIMIT (then `complete` is False)."""

    periods: tuple[Period, ...]
    complete: bool

    @property
    def met(self) -> int:
        """Periods met in the window."""
        return sum(1 for p in self.periods if p.state == "met")

    @property
    def judged(self) -> int:
        """Periods that count in the window: met or missed (the headline's "of")."""
        return sum(1 for p in self.periods if p.state in ("met", "missed"))

    def caption(self, per: str, as_of: dt.date) -> str:
        """The words under the strip: its first and last day and what it counts."""
        if not self.periods:
            return ""
        first = self.periods[0].start
        last = min(next_period(self.periods[-1].start, per) - dt.timedelta(days=1), as_of)
        return say.strip_caption(first, last, per, self.met, self.judged, not self.complete)


def strip_window(metric: MetricProgress) -> StripWindow:
    """The periods the strip draws, and whether they are all the headline counts."""
    return StripWindow(metric.periods[-STRIP_LIMIT:], len(metric.periods) <= STRIP_LIMIT)


def period_strip(ident: str, metric: MetricProgress) -> str:
    """One cell per period, in rows that fit a phone, with the first and last day labelled."""
    window = strip_window(metric)
    per = metric.metric.per or "day"
    row_length, top = STRIP_ROW[per], 16
    body = []
    for index, period in enumerate(window.periods):
        x, y = (index % row_length) * (CELL + GAP), top + (index // row_length) * (CELL + GAP)
        fill = {"met": "#3f6fb5", "missed": "#e0e0e0", "rest": "none", "running": "none"}[period.state]
        extra = ' stroke="#999" stroke-dasharray="2 1"' if period.state in ("rest", "running") else ""
        label = say.strip_cell(period.start, per, period.value, metric.target or 0, period.state)
        body.append(
            f'<rect class="gj-{period.state}" x="{x}" y="{y}" width="{CELL}" height="{CELL}" '
            f'rx="2" fill="{fill}"{extra}><title>{escape(label)}</title></rect>'
        )
    rows = max(1, -(-len(window.periods) // row_length))
    width = max(min(len(window.periods), row_length) * (CELL + GAP) - GAP, STRIP_MIN_WIDTH)
    height = top + rows * (CELL + GAP) + 14
    if window.periods:
        first, last = window.periods[0].start, window.periods[-1].start
        last_x = max(((len(window.periods) - 1) % row_length + 1) * (CELL + GAP) - GAP, STRIP_MIN_WIDTH // 2)
        body.append(
            f'<text class="gj-axis" x="0" y="{top - 5}" fill="#666">{escape(say.strip_end(first, per))}</text>'
            f'<text class="gj-axis" x="{last_x}" y="{height - 2}" text-anchor="end" fill="#666">'
            f"{escape(say.strip_end(last, per))}</text>"
        )
    desc = say.strip_description(
        metric, window.met, window.judged, None if window.complete else len(window.periods)
    )
    return svg(ident, width, height, say.strip_title(metric.metric.label, per), desc, body, "gj-strip")
