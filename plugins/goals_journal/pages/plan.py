"""The page plan: every page the site gets, its address, title, description and Markdown body."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.files import display_path
from ..core.links import HIDDEN, Rewritten, rewrite_links
from ..core.model import Entry, Goal, Problem
from ..core.numbers import Numbers
from ..core.plaintext import markdown_summary
from ..core.public import Publication
from ..core.roundups import Roundup, YearReview
from ..core.settings import Settings
from . import words
from .words.language import _

PAGE_KINDS = (
    "home",
    "goals",
    "goal",
    "now",
    "journal",
    "year",
    "entry",
    "helped",
    "roundup",
    "review",
    "mastodon",
)
INTRO_KINDS = ("home", "goals", "journal")  # a hand-written page at the same address becomes their intro
MASTODON_PAGE = "share/mastodon.md"
NOW_PAGE = "now/index.md"  # the IndieWeb "now page": the active goals and the latest entry, as of today


@dataclass(frozen=True)
class PageSpec:
    """One page the plugin adds to the site."""

    uri: str
    title: str
    kind: str  # one of PAGE_KINDS
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


@dataclass(frozen=True)
class Plan:
    """Every page, the files beside goals and entries that pages link (so they are published), and
    the problems found on the way (links removed because they point at what is not public)."""

    pages: dict[str, PageSpec]
    assets: dict[str, Path]
    problems: tuple[Problem, ...] = ()


def plan_pages(public: Publication, numbers: Numbers, assets: dict[str, Path], settings: Settings) -> Plan:
    """Home, the goal index and pages, the journal archive, help pages, reviews and entry pages."""
    written: list[Goal | Entry] = [*public.goals.values(), *public.published]
    bodies = {item.uri: _body(item, public) for item in written}
    pages = [
        *_index_pages(public, numbers, bodies),
        *_archive_pages(public),
        *_help_pages(numbers),
        *(
            [PageSpec(MASTODON_PAGE, _("Share on Mastodon"), "mastodon", in_nav=False)]
            if _sharing(settings)
            else []
        ),
        *_entry_pages(public, bodies),
    ]
    linked = {uri for body in bodies.values() for uri in body.linked}
    problems = [
        problem
        for item in written
        for problem in _link_problems(item.source, bodies[item.uri], settings.root)
    ]
    return Plan(
        {spec.uri: spec for spec in pages},
        {uri: path for uri, path in assets.items() if uri in linked},
        tuple(problems),
    )


def _link_problems(source: Path, body: Rewritten, root: Path) -> list[Problem]:
    """Warnings for the links of a body that were removed, or that lead to nothing of the site."""
    shown = display_path(source, root)
    problems = [
        Problem(
            shown,
            removed.line,
            f"the link to {display_path(removed.target, root)} was removed: that page is private, "
            "a draft or not due yet",
            "warning",
        )
        for removed in body.removed
    ]
    for link in body.unresolved:
        target = display_path(link.target, root)
        if not link.target.is_relative_to(root):
            why = "leaves the project folder: link only files of the journal"
        elif not link.target.exists():
            why = "goes to a file that does not exist: fix the path (a link is relative to the file it is in)"
        else:
            why = "goes to a file that is not part of the site: link goals, entries, files beside them or pages in docs/"
        problems.append(Problem(shown, link.line, f"the link to {target} {why}", "warning"))
    return sorted(problems, key=lambda p: p.line)


def _sharing(settings: Settings) -> bool:
    """Whether pages get share links (they need the site's address)."""
    return settings.share and bool(settings.site_url)


def _body(item: Goal | Entry, public: Publication) -> Rewritten:
    """A goal's or entry's body with relative links pointing from its page's address; hidden pages unlinked."""

    def site_uri(path: Path) -> str | None:
        return HIDDEN if path in public.hidden else public.linkable.get(path)

    return rewrite_links(item.body, item.source, item.uri, site_uri, item.body_line)


def _index_pages(public: Publication, numbers: Numbers, bodies: dict[str, Rewritten]) -> list[PageSpec]:
    """Home, the goal index, a page per goal and the now page."""
    active = sum(1 for g in public.goals.values() if g.status == "active")
    pages = [
        PageSpec("index.md", _("Home"), "home", description=words.home_description(active)),
        PageSpec("goals/index.md", _("Goals"), "goals", description=words.goals_description()),
    ]
    pages += [
        PageSpec(
            goal.uri,
            goal.title,
            "goal",
            bodies[goal.uri].markdown,
            goal.source,
            description=goal.why,
            goal=goal,
        )
        for goal in public.goals.values()
    ]
    now = words.now_description(active)
    pages.append(PageSpec(NOW_PAGE, words.now_title(), "now", description=now, searchable=False))
    return pages


def _archive_pages(public: Publication) -> list[PageSpec]:
    """The journal archive and a page per year (lists of entries: not searched)."""
    pages = [
        PageSpec(
            "journal/index.md",
            _("Journal"),
            "journal",
            description=words.journal_description(),
            searchable=False,
        )
    ]
    pages += [
        PageSpec(
            f"journal/{year}/index.md",
            _("Journal %(year)s", year=year),
            "year",
            in_nav=False,
            searchable=False,
            year=year,
        )
        for year in sorted({e.day.year for e in public.published}, reverse=True)
    ]
    return pages


def _help_pages(numbers: Numbers) -> list[PageSpec]:
    """How I helped, a page per roundup with public acts, and a review per year."""
    pages = []
    if numbers.acts:
        pages.append(
            PageSpec(
                "helped/index.md",
                words.helped_title(),
                "helped",
                description=words.helped_description(numbers.acts),
            )
        )
    pages += [
        PageSpec(
            roundup.uri,
            words.roundup_title(roundup),
            "roundup",
            in_nav=False,
            searchable=False,  # the help it lists is indexed on the entries' pages
            description=words.roundup_summary(roundup),
            roundup=roundup,
        )
        for roundup in numbers.public_roundups
    ]
    pages += [
        PageSpec(
            review.uri,
            words.review_title(review),
            "review",
            in_nav=False,
            description=words.review_summary(review),
            review=review,
        )
        for review in numbers.reviews
    ]
    return pages


def _entry_pages(public: Publication, bodies: dict[str, Rewritten]) -> list[PageSpec]:
    """A page per published entry, out of the nav (the archive lists them)."""
    return [
        PageSpec(
            entry.uri,
            words.entry_title(entry),
            "entry",
            bodies[entry.uri].markdown,
            entry.source,
            in_nav=False,
            draft=public.is_draft(entry),
            description=markdown_summary(entry.body),
            entry=entry,
        )
        for entry in public.published
    ]
