"""The recipe as a host runs it: the same steps as `goals check`, with what speed makes fast."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..core.files import list_files
from ..core.model import Problem
from ..core.settings import Settings
from ..pages.recipe import Prepared, prepare
from ..pages.site import Site
from ..speed.memory import BuildMemory
from ..speed.reading import read_ahead
from . import webmentions


def prepare_remembered(
    settings: Settings, memory: BuildMemory, parallel: bool, config_problems: tuple[Problem, ...] = ()
) -> Prepared:
    """Read, check and plan, reusing what `memory` holds (half of a big journal read on a second core)."""
    folders = settings.folders
    files = list_files(folders.goals_dir, folders.journal_dir, folders.root, folders.pages_dir)
    if parallel:
        read_ahead(files, folders, memory)
    prepared = prepare(settings, memory.read, files, memory.count_goal, config_problems)
    memory.keep_files({*files.goals, *files.entries})
    return prepared


def with_mentions(site: Site, online: bool, say: Callable[[str], None]) -> Site:
    """The site with its entries' webmentions (fetched when `online`, else cached) when webmention_api is set."""
    if not site.settings.webmention_api:
        return site
    gathered = webmentions.gather(site, online)
    say(gathered.summary)
    return replace(site, mentions={uri: found for uri, found in gathered.mentions.items() if found})
