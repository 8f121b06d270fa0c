"""Read goals/ and journal/ into the model: every file checked, every problem collected, none fatal."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from .contract import read_entry, read_goal
from .fields import did_you_mean
from .files import JournalFiles, display_path, list_files, slugify
from .model import Entry, Goal, Journal, Problem, Reading
from .settings import Folders

# read(path, kind, folders) -> what one goal ("goal") or entry ("entry") file gives; a host may cache it
ReadFile = Callable[[Path, str, Folders], Reading]


def read_file(path: Path, kind: str, folders: Folders) -> Reading:
    """Read one goal or entry file."""
    display = display_path(path, folders.root)
    return read_goal(path, display) if kind == "goal" else read_entry(path, display, folders.tz)


def read_journal(folders: Folders, read: ReadFile = read_file, files: JournalFiles | None = None) -> Journal:
    """Read and check every goal and entry; collect all problems instead of stopping at the first."""
    files = files or list_files(folders.goals_dir, folders.journal_dir, folders.root, folders.pages_dir)
    problems = _link_problems(files, folders.root)
    goals: dict[str, Goal] = {}
    unread: set[str] = set()  # the ids that goal files with errors would have had
    for path in files.goals:
        reading = read(path, "goal", folders)
        problems += reading.problems
        goal = reading.item
        if not isinstance(goal, Goal):
            unread |= {path.stem, slugify(path.stem)}
            continue
        if goal.id in goals:
            first = display_path(goals[goal.id].source, folders.root)
            message = f"goal id '{goal.id}' is already used by {first}: rename one file"
            problems.append(Problem(display_path(path, folders.root), 1, message))
            continue
        goals[goal.id] = goal
    entries: list[Entry] = []
    for path in files.entries:
        reading = read(path, "entry", folders)
        problems += reading.problems
        if isinstance(reading.item, Entry):
            entries.append(reading.item)
    entries = _spread_date_only(entries)
    problems += _check_references(goals, entries, folders.root, unread - set(goals))
    return Journal(
        goals=dict(sorted(goals.items())),
        entries=tuple(sorted(entries, key=lambda e: (e.moment, e.slug))),
        problems=tuple(sorted(problems, key=lambda p: (p.path, p.line))),
        assets=files.assets,
        pages=files.pages,
    )


def _link_problems(files: JournalFiles, root: Path) -> list[Problem]:
    """Links in goals/ and journal/ that lead out of the project, or to nothing."""
    problems = []
    for out in files.outside:
        what = "folder" if out.folder else "file"
        problems.append(
            Problem(
                display_path(out.path, root),
                1,
                f"this {what} is a link to {out.target}, outside the project folder, so it is not read: "
                f"the journal publishes only files inside {root}; copy the {what} in, or remove the link",
            )
        )
    for path in files.broken:
        problems.append(
            Problem(
                display_path(path, root),
                1,
                f"this is a link to {path.resolve()}, which does not exist: fix the link or remove it",
                "warning",
            )
        )
    return problems


def _spread_date_only(entries: list[Entry]) -> list[Entry]:
    """Entries with only a date get 12:00 local time, one second apart in slug order: distinct, stable times."""
    dated = sorted((e for e in entries if not e.has_time), key=lambda e: (e.day, e.slug))
    spread = []
    for _, same_day in itertools.groupby(dated, key=lambda e: e.day):
        for rank, entry in enumerate(same_day):
            noon = entry.moment.replace(hour=12, minute=rank // 60 % 60, second=rank % 60)
            spread.append(replace(entry, moment=noon))
    return [e for e in entries if e.has_time] + spread


def _check_references(
    goals: dict[str, Goal], entries: list[Entry], root: Path, unread: set[str]
) -> list[Problem]:
    """What entries refer to across files: goal ids, metric ids, unique URLs.

    Goal ids in `unread` belong to goal files that have errors: those errors say it all, so entries
    that link them get no error of their own for it."""
    problems: list[Problem] = []
    by_uri: dict[str, Entry] = {}
    for entry in entries:
        display = display_path(entry.source, root)
        problems += _goal_references(entry, display, goals, unread)
        if all(g in goals for g in entry.goals):  # else the goal's problem comes first: fix that
            problems += _metric_references(entry, display, goals)
        other = by_uri.setdefault(entry.uri, entry)
        if other is not entry:
            problems.append(
                Problem(
                    display,
                    1,
                    f"this entry gets the same address as {display_path(other.source, root)} "
                    f"(/{entry.uri.removesuffix('.md')}/): change the slug in one file name",
                )
            )
    return problems


def _goal_references(entry: Entry, display: str, goals: dict[str, Goal], unread: set[str]) -> list[Problem]:
    """The goals an entry links: known, and started by the entry's day."""
    problems = []
    for goal_id in entry.goals:
        line = entry.lines.get(f"goals.{goal_id}", 1)
        if goal_id in unread:
            continue
        if goal_id not in goals:
            message = (
                f"unknown goal '{goal_id}'{did_you_mean(goal_id, goals)}: "
                f"goals are the file names in goals/ ({', '.join(sorted(goals)) or 'none yet'})"
            )
            problems.append(Problem(display, line, message))
        elif entry.day < goals[goal_id].started:
            message = (
                f"this entry ({entry.day}) is dated before goal '{goal_id}' started "
                f"({goals[goal_id].started}), so it does not count for it: fix the date, or the goal's 'started'"
            )
            problems.append(Problem(display, line, message, "warning"))
    return problems


def _metric_references(entry: Entry, display: str, goals: dict[str, Goal]) -> list[Problem]:
    """The numbers an entry reports: each one a metric of a goal it links."""
    known = {i for g in entry.goals for i in goals[g].inputs}
    problems = []
    for metric_id in entry.metrics:
        if metric_id not in known:
            if not entry.goals:
                where = "the entry links no goal"
            else:
                where = f"the linked goals track {', '.join(sorted(known)) or 'no numbers of their own'}"
            message = (
                f"unknown metric '{metric_id}'{did_you_mean(metric_id, known)}: {where}; "
                "link a goal that tracks it in 'goals:' or add it to a goal's metrics"
            )
            problems.append(Problem(display, entry.lines.get(f"metrics.{metric_id}", 1), message))
    return problems
