"""The first half of every build, and of `goals check`: read, decide what is public, count, plan.

Hosts give it their fast ways of reading and counting (see speed); the result is the same."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.files import JournalFiles, display_path
from ..core.model import Findings, Journal, Problem
from ..core.numbers import CountGoal
from ..core.progress import goal_progress
from ..core.reader import ReadFile, read_file, read_journal
from ..core.settings import Settings
from .plan import INTRO_KINDS
from .site import Site, build_site
from .urls import page_url

SHOWN_PROBLEMS = 10  # a failed build's final message lists this many problems, then a count


@dataclass(frozen=True)
class Prepared(Findings):
    """The journal read and, when it has no errors, the site planned; every problem found on the way."""

    journal: Journal
    site: Site | None
    problems: tuple[Problem, ...]


def prepare(
    settings: Settings,
    read: ReadFile = read_file,
    files: JournalFiles | None = None,
    count_goal: CountGoal = goal_progress,
    config_problems: tuple[Problem, ...] = (),
) -> Prepared:
    """Read and check every goal and entry, then plan the site; `config_problems` come first."""
    journal = read_journal(settings.folders, read, files)
    site = None if journal.errors else build_site(journal, settings, count_goal)
    hidden = _hidden_pages(journal, site, settings) if site else ()
    problems = config_problems + journal.problems + (site.problems if site else ()) + hidden
    return Prepared(journal, site, problems)


def _hidden_pages(journal: Journal, site: Site, settings: Settings) -> tuple[Problem, ...]:
    """Hand-written pages at the address of a generated page: the generated one wins."""
    return tuple(
        Problem(
            display_path(journal.pages[spec.uri], settings.root),
            1,
            f"this page is hidden by the generated {spec.kind} page at the same address "
            f"(/{page_url(spec.uri, settings.directory_urls)}): move or rename it",
            "warning",
        )
        for spec in site.pages.values()
        if spec.uri in journal.pages and spec.kind not in INTRO_KINDS
    )


def stop_message(prepared: Prepared, strict: bool) -> str | None:
    """Why the build stops before writing anything, with the problems themselves; None when it goes on."""
    errors, warnings = prepared.errors, prepared.warnings
    if not errors and not (strict and warnings):
        return None
    stopping = errors or warnings
    count = len(stopping)
    what = "error" if errors else "warning"
    listed = "".join(f"\n  {problem}" for problem in stopping[:SHOWN_PROBLEMS])
    more = f"\n  … and {count - SHOWN_PROBLEMS} more" if count > SHOWN_PROBLEMS else ""
    return (
        f"goals-journal: {count} {what}{'s' if count != 1 else ''} in the journal; nothing was written. "
        f"Fix {'it' if count == 1 else 'them'} and build again:{listed}{more}"
    )


def waiting_entries(prepared: Prepared, settings: Settings) -> int:
    """Entries dated after the as-of day, published once their day comes."""
    return sum(1 for e in prepared.journal.entries if e.day > settings.today and not e.draft)
