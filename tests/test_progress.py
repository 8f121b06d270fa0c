"""Progress numbers from hand-made goals and entries, with expected values worked out by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from goals_journal.core.days import next_period, period_start
from goals_journal.core.model import Entry, Goal, Helped, Metric, Ratio
from goals_journal.core.progress import GoalProgress, goal_progress
from goals_journal.pages.words import status_text
from goals_journal.pages.words.metrics import MetricWords, metric_text

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
    assert (progress.current_streak, progress.longest_streak) == (0, 1)  # the missed week broke it
    text = metric_text(progress)
    assert (text.value, text.target) == ("1/2", "5 per week")
    assert text.detail == "1 of 2 weeks met · best streak 1 · this week 3 of 5"


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
    # no due date: no pace, but the rate over the 10 days from 1 Jan: 0.3 and 0.2 a day
    assert [metric_text(m).detail for m in counted.metrics] == [
        "30% of 10 · 2.1 a week",
        "50% of 4 · 1.4 a week",
    ]
    public = goal_progress(goal, entries, D("2027-01-10"), count_private=False)
    assert [m.value for m in public.metrics] == [2.0, 1.0]


def test_ratio_with_zero_denominator_and_a_real_one() -> None:
    metric = Metric("give_take", "Give", target=0.75, ratio=Ratio(("others",), ("others", "own")))
    empty = goal_progress(make_goal(metric), [make_entry("2027-01-02")], D("2027-01-10")).metrics[0]
    assert (empty.value, empty.whole) == (0.0, 0.0)
    assert metric_text(empty) == MetricWords("–", "75%", ("0 of 0",), "")
    entries = [
        make_entry("2027-01-02", metrics={"others": 4, "own": 1}),
        make_entry("2027-01-05", metrics={"others": 1, "own": 2}),
    ]
    ratio = goal_progress(make_goal(metric), entries, D("2027-01-10")).metrics[0]
    assert (ratio.part, ratio.whole) == (5.0, 8.0)  # 5 of 8 = 62.5 %, shown rounded half up
    assert metric_text(ratio).value == "63%"


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


def total_goal(target: float, due: str | None = "2027-12-31", **extra: object) -> Goal:
    """A goal with one total metric 'x'."""
    return make_goal(Metric("x", "X", target=target), due=D(due) if due else None, **extra)


def test_pace_safe_days_needed_rate_and_projection_when_ahead() -> None:
    # 365 over 365 days: the line rises 1 a day; by the end of 10 Jan it is at 10.
    entries = [make_entry("2027-01-03", metrics={"x": 6}), make_entry("2027-01-09", metrics={"x": 7})]
    metric = goal_progress(total_goal(365), entries, D("2027-01-10")).metrics[0]
    assert metric.pace is not None
    assert metric.pace.expected == 10
    assert metric.pace.difference == 3
    assert metric.pace.days == 3  # safe for 3 days
    # 352 to go over 11 Jan .. 31 Dec plus today = 356 days
    assert metric.pace.needed_per_day == 352 / 356
    assert "Safe for 3 days" in metric_text(metric).more
    assert "Needs 6.9 a week from now on." in metric_text(metric).more  # 0.989 a day
    # 13 in 10 days = 1.3 a day: 352 more take ceil(270.8) = 271 days after 10 Jan -> 8 Oct
    assert metric.projected == D("2027-10-08")
    assert metric.on_track is True and metric.reached_on is None


def test_pace_when_behind_and_with_fractional_pace() -> None:
    behind = goal_progress(total_goal(365), [make_entry("2027-01-02", metrics={"x": 7})], D("2027-01-10"))
    assert behind.metrics[0].pace is not None
    assert (behind.metrics[0].pace.difference, behind.metrics[0].pace.days) == (-3, -3)
    assert behind.state == "behind" and status_text(behind) == "behind"
    # 150 a year: by the end of 10 Jan the line is at 4.11; 5 stays above it until 12 Jan (4.93)
    # and falls below on 13 Jan (5.34): safe for 2 days.
    ahead = goal_progress(total_goal(150), [make_entry("2027-01-02", metrics={"x": 5})], D("2027-01-10"))
    pace = ahead.metrics[0].pace
    assert pace is not None and round(pace.expected, 4) == 4.1096 and pace.days == 2
    assert status_text(ahead) == "on track"


def test_leap_day_counts_in_the_pace() -> None:
    goal = make_goal(Metric("x", "X", target=366), started="2028-01-01", due=D("2028-12-31"))
    metric = goal_progress(goal, [make_entry("2028-02-29", metrics={"x": 60})], D("2028-02-29")).metrics[0]
    assert metric.pace is not None and metric.pace.expected == 60 and metric.pace.days == 0
    assert metric.elapsed_days == 60


def test_target_reached_early_and_late() -> None:
    entries = [
        make_entry("2027-01-02", metrics={"x": 4}),
        make_entry("2027-01-04", metrics={"x": 6}),
        make_entry("2027-01-05", metrics={"x": 2}),
    ]
    early = goal_progress(total_goal(10), entries, D("2027-01-20")).metrics[0]
    assert (early.value, early.reached_on, early.projected, early.late) == (
        12,
        D("2027-01-04"),
        D("2027-01-04"),
        False,
    )
    assert early.pace is not None and early.pace.needed_per_day is None
    late = goal_progress(total_goal(10, due="2027-01-03"), entries, D("2027-01-20")).metrics[0]
    assert late.reached_on == D("2027-01-04") and late.late  # entries after due still count


def test_no_due_means_no_pace_but_a_rate() -> None:
    metric = goal_progress(
        total_goal(100, due=None), [make_entry("2027-01-05", metrics={"x": 20})], D("2027-01-10")
    ).metrics[0]
    assert metric.pace is None and metric.on_track is None
    assert metric.per_day == 2.0  # 20 in 10 days
    assert metric.projected == D("2027-02-19")  # 80 more at 2 a day = 40 days after 10 Jan


def test_no_entries() -> None:
    progress = goal_progress(total_goal(365), [], D("2027-01-10"))
    metric = progress.metrics[0]
    assert metric.value == 0 and metric.projected is None and metric.daily == {}
    assert metric.pace is not None and metric.pace.days == -10


def test_achieved_and_dropped_goals_freeze() -> None:
    entries = [make_entry("2027-01-02", metrics={"x": 4}), make_entry("2027-01-08", metrics={"x": 6})]
    achieved = goal_progress(
        total_goal(365, status="achieved", achieved=D("2027-01-05")), entries, D("2027-03-01")
    )
    assert achieved.as_of == D("2027-01-05") and achieved.metrics[0].value == 4
    assert status_text(achieved) == "achieved on 5 Jan 2027"
    dropped = goal_progress(total_goal(365, status="dropped"), entries, D("2027-03-01"))
    assert dropped.as_of == D("2027-01-08") and dropped.metrics[0].value == 10
    assert dropped.metrics[0].pace is not None and dropped.metrics[0].pace.expected == 8
    assert status_text(dropped) == "dropped"


def test_weekly_streak_across_iso_week_53() -> None:
    metric = Metric("x", "X", target=1, per="week")
    weeks = ["2026-12-15", "2026-12-22", "2026-12-29", "2027-01-05"]  # ISO weeks 51, 52, 53 and 1
    entries = [make_entry(day, metrics={"x": 1}) for day in weeks]
    progress = goal_progress(make_goal(metric, started="2026-12-14"), entries, D("2027-01-13")).metrics[0]
    assert [p.state for p in progress.periods] == ["met", "met", "met", "met", "running"]
    assert (progress.current_streak, progress.longest_streak) == (4, 4)
    gap = goal_progress(
        make_goal(metric, started="2026-12-14"), [entries[0], *entries[2:]], D("2027-01-13")
    ).metrics[0]
    assert (gap.current_streak, gap.longest_streak, gap.on_track) == (2, 2, True)


def test_daily_streak_with_rest_days() -> None:
    metric = Metric("days", "Days", target=1, per="day", count="entries")
    goal = make_goal(metric, started="2027-01-01", rest_days=frozenset({6}))
    days = ["2027-01-01", "2027-01-02", "2027-01-04", "2027-01-05", "2027-01-07", "2027-01-08"]
    progress = goal_progress(goal, [make_entry(d) for d in days], D("2027-01-09")).metrics[0]
    # Fri met, Sat met, Sun rest, Mon met, Tue met, Wed missed, Thu met, Fri met, Sat running
    assert [p.state for p in progress.periods] == [
        "met",
        "met",
        "rest",
        "met",
        "met",
        "missed",
        "met",
        "met",
        "running",
    ]
    assert (progress.current_streak, progress.longest_streak) == (2, 4)


def test_ratio_over_the_last_four_weeks() -> None:
    metric = Metric("r", "R", target=0.75, ratio=Ratio(("others",), ("others", "own")))
    entries = [
        make_entry("2027-01-01", metrics={"others": 4}),
        make_entry("2027-02-10", metrics={"others": 1, "own": 3}),
    ]
    progress = goal_progress(make_goal(metric), entries, D("2027-02-20")).metrics[0]
    assert (progress.part, progress.whole, progress.value) == (5, 8, 5 / 8)
    assert progress.recent == 0.25  # only 10 Feb is within the 28 days ending 20 Feb
    assert progress.on_track is False


def test_rates_read_naturally() -> None:
    from goals_journal.pages.words.metrics import approx, rate_words

    assert [approx(v) for v in (123.4, 12.6, 2.345, 0.4567, 0.04567)] == ["123", "13", "2.3", "0.46", "0.046"]
    assert rate_words(2.5) == "2.5 a day"
    assert rate_words(0.2) == "1.4 a week"
    assert rate_words(2 / 313) == "one every 156 days"


def test_remembered_progress_is_reused_only_while_what_counts_is_unchanged() -> None:
    from goals_journal.speed.memory import BuildMemory

    total = Metric(id="n", label="N", target=10)
    goal = make_goal(total)
    first, later = (
        make_entry("2027-01-02", "a", metrics={"n": 2}),
        make_entry("2027-03-01", "b", metrics={"n": 5}),
    )
    memory = BuildMemory()

    def remembered_progress(goal: Goal, entries: list[Entry], as_of: dt.date) -> GoalProgress:
        return memory.count_goal(goal, entries, as_of, 0, True)

    at_end_of_january = remembered_progress(goal, [first, later], D("2027-01-31"))
    assert at_end_of_january.metrics[0].value == 2  # the March entry is after the as-of day
    edited_later = make_entry("2027-03-01", "b", metrics={"n": 7})
    again = remembered_progress(goal, [first, edited_later], D("2027-01-31"))
    assert again is at_end_of_january  # only an entry after the day changed: nothing counted again
    edited_first = make_entry("2027-01-02", "a", metrics={"n": 3})
    changed = remembered_progress(goal, [edited_first, edited_later], D("2027-01-31"))
    assert changed is not at_end_of_january and changed.metrics[0].value == 3
    assert changed == goal_progress(goal, [edited_first, edited_later], D("2027-01-31"))
    dropped = make_goal(total, status="dropped")  # ends at its last entry: a later entry moves the end
    before = remembered_progress(dropped, [first], D("2027-01-31"))
    after = remembered_progress(
        dropped, [first, make_entry("2027-01-20", "c", metrics={"n": 1})], D("2027-01-31")
    )
    assert before.as_of == D("2027-01-02") and after.as_of == D("2027-01-20") and after.metrics[0].value == 3
