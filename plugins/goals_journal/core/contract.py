"""The front-matter contract: each goal and entry file checked key by key, with file and line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .fields import Fields
from .files import slugify
from .frontmatter import Document, load
from .model import Entry, Goal, Helped, Metric, Ratio, Reading
from .vocabulary import (
    COUNTS,
    GOAL_ID,
    HELP_KINDS,
    METRIC_ID,
    PERIODS,
    SHORT_NAME_LIMIT,
    SHORT_WEEKDAYS,
    STATUSES,
    WEEKDAYS,
)

GOAL_KEYS = (
    "title",
    "short",
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
ENTRY_KEYS = (
    "title",
    "date",
    "goals",
    "metrics",
    "helped",
    "tags",
    "rest",
    "draft",
    "private",
    "syndication",
    "imported",
    "lang",
)
HELPED_KEYS = ("who", "how", "kind", "where", "link", "private")

LARGEST_ENTRY = 200_000  # characters of text: a longer entry is warned about (feeds carry its summary)
_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[-_ ](.*))?$")
# A BCP 47 language tag: a language, then an optional script, region and variants (de, pt-BR, zh-Hant-TW).
LANGUAGE_TAG = re.compile(
    r"^[A-Za-z]{2,3}(?:[-_][A-Za-z]{4})?(?:[-_](?:[A-Za-z]{2}|\d{3}))?(?:[-_][A-Za-z0-9]{5,8})*$"
)
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$")


def read_goal(path: Path, display: str) -> Reading:
    """Read one goal file: the goal (None when the file has errors) and its problems."""
    loaded = load(path, display)
    doc = loaded.document
    if doc is None:
        return Reading(None, loaded.problems)
    fields = Fields(doc, display, loaded.problems)
    if doc.node is None:
        fields.error(
            "a goal needs front matter: start the file with '---', title: ..., started: YYYY-MM-DD, '---'"
        )
        return Reading(None, tuple(fields.problems))
    goal_id = path.stem
    if not GOAL_ID.match(goal_id):
        fields.error(
            f"the goal id '{goal_id}' (the file name) must use lowercase letters, digits, '-' or '_': "
            f"rename the file to {slugify(goal_id) or 'my-goal'}.md"
        )
    fields.unknown_keys(doc.data, GOAL_KEYS)
    title, short = fields.text(("title",), required=True), _short_name(fields)
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
        return Reading(None, tuple(fields.problems))
    goal = Goal(
        id=goal_id,
        title=title,
        started=started,
        source=path,
        status=status,
        short=short,
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
    return Reading(goal, tuple(fields.problems))


def _short_name(fields: Fields) -> str:
    """The goal's optional short name for chips: one line of at most SHORT_NAME_LIMIT characters."""
    short = fields.text(("short",))
    if "\n" in short:
        fields.error("'short' must be one line: write the short name on the line of short:", ("short",))
        return ""
    if len(short) > SHORT_NAME_LIMIT:
        fields.error(
            f"'short' is {len(short)} characters long, more than the {SHORT_NAME_LIMIT} a short name may "
            f"have: shorten it (e.g. short: {short[:SHORT_NAME_LIMIT].rsplit(' ', 1)[0]!r})",
            ("short",),
        )
        return ""
    return short


def _rest_days(fields: Fields) -> frozenset[int]:
    """Weekday numbers (Monday = 0) from names such as sat, sun or Saturday."""
    days: set[int] = set()
    for index, word in enumerate(fields.words(("rest_days",))):
        name = word.lower()
        if name in SHORT_WEEKDAYS or name in WEEKDAYS:
            days.add(SHORT_WEEKDAYS.index(name[:3]))
        else:
            fields.error(
                f"rest day '{word}' is not a weekday: use {', '.join(SHORT_WEEKDAYS)}",
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
    if not METRIC_ID.match(metric_id):
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


def read_entry(path: Path, display: str, tz: ZoneInfo) -> Reading:
    """Read one journal entry: the entry (None when the file has errors) and its problems."""
    loaded = load(path, display)
    doc = loaded.document
    if doc is None:
        return Reading(None, loaded.problems)
    fields = Fields(doc, display, loaded.problems)
    fields.unknown_keys(doc.data, ENTRY_KEYS)
    _shape_of_the_file(fields, doc)
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
        return Reading(None, tuple(fields.problems))
    moment, has_time = _aware(when, tz)
    entry = Entry(
        source=path,
        slug=slug,
        day=moment.date(),
        moment=moment,
        title=title,
        has_time=has_time,
        goals=goals,
        metrics=metrics,
        helped=helped,
        tags=tags,
        syndication=fields.links(("syndication",)),
        imported=fields.words(("imported",)),
        lang=_language_tag(fields),
        body=doc.body,
        body_line=doc.body_line,
        lines=lines,
        **flags,
    )
    return Reading(entry, tuple(fields.problems))


def _language_tag(fields: Fields) -> str:
    """The entry's `lang:`, a BCP 47 tag such as de or pt-BR, written with a hyphen ("" when none)."""
    tag = fields.text(("lang",))
    if tag and not LANGUAGE_TAG.match(tag):
        fields.error(
            f"'lang' is {tag!r}, not a language tag: write the language of the entry's text as a BCP 47 "
            "tag, such as de, fr or pt-BR",
            ("lang",),
        )
        return ""
    return tag.replace("_", "-")


def _shape_of_the_file(fields: Fields, doc: Document) -> None:
    """A note for a file without front matter, a warning for a huge one."""
    if doc.node is None and doc.body_line == 1:  # no '---' block at all
        fields.note(
            "this file has no front matter, so it is published as an entry with its text only: start it "
            "with '---', title: ..., goals: [...], '---' to give it a title and goals, or move it out of journal/"
        )
    if len(doc.body) > LARGEST_ENTRY:
        fields.warn(
            f"this entry has {len(doc.body):,} characters of text, more than the {LARGEST_ENTRY:,} an entry "
            "may have: feeds carry only its summary; split it, or put long material in a linked file"
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
