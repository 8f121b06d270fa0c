"""What an archive adds to the journal: per day and platform, the numbers and helped items to record.

The mapping (public interface, see the README): a boost, a quote, and an own post that links to
someone else's site add 1 to `shared_others`; an own post that links to the author's own site adds
1 to `shared_own` (an own link wins when a post has both); a reply to someone else becomes a helped
item. The `import:` option may map the two numbers to other metric ids. Only what some goal tracks
is recorded: the rest is reported, never silently dropped."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..core.activity import Activity, Archive
from ..core.model import Goal, Helped, Journal
from ..core.plaintext import shorten

NUMBERS = ("shared_others", "shared_own")  # what an import counts, before the `import:` option maps them
HOW_LIMIT = 200  # characters of a reply's text kept as the helped item's `how`


@dataclass(frozen=True)
class ImportOptions:
    """How activities become numbers: the metric ids for the two numbers, and the author's own sites."""

    metric_ids: dict[str, str] = field(default_factory=lambda: {n: n for n in NUMBERS})
    own_hosts: frozenset[str] = frozenset()  # the host of site_url and of each `own_sites` entry
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))


@dataclass(frozen=True)
class DayImport:
    """What one day on one platform adds: an entry's goals, numbers, helped items and activity ids."""

    day: dt.date
    platform: str
    goals: tuple[str, ...]
    metrics: dict[str, int]
    helped: tuple[Helped, ...]
    activities: tuple[Activity, ...]  # every new activity of the day that was recorded

    @property
    def ids(self) -> tuple[str, ...]:
        """The activities' ids as entries record them: platform:id."""
        return tuple(f"{a.platform}:{a.id}" for a in self.activities)


@dataclass(frozen=True)
class ImportPlan:
    """The entries an import writes, and what it did not record, with the reason."""

    days: tuple[DayImport, ...]
    already: int  # activities an earlier import recorded
    not_recorded: Counter[str]  # reason -> how many ("boosts and quotes: no goal tracks shared_others")


def own_hosts(site_url: str, own_sites: list[str]) -> frozenset[str]:
    """The author's own hosts, without www: the site's and those of `own_sites` (addresses or hosts)."""
    hosts = set()
    for address in [site_url, *own_sites]:
        text = address.strip()
        host = urlsplit(text if "//" in text else f"//{text}").hostname or ""
        if host:
            hosts.add(host.removeprefix("www."))
    return frozenset(hosts)


def plan_import(archive: Archive, journal: Journal, options: ImportOptions) -> ImportPlan:
    """Group the archive's new activities by local day and turn them into entries' data."""
    done = {imported for entry in journal.entries for imported in entry.imported}
    new = [a for a in archive.activities if f"{a.platform}:{a.id}" not in done]
    tracking = _tracking(journal.goals, options)
    not_recorded: Counter[str] = Counter()
    by_day: dict[dt.date, list[Activity]] = {}
    for activity in sorted(new, key=lambda a: (a.when, a.id)):
        by_day.setdefault(activity.when.astimezone(options.tz).date(), []).append(activity)
    days = []
    for day, activities in sorted(by_day.items()):
        made = _day(day, archive.platform, activities, tracking, options, not_recorded)
        if made is not None:
            days.append(made)
    return ImportPlan(tuple(days), len(archive.activities) - len(new), not_recorded)


def _tracking(goals: dict[str, Goal], options: ImportOptions) -> dict[str, tuple[str, ...]]:
    """For each number (shared_others, shared_own, helped): the goals that track it."""
    tracked: dict[str, tuple[str, ...]] = {}
    for number in NUMBERS:
        metric = options.metric_ids.get(number, number)
        tracked[number] = tuple(g.id for g in goals.values() if metric in g.inputs)
    tracked["helped"] = tuple(g.id for g in goals.values() if any(m.count == "helped" for m in g.metrics))
    return tracked


def _day(
    day: dt.date,
    platform: str,
    activities: list[Activity],
    tracking: dict[str, tuple[str, ...]],
    options: ImportOptions,
    not_recorded: Counter[str],
) -> DayImport | None:
    """One day's entry data (None when nothing of the day is tracked by any goal)."""
    counts: Counter[str] = Counter()
    helped: list[Helped] = []
    recorded: list[Activity] = []
    for activity in activities:
        number = _number(activity, options.own_hosts)
        if activity.kind == "reply":
            if not tracking["helped"]:
                not_recorded["replies: no goal counts helped items (count: helped)"] += 1
                continue
            helped.append(_helped(activity))
        elif number is None:
            not_recorded["own posts without links: they count for nothing"] += 1
            continue
        elif not tracking[number]:
            not_recorded[f"{_what(number)}: no goal tracks {options.metric_ids.get(number, number)}"] += 1
            continue
        else:
            counts[options.metric_ids.get(number, number)] += 1
        recorded.append(activity)
    if not recorded:
        return None
    goal_ids = [
        g for number in NUMBERS if counts[options.metric_ids.get(number, number)] for g in tracking[number]
    ]
    goal_ids += list(tracking["helped"]) if helped else []
    return DayImport(
        day, platform, tuple(dict.fromkeys(goal_ids)), dict(counts), tuple(helped), tuple(recorded)
    )


def _number(activity: Activity, own: frozenset[str]) -> str | None:
    """The number an activity adds to (None for replies and own posts without links)."""
    if activity.kind in ("boost", "quote"):
        return "shared_others"
    links = [link for link in activity.links if not _own_post(link, activity)]
    if activity.kind != "post" or not links:
        return None
    hosts = {(urlsplit(link).hostname or "").removeprefix("www.") for link in links}
    return "shared_own" if hosts & own else "shared_others"


def _own_post(link: str, activity: Activity) -> bool:
    """A link to another of the author's posts on the same platform (neither own site nor others')."""
    if activity.platform == "linkedin" or not activity.url:  # LinkedIn post addresses do not name the author
        return False
    prefix = activity.url[: activity.url.rfind("/") + 1]  # .../@me/, x.com/me/status/, .../profile/did/post/
    return bool(prefix) and link.startswith(prefix)


def _helped(activity: Activity) -> Helped:
    """A reply to someone else as a helped item for the author to refine."""
    return Helped(
        how=shorten(" ".join(activity.text.split()), HOW_LIMIT) or "Replied",
        who=activity.replied_to,
        kind="other",
        where=activity.platform,
        link=activity.url,
        private=activity.private,
    )


def _what(number: str) -> str:
    """The activities behind a number, in words for the summary."""
    return (
        "boosts, quotes and links to others' sites" if number == "shared_others" else "links to your own site"
    )
