"""`goals import`: activities become draft entries, numbers worked out by hand, safe to run again."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from conftest import build_journal, entry, goal, write_files
from goals_journal.cli.importing import entry_text, planned_files
from goals_journal.core.activity import Activity, Archive
from goals_journal.core.reader import read_journal
from goals_journal.core.settings import Settings
from goals_journal.imports.mapping import ImportOptions, own_hosts, plan_import

NEW_YORK = ZoneInfo("America/New_York")
UTC = dt.timezone.utc
GOALS: dict[str, str | bytes] = {
    "goals/follow.md": goal(
        "Active following",
        started="2027-01-01",
        metrics={
            "give_take": {
                "target": 0.75,
                "ratio": {"part": "shared_others", "whole": ["shared_others", "shared_own"]},
            }
        },
    ),
    "goals/help.md": goal(
        "Help others", started="2027-01-01", metrics={"helped": {"target": 50, "count": "helped"}}
    ),
}


def at(text: str) -> dt.datetime:
    """A UTC moment."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


ACTIVITIES = (
    Activity("mastodon", "1", at("2027-01-05T14:00"), "boost", "https://other.example/@bo/1"),
    Activity(
        "mastodon",
        "2",
        at("2027-01-05T15:00"),
        "post",
        "https://m.example/@me/2",
        ("https://wren.example/kiln",),
    ),
    Activity(
        "mastodon",
        "3",
        at("2027-01-05T16:00"),
        "post",
        "https://m.example/@me/3",
        ("https://news.example/a",),
    ),
    Activity(
        "mastodon",
        "4",
        at("2027-01-06T03:30"),  # 22:30 on 5 Jan in New York
        "reply",
        "https://m.example/@me/4",
        text="Try a slower  cooling schedule.",
        replied_to="@ana@clay.example",
    ),
    Activity("mastodon", "5", at("2027-01-06T15:00"), "quote", "https://m.example/@me/5", private=True),
    Activity("mastodon", "6", at("2027-01-06T16:00"), "post", "https://m.example/@me/6"),  # no links: nothing
    Activity(
        "mastodon",
        "7",
        at("2027-01-06T17:00"),
        "reply",
        "https://m.example/@me/7",
        text="Thanks!",
        replied_to="@bo",
        private=True,
    ),
)


def setup(root: Path, files: dict[str, str | bytes] = GOALS) -> Settings:
    """A journal with the goals, and its settings in New York time."""
    write_files(root, files)
    return Settings(
        root,
        root / "goals",
        root / "journal",
        NEW_YORK,
        dt.date(2027, 1, 20),
        site_url="https://wren.example/",
    )


def options(settings: Settings) -> ImportOptions:
    """The default mapping, with the site's host as the author's own."""
    return ImportOptions(own_hosts=own_hosts(settings.site_url, ["www.studio.example"]), tz=settings.tz)


def test_own_hosts_come_from_the_site_and_the_option() -> None:
    assert own_hosts("https://wren.example/journal/", ["https://www.studio.example/", "shop.example"]) == {
        "wren.example",
        "studio.example",
        "shop.example",
    }


def test_activities_become_one_draft_entry_per_local_day(tmp_path: Path) -> None:
    settings = setup(tmp_path)
    archive = Archive("mastodon", "archive.zip", "@me@m.example", ACTIVITIES)
    plan = plan_import(archive, read_journal(settings.folders), options(settings))
    # 5 Jan (New York): boost and news link -> shared_others 2, own link -> shared_own 1, the late reply
    # (03:30 UTC on 6 Jan) -> 1 helped; 6 Jan: the quote -> shared_others 1, the private reply -> helped.
    assert [(d.day.isoformat(), d.metrics, len(d.helped), d.goals) for d in plan.days] == [
        ("2027-01-05", {"shared_others": 2, "shared_own": 1}, 1, ("follow", "help")),
        ("2027-01-06", {"shared_others": 1}, 1, ("follow", "help")),
    ]
    assert plan.not_recorded == {"own posts without links: they count for nothing": 1}
    reply = plan.days[0].helped[0]
    assert (reply.who, reply.how, reply.where, reply.link, reply.kind, reply.private) == (
        "@ana@clay.example",
        "Try a slower cooling schedule.",
        "mastodon",
        "https://m.example/@me/4",
        "other",
        False,
    )
    assert plan.days[1].helped[0].private  # a followers-only reply stays private
    files = planned_files(plan, read_journal(settings.folders), settings)
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "journal/2027/2027-01-05-mastodon.md",
        "journal/2027/2027-01-06-mastodon.md",
    ]
    text = next(iter(files.values()))
    assert text.startswith("---\ndraft: true  # imported: check it")
    assert "imported:\n- mastodon:1\n- mastodon:2\n- mastodon:3\n- mastodon:4\n" in text
    assert "- boost: <https://other.example/@bo/1>" in text


def test_imported_entries_count_once_published_and_a_second_import_changes_nothing(site_root: Path) -> None:
    settings = setup(site_root)
    archive = Archive("mastodon", "archive.zip", "@me", ACTIVITIES)
    plan = plan_import(archive, read_journal(settings.folders), options(settings))
    for path, text in planned_files(plan, read_journal(settings.folders), settings).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.replace("draft: true  #", "#"), "utf-8")  # the author publishes them
    again = plan_import(archive, read_journal(settings.folders), options(settings))
    assert (
        again.days == () and again.already == len(ACTIVITIES) - 1
    )  # the post without links was never recorded
    assert again.not_recorded == {"own posts without links: they count for nothing": 1}  # and is said again
    built = build_journal(site_root, {}, options={"timezone": "America/New_York"})
    data = (built.site / "goals.json").read_text("utf-8")
    # give_take: others 2 + 1 = 3 of 3 + 1 = 4 shared -> 0.75, on target; helped: 2 replies
    assert '"part": 3' in data and '"whole": 4' in data and '"value": 0.75' in data
    help_page = built.page("goals/help/")
    assert "2 / 50" in " ".join(help_page.text_content().split())
    assert "Thanks!" not in (built.site / "journal/2027/01/06/mastodon/index.html").read_text(
        "utf-8"
    )  # private


def test_a_newer_archive_adds_a_second_entry_and_never_touches_edited_ones(tmp_path: Path) -> None:
    settings = setup(tmp_path)
    first = Archive("mastodon", "a.zip", "@me", ACTIVITIES[:3])
    for path, text in planned_files(
        plan_import(first, read_journal(settings.folders), options(settings)),
        read_journal(settings.folders),
        settings,
    ).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\nMy own words about the day.\n", "utf-8")
    edited = (tmp_path / "journal/2027/2027-01-05-mastodon.md").read_bytes()
    newer = Archive("mastodon", "b.zip", "@me", ACTIVITIES)
    plan = plan_import(newer, read_journal(settings.folders), options(settings))
    assert plan.already == 3 and [d.ids for d in plan.days] == [("mastodon:4",), ("mastodon:5", "mastodon:7")]
    files = planned_files(plan, read_journal(settings.folders), settings)
    assert [p.name for p in files] == ["2027-01-05-mastodon-2.md", "2027-01-06-mastodon.md"]
    assert (tmp_path / "journal/2027/2027-01-05-mastodon.md").read_bytes() == edited


def test_what_no_goal_tracks_is_reported_not_dropped(tmp_path: Path) -> None:
    settings = setup(tmp_path, {"goals/help.md": GOALS["goals/help.md"]})
    plan = plan_import(
        Archive("mastodon", "a.zip", "@me", ACTIVITIES), read_journal(settings.folders), options(settings)
    )
    assert plan.not_recorded == {
        "boosts, quotes and links to others' sites: no goal tracks shared_others": 3,
        "links to your own site: no goal tracks shared_own": 1,
        "own posts without links: they count for nothing": 1,
    }
    assert [d.metrics for d in plan.days] == [{}, {}] and all(d.goals == ("help",) for d in plan.days)


def test_the_import_option_maps_numbers_to_other_metric_ids(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "goals/share.md": goal("Share", started="2027-01-01", metrics={"boosts": {"target": 10}}),
        "journal/2027/2027-01-02-x.md": entry("x", goals=["share"], metrics={"boosts": 1}),
    }
    settings = setup(tmp_path, files)
    mapped = ImportOptions({"shared_others": "boosts", "shared_own": "shared_own"}, tz=settings.tz)
    plan = plan_import(Archive("x", "a.zip", "@me", (ACTIVITIES[0],)), read_journal(settings.folders), mapped)
    assert [(d.goals, d.metrics) for d in plan.days] == [(("share",), {"boosts": 1})]
    assert "boosts: 1" in entry_text(plan.days[0])


def import_journal(root: Path, started: str, today: str, site_url: str) -> Path:
    """A journal whose goals track what imports record, in New York time."""
    from test_cli import write_journal

    ratio = {"part": "shared_others", "whole": ["shared_others", "shared_own"]}
    files: dict[str, str | bytes] = {
        "goals/follow.md": goal(
            "Active following", started=started, metrics={"give_take": {"target": 0.75, "ratio": ratio}}
        ),
        "goals/help.md": goal(
            "Help others", started=started, metrics={"helped": {"target": 50, "count": "helped"}}
        ),
    }
    write_journal(root, files, timezone="America/New_York", today=today)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("https://example.org/journal/", site_url), "utf-8")
    return root


def goals_in(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed `goals` command run in `root`."""
    from test_cli import ENV
    from test_cli import GOALS as GOALS_COMMAND

    return subprocess.run([str(GOALS_COMMAND), *args], cwd=root, env=ENV, capture_output=True, text=True)


def publish_and_build(root: Path) -> dict[str, Any]:
    """Delete every `draft: true` of the imported entries, build strictly, and read goals.json."""
    from test_cli import mkdocs_build

    for path in (root / "journal").rglob("*.md"):
        path.write_text(path.read_text("utf-8").replace("draft: true  #", "#"), "utf-8")
    built = mkdocs_build(root)
    assert built.returncode == 0, built.stderr
    goals = json.loads((root / "site/goals.json").read_text("utf-8"))["goals"]
    return {g["id"]: {m["id"]: m for m in g["metrics"]} for g in goals}


def test_goals_import_of_a_real_mastodon_archive_end_to_end(tmp_path: Path) -> None:
    from test_cli import one_error
    from test_import_mastodon_x import mastodon_files, write_zip

    root = import_journal(tmp_path / "journal", "2026-03-01", "2026-03-20", "https://alice.example/")
    archive = write_zip(tmp_path / "archive.zip", mastodon_files())
    first = goals_in(root, "import", "mastodon", str(archive))
    assert first.returncode == 0, first.stderr
    # By hand (New York days): 2 Mar post with an own link -> shared_own 1, reply to @bob -> helped;
    # 3 Mar boost -> shared_others 1; 4 Mar followers-only reply -> private helped; 5 Mar quote ->
    # shared_others 1, reply -> helped; three own posts without links count for nothing.
    written = sorted(p.relative_to(root).as_posix() for p in (root / "journal").rglob("*.md"))
    assert written == [f"journal/2026/2026-03-0{d}-mastodon.md" for d in (2, 3, 4, 5)]
    assert "6 new activities in 4 draft entries" in first.stdout
    assert "3 not recorded (own posts without links: they count for nothing)." in first.stdout
    assert (
        "2 left out (replies in your own threads)." in first.stdout and "3 left out (likes)." in first.stdout
    )
    before = {p: p.read_bytes() for p in (root / "journal").rglob("*.md")}
    again = goals_in(root, "import", "mastodon", str(archive))
    assert (
        "0 new activities in 0 draft entries" in again.stdout and "6 already imported earlier" in again.stdout
    )
    assert {p: p.read_bytes() for p in (root / "journal").rglob("*.md")} == before
    assert "SECRET-DM" not in "".join(t.decode() for t in before.values())
    numbers = publish_and_build(root)
    give_take = numbers["follow"]["give_take"]
    assert (give_take["part"], give_take["whole"], give_take["value"]) == (2, 3, 0.6667)
    assert numbers["help"]["helped"]["value"] == 3  # three replies helped (one of them private)
    wrong = one_error(goals_in(root, "import", "mastodon", str(root / "mkdocs.yml")), 1)  # not an archive
    assert "mkdocs.yml" in wrong and len(list((root / "journal").rglob("*.md"))) == 4


def x_archive(folder: Path) -> Path:
    """The X archive of the reader's tests, zipped."""
    from test_import_mastodon_x import write_zip, x_files

    return write_zip(folder / "twitter.zip", x_files(folder / "ran"))


def bluesky_archive(folder: Path) -> Path:
    """The Bluesky repository of the reader's tests."""
    from test_import_bluesky_linkedin import bluesky_repo

    bluesky_repo(folder / "repo.car")
    return folder / "repo.car"


def linkedin_archive(folder: Path) -> Path:
    """The LinkedIn export of the reader's tests."""
    from test_import_bluesky_linkedin import EXPORT, write_zip

    return write_zip(folder / "linkedin.zip", EXPORT)


@pytest.mark.parametrize(
    ("platform", "archive", "site", "days", "others", "own", "helped"),
    [
        # 2 Mar: own link -> own 1, reply -> helped; 3 Mar: retweet -> others 1; 5 Mar: quote and
        # retweet -> others 2 (a link to one's own tweet is neither); three posts count for nothing.
        ("x", x_archive, ("2026-03-01", "2026-03-20", "https://alice.example/"), (2, 3, 5), 3, 1, 1),
        # 1 Mar: own link -> own 1, the reply just after midnight UTC -> helped; 3 Mar: two quotes ->
        # others 2; 5 Mar: a repost -> others 1.
        ("bluesky", bluesky_archive, ("2024-02-28", "2024-03-20", "https://me.example/"), (1, 3, 5), 3, 1, 1),
        # 4 Mar: a repost -> others 1, a share linking both sites -> own 1 (own wins); 7 Mar: a comment
        # -> helped; the connections-only share without links counts for nothing.
        ("linkedin", linkedin_archive, ("2024-03-01", "2024-03-20", "https://me.example/"), (4, 7), 1, 1, 1),
    ],
)
def test_goals_import_of_each_platform_end_to_end(
    tmp_path: Path,
    platform: str,
    archive: Any,
    site: tuple[str, str, str],
    days: tuple[int, ...],
    others: int,
    own: int,
    helped: int,
) -> None:
    root = import_journal(tmp_path / "journal", *site)
    done = goals_in(root, "import", platform, str(archive(tmp_path)))
    assert done.returncode == 0, done.stderr
    year, month = site[0][:4], site[1][5:7]
    written = sorted(p.name for p in (root / "journal").rglob("*.md"))
    assert written == [f"{year}-{month}-{day:02d}-{platform}.md" for day in days]
    numbers = publish_and_build(root)
    give_take = numbers["follow"]["give_take"]
    assert (give_take["part"], give_take["whole"]) == (others, others + own)
    assert numbers["help"]["helped"]["value"] == helped
    again = goals_in(root, "import", platform, str(archive(tmp_path)))  # the same archive again
    assert again.returncode == 0 and ": 0 new activities in 0 draft entries." in again.stdout
