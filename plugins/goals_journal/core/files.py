"""Which files a journal has, how they are named in messages, and the slugs made from names.

Links inside the project are followed, for files and folders alike; a file or folder that resolves
outside the project folder is never read (the reader reports it)."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Outside:
    """A file or folder of the journal that is a link to somewhere outside the project folder."""

    path: Path  # as it stands in the journal
    target: Path  # where it leads
    folder: bool = False


@dataclass(frozen=True)
class JournalFiles:
    """The files below goals/ and journal/, sorted, hidden ones left out."""

    goals: list[Path] = field(default_factory=list)  # Markdown files in goals/
    entries: list[Path] = field(default_factory=list)  # Markdown files in journal/
    assets: dict[str, Path] = field(default_factory=dict)  # site URI -> any other file of either folder
    outside: list[Outside] = field(default_factory=list)  # links leading out of the project: not read
    broken: list[Path] = field(default_factory=list)  # links to nothing
    pages: dict[str, Path] = field(default_factory=dict)  # site URI -> files of the hand-written pages


def list_files(
    goals_dir: Path, journal_dir: Path, root: Path | None = None, pages_dir: Path | None = None
) -> JournalFiles:
    """Every file of the journal, each folder listed once; with `root`, links out of it are set apart.

    The files of `pages_dir` (docs/) are listed too, so that entries may link the hand-written pages."""
    found = JournalFiles()
    if pages_dir is not None:
        found.pages.update({p.relative_to(pages_dir).as_posix(): p for p in visible_files(pages_dir)})
    for folder, prefix, markdown in (
        (goals_dir, "goals", found.goals),
        (journal_dir, "journal", found.entries),
    ):
        files = _walk(folder, root, found)
        for path in files:
            if path.suffix == ".md":
                markdown.append(path)
            else:
                found.assets[f"{prefix}/{path.relative_to(folder).as_posix()}"] = path
    return found


def _walk(folder: Path, root: Path | None, found: JournalFiles) -> list[Path]:
    """The visible files below `folder`, following links that stay inside `root` (each folder once)."""
    if not folder.is_dir():
        return []
    inside = root.resolve() if root is not None else None
    seen: set[Path] = set()
    files: list[Path] = []
    for top, folders, names in os.walk(folder, followlinks=True):
        here = Path(top)
        real = here.resolve()
        if real in seen:  # a link back to a folder already read
            folders[:] = []
            continue
        seen.add(real)
        keep = []
        for name in sorted(folders):
            sub = here / name
            if name.startswith("."):
                continue
            target = sub.resolve()
            if inside is not None and not target.is_relative_to(inside):
                found.outside.append(Outside(sub, target, folder=True))
            else:
                keep.append(name)
        folders[:] = keep
        for name in names:
            path = here / name
            if name.startswith("."):
                continue
            target = path.resolve()
            if not path.exists():
                found.broken.append(path)
            elif inside is not None and not target.is_relative_to(inside):
                found.outside.append(Outside(path, target))
            elif path.is_file():
                files.append(path)
    return sorted(files)


def visible_files(folder: Path) -> list[Path]:
    """Files below `folder`, sorted, skipping hidden files and folders (links followed)."""
    return _walk(folder, None, JournalFiles())


def display_path(path: Path, root: Path) -> str:
    """The path as shown in messages: relative to the project when possible."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
