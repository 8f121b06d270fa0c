"""Read goals/ and journal/ into the model: every file checked, every problem collected, none fatal."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from .contract import read_entry, read_goal
from .fields import did_you_mean
from .files import JournalFiles, display_path, list_files
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
    files = files or list_files(folders.goals_dir, folders.journal_dir)
    problems: list[Problem] = []
    goals: dict[str, Goal] = {}
    for path in files.goals:
        reading = read(path, "goal", folders)
        problems += reading.problems
        goal = reading.item
        if not isinstance(goal, Goal):
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
    problems += _check_references(goals, entries, folders.root)
    return Journal(
        goals=dict(sorted(goals.items())),
        entries=tuple(sorted(entries, key=lambda e: (e.moment, e.slug))),
        problems=tuple(sorted(problems, key=lambda p: (p.path, p.line))),
        assets=files.assets,
    )


def _spread_date_only(entries: list[Entry]) -> list[Entry]:
    """Entries with only a date get 12:00 local time, one second apart in slug order: distinct, stable times."""
    dated = sorted((e for e in entries if not e.has_time), key=lambda e: (e.day, e.slug))
    spread = []
    for _, same_day in itertools.groupby(dated, key=lambda e: e.day):
        for rank, entry in enumerate(same_day):
            noon = entry.moment.replace(hour=12, minute=rank // 60 % 60, second=rank % 60)
            spread.append(replace(entry, moment=noon))
    return [e for e in entries if e.has_time] + spread


def _check_references(goals: dict[str, Goal], entries: list[Entry], root: Path) -> list[Problem]:
    """What entries refer to across files: goal ids, metric ids, unique URLs."""
    problems: list[Problem] = []
    by_uri: dict[str, Entry] = {}
    for entry in entries:
        display = display_path(entry.source, root)
        for goal_id in entry.goals:
            if goal_id not in goals:
                problems.append(
                    Problem(
                        display,
                        entry.lines.get(f"goals.{goal_id}", 1),
                        f"unknown goal '{goal_id}'{did_you_mean(goal_id, goals)}: "
                        f"goals are the file names in goals/ ({', '.join(sorted(goals)) or 'none yet'})",
                    )
                )
            elif entry.day < goals[goal_id].started:
                problems.append(
                    Problem(
                        display,
                        entry.lines.get(f"goals.{goal_id}", 1),
                        f"this entry ({entry.day}) is dated before goal '{goal_id}' started "
                        f"({goals[goal_id].started}), so it does not count for it: "
                        "fix the date, or the goal's 'started'",
                        "warning",
                    )
                )
        known = {i for g in entry.goals if g in goals for i in goals[g].inputs}
        for metric_id in entry.metrics:
            if metric_id not in known:
                hint = did_you_mean(metric_id, known)
                tracked = ", ".join(sorted(known)) or "none"
                problems.append(
                    Problem(
                        display,
                        entry.lines.get(f"metrics.{metric_id}", 1),
                        f"unknown metric '{metric_id}'{hint}: the linked goals track {tracked}; "
                        "link a goal that tracks it in 'goals:' or add it to a goal's metrics",
                    )
                )
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
