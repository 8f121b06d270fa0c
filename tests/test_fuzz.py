"""Property-based tests: any front matter and body either builds cleanly or fails with plugin errors."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import feedparser
import yaml
from conftest import build_journal
from goals_journal.core.contract import ENTRY_KEYS, GOAL_KEYS, HELPED_KEYS, METRIC_KEYS
from goals_journal.core.reader import read_journal
from goals_journal.core.settings import FeedSettings, Settings
from goals_journal.outputs.feeds import feed_files, feed_plan
from goals_journal.outputs.opendata import data_files
from goals_journal.pages.render import render_page
from goals_journal.pages.site import build_site
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree

WORDS = st.sampled_from(
    ["help", "x", "reach_out", "answer", "week", "day", "2027-01-03", "@jane", "<b>", "", "a: b"]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    WORDS,
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)).map(str),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.one_of(WORDS, st.text(max_size=5)), inner, max_size=3)
    ),
    max_leaves=8,
)


def mapping(keys: tuple[str, ...], values: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Dicts of contract keys (and a stray one) with arbitrary values."""
    return st.dictionaries(
        st.one_of(st.sampled_from(keys), st.text(min_size=1, max_size=6)), values, max_size=len(keys)
    )


METRIC = mapping(
    METRIC_KEYS, st.one_of(VALUES, st.sampled_from(["day", "week", "helped", "entries", "answer"]))
)
GOAL = mapping(GOAL_KEYS, st.one_of(VALUES, st.dictionaries(WORDS, METRIC, max_size=3)))
HELPED = st.lists(mapping(HELPED_KEYS, st.one_of(VALUES, st.just("https://example.org/a"))), max_size=3)
ENTRY = mapping(
    ENTRY_KEYS, st.one_of(VALUES, HELPED, st.lists(st.sampled_from(["help", "other"]), max_size=2))
)
BODY = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80) | st.sampled_from(
    ["# Title\n\ntext", "[a](b.md) ![i](c.png)", "<script>x</script>", "```\n[x](y)\n```", "\x07\x00bell"]
)
NAMES = st.sampled_from(
    ["2027-01-03-a", "2027-01-04", "notes", "2027-02-30-x", "2026-12-31-b", "2027-01-20-c"]
)


def front(data: dict[str, Any], body: str, raw: str | None) -> str:
    """A file: YAML front matter (or raw, possibly broken, text) and a body."""
    text = raw if raw is not None else yaml.safe_dump(data, allow_unicode=True)
    return f"---\n{text}\n---\n{body}"


@st.composite
def journals(draw: st.DrawFn) -> dict[str, str]:
    """A goals/ and journal/ tree of generated files."""
    files = {"goals/help.md": front(draw(GOAL), draw(BODY), draw(st.none() | st.text(max_size=30)))}
    files["goals/other.md"] = (
        "---\ntitle: Other\nstarted: 2027-01-01\nmetrics: {reach_out: {target: 5, per: week}}\n---\n"
    )
    for index in range(draw(st.integers(min_value=1, max_value=3))):
        name = f"journal/{draw(NAMES)}-{index}.md"
        files[name] = front(draw(ENTRY), draw(BODY), draw(st.none() | st.text(max_size=30)))
    return files


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    str.strip
)


@st.composite
def valid_journals(draw: st.DrawFn) -> dict[str, str]:
    """Files that follow the contract, with arbitrary text wherever text is allowed."""
    metrics = {
        "helped": {"label": draw(TEXT), "target": draw(st.integers(1, 500)), "count": "helped"},
        "reach_out": {
            "label": draw(TEXT),
            "target": draw(st.integers(1, 9)),
            "per": draw(st.sampled_from(["day", "week", "month"])),
        },
        "ratio": {"target": 0.75, "ratio": {"part": "mine", "whole": ["mine", "theirs"]}},
    }
    due = draw(st.none() | st.dates(dt.date(2027, 1, 1), dt.date(2028, 12, 31)))
    goal = {
        "title": draw(TEXT),
        "started": dt.date(2026, 12, draw(st.integers(1, 31))),
        "why": draw(TEXT),
        "tags": [draw(TEXT)],
    }
    goal |= {
        "metrics": metrics,
        "rest_days": draw(st.lists(st.sampled_from(["sat", "sun"]), max_size=2, unique=True)),
    }
    if due:
        goal["due"] = due
    files = {"goals/help.md": "---\n" + yaml.safe_dump(goal, allow_unicode=True) + "---\n" + draw(BODY)}
    files |= draw(extras())
    for index in range(draw(st.integers(1, 6))):
        day = dt.date(2026, 12, 1) + dt.timedelta(days=draw(st.integers(0, 60)))
        helped = [
            {
                "how": draw(TEXT),
                "who": draw(TEXT),
                "kind": draw(st.sampled_from(["answer", "other", "intro"])),
                "private": draw(st.booleans()),
            }
            for _ in range(draw(st.integers(0, 3)))
        ]
        data = {
            "title": draw(TEXT),
            "goals": ["help"],
            "helped": helped,
            "tags": [draw(TEXT)],
            "metrics": {
                "reach_out": draw(st.integers(0, 9)),
                "mine": draw(st.integers(0, 3)),
                "theirs": draw(st.integers(0, 3)),
            },
            "private": draw(st.booleans()),
            "draft": draw(st.booleans()),
            "rest": draw(st.booleans()),
        }
        files[f"journal/{day}-e{index}.md"] = (
            "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + draw(BODY | LINKS)
        )
    return files


LINK = "\0link:"  # a file value that makes a symbolic link to the path after it
OUTSIDE = "CANARY-FROM-OUTSIDE"  # the text of a file outside the project: it must never be published
LINKS = st.lists(
    st.sampled_from(
        ["2026-12-01-e0.md", "2026-12-05-e1.md", "../goals/help.md", "missing.png", "plain.md", "../../x.md"]
    ),
    min_size=1,
    max_size=3,
).map(lambda targets: " ".join(f"[to {t}]({t})" for t in targets))


@st.composite
def extras(draw: st.DrawFn) -> dict[str, str]:
    """Files without front matter, and links to files and folders inside and outside the project."""
    files = {}
    if draw(st.booleans()):
        files["journal/2027-01-02-plain.md"] = (
            "Text without front matter, linking [an entry](2026-12-01-e0.md).\n"
        )
    for index, target in enumerate(
        draw(st.lists(st.sampled_from(["inside", "outside", "folder", "nowhere"]), max_size=3))
    ):
        name = f"journal/2027-01-1{index}-link.md"
        files[name if target != "folder" else f"journal/linked-{index}"] = (
            LINK
            + {
                "inside": "2026-12-01-e0.md",
                "outside": "../../outside/secret.md",
                "folder": "../../outside",
                "nowhere": "no-such-file.md",
            }[target]
        )
    return files


def write(root: Path, files: dict[str, str]) -> None:
    """Write the files below root (and, beside it, a file and a folder outside the project)."""
    outside = root.parent / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.md").write_text(f"---\ntitle: {OUTSIDE}\n---\n{OUTSIDE}\n", "utf-8")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if text.startswith(LINK):
            path.symlink_to(text.removeprefix(LINK))
        else:
            path.write_text(text, "utf-8", errors="surrogatepass")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journals() | valid_journals())
def test_reading_and_rendering_never_crash(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        write(root, files)
        options = Settings(root, root / "goals", root / "journal", ZoneInfo("UTC"), dt.date(2027, 1, 20))
        journal = read_journal(options.folders)
        for problem in journal.problems:
            assert problem.path and problem.line >= 1 and problem.message
        event("stopped by errors" if journal.errors else "rendered")
        if journal.errors:
            return
        site = build_site(journal, options)
        for spec in site.pages.values():
            made = render_page(spec, site)
            assert OUTSIDE not in made.before + made.after + spec.markdown
            etree.fromstring(
                f"<div>{made.before}{made.after}</div>".replace("&nbsp;", " ").encode(), etree.HTMLParser()
            )
        feed = FeedSettings("https://example.org/", "Journal")
        for name, data in feed_files(site, feed_plan(site, feed), {}, feed).items():
            if name.endswith((".xml", ".xsl")):
                etree.fromstring(data)
            else:
                json.loads(data)
        for name, text in data_files(site, "https://example.org/").items():
            if name.endswith(".json"):
                json.loads(text)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(journals() | valid_journals())
def test_real_builds_succeed_or_fail_with_plugin_errors(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder) / "project", files)
        result = build_journal(Path(folder) / "project", {}, expect_problems=True)
        event("failed with plugin errors" if result.failure else "built")
        if result.failure:
            assert result.errors, "a failed build says why"
            assert not (result.site / "index.html").exists()
            return
        feed = feedparser.parse((result.site / "feed.xml").read_bytes())
        assert feed.bozo == 0
        json.loads((result.site / "feed.json").read_text("utf-8"))
        assert (result.site / "index.html").is_file()
        assert all(
            OUTSIDE not in p.read_text("utf-8", "replace") for p in result.site.rglob("*") if p.is_file()
        )
