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
from .assemble import JournalError, say, write_journal
from .sources import Sources
from .workspace import Workspace, workspace_of

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
    sources = load()
    workspace = workspace_of(sources.config_file.parent.resolve(), serving=True)
    memory = BuildMemory()
    write_journal(sources, workspace, serving=True, strict=False, memory=memory)
    command = [sys.executable, "-m", "zensical", "serve", "-f", str(workspace.config_file)]
    process = subprocess.Popen([*command, *(["-a", address] if address else [])])
    seen = _stamps(sources)
    try:
        while process.poll() is None:
            time.sleep(POLL_SECONDS)
            now = _stamps(sources)
            if now != seen:
                seen = now
                sources = _rewrite(load, sources, workspace, memory)
        return process.returncode
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait()


def _rewrite(
    load: Callable[[], Sources], sources: Sources, workspace: Workspace, memory: BuildMemory
) -> Sources:
    """Write the working folder again after a change (mkdocs.yml read again); problems are shown."""
    try:
        sources = load()
        write_journal(sources, workspace, serving=True, strict=False, memory=memory)
        say(logging.INFO, "the journal changed: Zensical rebuilds the pages that changed")
    except JournalError:
        pass  # its problems are shown: the pages stay as they were until the journal is fixed
    except Exception as error:  # a bad mkdocs.yml while editing it: say so, keep serving
        say(logging.ERROR, str(error))
    return sources


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
