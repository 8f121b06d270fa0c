"""What a page offers for sharing: share links with a text filled in, and its goal's badge to embed."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import quote, urlencode, urljoin

from .plan import PageSpec
from .site import Site
from .urls import page_url
from .words import review_summary
from .words.language import _
from .words.sharing import badge_alt, headline, roundup_share


@dataclass(frozen=True)
class ShareLink:
    """A link that opens a network's share form with the page's address and text."""

    network: str
    href: str


@dataclass(frozen=True)
class BadgeSnippets:
    """Markdown and HTML that embed a goal's badge, linked to its page."""

    markdown: str
    html: str


def share_text(spec: PageSpec, site: Site) -> str:
    """The text a share link fills in for a page."""
    if spec.goal is not None:
        return headline(site.progress[spec.goal.id])[1]
    if spec.roundup is not None:
        return roundup_share(spec.roundup)
    if spec.review is not None:
        return review_summary(spec.review)
    return spec.title


def share_links(url: str, text: str, mastodon_page: str) -> list[ShareLink]:
    """Links that share `url` with `text` prefilled: plain links, no scripts."""
    both = f"{text} {url}"
    return [
        ShareLink("X", "https://x.com/intent/post?" + urlencode({"text": text, "url": url})),
        ShareLink("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ShareLink("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
        ShareLink("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": both})),
        ShareLink("Mastodon", mastodon_page + "?" + urlencode({"text": both})),
        ShareLink(_("E-mail"), f"mailto:?subject={quote(text)}&body={quote(both)}"),
    ]


def badge_snippets(site: Site, goal_id: str) -> BadgeSnippets:
    """Markdown and HTML that embed a goal's badge, linked to its page."""
    site_url = site.settings.site_url
    progress = site.progress[goal_id]
    image = urljoin(site_url, f"goals/{goal_id}/badge.svg")
    target = urljoin(site_url, page_url(progress.goal.uri, site.settings.directory_urls))
    alt = badge_alt(progress)
    return BadgeSnippets(
        f"[![{alt}]({image})]({target})",
        f'<a href="{escape(target)}"><img src="{escape(image)}" alt="{escape(alt)}"></a>',
    )
