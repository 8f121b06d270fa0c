"""The files besides pages that every host publishes (open data, the files beside goals and entries that
pages link, social cards, badges, the stylesheet), and what a feed carries of a page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files as package_files
from pathlib import Path
from urllib.parse import urljoin

from ..core.settings import CardColors, FeedSettings
from ..outputs import feeds, opendata, social
from ..outputs.badges import goal_badge
from ..pages.plan import PageSpec
from ..pages.render import Fragments, without_marks
from ..pages.site import Site
from ..speed.cards import cached_cards

CSS_URI = "assets/goals-journal.css"  # the plugin's stylesheet, added to every page
SiteFile = str | bytes | Path  # a file's text or bytes, or a file on disk to publish as it is
_HEADING = re.compile(r"\A\s*(#[ \t]|[^\n]+\n=+[ \t]*(\n|\Z))")


@dataclass(frozen=True)
class DrawnFiles:
    """The cards and badges of a site (URI -> file), and the line that says what was drawn ("" if nothing)."""

    files: dict[str, SiteFile]
    drawn: str


def data_files(site: Site) -> dict[str, SiteFile]:
    """Open data, and the files beside goals and entries that pages link."""
    files: dict[str, SiteFile] = dict(opendata.data_files(site, site.settings.root_url))
    files.update(site.plan.assets)
    return files


def cards_and_badges(site: Site, colors: CardColors) -> DrawnFiles:
    """Social cards (drawn only when not cached) and goal badges, and how many cards were drawn."""
    settings, drawn = site.settings, ""
    files: dict[str, SiteFile] = {}
    if settings.cards and settings.site_url:
        cache_dir = settings.root / ".cache" / "goals-journal" / "cards"
        cards = social.cards(site, social.footer_text(settings.root_url), colors)
        cached = cached_cards(cards, cache_dir)
        files.update(cached.pngs)  # a damaged cached file is never among them: it was redrawn
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
            files[f"goals/{goal_id}/badge.svg"] = goal_badge(progress, colors)
    return DrawnFiles(files, drawn)


def stylesheet() -> str:
    """The plugin's stylesheet."""
    return package_files("goals_journal.pages").joinpath("assets/goals-journal.css").read_text("utf-8")


def feed_content(
    site: Site, spec: PageSpec, html: str, has_heading: bool, made: Fragments, feed: FeedSettings, url: str
) -> str:
    """What a feed carries of a page: its text (and an entry's goals and help), links absolute."""
    text = html.split("</h1>", 1)[1] if has_heading else html
    text = (
        text + feeds.feed_extra(spec.entry, site) if spec.entry else without_marks(made.before + made.after)
    )
    return feeds.absolute_links(text, urljoin(site.settings.root_url, url))  # url: with any language folder


def opens_with_heading(markdown: str) -> bool:
    """Whether Markdown starts with a level-1 heading (then the plugin's HTML goes under it)."""
    return _HEADING.match(markdown) is not None


def surround(html: str, has_heading: bool, fragments: Fragments) -> str:
    """The page's own HTML with the plugin's before it (after its first heading, if any) and after it."""
    if has_heading and "</h1>" in html:
        cut = html.index("</h1>") + len("</h1>")
        return html[:cut] + fragments.before + html[cut:] + fragments.after
    return fragments.before + html + fragments.after
