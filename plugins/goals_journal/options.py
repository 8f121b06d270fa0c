"""Turn the plugin's options into resolved settings: real folders, a time zone, the as-of day."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PIL import ImageColor

from .cards import Colors
from .feeds import FeedOptions
from .site import Settings

WEEK_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


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
) -> FeedOptions:
    """The feed settings; feeds need the site's absolute address."""
    if not site_url:
        raise OptionError(
            "feeds need absolute URLs: set site_url in mkdocs.yml (e.g. site_url: https://me.github.io/journal/) "
            "or turn feeds off with 'feeds: false'"
        )
    if limit < 1:
        raise OptionError(f"feed_items must be 1 or more, not {limit}")
    return FeedOptions(
        site_url=site_url.rstrip("/") + "/",
        title=title,
        description=description,
        author=author,
        language=language,
        limit=limit,
        full=content == "full",
        weekly_roundups=weekly_roundups,
        monthly_roundups=monthly_roundups,
    )


def project_root(config_file: str | None) -> Path:
    """The folder of mkdocs.yml, where goals/ and journal/ live."""
    return Path(config_file or ".").resolve().parent


def resolve(opts: Any, config: Any, serving: bool) -> tuple[Settings, FeedOptions | None]:
    """The plugin's settings and feed settings from its options and the MkDocs config."""
    root = project_root(config.config_file_path)
    tz = time_zone(opts.timezone)
    settings = Settings(
        root=root,
        goals_dir=root / opts.goals_dir,
        journal_dir=root / opts.journal_dir,
        tz=tz,
        today=as_of_day(opts.today, tz),
        week_start=WEEK_DAYS.index(opts.week_start),
        count_private=opts.count_private,
        serving=serving,
        directory_urls=config.use_directory_urls,
        latest_entries=opts.latest_entries,
        site_name=config.site_name,
        site_description=config.site_description or "",
        feeds=opts.feeds,
        site_url=(config.site_url or "").rstrip("/") + "/" if config.site_url else "",
        cards=opts.cards,
        badges=opts.badges,
        share=opts.share_links,
    )
    if not opts.feeds:
        return settings, None
    feed = feed_options(
        config.site_url,
        opts.feed_title or config.site_name,
        opts.feed_description or config.site_description or "",
        opts.feed_author or config.site_author or "",
        str(config.theme.get("language") or ""),
        opts.feed_items,
        opts.feed_content,
        opts.feed_weekly_roundups,
        opts.feed_monthly_roundups,
    )
    return settings, feed


def card_colors(background: str, text: str, accent: str) -> Colors:
    """Card colours, checked."""
    for name, value in (("card_background", background), ("card_text", text), ("card_accent", accent)):
        try:
            ImageColor.getrgb(value)
        except ValueError:
            raise OptionError(
                f"{name} '{value}' is not a colour: use a CSS colour such as #00564d or teal"
            ) from None
    return Colors(background, text, accent)
