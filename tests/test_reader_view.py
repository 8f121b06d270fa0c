"""What a reader sees at a glance: each metric's own state, the reason under a goal's status, the
pace tick on a total's bar, whole numbers, and strips that count what their headline counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import build_journal, entry, goal, texts

# As of Wed 20 Jan 2027 (conftest's TODAY), weeks from Monday.
# - helped: a total of 31 due 31 Jan, so the pace line gains 31/31 = 1 a day: 20 at the end of
#   20 Jan. Five entries of 5 helped items each make 25: 5 ahead of pace, on track. The pace tick
#   sits at 20/31 = 64.5 %, drawn at 65 %.
# - checkins: 2 entries a week. Weeks of 28 Dec (1 and 2 Jan: met), 4 Jan (5 and 6 Jan: met),
#   11 Jan (12 Jan only: 1 of 2, missed) and 18 Jan (running, nothing yet). 2 of 3 weeks met; the
#   last finished week was missed, so this metric is behind, and so is the goal.
DAYS = ("01", "02", "05", "06", "12")
METRICS = {
    "helped": {"label": "People helped", "target": 31, "count": "helped"},
    "checkins": {"label": "Check-ins", "target": 2, "per": "week", "count": "entries"},
}


def journal(metrics: dict[str, Any] = METRICS, days: tuple[str, ...] = DAYS) -> dict[str, str]:
    """One goal that is ahead on its total and behind on its weekly check-ins."""
    files = {"goals/help.md": goal("Help others", "2027-01-01", due="2027-01-31", metrics=metrics)}
    for day in days:
        files[f"journal/2027/2027-01-{day}-day.md"] = entry(
            f"Day {day}.",
            title=f"Day {day}",
            goals=["help"],
            helped=[{"how": f"Helped {n}", "kind": "answer"} for n in range(5)],
        )
    return files


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The journal above, built once."""
    return build_journal(tmp_path_factory.mktemp("reader") / "project", journal())


def metric_states(tree: Any) -> dict[str, str]:
    """Each metric's label and the state written next to its bar ("" when none is)."""
    states = {}
    for metric in tree.xpath('//div[contains(@class, "gj-metric ") or @class="gj-metric"]'):
        label = " ".join(metric.xpath('string(.//span[@class="gj-metric__label"])').split())
        state = metric.xpath('.//div[@class="gj-metric__detail"]/span[contains(@class, "gj-mstate")]')
        states[label] = state[0].text_content().strip() if state else ""
    return states


@pytest.mark.parametrize("url", ["", "goals/", "goals/help/"])
def test_a_metric_behind_is_marked_behind_next_to_its_own_label(built: Any, url: str) -> None:
    tree = built.page(url)
    assert metric_states(tree) == {"People helped": "on track", "Check-ins": "behind"}
    bar = tree.xpath('//div[contains(@class, "gj-metric--behind")]//span[@class="gj-metric__label"]')
    assert [b.text_content() for b in bar] == ["Check-ins"]


@pytest.mark.parametrize("url", ["", "goals/help/"])
def test_the_goal_says_why_it_is_behind(built: Any, url: str) -> None:
    tree = built.page(url)
    assert texts(tree, '//*[contains(@class, "gj-status")]')[0] == "behind"
    assert texts(tree, '//p[contains(@class, "gj-reason")]') == ["Behind on Check-ins: 1 of 2 last week."]


def test_a_goal_on_track_has_no_metric_marked_behind(tmp_path: Path) -> None:
    # 13 Jan makes the week of 11 Jan 2 of 2: met. Every week met, the total 30 against a pace of 20.
    tree = build_journal(tmp_path, journal(days=(*DAYS, "13"))).page("")
    assert metric_states(tree) == {"People helped": "on track", "Check-ins": "on track"}
    assert texts(tree, '//*[contains(@class, "gj-status")]') == ["on track"]
    assert tree.xpath('//p[contains(@class, "gj-reason")]') == []


def test_the_pace_tick_sits_where_the_pace_line_is_today(built: Any) -> None:
    for url in ("", "goals/help/"):
        tree = built.page(url)
        (tick,) = tree.xpath('//i[@class="gj-bar__pace"]')
        assert tick.get("style") == "left: 65%"
        assert tick.get("title") == "pace today: 20"
        fill = tick.getparent().xpath("./span")[0]
        assert fill.get("style") == "width: 81%"  # 25 / 31 = 80.6 %


def test_numbers_of_counts_are_whole(tmp_path: Path) -> None:
    # A total of 150 due 31 Dec (365 days): 150/365 a day, 8.22 at the end of 20 Jan. 25 helped are
    # 16.8 ahead: shown as 17 for a count of people, and the pace as 8.
    metrics = {"helped": {"label": "People helped", "target": 150, "count": "helped"}}
    files = journal(metrics) | {
        "goals/help.md": goal("Help others", "2027-01-01", due="2027-12-31", metrics=metrics)
    }
    tree = build_journal(tmp_path, files).page("goals/help/")
    assert texts(tree, '//div[@class="gj-metric__detail"]') == ["on track 17% of 150 · 17 ahead of pace"]
    assert tree.xpath('//i[@class="gj-bar__pace"]/@title') == ["pace today: 8"]
    road = tree.xpath('//svg[contains(@class, "gj-cumulative")]')[0]
    labels = [t.text for t in road.xpath('.//*[local-name()="text"]')]
    assert "25" in labels and "pace 8" in labels  # today's value and the pace, on the chart
    assert "150 by 31 Dec 2027 →" in labels  # the due date is off the chart: said at its edge


def test_a_metric_with_decimals_keeps_one(tmp_path: Path) -> None:
    # Hours: 1.5 on each of the five days is 7.5 of 31 due 31 Jan; the pace line is at 20: 12.5 behind.
    metrics = {"hours": {"label": "Hours", "target": 31}}
    files = {"goals/help.md": goal("Help others", "2027-01-01", due="2027-01-31", metrics=metrics)}
    for day in DAYS:
        files[f"journal/2027/2027-01-{day}-day.md"] = entry("A day.", goals=["help"], metrics={"hours": 1.5})
    tree = build_journal(tmp_path, files).page("goals/help/")
    assert texts(tree, '//div[@class="gj-metric__detail"]') == ["behind 24% of 31 · 12.5 behind pace"]
    assert texts(tree, '//p[contains(@class, "gj-reason")]') == ["Behind on Hours: 12.5 behind pace."]


def test_the_road_scales_to_the_data_and_the_target(built: Any) -> None:
    # Due 31 Jan is close enough to be drawn: the y axis goes to the target of 31, not beyond.
    road = built.page("goals/help/").xpath('//svg[contains(@class, "gj-cumulative")]')[0]
    ticks = [t.text for t in road.xpath('.//*[local-name()="text" and @text-anchor="end" and @x="34"]')]
    assert ticks == ["0", "10", "20", "30"]
    labels = [t.text for t in road.xpath('.//*[local-name()="text"]')]
    assert "target 31" in labels and "today" in labels


def test_a_strip_counts_the_window_its_headline_counts(built: Any) -> None:
    tree = built.page("goals/help/")
    values = texts(tree, '//span[@class="gj-metric__value"]')
    assert values[1] == "2/3 / 2 per week"
    strip = tree.xpath('//svg[contains(@class, "gj-strip")]')[0]
    cells = strip.xpath('.//*[local-name()="rect"]/@class')
    assert cells == ["gj-met", "gj-met", "gj-missed", "gj-running"]
    caption = texts(tree, '//p[@class="gj-caption"]')
    assert caption == ["28 Dec 2026 – 20 Jan 2027: 2 of 3 weeks met"]
    labels = [t.text for t in strip.xpath('.//*[local-name()="text"]')]
    assert labels == ["week of 28 Dec", "week of 18 Jan"]


def test_a_long_strip_says_it_shows_the_latest_periods(tmp_path: Path) -> None:
    # A daily metric since 1 Sep 2026: 142 days to 20 Jan 2027, more than the 112 a strip draws.
    metrics = {"days": {"label": "Days", "target": 1, "per": "day", "count": "entries"}}
    files = {
        "goals/help.md": goal("Help others", "2026-09-01", metrics=metrics),
        "journal/2027/2027-01-12-day.md": entry("A day.", goals=["help"]),
    }
    tree = build_journal(tmp_path, files).page("goals/help/")
    strip = tree.xpath('//svg[contains(@class, "gj-strip")]')[0]
    assert len(strip.xpath('.//*[local-name()="rect"]')) == 112
    # 112 days back from 20 Jan is 1 Oct; of the 111 finished days one was met, 20 Jan is running.
    assert texts(tree, '//p[@class="gj-caption"]') == [
        "Latest days, 1 Oct 2026 – 20 Jan 2027: 1 of 111 days met"
    ]
    assert texts(tree, '//span[@class="gj-metric__value"]') == ["1/141 / 1 per day"]


def test_the_home_card_has_a_labelled_road_only_for_totals(built: Any, tmp_path: Path) -> None:
    spark = built.page("").xpath('//div[@class="gj-card__spark"]/*[local-name()="svg"]')[0]
    assert [t.text for t in spark.xpath('.//*[local-name()="text"]')] == ["pace 20", "25"]
    rates_only = {"checkins": METRICS["checkins"]}
    tree = build_journal(tmp_path, journal(rates_only)).page("")
    assert tree.xpath('//div[@class="gj-card__spark"]') == []
