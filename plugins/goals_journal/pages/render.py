"""Render the HTML the plugin puts around (or in place of) each page's Markdown, with its templates."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup
from markupsafe import escape as markupsafe_escape

from ..core.model import Entry, Goal
from . import microformats, words
from .context import CONTEXTS
from .plan import PageSpec
from .site import Site
from .urls import page_url, relative_url
from .words import helped as helped_words
from .words import metrics as metric_words_module
from .words import sharing as sharing_words
from .words import wayfinding
from .words.language import current
from .words.metrics import metric_text, metric_words

# Kinds whose templates use nothing but their own context (not `site` or `goals`), so the same
# context renders the same HTML: a host may keep their HTML between builds.
SELF_CONTAINED = ("entry", "roundup")
# Templates wrap what search should not index (pictures, data tables, lists of entries, pagers) in
# these comments, so that a host can hold those parts back from its search index.
UNINDEXED = re.compile(r"<!--gj:unindexed-->(.*?)<!--/gj:unindexed-->", re.S)
NOT_FOUND_ENTRIES = 5  # the latest entries the page for a missing address links


@dataclass(frozen=True)
class Fragments:
    """The HTML that goes before and after a page's own content (after its h1, if it has one)."""

    before: str
    after: str


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment for the plugin's own templates (autoescaped)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("goals_journal.pages", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
        extensions=["jinja2.ext.i18n"],
    )
    env.policies["ext.i18n.trimmed"] = True  # a {% trans %} block's message is its text on one line
    install_translations(env)
    env.filters.update(num=words.number, long_date=words.long_date, short_date=words.short_date, host=host)
    env.globals.update(
        words=words,
        metric_text=metric_text,
        metric_say=metric_words_module,
        metric_words=metric_words,
        percent=words.percent,
        entry_list=entry_list,
        goal_chip=goal_chip,
        helped_words=helped_words,
        sharing_words=sharing_words,
        wayfinding=wayfinding,
        h_card=microformats.h_card,
        feed_head=microformats.feed_head,
        hidden=microformats.hidden,
        data_table=data_table,
        markup_list=markup_list,
    )
    return env


def install_translations(env: jinja2.Environment) -> None:
    """_(), ngettext and pgettext in the templates: the current language's, looked up at each call (so
    one environment serves every language, and a build never sees another build's language)."""
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda message: current().translations.gettext(message),
        ngettext=lambda one, many, n: current().translations.ngettext(one, many, n),
        pgettext=lambda context, message: current().translations.pgettext(context, message),
        npgettext=lambda context, one, many, n: current().translations.npgettext(context, one, many, n),
        newstyle=True,
    )


def page_link(spec: PageSpec, site: Site) -> Callable[[str], str]:
    """url(uri): a link from the page of `spec` to the page or file at `uri` that works from any folder."""
    here = page_url(spec.uri, site.settings.directory_urls)

    def url(uri: str) -> str:
        return relative_url(here, page_url(uri, site.settings.directory_urls))

    return url


def root_link(spec: PageSpec, site: Site) -> Callable[[str], str]:
    """root_url(uri): a link from the page of `spec` to a language-neutral file at the site's root
    (open data), which a build of one language of several (in its own folder) links from there."""
    here = site.settings.language_dir + page_url(spec.uri, site.settings.directory_urls)

    def root_url(uri: str) -> str:
        return relative_url(here, page_url(uri, site.settings.directory_urls))

    return root_url


def own_context(spec: PageSpec, site: Site) -> dict[str, Any]:
    """What the template of the page's kind shows, beyond the site."""
    return CONTEXTS[spec.kind](spec, site, page_link(spec, site))


def render_page(
    spec: PageSpec, site: Site, has_heading: bool = False, own: dict[str, Any] | None = None
) -> Fragments:
    """The HTML to put before and after the page's own content (which may start with its own h1)."""
    context: dict[str, Any] = {
        "site": site,
        "page": spec,
        "url": page_link(spec, site),
        "root_url": root_link(spec, site),
        "goals": site.goals,
        "has_heading": has_heading,
        **(own if own is not None else own_context(spec, site)),
    }
    module = environment().get_template(f"{spec.kind}.html").make_module(context)
    return Fragments(str(getattr(module, "before", "")), str(module))


def render_not_found(site: Site, root: str, search: bool) -> Markup:
    """The content of the page for an address that is not there: links from `root` (the site's path,
    such as /journal/), since it is served at any address; `search` when the search box is there."""

    def url(uri: str) -> str:
        return root + page_url(uri, site.settings.directory_urls)

    latest = list(reversed(site.published))[:NOT_FOUND_ENTRIES]
    context = {"site": site, "goals": site.goals, "url": url, "latest": latest, "search": search}
    return Markup(environment().get_template("notfound.html").render(context))


def without_marks(fragment: str) -> str:
    """HTML without the not-indexed marks (for feeds)."""
    return UNINDEXED.sub(lambda match: match.group(1), fragment)


def entry_list(
    entries: list[Entry],
    url: Callable[[str], str],
    goals: dict[str, Goal],
    summaries: dict[str, str] | None = None,
    with_year: bool = True,
    except_goal: str | None = None,
) -> Markup:
    """A list of entries: date, linked title, summary and goal chips (plain Python: lists can be long).

    Each item is an h-entry (name, address, published day, summary): wrapped in an h-feed, a list
    is a feed that IndieWeb readers follow."""
    escape = html.escape
    chip_html = {gid: str(goal_chip(g, url)) for gid, g in goals.items()}
    items = []
    for entry in entries:
        day, href = entry.day, escape(url(entry.uri))
        when = words.short_date(day) if with_year else words.day_month(day)
        summary = summaries.get(entry.uri) if summaries else None
        shown = [g for g in entry.goals if g != except_goal and g in chip_html]
        chips = "".join(chip_html[g] for g in shown[: wayfinding.CHIP_LIMIT])
        if len(shown) > wayfinding.CHIP_LIMIT:
            rest = wayfinding.more_goals([goals[g].title for g in shown[wayfinding.CHIP_LIMIT :]])
            more = wayfinding.more_chip(len(shown) - wayfinding.CHIP_LIMIT)
            chips += f'<a class="gj-chip gj-chip--more" href="{href}" aria-label="{escape(rest)}" title="{escape(rest)}">{more}</a>'
        items.append(
            f'<li class="h-entry">\n<time class="dt-published" datetime="{day.isoformat()}">{escape(when)}</time>\n'
            f'<div>\n<a class="p-name u-url" href="{href}"{_lang(entry)}>{escape(words.entry_title(entry))}</a>\n'
            + (f'<span class="gj-summary p-summary">{escape(summary)}</span>\n' if summary else "")
            + (f'<span class="gj-chips">{chips}</span>\n' if chips else "")
            + "</div>\n</li>\n"
        )
    short = "" if with_year else " gj-entries--short"
    return Markup(f'<ul class="gj-entries{short}">\n{"".join(items)}</ul>\n')


def _lang(entry: Entry) -> str:
    """The lang attribute of an entry written in a language of its own ("" for the site's)."""
    return f' lang="{html.escape(entry.lang)}"' if entry.lang else ""


def goal_chip(goal: Goal, url: Callable[[str], str]) -> Markup:
    """A link to a goal by its short name (the full title in its tooltip when they differ)."""
    name = wayfinding.short_name(goal)
    tip = Markup(' title="{}"').format(goal.title) if name != goal.title else ""
    return Markup('<a class="gj-chip" href="{}"{}>{}</a>').format(url(goal.uri), tip, name)


def markup_list(items: list[Markup]) -> Markup:
    """Pieces of HTML as a list in the language's words: a, b and c; a, b und c."""
    marks = [f"\x00{index}\x00" for index in range(len(items))]
    said = str(markupsafe_escape(words.list_text(marks)))
    for mark, item in zip(marks, items, strict=True):
        said = said.replace(mark, str(item))
    return Markup(said)


def data_table(columns: tuple[str, ...], rows: list[tuple[Any, ...]], empty: str) -> Markup:
    """The table of numbers behind a picture; cells are text, or Markup for links."""
    escape = markupsafe_escape
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    if not rows:
        body = f'<tr><td colspan="{len(columns)}">{escape(empty)}</td></tr>'
    return Markup(f"<table>\n  <thead><tr>{head}</tr></thead>\n  <tbody>{body}</tbody>\n</table>")


def host(url: str) -> str:
    """The host name of a URL, without a leading www."""
    return (urlsplit(url).hostname or url).removeprefix("www.")
