"""The MkDocs plugin: MkDocs' events turned into the recipe (read, count, plan, render, write)."""

from __future__ import annotations

from contextvars import Token
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ...config import options
from ...outputs import feeds, social
from ...pages.recipe import stop_message, waiting_entries
from ...pages.site import Site
from ...pages.words import language
from ...speed.memory import BuildMemory
from ...speed.prerender import PageJob, Prerender
from .. import outputs as site_outputs
from .. import recipe
from . import files as site_files
from . import languages, outputs, search, theme
from .options import GoalsJournalConfig

log = get_plugin_logger("goals-journal")


class GoalsJournalPlugin(BasePlugin[GoalsJournalConfig]):  # type: ignore[no-untyped-call]
    """Builds goal, journal and dashboard pages and feeds from goals/ and journal/."""

    serving = False
    resolved: options.Resolved
    site: Site
    feed_plan: feeds.FeedPlan  # which pages each feed carries: only their feed content is kept
    held: dict[str, list[str]]  # URI -> the parts of the page search does not index
    card_alts: dict[str, str]  # what each social card shows, in words (for image alt tags)
    voice: Token[language.Language | None] | None = None  # the build speaks the site's language until it ends
    build: languages.LanguageBuild | None = None  # the language of this build of several (mkdocs-static-i18n)

    def __init__(self) -> None:
        super().__init__()
        self.memory, self.prerender, self.runs = BuildMemory(), Prerender(), languages.Runs()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether drafts are previewed (mkdocs serve) or left out (mkdocs build); start afresh."""
        self.serving = command == "serve"
        self.memory, self.prerender, self.runs = BuildMemory(), Prerender(), languages.Runs()

    @event_priority(languages.AFTER_I18N)  # static-i18n has set this build's language and overrides
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Resolve folders, time zone, the as-of day, feed settings and colours; add the stylesheet and 404."""
        self.build = languages.language_build(config)  # None unless static-i18n builds several languages
        site = languages.site_config(config, self.build)
        try:
            self.resolved = options.resolve(self.config, site, serving=self.serving)
        except options.OptionError as error:
            raise PluginError(f"goals-journal: {error}") from None
        theme.add_theme_parts(config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Read and check every goal and entry before anything is written; stop on problems."""
        settings, feed = self.resolved.settings, self.resolved.feeds
        self.voice = language.speak(settings.language)  # every word from here to the end of the build
        first = not settings.language_dir  # the first build of a run: the only one, or the default language's
        self.memory = self.runs.memory(settings.language)  # what was read is read once for every language
        prepared = recipe.prepare_remembered(settings, self.memory, not self.serving, self.resolved.problems)
        self.runs.report(prepared.problems, first, log)  # each problem once, whatever the languages
        stop = stop_message(prepared, config.strict)
        if stop is not None or prepared.site is None:
            raise PluginError(stop or "goals-journal: the journal could not be read")
        say = log.info if first else (lambda _: None)  # later languages read the cache the first one wrote
        self.site = recipe.with_mentions(prepared.site, first and not self.serving, say)  # opt-in
        self.feed_plan, self.card_alts = feeds.plan_feeds(self.site, feed), social.card_alts(self.site)
        self.memory.keep_feed_contents(self.feed_plan.carried)
        self.held = {}
        if first and not self.serving and (waiting := waiting_entries(prepared, settings)):
            log.info(f"{waiting} entries dated after {settings.today} are not published yet")

    def add_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the pages, open data, linked files, cards, badges and stylesheet; start rendering pages."""
        added = site_files.add_pages(self.site, files, config, self.build)
        outputs.add_data_files(self.site, files, config)
        outputs.add_cards_and_badges(self.site, self.resolved.colors, files, config, log.info, self.build)
        languages.announce_pages(files, self.build, config)
        site_files.start_rendering(
            self.site, added, self.prerender, self.memory, self.feed_plan, self.serving
        )
        return files

    on_files = languages.around_i18n(add_files)  # after static-i18n's, which drops pages not in docs/

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Give generated pages their title and description (escaped: Material prints them as HTML)."""
        spec = self.site.pages.get(page.file.src_uri)
        if spec is not None:
            site_files.set_meta(page, spec, self.site)
        return markdown

    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        """Leave the share page out of the sitemap; fill in the page for a missing address."""
        return theme.template_context(context, template_name, self.site, config)

    def arrange_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Lone generated pages as plain links, not one-page sections; their titles set for --dirty rebuilds."""
        languages.restore_generated(nav, self.site.pages, config)
        if config.nav is None:  # the nav was made from folders, not written by hand
            site_files.lone_pages_as_links(nav, self.site)
        site_files.title_unread_pages(nav, self.site)
        return nav

    on_nav = languages.around_i18n(arrange_nav, languages.name_home)  # after static-i18n's rearranging

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Put the plugin's HTML around the page's own content (after its first heading, if any)."""
        spec = self.site.pages.get(page.file.src_uri)
        if spec is None:
            return html
        has_heading = html.lstrip().startswith("<h1")
        made = self.prerender.take(self.site, PageJob(spec.uri, has_heading))
        feed = self.resolved.feeds
        if feed is not None and spec.uri in self.feed_plan.carried:
            content = site_outputs.feed_content(self.site, spec, html, has_heading, made, feed, page.url)
            self.memory.feed_contents[spec.uri] = content
        html, self.held[spec.uri] = search.hold_back(site_outputs.surround(html, has_heading, made))
        return html

    @event_priority(-100)  # after the search plugin has indexed the page
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        """Put back the pictures, tables and lists that search was not meant to index."""
        parts = self.held.pop(page.file.src_uri, None)
        if parts and page.content is not None:
            page.content = search.put_back(page.content, parts)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Add feed autodiscovery, Open Graph / Twitter Card tags and rel=me to every page (see identity)."""
        return outputs.with_head(output, self.site, page, config, self.card_alts, self.feed_plan)

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        """rel=me and the named search dialog on the 404 page too (MkDocs renders it as a template)."""
        return theme.finished(output, template_name, config, self.resolved.settings.rel_me, self.build)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the feeds once every entry page has been rendered."""
        self.prerender.close()
        outputs.write_feeds(self.site, self.feed_plan, self.memory.feed_contents, self.resolved.feeds, config)
        language.stop(self.voice)

    def on_build_error(self, *, error: Exception) -> None:
        """Stop rendering in the background when the build fails."""
        self.prerender.close()
        language.stop(self.voice)  # the build is over: its language leaks into no other (a used token: none)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when anything under goals/ or journal/ changes."""
        return site_files.watch_journal(server, self.resolved.settings)
