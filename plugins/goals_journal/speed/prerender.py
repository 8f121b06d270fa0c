"""The plugin's HTML for each page, made before the host asks for it.

A build renders it on a second core while the host converts Markdown on the first. A serve session
renders it all at the start of each build and fingerprints every page, so that a `--dirty` rebuild
can skip the pages whose content did not change."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from ..pages.render import SELF_CONTAINED, Fragments, own_context, render_page
from ..pages.site import Site
from ..pages.words.language import speak
from .cores import second_core
from .memory import BuildMemory, RenderMemory

BACKGROUND_FROM = 200  # pages: fewer are rendered in this process, as the host asks for them
CHUNK = 8  # pages a background job renders at a time: small, so the first pages come soon


@dataclass(frozen=True)
class PageJob:
    """A page to render: its URI, and whether its Markdown opens with its own h1."""

    uri: str
    has_heading: bool


@dataclass(frozen=True)
class Rendered:
    """A page rendered ahead."""

    job: PageJob
    fragments: Fragments


_worker_site: list[Site] = []  # in a worker process: the site it was forked with


def _remember_site(site: Site) -> None:
    """Keep the site in the worker process and speak its language there (its initializer)."""
    _worker_site[:] = [site]
    speak(site.settings.language)


def _render_chunk(jobs: list[PageJob]) -> list[Rendered]:
    """Render some pages (in a worker process forked with the site in memory)."""
    site = _worker_site[0]
    return [Rendered(job, render_page(site.pages[job.uri], site, job.has_heading)) for job in jobs]


def render_remembered(site: Site, job: PageJob, memory: BuildMemory) -> Fragments:
    """A page's HTML, from memory when its kind's template would get the same context again."""
    spec = site.pages[job.uri]
    if spec.kind not in SELF_CONTAINED:
        return render_page(spec, site, job.has_heading)
    own = own_context(spec, site)
    key = (spec, job.has_heading, site.settings, [(k, v) for k, v in own.items() if not callable(v)])
    kept = memory.rendered.get(job.uri)
    if kept is not None and kept.key == key:
        return kept.fragments
    fragments = render_page(spec, site, job.has_heading, own)
    memory.rendered[job.uri] = RenderMemory(key, fragments)
    return fragments


class Prerender:
    """Fragments of HTML ready for pages."""

    def __init__(self) -> None:
        self.ready: dict[str, Rendered] = {}
        self.results: Iterator[list[Rendered]] | None = None
        self.pool: ProcessPoolExecutor | None = None

    def in_advance(
        self, site: Site, pages: dict[str, str], jobs: list[PageJob], memory: BuildMemory
    ) -> set[str]:
        """Render every page now (`pages`: URI -> its Markdown); return those that changed since the last build."""
        previous, memory.fingerprints = memory.fingerprints, {}
        memory.rendered = {uri: kept for uri, kept in memory.rendered.items() if uri in site.pages}
        changed = set()
        for job in jobs:
            fragments = render_remembered(site, job, memory)
            self.ready[job.uri] = Rendered(job, fragments)
            shown = "\0".join((pages[job.uri], fragments.before, fragments.after))
            memory.fingerprints[job.uri] = hashlib.sha256(shown.encode()).hexdigest()
            if previous.get(job.uri) != memory.fingerprints[job.uri]:
                changed.add(job.uri)
        return changed

    def in_background(self, site: Site, jobs: list[PageJob]) -> None:
        """Start rendering pages on another core, in the order the host will ask for them."""
        if len(jobs) < BACKGROUND_FROM:
            return
        self.pool = second_core(_remember_site, (site,))
        if self.pool is not None:
            chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
            self.results = self.pool.map(_render_chunk, chunks)

    def take(self, site: Site, job: PageJob) -> Fragments:
        """The HTML that goes before and after a page's own content."""
        while job.uri not in self.ready and self.results is not None:
            try:
                chunk = next(self.results, None)
            except Exception:  # the worker died or failed: render here (a real bug will show here too)
                chunk = None
            if chunk is None:
                self.results = None
                break
            self.ready.update({done.job.uri: done for done in chunk})
        made = self.ready.pop(job.uri, None)
        if made is None or made.job.has_heading != job.has_heading:
            return render_page(site.pages[job.uri], site, job.has_heading)
        return made.fragments

    def close(self) -> None:
        """Stop the worker and forget what was not used."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        self.pool, self.results, self.ready = None, None, {}
