"""The plugin's HTML for each page, made before MkDocs asks for it.

`mkdocs build` renders it on a second core while MkDocs converts Markdown on the first.
`mkdocs serve` renders it all at the start of each build and fingerprints every page, so that a
`--dirty` rebuild can skip the pages whose content did not change."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from .cores import second_core
from .render import RenderCache, render_page
from .site import Site

BACKGROUND_FROM = 200  # pages: fewer are rendered in this process, as MkDocs asks for them
CHUNK = 8  # pages a background job renders at a time: small, so the first pages come soon

Rendered = tuple[str, bool, str, str]  # URI, rendered under an h1, HTML before, HTML after
_site: Site | None = None  # what a forked worker renders from


def _render_chunk(jobs: list[tuple[str, bool]]) -> list[Rendered]:
    """Render some pages (in a worker process forked with the site in memory)."""
    assert _site is not None
    return [(uri, heading, *render_page(_site.pages[uri], _site, heading)) for uri, heading in jobs]


class Prerender:
    """Fragments of HTML ready for pages, and what each page showed at the last build."""

    def __init__(self) -> None:
        self.fingerprints: dict[str, str] = {}
        self.cache: RenderCache = {}  # kept between the builds of one serve session
        self.ready: dict[str, tuple[bool, str, str]] = {}
        self.results: Iterator[list[Rendered]] | None = None
        self.pool: ProcessPoolExecutor | None = None

    def in_advance(self, site: Site, pages: dict[str, tuple[bool, str]]) -> set[str]:
        """Render pages (URI -> (under an h1, Markdown)) now; return those that changed since the last build."""
        previous, self.fingerprints = self.fingerprints, {}
        self.cache = {uri: done for uri, done in self.cache.items() if uri in site.pages}
        changed = set()
        for uri, (heading, markdown) in pages.items():
            before, after = render_page(site.pages[uri], site, heading, self.cache)
            self.ready[uri] = (heading, before, after)
            self.fingerprints[uri] = hashlib.sha256("\0".join((markdown, before, after)).encode()).hexdigest()
            if previous.get(uri) != self.fingerprints[uri]:
                changed.add(uri)
        return changed

    def in_background(self, site: Site, pages: dict[str, bool]) -> None:
        """Start rendering pages (URI -> under an h1) on another core, in the order MkDocs will ask."""
        global _site
        if len(pages) < BACKGROUND_FROM:
            return
        jobs = list(pages.items())
        _site = site
        try:
            self.pool = second_core()
            if self.pool is None:
                return
            self.results = self.pool.map(
                _render_chunk, [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
            )
        finally:
            _site = None  # the worker was forked when the jobs were handed over

    def take(self, site: Site, uri: str, heading: bool) -> tuple[str, str]:
        """The HTML that goes before and after a page's own content."""
        while uri not in self.ready and self.results is not None:
            try:
                chunk = next(self.results, None)
            except Exception:  # the worker died or failed: render here (a real bug will show here too)
                chunk = None
            if chunk is None:
                self.results = None
                break
            self.ready.update({done[0]: done[1:] for done in chunk})
        made = self.ready.pop(uri, None)
        if made is None or made[0] != heading:
            return render_page(site.pages[uri], site, heading)
        return made[1], made[2]

    def close(self) -> None:
        """Stop the worker and forget what was not used."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        self.pool, self.results, self.ready = None, None, {}
