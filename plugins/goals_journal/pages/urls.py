"""Page URLs as MkDocs writes them, and links between pages that work from any folder."""

from __future__ import annotations


def page_url(uri: str, directory_urls: bool = True) -> str:
    """The site-relative URL of the page built from source URI `uri` (e.g. goals/x.md -> goals/x/)."""
    if not uri.endswith(".md"):
        return uri  # a static file keeps its path
    stem = uri.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def relative_url(from_url: str, to_url: str) -> str:
    """A relative link from the page at `from_url` to `to_url` (both site-relative)."""
    base = from_url.split("/")[:-1]  # the folder the page is in
    target = to_url.split("/")
    common = 0
    while common < len(base) and common < len(target) - 1 and base[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:]) or "./"
