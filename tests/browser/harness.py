"""Serve a built site on the loopback interface, crawl its links, and find Chromium and axe-core."""

from __future__ import annotations

import functools
import http.client
import os
import re
import shutil
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import html as lxml_html

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
PROBE = HERE / "probe.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
    "--hide-scrollbars",
]
LINK_ATTRIBUTES = ("href", "src", "xlink:href", "{http://www.w3.org/1999/xlink}href", "poster", "data")
MAX_URLS = 3000


def in_ci() -> bool:
    """Whether the CI environment variable says this is a CI run."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def chromium_path() -> str | None:
    """The Chromium to drive: $CHROMIUM, else `chromium` on PATH, else Debian's /usr/bin/chromium."""
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def missing() -> list[str]:
    """What the browser tests need and this machine lacks, each with how to install it."""
    lacks = []
    if find_spec("playwright") is None:
        lacks.append("Playwright for Python (pip install -e '.[test]')")
    if chromium_path() is None:
        lacks.append("Chromium (apt-get install chromium, or set CHROMIUM=/path/to/chromium)")
    if not AXE.is_file():
        lacks.append(f"axe-core (npm ci --prefix {HERE.relative_to(HERE.parent.parent)})")
    return lacks


class _Handler(SimpleHTTPRequestHandler):
    """Serves `directory` below `prefix` only; every other path is a 404."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        """The file for a request path, or a path that does not exist outside the prefix."""
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / ".outside-the-prefix" / "missing")
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: the tests report what matters."""


class SiteServer:
    """A folder served at http://127.0.0.1:PORT/<prefix>/ by a thread, on a free loopback port."""

    def __init__(self, directory: Path, prefix: str) -> None:
        handler = type("Handler", (_Handler,), {"prefix": prefix})
        self.directory = directory
        self.httpd = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
        )
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="site-server", daemon=True)

    def __enter__(self) -> SiteServer:
        """Start serving."""
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop serving and free the port."""
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


@dataclass
class Crawl:
    """What a crawl found: every URL checked with its status, and the broken ones with a referrer."""

    statuses: dict[str, int] = field(default_factory=dict)
    pages: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)


def fetch(url: str) -> tuple[int, str, bytes]:
    """Status, content type and body of one GET, redirects not followed."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
    try:
        conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        conn.close()


def links(url: str, content_type: str, body: bytes) -> list[str]:
    """Every URL a response points to: href/src and meta URLs of HTML, absolute URLs in XML and JSON."""
    if content_type.startswith("text/html"):
        document = lxml_html.fromstring(body)
        found = []
        for element in document.iter():
            if not isinstance(element.tag, str):
                continue
            found += [element.get(name) for name in LINK_ATTRIBUTES if element.get(name) is not None]
            if element.tag == "meta" and element.get("content", "").startswith(("http://", "https://")):
                found.append(element.get("content"))  # og:image, og:url and the like
            if element.get("srcset"):
                found += [part.split()[0] for part in element.get("srcset").split(",") if part.strip()]
        return [urljoin(url, value.strip()) for value in found]
    if "xml" in content_type or "json" in content_type:
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
        return re.findall(re.escape(origin) + r"/[^\s\"'<>\\)]*", body.decode("utf-8", "replace"))
    return []


def crawl(start: str) -> Crawl:
    """Follow every same-origin link from `start`, each URL once, fragments ignored."""
    origin = urlsplit(start)[:2]
    result = Crawl()
    queue = deque([(start, "(start)")])
    seen = {start}
    while queue and len(seen) <= MAX_URLS:
        url, referrer = queue.popleft()
        status, content_type, body = fetch(url)
        result.statuses[url] = status
        if status != 200:
            result.broken.append(f"{status} {url} (linked from {referrer})")
            continue
        if content_type.startswith("text/html"):
            result.pages.append(url)
        for link in links(url, content_type, body):
            target = urldefrag(link).url
            if urlsplit(target)[:2] == origin and target not in seen:
                seen.add(target)
                queue.append((target, url))
    assert len(seen) <= MAX_URLS, f"the crawl stopped after {MAX_URLS} URLs; is a link generating URLs?"
    return result
