"""Material for MkDocs' colour palette as a table, and the colour arithmetic the pictures need.

The values are those of Material's own stylesheets (`palette.*.min.css` and `main.*.min.css`),
written out here as hex so that pictures drawn outside a browser (social cards, badges) wear the
site's colours; tests/test_palette.py checks them against the installed Material. Text on a colour
must stay readable: `readable` deepens a colour until its text has the contrast WCAG asks for."""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

DEFAULT_PRIMARY = DEFAULT_ACCENT = "indigo"  # what Material uses when the theme names none (or a wrong one)
SCHEMES = ("default", "slate")  # Material's light and dark schemes
DARK_TEXT = "#000000de"  # Material's text on light colours: black at 87%
LIGHT_TEXT = "#ffffff"


@dataclass(frozen=True)
class Primary:
    """A primary colour of Material: the header and buttons, the text on them, and the links."""

    color: str  # --md-primary-fg-color
    on: str  # --md-primary-bg-color: text drawn on the primary colour
    link: str  # --md-typeset-a-color in the light scheme
    slate_link: str  # --md-typeset-a-color in the dark (slate) scheme


# name -> Primary, in Material's order; links equal to the primary are written out all the same
PRIMARIES = {
    "red": Primary("#ef5552", LIGHT_TEXT, "#ef5552", "#ef5552"),
    "pink": Primary("#e92063", LIGHT_TEXT, "#e92063", "#ed5487"),
    "purple": Primary("#ab47bd", LIGHT_TEXT, "#ab47bd", "#c46fd3"),
    "deep-purple": Primary("#7e56c2", LIGHT_TEXT, "#7e56c2", "#a47bea"),
    "indigo": Primary("#4051b5", LIGHT_TEXT, "#4051b5", "#5488e8"),
    "blue": Primary("#2094f3", LIGHT_TEXT, "#2094f3", "#2094f3"),
    "light-blue": Primary("#02a6f2", LIGHT_TEXT, "#02a6f2", "#02a6f2"),
    "cyan": Primary("#00bdd6", LIGHT_TEXT, "#00bdd6", "#00bdd6"),
    "teal": Primary("#009485", LIGHT_TEXT, "#009485", "#00ccb8"),
    "green": Primary("#4cae4f", LIGHT_TEXT, "#4cae4f", "#71c174"),
    "light-green": Primary("#8bc34b", LIGHT_TEXT, "#72ad2e", "#8bc34b"),
    "lime": Primary("#cbdc38", DARK_TEXT, "#8b990a", "#cbdc38"),
    "yellow": Primary("#ffec3d", DARK_TEXT, "#b8a500", "#ffec3d"),
    "amber": Primary("#ffc105", DARK_TEXT, "#d19d00", "#ffc105"),
    "orange": Primary("#ffa724", DARK_TEXT, "#e68a00", "#ffa724"),
    "deep-orange": Primary("#ff6e42", LIGHT_TEXT, "#ff6e42", "#ff764d"),
    "brown": Primary("#795649", LIGHT_TEXT, "#795649", "#c1775c"),
    "grey": Primary("#757575", LIGHT_TEXT, "#4051b5", "#5e8bde"),
    "blue-grey": Primary("#546d78", LIGHT_TEXT, "#4051b5", "#5e8bde"),
    "black": Primary("#14151a", LIGHT_TEXT, "#4051b5", "#5e8bde"),
    "white": Primary("#ffffff", DARK_TEXT, "#4051b5", "#5e8bde"),
}

# name -> (--md-accent-fg-color, --md-accent-bg-color: text drawn on the accent)
ACCENTS = {
    "red": ("#ff1a47", LIGHT_TEXT),
    "pink": ("#f50056", LIGHT_TEXT),
    "purple": ("#df41fb", LIGHT_TEXT),
    "deep-purple": ("#7c4dff", LIGHT_TEXT),
    "indigo": ("#526cfe", LIGHT_TEXT),
    "blue": ("#4287ff", LIGHT_TEXT),
    "light-blue": ("#0091eb", LIGHT_TEXT),
    "cyan": ("#00bad6", LIGHT_TEXT),
    "teal": ("#00bda4", LIGHT_TEXT),
    "green": ("#00c753", LIGHT_TEXT),
    "light-green": ("#63de17", LIGHT_TEXT),
    "lime": ("#b0eb00", DARK_TEXT),
    "yellow": ("#ffd400", DARK_TEXT),
    "amber": ("#ffaa00", DARK_TEXT),
    "orange": ("#ff9000", DARK_TEXT),
    "deep-orange": ("#ff6e42", LIGHT_TEXT),
}

# scheme -> (--md-default-bg-color, --md-default-fg-color): the page and its text
SCHEME_COLORS = {"default": ("#ffffff", DARK_TEXT), "slate": ("#1e2129", "#e2e4e9d1")}

# Colour-blind safe partners for "behind" (Okabe and Ito's vermillion and blue): the one that stands
# apart from the site's primary, for readers with red-green colour blindness too.
VERMILLION, BLUE = "#d55e00", "#0072b2"
NEUTRAL = "#616161"  # paused, dropped, not started yet


@dataclass(frozen=True)
class SchemeColors:
    """What Material paints with in one scheme, every colour opaque: primary, accent, links, page."""

    scheme: str  # one of SCHEMES
    primary: str
    on_primary: str
    accent: str
    on_accent: str
    link: str
    background: str
    text: str


def material_name(name: object) -> str:
    """A colour name as Material matches it: spaces become dashes ("deep orange" -> "deep-orange")."""
    return str(name).strip().replace(" ", "-") if name is not None else ""


def scheme_colors(primary: str, accent: str, scheme: str = "default") -> SchemeColors:
    """The colours of a primary and accent name in a scheme (unknown names: Material's indigo)."""
    main = PRIMARIES.get(primary, PRIMARIES[DEFAULT_PRIMARY])
    accent_color, on_accent = ACCENTS.get(accent, ACCENTS[DEFAULT_ACCENT])
    background, text = SCHEME_COLORS["slate" if scheme == "slate" else "default"]
    return SchemeColors(
        scheme="slate" if scheme == "slate" else "default",
        primary=main.color,
        on_primary=opaque(main.on, main.color),
        accent=accent_color,
        on_accent=opaque(on_accent, accent_color),
        link=main.slate_link if scheme == "slate" else main.link,
        background=background,
        text=opaque(text, background),
    )


def rgb(color: str) -> tuple[int, int, int]:
    """The red, green and blue of a #rgb or #rrggbb colour (an alpha part is ignored)."""
    digits = color.lstrip("#")
    if len(digits) in (3, 4):
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def hex_color(red: float, green: float, blue: float) -> str:
    """#rrggbb of three channels (0..255, rounded)."""
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in (red, green, blue))


def opaque(color: str, over: str) -> str:
    """A colour with transparency (#rrggbbaa) as it looks over another colour."""
    digits = color.lstrip("#")
    alpha = int(digits[6:8], 16) / 255 if len(digits) == 8 else 1.0
    return mix(over, color, alpha)


def mix(first: str, second: str, share: float) -> str:
    """The colour `share` of the way from one colour to another."""
    a, b = rgb(first), rgb(second)
    return hex_color(*(x + (y - x) * share for x, y in zip(a, b, strict=True)))


def luminance(color: str) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    linear = [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb(color)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(color: str, text: str, minimum: float = 4.5) -> str:
    """`color`, deepened in steps of 5% (towards black under light text, white under dark text) until
    `text` on it has at least `minimum` contrast."""
    end = "#000000" if luminance(text) > luminance(color) else "#ffffff"
    for step in range(21):
        deeper = mix(color, end, step / 20)
        if contrast(deeper, text) >= minimum:
            return deeper
    return end


def stands_out(color: str, against: str, towards: str, minimum: float = 3.0) -> str:
    """`color`, moved in steps of 5% towards `towards` (the text drawn on `against`) until it stands out
    from `against` by `minimum` (WCAG's 3:1 for lines, bars and large text)."""
    for step in range(21):
        moved = mix(color, towards, step / 20)
        if contrast(moved, against) >= minimum:
            return moved
    return towards


def hue(color: str) -> float:
    """The hue of a colour in degrees (0 for greys)."""
    return colorsys.rgb_to_hsv(*(c / 255 for c in rgb(color)))[0] * 360


def behind_color(on_track: str) -> str:
    """The "behind" colour that a reader tells from the on-track one, colour-blind or not: vermillion
    beside blues, cyans, teals and purples (hues 150°-300°), blue beside reds, oranges, yellows, greens."""
    return VERMILLION if 150 <= hue(on_track) < 300 else BLUE


def text_on(color: str, light: str = LIGHT_TEXT, dark: str = "#212121") -> str:
    """Light or dark text, whichever reads better on `color`."""
    return light if contrast(color, light) >= contrast(color, dark) else dark
