"""What Zensical cannot do yet for a journal, said in one warning (so `--strict` stops on it), never silently."""

from __future__ import annotations

import re
from importlib import import_module

from ...config.options import PLUGIN_NAME
from ...core.model import Problem
from .sources import Sources

OURS = ("search", PLUGIN_NAME)  # Zensical has its own search; our plugin is what this host does


def zensical_plugins() -> frozenset[str] | None:
    """The MkDocs plugins Zensical does itself (None when this Zensical does not say)."""
    try:
        known = getattr(import_module("zensical.config"), "_PLUGIN_UNSUPPORTED_OPTIONS", None)
    except ImportError:
        return None
    return frozenset(known) if isinstance(known, dict) else None


def left_out_plugins(named: tuple[str, ...]) -> list[str]:
    """The plugins of mkdocs.yml that Zensical will not run."""
    done_by_zensical = zensical_plugins() or frozenset()
    names = [name.removeprefix("material/") for name in named]
    return [name for name in names if name not in OURS and name.split("/")[0] not in done_by_zensical]


def limitations(sources: Sources) -> tuple[Problem, ...]:
    """The one warning naming what this journal loses with Zensical (none when it loses nothing)."""
    lost = []
    if sources.edit_links:
        lost.append(
            "'edit this page' on the generated pages (goals, entries, the indexes) leads to their copy in "
            ".cache/goals-journal/zensical/, not to your file: Zensical links each page to its path under docs/"
        )
    plugins = left_out_plugins(sources.plugins)
    if plugins:
        lost.append(f"Zensical runs no MkDocs plugins: {', '.join(plugins)} in mkdocs.yml will do nothing")
    if sources.hooks:
        lost.append(
            f"Zensical runs no MkDocs hooks: {', '.join(sources.hooks)} in mkdocs.yml will do nothing"
        )
    if not lost:
        return ()
    message = (
        "Zensical cannot do this yet, so the site lacks it: "
        + "; ".join(lost)
        + " (build with --engine mkdocs to have it)"
    )
    return (
        Problem(
            sources.config_file.name,
            _line(sources, "repo_url" if sources.edit_links else "plugins"),
            message,
            "warning",
        ),
    )


def _line(sources: Sources, key: str) -> int:
    """The line of mkdocs.yml where `key` is set (1 when it cannot be found)."""
    try:
        lines = sources.config_file.read_text("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    return next((number for number, text in enumerate(lines, start=1) if pattern.match(text)), 1)
