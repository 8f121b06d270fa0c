"""Reports: every problem of the journal (`goals check`) and every goal's progress (`goals status`)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import replace

from ..core.files import list_files
from ..core.model import Problem
from ..core.progress import GoalProgress, MetricProgress
from ..core.settings import Settings
from ..outputs.opendata import goals_document
from ..pages.recipe import prepare
from ..pages.words import entry_count, long_date, percent, percent_text, status_text
from ..pages.words.language import _, speaking
from ..pages.words.metrics import metric_text, state_word, status_reason
from .errors import CommandError
from .project import Project, load_project

BAR_WIDTH = 10
BAR_GLYPHS = ("█", "░")
ASCII_GLYPHS = ("#", ".")


# goals check ----------------------------------------------------------------------------------


def run_check(args: argparse.Namespace) -> int:
    """Print every problem in goals/ and journal/ and a summary; exit 1 on errors (or warnings with --strict)."""
    project = load_project(args.config)
    resolved = project.resolved()
    where = resolved.settings.folders
    files = list_files(where.goals_dir, where.journal_dir, where.root, where.pages_dir)
    prepared = prepare(resolved.settings, files=files, config_problems=resolved.problems)  # as a build does
    for message in project.warnings:
        print(f"{project.file.as_posix()}: warning: {message}")
    for problem in prepared.problems:
        print(problem_line(problem))
    warnings = len(project.warnings) + len(prepared.warnings)
    print(check_summary(len(prepared.errors), warnings, len(files.goals), len(files.entries), args.strict))
    return 1 if prepared.errors or (args.strict and warnings) else 0


def problem_line(problem: Problem) -> str:
    """path:line: message, with warnings and notes marked as such."""
    if problem.severity in ("warning", "note"):
        return f"{problem.path}:{problem.line}: {problem.severity}: {problem.message}"
    return str(problem)


def check_summary(errors: int, warnings: int, goal_files: int, entry_files: int, strict: bool) -> str:
    """The one-line verdict of `goals check`."""
    checked = f"{_count(goal_files, 'goal file')} and {_count(entry_files, 'entry file')}"
    if not errors and not warnings:
        return f"No problems in {checked}."
    found = " and ".join(_count(n, word) for n, word in ((errors, "error"), (warnings, "warning")) if n)
    if errors:
        return f"{found} in {checked}: the site will not build until the errors are fixed."
    if strict:
        return f"{found} in {checked}: --strict (like mkdocs build --strict) fails on warnings."
    return f"{found} in {checked}: 'mkdocs build --strict' would stop on them."


def _count(number: int, one: str, many: str = "") -> str:
    """'1 error', '2 errors'."""
    return f"{number} {one if number == 1 else many or one + 's'}"


# goals status ---------------------------------------------------------------------------------


def run_status(args: argparse.Namespace) -> int:
    """Print each goal's progress (or the site's goals.json) from the same numbers as the site."""
    project = load_project(args.config)
    settings = project.settings()
    if args.today is not None:
        settings = replace(settings, today=args.today)
    with speaking(settings.language):  # the report is in the journal's language, as the site is
        return _print_status(project, settings, args.json)


def _print_status(project: Project, settings: Settings, as_json: bool) -> int:
    """Count the journal and print its goals (or goals.json)."""
    prepared = prepare(settings)
    if prepared.site is None:
        raise CommandError(
            f"{_count(len(prepared.errors), 'error')} in the journal, so the site would not build: "
            "run 'goals check' to see them"
        )
    site = prepared.site
    if as_json:
        document = goals_document(site, project.config.site_url or "")
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0
    print("\n".join(status_lines(project.config.site_name, settings.today, list(site.progress.values()))))
    return 0


def status_lines(site_name: str, today: dt.date, goals: Sequence[GoalProgress]) -> list[str]:
    """The terminal report: a heading, then each goal with a bar, value and detail line per metric."""
    lines = [_("%(site)s: progress as of %(date)s", site=site_name, date=long_date(today))]
    if not goals:
        return [*lines, "", _('No goals yet: add one with goals new goal "Title".')]
    glyphs = _glyphs()
    for progress in goals:
        lines += ["", *goal_lines(progress, glyphs)]
    return lines


def goal_lines(progress: GoalProgress, glyphs: tuple[str, str] = BAR_GLYPHS) -> list[str]:
    """One goal: its title, id and status (and why it is behind), then two lines per metric."""
    lines = [f"{progress.goal.title} ({progress.goal.id}): {status_text(progress)}"]
    if reason := status_reason(progress):
        lines.append(f"  {reason}")
    width = max((len(m.metric.label) for m in progress.metrics), default=0)
    for metric in progress.metrics:
        text = metric_text(metric)
        value = text.value + (f" / {text.target}" if text.target else "")
        lines.append(f"  {metric.metric.label:<{width}}  {bar(metric, glyphs)}  {value}")
        state = (
            f"{state_word(metric)} · " if progress.state in ("on-track", "behind") and metric.state else ""
        )
        lines.append(f"  {'':<{width}}  {state}{text.detail}")
    if not progress.metrics:
        lines.append("  " + _("%(entries)s so far", entries=entry_count(len(progress.entries))))
    return lines


def bar(metric: MetricProgress, glyphs: tuple[str, str] = BAR_GLYPHS) -> str:
    """A text progress bar and percentage like the site's, e.g. '█████░░░░░  54%'; blank without one."""
    if metric.fraction is None:
        return " " * (BAR_WIDTH + 6)
    filled = math.floor(percent(metric.fraction) * BAR_WIDTH / 100 + 0.5)
    shown = percent_text(percent(metric.fraction, clamp=False))
    return f"{glyphs[0] * filled}{glyphs[1] * (BAR_WIDTH - filled)} {shown:>5}"


def _glyphs() -> tuple[str, str]:
    """Block characters for the bars, or ASCII where the output cannot show them."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "".join(BAR_GLYPHS).encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return ASCII_GLYPHS
    return BAR_GLYPHS
