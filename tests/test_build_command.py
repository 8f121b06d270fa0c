"""`goals build`: a complete build replaces the site; a failed, killed or out-of-space one leaves it as it was."""

from __future__ import annotations

import errno
import importlib.util
import os
import signal
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, TODAY, entry, write_files
from goals_journal.cli.main import main
from test_site import JOURNAL

ENV = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "EDITOR", "VISUAL")}
ENV["NO_MKDOCS_2_WARNING"] = "1"
GOALS = [sys.executable, "-m", "goals_journal.cli.main"]


def mkdocs_yml(root: Path, today: str = TODAY, **extra: Any) -> None:
    """The journal's mkdocs.yml."""
    settings = {
        "site_name": "Test Journal",
        "site_url": "https://example.org/journal/",
        "docs_dir": "docs",
        "theme": {"name": "material"},
        "plugins": ["search", {"goals-journal": {"today": today}}],
        **extra,
    }
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), "utf-8")


def goals_build(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `goals build` in `root`."""
    return subprocess.run(
        [*GOALS, "build", *args], cwd=root, env=ENV, capture_output=True, text=True, timeout=300, check=False
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below a folder (relative path -> bytes), and every folder (-> b'/')."""
    return {
        p.relative_to(folder).as_posix(): b"/" if p.is_dir() else p.read_bytes() for p in folder.rglob("*")
    }


def leftovers(root: Path, name: str = "site") -> list[str]:
    """What `goals build` keeps next to the site while it works (must be gone once it is done)."""
    return sorted(p.name for p in root.iterdir() if p.name.startswith(f".{name}."))


def built_ok(run: subprocess.CompletedProcess[str], site: str = "site") -> None:
    """A build that succeeded and said where the site is."""
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout == f"Built the site into {site}/.\n"
    assert "Traceback" not in run.stderr


def failed(run: subprocess.CompletedProcess[str]) -> str:
    """The error line of a failed build (the problems are shown above it)."""
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    last = run.stderr.splitlines()[-1]
    assert last.startswith("goals: error: the build failed"), run.stderr
    return last


def test_a_failed_build_leaves_the_previous_site_as_it_was(tmp_path: Path) -> None:
    write_files(tmp_path, JOURNAL)
    mkdocs_yml(tmp_path, site_dir="public")  # the default folder is mkdocs.yml's site_dir
    built_ok(goals_build(tmp_path), "public")
    site = tmp_path / "public"
    before = snapshot(site)
    assert "goals/help/index.html" in before and "goals/help/card.png" in before
    assert leftovers(tmp_path, "public") == []

    write_files(tmp_path, {"journal/2027/2027-01-15-bad.md": entry(goals=["nope"])})
    run = goals_build(tmp_path)
    assert "ERROR" in run.stderr and "nope" in run.stderr  # the problem, with its file
    assert failed(run).endswith("; public/ was left as it was")
    assert snapshot(site) == before
    assert leftovers(tmp_path, "public") == []

    write_files(tmp_path, {"journal/2027/2027-01-15-bad.md": entry(goals=["help"], colour="blue")})
    failed(goals_build(tmp_path, "--strict"))  # an unknown key is a warning: --strict stops on it
    assert snapshot(site) == before
    assert leftovers(tmp_path, "public") == []
    built_ok(goals_build(tmp_path), "public")  # without --strict, it builds and replaces the site
    assert (site / "journal/2027/01/15/bad/index.html").is_file()
    assert leftovers(tmp_path, "public") == []


def test_the_first_build_failing_writes_no_site(tmp_path: Path) -> None:
    write_files(tmp_path, {**JOURNAL, "journal/2027/2027-01-15-bad.md": entry(goals=["nope"])})
    mkdocs_yml(tmp_path)
    assert failed(goals_build(tmp_path)).endswith("; no site was written")
    assert not (tmp_path / "site").exists() and leftovers(tmp_path) == []


def test_site_dir_is_relative_to_the_current_folder(tmp_path: Path) -> None:
    journal = tmp_path / "journal"
    write_files(journal, JOURNAL)
    mkdocs_yml(journal)
    run = subprocess.run(
        [*GOALS, "build", "--config", "journal/mkdocs.yml", "-d", "out/www"],
        cwd=tmp_path,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    built_ok(run, "out/www")
    assert (tmp_path / "out/www/index.html").is_file() and not (journal / "site").exists()


def test_a_build_killed_mid_way_leaves_the_previous_site_and_the_next_build_cleans_up(
    tmp_path: Path,
) -> None:
    generate = _bench_generate()
    after_last = generate(tmp_path, 300, 3)  # big enough that a build takes a few seconds
    mkdocs_yml(tmp_path, today=str(after_last))
    built_ok(goals_build(tmp_path))
    site = tmp_path / "site"
    before = snapshot(site)

    write_files(tmp_path, {"journal/late/late-entry.md": entry(date=str(after_last), goals=["goal-1"])})
    build = subprocess.Popen(
        [*GOALS, "build"],
        cwd=tmp_path,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the plugin's worker processes can be ended too
    )
    try:
        fresh = _wait_for_pages_being_written(tmp_path, build)
        build.send_signal(signal.SIGKILL)
        assert build.wait(timeout=30) == -signal.SIGKILL
    finally:
        with suppress(ProcessLookupError):
            os.killpg(build.pid, signal.SIGKILL)  # workers the killed build left behind
        build.wait(timeout=30)
    time.sleep(0.2)
    assert fresh.is_dir()  # what the killed build wrote stays aside: it never reached the site
    assert len(list(fresh.rglob("*.html"))) < sum(name.endswith(".html") for name in before)
    assert snapshot(site) == before  # byte for byte the previous site

    built_ok(goals_build(tmp_path))
    assert not fresh.exists() and leftovers(tmp_path) == []
    assert (site / f"journal/{after_last:%Y/%m/%d}/late-entry/index.html").is_file()


def test_a_build_killed_between_the_renames_is_rolled_back(tmp_path: Path) -> None:
    write_files(tmp_path, JOURNAL)
    mkdocs_yml(tmp_path)
    built_ok(goals_build(tmp_path))
    site = tmp_path / "site"
    before = snapshot(site)
    site.rename(tmp_path / f".site.old-{time.time_ns()}")  # the state a kill after the first rename leaves
    write_files(tmp_path, {".site.new-x1y2/index.html": "half a site"})

    write_files(tmp_path, {"journal/2027/2027-01-15-bad.md": entry(goals=["nope"])})
    assert failed(goals_build(tmp_path)).endswith("; site/ was left as it was")
    assert snapshot(site) == before  # the old site was put back, the unfinished one deleted
    assert leftovers(tmp_path) == []

    (tmp_path / "journal/2027/2027-01-15-bad.md").unlink()
    built_ok(goals_build(tmp_path))
    assert snapshot(site) == before and leftovers(tmp_path) == []


def test_a_build_killed_while_deleting_the_old_site_keeps_its_hidden_files(tmp_path: Path) -> None:
    write_files(tmp_path, JOURNAL)
    mkdocs_yml(tmp_path)
    built_ok(goals_build(tmp_path))
    old = tmp_path / f".site.old-{time.time_ns()}"  # the new site is in place, the old one half deleted
    write_files(old, {".git/HEAD": "ref: refs/heads/gh-pages\n", "index.html": "the old home page"})
    built_ok(goals_build(tmp_path))
    assert (tmp_path / "site/.git/HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert "the old home page" not in (tmp_path / "site/index.html").read_text()
    assert leftovers(tmp_path) == []


def test_a_build_that_runs_out_of_space_leaves_the_previous_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import mkdocs.utils

    write_files(tmp_path, JOURNAL)
    mkdocs_yml(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert main(["build"]) == 0
    site = tmp_path / "site"
    before = snapshot(site)
    written, pages = mkdocs.utils.write_file, []

    def fill_up(content: bytes, output_path: str) -> None:
        pages.append(output_path)
        if len(pages) > 3:  # the disk is full after three pages
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), output_path)
        written(content, output_path)

    monkeypatch.setattr(mkdocs.utils, "write_file", fill_up)
    write_files(tmp_path, {"journal/2027/2027-01-15-more.md": entry(goals=["help"])})
    capsys.readouterr()
    assert main(["build"]) == 1
    error = capsys.readouterr().err.splitlines()[-1]
    assert error.startswith("goals: error: the build failed (") and "No space left on device" in error
    assert error.endswith("; site/ was left as it was")
    assert snapshot(site) == before and leftovers(tmp_path) == []


def test_the_new_site_keeps_hidden_files_permissions_and_links_of_the_old(tmp_path: Path) -> None:
    """As `mkdocs build`, which cleans the site folder in place: dotfiles stay (a gh-pages checkout)."""
    write_files(tmp_path, JOURNAL)
    mkdocs_yml(tmp_path)  # site_dir: site
    (tmp_path / "real").mkdir()
    os.symlink("real/www", tmp_path / "site")  # the site folder is reached through a link
    built_ok(goals_build(tmp_path), "real/www")
    www = tmp_path / "real/www"
    assert (tmp_path / "site").is_symlink() and (tmp_path / "site/index.html").is_file()
    assert www.stat().st_mode & 0o777 == 0o777 & ~_umask()  # not mkdtemp's 0700
    write_files(www, {".git/HEAD": "ref: refs/heads/gh-pages\n", ".nojekyll": "", "stale.html": "old"})
    www.chmod(0o750)
    built_ok(goals_build(tmp_path), "real/www")
    assert (www / ".git/HEAD").read_text() == "ref: refs/heads/gh-pages\n" and (www / ".nojekyll").exists()
    assert not (www / "stale.html").exists()  # everything else is the new build's
    assert www.stat().st_mode & 0o777 == 0o750
    assert (tmp_path / "site").is_symlink() and leftovers(tmp_path / "real", "www") == []


def test_two_builds_of_one_site_at_once_take_turns(tmp_path: Path) -> None:
    write_files(tmp_path, JOURNAL)
    mkdocs_yml(tmp_path)
    runs = [
        subprocess.Popen(
            [*GOALS, "build"],
            cwd=tmp_path,
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for run in runs:
        out, err = run.communicate(timeout=300)
        built_ok(subprocess.CompletedProcess(run.args, run.returncode, out, err))
    assert (tmp_path / "site/index.html").is_file() and leftovers(tmp_path) == []


def _umask() -> int:
    """This process's umask (which the children it starts inherit)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _bench_generate() -> Any:
    """bench/generate.py's generate(root, entries, goals)."""
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench/generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


def _wait_for_pages_being_written(root: Path, build: subprocess.Popen[bytes]) -> Path:
    """The fresh folder of a running build, once MkDocs writes pages into it."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert build.poll() is None, "the build ended before it could be killed"
        for fresh in root.glob(".site.new-*"):
            if (fresh / "journal").is_dir():
                return fresh
        time.sleep(0.01)
    raise AssertionError("the build never started writing pages")
