"""Progress numbers from hand-made goals and entries, with expected values worked out by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from goals_journal.model import Entry, Goal, Helped, Metric, Ratio
from goals_journal.progress import goal_progress, next_period, period_start
from goals_journal.render import metric_text

UTC = ZoneInfo("UTC")
D = dt.date.fromisoformat


def make_goal(*metrics: Metric, started: str = "2027-01-01", **extra: object) -> Goal:
    """A goal with the given metrics."""
    return Goal(id="g", title="G", started=D(started), source=Path("goals/g.md"), metrics=metrics, **extra)  # type: ignore[arg-type]


def make_entry(day: str, slug: str = "e", **extra: object) -> Entry:
    """An entry linked to goal g on `day`."""
    when = D(day)
    moment = dt.datetime(when.year, when.month, when.day, tzinfo=UTC)
    return Entry(
        source=Path(f"journal/{day}-{slug}.md"),
        slug=slug,
        day=when,
        moment=moment,
        title=slug,
        goals=("g",),
        **extra,
    )  # type: ignore[arg-type]


def test_period_boundaries() -> None:
    assert period_start(D("2027-01-03"), "week", 0) == D("2026-12-28")  # Sunday -> Monday before
    assert period_start(D("2027-01-03"), "week", 6) == D("2027-01-03")  # weeks starting Sunday
    assert period_start(D("2024-02-29"), "month", 0) == D("2024-02-01")
    assert next_period(D("2024-02-01"), "month") == D("2024-03-01")
    assert next_period(D("2026-12-01"), "month") == D("2027-01-01")
    assert next_period(D("2027-01-31"), "day") == D("2027-02-01")


def test_weekly_rate_with_a_running_week() -> None:
    metric = Metric("reach_out", "Reach out", target=5, per="week")
    entries = [
        make_entry("2027-01-04", metrics={"reach_out": 5}),  # week of 4 Jan: met
        make_entry("2027-01-12", metrics={"reach_out": 2}),  # week of 11 Jan: 2 + 2 = 4, missed
        make_entry("2027-01-14", "b", metrics={"reach_out": 2}),
        make_entry("2027-01-19", metrics={"reach_out": 3}),  # week of 18 Jan: running (as of 20 Jan)
    ]
    progress = goal_progress(make_goal(metric, started="2027-01-04"), entries, D("2027-01-20")).metrics[0]
    assert [(p.start.isoformat(), p.value, p.state) for p in progress.periods] == [
        ("2027-01-04", 5.0, "met"),
        ("2027-01-11", 4.0, "missed"),
        ("2027-01-18", 3.0, "running"),
    ]
    assert (progress.met, progress.elapsed, progress.value) == (1, 2, 12.0)
    assert metric_text(progress) == {
        "value": "1/2",
        "target": "5 per week",
        "detail": "1 of 2 weeks met · this week 3 of 5",
    }


def test_a_running_period_that_is_already_met_counts() -> None:
    metric = Metric("x", "X", target=1, per="week")
    progress = goal_progress(
        make_goal(metric, started="2027-01-04"), [make_entry("2027-01-05", metrics={"x": 1})], D("2027-01-06")
    )
    assert [p.state for p in progress.metrics[0].periods] == ["met"]
    assert (progress.metrics[0].met, progress.metrics[0].elapsed) == (1, 1)


def test_daily_entries_count_once_a_day_and_rest_days_do_not_break() -> None:
    metric = Metric("days", "Days", target=1, per="day", count="entries")
    goal = make_goal(metric, started="2027-01-01", rest_days=frozenset({6}))  # Sundays off
    entries = [
        make_entry("2027-01-01"),  # Fri: met
        make_entry("2027-01-01", "again"),  # a second entry the same day still counts once
        make_entry("2027-01-02"),  # Sat: met
        # Sun 3 Jan: rest day (goal rest_days)
        make_entry("2027-01-04", rest=True),  # Mon: planned rest entry
        # Tue 5 Jan: missed
        make_entry("2027-01-06"),  # Wed: met; 7 Jan is the as-of day, running
    ]
    progress = goal_progress(goal, entries, D("2027-01-07")).metrics[0]
    assert [p.state for p in progress.periods] == ["met", "met", "rest", "rest", "missed", "met", "running"]
    assert progress.value == 3.0
    assert (progress.met, progress.elapsed) == (3, 4)


def test_helped_counts_by_kind_and_private_items_optionally() -> None:
    helped = (
        Helped("a", kind="answer"),
        Helped("b", kind="answer", private=True),
        Helped("c", kind="resource"),
    )
    goal = make_goal(
        Metric("all", "All", target=10, count="helped"),
        Metric("answers", "A", target=4, count="helped", kind="answer"),
    )
    entries = [make_entry("2027-01-02", helped=helped)]
    counted = goal_progress(goal, entries, D("2027-01-10"))
    assert [m.value for m in counted.metrics] == [3.0, 2.0]
    assert [metric_text(m)["detail"] for m in counted.metrics] == ["30% of 10", "50% of 4"]
    public = goal_progress(goal, entries, D("2027-01-10"), count_private=False)
    assert [m.value for m in public.metrics] == [2.0, 1.0]


def test_ratio_with_zero_denominator_and_a_real_one() -> None:
    metric = Metric("give_take", "Give", target=0.75, ratio=Ratio(("others",), ("others", "own")))
    empty = goal_progress(make_goal(metric), [make_entry("2027-01-02")], D("2027-01-10")).metrics[0]
    assert (empty.value, empty.whole) == (0.0, 0.0)
    assert metric_text(empty) == {"value": "–", "target": "75%", "detail": "0 of 0"}
    entries = [
        make_entry("2027-01-02", metrics={"others": 4, "own": 1}),
        make_entry("2027-01-05", metrics={"others": 1, "own": 2}),
    ]
    ratio = goal_progress(make_goal(metric), entries, D("2027-01-10")).metrics[0]
    assert (ratio.part, ratio.whole) == (5.0, 8.0)  # 5 of 8 = 62.5 %, rounded to 62 % (half to even)
    assert metric_text(ratio)["value"] == "62%"


def test_entries_outside_the_goal_do_not_count() -> None:
    metric = Metric("x", "X", target=100)
    goal = make_goal(metric, started="2027-01-05", status="achieved", achieved=D("2027-01-10"))
    entries = [
        make_entry("2027-01-04", metrics={"x": 1}),  # before started
        make_entry("2027-01-05", metrics={"x": 2}),
        make_entry("2027-01-10", metrics={"x": 4}),  # the achieved day still counts
        make_entry("2027-01-11", metrics={"x": 8}),  # after achieved: frozen
    ]
    progress = goal_progress(goal, entries, D("2027-01-20"))
    assert progress.metrics[0].value == 6.0
    assert len(progress.entries) == 2
