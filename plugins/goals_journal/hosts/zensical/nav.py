"""The menu of a journal whose mkdocs.yml has no `nav:`, written out for Zensical as MkDocs makes it.

MkDocs makes the menu from the files: each folder a section titled by its name, a folder's index page
first, then its other pages by name, then its sub-folders by name. The plugin then shows a section that
holds only one generated page as that page, and puts the now page after Goals (see the MkDocs host)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from ...pages.plan import NOW_PAGE

GOALS_PAGE = "goals/index.md"
Menu = list[Any]  # nav items as mkdocs.yml writes them: "path.md" or {"Section": [items]}


def sort_key(uri: str) -> tuple[tuple[str, ...], bool, str]:
    """The order of pages in a folder: the folder's path, then its index page first, then by name."""
    parts = PurePosixPath(uri).parts
    return (parts[:-1], PurePosixPath(uri).stem != "index", parts[-1])


def section_title(folder: str) -> str:
    """A section's title from its folder name: '-' and '_' as spaces, capitalised when all lowercase."""
    title = folder.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def menu(in_nav: Iterable[str], generated: frozenset[str]) -> Menu:
    """The menu of the pages in it (source URIs), with lone generated pages as links, now after Goals."""
    nested: Menu = []
    for uri in sorted(in_nav, key=sort_key):
        branch = nested
        for folder in PurePosixPath(uri).parent.parts:
            branch = _section(branch, section_title(folder))
        branch.append(uri)
    items = [_lone_page(item, generated) for item in nested]
    if NOW_PAGE in items and any(GOALS_PAGE in _pages(item) for item in items):
        items.remove(NOW_PAGE)
        goals = next(i for i, item in enumerate(items) if GOALS_PAGE in _pages(item))
        items.insert(goals + 1, NOW_PAGE)
    return items


def _section(branch: Menu, title: str) -> Menu:
    """The children of the section called `title` in `branch`, added when it is not there yet."""
    for item in branch:
        if isinstance(item, dict) and title in item:
            children: Menu = item[title]
            return children
    children = []
    branch.append({title: children})
    return children


def _lone_page(item: Any, generated: frozenset[str]) -> Any:
    """The page of a section that holds only one generated page; else the item as it is."""
    if isinstance(item, dict):
        (children,) = item.values()
        if len(children) == 1 and isinstance(children[0], str) and children[0] in generated:
            return children[0]
    return item


def _pages(item: Any) -> list[str]:
    """Every page of a menu item, sections opened."""
    if isinstance(item, str):
        return [item]
    return [page for children in item.values() for child in children for page in _pages(child)]
