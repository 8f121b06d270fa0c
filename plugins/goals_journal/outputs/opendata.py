"""Open data at stable URLs: /goals.json, and per goal data.json and data.csv (one row per day)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from ..core.progress import GoalProgress, MetricProgress
from ..core.vocabulary import RECENT_DAYS
from ..pages.site import Site
from ..pages.urls import page_url
from ..pages.words import status_text
from ..pages.words.language import ENGLISH, speaking

SCHEMA_VERSION = 1


def data_files(site: Site, site_url: str) -> dict[str, str]:
    """Every open-data file of the site: URI -> content."""
    files = {"goals.json": _dump(goals_document(site, site_url))}
    for goal_id, progress in site.progress.items():
        document = daily_document(progress)
        files[f"goals/{goal_id}/data.json"] = _dump(document, indent=None)
        files[f"goals/{goal_id}/data.csv"] = daily_csv(progress, document["days"])
    return files


def _dump(document: dict[str, Any], indent: int | None = 2) -> str:
    """Stable JSON: readable for goals.json, compact (one row a line) for the long daily data."""
    if indent is None:
        rows = ",\n".join(json.dumps(row, ensure_ascii=False) for row in document["days"])
        head = json.dumps({k: v for k, v in document.items() if k != "days"}, ensure_ascii=False)[:-1]
        return f'{head}, "days": [\n{rows}\n]}}\n'
    return json.dumps(document, indent=indent, ensure_ascii=False) + "\n"


def _round(value: float | None) -> float | int | None:
    """Numbers as JSON shows them: whole numbers without .0, others to 4 decimals."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 4)


def _day(day: dt.date | None) -> str | None:
    """ISO date or null."""
    return day.isoformat() if day else None


def goals_document(site: Site, site_url: str) -> dict[str, Any]:
    """All goals with their computed numbers."""
    return {
        "schema": SCHEMA_VERSION,
        "as_of": site.settings.today.isoformat(),
        "goals": [goal_summary(p, site_url, site.settings.directory_urls) for p in site.progress.values()],
    }


def goal_summary(progress: GoalProgress, site_url: str, directory_urls: bool) -> dict[str, Any]:
    """One goal's facts and numbers."""
    goal = progress.goal
    base = site_url.rstrip("/") + "/" if site_url else "/"
    return {
        "id": goal.id,
        "title": goal.title,
        "url": base + page_url(goal.uri, directory_urls),
        "data": {"json": f"{base}goals/{goal.id}/data.json", "csv": f"{base}goals/{goal.id}/data.csv"},
        "status": goal.status,
        "state": progress.state,
        "status_text": _english_status(progress),
        "started": _day(goal.started),
        "due": _day(goal.due),
        "achieved": _day(goal.achieved),
        "as_of": _day(progress.as_of),
        "why": goal.why,
        "tags": list(goal.tags),
        "entries": len(progress.entries),
        "metrics": [metric_summary(m) for m in progress.metrics],
    }


def _english_status(progress: GoalProgress) -> str:
    """The status in words, in English whatever the site's language: open data is the same in every one."""
    with speaking(ENGLISH):
        return status_text(progress)


def metric_summary(progress: MetricProgress) -> dict[str, Any]:
    """One metric's spec and numbers."""
    metric = progress.metric
    summary: dict[str, Any] = {
        "id": metric.id,
        "label": metric.label,
        "shape": metric.shape,
        "target": _round(metric.target),
        "per": metric.per,
        "count": metric.count,
        "kind": metric.kind,
        "value": _round(progress.value),
        "percent": _round(None if progress.fraction is None else progress.fraction * 100),
        "on_track": progress.on_track,
    }
    if metric.shape == "total":
        pace = progress.pace
        summary |= {
            "per_day": _round(progress.per_day),
            "pace": None
            if pace is None
            else {
                "expected": _round(pace.expected),
                "difference": _round(pace.difference),
                "days": pace.days,
                "needed_per_day": _round(pace.needed_per_day),
            },
            "reached_on": _day(progress.reached_on),
            "late": progress.late,
            "projected": _day(progress.projected),
        }
    elif metric.shape == "rate":
        current = progress.current
        summary |= {
            "periods_met": progress.met,
            "periods_elapsed": progress.elapsed,
            "current_streak": progress.current_streak,
            "longest_streak": progress.longest_streak,
            "running": None
            if current is None
            else {"start": _day(current.start), "value": _round(current.value)},
        }
    else:
        summary |= {
            "part": _round(progress.part),
            "whole": _round(progress.whole),
            "recent": _round(progress.recent),
            "recent_days": RECENT_DAYS,
        }
    return summary


def _columns(progress: GoalProgress) -> list[str]:
    """The per-day columns: value and running total per metric (part, whole and ratio for ratios)."""
    columns = []
    for metric in progress.metrics:
        mid = metric.metric.id
        if metric.metric.shape == "ratio":
            columns += [f"{mid}_part", f"{mid}_whole", mid]
        else:
            columns += [mid, f"{mid}_cumulative"]
    return columns


def daily_rows(progress: GoalProgress) -> list[dict[str, Any]]:
    """One row per day from the goal's start to its as-of day."""
    ratio_days = _ratio_days(progress)
    running = {m.metric.id: 0.0 for m in progress.metrics}
    parts = {m.metric.id: [0.0, 0.0] for m in progress.metrics}
    rows = []
    for offset in range((progress.as_of - progress.goal.started).days + 1):
        day = progress.goal.started + dt.timedelta(days=offset)
        row: dict[str, Any] = {"date": day.isoformat()}
        for metric in progress.metrics:
            mid = metric.metric.id
            if metric.metric.shape == "ratio":
                part, whole = ratio_days.get((mid, day), (0.0, 0.0))
                parts[mid][0] += part
                parts[mid][1] += whole
                total_part, total_whole = parts[mid]
                row |= {
                    f"{mid}_part": _round(part),
                    f"{mid}_whole": _round(whole),
                    mid: _round(total_part / total_whole) if total_whole else None,
                }
            else:
                value = metric.daily.get(day, 0.0)
                running[mid] += value
                row |= {mid: _round(value), f"{mid}_cumulative": _round(running[mid])}
        rows.append(row)
    return rows


def _ratio_days(progress: GoalProgress) -> dict[tuple[str, dt.date], tuple[float, float]]:
    """(part, whole) of each ratio metric per day."""
    days: dict[tuple[str, dt.date], tuple[float, float]] = {}
    for metric in progress.metrics:
        ratio = metric.metric.ratio
        if ratio is None:
            continue
        for entry in progress.entries:
            key = (metric.metric.id, entry.day)
            part, whole = days.get(key, (0.0, 0.0))
            part += sum(entry.metrics.get(i, 0.0) for i in ratio.part)
            whole += sum(entry.metrics.get(i, 0.0) for i in ratio.whole)
            days[key] = (part, whole)
    return days


def daily_document(progress: GoalProgress) -> dict[str, Any]:
    """A goal's day-by-day data."""
    return {
        "schema": SCHEMA_VERSION,
        "goal": progress.goal.id,
        "as_of": progress.as_of.isoformat(),
        "metrics": [
            {"id": m.metric.id, "label": m.metric.label, "shape": m.metric.shape} for m in progress.metrics
        ],
        "columns": ["date", *_columns(progress)],
        "days": daily_rows(progress),
    }


def daily_csv(progress: GoalProgress, rows: list[dict[str, Any]]) -> str:
    """The rows of data.json, as CSV with a header row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["date", *_columns(progress)], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()
