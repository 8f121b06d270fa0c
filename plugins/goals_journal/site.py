"""Decide what the site contains: which entries are published, what counts, and every page."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

from .links import HIDDEN, rewrite_links
from .model import Entry, Goal, Journal, Problem
from .progress import GoalProgress, ProgressMemo, remembered_progress
from .reader import display_path as _display
from .reader import visible_files
from .roundups import Act, Roundup, YearReview, collect_acts, roundups, summary_sentence, year_reviews

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|`|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")


@dataclass(frozen=True)
class Settings:
    """The plugin options, resolved: absolute folders, a real time zone, the as-of day."""

    root: Path
    goals_dir: Path
    journal_dir: Path
    tz: ZoneInfo
    today: dt.date
    week_start: int = 0
    count_private: bool = True
    serving: bool = False
    directory_urls: bool = True
    latest_entries: int = 10
    site_name: str = ""
    site_description: str = ""
    feeds: bool = True
    site_url: str = ""  # absolute, ending with "/", or "" when mkdocs.yml has none
    cards: bool = True
    badges: bool = True
    share: bool = True


@dataclass(frozen=True)
class PageSpec:
    """One page the plugin adds to the site."""

    uri: str
    title: str
    kind: str  # home | goals | goal | journal | year | entry | helped | roundup | review
    markdown: str = ""
    source: Path | None = None
    in_nav: bool = True
    searchable: bool = True  # lists of entries stay out of the search index: the entries are in it
    draft: bool = False
    description: str = ""
    goal: Goal | None = None
    entry: Entry | None = None
    year: int | None = None
    roundup: Roundup | None = None
    review: YearReview | None = None


@dataclass
class Site:
    """Everything the pages show, computed once per build."""

    journal: Journal  # private goals left out: nothing below may show them
    settings: Settings
    published: list[Entry]
    progress: dict[str, GoalProgress]
    pages: dict[str, PageSpec] = field(default_factory=dict)
    assets: dict[str, Path] = field(default_factory=dict)
    sources: dict[Path, str] = field(default_factory=dict)
    counted: list[Entry] = field(default_factory=list)
    acts: list[Act] = field(default_factory=list)
    weeks: list[Roundup] = field(default_factory=list)
    months: list[Roundup] = field(default_factory=list)
    reviews: list[YearReview] = field(default_factory=list)
    hidden: set[Path] = field(default_factory=set)  # sources of private goals and unpublished entries
    problems: list[Problem] = field(default_factory=list)  # found while planning pages (warnings)
    memo: ProgressMemo = field(default_factory=dict, repr=False)  # kept between builds by mkdocs serve
    _reviewed: dict[int, list[GoalProgress]] = field(default_factory=dict, repr=False)

    @cached_property
    def roundups(self) -> list[Roundup]:
        """Weekly and monthly roundups that have a page (at least one public act)."""
        return [r for r in self.weeks + self.months if r.public]

    @cached_property
    def roundups_by_period(self) -> dict[str, list[Roundup]]:
        """Roundups with pages, per week or month, oldest first."""
        return {per: [r for r in self.roundups if r.per == per] for per in ("week", "month")}

    @cached_property
    def roundup_index(self) -> dict[str, int]:
        """Position of each roundup among those of its period, by URI."""
        return {r.uri: i for same in self.roundups_by_period.values() for i, r in enumerate(same)}

    def review_progress(self, review: YearReview) -> list[GoalProgress]:
        """Each goal that ran during the year, as of the year's end (or today)."""
        if review.year not in self._reviewed:
            end = min(self.settings.today, dt.date(review.year, 12, 31))
            self._reviewed[review.year] = [
                remembered_progress(
                    self.memo, g, self.counted, end, self.settings.week_start, self.settings.count_private
                )
                for g in self.journal.goals.values()
                if g.started <= end and (g.achieved is None or g.achieved.year >= review.year)
            ]
        return self._reviewed[review.year]

    def entries_of(self, goal_id: str) -> list[Entry]:
        """Published entries linked to a goal, newest first."""
        return [e for e in reversed(self.published) if goal_id in e.goals]

    def neighbours(self, entry: Entry) -> tuple[Entry | None, Entry | None]:
        """The published entries just before and after `entry`."""
        index = self._index[entry.uri]
        before = self.published[index - 1] if index > 0 else None
        after = self.published[index + 1] if index + 1 < len(self.published) else None
        return before, after

    @cached_property
    def _index(self) -> dict[str, int]:
        """Position of each published entry, by URI."""
        return {e.uri: i for i, e in enumerate(self.published)}

    def is_draft(self, entry: Entry) -> bool:
        """Shown only while previewing: a draft, or dated after the as-of day."""
        return entry.draft or entry.day > self.settings.today


def build_site(journal: Journal, settings: Settings, memo: ProgressMemo | None = None) -> Site:
    """Select published and counted entries, compute progress and plan every page.

    `memo` keeps goal progress between builds (of one `mkdocs serve`): unchanged goals are not counted again."""
    memo = {} if memo is None else memo
    visible = [e for e in journal.entries if settings.serving or not (e.draft or e.day > settings.today)]
    counted = [e for e in visible if settings.count_private or not e.private]
    published = [e for e in visible if not e.private]
    public = Journal(
        {gid: g for gid, g in journal.goals.items() if not g.private}, journal.entries, journal.problems
    )
    progress = {
        goal.id: remembered_progress(
            memo, goal, counted, settings.today, settings.week_start, settings.count_private
        )
        for goal in public.goals.values()
    }
    site = Site(public, settings, published, progress, counted=counted, memo=memo)
    site.acts = collect_acts(counted, {e.uri for e in published}, settings.count_private)
    site.weeks = roundups(site.acts, "week", settings.week_start)
    site.months = roundups(site.acts, "month", settings.week_start)
    years = sorted({e.day.year for e in counted}, reverse=True)
    site.reviews = year_reviews(counted, site.acts, years)
    for folder, prefix in ((settings.goals_dir, "goals"), (settings.journal_dir, "journal")):
        for path in _asset_files(folder):
            site.assets[f"{prefix}/{path.relative_to(folder).as_posix()}"] = path
    real = {e.source: e.source.resolve() for e in journal.entries}  # once each: resolving asks the disk
    site.sources = {path.resolve(): uri for uri, path in site.assets.items()}
    site.sources.update({g.source.resolve(): g.uri for g in public.goals.values()})
    site.sources.update({real[e.source]: e.uri for e in published})
    site.hidden = {g.source.resolve() for g in journal.goals.values() if g.private}
    site.hidden |= {real[e.source] for e in journal.entries if real[e.source] not in site.sources}
    linked: set[str] = set()
    for spec in _plan_pages(site, linked):
        site.pages[spec.uri] = spec
    site.assets = {uri: path for uri, path in site.assets.items() if uri in linked}
    return site


def _asset_files(folder: Path) -> list[Path]:
    """Images and other non-Markdown files next to goals and entries (published when a page links them)."""
    return [p for p in visible_files(folder) if p.suffix != ".md"]


def _body(site: Site, text: str, source: Path, uri: str, linked: set[str], first_line: int) -> str:
    """A goal or entry body with relative links pointing from the page's new address; notes linked files."""

    def site_uri(path: Path, line: int) -> str | None:
        if path in site.hidden:
            site.problems.append(
                Problem(
                    _display(source, site.settings.root),
                    line,
                    f"the link to {_display(path, site.settings.root)} was removed: that page is private, "
                    "a draft or not due yet",
                    "warning",
                )
            )
            return HIDDEN
        target = site.sources.get(path)
        if target is not None:
            linked.add(target)
        return target

    return rewrite_links(text, source, uri, site_uri, first_line)


def _plan_pages(site: Site, linked: set[str]) -> list[PageSpec]:
    """Home, the goal index and pages, the journal archive, year pages and entry pages."""
    pages = [
        PageSpec("index.md", "Home", "home", description=_home_description(site)),
        PageSpec("goals/index.md", "Goals", "goals", description="Every goal with its progress."),
    ]
    for goal in site.journal.goals.values():
        pages.append(
            PageSpec(
                goal.uri,
                goal.title,
                "goal",
                goal.body,
                goal.source,
                description=goal.why,
                goal=goal,
            )
        )
    pages.append(
        PageSpec(
            "journal/index.md", "Journal", "journal", description="All journal entries.", searchable=False
        )
    )
    for year in sorted({e.day.year for e in site.published}, reverse=True):
        pages.append(
            PageSpec(
                f"journal/{year}/index.md",
                f"Journal {year}",
                "year",
                in_nav=False,
                searchable=False,
                year=year,
            )
        )
    if site.acts:
        pages.append(
            PageSpec("helped/index.md", "How I helped", "helped", description=_helped_description(site))
        )
    for roundup in site.roundups:
        pages.append(
            PageSpec(
                roundup.uri,
                roundup.title,
                "roundup",
                in_nav=False,
                searchable=False,  # the help it lists is indexed on the entries' pages
                description=roundup.summary(),
                roundup=roundup,
            )
        )
    for review in site.reviews:
        pages.append(
            PageSpec(
                review.uri, review.title, "review", in_nav=False, description=review.summary(), review=review
            )
        )
    if site.settings.share and site.settings.site_url:
        pages.append(PageSpec("share/mastodon.md", "Share on Mastodon", "mastodon", in_nav=False))
    for entry in site.published:
        pages.append(
            PageSpec(
                entry.uri,
                entry.title,
                "entry",
                _body(site, entry.body, entry.source, entry.uri, linked, entry.body_line),
                entry.source,
                in_nav=False,
                draft=site.is_draft(entry),
                description=summary(entry.body),
                entry=entry,
            )
        )
    return pages


def _helped_description(site: Site) -> str:
    """The sentence that sums up all the help in the journal."""
    return summary_sentence("Since the journal began,", site.acts)


def _home_description(site: Site) -> str:
    """A one-line description of the whole journal."""
    active = sum(1 for g in site.journal.goals.values() if g.status == "active")
    return f"A public journal of {active} active goal{'s' if active != 1 else ''} and the work towards them."


def summary(body: str, limit: int = 200) -> str:
    """The first paragraph of a Markdown body as plain text, shortened to `limit` characters."""
    paragraph: list[str] = []
    for line in body.split("\n"):
        text = line.strip()
        if not text:
            if paragraph:
                break
            continue
        if text.startswith(("#", "<", "!", "|", "```", "---")):
            if paragraph:
                break
            continue
        paragraph.append(text.lstrip(">*- ").strip())
    plain = _LINK.sub(r"\1", " ".join(paragraph))
    plain = _EMPHASIS.sub("", plain)
    if len(plain) > limit:
        plain = plain[: limit - 1].rsplit(" ", 1)[0] + "…"
    return plain
