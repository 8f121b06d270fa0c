"""The words that travel with a shared link: share texts, badges and feed titles (cards: words.cards)."""

from __future__ import annotations

from ...core.progress import GoalProgress, MetricProgress
from ...core.roundups import Roundup
from . import HELPED_TITLE, percent, roundup_label, roundup_summary, status_text
from .metrics import metric_text


def headline(progress: GoalProgress) -> tuple[int | None, str]:
    """The percent and words of a goal's first measurable metric, for badges and share texts."""
    for metric in progress.metrics:
        if metric.fraction is not None:
            return percent(metric.fraction, clamp=False), share_words(progress, metric)
    return None, f"Working on “{progress.goal.title}” ({status_text(progress)})"


def share_words(progress: GoalProgress, metric: MetricProgress) -> str:
    """62% of the way to 150 people helped (Help others)."""
    title, label = progress.goal.title, metric.metric.label.lower()
    text = metric_text(metric)
    if metric.metric.shape == "total":
        return f"{percent(metric.fraction, clamp=False)}% of the way to {text.target} {label} ({title})"
    if metric.metric.shape == "rate":
        per = metric.metric.per or "day"
        return f"{metric.met} of {metric.elapsed} {per}s met so far: {label} ({title})"
    return f"{text.value} {label}, aiming for {text.target} ({title})"


def roundup_share(roundup: Roundup) -> str:
    """This week I helped 7 people: ... (Week 47, 2026)."""
    return f"{roundup_summary(roundup)} ({roundup_label(roundup)})"


def badge_message(progress: GoalProgress) -> str:
    """62% · on track."""
    share, _ = headline(progress)
    return status_text(progress) if share is None else f"{share}% · {status_text(progress)}"


def badge_alt(progress: GoalProgress) -> str:
    """Help others: on track."""
    return f"{progress.goal.title}: {status_text(progress)}"


def helped_feed_title(site_feed_title: str) -> str:
    """How I helped · My journal."""
    return f"{HELPED_TITLE} · {site_feed_title}"


def goal_feed_title(goal_title: str, site_feed_title: str) -> str:
    """Help others · My journal."""
    return f"{goal_title} · {site_feed_title}"


# The Mastodon share page (/share/mastodon/): it asks for the reader's server, then opens its share form.
MASTODON_INTRO = (
    "Mastodon has no single address to share to: type the server you use and the post opens there, "
    "ready to send."
)
MASTODON_SERVER = "Your server"
MASTODON_SERVER_HINT = "The address of your Mastodon server, for example mastodon.social or hachyderm.io."
MASTODON_POST = "Post"
MASTODON_SEND = "Share on Mastodon"
MASTODON_DIRECT = (
    "This page shares a page of this site on Mastodon. Open it from the Share links of a goal, a "
    "roundup or a year in review, and the post is written for you."
)
MASTODON_BACK = "Back to the journal"
MASTODON_GOALS = "See the goals"
