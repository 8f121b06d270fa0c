"""`mkdocs serve` rebuilds when a file under journal/ changes, and previews drafts."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import build_journal, entry, goal


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    """The body of a page, or '' while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 40) -> str:
    """Poll `url` until its body contains `text`."""
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        body = fetch(url)
        if text in body:
            return body
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {text!r}; last body had {len(body)} characters")


def test_serve_reloads_when_an_entry_changes(site_root: Path) -> None:
    files: dict[str, str | bytes] = {
        "goals/help.md": goal("Help others", "2027-01-01", metrics={"n": {"target": 10}}),
        "journal/2027-01-03-first.md": entry(
            "FIRST-VERSION", title="First", goals=["help"], metrics={"n": 2}
        ),
        "journal/2027-01-04-draft.md": entry("Draft body", title="DRAFT-PREVIEW", draft=True),
    }
    build_journal(site_root, files, config={"site_url": "https://example.org/"})
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site_root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}/journal/"
    try:
        wait_for(base + "2027/01/03/first/", "FIRST-VERSION")
        assert "DRAFT-PREVIEW" in wait_for(base, "First")  # drafts are previewed in serve
        feed = wait_for(f"http://127.0.0.1:{port}/feed.xml", "FIRST-VERSION")
        assert feed.count("<item>") == 1 and "DRAFT-PREVIEW" not in feed  # but never reach a feed
        path = site_root / "journal/2027-01-03-first.md"
        path.write_text(path.read_text().replace("FIRST-VERSION", "SECOND-VERSION").replace("n: 2", "n: 7"))
        wait_for(base + "2027/01/03/first/", "SECOND-VERSION")
        goal_page = wait_for(f"http://127.0.0.1:{port}/goals/help/", ">7<")
        assert "First" in goal_page
        for round_ in range(2):  # rebuilds neither duplicate nor drop feed items
            path.write_text(path.read_text() + f"\nREBUILD-{round_}\n")
            feed = wait_for(f"http://127.0.0.1:{port}/feed.xml", f"REBUILD-{round_}")
        assert feed.count("<item>") == 1 and "SECOND-VERSION" in feed
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_dirty_shows_new_numbers_after_an_edit(site_root: Path) -> None:
    files: dict[str, str | bytes] = {
        "goals/help.md": goal("Help others", "2027-01-01", metrics={"n": {"label": "Things", "target": 50}}),
        "journal/2027-01-03-first.md": entry("First body", title="First", goals=["help"], metrics={"n": 2}),
        "journal/2027-01-05-second.md": entry(
            "Second body", title="Second", goals=["help"], metrics={"n": 3}
        ),
    }
    build_journal(site_root, files, config={"site_url": "https://example.org/"})
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=site_root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + "goals/help/", '__value">5 <')  # 2 + 3 of 50
        path = site_root / "journal/2027-01-05-second.md"
        path.write_text(path.read_text().replace("n: 3", "n: 10").replace("Second body", "EDITED-BODY"))
        wait_for(base + "journal/2027/01/05/second/", "EDITED-BODY")
        wait_for(base + "goals/help/", '__value">12 <')  # 2 + 10, on a page the dirty build rebuilt
        assert '__value">12 <' in wait_for(base, "Things")  # and on the home page's goal card
        assert "First body" in wait_for(base + "journal/2027/01/03/first/", "First body")  # kept as it was
        wait_for(base + "feed.xml", "EDITED-BODY")
    finally:
        server.terminate()
        server.wait(timeout=10)
