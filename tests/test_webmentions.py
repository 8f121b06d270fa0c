"""Webmentions, opt-in: the endpoint link, mentions fetched from a local JF2 API, cached, shown escaped."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import Built, build_journal, texts
from goals_journal.config import options
from goals_journal.core.mentions import read_feed
from test_site import JOURNAL

SITE = "https://example.org/journal/"
FIRST = SITE + "journal/2027/01/03/first-week/"
SECOND = SITE + "journal/2027/01/12/second/"
EVIL = "<script>alert('x')</script>"

FEEDS = {
    FIRST: {
        "type": "feed",
        "name": "Webmentions",
        "children": [
            {
                "type": "entry",
                "wm-property": "in-reply-to",
                "url": "https://social.example/@jane/1",
                "published": "2027-01-04T09:30:00+00:00",
                "author": {
                    "type": "card",
                    "name": f"Jane {EVIL}",
                    "url": "https://social.example/@jane",
                    "photo": "https://photos.example/jane.jpg",
                },
                "content": {"html": "<p>ignored</p>", "text": f"Thank you, that fixed it! {EVIL}"},
            },
            {
                "wm-property": "like-of",
                "url": "https://social.example/@bob/likes/1",
                "author": {"name": "Bob", "url": "javascript:alert(1)"},
            },
            {"wm-property": "in-reply-to", "url": "not a url", "author": {"name": "MALFORMED-MARKER"}},
            "MALFORMED-STRING-MARKER",
            {
                "wm-property": "like-of",
                "url": "https://x.example/p",
                "wm-private": True,
                "author": {"name": "PRIVATE-MENTION"},
            },
        ],
    },
    SECOND: {
        "type": "feed",
        "children": [
            {
                "wm-property": "repost-of",
                "url": "https://social.example/@carol/2",
                "author": {"name": "Carol", "url": "https://carol.example/"},
            },
            {"wm-property": 7, "url": "https://social.example/@dan/3", "author": "MALFORMED-AUTHOR"},
        ],
    },
}


class JF2Server:
    """A JF2 mentions API on 127.0.0.1 that records the targets it is asked about."""

    def __init__(self) -> None:
        asked = self.asked = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                target = parse_qs(urlsplit(self.path).query).get("target", [""])[0]
                asked.append(target)
                body = json.dumps(FEEDS.get(target, {"type": "feed", "children": []})).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.api = f"http://127.0.0.1:{self.server.server_port}/api/mentions.jf2?target={{url}}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Stop answering: the port refuses connections from now on."""
        if self.thread.is_alive():
            self.server.shutdown()
            self.thread.join()
        self.server.server_close()


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[JF2Server]:
    """A running local API (no proxy between it and the build)."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    running = JF2Server()
    yield running
    running.stop()


class Infos(logging.Handler):
    """The plugin's INFO lines during a build."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if "webmentions" in record.getMessage():
            self.lines.append(record.getMessage().removeprefix("goals-journal: "))

    def __enter__(self) -> Infos:
        self.logger = logging.getLogger("mkdocs.plugins.goals-journal")
        self.level = self.logger.level
        self.logger.setLevel(logging.INFO)
        self.logger.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self)
        self.logger.setLevel(self.level)


def responses(built: Built, url: str) -> str:
    """The raw HTML of an entry's Responses section ("" when it has none)."""
    text = (built.site / url.removeprefix(SITE) / "index.html").read_text("utf-8")
    start = text.find('<section class="gj-mentions"')
    return text[start : text.index("</section>", start) + 10] if start >= 0 else ""


def test_mentions_are_fetched_cached_shown_escaped_and_kept_when_the_api_fails(
    site_root: Path, server: JF2Server
) -> None:
    opts = {"webmention_api": server.api, "webmention_endpoint": "https://webmention.io/me/webmention"}
    with Infos() as infos:
        built = build_journal(site_root, JOURNAL, options=opts)
    published = {
        SITE + "journal/2026/12/30/before/",
        FIRST,
        SITE + "journal/2027/01/05/tuesday/",
        SECOND,
    }
    assert sorted(server.asked) == sorted(published)  # once each; no draft, no private entry
    assert infos.lines == ["webmentions: 3 on 2 entries; fetched for 4 entries, 0 from the cache"]

    first = built.page(FIRST.removeprefix(SITE))
    assert texts(first, "//section[@class='gj-mentions']/h2") == ["Responses"]
    assert texts(first, "//ul[contains(@class, 'gj-mentions__list--reply')]/li") == [
        f"Jane {EVIL}: Thank you, that fixed it! {EVIL} Monday 4 January 2027"
    ]
    assert texts(first, "//p[contains(@class, 'gj-mentions__people--like')]") == ["Liked by Bob"]
    section = responses(built, FIRST)
    assert "<script" not in section and "&lt;script&gt;" in section  # autoescaped text, never HTML
    assert "javascript:" not in section and "photos.example" not in built.all_text()  # no hotlinked photos
    links = first.xpath("//section[@class='gj-mentions']//a")
    assert {a.get("rel") for a in links} == {"nofollow ugc noopener"}
    assert [a.get("href") for a in links] == [
        "https://social.example/@jane",
        "https://social.example/@jane/1",
        "https://social.example/@bob/likes/1",  # the author's address was not http(s)
    ]
    assert "MALFORMED" not in built.all_text() and "PRIVATE-MENTION" not in built.all_text()
    for kept_out in (
        "search/search_index.json",
        "feed.xml",
        "feed.json",
    ):  # others' words: not indexed, not fed
        assert "fixed it" not in (built.site / kept_out).read_text("utf-8"), kept_out
    assert texts(built.page(SECOND.removeprefix(SITE)), "//p[contains(@class, 'gj-mentions')]") == [
        "Reposted by Carol"
    ]
    assert responses(built, SITE + "journal/2027/01/05/tuesday/") == ""  # none: no section
    cache = site_root / ".cache" / "goals-journal" / "webmentions"
    assert len(list(cache.glob("*.json"))) == 4 and not list(cache.glob(".*"))
    shown = responses(built, FIRST), responses(built, SECOND)

    local = {"site_url": "http://127.0.0.1:8000/journal/"}  # what `mkdocs serve` makes of site_url
    served = build_journal(site_root, options=opts, config=local, serve=True)  # a preview asks nobody
    assert len(server.asked) == 4 and (responses(served, FIRST), responses(served, SECOND)) == shown

    server.stop()
    with Infos() as infos:
        again = build_journal(site_root, options=opts, strict=True)
    assert (responses(again, FIRST), responses(again, SECOND)) == shown
    assert infos.lines == [
        "webmentions: 3 on 2 entries; fetched for 0 entries, 3 failed (their cached mentions kept), "
        "4 from the cache"
    ]  # INFO: three failures in a row and it stops asking


def test_without_cache_or_server_the_build_still_succeeds(site_root: Path, server: JF2Server) -> None:
    server.stop()
    built = build_journal(site_root, JOURNAL, options={"webmention_api": server.api}, strict=True)
    assert responses(built, FIRST) == "" and "gj-mentions" not in built.all_text()
    assert not (site_root / ".cache" / "goals-journal" / "webmentions").exists()


def test_options_off_fetch_nothing_and_change_nothing(
    site_root: Path, server: JF2Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # the sitemap's date

    def snapshot(built: Built) -> dict[str, bytes]:
        return {
            p.relative_to(built.site).as_posix(): p.read_bytes() for p in built.site.rglob("*") if p.is_file()
        }

    without = snapshot(build_journal(site_root, JOURNAL))
    off = build_journal(site_root, options={"webmention_api": None, "webmention_endpoint": None})
    assert snapshot(off) == without
    assert "webmention" not in off.all_text()

    endpoint = "https://webmention.io/example.org/webmention?a=1&b=2"
    linked = build_journal(site_root, options={"webmention_endpoint": endpoint})
    assert server.asked == []  # the endpoint is only a link: nothing fetched
    pages = [p for p in linked.pages() if p != "404.html"]
    assert {"index.html", "goals/help/index.html", "journal/index.html", "helped/index.html"} <= set(pages)
    assert any(p.startswith("journal/2027/01/03/") for p in pages)
    for page in pages:
        tree = linked.page(page)
        assert [link.get("href") for link in tree.xpath("//head/link[@rel='webmention']")] == [endpoint], page
    assert "a=1&amp;b=2" in (linked.site / "index.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"webmention_endpoint": "ftp://example.org/wm"},
            "webmention_endpoint 'ftp://example.org/wm' is not a web address",
        ),
        ({"webmention_endpoint": "webmention.io/me"}, "is not a web address"),
        (
            {"webmention_api": "file:///etc/passwd?{url}"},
            "webmention_api 'file:///etc/passwd?{url}' is not a web address",
        ),
        (
            {"webmention_api": "https://webmention.io/api/mentions.jf2"},
            "has no {url} where the entry's address goes",
        ),
        (
            {"webmention_api": "https://webmention.io/api/mentions.jf2?target={url}", "site_url": None},
            "set site_url",
        ),
    ],
)
def test_bad_option_values_are_clear_errors(values: dict[str, Any], message: str) -> None:
    opts = SimpleNamespace(**{"webmention_endpoint": None, "webmention_api": None, **values})
    with pytest.raises(options.OptionError) as raised:
        options.webmention_options(opts, values.get("site_url", SITE))
    assert message in str(raised.value)


def test_a_bad_option_stops_the_build_with_its_message(site_root: Path) -> None:
    opts = {"webmention_endpoint": "mailto:me@example.org"}
    built = build_journal(site_root, JOURNAL, options=opts, expect_problems=True)
    assert built.failure and built.errors == [
        "webmention_endpoint 'mailto:me@example.org' is not a web address: use an absolute http:// or https:// URL"
    ]


def test_jf2_is_read_defensively() -> None:
    assert read_feed(b"<html>busy</html>") is None and read_feed(b"[1, 2]") is None
    assert read_feed(b'{"children": {}}') is None and read_feed(b"\xff\xfe") is None
    assert read_feed(b'{"children": []}') == ()
    odd = [
        None,
        3,
        [],
        {"wm-property": "like-of"},
        {"wm-property": "like-of", "url": "https://a.example/x y"},
    ]
    assert read_feed(json.dumps({"children": odd})) == ()
    long = {
        "wm-property": "in-reply-to",
        "url": "https://a.example/1",
        "content": "word " * 500,
        "published": 5,
    }
    (reply,) = read_feed(json.dumps({"children": [long, long]})) or ()
    assert len(reply.content) == 600 and reply.content.endswith("…") and reply.published is None
