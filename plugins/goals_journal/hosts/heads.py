"""What the plugin adds to the <head> of pages, whatever the host: rel=me links to the author's profiles,
the webmention endpoint, and Open Graph and Twitter Card tags."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from ..outputs import social
from ..pages.plan import PageSpec
from ..pages.site import Site


def social_profiles(config: Any) -> frozenset[str]:
    """The addresses of `extra: social:` in mkdocs.yml (Material's social links)."""
    social_links = (config.get("extra") or {}).get("social") or ()
    return frozenset(
        str(item["link"]).strip() for item in social_links if isinstance(item, dict) and item.get("link")
    )


def me_links(addresses: Iterable[str]) -> str:
    """<link rel="me"> for each profile address."""
    return "".join(f'<link rel="me" href="{html.escape(address)}">' for address in addresses)


def webmention_link(endpoint: str) -> str:
    """`<link rel="webmention">` to the endpoint that receives the site's webmentions ("" when none)."""
    return f'<link rel="webmention" href="{html.escape(endpoint)}">' if endpoint else ""


def page_tags(
    site: Site, spec: PageSpec | None, title: str, description: str, address: str, alts: dict[str, str]
) -> str:
    """The webmention link, and the Open Graph and Twitter Card tags of a page (these none without site_url).

    `title` and `description` are the page's own, used when the plugin did not make the page (`spec`
    None) or gave it none; `address` is its absolute URL."""
    settings = site.settings
    link = webmention_link(settings.webmention_endpoint)
    if not settings.site_url:
        return link
    if spec is not None:
        title = settings.site_name if spec.kind == "home" else spec.title  # shared, home is the site
        description = spec.description or description
    description = description or settings.site_description
    return link + social.meta_tags(spec, site, settings.site_url, address, title, description, alts)
