"""Build real sites with MkDocs and Material in temporary folders, and read what they produce."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import html as lxml_html
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2027-01-20"


@dataclass
class Built:
    """The result of one build: the site folder, what was logged, and whether it failed."""

    site: Path
    messages: list[tuple[str, str]] = field(default_factory=list)
    failure: str = ""

    @property
    def warnings(self) -> list[str]:
        """Messages logged at WARNING level."""
        return [m for level, m in self.messages if level == "WARNING"]

    errors: list[str] = field(default_factory=list)

    def page(self, url: str) -> Any:
        """The parsed HTML of a site page, e.g. 'goals/help/'."""
        path = self.site / url
        if url.endswith("/") or url == "":
            path = path / "index.html"
        assert path.is_file(), f"{url} was not built; built: {sorted(self.pages())[:40]}"
        return lxml_html.fromstring(path.read_bytes())

    def pages(self) -> list[str]:
        """Every HTML file of the site, relative and sorted."""
        return sorted(p.relative_to(self.site).as_posix() for p in self.site.rglob("*.html"))

    def all_text(self) -> str:
        """Every text file of the site joined, for privacy checks."""
        return "\n".join(
            p.read_text("utf-8", errors="replace")
            for p in sorted(self.site.rglob("*"))
            if p.is_file() and p.suffix in (".html", ".json", ".xml", ".css", ".js", ".txt", ".csv")
        )


class _Collect(logging.Handler):
    """Collects mkdocs log records."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelname, record.getMessage().removeprefix("goals-journal: ")))


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    """Write `files` (path -> text or bytes) below `root`; text is dedented."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), "utf-8")


def build_journal(
    root: Path,
    files: dict[str, str | bytes] | None = None,
    *,
    options: dict[str, Any] | None = None,
    config: dict[str, Any] | None = None,
    strict: bool = False,
    serve: bool = False,
    expect_problems: bool = False,
    engine: str = "",
) -> Built:
    """Write a journal into `root`, build it with Material (or with `goals build --engine ENGINE`), and
    return the result."""
    write_files(root, files or {})
    (root / "docs").mkdir(exist_ok=True)
    plugin = {"today": TODAY, **(options or {})}
    settings: dict[str, Any] = {
        "site_name": "Test Journal",
        "site_url": "https://example.org/journal/",
        "docs_dir": "docs",
        "theme": {"name": "material"},
        "plugins": ["search", {"goals-journal": plugin}],
        **(config or {}),
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), "utf-8")
    if engine:
        return engine_build(root, engine, strict=strict, expect_problems=expect_problems)
    return run_build(
        root / "mkdocs.yml",
        root / "site",
        strict=strict,
        serve=serve,
        expect_problems=expect_problems,
    )


def run_build(
    config_file: Path,
    site_dir: Path,
    *,
    strict: bool = False,
    serve: bool = False,
    expect_problems: bool = False,
) -> Built:
    """Run a full MkDocs build in this process and collect its warnings and errors."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    result = Built(site_dir)
    try:
        cfg = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
        cfg.plugins.on_startup(command="serve" if serve else "build", dirty=False)
        build(cfg, serve_url="http://127.0.0.1:8000/" if serve else None)
    except (BuildError, Abort) as error:
        result.failure = str(error)
    finally:
        logger.removeHandler(handler)
    result.messages = handler.records
    result.errors = [m for level, m in handler.records if level == "ERROR"]
    if not expect_problems:
        assert not result.failure, f"build failed: {result.failure}\n{result.messages}"
        assert not result.messages, f"unexpected warnings: {result.messages}"
    return result


ENGINES = ("mkdocs", "properdocs", "zensical")  # what `goals build --engine` runs
GOALS = [sys.executable, "-m", "goals_journal.cli.main"]
_LEVEL = re.compile(r"^(DEBUG|INFO|WARNING|ERROR)\s+-  (?:goals-journal: )?(.*)$")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def goals_env() -> dict[str, str]:
    """The environment `goals` runs in for tests: no pinned epoch or editor, no MkDocs 2 notice."""
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "EDITOR", "VISUAL")}
    return {**env, "NO_MKDOCS_2_WARNING": "1"}


def engine_build(
    root: Path, engine: str, *args: str, strict: bool = False, expect_problems: bool = False
) -> Built:
    """Run `goals build --engine ENGINE` in `root` (a process of its own) and collect its messages: the
    lines MkDocs' way of logging prints, and Zensical's own warnings."""
    command = [*GOALS, "build", "--engine", engine, *(["--strict"] if strict else []), *args]
    run = subprocess.run(command, cwd=root, env=goals_env(), capture_output=True, text=True, timeout=600)
    assert "Traceback" not in run.stderr, run.stderr
    result = Built(root / "site")
    for line in _ANSI.sub("", run.stderr).splitlines():
        found = _LEVEL.match(line)
        if found:
            result.messages.append((found.group(1), found.group(2)))
        elif line.startswith("Warning:"):  # Zensical's own
            result.messages.append(("WARNING", line.removeprefix("Warning:").strip()))
        elif line.startswith("  ") and result.messages:  # a message of several lines
            level, text = result.messages[-1]
            result.messages[-1] = (level, f"{text}\n{line}")
    result.messages = [(level, text) for level, text in result.messages if level in ("WARNING", "ERROR")]
    result.errors = [m for level, m in result.messages if level == "ERROR"]
    if run.returncode != 0:
        result.failure = run.stderr.strip().splitlines()[-1]
    if not expect_problems:
        assert not result.failure, f"build failed: {run.stderr}"
        assert not result.messages, f"unexpected warnings: {result.messages}"
    return result


def _dates(data: dict[str, Any]) -> dict[str, Any]:
    """ISO date strings as dates, so YAML writes them unquoted like a person would."""
    out = {}
    for key, value in data.items():
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            value = dt.date.fromisoformat(value)
        out[key] = value
    return out


def texts(tree: Any, xpath: str) -> list[str]:
    """Whitespace-normalised text of every element matching `xpath`."""
    return [" ".join(e.text_content().split()) for e in tree.xpath(xpath)]


def goal(title: str = "Help others", started: str = "2027-01-01", body: str = "", **extra: Any) -> str:
    """The text of a goal file."""
    data = _dates({"title": title, "started": started, **extra})
    return "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n\n" + body


def entry(body: str = "Did something useful.", **data: Any) -> str:
    """The text of an entry file."""
    front = yaml.safe_dump(_dates(data), sort_keys=False, allow_unicode=True) if data else ""
    return ("---\n" + front + "---\n\n" if data else "") + body + "\n"


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    """An empty project folder."""
    return tmp_path / "project"
