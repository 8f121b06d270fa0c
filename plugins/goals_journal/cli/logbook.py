"""`goals log`: add numbers, an act of help and a note to the day's entry in one line.

The edited file is read back exactly as `goals check` reads the journal before anything is written,
and written in one step (a new file next to it, then renamed over it)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import secrets
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from ..core.contract import read_entry
from ..core.fields import did_you_mean
from ..core.files import JournalFiles, display_path, list_files, slugify
from ..core.model import Entry, Goal, Journal, Metric, Reading
from ..core.progress import GoalProgress, goal_progress
from ..core.reader import read_file, read_journal
from ..core.settings import Folders, Settings
from ..core.vocabulary import HELP_KINDS
from ..pages.recipe import Prepared, prepare
from ..pages.words import short_date, status_text
from ..pages.words.metrics import metric_words
from .errors import CommandError
from .frontedit import Changes, edit_entry
from .project import load_project, shown
from .reports import problem_line
from .writing import chosen_goals, free_entry_path

_AMOUNT = re.compile(r"^(?P<id>[^=\s]+)=(?P<number>\d+(?:\.\d+)?|\.\d+)$")
SLUG_WORDS = 6  # a new entry's file name: the first words of --note, else "log"
NEW_ENTRY = b"---\n---\n"  # what a new entry starts from before the changes are made in it


@dataclass(frozen=True)
class Request:
    """What `goals log` was asked to add."""

    amounts: dict[str, float]  # metric id -> amount to add, in the order given
    goals: tuple[str, ...]  # --goal ids
    helped: dict[str, str] | None
    note: str


def run_log(args: argparse.Namespace) -> int:
    """Add the numbers, act and note to the day's entry (or a new one), print it and the goals' new state."""
    request = parse_request(args)
    settings = load_project(args.config).settings()
    folders = settings.folders
    files = list_files(folders.goals_dir, folders.journal_dir, folders.root, folders.pages_dir)
    journal = read_journal(folders, files=files)
    day = args.date or dt.datetime.now(folders.tz).date()
    explicit = [goal.id for goal in chosen_goals(request.goals, journal, folders.goals_dir)]
    owners = metric_owners(request.amounts, journal)
    wanted = list(
        dict.fromkeys([*explicit, *(g for ids in owners.values() for g in _narrowed(ids, explicit))])
    )
    entry = chosen_entry(journal, day, wanted)
    linked = list(entry.goals) if entry else []
    goals = list(
        dict.fromkeys([*explicit, *(g for ids in owners.values() for g in _for(ids, explicit, linked))])
    )
    added = tuple(g for g in goals if g not in linked)
    if entry is None:
        slug = slugify(" ".join(request.note.split()[:SLUG_WORDS])) or "log"
        path, before = free_entry_path(folders.journal_dir, day, slug, journal), None
        metrics = dict(request.amounts)
    else:
        path, before = entry.source, entry.source.read_bytes()
        metrics = {k: entry.metrics.get(k, 0.0) + n for k, n in request.amounts.items()}
    changes = Changes(added, metrics, request.helped, request.note)
    where = display_path(path, folders.root)
    text = edit_entry(before if before is not None else NEW_ENTRY, changes, where)
    as_of = replace(settings, today=max(settings.today, day))  # so that a later day's numbers show
    prepared = checked(as_of, files, path, text, new=before is None)
    write_atomically(path, text, before)
    print(shown(path))
    for problem in prepared.warnings:
        if problem.path == where:
            print(problem_line(problem), file=sys.stderr)
    final = [*linked, *added]
    for line in state_lines(prepared, as_of, final, request, explicit, added, settings.today):
        print(line)
    return 0


def parse_request(args: argparse.Namespace) -> Request:
    """The command line's numbers, act of help and note, checked (usage errors have code 2)."""
    amounts: dict[str, float] = {}
    for text in args.amounts:
        found = _AMOUNT.match(text.strip())
        if not found:
            raise CommandError(
                f"'{text}' is not METRIC=N with a plain number 0 or more, e.g. reach_out=3 or minutes=12.5", 2
            )
        amounts[found["id"]] = amounts.get(found["id"], 0.0) + float(found["number"])
    helped = _helped(args)
    note = args.note.replace("\r\n", "\n").strip() if args.note is not None else ""
    if args.note is not None and not note:
        raise CommandError("--note needs some text, e.g. --note 'Spent the evening on the forum'", 2)
    if not (amounts or args.goals or helped or note):
        raise CommandError("nothing to log: give METRIC=N, --goal ID, --helped HOW or --note TEXT", 2)
    return Request(amounts, tuple(args.goals), helped, note)


def _helped(args: argparse.Namespace) -> dict[str, str] | None:
    """The one act of help of --helped with --who, --kind, --where and --link."""
    extras = {k: v for k in ("who", "kind", "where", "link") if (v := getattr(args, k)) is not None}
    if len(args.helped) > 1:
        raise CommandError("give one --helped at a time (with its --who, --kind, --where, --link)", 2)
    if not args.helped:
        if extras:
            raise CommandError(
                f"--{next(iter(extras))} describes an act of help: add --helped 'how you helped'", 2
            )
        return None
    item = {"how": " ".join(args.helped[0].split())}
    item.update({k: " ".join(v.split()) for k, v in extras.items()})
    if not item["how"]:
        raise CommandError("--helped needs the help itself, e.g. --helped 'Answered her question'", 2)
    if "kind" in item and item["kind"] not in HELP_KINDS:
        raise CommandError(
            f"--kind '{item['kind']}' is not a kind{did_you_mean(item['kind'], HELP_KINDS)}: "
            f"use {', '.join(HELP_KINDS)}",
            2,
        )
    link = urlsplit(item.get("link", "http://x"))
    if link.scheme.lower() not in ("http", "https") or not link.netloc:
        raise CommandError(f"--link '{item['link']}' must be an http:// or https:// address", 2)
    return {k: v for k, v in item.items() if v}


def metric_owners(amounts: Iterable[str], journal: Journal) -> dict[str, list[str]]:
    """The goals that track each metric id (or have it as a ratio part); unknown ids are usage errors."""
    trackers: dict[str, list[str]] = {}
    counted: dict[str, tuple[Goal, Metric]] = {}
    for goal in journal.goals.values():
        for metric in goal.metrics:
            for metric_id in metric.inputs:
                trackers.setdefault(metric_id, []).append(goal.id)
            if metric.count:
                counted.setdefault(metric.id, (goal, metric))
    owners = {}
    for metric_id in amounts:
        if metric_id in trackers:
            owners[metric_id] = list(dict.fromkeys(trackers[metric_id]))
        elif metric_id in counted:
            goal, metric = counted[metric_id]
            how = "add an act with --helped 'how'" if metric.count == "helped" else "log anything for the day"
            raise CommandError(
                f"metric '{metric_id}' of goal '{goal.id}' counts {metric.count} by itself: {how}", 2
            )
        else:
            known = ", ".join(sorted(trackers)) or "none"
            unread = " (goal files with errors are not read: run 'goals check')" if journal.errors else ""
            raise CommandError(
                f"unknown metric '{metric_id}'{did_you_mean(metric_id, trackers)}: the goals track {known}{unread}",
                2,
            )
    return owners


def _narrowed(owners: list[str], explicit: list[str]) -> list[str]:
    """The goals a metric goes to: those of --goal that track it, else every goal that tracks it."""
    return [g for g in owners if g in explicit] or owners


def _for(owners: list[str], explicit: list[str], linked: list[str]) -> list[str]:
    """As `_narrowed`, but a metric that a goal the entry links already tracks needs no new goal."""
    return [g for g in owners if g in explicit] or [g for g in owners if g in linked] or owners


def chosen_entry(journal: Journal, day: dt.date, goals: Sequence[str]) -> Entry | None:
    """The day's entry to edit: the one linking most of `goals`, the first by file name among equals.
    Drafts are left alone (their numbers do not count until they are published)."""
    same_day = sorted(
        (e for e in journal.entries if e.day == day and not e.draft),
        key=lambda e: (e.source.name, e.source.as_posix()),
    )
    if not same_day:
        return None
    return max(same_day, key=lambda e: len(set(goals) & set(e.goals)))  # max keeps the first of equals


def checked(settings: Settings, files: JournalFiles, path: Path, text: bytes, new: bool) -> Prepared:
    """The journal read and planned as it would be with `text` at `path`; its errors stop everything."""
    if new:
        files = replace(files, entries=sorted([*files.entries, path]))
    with tempfile.TemporaryDirectory(prefix="goals-log-") as folder:
        copy = Path(folder) / path.name  # the same name: the date and slug come from it
        copy.write_bytes(text)

        def read(source: Path, kind: str, where: Folders) -> Reading:
            if kind != "entry" or source != path:
                return read_file(source, kind, where)
            reading = read_entry(copy, display_path(path, where.root), where.tz)
            item = replace(reading.item, source=path) if isinstance(reading.item, Entry) else None
            return Reading(item, reading.problems)

        prepared = prepare(settings, read=read, files=files)
    errors = prepared.errors
    if errors:
        more = f" (and {len(errors) - 1} more: run 'goals check')" if len(errors) > 1 else ""
        raise CommandError(f"{errors[0]}{more}; nothing was written")
    return prepared


def write_atomically(path: Path, text: bytes, before: bytes | None) -> None:
    """Write `text` to a hidden file beside `path`, then put it in place in one step: a new file never
    replaces one that appeared meanwhile, an edited one only if nobody changed it meanwhile."""
    if before is not None:
        path = path.resolve()  # an entry that is a link inside the project: write the file it leads to
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with temporary.open("xb") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        if before is None:
            try:
                os.link(temporary, path)  # fails if the file exists
            except FileExistsError:
                raise CommandError(
                    f"{shown(path)} appeared meanwhile: nothing was written; run goals log again"
                ) from None
            except OSError:  # a file system without hard links: create it, never replacing one
                with path.open("xb") as file:
                    file.write(text)
        else:
            if path.read_bytes() != before:
                raise CommandError(
                    f"{shown(path)} changed meanwhile: nothing was written; run goals log again"
                )
            os.chmod(temporary, path.stat().st_mode & 0o7777)
            os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


# the goals' new state ----------------------------------------------------------------------------


def state_lines(
    prepared: Prepared,
    settings: Settings,
    goals: Sequence[str],
    request: Request,
    explicit: Sequence[str],
    added: Sequence[str],
    site_today: dt.date,
) -> list[str]:
    """One line per goal the log changed: its title and each changed metric in the site's words."""
    site, journal = prepared.site, prepared.journal
    assert site is not None  # prepared has no errors
    later = f" (as of {short_date(settings.today)})" if settings.today != site_today else ""
    lines = []
    for goal_id in goals:
        goal = journal.goals[goal_id]
        progress = site.progress.get(goal_id) or _private_progress(goal, prepared, settings)
        metrics = [m for m in progress.metrics if _changed(m.metric, request, goal_id in added)]
        if not metrics and goal_id not in explicit and goal_id not in added:
            continue
        words = "; ".join(metric_words(m) for m in metrics) or status_text(progress)
        lines.append(f"{goal.title}: {words}{later}")
    return lines


def _private_progress(goal: Goal, prepared: Prepared, settings: Settings) -> GoalProgress:
    """A private goal's numbers (the site has none), counted as the site counts the others."""
    assert prepared.site is not None
    counted = prepared.site.public.counted
    return goal_progress(goal, counted, settings.today, settings.week_start, settings.count_private)


def _changed(metric: Metric, request: Request, linked_now: bool) -> bool:
    """Whether the log changed this metric of a goal the entry links."""
    if metric.count == "entries":
        return linked_now
    if metric.count == "helped":
        kind = (request.helped or {}).get("kind", "other")
        return request.helped is not None and metric.kind in (None, kind)
    return bool(set(metric.inputs) & set(request.amounts))
