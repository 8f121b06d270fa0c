"""Render the HTML the plugin puts around (or in place of) each page's Markdown."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import jinja2
from markupsafe import Markup
from markupsafe import escape as markupsafe_escape

from . import charts, social
from . import roundups as roundups_module
from .cards import share_links
from .model import Entry, Goal
from .site import PageSpec, Site
from .urls import page_url, relative_url
from .wording import long_date, metric_text, number, percent, short_date

Url = Callable[[str], str]
STATUS_WORDS = {
    "active": "Active",
    "paused": "Paused",
    "achieved": "Achieved",
    "dropped": "Dropped",
}
WEEK_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Templates wrap what search should not index (pictures, data tables, lists of entries, pagers) in
# these comments: the plugin holds those parts back until the search plugin has read the page.
_UNINDEXED = re.compile(r"<!--gj:unindexed-->(.*?)<!--/gj:unindexed-->", re.S)
_HELD = re.compile(r"<!--gj:held:(\d+)-->")
_HEADING = re.compile(r"\A\s*(#[ \t]|[^\n]+\n=+[ \t]*(\n|\Z))")


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment for the plugin's own templates (autoescaped)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("goals_journal", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
    )
    env.filters.update(num=number, long_date=long_date, short_date=short_date, host=host)
    env.globals.update(metric_text=metric_text, percent=percent, entry_list=entry_list, data_table=data_table)
    return env


def entry_list(
    entries: list[Entry],
    url: Url,
    goals: dict[str, Goal],
    summaries: dict[str, str] | None = None,
    with_year: bool = True,
    except_goal: str | None = None,
) -> Markup:
    """A list of entries: date, linked title, summary and goal chips (plain Python: lists can be long)."""
    escape = html.escape
    chip_html = {
        gid: f'<a class="gj-chip" href="{escape(url(g.uri))}">{escape(g.title)}</a>'
        for gid, g in goals.items()
    }
    items = []
    for entry in entries:
        day = entry.day
        when = short_date(day) if with_year else f"{day.day} {day:%b}"
        summary = summaries.get(entry.uri) if summaries else None
        chips = "".join(chip_html[g] for g in entry.goals if g != except_goal and g in chip_html)
        items.append(
            f'<li>\n<time datetime="{day.isoformat()}">{escape(when)}</time>\n<div>\n'
            f'<a href="{escape(url(entry.uri))}">{escape(entry.title)}</a>\n'
            + (f'<span class="gj-summary">{escape(summary)}</span>\n' if summary else "")
            + (f'<span class="gj-chips">{chips}</span>\n' if chips else "")
            + "</div>\n</li>\n"
        )
    short = "" if with_year else " gj-entries--short"
    return Markup(f'<ul class="gj-entries{short}">\n{"".join(items)}</ul>\n')


def data_table(columns: tuple[str, ...], rows: list[tuple[Any, ...]], empty: str) -> Markup:
    """The table of numbers behind a picture; cells are text, or Markup for links."""
    escape = markupsafe_escape
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    if not rows:
        body = f'<tr><td colspan="{len(columns)}">{escape(empty)}</td></tr>'
    return Markup(f"<table>\n  <thead><tr>{head}</tr></thead>\n  <tbody>{body}</tbody>\n</table>")


def host(url: str) -> str:
    """The host name of a URL, without a leading www."""
    return (urlsplit(url).hostname or url).removeprefix("www.")


def hold_back(html: str) -> tuple[str, list[str]]:
    """Cut out the parts search should not index, leaving numbered placeholders."""
    parts: list[str] = []

    def cut(match: re.Match[str]) -> str:
        parts.append(match.group(1))
        return f"<!--gj:held:{len(parts) - 1}-->"

    return _UNINDEXED.sub(cut, html), parts


def put_back(html: str, parts: list[str]) -> str:
    """Return the held-back parts to their places."""
    return _HELD.sub(lambda match: parts[int(match.group(1))], html) if parts else html


def opens_with_heading(markdown: str) -> bool:
    """Whether Markdown starts with a level-1 heading (then the plugin's HTML goes under it)."""
    return _HEADING.match(markdown) is not None


RenderCache = dict[str, tuple[Any, tuple[str, str]]]
# Kinds whose templates use nothing but their own context (not `site` or `goals`), so the same
# context renders the same HTML: `mkdocs serve` keeps their HTML between builds.
_SELF_CONTAINED = ("entry", "roundup")


def render_page(
    spec: PageSpec, site: Site, has_heading: bool = False, cache: RenderCache | None = None
) -> tuple[str, str]:
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
    own = _CONTEXT[spec.kind](spec, site, url)
    context.update(own)
    key = None
    if cache is not None and spec.kind in _SELF_CONTAINED:
        key = (spec, has_heading, site.settings, [(k, v) for k, v in own.items() if not callable(v)])
        hit = cache.get(spec.uri)
        if hit is not None and hit[0] == key:
            return hit[1]
    template = environment().get_template(f"{spec.kind}.html")
    module = template.make_module(context)
    fragments = str(getattr(module, "before", "")), str(module)
    if cache is not None and key is not None:
        cache[spec.uri] = (key, fragments)
    return fragments


def _home(spec: PageSpec, site: Site, url: Url) -> dict[str, Any]:
    """Goal cards grouped by status, and the latest entries."""
    cards = [site.progress[g.id] for g in site.journal.goals.values()]
    latest = list(reversed(site.published))[: site.settings.latest_entries]
    return {
        "sparks": _sparklines(site),
        "active": [c for c in cards if c.goal.status == "active"],
        "others": [c for c in cards if c.goal.status != "active"],
        "latest": latest,
        "summaries": {e.uri: site.pages[e.uri].description for e in latest},
    }


def _goals(spec: PageSpec, site: Site, url: Url) -> dict[str, Any]:
    """Every goal card, grouped by status."""
    groups = [
        (
            STATUS_WORDS[status],
            [site.progress[g.id] for g in site.journal.goals.values() if g.status == status],
        )
        for status in STATUS_WORDS
    ]
    return {"groups": [(word, cards) for word, cards in groups if cards], "sparks": _sparklines(site)}


def _sparklines(site: Site) -> dict[str, Markup]:
    """A small picture per goal for its card."""
    return {gid: Markup(charts.sparkline(f"gj-spark-{gid}", p)) for gid, p in site.progress.items()}


def _goal(spec: PageSpec, site: Site, url: Url) -> dict[str, Any]:
    """A goal's numbers and entries."""
    assert spec.goal is not None
    goal, progress = spec.goal, site.progress[spec.goal.id]
    entries = site.entries_of(goal.id)
    by_day = {e.day: e for e in entries}  # newest first, so the earliest entry of a day wins

    def link(day: dt.date) -> tuple[str, str] | None:
        entry = by_day.get(day)
        return (url(entry.uri), entry.title) if entry else None

    pictures = []
    for metric in progress.metrics:
        ident = f"gj-{goal.id}-{metric.metric.id}"
        if metric.metric.shape == "total":
            svg = charts.cumulative_chart(ident, progress, metric, link)
            columns: tuple[str, ...] = ("Day", "Entry", "Added", "Total")
            rows: list[tuple[str, ...]] = list(charts.cumulative_table(metric, link))
        elif metric.metric.shape == "rate":
            per = metric.metric.per or "day"
            svg = charts.period_strip(ident, metric)
            columns = (per.capitalize(), "Amount", "State")
            rows = [
                (charts.period_text(p, per), charts.number(p.value), charts.STATE_WORDS[p.state])
                for p in reversed(metric.periods)
            ]
        else:
            continue
        pictures.append((metric, Markup(svg), columns, rows))
    heat = Markup(charts.heatmap(f"gj-{goal.id}-activity", progress, link, site.settings.week_start))
    activity = sorted(charts.activity(progress).items(), reverse=True)
    return {
        "goal": goal,
        "progress": progress,
        "entries": entries,
        "pictures": pictures,
        "heatmap": heat,
        "activity": [(day.isoformat(), *counts, _link_html(link(day))) for day, counts in activity],
        "week_start": WEEK_DAY_NAMES[site.settings.week_start],
        "share": _sharing(spec, site, url),
        "snippets": social.badge_snippets(site, site.settings.site_url, goal.id)
        if site.settings.badges and site.settings.site_url
        else None,
        "rest_names": [charts.WEEK_DAY_NAMES[d] for d in sorted(goal.rest_days)],
    }


def _link_html(link: tuple[str, str] | None) -> Markup | str:
    """An <a> for a (href, text) pair, or nothing."""
    return Markup('<a href="{}">{}</a>').format(*link) if link else ""


def _journal(spec: PageSpec, site: Site, url: Url) -> dict[str, Any]:
    """All published entries grouped by year and month."""
    return {"years": _by_year_and_month(list(reversed(site.published)))}


def _year(spec: PageSpec, site: Site, url: Url) -> dict[str, Any]:
    """One year's entries grouped by month."""
    entries = [e for e in reversed(site.published) if e.day.year == spec.year]
    return {"years": _by_year_and_month(entries)}


def _entry(spec: PageSpec, site: Site, url: Url) -> dict[str, Any]:
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
    inputs = {i for g in entry.goals if g in goals for i in goals[g].inputs}  # not those of private goals
    return [
        (labels.get(k, k.replace("_", " ").capitalize()), v) for k, v in entry.metrics.items() if k in inputs
    ]


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


def _helped(spec: PageSpec, site: Site, url: Url) -> dict[str, Any]:
    """Every period with help in it, and totals by kind and platform."""
    pages = {r.uri for r in site.roundups}
    platforms = Counter(
        (a.help.where.lower() or "not given") if a.public else "kept private" for a in site.acts
    )
    return {
        "summary": spec.description,
        "weeks": [(r, r.uri in pages) for r in reversed(site.weeks)],
        "months": [(r, r.uri in pages) for r in reversed(site.months)],
        "kinds": roundups_module.by_kind(site.acts),
        "platforms": sorted(platforms.items(), key=lambda pc: (-pc[1], pc[0])),
        "reviews": site.reviews,
        "kind_words": roundups_module.kind_words,
    }


def _roundup(spec: PageSpec, site: Site, url: Url) -> dict[str, Any]:
    """One week's or month's help, grouped by kind, with neighbours."""
    assert spec.roundup is not None
    roundup = spec.roundup
    same = site.roundups_by_period[roundup.per]
    index = site.roundup_index[roundup.uri]
    return {
        "roundup": roundup,
        "previous": same[index - 1] if index > 0 else None,
        "following": same[index + 1] if index + 1 < len(same) else None,
        "kind_words": roundups_module.kind_words,
        "kind_title": lambda kind: roundups_module.KIND_WORDS[kind][1].capitalize(),
        "share": _sharing(spec, site, url),
    }


def _review(spec: PageSpec, site: Site, url: Url) -> dict[str, Any]:
    """A year: goals, help by kind and month, the busiest week."""
    assert spec.review is not None
    review = spec.review
    busiest = review.busiest_week(site.settings.week_start)
    pages = {r.uri for r in site.roundups}
    months = review.by_month()
    kinds = [k for k, _ in roundups_module.by_kind(review.acts)]
    return {
        "review": review,
        "goals_progress": site.review_progress(review),
        "months": months,
        "kinds": kinds,
        "chart": Markup(charts.monthly_bars(f"gj-review-{review.year}", review.year, months)),
        "busiest": busiest,
        "busiest_link": busiest is not None and busiest.uri in pages,
        "share": _sharing(spec, site, url),
        "kind_words": roundups_module.kind_words,
    }


def _mastodon(spec: PageSpec, site: Site, url: Url) -> dict[str, Any]:
    """The page that asks for a Mastodon instance before sharing."""
    return {}


def _sharing(spec: PageSpec, site: Site, url: Url) -> list[tuple[str, str]]:
    """Share links for a goal, roundup or review page (none when turned off or without site_url)."""
    if not (site.settings.share and site.settings.site_url):
        return []
    address = urljoin(site.settings.site_url, page_url(spec.uri, site.settings.directory_urls))
    return share_links(address, social.share_text(spec, site), url(social.MASTODON_PAGE))


_CONTEXT: dict[str, Callable[[PageSpec, Site, Url], dict[str, Any]]] = {
    "mastodon": _mastodon,
    "helped": _helped,
    "roundup": _roundup,
    "review": _review,
    "home": _home,
    "goals": _goals,
    "goal": _goal,
    "journal": _journal,
    "year": _year,
    "entry": _entry,
}


def feed_extra(entry: Entry, site: Site) -> str:
    """What a feed item adds after the entry's text: its goals and the public help given."""
    base = page_url(entry.uri, site.settings.directory_urls)

    def url(uri: str) -> str:
        return relative_url(base, page_url(uri, site.settings.directory_urls))

    goals = [site.journal.goals[g] for g in entry.goals if g in site.journal.goals]
    help_given = [h for h in entry.helped if not h.private]
    return environment().get_template("feed_item.html").render(goals=goals, helped=help_given, url=url)


def unmarked(html: str) -> str:
    """HTML without the not-indexed marks (for feeds)."""
    return _UNINDEXED.sub(lambda match: match.group(1), html)
