"""One context builder per page kind: what its template shows, worked out from the site."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from ..core.mentions import MENTION_KINDS, Mention
from ..core.model import Entry, Goal
from ..core.progress import GoalProgress, MetricProgress
from ..core.roundups import Act, Roundup, by_kind, every_period
from ..core.vocabulary import RECENT_DAYS
from . import calendars, charts, microformats, words
from .plan import MASTODON_PAGE, PageSpec
from .sharing import ShareLink, badge_snippets, share_links, share_text
from .site import Site
from .urls import page_url
from .words import helped as helped_words
from .words.language import p_

Url = Callable[[str], str]
Context = dict[str, Any]


@dataclass(frozen=True)
class Picture:
    """A metric's chart on its goal page, with the table of numbers behind it."""

    metric: MetricProgress
    svg: Markup
    columns: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    caption: str = ""  # what the picture draws, when words help: a strip's window and its count


def home(spec: PageSpec, site: Site, url: Url) -> Context:
    """Goal cards grouped by status, and the latest entries."""
    cards = [site.progress[g.id] for g in site.goals.values()]
    latest = list(reversed(site.published))[: site.settings.latest_entries]
    return {
        "sparks": _sparklines(site),
        "active": [c for c in cards if c.goal.status == "active"],
        "others": [c for c in cards if c.goal.status != "active"],
        "latest": latest,
        "summaries": {e.uri: site.pages[e.uri].description for e in latest},
    }


def goals(spec: PageSpec, site: Site, url: Url) -> Context:
    """Every goal card, grouped by status."""
    groups = [
        (status, word(), [site.progress[g.id] for g in site.goals.values() if g.status == status])
        for status, word in words.STATUS_WORDS.items()
    ]
    return {"groups": [group for group in groups if group[2]], "sparks": _sparklines(site)}


def _sparklines(site: Site) -> dict[str, Markup]:
    """A small picture per goal for its card."""
    return {gid: Markup(charts.sparkline(f"gj-spark-{gid}", p)) for gid, p in site.progress.items()}


def goal(spec: PageSpec, site: Site, url: Url) -> Context:
    """A goal's numbers and entries."""
    assert spec.goal is not None
    the_goal, progress = spec.goal, site.progress[spec.goal.id]
    entries = site.entries_of(the_goal.id)
    by_day = {e.day: e for e in entries}  # newest first, so the earliest entry of a day wins

    def link(day: dt.date) -> tuple[str, str] | None:
        entry = by_day.get(day)
        return (url(entry.uri), words.entry_title(entry)) if entry else None

    heat = Markup(calendars.heatmap(f"gj-{the_goal.id}-activity", progress, link, site.settings.week_start))
    activity = sorted(calendars.activity(progress).items(), reverse=True)
    return {
        "goal": the_goal,
        "progress": progress,
        "entries": entries,
        "pictures": [p for m in progress.metrics if (p := _picture(the_goal, progress, m, link))],
        "heatmap": heat,
        "activity": [(day.isoformat(), *counts, _link_html(link(day))) for day, counts in activity],
        "week_start": words.day_name(site.settings.week_start),
        "share": _sharing(spec, site, url),
        "snippets": badge_snippets(site, the_goal.id)
        if site.settings.badges and site.settings.site_url
        else None,
        "rest_names": [words.day_abbreviation(d) for d in sorted(the_goal.rest_days)],
        "recent_days": RECENT_DAYS,
    }


def _picture(
    goal: Goal, progress: GoalProgress, metric: MetricProgress, link: charts.EntryLink
) -> Picture | None:
    """The chart of a total or rate metric and its data (ratios have none)."""
    ident = f"gj-{goal.id}-{metric.metric.id}"
    if metric.metric.shape == "total":
        svg = charts.cumulative_chart(ident, progress, metric, link)
        return Picture(
            metric,
            Markup(svg),
            _columns("Day", "Entry", "Added", "Total"),
            charts.cumulative_table(metric, link),
        )
    if metric.metric.shape == "rate":
        per = metric.metric.per or "day"
        rows = [
            (words.period_text(p.start, per), words.number(p.value), words.STATE_WORDS[p.state]())
            for p in reversed(metric.periods)
        ]
        strip = Markup(calendars.period_strip(ident, metric))
        caption = calendars.strip_window(metric).caption(per, metric.as_of)
        return Picture(
            metric, strip, (words.PERIOD_WORDS[per](), *_columns("Amount", "State")), rows, caption
        )
    return None


def _columns(*names: str) -> tuple[str, ...]:
    """The headings of a table of numbers behind a picture, in the language."""
    said = {
        "Day": p_("column", "Day"),
        "Entry": p_("column", "Entry"),
        "Added": p_("column", "Added"),
        "Total": p_("column", "Total"),
        "Amount": p_("column", "Amount"),
        "State": p_("column", "State"),
    }
    return tuple(said[name] for name in names)


def _link_html(link: tuple[str, str] | None) -> Markup | str:
    """An <a> for a (href, text) pair, or nothing."""
    return Markup('<a href="{}">{}</a>').format(*link) if link else ""


def now(spec: PageSpec, site: Site, url: Url) -> Context:
    """The now page: the active goals' states in words and the latest entry, as of the build's day."""
    latest = list(site.published[-1:])
    return {
        "today": site.settings.today,
        "active": [site.progress[g.id] for g in site.goals.values() if g.status == "active"],
        "latest": latest,
        "summaries": {e.uri: site.pages[e.uri].description for e in latest},
    }


def journal(spec: PageSpec, site: Site, url: Url) -> Context:
    """All published entries grouped by year and month."""
    return {"years": _by_year_and_month(list(reversed(site.published)))}


def year(spec: PageSpec, site: Site, url: Url) -> Context:
    """One year's entries grouped by month."""
    entries = [e for e in reversed(site.published) if e.day.year == spec.year]
    return {"years": _by_year_and_month(entries)}


def entry(spec: PageSpec, site: Site, url: Url) -> Context:
    """An entry's goals, numbers, help given and neighbours."""
    assert spec.entry is not None
    the_entry = spec.entry
    previous, following = site.neighbours(the_entry)
    return {
        "entry": the_entry,
        "linked": [site.goals[g] for g in the_entry.goals if g in site.goals],
        "numbers": _entry_numbers(the_entry, site.goals),
        "public_help": [h for h in the_entry.helped if not h.private],
        "private_help": sum(1 for h in the_entry.helped if h.private),
        "previous": previous,
        "following": following,
        "is_draft": spec.draft,
        "h_entry": microformats.entry_head(site.settings, url, words.entry_title(the_entry), the_entry.uri),
        "mentions": _mentions(site.mentions.get(the_entry.uri, ())),
    }


def _mentions(mentions: tuple[Mention, ...]) -> list[tuple[str, list[Mention]]]:
    """An entry's webmentions as (kind, mentions) for each kind it has, in the order of MENTION_KINDS."""
    groups = [(kind, [m for m in mentions if m.kind == kind]) for kind in MENTION_KINDS]
    return [(kind, same) for kind, same in groups if same]


def _entry_numbers(entry: Entry, goals: dict[str, Goal]) -> list[tuple[str, float]]:
    """(label, value) for each metric the entry reports, labelled by its goal's metric when one matches."""
    labels = {m.id: m.label for g in entry.goals if g in goals for m in goals[g].metrics}
    inputs = {i for g in entry.goals if g in goals for i in goals[g].inputs}  # not those of private goals
    return [
        (labels.get(k, k.replace("_", " ").capitalize()), v) for k, v in entry.metrics.items() if k in inputs
    ]


def _by_year_and_month(entries: list[Entry]) -> list[tuple[int, list[tuple[dt.date, list[Entry]]]]]:
    """Entries (newest first) as [(year, [(first of month, entries)])]."""
    years = []
    for number, in_year in itertools.groupby(entries, key=lambda e: e.day.year):
        months = [
            (dt.date(number, month, 1), list(group))
            for month, group in itertools.groupby(in_year, key=lambda e: e.day.month)
        ]
        years.append((number, months))
    return years


@dataclass(frozen=True)
class BarRow:
    """One row of a list of bars: what it counts, how many, and the kind of help it is (for its colour)."""

    label: str
    count: int
    kind: str = ""


@dataclass(frozen=True)
class PeriodRow:
    """A week or month in the lists of How I helped: quiet ones too, with 0."""

    roundup: Roundup
    has_page: bool  # it has public help (a period whose help is all private is listed without a page)

    @property
    def total(self) -> int:
        """Acts of help in the period, private ones counted."""
        return len(self.roundup.acts)


def helped(spec: PageSpec, site: Site, url: Url) -> Context:
    """Every week and month from the journal's first to its latest, and totals by kind and place."""
    pages = {r.uri for r in site.roundups}
    first, last = _journal_span(site)

    def rows(made: tuple[Roundup, ...], per: str) -> list[PeriodRow]:
        every = every_period(made, per, first, last, site.settings.week_start)
        return [PeriodRow(r, r.uri in pages) for r in reversed(every)]

    kinds, places = by_kind(site.acts), Counter(_place(a) for a in site.acts)
    return {
        "count": len(site.acts),
        "since": helped_words.since_words(first),
        "kinds": kinds,
        "weeks": rows(site.numbers.weeks, "week"),
        "months": rows(site.numbers.months, "month"),
        "kind_rows": [BarRow(words.kind_title(kind), n, kind) for kind, n in kinds],
        "place_rows": [
            BarRow(place, n) for place, n in sorted(places.items(), key=lambda pn: (-pn[1], pn[0].lower()))
        ],
        "reviews": site.reviews,
    }


def _journal_span(site: Site) -> tuple[dt.date, dt.date]:
    """The first and last day of the journal: of its published entries and of every act of help."""
    days = [e.day for e in site.published] + [a.entry.day for a in site.acts]
    return min(days), max(days)


def _place(act: Act) -> str:
    """Where an act of help was given, as readers see it."""
    if not act.public:
        return helped_words.kept_private()
    return helped_words.platform_name(act.help.where) if act.help.where else helped_words.not_given()


def roundup(spec: PageSpec, site: Site, url: Url) -> Context:
    """One week's or month's help, grouped by kind, with neighbours."""
    assert spec.roundup is not None
    the_roundup = spec.roundup
    same = site.roundups_by_period[the_roundup.per]
    index = site.roundup_index[the_roundup.uri]
    return {
        "roundup": the_roundup,
        "previous": same[index - 1] if index > 0 else None,
        "following": same[index + 1] if index + 1 < len(same) else None,
        "share": _sharing(spec, site, url),
    }


def review(spec: PageSpec, site: Site, url: Url) -> Context:
    """A year: goals, help by kind and month, the busiest week."""
    assert spec.review is not None
    the_review = spec.review
    busiest = the_review.busiest_week(site.settings.week_start)
    pages = {r.uri for r in site.roundups}
    months = the_review.by_month(*_review_months(the_review.year, site))
    progress = site.review_progress(the_review)
    return {
        "review": the_review,
        "goals_progress": progress,
        "sparks": {
            p.goal.id: Markup(charts.sparkline(f"gj-review-{the_review.year}-spark-{p.goal.id}", p))
            for p in progress
        },
        "months": months,
        "counts": by_kind(the_review.acts),
        "kinds": [k for k, _ in by_kind(the_review.acts)],
        "chart": Markup(charts.monthly_bars(f"gj-review-{the_review.year}", the_review.year, months)),
        "busiest": busiest,
        "busiest_link": busiest is not None and busiest.uri in pages,
        "share": _sharing(spec, site, url),
    }


def _review_months(year: int, site: Site) -> tuple[int, int]:
    """The months a year's help chart shows: from the journal's first month (or January) to
    December, or to the month of the as-of day while the year is running."""
    days = [e.day for e in site.public.counted]
    in_year = [day for day in days if day.year == year]
    first = min(in_year).month if min(days).year == year else 1
    last = min(dt.date(year, 12, 31), max(site.settings.today, max(in_year)))
    return first, last.month


def mastodon(spec: PageSpec, site: Site, url: Url) -> Context:
    """The page that asks for a Mastodon instance before sharing."""
    return {}


def _sharing(spec: PageSpec, site: Site, url: Url) -> list[ShareLink]:
    """Share links for a goal, roundup or review page (none when turned off or without site_url)."""
    if not (site.settings.share and site.settings.site_url):
        return []
    address = urljoin(site.settings.site_url, page_url(spec.uri, site.settings.directory_urls))
    return share_links(address, share_text(spec, site), url(MASTODON_PAGE))


CONTEXTS: dict[str, Callable[[PageSpec, Site, Url], Context]] = {
    "mastodon": mastodon,
    "helped": helped,
    "roundup": roundup,
    "review": review,
    "home": home,
    "goals": goals,
    "goal": goal,
    "now": now,
    "journal": journal,
    "year": year,
    "entry": entry,
}
