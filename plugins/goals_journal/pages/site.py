"""The site: the settings, what is public, the numbers and the page plan, made once per build.

The recipe: read (core.reader) -> decide what is public -> count -> plan the pages -> render them
(pages.render) -> write the outputs (outputs.*). `build_site` is the middle of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from ..core.mentions import Mention
from ..core.model import Entry, Goal, Journal, Problem
from ..core.numbers import CountGoal, Numbers, count
from ..core.progress import GoalProgress, goal_progress
from ..core.public import Publication, publish
from ..core.roundups import Act, Roundup, YearReview
from ..core.settings import Settings
from .plan import PageSpec, Plan, plan_pages


@dataclass(frozen=True)
class Site:
    """Everything the pages and outputs show; private goals and unpublished entries are not in it."""

    settings: Settings
    public: Publication
    numbers: Numbers
    plan: Plan
    mentions: Mapping[str, tuple[Mention, ...]] = field(default_factory=dict)  # by entry URI (see hosts)

    @property
    def goals(self) -> dict[str, Goal]:
        """The public goals, by id."""
        return self.public.goals

    @property
    def published(self) -> tuple[Entry, ...]:
        """Entries with a page, oldest first."""
        return self.public.published

    @property
    def progress(self) -> dict[str, GoalProgress]:
        """Each public goal's numbers, by id."""
        return self.numbers.progress

    @property
    def acts(self) -> tuple[Act, ...]:
        """Every counted act of help."""
        return self.numbers.acts

    @property
    def reviews(self) -> tuple[YearReview, ...]:
        """The years in review, newest first."""
        return self.numbers.reviews

    @property
    def pages(self) -> dict[str, PageSpec]:
        """Every page the plugin adds, by source URI."""
        return self.plan.pages

    @property
    def problems(self) -> tuple[Problem, ...]:
        """What planning the pages found (warnings)."""
        return self.plan.problems

    @cached_property
    def roundups(self) -> tuple[Roundup, ...]:
        """Weekly and monthly roundups that have a page (at least one public act)."""
        return self.numbers.public_roundups

    @cached_property
    def roundups_by_period(self) -> dict[str, list[Roundup]]:
        """Roundups with pages, per week or month, oldest first."""
        return {per: [r for r in self.roundups if r.per == per] for per in ("week", "month")}

    @cached_property
    def roundup_index(self) -> dict[str, int]:
        """Position of each roundup among those of its period, by URI."""
        return {r.uri: i for same in self.roundups_by_period.values() for i, r in enumerate(same)}

    def review_progress(self, review: YearReview) -> tuple[GoalProgress, ...]:
        """Each goal that ran during the year, as of the year's end (or today)."""
        return self.numbers.reviewed[review.year]

    def entries_of(self, goal_id: str) -> list[Entry]:
        """Published entries linked to a goal, newest first."""
        return [e for e in reversed(self.published) if goal_id in e.goals]

    def neighbours(self, entry: Entry) -> tuple[Entry | None, Entry | None]:
        """The published entries just before and after `entry`."""
        index = self._index[entry.uri]
        before = self.published[index - 1] if index > 0 else None
        after = self.published[index + 1] if index + 1 < len(self.published) else None
        return before, after

    @cached_property
    def _index(self) -> dict[str, int]:
        """Position of each published entry, by URI."""
        return {e.uri: i for i, e in enumerate(self.published)}

    def last_changed(self, spec: PageSpec) -> dt.date | None:
        """The day a page last changed: an entry's day, else that of the newest entry it shows."""
        if spec.entry is not None:
            return spec.entry.day
        if spec.kind == "now":  # it says where things stand as of the build's day
            return self.settings.today
        if spec.goal is not None:
            shown = self.entries_of(spec.goal.id)
        elif spec.roundup is not None:
            shown = [act.entry for act in spec.roundup.public]
        elif spec.review is not None or spec.year is not None:
            year = spec.review.year if spec.review is not None else spec.year
            shown = [e for e in self.published if e.day.year == year]
        else:
            shown = list(self.published)
        public = [e.day for e in shown if not self.is_draft(e)]
        return max(public, default=spec.goal.started if spec.goal is not None else None)

    def is_draft(self, entry: Entry) -> bool:
        """Shown only while previewing: a draft, or dated after the as-of day."""
        return self.public.is_draft(entry)


def build_site(journal: Journal, settings: Settings, count_goal: CountGoal = goal_progress) -> Site:
    """Decide what is public, count it and plan every page (`count_goal` may remember progress)."""
    public = publish(journal, settings)
    numbers = count(public, settings, count_goal)
    return Site(settings, public, numbers, plan_pages(public, numbers, journal.assets, settings))
