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

from ...config.languages import LanguageBuild
from ...core.settings import CardColors, FeedSettings
from ...outputs import feeds
from ...pages.plan import PageSpec
from ...pages.site import Site
from .. import heads
from .. import outputs as site_outputs
from . import identity, search
from .files import RootCopy, add_file


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
    """Write every feed into the site folder, in the build's language folder (once every page carried
    has been rendered)."""
    if feed is not None:
        folder = os.path.join(config.site_dir, site.settings.language_dir)
        for path, data in feeds.feed_files(site, plan.feeds, contents, feed).items():
            write_file(data, os.path.join(folder, path))


def add_data_files(site: Site, files: Files, config: MkDocsConfig) -> None:
    """Open data, the files beside goals and entries that pages link, and the plugin's stylesheet:
    language-neutral, so in a site of several languages the default language's build writes them
    at the root and the others link them there."""
    if site.settings.language_dir:
        for uri, path in site.plan.assets.items():
            files.append(RootCopy.generated(config, uri, abs_src_path=str(path)))
        return
    add_site_files(files, config, site_outputs.data_files(site))
    add_file(files, config, site_outputs.CSS_URI, site_outputs.stylesheet())


def add_cards_and_badges(
    site: Site,
    colors: CardColors,
    files: Files,
    config: MkDocsConfig,
    say: Callable[[str], None],
    build: LanguageBuild | None = None,
) -> None:
    """Social cards (drawn only when not cached) and goal badges as site files, in the build's language
    folder (they are in its words); `say` what was drawn."""
    made = site_outputs.cards_and_badges(site, colors)
    for uri, content in made.files.items():
        if isinstance(content, Path):
            add_file(files, config, uri, path=content, build=build)
        else:
            add_file(files, config, uri, content, build=build)
    if made.drawn:
        say(made.drawn)


def with_head(
    output: str, site: Site, page: Page, config: MkDocsConfig, alts: dict[str, str], plan: feeds.FeedPlan
) -> str:
    """A page with feed autodiscovery, Open Graph / Twitter Card tags and rel=me (see identity)."""
    if "</head>" not in output:
        return output
    tags = head_tags(site, site.pages.get(page.file.src_uri), page, config, alts)
    output = identity.mark(search.name_search_dialog(output), config, site.settings.rel_me)
    links = feeds.head_links(plan, page.file.src_uri)  # the site's feeds, then the page's own
    return output.replace("</head>", links + tags + "</head>", 1)


def head_tags(
    site: Site, spec: PageSpec | None, page: Page, config: MkDocsConfig, alts: dict[str, str]
) -> str:
    """The webmention link, and Open Graph and Twitter Card tags of a page (these none without site_url)."""
    title = str(page.title or config.site_name)
    description = str(page.meta.get("description") or "")
    address = urljoin(site.settings.root_url, page.url)  # page.url starts with the language folder
    return heads.page_tags(site, spec, title, description, address, alts)
