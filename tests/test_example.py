"""The repository's own example journal builds strictly, with MkDocs and with ProperDocs."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import ROOT, Built, run_build
from goals_journal.core.reader import read_journal
from goals_journal.core.settings import Folders

EXAMPLE = ("mkdocs.yml", "goals", "journal", "docs")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example journal, pinned to the day after its last entry."""
    return copy_example(tmp_path_factory.mktemp("example"))


def copy_example(root: Path) -> Path:
    """Copy the example journal into `root`, pinned to the day after its last entry."""
    for name in EXAMPLE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            text = source.read_text("utf-8")
            (root / name).write_text(
                text.replace("timezone: Europe/London", "timezone: Europe/London\n      today: 2026-11-22")
            )
    return root


@pytest.fixture(scope="module")
def built(example: Path) -> Built:
    """The example journal built with --strict."""
    return run_build(example / "mkdocs.yml", example / "site", strict=True)


def test_example_journal_builds_strict_without_warnings(built: Built) -> None:
    journal = read_journal(Folders(ROOT, ROOT / "goals", ROOT / "journal", ZoneInfo("Europe/London")))
    assert sum(e.draft for e in journal.entries) == 1 and sum(e.private for e in journal.entries) == 1
    published = {
        e.uri.removesuffix(".md") + "/index.html" for e in journal.entries if not (e.draft or e.private)
    }
    entry_pages = {p for p in built.pages() if p.startswith("journal/2026/") and p.count("/") == 5}
    assert entry_pages == published
    assert len(published) >= 28
    goal_pages = [p for p in built.pages() if p.startswith("goals/")]
    assert len(goal_pages) == 1 + len(journal.goals) == 5


def test_example_navigation_stays_small(built: Built) -> None:
    home = built.page("")
    links = home.xpath("//nav[contains(@class,'md-nav--primary')]//a/@href")
    assert 5 <= len(links) <= 15
    assert not [link for link in links if "journal/2026/" in link]


def test_example_builds_with_properdocs(example: Path, tmp_path: Path) -> None:
    properdocs = shutil.which("properdocs", path=os.path.dirname(sys.executable)) or shutil.which(
        "properdocs"
    )
    if properdocs is None:
        pytest.skip("properdocs is not installed (pip install -e '.[test]' installs it)")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run(
        [properdocs, "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=example,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "site/goals/help-others/index.html").is_file()
    assert "Traceback" not in run.stderr


# Expected numbers of the example journal as of 2026-11-22, worked out from the files by hand:
# - help-others: 22 linked entries (the draft of 20 Nov excluded) carry 54 helped items, 21 of them
#   answers. Pace: 28 Sep 2026 .. 30 Jun 2027 is 276 days; by the end of 22 Nov (day 56) the line is
#   at 150 * 56 / 276 = 30.43, so 54 is 23.6 ahead = 43.4 days of pace: safe for 43 days.
#   Weeks with 3+ helping entries: 28 Sep (4), 12 Oct (3), 2 Nov, 9 Nov, 16 Nov (3 each): 5 of 8,
#   current streak 3 (2, 9, 16 Nov), longest 3.
# - active-following: 56 days from 28 Sep to 22 Nov, minus 8 Sundays (rest_days) and the two rest
#   entries (10 Oct, 14 Nov) = 46 days; 24 of them have an entry. 20 Nov only has the draft, so the
#   streak is 1 (21 Nov); the longest is 28 Sep - 2 Oct = 5. Reach-out weeks: 12, 6, 10, 4, 1, 12, 5, 8
#   -> 6 of 8 met. Shares: 75 others of 92 = 81.5 % -> 82 %; since 26 Oct: 30 of 39 = 77 %.
# - stronger-connections: 218 reviewed of 400; 28 Sep .. 31 Mar is 185 days, the line is at
#   400 * 56 / 185 = 121.08, 96.9 ahead = 44.8 days: safe for 44 days. Check-in weeks: 3, 3, 4, 1, 1
#   (the private entry of 29 Oct counts), 3, 2, 3 -> 5 of 8.
# - strategic-partners: 13 admired outreach, 1 partnership.
EXPECTED_CARDS = {
    "Help others on social media": {
        "People helped": "54 / 150",
        "Questions answered": "21 / 60",
        "Days I helped someone": "5/8 / 3 per week",
    },
    "Grow an active following with small daily actions": {
        "Days with a small action": "24/46 / 1 per day",
        "New people reached out to": "6/8 / 5 per week",
        "Others' posts among my shares": "82% / 75%",
    },
}


def test_example_home_cards_show_the_hand_worked_numbers(built: Built) -> None:
    home = built.page("")
    for title, expected in EXPECTED_CARDS.items():
        card = home.xpath(
            f"//div[contains(concat(' ', @class, ' '), ' gj-card ')][.//a[text()=\"{title}\"]]"
        )[0]
        shown = {
            " ".join(m.xpath(".//span[@class='gj-metric__label']")[0].text_content().split()): " ".join(
                m.xpath(".//span[@class='gj-metric__value']")[0].text_content().split()
            )
            for m in card.xpath(".//div[contains(concat(' ', @class, ' '), ' gj-metric ')]")
        }
        assert shown == expected
        # a small road for goals with a total; the rate bars of a goal without one say enough
        with_total = title != "Grow an active following with small daily actions"
        assert bool(card.xpath(".//svg[contains(@class,'gj-spark')]")) == with_total


def test_example_goal_page_numbers(built: Built) -> None:
    page = built.page("goals/help-others/")
    details = [
        " ".join(t.text_content().split())
        for t in page.xpath("//div[contains(@class,'gj-metrics')]//div[@class='gj-metric__detail']")
    ]
    assert details[0] == "on track 36% of 150 · 24 ahead of pace"  # 23.6 people ahead: shown whole
    assert details[2] == "met 5 of 8 weeks met · streak 3 (best 3)"  # the state, then the numbers
    more = " ".join(page.xpath("//div[@class='gj-metric__more']")[0].text_content().split())
    assert more.startswith("Safe for 43 days")
    follow = built.page("goals/active-following/")
    details = [
        " ".join(t.text_content().split())
        for t in follow.xpath("//div[contains(@class,'gj-metrics')]//div[@class='gj-metric__detail']")
    ]
    assert details == [
        "resting 24 of 46 days met · streak 1 (best 5)",  # Sunday 22 Nov is a rest day
        "met 6 of 8 weeks met · streak 3 (best 3)",  # this week's 5 already reached
        "on track 75 of 92 · last 4 weeks 77%",
    ]
    status = follow.xpath("//p[@class='gj-meta']/span[contains(@class,'gj-status')]")[0]
    assert status.text_content() == "on track"


def test_example_goals_json_matches(built: Built) -> None:
    document = json.loads((built.site / "goals.json").read_text("utf-8"))
    assert document["as_of"] == "2026-11-22"
    goals = {g["id"]: g for g in document["goals"]}
    assert set(goals) == {"active-following", "help-others", "strategic-partners", "stronger-connections"}
    helped = {m["id"]: m for m in goals["help-others"]["metrics"]}
    assert (helped["helped"]["value"], helped["answers"]["value"]) == (54, 21)
    assert helped["helped"]["pace"]["days"] == 43
    assert round(helped["helped"]["pace"]["expected"], 2) == 30.43
    assert helped["helping_days"]["periods_met"] == 5 and helped["helping_days"]["periods_elapsed"] == 8
    connect = {m["id"]: m for m in goals["stronger-connections"]["metrics"]}
    assert connect["reviewed"]["value"] == 218 and connect["reviewed"]["pace"]["days"] == 44
    assert connect["check_ins"]["periods_met"] == 5
    follow = {m["id"]: m for m in goals["active-following"]["metrics"]}
    assert (follow["give_take"]["part"], follow["give_take"]["whole"]) == (75, 92)
    assert follow["daily_action"]["current_streak"] == 1 and follow["daily_action"]["longest_streak"] == 5
    partners = {m["id"]: m["value"] for m in goals["strategic-partners"]["metrics"]}
    assert partners == {"admired_outreach": 13, "partnerships": 1}
    assert all(g["state"] == "on-track" for g in goals.values())


def test_example_daily_data_files(built: Built) -> None:
    rows = list(csv.DictReader((built.site / "goals/help-others/data.csv").open(encoding="utf-8")))
    assert len(rows) == 56  # 28 Sep .. 22 Nov
    assert rows[-1]["helped_cumulative"] == "54" and rows[-1]["answers_cumulative"] == "21"
    data = json.loads((built.site / "goals/help-others/data.json").read_text("utf-8"))
    assert data["days"][-1]["helped_cumulative"] == 54 and len(data["days"]) == 56
    assert data["columns"][0] == "date"
