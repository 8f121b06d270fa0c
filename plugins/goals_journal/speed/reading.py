"""Reading a big journal fast: half of its entries read on a second core, into memory."""

from __future__ import annotations

from pathlib import Path

from ..core.files import JournalFiles
from ..core.reader import read_file
from ..core.settings import Folders
from .cores import second_core
from .memory import BuildMemory, FileMemory, stamp

PARALLEL_FROM = 400  # entries to read: from this many, a second core reads half of them


def read_ahead(files: JournalFiles, folders: Folders, memory: BuildMemory) -> None:
    """Read the entries that changed into memory, half of them on a second core when there are many."""
    _read_ahead(memory.unread(files.entries, folders), folders, memory)


def _read_entries(paths: list[Path], folders: Folders) -> dict[Path, FileMemory]:
    """Read some entries into memory items (also run in a worker process for half of a big journal)."""
    return {path: FileMemory(stamp(path, folders), read_file(path, "entry", folders)) for path in paths}


def _read_ahead(todo: list[Path], folders: Folders, memory: BuildMemory) -> None:
    """Read entries into memory, half of them on a second core when there are many."""
    pool = second_core() if len(todo) >= PARALLEL_FROM else None
    if pool is None:
        return
    half = len(todo) // 2
    with pool:
        later = pool.submit(_read_entries, todo[half:], folders)
        memory.files.update(_read_entries(todo[:half], folders))
        memory.files.update(later.result())
