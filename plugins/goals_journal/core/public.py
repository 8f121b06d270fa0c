"""What is public: which goals and entries are shown, which count, and which files may be linked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .model import Entry, Goal, Journal
from .settings import Settings


@dataclass(frozen=True)
class Publication:
    """The journal as readers may see it; nothing outside it may reach any page or file."""

    goals: dict[str, Goal]  # the public goals, by id
    published: tuple[Entry, ...]  # entries with a page, oldest first (drafts too while previewing)
    counted: tuple[Entry, ...]  # entries whose numbers count (private ones too with count_private)
    linkable: dict[Path, str]  # a file (resolved) -> the site URI it is published at
    hidden: frozenset[Path]  # files (resolved) that must never be linked: private, drafts, not due
    today: dt.date

    def is_draft(self, entry: Entry) -> bool:
        """Shown only while previewing: a draft, or dated after the as-of day."""
        return entry.draft or entry.day > self.today


def publish(journal: Journal, settings: Settings) -> Publication:
    """Decide what is shown and what counts, as of the settings' day."""
    today = settings.today
    visible = [e for e in journal.entries if settings.serving or not (e.draft or e.day > today)]
    counted = tuple(e for e in visible if settings.count_private or not e.private)
    published = tuple(e for e in visible if not e.private)
    goals = {gid: g for gid, g in journal.goals.items() if not g.private}
    real = {e.source: e.source.resolve() for e in journal.entries}  # once each: resolving asks the disk
    linkable = {path.resolve(): uri for uri, path in journal.pages.items()}  # docs/: the author's own pages
    linkable.update({path.resolve(): uri for uri, path in journal.assets.items()})
    linkable.update({g.source.resolve(): g.uri for g in goals.values()})
    linkable.update({real[e.source]: e.uri for e in published})
    hidden = {g.source.resolve() for g in journal.goals.values() if g.private}
    hidden |= {real[e.source] for e in journal.entries if real[e.source] not in linkable}
    return Publication(goals, published, counted, linkable, frozenset(hidden), today)
