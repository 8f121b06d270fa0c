"""What the accountability looks like where people share it: cards, badges, meta tags, share texts."""

from __future__ import annotations

from html import escape
from urllib.parse import urljoin, urlsplit

from .cards import Bar, Card, Colors, badge
from .progress import GoalProgress, MetricProgress
from .roundups import KIND_WORDS
from .site import PageSpec, Site
from .urls import page_url
from .wording import metric_text, percent

DEFAULT_CARD = "assets/card.png"
MASTODON_PAGE = "share/mastodon.md"


def card_uri(spec: PageSpec) -> str:
    """Where a page's own card is published (pages without one use the site card)."""
    if spec.kind in ("goal", "roundup", "review"):
        return spec.uri.removesuffix(".md") + "/card.png"
    return DEFAULT_CARD


def headline(progress: GoalProgress) -> tuple[int | None, str]:
    """The percent and words of a goal's first measurable metric, for badges and share texts."""
    for metric in progress.metrics:
        if metric.fraction is not None:
            return percent(metric.fraction, clamp=False), share_words(progress, metric)
    return None, f"Working on “{progress.goal.title}” ({progress.status_text})"


def share_words(progress: GoalProgress, metric: MetricProgress) -> str:
    """62% of the way to 150 people helped (Help others)."""
    title, label = progress.goal.title, metric.metric.label.lower()
    text = metric_text(metric)
    if metric.metric.shape == "total":
        return f"{percent(metric.fraction, clamp=False)}% of the way to {text['target']} {label} ({title})"
    if metric.metric.shape == "rate":
        per = metric.metric.per or "day"
        return f"{metric.met} of {metric.elapsed} {per}s met so far: {label} ({title})"
    return f"{text['value']} {label}, aiming for {text['target']} ({title})"


def goal_badge(progress: GoalProgress) -> str:
    """help others | 62% · on track."""
    share, _ = headline(progress)
    message = progress.status_text if share is None else f"{share}% · {progress.status_text}"
    return badge(progress.goal.id.replace("-", " ").replace("_", " "), message, progress.state)


def _bars(progress: GoalProgress, label: str | None = None) -> list[Bar]:
    """Progress bars of a goal's metrics (or one bar labelled with the goal, for overviews)."""
    bars = []
    for metric in progress.metrics:
        text = metric_text(metric)
        value = text["value"] + (f" / {text['target']}" if text["target"] else "")
        bars.append(Bar(label or metric.metric.label, value, metric.fraction))
        if label:
            break
    return bars


def cards(site: Site, footer: str, colors: Colors) -> dict[str, Card]:
    """Every card of the site: URI -> what it shows."""
    name = site.settings.site_name
    result = {}
    overview = [
        bar for p in site.progress.values() if p.goal.status == "active" for bar in _bars(p, p.goal.title)
    ]
    lines: tuple[str, ...] = (site.settings.site_description,) if site.settings.site_description else ()
    result[DEFAULT_CARD] = Card(name, name, lines, tuple(overview[:3]), "", footer, colors)
    for spec in site.pages.values():
        if spec.goal is not None:
            progress = site.progress[spec.goal.id]
            streaks = [m for m in progress.metrics if m.metric.shape == "rate" and m.current_streak]
            extra = (
                [f"Current streak: {streaks[0].current_streak} {streaks[0].metric.per}s"] if streaks else []
            )
            why = [spec.goal.why] if spec.goal.why else []
            bars = tuple(_bars(progress)[:3])
            result[card_uri(spec)] = Card(
                name, spec.goal.title, (*why, *extra), bars, progress.status_text, footer, colors
            )
        elif spec.roundup is not None:
            roundup, total = spec.roundup, len(spec.roundup.acts)
            bars = tuple(
                Bar(KIND_WORDS[kind][1].capitalize(), str(count), count / total)
                for kind, count in roundup.counts()[:3]
            )
            title = f"How I helped · {roundup.label}"
            result[card_uri(spec)] = Card(
                name, title, (roundup.summary(),), bars, roundup.span, footer, colors
            )
        elif spec.review is not None:
            review = spec.review
            goals = [bar for p in site.review_progress(review) for bar in _bars(p, p.goal.title)]
            lines = (review.summary(), f"{review.entries} journal entries.")
            result[card_uri(spec)] = Card(name, review.title, lines, tuple(goals[:2]), "", footer, colors)
    return result


def share_text(spec: PageSpec, site: Site) -> str:
    """The text a share link fills in for a page."""
    if spec.goal is not None:
        return headline(site.progress[spec.goal.id])[1]
    if spec.roundup is not None:
        return f"{spec.roundup.summary()} ({spec.roundup.label})"
    if spec.review is not None:
        return spec.review.summary()
    return spec.title


def meta_tags(
    spec: PageSpec | None, site: Site, site_url: str, url: str, title: str, description: str
) -> str:
    """Open Graph and Twitter Card tags for a page; every URL absolute."""
    image = urljoin(site_url, card_uri(spec) if spec is not None else DEFAULT_CARD)
    article = spec is not None and spec.entry is not None
    tags = [
        ("property", "og:type", "article" if article else "website"),
        ("property", "og:site_name", site.settings.site_name),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:image", image),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", "1200"),
        ("property", "og:image:height", "630"),
        ("property", "og:image:alt", title),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", image),
    ]
    if article and spec is not None and spec.entry is not None:
        tags.append(("property", "article:published_time", spec.entry.moment.isoformat()))
        tags += [("property", "article:tag", tag) for tag in spec.entry.tags]
    return "".join(f'<meta {kind}="{key}" content="{escape(value)}">' for kind, key, value in tags if value)


def footer_text(site_url: str) -> str:
    """example.github.io/clay-and-kindness: the address printed on cards."""
    parts = urlsplit(site_url)
    return (parts.netloc + parts.path).rstrip("/")


def badge_snippets(site: Site, site_url: str, goal_id: str) -> dict[str, str]:
    """Markdown and HTML that embed a goal's badge, linked to its page."""
    progress = site.progress[goal_id]
    image = urljoin(site_url, f"goals/{goal_id}/badge.svg")
    target = urljoin(site_url, page_url(progress.goal.uri, site.settings.directory_urls))
    alt = f"{progress.goal.title}: {progress.status_text}"
    return {
        "markdown": f"[![{alt}]({image})]({target})",
        "html": f'<a href="{escape(target)}"><img src="{escape(image)}" alt="{escape(alt)}"></a>',
    }
