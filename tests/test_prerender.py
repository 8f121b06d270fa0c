"""Rendering on a second core gives the same site, byte for byte, as rendering in the build process."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site
from goals_journal import prerender
from test_site import JOURNAL


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by path."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_background_rendering_builds_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = build_site(tmp_path / "here", JOURNAL)
    monkeypatch.setattr(prerender, "BACKGROUND_FROM", 0)
    monkeypatch.setattr(prerender, "CHUNK", 3)
    started: list[int] = []
    real = prerender.ProcessPoolExecutor

    def counting(*args: object, **kwargs: object) -> prerender.ProcessPoolExecutor:
        started.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(prerender, "ProcessPoolExecutor", counting)
    there = build_site(tmp_path / "there", JOURNAL)
    assert started == [1]  # the second build did render in a worker process
    mine, theirs = site_files(here.site), site_files(there.site)
    assert mine.keys() == theirs.keys()
    assert [name for name in mine if mine[name] != theirs[name]] == []
