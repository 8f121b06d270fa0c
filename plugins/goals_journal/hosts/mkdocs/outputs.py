"""Glue to MkDocs for the outputs: open data, cards and badges as site files, tags in each page's head."""

from __future__ import annotations

import html
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
from ...outputs import feeds, opendata, social
from ...outputs.badges import goal_badge
from ...pages.plan import PageSpec
from ...pages.render import Fragments, without_marks
from ...pages.site import Site
from ...speed.cards import cached_cards
from . import identity, search
from .files import CSS_URI, RootCopy, add_file, stylesheet


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
    for uri, text in opendata.data_files(site, site.settings.root_url).items():
        add_file(files, config, uri, text)
    for uri, path in site.plan.assets.items():
        add_file(files, config, uri, path=path)
    add_file(files, config, CSS_URI, stylesheet())


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
    settings, drawn = site.settings, ""
    if settings.cards and settings.site_url:
        cache_dir = settings.root / ".cache" / "goals-journal" / "cards"
        cards = social.cards(site, social.footer_text(settings.root_url), colors)
        cached = cached_cards(cards, cache_dir)
        for uri, png in cached.pngs.items():  # a damaged cached file is never among them: it was redrawn
            if isinstance(png, Path):
                add_file(files, config, uri, path=png, build=build)
            else:
                add_file(files, config, uri, png, build=build)
        if cached.drawn:
            count = cached.drawn
            where = (
                f"not cached, so drawn again next time: {cached.unkept}"
                if cached.unkept
                else f"cached in {cache_dir}"
            )
            drawn = f"drew {count} social card{'s' if count != 1 else ''} ({where})"
    if settings.badges:
        for goal_id, progress in site.progress.items():
            add_file(files, config, f"goals/{goal_id}/badge.svg", goal_badge(progress, colors), build=build)
    if drawn:
        say(drawn)


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
    site_url, link = site.settings.site_url, webmention_link(site.settings.webmention_endpoint)
    if not site_url:
        return link
    title = spec.title if spec else str(page.title or config.site_name)
    if spec is not None and spec.kind == "home":  # shared, the home page is the site itself
        title = config.site_name
    description = (spec.description if spec else "") or str(page.meta.get("description") or "")
    address = urljoin(site.settings.root_url, page.url)  # page.url starts with the language folder
    return link + social.meta_tags(
        spec, site, site_url, address, title, description or config.site_description or "", alts
    )


def webmention_link(endpoint: str) -> str:
    """`<link rel="webmention">` to the endpoint that receives the site's webmentions ("" when none)."""
    return f'<link rel="webmention" href="{html.escape(endpoint)}">' if endpoint else ""


def feed_content(
    site: Site, spec: PageSpec, html: str, has_heading: bool, made: Fragments, feed: FeedSettings, url: str
) -> str:
    """What a feed carries of a page: its text (and an entry's goals and help), links absolute."""
    text = html.split("</h1>", 1)[1] if has_heading else html
    text = (
        text + feeds.feed_extra(spec.entry, site) if spec.entry else without_marks(made.before + made.after)
    )
    return feeds.absolute_links(text, urljoin(site.settings.root_url, url))  # url: with the language folder
