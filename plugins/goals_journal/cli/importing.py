"""`goals import PLATFORM PATH`: the author's own archive read offline into draft entries, all or none."""

from __future__ import annotations

import argparse
import os
import tempfile
from importlib import import_module
from pathlib import Path
from typing import Any

import yaml

from ..core.activity import Archive, ArchiveError
from ..core.contract import read_entry
from ..core.files import display_path
from ..core.model import Journal
from ..core.reader import read_journal
from ..core.settings import Settings
from ..imports.mapping import NUMBERS, DayImport, ImportOptions, ImportPlan, own_hosts, plan_import
from .errors import CommandError
from .project import Project, load_project, shown
from .writing import free_entry_path

PLATFORM_NAMES = {"mastodon": "Mastodon", "bluesky": "Bluesky", "x": "X", "linkedin": "LinkedIn"}
KIND_NAMES = {"post": "post", "reply": "reply", "boost": "boost", "quote": "quote"}


def run_import(args: argparse.Namespace) -> int:
    """Read the archive, plan the entries, check them, then write them all (or nothing)."""
    project = load_project(args.config)
    settings = project.settings()
    journal = read_journal(settings.folders)
    if journal.errors:
        raise CommandError(
            f"the journal has {len(journal.errors)} errors: run 'goals check' and fix them first"
        )
    archive = read_platform(args.platform, Path(args.path))
    plan = plan_import(archive, journal, import_options(project, settings))
    texts = planned_files(plan, journal, settings)
    _check(texts, settings)
    _write_all(texts)
    print("\n".join(summary(archive, plan, texts, settings)))
    return 0


def read_platform(platform: str, path: Path) -> Archive:
    """The platform's reader, run on `path`; its complaint as one line."""
    if not path.exists():
        raise CommandError(f"{path} does not exist: give the archive file (or folder) you downloaded")
    reader: Any = import_module(f"{__package__.rsplit('.', 1)[0]}.imports.{platform}")
    try:
        archive: Archive = reader.read_archive(path)
    except ArchiveError as error:
        raise CommandError(str(error)) from None
    return archive


def import_options(project: Project, settings: Settings) -> ImportOptions:
    """The `import:` metric ids and the author's own hosts, from the plugin's options."""
    mapping = project.plugin_options["import"] or {}
    unknown = sorted(set(mapping) - set(NUMBERS))
    if unknown:
        raise CommandError(
            f"{project.file}: import: knows {', '.join(NUMBERS)}, not {', '.join(unknown)}: "
            "map those to your metric ids, e.g. import: {shared_others: boosts}"
        )
    metric_ids = {number: str(mapping.get(number, number)) for number in NUMBERS}
    hosts = own_hosts(settings.site_url, [str(site) for site in project.plugin_options.own_sites])
    return ImportOptions(metric_ids, hosts, settings.tz)


def planned_files(plan: ImportPlan, journal: Journal, settings: Settings) -> dict[Path, str]:
    """Each day's new entry: path -> text (a second file when an imported one exists: it is never changed)."""
    files: dict[Path, str] = {}
    for day in plan.days:
        files[free_entry_path(settings.journal_dir, day.day, day.platform, journal)] = entry_text(day)
    return files


def entry_text(day: DayImport) -> str:
    """The draft entry of one day on one platform."""
    name = PLATFORM_NAMES[day.platform]
    data: dict[str, Any] = {"title": f"{name} activity", "goals": list(day.goals)}
    if day.metrics:
        data["metrics"] = dict(sorted(day.metrics.items()))
    if day.helped:
        data["helped"] = [_helped_data(item) for item in day.helped]
    data["imported"] = list(day.ids)
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)
    draft = "draft: true  # imported: check it (refine each helped item's kind), then delete this line\n"
    links = [
        f"- {KIND_NAMES[a.kind]}: <{a.url}>" if a.url else f"- {KIND_NAMES[a.kind]}" for a in day.activities
    ]
    body = f"Imported from my {name} archive:\n\n" + "\n".join(links) + "\n"
    return f"---\n{draft}{front}---\n\n{body}"


def _helped_data(item: Any) -> dict[str, Any]:
    """A helped item as front matter, without empty keys."""
    data = {"how": item.how, "who": item.who, "kind": item.kind, "where": item.where, "link": item.link}
    data = {key: value for key, value in data.items() if value}
    return {**data, "private": True} if item.private else data


def _check(texts: dict[Path, str], settings: Settings) -> None:
    """Read each planned entry as the build would; any problem stops the import before writing."""
    with tempfile.TemporaryDirectory() as folder:
        for path, text in texts.items():
            trial = Path(folder) / path.name
            trial.write_text(text, "utf-8")
            reading = read_entry(trial, display_path(path, settings.root), settings.tz)
            stopping = [p for p in reading.problems if p.severity != "note"]
            if reading.item is None or stopping:
                raise CommandError(
                    f"could not write a valid entry ({stopping[0] if stopping else path}): nothing was written"
                )


def _write_all(texts: dict[Path, str]) -> None:
    """Write every file, or none: each goes to a temporary name first, then all are moved into place."""
    partial: list[tuple[Path, Path]] = []
    try:
        for path, text in texts.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
            partial.append((Path(name), path))
        for _, path in partial:
            if path.exists():
                raise CommandError(
                    f"{path} appeared while importing: nothing was written; run the import again"
                )
        for temporary, path in partial:
            os.replace(temporary, path)
    except BaseException:
        for temporary, _ in partial:
            temporary.unlink(missing_ok=True)
        raise


def summary(archive: Archive, plan: ImportPlan, texts: dict[Path, str], settings: Settings) -> list[str]:
    """What the import did: new, already imported, left out and not recorded, and why."""
    recorded = sum(len(day.activities) for day in plan.days)
    name = PLATFORM_NAMES[archive.platform]
    lines = [f"{name} archive {archive.path}: {recorded} new activities in {len(texts)} draft entries."]
    lines += [f"  {shown(path)}" for path in texts]
    if plan.already:
        lines.append(f"{plan.already} already imported earlier: skipped.")
    for reason, count in sorted(plan.not_recorded.items()):
        lines.append(f"{count} not recorded ({reason}).")
    for reason, count in sorted(archive.left_out.items()):
        lines.append(f"{count} left out ({reason}).")
    if texts:
        lines.append(
            "They are drafts: check them in 'mkdocs serve', then delete 'draft: true' to publish and count them."
        )
    return lines
