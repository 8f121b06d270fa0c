"""A page's own Markdown as HTML for the feeds, converted with mkdocs.yml's Markdown settings as MkDocs
converts it, so that an item says the same whichever engine built the site."""

from __future__ import annotations

from markdown import Markdown

from .sources import MarkdownSettings


class FeedText:
    """Converts pages' Markdown with one Python-Markdown, made on first use."""

    def __init__(self, settings: MarkdownSettings) -> None:
        self.settings = settings
        self.markdown: Markdown | None = None

    def html(self, text: str) -> str:
        """The HTML of a page's own Markdown ("" for none)."""
        if not text.strip():
            return ""
        if self.markdown is None:
            self.markdown = Markdown(
                extensions=list(self.settings.extensions), extension_configs=self.settings.configs
            )
        return self.markdown.reset().convert(text)
