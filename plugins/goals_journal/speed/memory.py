"""What a serve session remembers between builds: files read, goal progress, rendered HTML, feed content.

Each is used only while what it was made from is unchanged; a new `BuildMemory` forgets everything."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.model import Entry, Goal, Reading
from ..core.progress import GoalProgress, goal_progress
from ..core.reader import read_file
from ..core.settings import Folders
from ..pages.render import Fragments


@dataclass(frozen=True)
class FileStamp:
    """What a reading of a file depends on: its time and size, and the time zone."""

    mtime_ns: int
    size: int
    tz: str


@dataclass(frozen=True)
class FileMemory:
    """A file's reading and the stamp of the file it was made from."""

    stamp: FileStamp
    reading: Reading


@dataclass(frozen=True)
class ProgressMemory:
    """A goal's progress and what it was counted from."""

    goal: Goal
    linked: tuple[Entry, ...]
    progress: GoalProgress


@dataclass(frozen=True)
class RenderMemory:
    """A page's HTML and everything it was rendered from."""

    key: Any
    fragments: Fragments


def stamp(path: Path, folders: Folders) -> FileStamp:
    """The stamp of a file as it is now."""
    status = path.stat()
    return FileStamp(status.st_mtime_ns, status.st_size, str(folders.tz))


@dataclass
class BuildMemory:
    """Kept by a host between the builds of one serve session."""

    files: dict[Path, FileMemory] = field(default_factory=dict)
    progress: dict[tuple[str, dt.date, int, bool], ProgressMemory] = field(default_factory=dict)
    rendered: dict[str, RenderMemory] = field(default_factory=dict)
    fingerprints: dict[str, str] = field(default_factory=dict)  # URI -> what the page showed last time
    feed_contents: dict[str, str] = field(default_factory=dict)  # URI -> the page's HTML for feeds

    def for_another_language(self) -> BuildMemory:
        """The memory of another language's builds of the same site: the same files read and goals
        counted (the numbers are every language's), its own pages and feed contents."""
        return BuildMemory(files=self.files, progress=self.progress)

    def read(self, path: Path, kind: str, folders: Folders) -> Reading:
        """A goal or entry file's reading, from memory when the file is unchanged (a core ReadFile)."""
        now = stamp(path, folders)
        kept = self.files.get(path)
        if kept is not None and kept.stamp == now:
            return kept.reading
        reading = read_file(path, kind, folders)
        self.files[path] = FileMemory(now, reading)
        return reading

    def unread(self, paths: Iterable[Path], folders: Folders) -> list[Path]:
        """The files among `paths` that changed since they were read (or were never read)."""
        return [p for p in paths if p not in self.files or self.files[p].stamp != stamp(p, folders)]

    def keep_files(self, paths: set[Path]) -> None:
        """Forget files that are gone."""
        for gone in set(self.files) - paths:
            del self.files[gone]

    def keep_feed_contents(self, carried: frozenset[str]) -> None:
        """Forget the feed content of pages no feed carries any more."""
        self.feed_contents = {uri: text for uri, text in self.feed_contents.items() if uri in carried}

    def count_goal(
        self, goal: Goal, entries: Iterable[Entry], as_of: dt.date, week_start: int, count_private: bool
    ) -> GoalProgress:
        """A goal's progress, from memory when the goal and the entries that can count are unchanged."""
        dropped = goal.status == "dropped"  # its end is its last entry, so every entry matters
        linked = tuple(e for e in entries if goal.id in e.goals and (dropped or e.day <= as_of))
        key = (goal.id, as_of, week_start, count_private)
        kept = self.progress.get(key)
        if kept is not None and kept.goal == goal and kept.linked == linked:
            return kept.progress
        progress = goal_progress(goal, linked, as_of, week_start, count_private)
        self.progress[key] = ProgressMemory(goal, linked, progress)
        return progress
