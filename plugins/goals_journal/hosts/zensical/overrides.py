"""The template overrides Zensical builds with (Material's `custom_dir`, which Zensical supports).

`main.html` adds the plugin's tags to every page's <head>: a generated page carries its own in its
metadata (`goals_journal.head`); the author's own pages get the site's, with their title, description
and address filled in by the template; the 404 page gets the rel=me links. The values come from the
page and from `extra.goals_journal` of the generated config, and are printed, never read as templates.
`sitemap.xml` gives each page the day it last changed and leaves out the pages marked unlisted."""

from __future__ import annotations

import re
from typing import Any

from ...outputs import social
from ...pages.site import Site

AUTHOR_MAIN = "goals-journal-author-main.html"  # the author's own main.html, which ours extends
# Stand-ins for what the template fills in on the author's own pages (plain words: escaping keeps them).
SLOTS = {"title": "GOALSJOURNALTITLE", "description": "GOALSJOURNALDESCRIPTION", "url": "GOALSJOURNALURL"}
_META = re.compile(r"<meta [^>]*>")

MAIN = """{#- Written by goals build --engine zensical: the goals-journal plugin's tags in every page's head. -#}
{% extends "BASE" %}
{% block extrahead %}{{ super() }}
{%- set gj = config.extra.goals_journal -%}
{%- if page and page.meta and page.meta.goals_journal -%}
{{ page.meta.goals_journal.head }}
{%- elif page and page.title -%}
{{ gj.head }}
{%- set title = page.title or config.site_name -%}
{%- set description = (page.meta.description if page.meta and page.meta.description else "") or gj.description -%}
{%- for tag in gj.tags -%}
{%- if tag.slot == "title" -%}{{ tag.before }}{{ title | e }}{{ tag.after }}
{%- elif tag.slot == "description" -%}{% if description %}{{ tag.before }}{{ description | e }}{{ tag.after }}{% endif %}
{%- elif tag.slot == "url" -%}{{ tag.before }}{{ page.canonical_url | replace("&", "&amp;") | replace('"', "&quot;") }}{{ tag.after }}
{%- else -%}{{ tag.before }}
{%- endif -%}
{%- endfor -%}
{%- else -%}
{{ gj.me }}
{%- endif -%}
{% endblock %}
"""

NOT_FOUND = """{#- Written by goals build --engine zensical: the plugin's page for an address that is not there. -#}
{% extends "main.html" %}
{% block content %}{{ config.extra.goals_journal.not_found }}{% endblock %}
"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{%- for page in pages -%}
{%- set gj = page.meta.goals_journal if page.meta and page.meta.goals_journal else none -%}
{%- if page.canonical_url and not (gj and gj.unlisted) %}
    <url>
         <loc>{{ page.canonical_url | replace("&", "&amp;") | replace("<", "&lt;") }}</loc>
         <lastmod>{{ gj.lastmod if gj and gj.lastmod else config.extra.goals_journal.build_day }}</lastmod>
    </url>
{%- endif -%}
{%- endfor %}
</urlset>
"""


def main_template(extends_author_main: bool) -> str:
    """Our main.html, over the author's own main.html when there is one."""
    return MAIN.replace("BASE", AUTHOR_MAIN if extends_author_main else "base.html")


def own_page_tags(site: Site, alts: dict[str, str]) -> list[dict[str, str]]:
    """The Open Graph and Twitter Card tags of the author's own pages, each split where the template
    puts the page's title, description or address (`slot`); none without site_url."""
    settings = site.settings
    if not settings.site_url:
        return []
    shown = social.meta_tags(
        None, site, settings.site_url, SLOTS["url"], SLOTS["title"], SLOTS["description"], alts
    )
    tags = []
    for tag in _META.findall(shown):
        slot = next((name for name, stand_in in SLOTS.items() if stand_in in tag), "")
        before, _, after = tag.partition(SLOTS[slot]) if slot else (tag, "", "")
        tags.append({"before": before, "slot": slot, "after": after})
    return tags


def site_extra(site: Site, alts: dict[str, str], head: str, me: str, build_day: str) -> dict[str, Any]:
    """What the templates print on pages the plugin did not make (`extra.goals_journal`)."""
    return {
        "head": head,
        "me": me,
        "description": site.settings.site_description,
        "tags": own_page_tags(site, alts),
        "build_day": build_day,
    }
