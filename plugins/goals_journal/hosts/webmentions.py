"""Webmentions of the published entries, fetched from a webmention.io-compatible JF2 API and cached.

Only a host does network I/O, and only when the `webmention_api` option is set: once per build
(never while previewing, whose addresses are local), a bounded number of short requests, each
answer kept in `.cache/goals-journal/webmentions/`. A failed request keeps the cached mentions;
nothing here ever fails a build."""

from __future__ import annotations

import hashlib
import os
import tempfile
import urllib.request
from dataclasses import dataclass, field
from http.client import HTTPException
from pathlib import Path
from urllib.parse import quote, urljoin

from ..core.mentions import Mention, read_feed
from ..pages.site import Site
from ..pages.urls import page_url

TIMEOUT = 5.0  # seconds per request
MAX_REQUESTS = 200  # per build; the entries whose cache is oldest go first, so all are refreshed in turn
MAX_FAILURES = 3  # failed requests after which a build stops asking (the API is down): the rest from cache
MAX_BYTES = 2_000_000  # a larger answer is not read


@dataclass
class Gathered:
    """The mentions of each entry (by URI) and how they were got."""

    mentions: dict[str, tuple[Mention, ...]] = field(default_factory=dict)
    fetched: int = 0
    failed: int = 0
    cached: int = 0  # entries whose mentions come from the cache

    @property
    def summary(self) -> str:
        """The build's one line about webmentions."""
        count = sum(len(found) for found in self.mentions.values())
        failed = f", {self.failed} failed (their cached mentions kept)" if self.failed else ""
        return (
            f"webmentions: {count} on {sum(1 for f in self.mentions.values() if f)} entries; "
            f"fetched for {self.fetched} entries{failed}, {self.cached} from the cache"
        )


def targets(site: Site) -> dict[str, str]:
    """The absolute address of every published entry (not drafts), by URI, newest first; in a site
    of several languages, the default language's address (where mentions point)."""
    base, directory_urls = site.settings.root_url, site.settings.directory_urls
    return {
        e.uri: urljoin(base, page_url(e.uri, directory_urls))
        for e in reversed(site.published)
        if not site.is_draft(e)
    }


def cache_file(root: Path, path: str) -> Path:
    """Where the mentions of the entry at `path` (relative to the site, as previews share it) are cached."""
    name = hashlib.sha256(path.encode("utf-8")).hexdigest()[:32]
    return root / ".cache" / "goals-journal" / "webmentions" / f"{name}.json"


def fetch(api: str, target: str) -> bytes:
    """The API's answer for `target` (raises OSError or ValueError when there is none)."""
    request = urllib.request.Request(
        api.replace("{url}", quote(target, safe="")),
        headers={"Accept": "application/json", "User-Agent": "mkdocs-goals-journal"},
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        data: bytes = response.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValueError(f"more than {MAX_BYTES} bytes")
    return data


def keep(path: Path, data: bytes) -> None:
    """Write `data` to `path` in one step (a reader never sees half a file); never raises."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # not cached: fetched again next time


def cached(path: Path) -> tuple[Mention, ...]:
    """The cached mentions at `path`; none when there is no (readable) cache."""
    try:
        return read_feed(path.read_bytes()) or ()
    except OSError:
        return ()


def _age(path: Path) -> float:
    """When `path` was written (-1 when it is not there): the oldest caches are refreshed first."""
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


def gather(site: Site, online: bool = True) -> Gathered:
    """The mentions of every published entry: fetched when `online` (within the bounds above), else cached."""
    api, result = site.settings.webmention_api, Gathered()
    addresses = targets(site)
    directory_urls = site.settings.directory_urls
    files = {uri: cache_file(site.settings.root, page_url(uri, directory_urls)) for uri in addresses}
    order = sorted(files, key=lambda uri: _age(files[uri]))  # stable: newest first among equals
    asked = set(order[:MAX_REQUESTS]) if online and api else set()
    for uri in order:
        found = None
        if uri in asked and result.failed < MAX_FAILURES:
            try:
                data = fetch(api, addresses[uri])
                found = read_feed(data)
            except (OSError, ValueError, HTTPException):
                pass
            if found is None:
                result.failed += 1
            else:
                result.fetched += 1
                keep(files[uri], data)
        if found is None:
            result.cached += 1
            found = cached(files[uri])
        result.mentions[uri] = found
    return result
