"""Which files a journal has, how they are named in messages, and the slugs made from names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class JournalFiles:
    """The files below goals/ and journal/, sorted, hidden ones left out."""

    goals: list[Path] = field(default_factory=list)  # Markdown files in goals/
    entries: list[Path] = field(default_factory=list)  # Markdown files in journal/
    assets: dict[str, Path] = field(default_factory=dict)  # site URI -> any other file of either folder


def list_files(goals_dir: Path, journal_dir: Path) -> JournalFiles:
    """Every file of the journal, each folder listed once."""
    found = JournalFiles()
    for folder, prefix, markdown in (
        (goals_dir, "goals", found.goals),
        (journal_dir, "journal", found.entries),
    ):
        for path in visible_files(folder):
            if path.suffix == ".md":
                markdown.append(path)
            else:
                found.assets[f"{prefix}/{path.relative_to(folder).as_posix()}"] = path
    return found


def visible_files(folder: Path) -> list[Path]:
    """Files below `folder`, sorted, skipping hidden files and folders."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


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
