"""Zensical run on the working folder: `build` into a given folder, `serve` with the journal rewritten
whenever goals/, journal/, docs/ or mkdocs.yml change."""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

from ...speed.memory import BuildMemory
from ..children import run_child
from .assemble import JournalError, say, write_journal
from .sources import Sources
from .workspace import workspace_of

INSTALL = 'pip install "mkdocs-goals-journal[zensical]"'
POLL_SECONDS = 0.5  # how often `serve` looks for changed files


class ZensicalError(Exception):
    """Zensical is missing, or its build failed; the message says why."""


def zensical() -> ModuleType:
    """The installed Zensical, or ZensicalError saying how to install it."""
    try:
        return importlib.import_module("zensical")
    except ImportError:
        raise ZensicalError(f"Zensical is not installed: {INSTALL}") from None


def build(sources: Sources, into: Path, strict: bool) -> None:
    """Build the journal with Zensical into the empty folder `into` (JournalError, ZensicalError if not)."""
    engine = zensical()
    workspace = workspace_of(sources.config_file.parent.resolve(), serving=False)
    write_journal(sources, workspace, serving=False, strict=strict, memory=BuildMemory())
    shutil.rmtree(workspace.site, ignore_errors=True)
    with _stdout_to_stderr():
        try:
            engine.build(str(workspace.config_file), {"strict": strict, "clean": False})
        except Exception as error:  # Zensical reports its problems as RuntimeError and click errors
            raise ZensicalError(f"Zensical: {getattr(error, 'message', None) or error}") from None
    for item in sorted(workspace.site.iterdir()):
        shutil.move(str(item), str(into / item.name))
    workspace.site.rmdir()


@contextlib.contextmanager
def _stdout_to_stderr() -> Iterator[None]:
    """Zensical's progress lines go to stderr with the other messages (stdout says where the site is)."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        os.dup2(2, 1)
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def serve(load: Callable[[], Sources], address: str | None) -> int:
    """Preview the journal with `zensical serve`, drafts included, rewriting the working folder when the
    journal changes; a rewrite with problems shows them and keeps the last good pages. Returns its exit code."""
    zensical()
    watch = Watch(load)
    write_journal(watch.sources, watch.workspace, serving=True, strict=False, memory=watch.memory)
    command = [sys.executable, "-m", "zensical", "serve", "-f", str(watch.workspace.config_file)]
    return run_child([*command, *(["-a", address] if address else [])], watch.until_stopped)


class Watch:
    """What a serve session keeps: the journal's sources, its working folder, memory and files seen."""

    def __init__(self, load: Callable[[], Sources]) -> None:
        self.load, self.sources = load, load()
        self.workspace = workspace_of(self.sources.config_file.parent.resolve(), serving=True)
        self.memory = BuildMemory()
        self.seen = _stamps(self.sources)

    def until_stopped(self, process: subprocess.Popen[bytes]) -> None:
        """Rewrite the working folder whenever the journal changes, while Zensical serves it."""
        while process.poll() is None:
            time.sleep(POLL_SECONDS)
            now = _stamps(self.sources)
            if now != self.seen:
                self.seen = now
                self.rewrite()

    def rewrite(self) -> None:
        """Write the working folder again (mkdocs.yml read again); problems are shown, pages kept."""
        try:
            self.sources = self.load()
            write_journal(self.sources, self.workspace, serving=True, strict=False, memory=self.memory)
            say(logging.INFO, "the journal changed: Zensical rebuilds the pages that changed")
        except JournalError:
            pass  # its problems are shown: the pages stay as they were until the journal is fixed
        except Exception as error:  # a bad mkdocs.yml while editing it: say so, keep serving
            say(logging.ERROR, str(error))


def _stamps(sources: Sources) -> dict[Path, tuple[int, int]]:
    """The time and size of every file a rewrite reads: goals/, journal/, docs/ and mkdocs.yml."""
    options = sources.plugin_options
    root = sources.config_file.parent
    folders = [root / options.goals_dir, root / options.journal_dir]
    if sources.site.docs_dir:
        folders.append(Path(sources.site.docs_dir))
    stamps = {}
    for path in [
        sources.config_file,
        *(p for folder in folders if folder.is_dir() for p in folder.rglob("*")),
    ]:
        with contextlib.suppress(OSError):
            status = path.stat()
            stamps[path] = (status.st_mtime_ns, status.st_size)
    return stamps
