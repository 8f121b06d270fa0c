"""Benchmark: edit one entry during `mkdocs serve --dirty` and time the rebuild.

Runs a serve session in this process the way `mkdocs serve --dirty` does (one plugin instance, the
config reloaded for each build, one site folder), without the web server: a first build, then one
entry is edited (a metric and a helped item change) and the site is rebuilt. Reports both times,
how many pages were written again, how many social cards were drawn, and whether every page's
content equals a clean `mkdocs build` of the edited journal.

    python bench/dirty.py PROJECT [--json]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ARTICLE = re.compile(r"<article.*?</article>", re.S)
DRAWN = re.compile(r"drew (\d+) social card")


@dataclass
class DirtyResult:
    """One edit under `serve --dirty`."""

    first_seconds: float
    rebuild_seconds: float
    pages: int
    rebuilt_pages: list[str]
    cards_drawn: int
    same_as_clean: bool
    different: list[str]


class _Drawn(logging.Handler):
    """Counts the cards the plugin says it drew."""

    def __init__(self) -> None:
        super().__init__()
        self.drawn = 0

    def emit(self, record: logging.LogRecord) -> None:
        match = DRAWN.search(record.getMessage())
        self.drawn += int(match.group(1)) if match else 0


def edit_entry(project: Path) -> Path:
    """Change one entry in the middle of the journal: a metric grows by 7, a helped item is reworded."""
    entries = sorted((project / "journal").rglob("*.md"))
    for path in entries[len(entries) // 2 :]:
        text = path.read_text("utf-8")
        if "reach_out: " in text and "    how: " in text:
            text = re.sub(r"reach_out: (\d+)", lambda m: f"reach_out: {int(m.group(1)) + 7}", text, count=1)
            text = text.replace("    how: ", "    how: Edited while serving. ", 1)
            path.write_text(text, "utf-8")
            return path
    raise SystemExit("no entry with a metric and a helped item")


def articles(site: Path) -> dict[str, str]:
    """The content area of every page of a built site."""
    found = {}
    for path in site.rglob("*.html"):
        match = ARTICLE.search(path.read_text("utf-8"))
        found[path.relative_to(site).as_posix()] = match.group(0) if match else ""
    return found


def measure_dirty(project: Path) -> DirtyResult:
    """A first build and a rebuild after one edit, as `mkdocs serve --dirty` runs them."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    counter = _Drawn()
    plugin_log = logging.getLogger("mkdocs.plugins.goals-journal")
    plugin_log.addHandler(counter)
    plugin_log.setLevel(logging.INFO)
    with tempfile.TemporaryDirectory(prefix="dirty-") as folder:
        site = Path(folder) / "site"
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=True)
        start = time.perf_counter()
        build(config, dirty=True)
        first = time.perf_counter() - start
        before = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
        edit_entry(project)
        counter.drawn = 0
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        start = time.perf_counter()
        build(config, dirty=True)
        rebuild = time.perf_counter() - start
        after = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
        rebuilt = sorted(
            p.relative_to(site).as_posix() for p, mtime in after.items() if before.get(p) != mtime
        )
        clean = Path(folder) / "clean"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(clean)],
            cwd=project,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        served, expected = articles(site), articles(clean)
        different = sorted(p for p in expected if served.get(p) != expected[p])
    return DirtyResult(first, rebuild, len(after), rebuilt, counter.drawn, not different, different[:10])


def main() -> None:
    """Measure one edit in the project folder given."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("project", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure_dirty(args.project.resolve())
    print(json.dumps(asdict(result)) if args.json else result)


if __name__ == "__main__":
    main()
