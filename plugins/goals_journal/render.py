"""Render the HTML the plugin puts around (or in place of) each page's Markdown."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import jinja2

from .model import Entry, Goal
from .progress import MetricProgress
from .site import PageSpec, Site
from .urls import page_url, relative_url

STATUS_WORDS = {
    "active": "Active",
    "paused": "Paused",
    "achieved": "Achieved",
    "dropped": "Dropped",
}
PERIOD_WORDS = {"day": ("day", "days"), "week": ("week", "weeks"), "month": ("month", "months")}


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment for the plugin's own templates (autoescaped)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("goals_journal", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(num=number, long_date=long_date, short_date=short_date, host=host)
    env.globals.update(metric_text=metric_text, status_word=STATUS_WORDS.get, percent=percent)
    return env


def number(value: float) -> str:
    """A number as people write it: 1,234 or 2.5."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def host(url: str) -> str:
    """The host name of a URL, without a leading www."""
    return (urlsplit(url).hostname or url).removeprefix("www.")


def percent(fraction: float | None) -> int:
    """A fraction as a whole percent for bars, clamped to 0..100."""
    if fraction is None:
        return 0
    return max(0, min(100, round(fraction * 100)))


def long_date(day: dt.date) -> str:
    """Saturday 3 October 2026."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    """3 Oct 2026."""
    return f"{day.day} {day:%b %Y}"


def metric_text(progress: MetricProgress) -> dict[str, str]:
    """The value, target and one-line detail shown for a metric."""
    metric = progress.metric
    if metric.shape == "ratio":
        value = f"{progress.value:.0%}" if progress.whole else "–"
        target = f"{metric.target:.0%}" if metric.target is not None else ""
        detail = f"{number(progress.part)} of {number(progress.whole)}"
        return {"value": value, "target": target, "detail": detail}
    if metric.shape == "rate":
        one, many = PERIOD_WORDS[metric.per or "day"]
        target = f"{number(metric.target or 0)} per {one}"
        detail = f"{progress.met} of {progress.elapsed} {one if progress.elapsed == 1 else many} met"
        if progress.current is not None:
            now = "today" if one == "day" else f"this {one}"
            detail += f" · {now} {number(progress.current.value)} of {number(metric.target or 0)}"
        return {"value": f"{progress.met}/{progress.elapsed}", "target": target, "detail": detail}
    target = number(metric.target) if metric.target is not None else ""
    detail = f"{percent(progress.fraction)}% of {target}" if target else f"{number(progress.value)} so far"
    return {"value": number(progress.value), "target": target, "detail": detail}


def render_page(spec: PageSpec, site: Site, has_heading: bool = False) -> tuple[str, str]:
    """The HTML to put before and after the page's own content (which may start with its own h1)."""
    here = page_url(spec.uri, site.settings.directory_urls)

    def url(uri: str) -> str:
        return relative_url(here, page_url(uri, site.settings.directory_urls))

    context: dict[str, Any] = {
        "site": site,
        "page": spec,
        "url": url,
        "goals": site.journal.goals,
        "has_heading": has_heading,
    }
    context.update(_CONTEXT[spec.kind](spec, site))
    template = environment().get_template(f"{spec.kind}.html")
    module = template.make_module(context)
    return str(getattr(module, "before", "")), str(module)


def _home(spec: PageSpec, site: Site) -> dict[str, Any]:
    """Goal cards grouped by status, and the latest entries."""
    cards = [site.progress[g.id] for g in site.journal.goals.values()]
    latest = list(reversed(site.published))[: site.settings.latest_entries]
    return {
        "active": [c for c in cards if c.goal.status == "active"],
        "others": [c for c in cards if c.goal.status != "active"],
        "latest": latest,
        "summaries": {e.uri: site.pages[e.uri].description for e in latest},
    }


def _goals(spec: PageSpec, site: Site) -> dict[str, Any]:
    """Every goal card, grouped by status."""
    groups = [
        (
            STATUS_WORDS[status],
            [site.progress[g.id] for g in site.journal.goals.values() if g.status == status],
        )
        for status in STATUS_WORDS
    ]
    return {"groups": [(word, cards) for word, cards in groups if cards]}


def _goal(spec: PageSpec, site: Site) -> dict[str, Any]:
    """A goal's numbers and entries."""
    assert spec.goal is not None
    return {
        "goal": spec.goal,
        "progress": site.progress[spec.goal.id],
        "entries": site.entries_of(spec.goal.id),
    }


def _journal(spec: PageSpec, site: Site) -> dict[str, Any]:
    """All published entries grouped by year and month."""
    return {"years": _by_year_and_month(list(reversed(site.published)))}


def _year(spec: PageSpec, site: Site) -> dict[str, Any]:
    """One year's entries grouped by month."""
    entries = [e for e in reversed(site.published) if e.day.year == spec.year]
    return {"years": _by_year_and_month(entries)}


def _entry(spec: PageSpec, site: Site) -> dict[str, Any]:
    """An entry's goals, numbers, help given and neighbours."""
    assert spec.entry is not None
    entry = spec.entry
    previous, following = site.neighbours(entry)
    return {
        "entry": entry,
        "linked": [site.journal.goals[g] for g in entry.goals if g in site.journal.goals],
        "numbers": _entry_numbers(entry, site.journal.goals),
        "public_help": [h for h in entry.helped if not h.private],
        "private_help": sum(1 for h in entry.helped if h.private),
        "previous": previous,
        "following": following,
        "is_draft": spec.draft,
    }


def _entry_numbers(entry: Entry, goals: dict[str, Goal]) -> list[tuple[str, float]]:
    """(label, value) for each metric the entry reports, labelled by its goal's metric when one matches."""
    labels = {m.id: m.label for g in entry.goals if g in goals for m in goals[g].metrics}
    return [(labels.get(k, k.replace("_", " ").capitalize()), v) for k, v in entry.metrics.items()]


def _by_year_and_month(entries: list[Entry]) -> list[tuple[int, list[tuple[dt.date, list[Entry]]]]]:
    """Entries (newest first) as [(year, [(first of month, entries)])]."""
    years = []
    for year, in_year in itertools.groupby(entries, key=lambda e: e.day.year):
        months = [
            (dt.date(year, month, 1), list(group))
            for month, group in itertools.groupby(in_year, key=lambda e: e.day.month)
        ]
        years.append((year, months))
    return years


_CONTEXT: dict[str, Callable[[PageSpec, Site], dict[str, Any]]] = {
    "home": _home,
    "goals": _goals,
    "goal": _goal,
    "journal": _journal,
    "year": _year,
    "entry": _entry,
}
