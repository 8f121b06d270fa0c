"""MkDocs glue: options in, journal read before anything is written, pages and feeds out."""

from __future__ import annotations

import datetime as dt
import os
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from . import options, social
from .cards import Colors, cached_cards
from .feeds import FeedOptions, absolute_links, discovery_links, feed_files, feed_plan
from .opendata import data_files
from .prerender import Prerender
from .progress import ProgressMemo
from .reader import ReadCache, read_journal
from .render import feed_extra, hold_back, opens_with_heading, put_back, unmarked
from .site import Settings, Site, build_site

log = get_plugin_logger("goals-journal")

CSS_URI = "assets/goals-journal.css"
INTRO_PAGES = ("home", "goals", "journal")  # a docs/ page at the same path becomes their intro
SEARCH_DIALOG = 'data-md-component="search" role="dialog"'
NO_META = "---\n{}\n---\n\n"  # keeps MkDocs from reading 'Key: value' body lines as metadata


class GoalsJournalConfig(base.Config):  # type: ignore[no-untyped-call]
    """Options of the goals-journal plugin in mkdocs.yml."""

    goals_dir = c.Type(str, default="goals")
    journal_dir = c.Type(str, default="journal")
    timezone = c.Type(str, default="UTC")
    week_start = c.Choice(options.WEEK_DAYS, default="monday")
    today: c.Optional[str | dt.date] = c.Optional(c.Type((str, dt.date)))
    count_private = c.Type(bool, default=True)
    latest_entries = c.Type(int, default=10)
    feeds = c.Type(bool, default=True)
    feed_items = c.Type(int, default=20)
    feed_content = c.Choice(("full", "summary"), default="full")
    feed_title = c.Optional(c.Type(str))
    feed_description = c.Optional(c.Type(str))
    feed_author = c.Optional(c.Type(str))
    feed_weekly_roundups = c.Type(bool, default=True)
    feed_monthly_roundups = c.Type(bool, default=True)
    cards = c.Type(bool, default=True)
    badges = c.Type(bool, default=True)
    share_links = c.Type(bool, default=True)
    card_background = c.Type(str, default="#00564d")
    card_text = c.Type(str, default="#ffffff")
    card_accent = c.Type(str, default="#ffb74d")


class GeneratedPage(File):
    """A page the plugin writes; `mkdocs serve --dirty` rebuilds it only when what it shows changed."""

    changed = True

    def is_modified(self) -> bool:
        """Changed since the last build of this serve session, or not written yet."""
        return self.changed or not os.path.isfile(self.abs_dest_path)


class GoalsJournalPlugin(BasePlugin[GoalsJournalConfig]):  # type: ignore[no-untyped-call]
    """Builds goal, journal and dashboard pages and feeds from goals/ and journal/."""

    serving = False
    settings: Settings
    site: Site
    feed: FeedOptions | None = None
    colors: Colors
    contents: dict[str, str]  # feed content per page URI, kept between builds of one serve session
    held: dict[str, list[str]]  # URI -> the parts of the page search does not index
    plan: dict[str, list[str]]  # feed path -> the pages it carries
    in_feeds: set[str]  # every page some feed carries: only their feed content is kept
    discovery: str  # the feed links of every page's <head>
    read: ReadCache  # what each goal and entry file held when last read
    memo: ProgressMemo  # goal progress by what it was counted from
    prerender: Prerender  # the plugin's HTML of each page, made ahead

    def __init__(self) -> None:
        super().__init__()
        self.start_afresh()

    def start_afresh(self) -> None:
        """Forget what earlier builds kept (feed content, files read, progress, rendered HTML)."""
        self.contents, self.read, self.memo, self.prerender = {}, {}, {}, Prerender()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether drafts are previewed (mkdocs serve) or left out (mkdocs build); start afresh."""
        self.serving = command == "serve"
        self.start_afresh()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Resolve folders, time zone, the as-of day and feed settings; add the plugin's stylesheet."""
        opts = self.config
        try:
            self.settings, self.feed = options.resolve(self.config, config, serving=self.serving)
            self.colors = options.card_colors(opts.card_background, opts.card_text, opts.card_accent)
        except options.OptionError as error:
            raise PluginError(f"goals-journal: {error}") from None
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Read and check every goal and entry before anything is written; stop on errors."""
        settings = self.settings
        journal = read_journal(
            settings.goals_dir, settings.journal_dir, settings.root, settings.tz, self.read, not self.serving
        )
        site = None if journal.errors else build_site(journal, self.settings, self.memo)
        problems = journal.problems + (site.problems if site else [])
        for problem in problems:
            (log.error if problem.severity == "error" else log.warning)(str(problem))
        warnings = [p for p in problems if p.severity == "warning"]
        if journal.errors or (config.strict and warnings):
            count = len(journal.errors) or len(warnings)
            what = "error" if journal.errors else "warning"
            raise PluginError(
                f"goals-journal: {count} {what}{'s' if count != 1 else ''} in the journal (listed above); "
                "nothing was written. Fix them and build again."
            )
        assert site is not None
        self.site = site
        self.plan = feed_plan(site, self.feed) if self.feed is not None else {}
        self.in_feeds = {uri for uris in self.plan.values() for uri in uris}
        self.discovery = discovery_links(self.feed) if self.feed is not None else ""
        self.contents = {uri: text for uri, text in self.contents.items() if uri in self.in_feeds}
        self.held = {}
        waiting = sum(1 for e in journal.entries if e.day > self.settings.today and not e.draft)
        if waiting and not self.serving:
            log.info(f"{waiting} entries dated after {self.settings.today} are not published yet")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the pages, open data, linked files, cards, badges and stylesheet; start rendering pages."""
        made, generated = self.add_pages(files, config)
        for uri, text in data_files(self.site, config.site_url or "").items():
            files.append(File.generated(config, uri, content=text))
        for uri, path in self.site.assets.items():
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        self.add_cards_and_badges(files, config)  # before rendering starts: cards may take the cores
        stylesheet = package_files("goals_journal").joinpath("assets/goals-journal.css").read_text("utf-8")
        files.append(File.generated(config, CSS_URI, content=stylesheet))
        if self.serving:  # render now, so that --dirty rebuilds only the pages that changed
            changed = self.prerender.in_advance(self.site, made)
            for file in generated:
                missing = file.src_uri in self.in_feeds and file.src_uri not in self.contents
                file.changed = file.src_uri in changed or missing
        else:
            self.prerender.in_background(self.site, {uri: heading for uri, (heading, _) in made.items()})
        return files

    def add_pages(
        self, files: Files, config: MkDocsConfig
    ) -> tuple[dict[str, tuple[bool, str]], list[GeneratedPage]]:
        """One generated page per goal, entry and index; docs/ pages at the same path become intros."""
        made: dict[str, tuple[bool, str]] = {}  # URI -> (Markdown starts with an h1, Markdown)
        generated: list[GeneratedPage] = []
        # Entries first: their Markdown keeps MkDocs busy while a second core renders the heavier pages.
        for spec in sorted(self.site.pages.values(), key=lambda spec: spec.kind != "entry"):
            content = NO_META + spec.markdown
            existing = files.get_file_from_path(spec.uri)
            if existing is not None:
                if spec.kind in INTRO_PAGES:
                    content = existing.content_string
                else:
                    log.warning(
                        f"docs/{spec.uri} is hidden by the generated page at the same address: move it"
                    )
                files.remove(existing)
            inclusion = InclusionLevel.UNDEFINED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            if spec.draft:
                inclusion = InclusionLevel.DRAFT
            file = GeneratedPage.generated(config, spec.uri, content=content, inclusion=inclusion)
            assert isinstance(file, GeneratedPage)
            made[spec.uri] = (
                opens_with_heading(spec.markdown if content.startswith(NO_META) else content),
                content,
            )
            generated.append(file)
            if spec.source is not None:  # "edit this page" opens the real goal or entry file
                file.edit_uri = Path(os.path.relpath(spec.source, config.docs_dir)).as_posix()
            files.append(file)
        return made, generated

    def add_cards_and_badges(self, files: Files, config: MkDocsConfig) -> None:
        """Social cards (drawn only when not cached) and goal badges, as files of the site."""
        site_url = self.settings.site_url
        if self.settings.cards and site_url:
            cache_dir = self.settings.root / ".cache" / "goals-journal" / "cards"
            cards = social.cards(self.site, social.footer_text(site_url), self.colors)
            paths, drawn = cached_cards(cards, cache_dir)
            for uri, path in paths.items():
                files.append(File.generated(config, uri, abs_src_path=str(path)))
            if drawn:
                log.info(f"drew {drawn} social card{'s' if drawn != 1 else ''} (cached in {cache_dir})")
        if self.settings.badges:
            for goal_id, progress in self.site.progress.items():
                files.append(
                    File.generated(config, f"goals/{goal_id}/badge.svg", content=social.goal_badge(progress))
                )

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Give generated pages their title and description."""
        spec = self.site.pages.get(page.file.src_uri)
        if spec is not None:  # Material prints titles and descriptions as HTML: give it escaped text
            page.meta.setdefault("title", Markup.escape(spec.title))
            if spec.description:
                page.meta.setdefault("description", Markup.escape(spec.description))
            if not spec.searchable:
                page.meta.setdefault("search", {"exclude": True})
        return markdown

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Lone generated pages as plain links, not one-page sections; their titles set for --dirty rebuilds."""
        if config.nav is None:  # the nav was made from folders, not written by hand
            nav.items = [self.lone_page(item) for item in nav.items]
        for page in nav.pages:
            spec = self.site.pages.get(page.file.src_uri)
            if spec is not None and page.markdown is None:
                page.markdown, page.meta = "", {"title": Markup.escape(spec.title)}
        return nav

    def lone_page(self, item: Any) -> Any:
        """A folder section holding only one generated page becomes that page."""
        if isinstance(item, Section) and len(item.children) == 1 and isinstance(item.children[0], Page):
            page = item.children[0]
            if page.file.src_uri in self.site.pages:
                page.parent = item.parent
                return page
        return item

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Put the plugin's HTML around the page's own content (after its first heading, if any)."""
        spec = self.site.pages.get(page.file.src_uri)
        if spec is None:
            return html
        has_heading = html.lstrip().startswith("<h1")
        before, after = self.prerender.take(self.site, spec.uri, has_heading)
        if self.feed is not None and spec.uri in self.in_feeds:  # what feeds carry, links absolute
            text = html.split("</h1>", 1)[1] if has_heading else html
            text = text + feed_extra(spec.entry, self.site) if spec.entry else unmarked(before + after)
            self.contents[spec.uri] = absolute_links(text, urljoin(self.feed.site_url, page.url))
        if has_heading:
            cut = html.index("</h1>") + len("</h1>")
            html = html[:cut] + before + html[cut:] + after
        else:
            html = before + html + after
        html, self.held[spec.uri] = hold_back(html)
        return html

    @event_priority(-100)  # after the search plugin has indexed the page
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        """Put back the pictures, tables and lists that search was not meant to index."""
        parts = self.held.pop(page.file.src_uri, None)
        if parts and page.content is not None:
            page.content = put_back(page.content, parts)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Add feed autodiscovery links and Open Graph / Twitter Card tags to every page's <head>."""
        if "</head>" not in output:
            return output
        spec = self.site.pages.get(page.file.src_uri)
        head = self.discovery
        if self.settings.site_url:
            title = spec.title if spec else str(page.title or config.site_name)
            description = (spec.description if spec else "") or str(page.meta.get("description") or "")
            address = urljoin(self.settings.site_url, page.url)
            head += social.meta_tags(
                spec,
                self.site,
                self.settings.site_url,
                address,
                title,
                description or config.site_description or "",
            )
        output = output.replace(
            SEARCH_DIALOG, SEARCH_DIALOG + ' aria-label="Search"', 1
        )  # Material leaves it unnamed
        return output.replace("</head>", head + "</head>", 1)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the feeds once every entry page has been rendered."""
        self.prerender.close()
        if self.feed is not None:
            for path, data in feed_files(self.site, self.plan, self.contents, self.feed).items():
                write_file(data, os.path.join(config.site_dir, path))

    def on_build_error(self, *, error: Exception) -> None:
        """Stop rendering in the background when the build fails."""
        self.prerender.close()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when anything under goals/ or journal/ changes."""
        for folder in (self.settings.goals_dir, self.settings.journal_dir):
            if folder.is_dir():
                server.watch(str(folder))
        return server
