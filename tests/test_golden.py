"""Golden cases for the core without MkDocs: small journals in, their numbers and page plan out.

Each file in tests/golden/ holds a journal (`files`), the options it is built with (`options`) and
what it must give (`expected`): the problems found, every goal as /goals.json shows it, the roundups
the page plan and the other files published. After a deliberate change, regenerate every `expected` with

    python tests/test_golden.py

and read the diff before committing it: the numbers were worked out by hand when each case was written.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from goals_journal.core.reader import read_journal
from goals_journal.core.settings import Settings
from goals_journal.core.vocabulary import WEEKDAYS
from goals_journal.outputs.opendata import goal_summary
from goals_journal.pages.site import build_site
from goals_journal.pages.words import roundup_label

CASES = sorted((Path(__file__).parent / "golden").glob("*.yaml"))
SITE_URL = "https://example.org/journal/"


def settings_for(root: Path, options: dict[str, Any]) -> Settings:
    """The settings of a case: its options over the defaults, folders below `root`."""
    return Settings(
        root=root,
        goals_dir=root / "goals",
        journal_dir=root / "journal",
        tz=ZoneInfo(options.get("timezone", "UTC")),
        today=dt.date.fromisoformat(str(options["today"])),
        week_start=WEEKDAYS.index(options.get("week_start", "monday")),
        count_private=options.get("count_private", True),
        serving=options.get("serving", False),
        site_name="Golden",
        site_url=SITE_URL,
    )


def outcome(case: dict[str, Any]) -> dict[str, Any]:
    """What the core and the page plan make of a case's journal."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, text in case["files"].items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, "utf-8")
        settings = settings_for(root, case.get("options", {}))
        journal = read_journal(settings.folders)
        site = None if journal.errors else build_site(journal, settings)
    problems = [*journal.problems, *(site.problems if site else ())]
    result: dict[str, Any] = {
        "problems": [f"{p} ({p.severity})" for p in problems],
    }
    if site is None:
        return result
    result["goals"] = [goal_summary(p, SITE_URL, True) for p in site.progress.values()]
    result["roundups"] = [
        f"{roundup_label(r)}: {len(r.acts)} acts, {len(r.public)} public"
        for r in site.numbers.weeks + site.numbers.months
    ]
    result["pages"] = [_page(spec) for spec in site.pages.values()]
    result["files"] = sorted(site.plan.assets)  # beside goals and entries, published because linked
    return result


def _page(spec: Any) -> str:
    """One planned page on a line: address, kind, title and what is unusual about it."""
    flags = [
        word
        for word, on in (
            ("not in nav", not spec.in_nav),
            ("not searched", not spec.searchable),
            ("draft", spec.draft),
        )
        if on
    ]
    return f"{spec.uri} [{spec.kind}] {spec.title}" + (f" ({', '.join(flags)})" if flags else "")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden_case(path: Path) -> None:
    case = yaml.safe_load(path.read_text("utf-8"))
    assert outcome(case) == case["expected"], (
        f"run 'python tests/test_golden.py' and read the diff of {path.name}"
    )


def test_there_are_golden_cases() -> None:
    assert len(CASES) >= 6


class _Dumper(yaml.SafeDumper):
    """Writes cases back readably: multi-line text as literal blocks, keys in their order."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def regenerate() -> None:
    """Write every case's `expected` from what the code makes of it now."""
    for path in CASES:
        case = yaml.safe_load(path.read_text("utf-8"))
        case["expected"] = outcome(case)
        path.write_text(
            yaml.dump(case, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110), "utf-8"
        )
        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")


if __name__ == "__main__":
    regenerate()
