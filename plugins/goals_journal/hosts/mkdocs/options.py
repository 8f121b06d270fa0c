"""The plugin's options as MkDocs reads and checks them from mkdocs.yml."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import base
from mkdocs.config import config_options as c

from ...core.vocabulary import WEEKDAYS


class GoalsJournalConfig(base.Config):  # type: ignore[no-untyped-call]
    """Options of the goals-journal plugin in mkdocs.yml."""

    goals_dir = c.Type(str, default="goals")
    journal_dir = c.Type(str, default="journal")
    timezone = c.Type(str, default="UTC")
    week_start = c.Optional(c.Choice(WEEKDAYS))  # default: the language's first day (Monday in English)
    language = c.Optional(c.Type(str))  # default: theme.language; a BCP 47 tag such as de or pt-BR
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
    websub_hub = c.Optional(
        c.Type(str)
    )  # a WebSub hub the feeds name, e.g. https://pubsubhubbub.appspot.com/
    cards = c.Type(bool, default=True)
    badges = c.Type(bool, default=True)
    share_links = c.Type(bool, default=True)
    card_background = c.Optional(c.Type(str))  # default: the theme's primary colour (see config.colors)
    card_text = c.Optional(c.Type(str))  # default: the text Material draws on the primary
    card_accent = c.Optional(c.Type(str))  # default: the theme's accent colour
    remind_safe_days = c.Type(
        int, default=2
    )  # goals remind: a total safe this many days or fewer, a period ending as soon
    webmention_endpoint = c.Optional(c.Type(str))  # adds <link rel="webmention"> to every page
    webmention_api = c.Optional(c.Type(str))  # JF2 API URL template with {url}: mentions are fetched
    avatar = c.Optional(
        c.Type(str)
    )  # the author's picture for their h-card: an image path of the site or a URL
    rel_me = c.Type(list, default=[])  # profile addresses for <link rel="me"> in every page's head
    own_sites = c.Type(list, default=[])  # hosts or addresses of the author's own sites (besides site_url)
    # `import:` (a Python keyword, so set by name): the metric ids `goals import` records its numbers as
    vars()["import"] = c.Type(dict, default={})
