"""`goals build`: the build of the journal (MkDocs, ProperDocs or Zensical), into a fresh folder swapped in
only once it is complete.

The build runs in this process (so killing `goals build` stops the build itself; a `mkdocs build`
child would write on into a folder the next `goals build` deletes), into `.<site>.new-XXXX` next to the site folder (so on the same file
system). Only a complete build replaces the site: the old folder is renamed to `.<site>.old-<ns>`, the
new one to the site's name, and the old one is deleted (its hidden files, such as a .git of a gh-pages
checkout, move into the new one: MkDocs keeps them too). A failed build deletes its folder and leaves the
site as it was. A build that is killed leaves only hidden folders behind, which the next `goals build`
clears away first; if it was killed between the two renames (no site folder, an old one aside), the
old site is put back. `.<site>.lock` keeps two `goals build`s of one site from doing this at once.
"""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ..hosts.zensical import engine as zensical_engine
from ..hosts.zensical.assemble import JournalError
from ..hosts.zensical.configfile import ConfigFileError
from ..hosts.zensical.workspace import workspace_of
from .engines import LOGGERS, build_with_mkdocs, serve_with, use_engine, zensical_sources
from .errors import CommandError
from .project import Project, load_project, shown

if sys.platform != "win32":
    import fcntl

NEW, OLD, LOCK = ".new-", ".old-", ".lock"  # after ".<site name>"


def run_build(args: argparse.Namespace) -> int:
    """Build the site into a fresh folder and swap it in when the build is complete; exit 1 if it failed."""
    engine = getattr(args, "engine", "mkdocs")
    use_engine(engine)  # before mkdocs.yml is read: ProperDocs stands in for MkDocs' modules
    project = load_project(args.config)
    # Through symbolic links: the swap happens where the site really is, and the link stays.
    site = Path(os.path.realpath(args.site_dir or project.config.site_dir))
    site.parent.mkdir(parents=True, exist_ok=True)
    with _only_build_of(site), _messages(LOGGERS[engine]) as shown_as:
        _recover(site)
        fresh = _fresh_folder(site)
        shown_as[str(fresh)] = str(site)  # MkDocs names the folder it writes: name the real one
        try:
            _build(engine, project, fresh, args.strict)
        except _failures(engine) as error:
            _remove(fresh)
            kept = f"{shown(site)}/ was left as it was" if os.path.lexists(site) else "no site was written"
            raise CommandError(f"the build failed ({_reason(error)}); {kept}") from None
        except BaseException:
            _remove(fresh)
            raise
        _swap_in(fresh, site)
    print(f"Built the site into {shown(site)}/.")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    """Preview the site with the chosen engine until it is stopped; its exit code."""
    use_engine(args.engine)
    if args.engine != "zensical":  # MkDocs and ProperDocs show their own messages
        return serve_with(args.engine, args.config, args.dev_addr)
    with _messages(LOGGERS[args.engine]):
        return serve_with(args.engine, args.config, args.dev_addr)


def _build(engine: str, project: Project, into: Path, strict: bool) -> None:
    """Build the journal with the engine into the empty folder `into`."""
    if engine != "zensical":
        build_with_mkdocs(project, into, strict)
        return
    sources = zensical_sources(project)
    workspace = workspace_of(sources.config_file.parent, serving=False)
    workspace.folder.parent.mkdir(parents=True, exist_ok=True)
    with _only_build_of(workspace.folder):  # one build at a time in the working folder, whatever the site
        zensical_engine.build(sources, into, strict)


def _failures(engine: str) -> tuple[type[BaseException], ...]:
    """The errors that mean the engine's build failed (and say why)."""
    if engine == "zensical":
        return (JournalError, zensical_engine.ZensicalError, ConfigFileError, OSError)
    from mkdocs.exceptions import MkDocsException

    return (MkDocsException, OSError)


def _fresh_folder(site: Path) -> Path:
    """A new empty folder next to the site, with the site folder's permissions (else the umask's)."""
    while True:
        fresh = site.with_name(f".{site.name}{NEW}{secrets.token_hex(4)}")
        try:
            os.mkdir(fresh)
            break
        except FileExistsError:
            continue
    if os.path.isdir(site):
        shutil.copymode(site, fresh)
    return fresh


def _swap_in(fresh: Path, site: Path) -> None:
    """Replace the site folder with the complete new build (the old one is renamed aside, then deleted)."""
    aside = site.with_name(f".{site.name}{OLD}{time.time_ns()}") if os.path.lexists(site) else None
    try:
        if aside is not None:
            os.rename(site, aside)
        try:
            os.rename(fresh, site)
        except OSError:
            if aside is not None:
                os.rename(aside, site)
            raise
    except OSError:
        _remove(fresh)
        raise
    if aside is not None:
        _retire(aside, site)


def _recover(site: Path) -> None:
    """Clear what builds that were killed left: put back a site renamed aside, delete unfinished builds."""
    prefix = f".{site.name}"
    old, new = [], []
    for name in os.listdir(site.parent):
        if name.startswith(prefix + OLD) and name[len(prefix + OLD) :].isdigit():
            old.append(site.parent / name)
        elif name.startswith(prefix + NEW):
            new.append(site.parent / name)
    old.sort(key=lambda path: int(path.name[len(prefix + OLD) :]))
    if old and not os.path.lexists(site):  # killed between the two renames: the old site goes back
        os.rename(old.pop(), site)
    for folder in new:
        _remove(folder)
    for folder in reversed(old):  # killed while the old site was deleted: finish that
        _retire(folder, site)


def _retire(old: Path, site: Path) -> None:
    """Delete the previous site, after moving its hidden files (.git, .nojekyll) into the new one.

    MkDocs never deletes them from a site folder (a gh-pages checkout may live there), so neither
    does `goals build`: what the new build wrote under the same name wins."""
    with suppress(OSError):
        for name in os.listdir(old):
            if name.startswith(".") and not os.path.lexists(site / name):
                os.rename(old / name, site / name)
    _remove(old)


def _remove(folder: Path) -> None:
    """Delete a folder of this command's; what cannot be deleted now, the next build deletes."""
    if os.path.islink(folder):
        with suppress(OSError):
            os.unlink(folder)
    shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _only_build_of(site: Path) -> Iterator[None]:
    """Wait until no other `goals build` builds this site (a lock that dies with the process holding it)."""
    if sys.platform == "win32":  # no fcntl: builds of one site are not kept apart
        yield
        return
    lock = site.with_name(f".{site.name}{LOCK}")
    while True:
        descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                print(f"Waiting for another 'goals build' of {shown(site)}/ to finish…", file=sys.stderr)
                fcntl.lockf(descriptor, fcntl.LOCK_EX)  # a record lock: never inherited by forked workers
            if _still_there(lock, descriptor):  # else the build we waited for removed it: open it anew
                break
        except BaseException:
            os.close(descriptor)
            raise
        os.close(descriptor)
    try:
        yield
    finally:
        with suppress(OSError):
            os.unlink(lock)
        os.close(descriptor)


def _still_there(lock: Path, descriptor: int) -> bool:
    """Whether the lock file open as `descriptor` is still the one at its path."""
    try:
        return os.stat(lock).st_ino == os.fstat(descriptor).st_ino
    except FileNotFoundError:
        return False


class _Printer(logging.Handler):
    """Prints MkDocs' messages as `mkdocs build` does, naming the real site folder instead of the fresh one."""

    def __init__(self, shown_as: dict[str, str]) -> None:
        super().__init__(logging.INFO)
        self.shown_as = shown_as

    def emit(self, record: logging.LogRecord) -> None:
        """One message on stderr, its level first."""
        message = record.getMessage()
        for path, name in self.shown_as.items():
            message = message.replace(path, name)
        print(f"{record.levelname:<8}-  {message}", file=sys.stderr)


@contextmanager
def _messages(name: str = "mkdocs") -> Iterator[dict[str, str]]:
    """Show what the engine and its plugins log (INFO and up) while the build runs."""
    logger = logging.getLogger(name)
    shown_as: dict[str, str] = {}
    printer, level, propagate = _Printer(shown_as), logger.level, logger.propagate
    logger.addHandler(printer)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # printed once, by us
    try:
        yield shown_as
    finally:
        logger.removeHandler(printer)
        logger.setLevel(level)
        logger.propagate = propagate


def _reason(error: BaseException) -> str:
    """Why the build stopped, in a few words."""
    if isinstance(error, OSError) and error.strerror:
        return f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    return str(error) or type(error).__name__
