"""Microformats2 for IndieWeb readers: the author's h-card and the hidden names and addresses of
h-entry and h-feed roots (https://microformats.org/wiki/h-entry). Hidden parts sit in a
`<div hidden>`, so pages look exactly as they do without them."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup

from ..core.settings import Settings
from .urls import page_url

HOME = "index.md"


def address(settings: Settings, uri: str, url: Callable[[str], str]) -> str:
    """The address of a page or file of the site: absolute with site_url, else relative to the page."""
    if settings.site_url:
        return urljoin(settings.site_url, page_url(uri, settings.directory_urls))
    return url(uri)


def avatar(settings: Settings, url: Callable[[str], str]) -> str:
    """The author's picture: the `avatar` address as it is, or its path as an address of the site."""
    if not settings.avatar or urlsplit(settings.avatar).scheme:
        return settings.avatar
    return address(settings, settings.avatar, url)


def h_card(settings: Settings, url: Callable[[str], str], prop: str = "p-author") -> Markup:
    """The author's h-card (name, home page, picture), as the `prop` property or on its own (prop "");
    nothing without site_author. Its home page is also its uid, so readers take it as the site's own."""
    if not settings.author:
        return Markup("")
    home = address(settings, HOME, url)
    parts = [_data("p-name", settings.author), _data("u-url u-uid", home)]
    picture = avatar(settings, url)
    if picture:
        parts.append(_data("u-photo", picture))
    classes = f"{prop} h-card" if prop else "h-card"
    return Markup('<span class="{}">').format(classes) + Markup("").join(parts) + Markup("</span>")


def hidden(*parts: Markup) -> Markup:
    """Parts that only machines read, out of the page's layout (nothing when they are empty)."""
    if not any(parts):
        return Markup("")
    return Markup('<div class="gj-mf" hidden>') + Markup("").join(parts) + Markup("</div>\n")


def entry_head(settings: Settings, url: Callable[[str], str], name: str, uri: str) -> Markup:
    """The hidden name, address and author of an entry page's h-entry."""
    return hidden(_data("p-name", name), _data("u-url", address(settings, uri, url)), h_card(settings, url))


def feed_head(settings: Settings, url: Callable[[str], str], name: str) -> Markup:
    """The hidden name and author of a list of entries' h-feed."""
    return hidden(_data("p-name", name), h_card(settings, url))


def _data(classes: str, value: str) -> Markup:
    """An empty <data> element that gives a property its value."""
    return Markup('<data class="{}" value="{}"></data>').format(classes, value)
