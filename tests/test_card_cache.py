"""The card cache under faults: damaged files, a cache that cannot be written, two builds at once."""

from __future__ import annotations

import errno
import io
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import Built, build_journal
from goals_journal.outputs.cards import Card, card_png
from goals_journal.speed import cards as card_cache
from goals_journal.speed.cards import cached_card, cached_cards, card_file, is_card_png
from PIL import Image
from test_site import JOURNAL

CACHE = ".cache/goals-journal/cards"
ENV = {**{k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}, "NO_MKDOCS_2_WARNING": "1"}


def site_cards(built: Built) -> dict[str, bytes]:
    """Every card of a built site (path -> bytes), each checked to open with Pillow as a 1200x630 PNG."""
    found = {p.relative_to(built.site).as_posix(): p.read_bytes() for p in built.site.rglob("card.png")}
    assert len(found) == 8, sorted(found)  # the cards of test_site's journal
    for name, data in found.items():
        with Image.open(io.BytesIO(data)) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630)), name
            image.load()  # decodes completely: not merely a good header
        assert is_card_png(data), name
    return found


@pytest.fixture
def info(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """What the plugin logs at INFO level (what it drew and where it kept the cards)."""
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.goals-journal")
    return caplog


def drew(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The plugin's messages about drawing cards."""
    return [
        r.getMessage().removeprefix("goals-journal: ")
        for r in caplog.records
        if "social card" in r.getMessage()
    ]


def test_only_whole_pngs_of_the_card_size_pass() -> None:
    png = card_png(Card("K", "A title"))
    assert is_card_png(png)
    for cut in (0, 7, 8, 33, 100, len(png) // 2, len(png) - 12, len(png) - 1):
        assert not is_card_png(png[:cut]), cut
    flipped = bytearray(png)
    flipped[len(png) // 2] ^= 0xFF
    assert not is_card_png(bytes(flipped))  # a chunk's checksum no longer matches
    assert not is_card_png(b"not a png at all" * 100)
    small = io.BytesIO()
    Image.new("RGB", (600, 315), "white").save(small, format="PNG")
    assert not is_card_png(small.getvalue())  # a whole PNG, but not a card's size


def test_damaged_cached_cards_are_drawn_again_never_published(
    site_root: Path, info: pytest.LogCaptureFixture
) -> None:
    first = site_cards(build_journal(site_root, JOURNAL))
    cache = site_root / CACHE
    files = sorted(cache.glob("*.png"))
    assert len(files) == 8
    whole = {path: path.read_bytes() for path in files}
    files[0].write_bytes(whole[files[0]][: len(whole[files[0]]) // 2])  # truncated by a crash
    files[1].write_bytes(b"")  # empty
    files[2].write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))  # garbage behind a PNG signature
    files[3].write_bytes(whole[files[3]][:-1])  # one byte short
    info.clear()
    again = site_cards(build_journal(site_root, {}))
    assert again == first  # every card published whole, the damaged ones drawn again
    assert drew(info) == [f"drew 4 social cards (cached in {cache})"]
    assert {path: path.read_bytes() for path in files} == whole  # and mended in the cache
    assert not list(cache.glob(".*.tmp"))  # no temporary file left behind


def test_a_cache_that_cannot_be_made_does_not_fail_a_strict_build(
    site_root: Path, info: pytest.LogCaptureFixture
) -> None:
    (site_root / ".cache").mkdir(parents=True)
    (site_root / ".cache/goals-journal").write_text("a file where the cache folder should be")
    built = build_journal(site_root, JOURNAL, strict=True)  # no warning: --strict would fail on one
    site_cards(built)
    assert (site_root / ".cache/goals-journal").read_text() == "a file where the cache folder should be"
    [message] = drew(info)
    assert message.startswith("drew 8 social cards (not cached, so drawn again next time: ")
    info.clear()
    site_cards(build_journal(site_root, {}, strict=True))
    assert len(drew(info)) == 1  # drawn again, reported once per build


@pytest.mark.parametrize("error", [errno.EROFS, errno.ENOSPC, errno.EACCES])
def test_a_cache_that_cannot_be_written_keeps_the_cards_in_memory(
    site_root: Path, info: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, error: int
) -> None:
    """A read-only file system, a full disk, a folder without write permission (root ignores chmod)."""

    def refuse(png: bytes, path: Path) -> Path:
        raise OSError(error, os.strerror(error), str(path))

    monkeypatch.setattr(card_cache, "keep", refuse)
    monkeypatch.setattr(card_cache, "PARALLEL_FROM", 1000)  # drawn here, where the patch applies
    (site_root / CACHE).mkdir(parents=True)
    site_cards(build_journal(site_root, JOURNAL, strict=True))
    assert not list((site_root / CACHE).iterdir())
    [message] = drew(info)
    assert message.startswith("drew 8 social cards (not cached, so drawn again next time: ")
    assert os.strerror(error) in message


def test_the_cards_of_every_core_are_checked_and_mended(tmp_path: Path) -> None:
    cards = {f"c{n}/card.png": Card("K", f"Card {n}") for n in range(12)}
    assert len(cards) >= card_cache.PARALLEL_FROM  # drawn on every core
    first = cached_cards(cards, tmp_path)
    assert first.drawn == 12 and not first.unkept
    assert all(isinstance(p, Path) and is_card_png(p.read_bytes()) for p in first.pngs.values())
    for n, path in enumerate(sorted(tmp_path.glob("*.png"))):
        path.write_bytes(path.read_bytes()[: n * 50])
    again = cached_cards(cards, tmp_path)
    assert again.drawn == 12 and again.pngs == first.pngs
    assert all(is_card_png(p.read_bytes()) for p in tmp_path.glob("*.png"))
    assert cached_cards(cards, tmp_path).drawn == 0


def test_a_cache_folder_that_is_a_file_gives_the_card_in_memory(tmp_path: Path) -> None:
    (tmp_path / "cards").write_text("not a folder")
    png, drawn = cached_card(Card("K", "T"), tmp_path / "cards")
    assert drawn and isinstance(png, bytes) and is_card_png(png)
    result = cached_cards({"a/card.png": Card("K", "T")}, tmp_path / "cards")
    assert result.drawn == 1 and isinstance(result.pngs["a/card.png"], bytes)
    assert "cards" in result.unkept


def test_temporary_files_of_killed_builds_are_removed_once_stale(tmp_path: Path) -> None:
    stale, fresh = tmp_path / ".abc.123.tmp", tmp_path / ".def.456.tmp"
    for partial in (stale, fresh):
        partial.write_bytes(b"half a card")
    os.utime(stale, (1, 1))
    cached_cards({"a/card.png": Card("K", "T")}, tmp_path)
    assert not stale.exists()
    assert fresh.exists()  # it may be a build's under way


def test_threads_sharing_a_cache_never_see_part_of_a_card(tmp_path: Path) -> None:
    cards = {f"c{n}/card.png": Card("K", f"Card {n}") for n in range(6)}
    paths = {card_file(card, tmp_path) for card in cards.values()}
    results: list[card_cache.CachedCards] = []
    seen: list[str] = []
    done = threading.Event()

    def build() -> None:
        results.append(cached_cards(cards, tmp_path))

    def read() -> None:
        while not done.is_set():
            for path in paths:
                try:
                    data = path.read_bytes()
                except FileNotFoundError:
                    continue
                seen.append("whole" if is_card_png(data) else f"partial {path.name}")

    for _ in range(2):
        for path in paths:
            path.unlink(missing_ok=True)
        reader = threading.Thread(target=read)
        reader.start()
        builders = [threading.Thread(target=build) for _ in range(4)]
        for thread in builders:
            thread.start()
        for thread in builders:
            thread.join()
        done.set()
        reader.join()
        done.clear()
    assert len(results) == 8
    for result in results:
        assert set(result.pngs) == set(cards)
        assert all(isinstance(p, Path) and is_card_png(p.read_bytes()) for p in result.pngs.values())
    assert seen and set(seen) == {"whole"}
    assert {p.name for p in tmp_path.iterdir()} == {p.name for p in paths}  # no temporary file left


def test_two_builds_of_one_journal_at_once_both_succeed(site_root: Path) -> None:
    build_journal(site_root, JOURNAL)  # writes mkdocs.yml; then start again with an empty cache
    for path in (site_root / CACHE).iterdir():
        path.unlink()
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_root / name)],
            cwd=site_root,
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for name in ("one", "two")
    ]
    for run in runs:
        output, _ = run.communicate(timeout=300)
        assert run.returncode == 0, output
    one, two = (site_cards(Built(site_root / name)) for name in ("one", "two"))
    assert one == two
    assert all(is_card_png(p.read_bytes()) for p in (site_root / CACHE).iterdir())
    assert len(list((site_root / CACHE).iterdir())) == 8
