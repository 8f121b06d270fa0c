"""The sitemap: each page's lastmod is the day it last changed, and the share utility page is not in it."""

from __future__ import annotations

from pathlib import Path

from conftest import build_journal
from lxml import etree
from test_site import JOURNAL

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_lastmod_is_the_day_a_page_last_changed(tmp_path: Path) -> None:
    built = build_journal(tmp_path / "project", JOURNAL)
    tree = etree.parse(str(built.site / "sitemap.xml"))
    lastmod = {
        url.findtext("s:loc", namespaces=NS).removeprefix("https://example.org/journal/"): url.findtext(
            "s:lastmod", namespaces=NS
        )
        for url in tree.findall("s:url", NS)
    }
    # by hand, from JOURNAL: the help goal's newest published entry is of 12 Jan; the first week's
    # roundup (4-10 Jan) holds acts of 5 Jan; the newest published entry of all is of 12 Jan.
    assert lastmod["journal/2027/01/03/first-week/"] == "2027-01-03"
    assert lastmod["goals/help/"] == "2027-01-12"
    assert lastmod["helped/2027/W01/"] == "2027-01-05"
    assert lastmod[""] == lastmod["journal/"] == "2027-01-12"
    assert "share/mastodon/" not in lastmod and "goals/help/" in lastmod
