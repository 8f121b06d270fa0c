"""Glue to MkDocs' search: parts of pages held back from the index, and a name for Material's dialog."""

from __future__ import annotations

import re
from html import escape as html_escape

from ...pages.render import UNINDEXED
from ...pages.words.language import _

SEARCH_DIALOG = 'data-md-component="search" role="dialog"'
_HELD = re.compile(r"<!--gj:held:(\d+)-->")


def hold_back(html: str) -> tuple[str, list[str]]:
    """Cut out the parts search should not index, leaving numbered placeholders."""
    parts: list[str] = []

    def cut(match: re.Match[str]) -> str:
        parts.append(match.group(1))
        return f"<!--gj:held:{len(parts) - 1}-->"

    return UNINDEXED.sub(cut, html), parts


def put_back(html: str, parts: list[str]) -> str:
    """Return the held-back parts to their places."""
    return _HELD.sub(lambda match: parts[int(match.group(1))], html) if parts else html


def name_search_dialog(output: str) -> str:
    """Material leaves its search dialog unnamed: name it."""
    label = html_escape(_("Search"))
    return output.replace(SEARCH_DIALOG, SEARCH_DIALOG + f' aria-label="{label}"', 1)
