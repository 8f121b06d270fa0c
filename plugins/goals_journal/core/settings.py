"""The settings a build runs with: the plugin's options resolved (folders, time zone, the as-of day)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Folders:
    """Where a journal's files are, and the time zone their dates are read in."""

    root: Path  # the project folder (of mkdocs.yml)
    goals_dir: Path
    journal_dir: Path
    tz: ZoneInfo
    pages_dir: Path | None = None  # the hand-written pages (docs/), which entries may link


@dataclass(frozen=True)
class FeedSettings:
    """What the feeds say about themselves and carry."""

    site_url: str  # absolute, ending with "/"
    title: str
    description: str = ""
    author: str = ""
    language: str = ""
    limit: int = 20
    full: bool = True
    weekly_roundups: bool = True
    monthly_roundups: bool = True
    hub: str = ""  # a WebSub hub (absolute http(s) URL), or ""
    card: bool = False  # the site's social card is published: the feeds' logo
    favicon: str = ""  # the site's favicon, a path of the site or an absolute URL: the feeds' icon


@dataclass(frozen=True)
class CardColors:
    """The colours of the social cards, and the site's primary colour for badges (all #rrggbb).

    The defaults are those of Material's default palette (indigo primary and accent), as
    config.options resolves them for a site that names no palette."""

    background: str = "#4051b5"  # the primary, deepened until its text has 4.5:1
    text: str = "#ffffff"  # what Material draws on the primary
    accent: str = "#97a7fe"  # the accent, moved towards the text until it stands out 3:1
    primary: str = "#4051b5"  # the site's primary colour in its light scheme, as Material draws it
    on_primary: str = "#ffffff"  # the text Material draws on it


@dataclass(frozen=True)
class Settings:
    """The plugin options, resolved: absolute folders, a real time zone, the as-of day."""

    root: Path
    goals_dir: Path
    journal_dir: Path
    tz: ZoneInfo
    today: dt.date
    week_start: int = 0
    language: str = "en"  # the site's language as Babel writes it (de, pt_BR): its words, dates, numbers
    count_private: bool = True
    serving: bool = False
    directory_urls: bool = True
    latest_entries: int = 10
    site_name: str = ""
    site_description: str = ""
    feeds: bool = True
    site_url: str = ""  # this build's pages' address: absolute, ending with "/"; "" when mkdocs.yml has none
    language_dir: str = (
        ""  # this build's folder below the site's root (de/) when it is one language of several
    )
    cards: bool = True
    badges: bool = True
    share: bool = True
    docs_dir: Path | None = None  # the hand-written pages (entries may link them); None: root/docs
    author: str = ""  # site_author: the name in the author's h-card ("" for none)
    avatar: str = ""  # the author's picture: an address, or a path of the site ("" for none)
    rel_me: tuple[str, ...] = ()  # profile addresses announced with <link rel="me"> on every page
    webmention_endpoint: str = ""  # http(s) URL of the webmention endpoint, linked from every page
    webmention_api: str = ""  # http(s) URL template of a JF2 mentions API, with {url}; "": fetch none

    @property
    def folders(self) -> Folders:
        """Where the journal is."""
        return Folders(self.root, self.goals_dir, self.journal_dir, self.tz, self.pages_dir)

    @property
    def root_url(self) -> str:
        """The site's own address (site_url), where the language-neutral files are: open data, the
        files beside entries, the stylesheet ("" without site_url)."""
        return self.site_url.removesuffix(self.language_dir) if self.language_dir else self.site_url

    @property
    def pages_dir(self) -> Path:
        """The folder of the hand-written pages."""
        return self.docs_dir if self.docs_dir is not None else self.root / "docs"
