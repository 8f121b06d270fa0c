"""The site's colours for cards and badges: Material's `theme.palette` from mkdocs.yml, resolved.

The cards use the first light scheme of the palette (the first entry whose `scheme` is not `slate`
and that names a `primary`). `primary: custom` (and `accent: custom`) take the colour that the
site's own stylesheets (`extra_css`) give `--md-primary-fg-color` (`--md-accent-fg-color`); when
none does, Material shows its default indigo, and so do the cards (a note says so)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import ImageColor

from ..core.model import Problem
from ..pages import palette

CUSTOM = "custom"
RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")
DECLARATION = re.compile(r"(--md-(?:primary|accent)-(?:fg|bg)-color)\s*:\s*([^;]+)")


@dataclass(frozen=True)
class ThemeScheme:
    """The palette entry the cards follow: its scheme and colour names, and where it is written."""

    scheme: str = "default"
    primary: str = palette.DEFAULT_PRIMARY
    accent: str = palette.DEFAULT_ACCENT


def chosen_scheme(theme_palette: Any) -> ThemeScheme:
    """The first light scheme of `theme.palette` (a mapping or a list of them) that names a primary."""
    entries = [theme_palette] if isinstance(theme_palette, dict) else theme_palette or []
    entries = [e for e in entries if isinstance(e, dict)]
    light = [e for e in entries if str(e.get("scheme") or "default") != "slate"]
    named = [e for e in light if e.get("primary")] or [e for e in entries if e.get("primary")]
    entry = (named or light or entries or [{}])[0]
    return ThemeScheme(
        palette.material_name(entry.get("scheme") or "default"),
        palette.material_name(entry.get("primary") or palette.DEFAULT_PRIMARY),
        palette.material_name(entry.get("accent") or palette.DEFAULT_ACCENT),
    )


def stylesheet_colors(texts: list[str]) -> dict[str, str]:
    """The light-scheme --md-primary/accent-fg/bg-color values the stylesheets set (the last wins), as hex."""
    found: dict[str, str] = {}
    for text in texts:
        for selector, body in RULE.findall(re.sub(r"/\*.*?\*/", "", text, flags=re.S)):
            if "slate" in selector:
                continue
            for name, value in DECLARATION.findall(body):
                color = css_color(value.replace("!important", "").strip())
                if color:
                    found[name] = color
    return found


def css_color(value: str) -> str:
    """A CSS colour as opaque #rrggbb, or "" when it is not one Pillow reads (variables, functions of them)."""
    try:
        channels = ImageColor.getrgb(value)
    except ValueError:
        return ""
    return palette.hex_color(*channels[:3])


def read_stylesheets(docs_dir: str | None, extra_css: tuple[str, ...]) -> list[str]:
    """The text of the site's own stylesheets in docs/ (addresses elsewhere are not fetched)."""
    texts = []
    for name in extra_css:
        path = Path(docs_dir or "docs") / name
        try:
            texts.append(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            continue
    return texts


def site_scheme(
    theme_palette: Any, stylesheets: list[str], config_file: str | None
) -> tuple[palette.SchemeColors, tuple[Problem, ...]]:
    """The Material colours the cards and badges follow, and what is wrong with the palette's names."""
    chosen = chosen_scheme(theme_palette)
    problems = [
        _unknown(config_file, key, name, names)
        for key, name, names in (
            ("primary", chosen.primary, palette.PRIMARIES),
            ("accent", chosen.accent, palette.ACCENTS),
        )
        if name != CUSTOM and name not in names
    ]
    colors = palette.scheme_colors(chosen.primary, chosen.accent, chosen.scheme)
    if CUSTOM not in (chosen.primary, chosen.accent):
        return colors, tuple(problems)
    found = stylesheet_colors(stylesheets)
    custom = {
        "primary": found.get("--md-primary-fg-color", "") if chosen.primary == CUSTOM else colors.primary,
        "accent": found.get("--md-accent-fg-color", "") if chosen.accent == CUSTOM else colors.accent,
    }
    missing = [key for key, value in custom.items() if not value]
    if missing:
        problems.append(_no_custom(config_file, missing))
    primary = custom["primary"] or colors.primary
    on_primary = found.get("--md-primary-bg-color") if chosen.primary == CUSTOM else None
    accent = custom["accent"] or colors.accent
    return (
        palette.SchemeColors(
            colors.scheme,
            primary,
            on_primary or colors.on_primary,
            accent,
            found.get("--md-accent-bg-color") or colors.on_accent,
            colors.link if chosen.primary != CUSTOM else primary,
            colors.background,
            colors.text,
        ),
        tuple(problems),
    )


def _unknown(config_file: str | None, key: str, name: str, names: dict[str, Any]) -> Problem:
    """A warning: a palette colour name Material does not have (it then shows indigo)."""
    path, line = config_line(config_file, key, name)
    return Problem(
        path,
        line,
        f"theme.palette {key} '{name}' is not a Material colour, so Material shows indigo and so do the "
        f"cards and badges: use one of {', '.join(names)} or custom",
        "warning",
    )


def _no_custom(config_file: str | None, keys: list[str]) -> Problem:
    """A note: `custom` colours that no stylesheet of extra_css sets."""
    path, line = config_line(config_file, keys[0], CUSTOM)
    names = " and ".join(f"--md-{key}-fg-color" for key in keys)
    return Problem(
        path,
        line,
        f"theme.palette {keys[0]} is custom but no stylesheet of extra_css sets {names} to a colour: the "
        "cards and badges use Material's default indigo; set the colour there or choose the cards' colours "
        "with card_background and card_accent",
        "note",
    )


def config_line(config_file: str | None, key: str, name: str) -> tuple[str, int]:
    """mkdocs.yml and the line where `key: name` is written (1 when it cannot be found)."""
    path = Path(config_file or "mkdocs.yml")
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    pattern = re.compile(rf"\b{key}\s*:\s*['\"]?{re.escape(name).replace('-', '[- ]')}", re.I)
    line = next((n for n, text in enumerate(lines, start=1) if pattern.search(text)), 1)
    return path.name, line
