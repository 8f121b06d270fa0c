"""The site's pages: the page plan, the words readers see, one context per page kind, templates, charts."""
