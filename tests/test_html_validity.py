"""The plugin's own markup is valid HTML5: every page kind's content checked by the Nu HTML Checker."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, build_journal
from lxml import html as lxml_html
from test_site import JOURNAL

VNU = ROOT / "tests/browser/node_modules/vnu-jar/build/dist/vnu.jar"
PAGES = (
    "",
    "goals/",
    "goals/help/",
    "journal/",
    "journal/2027/",
    "journal/2027/01/03/first-week/",
    "helped/",
    "helped/2027/W01/",
    "helped/2027/01/",
    "review/2027/",
    "share/mastodon/",
    "now/",
)
DOCUMENT = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Check</title></head><body><main>{}</main></body></html>\n'


def checker() -> list[str]:
    """The command that runs the Nu HTML Checker, or a skip saying what to install."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        if os.environ.get("CI"):
            pytest.fail("CI must have Java and vnu-jar (npm ci --prefix tests/browser)")
        pytest.skip("the Nu HTML Checker needs Java and 'npm ci --prefix tests/browser' (vnu-jar)")
    return [java, "-jar", str(VNU), "--format", "json", "--stdout"]


def test_every_page_kind_is_valid_html5(tmp_path: Path) -> None:
    command = checker()
    built = build_journal(tmp_path / "project", JOURNAL)
    files = []
    for url in PAGES:
        page = built.page(url)
        [article] = page.xpath("//article[contains(@class, 'md-content__inner')]")
        inner = (article.text or "") + "".join(
            lxml_html.tostring(child, encoding="unicode") for child in article
        )
        path = tmp_path / f"{url.strip('/').replace('/', '-') or 'home'}.html"
        path.write_text(DOCUMENT.format(inner), "utf-8")
        files.append(path)
    done = subprocess.run([*command, *map(str, files)], capture_output=True, text=True, timeout=300)
    messages = json.loads(done.stdout or "{}").get("messages", [])
    problems = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '')!r}]"
        for m in messages
        if m.get("type") == "error"
    ]
    assert problems == []
