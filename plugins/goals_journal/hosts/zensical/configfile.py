"""The config Zensical builds the working folder with: the author's mkdocs.yml, pointed at the working folder.

mkdocs.yml is read with a safe loader that keeps every tag it does not know (`!!python/name:`, `!ENV`)
as it was written, so Zensical (which reads such tags itself) gets them unchanged and nothing of the
file is run here. `INHERIT` is resolved as MkDocs resolves it: the parent's mappings merged key by key,
everything else replaced by the child's value."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..outputs import CSS_URI
from .fragments import NAME as FRAGMENTS_EXTENSION

DOCS, SITE, OVERRIDES = "docs", "site", "overrides"  # the working folder's parts, as the config names them


@dataclass(frozen=True)
class Tagged:
    """A YAML value under a tag the safe loader does not know, kept to be written back as it was."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    """A safe loader that keeps unknown tags instead of refusing them."""


class _Dumper(yaml.SafeDumper):
    """A safe dumper that writes kept tags back."""


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    """An unknown tag's value, constructed as plain YAML."""
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        assert isinstance(node, yaml.MappingNode)
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value)


def _write_tag(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    """A kept tag, written back with its value."""
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Loader.add_multi_constructor("", _keep_tag)
_Dumper.add_representer(Tagged, _write_tag)


class ConfigFileError(ValueError):
    """mkdocs.yml cannot be read for Zensical; the message says why."""


def read_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as written, with its INHERIT parents merged in."""
    try:
        data = yaml.load(path.read_text("utf-8-sig"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ConfigFileError(f"{path}: {error}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigFileError(f"{path}: the configuration must be 'key: value' lines")
    parent = data.pop("INHERIT", None)
    if parent is None:
        return data
    return merged(read_config(path.parent / str(parent)), data)


def merged(parent: Mapping[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    """The child's settings over the parent's: mappings merged key by key, other values replaced."""
    result = dict(parent)
    for key, value in child.items():
        if isinstance(value, Mapping) and isinstance(result.get(key), Mapping):
            result[key] = merged(result[key], value)
        else:
            result[key] = value
    return result


@dataclass(frozen=True)
class ZensicalSettings:
    """What the generated config adds to the author's: the menu (when mkdocs.yml has none), the edit
    address MkDocs would use, and the head tags pages made by Zensical (not the plugin) get."""

    nav: list[Any] | None
    edit_uri: str | None
    extra: dict[str, Any]


def zensical_config(author: Mapping[str, Any], root: Path, added: ZensicalSettings) -> dict[str, Any]:
    """The author's settings, built from the working folder: its docs, site and overrides, the plugin's
    stylesheet and Markdown extension, the menu."""
    config = dict(author)
    config.update({"docs_dir": DOCS, "site_dir": SITE})
    theme = config.get("theme")
    theme = {"name": theme} if isinstance(theme, str) else dict(theme or {"name": "material"})
    theme["custom_dir"] = OVERRIDES
    config["theme"] = theme
    css = list(config.get("extra_css") or [])
    config["extra_css"] = css if CSS_URI in css else [*css, CSS_URI]
    config["extra"] = merged(config.get("extra") or {}, {"goals_journal": added.extra})
    config["markdown_extensions"] = with_fragments(config.get("markdown_extensions"))
    if added.nav is not None and config.get("nav") is None:
        config["nav"] = added.nav
    if added.edit_uri is not None and config.get("repo_url") and config.get("edit_uri") is None:
        config["edit_uri"] = added.edit_uri
    if isinstance(config.get("watch"), list):  # relative to the project, not to the working folder
        config["watch"] = [os.path.join(root, str(path)) for path in config["watch"]]
    return config


def with_fragments(extensions: Any) -> Any:
    """The Markdown extensions with the one that places the plugin's HTML, in the form they were given."""
    if isinstance(extensions, dict):
        return {**extensions, FRAGMENTS_EXTENSION: {}}
    listed = list(extensions or [])
    return listed if FRAGMENTS_EXTENSION in listed else [*listed, FRAGMENTS_EXTENSION]


def custom_dir(author: Mapping[str, Any], root: Path) -> Path | None:
    """The author's own template overrides (`theme.custom_dir`), if any."""
    theme = author.get("theme")
    folder = theme.get("custom_dir") if isinstance(theme, dict) else None
    return (root / str(folder)).resolve() if folder else None


def config_text(config: Mapping[str, Any]) -> str:
    """The generated config as YAML."""
    header = "# Written by goals build --engine zensical from mkdocs.yml: edit mkdocs.yml, not this file.\n"
    return header + yaml.dump(dict(config), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=2**20)
