"""The words that travel with a shared link: share texts, badges and feed titles (cards: words.cards)."""

from __future__ import annotations

from ...core.progress import GoalProgress, MetricProgress
from ...core.roundups import Roundup
from . import percent, percent_text, roundup_label, roundup_summary, share, status_text
from .cards import unit
from .language import _, n_
from .metrics import metric_text


def headline(progress: GoalProgress) -> tuple[int | None, str]:
    """The percent and words of a goal's first measurable metric, for badges and share texts."""
    for metric in progress.metrics:
        if metric.fraction is not None:
            return percent(metric.fraction, clamp=False), share_words(progress, metric)
    return None, _(
        "Working on “%(title)s” (%(status)s)", title=progress.goal.title, status=status_text(progress)
    )


def share_words(progress: GoalProgress, metric: MetricProgress) -> str:
    """62% of the way to 150 people helped (Help others)."""
    title, label = progress.goal.title, unit(metric.metric.label)
    text = metric_text(metric)
    if metric.metric.shape == "total":
        return _(
            "%(share)s of the way to %(target)s %(label)s (%(title)s)",
            share=share(metric.fraction),
            target=text.target,
            label=label,
            title=title,
        )
    if metric.metric.shape == "rate":
        return _rate_share(metric, label, title)
    return _(
        "%(value)s %(label)s, aiming for %(target)s (%(title)s)",
        value=text.value,
        label=label,
        target=text.target,
        title=title,
    )


def _rate_share(metric: MetricProgress, label: str, title: str) -> str:
    """5 of 8 weeks met so far: check-ins (Stay in touch)."""
    per, met, elapsed = metric.metric.per or "day", metric.met, metric.elapsed
    if per == "day":
        return n_(
            "%(met)s of %(count)s day met so far: %(label)s (%(title)s)",
            "%(met)s of %(count)s days met so far: %(label)s (%(title)s)",
            elapsed,
            met=met,
            label=label,
            title=title,
        )
    if per == "week":
        return n_(
            "%(met)s of %(count)s week met so far: %(label)s (%(title)s)",
            "%(met)s of %(count)s weeks met so far: %(label)s (%(title)s)",
            elapsed,
            met=met,
            label=label,
            title=title,
        )
    return n_(
        "%(met)s of %(count)s month met so far: %(label)s (%(title)s)",
        "%(met)s of %(count)s months met so far: %(label)s (%(title)s)",
        elapsed,
        met=met,
        label=label,
        title=title,
    )


def roundup_share(roundup: Roundup) -> str:
    """This week I helped 7 people: ... (16–22 Nov 2026)."""
    return _("%(summary)s (%(period)s)", summary=roundup_summary(roundup), period=roundup_label(roundup))


def badge_message(progress: GoalProgress) -> str:
    """62% · on track."""
    whole, _words = headline(progress)
    if whole is None:
        return status_text(progress)
    return _("%(share)s · %(status)s", share=percent_text(whole), status=status_text(progress))


def badge_alt(progress: GoalProgress) -> str:
    """Help others: on track."""
    return _("%(title)s: %(status)s", title=progress.goal.title, status=status_text(progress))


def helped_feed_title(site_feed_title: str) -> str:
    """How I helped · My journal."""
    return _("How I helped · %(site)s", site=site_feed_title)


def helped_feed_description() -> str:
    """What the help feed carries."""
    return _("Every finished week and month of help, as a roundup.")


def goal_feed_title(goal_title: str, site_feed_title: str) -> str:
    """Help others · My journal."""
    return _("%(goal)s · %(site)s", goal=goal_title, site=site_feed_title)


def feed_page_words() -> dict[str, str]:
    """The sentences of the page a browser shows for an RSS or Atom feed (feed.xsl), by their English."""
    english = (
        "This is a feed.",
        "It shows the newest posts of this site in a feed reader.",
        "To subscribe, copy this address into your feed reader:",
        'No feed reader yet? Many are free, as apps and on the web: search for "feed reader".',
        "Go to the site",
        "Newest posts",
    )
    said = (
        _("This is a feed."),
        _("It shows the newest posts of this site in a feed reader."),
        _("To subscribe, copy this address into your feed reader:"),
        _('No feed reader yet? Many are free, as apps and on the web: search for "feed reader".'),
        _("Go to the site"),
        _("Newest posts"),
    )
    return dict(zip(english, said, strict=True))


def read_on_the_site() -> str:
    """The link that ends a long entry's feed item."""
    return _("This entry is long: read all of it on the site.")
