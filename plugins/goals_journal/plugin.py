"""MkDocs glue: options in, journal read before anything is written, generated pages out."""

from __future__ import annotations

import datetime as dt
import os
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .opendata import data_files
from .reader import read_journal
from .render import render_page
from .site import Settings, Site, build_site

log = get_plugin_logger("goals-journal")

CSS_URI = "assets/goals-journal.css"
WEEK_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
INTRO_PAGES = ("home", "goals", "journal")  # a docs/ page at the same path becomes their intro
NO_META = "---\n{}\n---\n\n"  # keeps MkDocs from reading 'Key: value' body lines as metadata


class GoalsJournalConfig(base.Config):  # type: ignore[no-untyped-call]
    """Options of the goals-journal plugin in mkdocs.yml."""

    goals_dir = c.Type(str, default="goals")
    journal_dir = c.Type(str, default="journal")
    timezone = c.Type(str, default="UTC")
    week_start = c.Choice(WEEK_DAYS, default="monday")
    today: c.Optional[str | dt.date] = c.Optional(c.Type((str, dt.date)))
    count_private = c.Type(bool, default=True)
    latest_entries = c.Type(int, default=10)


class GoalsJournalPlugin(BasePlugin[GoalsJournalConfig]):  # type: ignore[no-untyped-call]
    """Builds goal, journal and dashboard pages from goals/ and journal/."""

    serving = False
    settings: Settings
    site: Site

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether drafts are previewed (mkdocs serve) or left out (mkdocs build)."""
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Resolve folders, time zone and the as-of day; add the plugin's stylesheet."""
        root = Path(config.config_file_path or ".").resolve().parent
        try:
            tz = ZoneInfo(self.config.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise PluginError(
                f"goals-journal: timezone '{self.config.timezone}' is not an IANA time zone name: "
                "use one such as Europe/Berlin or America/New_York"
            ) from None
        self.settings = Settings(
            root=root,
            goals_dir=root / self.config.goals_dir,
            journal_dir=root / self.config.journal_dir,
            tz=tz,
            today=as_of_day(self.config.today, tz),
            week_start=WEEK_DAYS.index(self.config.week_start),
            count_private=self.config.count_private,
            serving=self.serving,
            directory_urls=config.use_directory_urls,
            latest_entries=self.config.latest_entries,
            site_name=config.site_name,
            site_description=config.site_description or "",
        )
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Read and check every goal and entry before anything is written; stop on errors."""
        journal = read_journal(
            self.settings.goals_dir, self.settings.journal_dir, self.settings.root, self.settings.tz
        )
        for problem in journal.problems:
            (log.error if problem.severity == "error" else log.warning)(str(problem))
        if journal.errors or (config.strict and journal.warnings):
            count = len(journal.errors) or len(journal.warnings)
            what = "error" if journal.errors else "warning"
            raise PluginError(
                f"goals-journal: {count} {what}{'s' if count != 1 else ''} in the journal (listed above); "
                "nothing was written. Fix them and build again."
            )
        self.site = build_site(journal, self.settings)
        waiting = sum(1 for e in journal.entries if e.day > self.settings.today and not e.draft)
        if waiting and not self.serving:
            log.info(f"{waiting} entries dated after {self.settings.today} are not published yet")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add one generated page per goal, entry and index; docs/ pages at the same path become intros."""
        for spec in self.site.pages.values():
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
            file = File.generated(config, spec.uri, content=content, inclusion=inclusion)
            if spec.source is not None:  # "edit this page" opens the real goal or entry file
                file.edit_uri = Path(os.path.relpath(spec.source, config.docs_dir)).as_posix()
            files.append(file)
        for uri, text in data_files(self.site, config.site_url or "").items():
            files.append(File.generated(config, uri, content=text))
        for uri, path in self.site.assets.items():
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        stylesheet = package_files("goals_journal").joinpath("assets/goals-journal.css").read_text("utf-8")
        files.append(File.generated(config, CSS_URI, content=stylesheet))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Give generated pages their title and description."""
        spec = self.site.pages.get(page.file.src_uri)
        if spec is not None:
            page.meta.setdefault("title", spec.title)
            if spec.description:
                page.meta.setdefault("description", spec.description)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Put the plugin's HTML around the page's own content (after its first heading, if any)."""
        spec = self.site.pages.get(page.file.src_uri)
        if spec is None:
            return html
        has_heading = html.lstrip().startswith("<h1")
        before, after = render_page(spec, self.site, has_heading)
        if has_heading:
            cut = html.index("</h1>") + len("</h1>")
            return html[:cut] + before + html[cut:] + after
        return before + html + after

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when anything under goals/ or journal/ changes."""
        for folder in (self.settings.goals_dir, self.settings.journal_dir):
            if folder.is_dir():
                server.watch(str(folder))
        return server


def as_of_day(option: str | dt.date | None, tz: ZoneInfo) -> dt.date:
    """The day the numbers are computed for: the option, else SOURCE_DATE_EPOCH, else today."""
    if isinstance(option, dt.datetime):
        return option.date()
    if isinstance(option, dt.date):
        return option
    if option:
        try:
            return dt.date.fromisoformat(option.strip())
        except ValueError:
            raise PluginError(f"goals-journal: today '{option}' must be a date written YYYY-MM-DD") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz).date()
        except (ValueError, OverflowError, OSError):
            raise PluginError(f"SOURCE_DATE_EPOCH='{epoch}' must be a whole number of seconds") from None
    return dt.datetime.now(tz).date()
