"""The package's layout: modules and functions small enough to read, the plugin module thin glue."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "goals_journal"
MODULE_LINES, FUNCTION_LINES, PLUGIN_LINES = 400, 60, 160  # the plugin module: "under about 150"


def modules() -> list[Path]:
    """Every Python module of the package."""
    return sorted(PACKAGE.rglob("*.py"))


def test_modules_and_functions_are_short() -> None:
    too_long = [
        f"{p.relative_to(PACKAGE)}: {n} lines"
        for p in modules()
        if (n := len(p.read_text("utf-8").splitlines())) > MODULE_LINES
    ]
    long_functions = [
        f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}: {node.end_lineno - node.lineno + 1} lines"
        for path in modules()
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > FUNCTION_LINES
    ]
    assert too_long == [] and long_functions == []
    plugin = PACKAGE / "hosts" / "mkdocs" / "plugin.py"
    assert len(plugin.read_text("utf-8").splitlines()) <= PLUGIN_LINES


def test_every_folder_says_what_lives_there() -> None:
    folders = sorted({p.parent for p in modules()})
    undocumented = [
        f.relative_to(PACKAGE).as_posix()
        for f in folders
        if not (f / "__init__.py").is_file()
        or not ast.get_docstring(ast.parse((f / "__init__.py").read_text("utf-8")))
    ]
    assert undocumented == []


def test_core_pages_and_outputs_work_without_mkdocs() -> None:
    """Reading, counting, planning, rendering and the outputs load no MkDocs (a host may be another one)."""
    script = (
        "import sys\n"
        "import goals_journal.core.reader, goals_journal.pages.site, goals_journal.pages.render\n"
        "import goals_journal.outputs.feeds, goals_journal.outputs.opendata, goals_journal.outputs.social\n"
        "import goals_journal.outputs.badges, goals_journal.config.options, goals_journal.speed.prerender\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_every_word_of_each_vocabulary_has_its_reader_facing_words() -> None:
    from goals_journal.core import vocabulary
    from goals_journal.pages import words
    from goals_journal.pages.context import CONTEXTS
    from goals_journal.pages.plan import PAGE_KINDS

    assert tuple(words.STATUS_WORDS) == vocabulary.STATUSES
    assert tuple(words.KIND_WORDS) == vocabulary.HELP_KINDS
    assert tuple(words.PERIOD_WORDS) == vocabulary.PERIODS
    assert tuple(words.STATE_WORDS) == vocabulary.PERIOD_STATES
    assert tuple(words.METRIC_STATE_WORDS) == vocabulary.METRIC_STATES
    assert tuple(words.GOAL_STATE_WORDS) == vocabulary.GOAL_STATES
    assert tuple(words.KIND_TITLES) == tuple(words.KIND_NAMES) == vocabulary.HELP_KINDS
    assert [words.day_name(day).lower() for day in range(7)] == list(vocabulary.WEEKDAYS)  # English
    assert sorted(CONTEXTS) == sorted(PAGE_KINDS)
    templates = PACKAGE / "pages" / "templates"
    assert [kind for kind in PAGE_KINDS if not (templates / f"{kind}.html").is_file()] == []
