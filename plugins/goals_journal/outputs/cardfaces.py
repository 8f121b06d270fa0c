"""What each social card shows: a goal's main number, words and picture; a roundup's kinds of help;
every goal of a year in review; the site's help so far and its activity."""

from __future__ import annotations

import datetime as dt

from ..core.progress import GoalProgress, MetricProgress
from ..core.roundups import Roundup, YearReview
from ..core.settings import CardColors
from ..pages import words
from ..pages.calendars import heat_level
from ..pages.site import Site
from ..pages.words import cards as say
from .cardpictures import Gauge, Heat, Picture, Road, RoadPoint, Strip
from .cards import Bar, Card, Hero

ROAD_POINTS = 120  # at most this many points of a running total are drawn
STRIP_PERIODS = {"day": 15 * 7, "week": 16, "month": 12}  # the latest periods a strip shows
WEEK_COLUMNS_FROM = 29  # days: from this many, a column a week (fewer read better in one row)
HEAT_WEEKS = 15


def goal_card(progress: GoalProgress, site: Site, footer: str, colors: CardColors) -> Card:
    """A goal's card: its main (first) metric as the hero, with an encouraging line and a picture."""
    goal = progress.goal
    pill = say.goal_pill(progress.state, goal.achieved, goal.started)
    name = site.settings.site_name
    if not progress.metrics:
        return Card(name, goal.title, None, goal.why, None, (), pill, footer, "", colors)
    metric = progress.metrics[0]
    hero = Hero(say.hero_number(metric), say.unit(metric.metric.label))
    picture, alt = metric_picture(metric, progress, site.settings.week_start)
    return Card(name, goal.title, hero, say.cheer(metric), picture, (), pill, footer, alt, colors)


def metric_picture(metric: MetricProgress, progress: GoalProgress, week_start: int) -> tuple[Picture, str]:
    """The picture of a metric and its words: a road, a strip of periods or a gauge."""
    if metric.metric.shape == "rate":
        strip = period_strip(metric, week_start)
        return strip, say.strip_alt(metric.metric.per or "day", strip.states)
    if metric.metric.shape == "ratio":
        target = metric.target
        label = say.target_label(words.share(target)) if target is not None else ""
        return Gauge(metric.value if metric.whole else None, target, label), say.gauge_alt(metric)
    return road(metric, progress.goal.started), say.road_alt(metric, say.has_decimals(metric))


def road(metric: MetricProgress, started: dt.date) -> Road:
    """The running total of a total metric along its road: from the start to the due date (or today)."""
    today = max(0, (metric.as_of - started).days + 1)
    due = (metric.due - started).days + 1 if metric.due is not None else None
    length = max(today, due or 0, 1)
    totals, running = [0.0], 0.0
    for index in range(today):
        running += metric.daily.get(started + dt.timedelta(days=index), 0.0)
        totals.append(running)
    step = max(1, -(-len(totals) // ROAD_POINTS))
    kept = sorted({*range(0, len(totals), step), len(totals) - 1})
    points = tuple(RoadPoint(round(i / length, 4), totals[i]) for i in kept)
    pace_end = round(due / length, 4) if due is not None and metric.target is not None else None
    target = metric.target
    decimals = say.has_decimals(metric)
    label = say.target_label(say.card_number(target, decimals)) if target is not None else ""
    last = max(metric.due or metric.as_of, metric.as_of)
    return Road(points, target, pace_end, label, words.short_date(started), words.short_date(last))


def period_strip(metric: MetricProgress, week_start: int) -> Strip:
    """The latest periods of a rate metric in a row; many days in columns of a week."""
    per = metric.metric.per or "day"
    periods = metric.periods[-STRIP_PERIODS[per] :]
    weeks = per == "day" and len(periods) >= WEEK_COLUMNS_FROM
    offset = (periods[0].start.weekday() - week_start) % 7 if weeks else 0
    return Strip(tuple(p.state for p in periods), 7 if weeks else 1, offset, say.strip_legend(per))


def roundup_card(roundup: Roundup, site: Site, footer: str, colors: CardColors) -> Card:
    """A roundup's card: how many were helped, and every kind of help with its count."""
    total = len(roundup.acts)
    rows = tuple(Bar(words.kind_title(kind), str(count), count / total) for kind, count in roundup.counts())
    hero = Hero(words.number(total), say.helped_unit(total))
    title = say.roundup_card_title(roundup)
    pill = words.week_name(roundup) or words.roundup_span(roundup)  # the title already has the dates
    return Card(site.settings.site_name, title, hero, "", None, rows, pill, footer, "", colors)


def review_card(review: YearReview, site: Site, footer: str, colors: CardColors) -> Card:
    """A year's card: the help given in the year and every goal that ran in it."""
    rows = tuple(
        Bar(p.goal.title, say.row_value(p.metrics[0]), p.metrics[0].fraction)
        if p.metrics
        else Bar(p.goal.title, words.status_text(p), None)
        for p in site.review_progress(review)
    )
    helped = len(review.acts)
    if helped:
        hero = Hero(words.number(helped), say.helped_unit(helped, review.year))
        cheer = say.entries_line(review.entries)
    else:
        hero, cheer = Hero(words.number(review.entries), say.entries_unit(review.entries, review.year)), ""
    title = words.review_title(review)
    return Card(site.settings.site_name, title, hero, cheer, None, rows, "", footer, "", colors)


def site_card(site: Site, footer: str, colors: CardColors) -> Card:
    """The site's card: the help given so far (or the entries), and the latest weeks of activity."""
    settings = site.settings
    entries = len(site.public.counted)  # as the numbers count them (the year in review too)
    active = sum(1 for p in site.progress.values() if p.state in ("on-track", "behind", "active"))
    helped = len(site.acts)
    if helped:
        hero, cheer = Hero(words.number(helped), say.helped_unit(helped)), say.site_cheer(entries, active)
    else:
        hero, cheer = Hero(words.number(entries), say.entries_unit(entries)), say.goals_line(active)
    heat, alt = activity(site)
    name = settings.site_name
    return Card(settings.site_description or "", name, hero, cheer, heat, (), "", footer, alt, colors)


def activity(site: Site) -> tuple[Heat, str]:
    """How much happened each day of the latest weeks (an entry 1, each act of help 1 more)."""
    settings = site.settings
    today = settings.today
    first = today - dt.timedelta(days=(today.weekday() - settings.week_start) % 7, weeks=HEAT_WEEKS - 1)
    done: dict[dt.date, tuple[int, int]] = {}
    for entry in site.public.counted:
        if first <= entry.day <= today and not entry.rest:
            entries, helped = done.get(entry.day, (0, 0))
            counted = sum(1 for item in entry.helped if settings.count_private or not item.private)
            done[entry.day] = (entries + 1, helped + counted)
    days = (today - first).days + 1
    levels = tuple(heat_level(*done.get(first + dt.timedelta(days=n), (0, 0))) for n in range(days))
    return Heat(levels, 0, say.heat_legend()), say.heat_alt(first, sum(1 for level in levels if level))
