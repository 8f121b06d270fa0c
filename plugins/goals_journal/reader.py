"""Read goals/ and journal/ into the model, checking every file against the front-matter contract."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .cores import second_core
from .fields import Fields, did_you_mean
from .frontmatter import Document, FrontMatterError, decode, parse
from .model import (
    COUNTS,
    HELP_KINDS,
    PERIODS,
    STATUSES,
    WEEKDAYS,
    Entry,
    Goal,
    Helped,
    Journal,
    Metric,
    Problem,
    Ratio,
)

GOAL_KEYS = (
    "title",
    "status",
    "started",
    "due",
    "achieved",
    "why",
    "tags",
    "rest_days",
    "metrics",
    "private",
)
METRIC_KEYS = ("label", "target", "per", "count", "kind", "ratio")
ENTRY_KEYS = ("title", "date", "goals", "metrics", "helped", "tags", "rest", "draft", "private")
HELPED_KEYS = ("who", "how", "kind", "where", "link", "private")

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_METRIC_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")
_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[-_ ](.*))?$")
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$")


ReadCache = dict[Path, tuple[tuple[int, int, str], "Goal | Entry | None", list[Problem]]]
PARALLEL_FROM = 400  # entries to read: from this many, a second core reads half of them


def _key(path: Path, tz: ZoneInfo) -> tuple[int, int, str]:
    """What a cached reading of a file depends on: its time and size, and the time zone."""
    stat = path.stat()
    return (stat.st_mtime_ns, stat.st_size, str(tz))


def _read_entries(paths: list[Path], root: Path, tz: ZoneInfo) -> ReadCache:
    """Read some entries, as cache items (also run in a worker process for half of a big journal)."""
    done: ReadCache = {}
    for path in paths:
        problems: list[Problem] = []
        done[path] = (_key(path, tz), read_entry(path, display_path(path, root), tz, problems), problems)
    return done


def _read_ahead(paths: list[Path], root: Path, tz: ZoneInfo, cache: ReadCache) -> None:
    """Read the entries not in the cache into it, half of them on a second core when there are many."""
    todo = [p for p in paths if p not in cache or cache[p][0] != _key(p, tz)]
    pool = second_core() if len(todo) >= PARALLEL_FROM else None
    if pool is None:
        return
    half = len(todo) // 2
    with pool:
        later = pool.submit(_read_entries, todo[half:], root, tz)
        cache.update(_read_entries(todo[:half], root, tz))
        cache.update(later.result())


def read_journal(
    goals_dir: Path,
    journal_dir: Path,
    root: Path,
    tz: ZoneInfo,
    cache: ReadCache | None = None,
    parallel: bool = False,
) -> Journal:
    """Read and check every goal and entry; collect all problems instead of stopping at the first.

    With a cache (kept by `mkdocs serve` between builds), files unchanged since they were last read
    are not read again. `parallel` lets a second process read half of a big journal."""
    journal = Journal()
    cache = {} if cache is None else cache
    seen: set[Path] = set()
    entry_paths = _markdown_files(journal_dir)
    if parallel:
        _read_ahead(entry_paths, root, tz, cache)

    def read(path: Path, reader: Callable[[Path, str, list[Problem]], Goal | Entry | None]) -> Any:
        """One file's goal or entry, from the cache when its size, time and time zone are unchanged."""
        seen.add(path)
        key = _key(path, tz)
        hit = cache.get(path)
        if hit is None or hit[0] != key:
            problems: list[Problem] = []
            hit = cache[path] = (key, reader(path, display_path(path, root), problems), problems)
        journal.problems.extend(hit[2])
        return hit[1]

    for path in _markdown_files(goals_dir):
        goal = read(path, read_goal)
        if goal is None:
            continue
        if goal.id in journal.goals:
            first = display_path(journal.goals[goal.id].source, root)
            journal.problems.append(
                Problem(
                    display_path(path, root),
                    1,
                    f"goal id '{goal.id}' is already used by {first}: rename one file",
                )
            )
            continue
        journal.goals[goal.id] = goal
    for path in entry_paths:
        entry = read(path, lambda p, d, problems: read_entry(p, d, tz, problems))
        if entry is not None:
            journal.entries.append(entry)
    for gone in set(cache) - seen:
        del cache[gone]
    journal.entries = _spread_date_only(journal.entries)
    _check_links(journal, root)
    journal.goals = dict(sorted(journal.goals.items()))
    journal.entries.sort(key=lambda e: (e.moment, e.slug))
    journal.problems.sort(key=lambda p: (p.path, p.line))
    return journal


def _spread_date_only(entries: list[Entry]) -> list[Entry]:
    """Entries with only a date get 12:00 local time, one second apart in slug order: distinct, stable times."""
    dated = sorted((e for e in entries if not e.has_time), key=lambda e: (e.day, e.slug))
    spread = []
    for _, same_day in itertools.groupby(dated, key=lambda e: e.day):
        for rank, entry in enumerate(same_day):
            noon = entry.moment.replace(hour=12, minute=rank // 60 % 60, second=rank % 60)
            spread.append(replace(entry, moment=noon))
    return [e for e in entries if e.has_time] + spread


def visible_files(folder: Path) -> list[Path]:
    """Files below `folder`, sorted, skipping hidden files and folders."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _markdown_files(folder: Path) -> list[Path]:
    """Markdown files below `folder`, sorted, skipping hidden ones."""
    return [p for p in visible_files(folder) if p.suffix == ".md"]


def display_path(path: Path, root: Path) -> str:
    """The path as shown in messages: relative to the project when possible."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _load(path: Path, display: str, problems: list[Problem]) -> Document | None:
    """Read, decode and split one file, recording a problem when that fails."""
    try:
        text = decode(path.read_bytes())
        text = _without_control_characters(text, display, problems)
        if not text.strip():
            problems.append(Problem(display, 1, "the file is empty: add front matter and text, or delete it"))
            return None
        return parse(text)
    except FrontMatterError as error:
        problems.append(Problem(display, error.line, error.message))
    except OSError as error:
        problems.append(Problem(display, 1, f"cannot read the file: {error.strerror}"))
    return None


def _without_control_characters(text: str, display: str, problems: list[Problem]) -> str:
    """Remove characters that XML (and so feeds) forbid, with a warning at the first one."""
    found = _CONTROL.search(text)
    if found is None:
        return text
    line = text.count("\n", 0, found.start()) + 1
    count = len(_CONTROL.findall(text))
    problems.append(
        Problem(
            display,
            line,
            f"removed {count} invisible control character{'s' if count != 1 else ''} "
            f"(first: U+{ord(found.group()):04X}) that feeds cannot carry: re-save the file without them",
            "warning",
        )
    )
    return _CONTROL.sub("", text)


def read_goal(path: Path, display: str, problems: list[Problem]) -> Goal | None:
    """Read one goal file; None when it has errors (which are recorded)."""
    doc = _load(path, display, problems)
    if doc is None:
        return None
    fields = Fields(doc, display, problems)
    if doc.node is None:
        fields.error(
            "a goal needs front matter: start the file with '---', title: ..., started: YYYY-MM-DD, '---'"
        )
        return None
    goal_id = path.stem
    if not _ID.match(goal_id):
        fields.error(
            f"the goal id '{goal_id}' (the file name) must use lowercase letters, digits, '-' or '_': "
            f"rename the file to {slugify(goal_id) or 'my-goal'}.md"
        )
    fields.unknown_keys(doc.data, GOAL_KEYS)
    title = fields.text(("title",), required=True)
    status = fields.choice(("status",), STATUSES, "active") or "active"
    started = fields.date(("started",), required=True)
    due = fields.date(("due",))
    achieved = fields.date(("achieved",))
    if started and due and due < started:
        fields.error(f"'due' ({due}) is before 'started' ({started}): fix one of them", ("due",))
    if achieved and status != "achieved":
        fields.error(
            "'achieved' goes with 'status: achieved': set the status or remove the date",
            ("achieved",),
        )
    if started and achieved and achieved < started:
        fields.error(f"'achieved' ({achieved}) is before 'started' ({started})", ("achieved",))
    if status == "achieved" and achieved is None:
        fields.warn("status is achieved but no date is given: add achieved: YYYY-MM-DD", ("status",))
    rest_days = _rest_days(fields)
    metrics = tuple(
        _metric(fields, key)
        for key in fields.mapping(("metrics",), "metrics: {helped: {target: 150, count: helped}}")
    )
    if fields.failed or started is None:
        return None
    return Goal(
        id=goal_id,
        title=title,
        started=started,
        source=path,
        status=status,
        due=due,
        achieved=achieved,
        why=fields.text(("why",)),
        tags=fields.words(("tags",)),
        rest_days=rest_days,
        metrics=tuple(m for m in metrics if m is not None),
        body=doc.body,
        body_line=doc.body_line,
        private=fields.flag(("private",)),
    )


def _rest_days(fields: Fields) -> frozenset[int]:
    """Weekday numbers (Monday = 0) from names such as sat, sun or Saturday."""
    days: set[int] = set()
    for index, word in enumerate(fields.words(("rest_days",))):
        name = word.lower()
        if name in WEEKDAYS or name in _WEEKDAY_NAMES:
            days.add(WEEKDAYS.index(name[:3]))
        else:
            fields.error(
                f"rest day '{word}' is not a weekday: use {', '.join(WEEKDAYS)}",
                ("rest_days", index),
            )
    if len(days) == 7:
        fields.error(
            "every weekday is a rest day: leave at least one day to work on the goal",
            ("rest_days",),
        )
    return frozenset(days)


def _metric(fields: Fields, key: Any) -> Metric | None:
    """Read one metric spec of a goal."""
    path: tuple[str | int, ...] = ("metrics", str(key))
    metric_id = str(key)
    if not _METRIC_ID.match(metric_id):
        fields.error(f"metric id '{metric_id}' may only use letters, digits, '_' and '-'", path)
        return None
    spec = fields.mapping(path, f"{metric_id}: {{label: ..., target: 10}}")
    if not spec:
        if fields.get(path) is None:
            fields.error(
                f"metric '{metric_id}' needs a spec, e.g. {metric_id}: {{label: ..., target: 10}}",
                path,
            )
        return None
    fields.unknown_keys(spec, METRIC_KEYS, path)
    label = fields.text((*path, "label"), default=metric_id.replace("_", " ").replace("-", " ").capitalize())
    target = fields.number((*path, "target"), positive=True)
    per = fields.choice((*path, "per"), PERIODS, None)
    count = fields.choice((*path, "count"), COUNTS, None)
    kind = fields.choice((*path, "kind"), HELP_KINDS, None)
    ratio = _ratio(fields, (*path, "ratio")) if "ratio" in spec else None
    if kind and count != "helped":
        fields.error("'kind' only works with 'count: helped'", (*path, "kind"))
    if ratio and (count or per):
        fields.error("a ratio metric cannot also have 'count' or 'per': remove them", (*path, "ratio"))
    if per and target is None:
        fields.error(f"a metric with 'per: {per}' needs a target: add target: N", (*path, "per"))
    return Metric(metric_id, label, target, per, count, kind, ratio)


def _ratio(fields: Fields, path: tuple[str | int, ...]) -> Ratio | None:
    """Read a ratio spec: {part: id or [ids], whole: [ids]}."""
    spec = fields.mapping(path, "ratio: {part: shared_others, whole: [shared_others, shared_own]}")
    fields.unknown_keys(spec, ("part", "whole"), path)
    sides: list[tuple[str, ...]] = []
    for side in ("part", "whole"):
        value = spec.get(side)
        ids = (str(value),) if isinstance(value, str | int) else fields.words((*path, side))
        if not ids:
            fields.error(f"a ratio needs '{side}': the entry metric id(s) to add up", path)
        sides.append(ids)
    return Ratio(sides[0], sides[1]) if all(sides) else None


def read_entry(path: Path, display: str, tz: ZoneInfo, problems: list[Problem]) -> Entry | None:
    """Read one journal entry; None when it has errors (which are recorded)."""
    doc = _load(path, display, problems)
    if doc is None:
        return None
    fields = Fields(doc, display, problems)
    fields.unknown_keys(doc.data, ENTRY_KEYS)
    name_day, slug = _name_parts(path, fields)
    when = fields.moment(("date",))
    if when is None and name_day is None and "date" not in doc.data and not _DATED_NAME.match(path.stem):
        fields.error("the entry has no date: add date: YYYY-MM-DD, or name the file YYYY-MM-DD-slug.md")
    if when is not None and name_day is not None:
        written = when.date() if isinstance(when, dt.datetime) else when
        if written != name_day:
            fields.error(
                f"'date' ({written}) disagrees with the date in the file name ({name_day}): fix one of them",
                ("date",),
            )
    title = fields.text(("title",)) or _first_heading(doc.body)
    goals = fields.words(("goals",))
    metrics = {
        str(k): v
        for k in fields.mapping(("metrics",), "metrics: {reach_out: 3}")
        if (v := fields.number(("metrics", str(k)))) is not None
    }
    helped = _helped_list(fields)
    flags = {name: fields.flag((name,)) for name in ("rest", "draft", "private")}
    tags = fields.words(("tags",))
    lines = {"goals": doc.line("goals"), "metrics": doc.line("metrics")}
    lines.update({f"goals.{goal}": doc.line("goals", i) for i, goal in enumerate(goals)})
    lines.update({f"metrics.{key}": doc.line("metrics", key) for key in metrics})
    when = when if when is not None else name_day
    if fields.failed or when is None:
        return None
    moment, has_time = _aware(when, tz)
    day = moment.date()
    return Entry(
        source=path,
        slug=slug,
        day=day,
        moment=moment,
        title=title or f"{day:%A} {day.day} {day:%B %Y}",
        has_time=has_time,
        goals=goals,
        metrics=metrics,
        helped=helped,
        tags=tags,
        body=doc.body,
        body_line=doc.body_line,
        lines=lines,
        **flags,
    )


def _name_parts(path: Path, fields: Fields) -> tuple[dt.date | None, str]:
    """The date and slug that the file name YYYY-MM-DD-slug.md gives."""
    match = _DATED_NAME.match(path.stem)
    if not match:
        return None, slugify(path.stem) or "entry"
    try:
        day = dt.date.fromisoformat(match.group(1))
    except ValueError as error:
        fields.error(
            f"the file name starts with {match.group(1)}, which is not a real date ({error}): rename the file"
        )
        day = None
    return day, slugify(match.group(2) or "") or "entry"


def _first_heading(body: str) -> str:
    """The text of a leading '# Heading' line of the body, if any."""
    for line in body.split("\n"):
        if line.strip():
            match = _HEADING.match(line.strip())
            return match.group(1) if match else ""
    return ""


def _aware(when: dt.date | dt.datetime, tz: ZoneInfo) -> tuple[dt.datetime, bool]:
    """A timezone-aware moment in the site time zone; date-only entries sit at local midnight."""
    if isinstance(when, dt.datetime):
        local = when.replace(tzinfo=tz) if when.tzinfo is None else when.astimezone(tz)
        return local, True
    return dt.datetime(when.year, when.month, when.day, tzinfo=tz), False


def _helped_list(fields: Fields) -> tuple[Helped, ...]:
    """Read the entry's helped: list."""
    value = fields.get(("helped",))
    if value is None:
        return ()
    if not isinstance(value, list):
        fields.error("'helped' must be a list of items, each starting with '- how: ...'", ("helped",))
        return ()
    items = []
    for index, item in enumerate(value):
        path: tuple[str | int, ...] = ("helped", index)
        if not isinstance(item, dict):
            fields.error(
                f"helped item {index + 1} must be a mapping such as '- how: Answered a question'",
                path,
            )
            continue
        fields.unknown_keys(item, HELPED_KEYS, path)
        items.append(
            Helped(
                how=fields.text((*path, "how"), required=True),
                who=fields.text((*path, "who")),
                kind=fields.choice((*path, "kind"), HELP_KINDS, "other") or "other",
                where=fields.text((*path, "where")),
                link=fields.link((*path, "link")),
                private=fields.flag((*path, "private")),
            )
        )
    return tuple(items)


def _check_links(journal: Journal, root: Path) -> None:
    """Check what entries refer to across files: goal ids, metric ids, unique URLs."""
    by_uri: dict[str, Entry] = {}
    for entry in journal.entries:
        display = display_path(entry.source, root)
        for goal_id in entry.goals:
            if goal_id not in journal.goals:
                journal.problems.append(
                    Problem(
                        display,
                        entry.lines.get(f"goals.{goal_id}", 1),
                        f"unknown goal '{goal_id}'{did_you_mean(goal_id, journal.goals)}: "
                        f"goals are the file names in goals/ ({', '.join(sorted(journal.goals)) or 'none yet'})",
                    )
                )
            elif entry.day < journal.goals[goal_id].started:
                journal.problems.append(
                    Problem(
                        display,
                        entry.lines.get(f"goals.{goal_id}", 1),
                        f"this entry ({entry.day}) is dated before goal '{goal_id}' started "
                        f"({journal.goals[goal_id].started}), so it does not count for it: "
                        "fix the date, or the goal's 'started'",
                        "warning",
                    )
                )
        known = {i for g in entry.goals if g in journal.goals for i in journal.goals[g].inputs}
        for metric_id in entry.metrics:
            if metric_id not in known:
                hint = did_you_mean(metric_id, known)
                tracked = ", ".join(sorted(known)) or "none"
                journal.problems.append(
                    Problem(
                        display,
                        entry.lines.get(f"metrics.{metric_id}", 1),
                        f"unknown metric '{metric_id}'{hint}: the linked goals track {tracked}; "
                        "link a goal that tracks it in 'goals:' or add it to a goal's metrics",
                    )
                )
        other = by_uri.setdefault(entry.uri, entry)
        if other is not entry:
            journal.problems.append(
                Problem(
                    display,
                    1,
                    f"this entry gets the same address as {display_path(other.source, root)} "
                    f"(/{entry.uri.removesuffix('.md')}/): change the slug in one file name",
                )
            )


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
