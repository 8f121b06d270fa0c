"""Every number the site shows, counted once: goal progress, the acts of help, roundups and reviews."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .model import Entry, Goal
from .progress import GoalProgress, goal_progress
from .public import Publication
from .roundups import Act, Roundup, YearReview, collect_acts, roundups, year_reviews
from .settings import Settings

# count(goal, entries, as_of, week_start, count_private) -> the goal's progress; a host may remember it
CountGoal = Callable[[Goal, Iterable[Entry], dt.date, int, bool], GoalProgress]


@dataclass(frozen=True)
class Numbers:
    """What the journal adds up to, as of the settings' day."""

    progress: dict[str, GoalProgress]  # each public goal, by id
    acts: tuple[Act, ...]  # every counted act of help
    weeks: tuple[Roundup, ...]  # oldest first, with or without public acts
    months: tuple[Roundup, ...]
    reviews: tuple[YearReview, ...]  # newest first
    reviewed: dict[int, tuple[GoalProgress, ...]]  # year -> its goals as of the year's end (or today)

    @property
    def public_roundups(self) -> tuple[Roundup, ...]:
        """Weekly, then monthly roundups with at least one public act (those that get a page)."""
        return tuple(r for r in self.weeks + self.months if r.public)


def count(public: Publication, settings: Settings, count_goal: CountGoal = goal_progress) -> Numbers:
    """Count every goal, act, roundup and year of the published journal."""
    today, week_start, with_private = settings.today, settings.week_start, settings.count_private
    progress = {
        goal.id: count_goal(goal, public.counted, today, week_start, with_private)
        for goal in public.goals.values()
    }
    acts = collect_acts(public.counted, {e.uri for e in public.published}, with_private)
    years = sorted({e.day.year for e in public.counted}, reverse=True)
    reviews = year_reviews(public.counted, acts, years)
    reviewed = {}
    for review in reviews:
        end = min(today, dt.date(review.year, 12, 31))
        reviewed[review.year] = tuple(
            count_goal(goal, public.counted, end, week_start, with_private)
            for goal in public.goals.values()
            if goal.started <= end and (goal.achieved is None or goal.achieved.year >= review.year)
        )
    return Numbers(
        progress,
        acts,
        roundups(acts, "week", week_start),
        roundups(acts, "month", week_start),
        reviews,
        reviewed,
    )
