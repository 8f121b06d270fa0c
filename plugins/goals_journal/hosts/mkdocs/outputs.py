"""Glue to MkDocs for the outputs: open data, cards and badges as site files, tags in each page's head."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from ...core.settings import CardColors, FeedSettings
from ...outputs import feeds
from ...pages.plan import PageSpec
from ...pages.site import Site
from .. import heads
from .. import outputs as site_outputs
from .files import add_file


def add_site_files(files: Files, config: MkDocsConfig, made: dict[str, site_outputs.SiteFile]) -> None:
    """Files of the site from text, bytes or files on disk."""
    for uri, content in made.items():
        if isinstance(content, Path):
            add_file(files, config, uri, path=content)
        else:
            add_file(files, config, uri, content)


def write_feeds(
    site: Site,
    plan: feeds.FeedPlan,
    contents: dict[str, str],
    feed: FeedSettings | None,
    config: MkDocsConfig,
) -> None:
    """Write every feed into the site folder (once every page carried has been rendered)."""
    if feed is not None:
        for path, data in feeds.feed_files(site, plan.feeds, contents, feed).items():
            write_file(data, os.path.join(config.site_dir, path))


def add_data_files(site: Site, files: Files, config: MkDocsConfig) -> None:
    """Open data and the files beside goals and entries that pages link."""
    add_site_files(files, config, site_outputs.data_files(site))


def add_cards_and_badges(
    site: Site, colors: CardColors, files: Files, config: MkDocsConfig, say: Callable[[str], None]
) -> None:
    """Social cards (drawn only when not cached) and goal badges as site files; `say` what was drawn."""
    made = site_outputs.cards_and_badges(site, colors)
    add_site_files(files, config, made.files)
    if made.drawn:
        say(made.drawn)


def head_tags(
    site: Site, spec: PageSpec | None, page: Page, config: MkDocsConfig, alts: dict[str, str]
) -> str:
    """The webmention link, and Open Graph and Twitter Card tags of a page (these none without site_url)."""
    title = str(page.title or config.site_name)
    description = str(page.meta.get("description") or "")
    address = urljoin(site.settings.site_url, page.url)
    return heads.page_tags(site, spec, title, description, address, alts)
