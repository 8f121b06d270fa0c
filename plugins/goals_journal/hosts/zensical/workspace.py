"""The working folder Zensical builds in, outside the author's docs/: `.cache/goals-journal/zensical/build`
(or `serve`) holds the generated config, `docs/` (the generated pages, every static output and a copy
of the author's docs/), `overrides/`, and Zensical's own `site/` and `.cache/`.

Folders are kept in step with what they should hold: files whose content changed are written (each
under a temporary name outside the folder, then renamed into place, so Zensical never reads half a
file), files no longer wanted are deleted, and unchanged files are left alone (`serve` rebuilds only
what changed, and Zensical's cache stays warm)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ...speed.cards import keep
from ..outputs import SiteFile
from .configfile import DOCS, OVERRIDES, SITE


@dataclass(frozen=True)
class Workspace:
    """A working folder and its parts."""

    folder: Path

    @property
    def docs(self) -> Path:
        """The docs folder Zensical reads."""
        return self.folder / DOCS

    @property
    def overrides(self) -> Path:
        """The template overrides."""
        return self.folder / OVERRIDES

    @property
    def site(self) -> Path:
        """Where Zensical writes the site."""
        return self.folder / SITE

    @property
    def config_file(self) -> Path:
        """The generated config."""
        return self.folder / "mkdocs.yml"

    @property
    def scratch(self) -> Path:
        """Where files are written before they are renamed into place."""
        return self.folder / ".scratch"


def workspace_of(root: Path, serving: bool) -> Workspace:
    """The working folder of the journal in `root`, one for builds and one for serve."""
    return Workspace(root / ".cache" / "goals-journal" / "zensical" / ("serve" if serving else "build"))


def as_bytes(content: SiteFile) -> bytes:
    """A file's content as bytes."""
    if isinstance(content, Path):
        return content.read_bytes()
    return content.encode("utf-8") if isinstance(content, str) else content


def unchanged(path: Path, data: bytes) -> bool:
    """Whether the file at `path` already holds exactly `data`."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def put(path: Path, data: bytes, scratch: Path) -> None:
    """Write a file in one step: under a temporary name in `scratch`, then renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch.mkdir(parents=True, exist_ok=True)
    keep(data, path, scratch)


def sync(folder: Path, files: Mapping[str, SiteFile], scratch: Path) -> list[str]:
    """Make `folder` hold exactly `files` (path -> content); return the paths written."""
    written = []
    for name, content in sorted(files.items()):
        data, path = as_bytes(content), folder / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        if not unchanged(path, data):
            put(path, data, scratch)
            written.append(name)
    _delete_others(folder, {Path(name) for name in files})
    return written


def _delete_others(folder: Path, kept: set[Path]) -> None:
    """Delete what `folder` holds besides `kept` (relative paths), and the folders left empty."""
    if not folder.is_dir():
        return
    for place, folders, names in os.walk(folder, topdown=False):
        here = Path(place)
        for name in names:
            if (here / name).relative_to(folder) not in kept:
                (here / name).unlink()
        for name in folders:
            inner = here / name
            if inner.is_symlink():
                inner.unlink()
            elif not any(inner.iterdir()):
                inner.rmdir()
