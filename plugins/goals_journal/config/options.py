"""Turn the plugin's options into resolved settings: real folders, a time zone, the as-of day.

Hosts and the CLI give the options as read from mkdocs.yml (any object with the option names as
attributes) and the site's own settings as a `SiteConfig`."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PIL import ImageColor

from ..core.mentions import web_address
from ..core.model import Problem
from ..core.settings import CardColors, FeedSettings, Folders, Settings
from ..pages import palette
from .colors import config_line, read_stylesheets, site_scheme
from .languages import LanguageBuild, choose_language

MATERIAL_FAVICON = "assets/images/favicon.png"  # Material's own, when the theme sets none

PLUGIN_NAME = "goals-journal"  # the plugin's name under `plugins:` in mkdocs.yml
PLACEHOLDER_URL = "https://USERNAME.github.io/REPO/"  # what `goals init` writes when it cannot tell


@dataclass(frozen=True)
class SiteConfig:
    """What the plugin reads of the site's own settings in mkdocs.yml."""

    config_file: str | None
    site_name: str
    site_url: str | None = None
    site_description: str | None = None
    site_author: str | None = None
    directory_urls: bool = True
    language: str = ""
    docs_dir: str | None = None
    favicon: str = ""  # the theme's favicon (Material's default when empty)
    palette: Any = None  # the theme's `palette`: a mapping, a list of them, or None
    extra_css: tuple[str, ...] = ()  # the site's own stylesheets (paths in docs_dir, or addresses)
    languages: LanguageBuild | None = None  # this build's language when it is one of several (static-i18n)


@dataclass(frozen=True)
class Resolved:
    """Everything a build runs with: the settings, the feed settings (None when off) and card colours;
    and what is wrong with the settings without stopping a build (warnings, so --strict stops)."""

    settings: Settings
    feeds: FeedSettings | None
    colors: CardColors
    problems: tuple[Problem, ...] = ()


def site_config(config: Any) -> SiteConfig:
    """The site settings of a loaded MkDocs (or compatible) configuration."""
    return SiteConfig(
        config_file=config.config_file_path,
        site_name=config.site_name,
        site_url=config.site_url,
        site_description=config.site_description,
        site_author=config.site_author,
        directory_urls=config.use_directory_urls,
        language=str(config.theme.get("language") or ""),
        docs_dir=config.docs_dir,
        favicon=str(config.theme.get("favicon") or ""),
        palette=config.theme.get("palette"),
        extra_css=tuple(str(name) for name in config.extra_css),
    )


class OptionError(ValueError):
    """An option has a value the plugin cannot use; the message says how to fix it."""


def time_zone(name: str) -> ZoneInfo:
    """The IANA time zone called `name`."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise OptionError(
            f"timezone '{name}' is not an IANA time zone name: use one such as Europe/Berlin or America/New_York"
        ) from None


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
            raise OptionError(f"today '{option}' must be a date written YYYY-MM-DD") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz).date()
        except (ValueError, OverflowError, OSError):
            raise OptionError(f"SOURCE_DATE_EPOCH='{epoch}' must be a whole number of seconds") from None
    return dt.datetime.now(tz).date()


def feed_options(
    site_url: str | None,
    title: str,
    description: str,
    author: str,
    language: str,
    limit: int,
    content: str,
    weekly_roundups: bool = True,
    monthly_roundups: bool = True,
    *,
    hub: str | None = None,
    card: bool = False,
    favicon: str = "",
) -> FeedSettings:
    """The feed settings; feeds need the site's absolute address."""
    if not site_url:
        raise OptionError(
            "feeds need absolute URLs: set site_url in mkdocs.yml (e.g. site_url: https://me.github.io/journal/) "
            "or turn feeds off with 'feeds: false'"
        )
    if limit < 1:
        raise OptionError(f"feed_items must be 1 or more, not {limit}")
    hub = (hub or "").strip()
    address = urlsplit(hub)
    if hub and (address.scheme not in ("http", "https") or not address.netloc or " " in hub):
        raise OptionError(
            f"websub_hub '{hub}' must be an absolute http(s) address such as https://pubsubhubbub.appspot.com/"
        )
    return FeedSettings(
        site_url=site_url.rstrip("/") + "/",
        title=title,
        description=description,
        author=author,
        language=language,
        limit=limit,
        full=content == "full",
        weekly_roundups=weekly_roundups,
        monthly_roundups=monthly_roundups,
        hub=hub,
        card=card,
        favicon=favicon,
    )


def project_root(config_file: str | None) -> Path:
    """The folder of mkdocs.yml, where goals/ and journal/ live."""
    return Path(config_file or ".").resolve().parent


def folders(opts: Any, site: SiteConfig) -> Folders:
    """Where the journal is, and its time zone (all that writing a file needs)."""
    root = project_root(site.config_file)
    pages = Path(site.docs_dir) if site.docs_dir else root / "docs"
    return Folders(root, root / opts.goals_dir, root / opts.journal_dir, time_zone(opts.timezone), pages)


def resolve(opts: Any, site: SiteConfig, serving: bool) -> Resolved:
    """The settings, feed settings and card colours from the plugin's options and the site's settings."""
    where = folders(opts, site)
    chosen = choose_language(
        getattr(opts, "language", None), opts.week_start, site.language, site.languages, site.config_file
    )
    folder = site.languages.folder if site.languages is not None else ""
    root_url = (site.site_url or "").rstrip("/") + "/" if site.site_url else ""
    settings = Settings(
        root=where.root,
        goals_dir=where.goals_dir,
        journal_dir=where.journal_dir,
        tz=where.tz,
        today=as_of_day(opts.today, where.tz),
        week_start=chosen.week_start,
        language=chosen.code,
        count_private=opts.count_private,
        serving=serving,
        directory_urls=site.directory_urls,
        latest_entries=opts.latest_entries,
        site_name=site.site_name,
        site_description=site.site_description or "",
        feeds=opts.feeds,
        site_url=root_url + folder if root_url else "",
        language_dir=folder,
        cards=opts.cards,
        badges=opts.badges,
        share=opts.share_links,
        docs_dir=Path(site.docs_dir) if site.docs_dir else None,
        **webmention_options(opts, site.site_url),
        author=site.site_author or "",
        avatar=avatar(opts.avatar),
        rel_me=profiles(opts.rel_me),
    )
    feed = None
    if opts.feeds:
        feed = feed_options(
            settings.site_url or site.site_url,
            opts.feed_title or site.site_name,
            opts.feed_description or site.site_description or "",
            opts.feed_author or site.site_author or "",
            chosen.feed_tag,
            opts.feed_items,
            opts.feed_content,
            opts.feed_weekly_roundups,
            opts.feed_monthly_roundups,
            hub=opts.websub_hub,
            card=opts.cards,  # the site card is drawn when cards are on (feeds need site_url too)
            favicon=urljoin(root_url, site.favicon or MATERIAL_FAVICON),  # at the root in every language
        )
    scheme, palette_problems = site_scheme(
        site.palette, read_stylesheets(site.docs_dir, site.extra_css), site.config_file
    )
    colors, color_problems = card_colors(
        scheme, site.config_file, opts.card_background, opts.card_text, opts.card_accent
    )
    problems = (*placeholder_problems(site), *chosen.problems, *palette_problems, *color_problems)
    return Resolved(settings, feed, colors, problems)


def avatar(option: str | None) -> str:
    """The author's picture: an http(s) address, or a path of the site such as assets/me.jpg."""
    value = (option or "").strip()
    if urlsplit(value).scheme not in ("", "http", "https") or value.startswith("//"):
        raise OptionError(
            f"avatar '{value}' must be an http(s) address or a path of the site such as assets/me.jpg"
        )
    return value.lstrip("/")


def profiles(option: list[Any]) -> tuple[str, ...]:
    """The rel_me addresses, checked: profiles are absolute http(s) (or mailto:) addresses."""
    checked = []
    for value in option:
        if not isinstance(value, str) or urlsplit(value.strip()).scheme not in ("http", "https", "mailto"):
            raise OptionError(
                f"rel_me: {value!r} is not a profile address: use addresses such as https://mastodon.social/@me"
            )
        checked.append(value.strip())
    return tuple(dict.fromkeys(checked))


def webmention_options(opts: Any, site_url: str | None) -> dict[str, str]:
    """The webmention endpoint and the mentions API template, checked ("" when not set)."""
    endpoint = (getattr(opts, "webmention_endpoint", None) or "").strip()
    api = (getattr(opts, "webmention_api", None) or "").strip()
    for name, value in (("webmention_endpoint", endpoint), ("webmention_api", api)):
        if value and not web_address(value.replace("{url}", "x")):
            raise OptionError(
                f"{name} '{value}' is not a web address: use an absolute http:// or https:// URL"
            )
    if api and "{url}" not in api:
        raise OptionError(
            f"webmention_api '{api}' has no {{url}} where the entry's address goes: use one such as "
            "https://webmention.io/api/mentions.jf2?target={url}&per-page=100"
        )
    if api and not site_url:
        raise OptionError(
            "webmention_api needs the entries' absolute addresses: set site_url in mkdocs.yml "
            "(e.g. site_url: https://me.github.io/journal/)"
        )
    return {"webmention_endpoint": endpoint, "webmention_api": api}


def placeholder_problems(site: SiteConfig) -> tuple[Problem, ...]:
    """A warning when site_url is still the placeholder of `goals init` (feeds and cards would point there)."""
    if (site.site_url or "").rstrip("/") != PLACEHOLDER_URL.rstrip("/"):
        return ()
    path = Path(site.config_file or "mkdocs.yml")
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    line = next((n for n, text in enumerate(lines, start=1) if text.startswith("site_url:")), 1)
    message = (
        f"site_url is still the placeholder {PLACEHOLDER_URL}: set it to the site's address, such as "
        "https://<user>.github.io/<repository>/ on GitHub Pages (feeds, cards and badges link there)"
    )
    return (Problem(path.name, line, message, "warning"),)


def card_colors(
    scheme: palette.SchemeColors,
    config_file: str | None = None,
    background: str | None = None,
    text: str | None = None,
    accent: str | None = None,
) -> tuple[CardColors, tuple[Problem, ...]]:
    """Card colours from the site's palette (the primary, deepened until its text reads well, and the
    accent where it stands out from it), each replaced by its card_* option when set, checked."""
    chosen = {"card_background": background, "card_text": text, "card_accent": accent}
    given = {name: _option_color(name, value) for name, value in chosen.items() if value}
    back = given.get("card_background") or palette.readable(scheme.primary, scheme.on_primary)
    fore = given.get("card_text") or scheme.on_primary
    if "card_text" not in given and "card_background" in given:
        fore = palette.text_on(back)  # a background of one's own: the text that reads on it
    colors = CardColors(
        background=back,
        text=fore,
        accent=given.get("card_accent") or palette.stands_out(scheme.accent, back, fore),
        primary=scheme.primary,
        on_primary=scheme.on_primary,
    )
    ratio = palette.contrast(colors.background, colors.text)
    if ratio >= 3:
        return colors, ()
    message = (
        f"card_text {colors.text} on card_background {colors.background} has a contrast of {ratio:.1f}:1, "
        "too little to read: choose colours with 4.5:1 or more (or leave both out to follow the theme)"
    )
    key = "card_text" if "card_text" in given else "card_background"
    return colors, (Problem(*config_line(config_file, key, str(chosen[key])), message, "warning"),)


def _option_color(name: str, value: str) -> str:
    """A card_* option's colour as #rrggbb; an OptionError when it is not a colour."""
    try:
        channels = ImageColor.getrgb(value)
    except ValueError:
        raise OptionError(
            f"{name} '{value}' is not a colour: use a CSS colour such as #00564d or teal"
        ) from None
    return palette.hex_color(*channels[:3])
