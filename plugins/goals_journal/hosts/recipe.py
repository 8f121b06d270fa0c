"""The build as every host runs it: read, decide what is public, count and plan; then what to stop on."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import Findings, Journal, Problem
from ..core.settings import Settings
from ..pages.site import Site, build_site
from ..speed.memory import BuildMemory
from ..speed.reading import read_remembered


@dataclass(frozen=True)
class Prepared(Findings):
    """The journal read and, when it has no errors, the site planned; every problem found on the way."""

    journal: Journal
    site: Site | None
    problems: tuple[Problem, ...]


def prepare(settings: Settings, memory: BuildMemory, parallel: bool) -> Prepared:
    """Read and check every goal and entry, then plan the site (with what `memory` remembers)."""
    journal = read_remembered(settings.folders, memory, parallel)
    site = None if journal.errors else build_site(journal, settings, memory.count_goal)
    return Prepared(journal, site, journal.problems + (site.problems if site else ()))


def stop_message(prepared: Prepared, strict: bool) -> str | None:
    """Why the build stops before writing anything, or None when it goes on."""
    errors, warnings = prepared.errors, prepared.warnings
    if not errors and not (strict and warnings):
        return None
    count = len(errors) or len(warnings)
    what = "error" if errors else "warning"
    return (
        f"goals-journal: {count} {what}{'s' if count != 1 else ''} in the journal (listed above); "
        "nothing was written. Fix them and build again."
    )


def waiting_entries(prepared: Prepared, settings: Settings) -> int:
    """Entries dated after the as-of day, published once their day comes."""
    return sum(1 for e in prepared.journal.entries if e.day > settings.today and not e.draft)
