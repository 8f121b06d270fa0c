"""The words of the front-matter contract and of the numbers, each defined once."""

from __future__ import annotations

import re

STATUSES = ("active", "paused", "achieved", "dropped")  # a goal's `status:`
HELP_KINDS = ("answer", "resource", "compliment", "intro", "feedback", "other")  # a helped item's `kind:`
PERIODS = ("day", "week", "month")  # a rate metric's `per:`
COUNTS = ("helped", "entries")  # a counted metric's `count:`
SHAPES = ("total", "rate", "ratio")  # what a metric is: a target to reach, a target per period, a share
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # Monday = 0
SHORT_WEEKDAYS = tuple(day[:3] for day in WEEKDAYS)  # mon, tue, ...: rest days may be written either way
PERIOD_STATES = ("met", "missed", "rest", "running")  # a period of a rate metric
GOAL_STATES = ("on-track", "behind", "active", "upcoming", "achieved", "paused", "dropped")  # a goal card
METRIC_STATES = ("on-track", "behind", "met", "resting")  # one metric against its yardstick
RECENT_DAYS = 28  # "the last 4 weeks" of a ratio metric
SHORT_NAME_LIMIT = 24  # characters of a goal's `short:` name (and of a title shown whole on a chip)

GOAL_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")  # a goal's id: its file name in goals/
METRIC_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")
