"""The journal's data model: goals, their metrics, entries and helped items, already validated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, pointing at a file and line."""

    path: str
    line: int
    message: str
    severity: str = "error"  # error (stops a build) | warning (stops a --strict build) | note

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Ratio:
    """A ratio metric: the sum of `part` entry metrics over the sum of `whole` ones."""

    part: tuple[str, ...]
    whole: tuple[str, ...]


@dataclass(frozen=True)
class Metric:
    """One measurable thing a goal tracks."""

    id: str
    label: str
    target: float | None = None
    per: str | None = None
    count: str | None = None
    kind: str | None = None
    ratio: Ratio | None = None

    @property
    def shape(self) -> str:
        """'ratio', 'rate' (a target every period) or 'total' (a target to reach by `due`): see SHAPES."""
        if self.ratio is not None:
            return "ratio"
        return "rate" if self.per else "total"

    @property
    def inputs(self) -> tuple[str, ...]:
        """The entry metric ids this metric reads (none for counted metrics)."""
        if self.ratio is not None:
            return tuple(dict.fromkeys(self.ratio.part + self.ratio.whole))
        return () if self.count else (self.id,)


@dataclass(frozen=True)
class Goal:
    """A goal file: what the person wants to achieve and how it is measured."""

    id: str
    title: str
    started: dt.date
    source: Path
    status: str = "active"
    short: str = ""  # the author's short name for chips ("": the site shortens the title, see pages.words)
    due: dt.date | None = None
    achieved: dt.date | None = None
    why: str = ""
    tags: tuple[str, ...] = ()
    rest_days: frozenset[int] = frozenset()
    metrics: tuple[Metric, ...] = ()
    body: str = ""
    body_line: int = 1
    private: bool = False

    @property
    def uri(self) -> str:
        """Source URI of the goal page inside the site."""
        return f"goals/{self.id}.md"

    @property
    def inputs(self) -> frozenset[str]:
        """Entry metric ids that entries linking this goal may report."""
        return frozenset(i for m in self.metrics for i in m.inputs)


@dataclass(frozen=True)
class Helped:
    """One act of help recorded in an entry."""

    how: str
    who: str = ""
    kind: str = "other"
    where: str = ""
    link: str = ""
    private: bool = False


@dataclass(frozen=True)
class Entry:
    """A dated journal entry."""

    source: Path
    slug: str
    day: dt.date
    moment: dt.datetime
    title: str  # the author's, or "" (pages then name the entry by its day)
    has_time: bool = False
    goals: tuple[str, ...] = ()
    metrics: dict[str, float] = field(default_factory=dict)
    helped: tuple[Helped, ...] = ()
    syndication: tuple[str, ...] = ()  # where the entry was also posted (http(s) addresses)
    imported: tuple[str, ...] = ()  # "platform:id" of each activity `goals import` wrote into it
    lang: str = ""  # the language of its text (a BCP 47 tag) when it is not the site's; "" otherwise
    tags: tuple[str, ...] = ()
    rest: bool = False
    draft: bool = False
    private: bool = False
    body: str = ""
    body_line: int = 1
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def uri(self) -> str:
        """Source URI of the entry page inside the site: journal/<yyyy>/<mm>/<dd>/<slug>.md."""
        return f"journal/{self.day:%Y/%m/%d}/{self.slug}.md"


@dataclass(frozen=True)
class Reading:
    """What one file gave: its goal or entry (None when the file has errors) and the problems in it."""

    item: Goal | Entry | None
    problems: tuple[Problem, ...] = ()


class Findings:
    """Something that carries `problems`: its errors stop a build, its warnings a strict one."""

    problems: tuple[Problem, ...]

    @property
    def errors(self) -> list[Problem]:
        """Problems that stop the build."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Problems that only stop a --strict build."""
        return [p for p in self.problems if p.severity == "warning"]


@dataclass(frozen=True)
class Journal(Findings):
    """Everything read from goals/ and journal/, plus the problems found on the way."""

    goals: dict[str, Goal] = field(default_factory=dict)  # by id, sorted
    entries: tuple[Entry, ...] = ()  # oldest first
    problems: tuple[Problem, ...] = ()  # sorted by file and line
    assets: dict[str, Path] = field(default_factory=dict)  # site URI -> other files beside goals and entries
    pages: dict[str, Path] = field(default_factory=dict)  # site URI -> files of the hand-written pages
