"""The site's colours: our table of Material's palette against the installed Material, and cards
and badges that follow `theme.palette` (PNG pixels read with Pillow, badge SVGs parsed)."""

from __future__ import annotations

import colorsys
import logging
import math
import re
from pathlib import Path
from typing import Any

import material
import pytest
from conftest import Built, build_journal, entry, goal
from goals_journal.core.settings import CardColors
from goals_journal.outputs.badges import state_colors
from goals_journal.pages import palette
from lxml import etree
from PIL import Image

STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
SVG = "{http://www.w3.org/2000/svg}"


# --- Material's own stylesheets, read independently of the plugin -------------------------------


def css_rules() -> list[tuple[str, dict[str, str]]]:
    """(selector, {custom property: value}) of every rule of Material's palette and main stylesheets."""
    rules = []
    for name in ("main.*.min.css", "palette.*.min.css"):
        (path,) = STYLESHEETS.glob(name)
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", path.read_text("utf-8")):
            values = dict(re.findall(r"(--md-[a-z-]+):([^;]+)", body))
            rules += [(selector.strip(), values) for selector in selectors.split(",")]
    return rules


def css_hex(value: str) -> tuple[int, ...]:
    """A CSS colour of Material's stylesheets as (r, g, b[, alpha 0-255]), its hue variable at 225deg."""
    value = value.strip().replace("var(--md-hue)", "225")
    found = re.fullmatch(r"hsla?\(([\d.]+)(?:deg)?,\s*([\d.]+)%,\s*([\d.]+)%(?:,\s*([\d.]+))?\)", value)
    if found:
        red, green, blue = colorsys.hls_to_rgb(
            float(found[1]) / 360, float(found[3]) / 100, float(found[2]) / 100
        )
        alpha = float(found[4]) if found[4] else 1.0
        rgb = tuple(round(c * 255) for c in (red, green, blue))
        return rgb if alpha == 1 else (*rgb, round(alpha * 255))
    digits = value.lstrip("#")
    if len(digits) in (3, 4):
        digits = "".join(d * 2 for d in digits)
    channels = tuple(int(digits[i : i + 2], 16) for i in range(0, len(digits), 2))
    return channels[:3] if channels[3:] == (255,) else channels


def ours(value: str) -> tuple[int, ...]:
    """A colour of our table as the same tuple."""
    return css_hex(value)


def close(first: tuple[int, ...], second: tuple[int, ...]) -> bool:
    """The same colour, give or take the rounding of hsl() to whole channels."""
    return len(first) == len(second) and all(abs(a - b) <= 1 for a, b in zip(first, second, strict=True))


def material_value(rules: list[tuple[str, dict[str, str]]], selector: str, prop: str) -> str | None:
    """The last value a rule with exactly this selector gives a property (the cascade's winner)."""
    found = [values[prop] for sel, values in rules if sel == selector and prop in values]
    return found[-1] if found else None


def test_our_table_is_materials_palette() -> None:
    rules = css_rules()
    primaries = {m for sel, _ in rules for m in re.findall(r"^\[data-md-color-primary=([a-z-]+)\]$", sel)}
    accents = {m for sel, _ in rules for m in re.findall(r"^\[data-md-color-accent=([a-z-]+)\]$", sel)}
    assert set(palette.PRIMARIES) == primaries and len(primaries) == 21
    assert set(palette.ACCENTS) == accents and len(accents) == 16
    wrong = []
    for name, ours_primary in palette.PRIMARIES.items():
        here = f"[data-md-color-primary={name}]"
        color = material_value(rules, here, "--md-primary-fg-color")
        on = material_value(rules, here, "--md-primary-bg-color")
        light = material_value(rules, f"{here}:not([data-md-color-scheme=slate])", "--md-typeset-a-color")
        light = light or material_value(rules, here, "--md-typeset-a-color") or color
        dark = material_value(rules, f"[data-md-color-scheme=slate]{here}", "--md-typeset-a-color")
        dark = dark or material_value(rules, here, "--md-typeset-a-color") or color
        if name in ("grey", "blue-grey", "white", "black"):  # the slate rule is more specific
            dark = material_value(rules, f"[data-md-color-scheme=slate]{here}", "--md-typeset-a-color")
        expected = (color, on, light, dark)
        got = (ours_primary.color, ours_primary.on, ours_primary.link, ours_primary.slate_link)
        if not all(e and close(css_hex(e), ours(g)) for e, g in zip(expected, got, strict=True)):
            wrong.append((name, expected, got))
    for name, (accent, on_accent) in palette.ACCENTS.items():
        here = f"[data-md-color-accent={name}]"
        expected = (
            material_value(rules, here, "--md-accent-fg-color"),
            material_value(rules, here, "--md-accent-bg-color"),
        )
        if not all(
            e and close(css_hex(e), ours(g)) for e, g in zip(expected, (accent, on_accent), strict=True)
        ):
            wrong.append((name, expected, (accent, on_accent)))
    assert wrong == []


def test_our_schemes_and_defaults_are_materials() -> None:
    rules = css_rules()
    root = ":root"
    assert close(css_hex(material_value(rules, root, "--md-primary-fg-color") or ""), ours("#4051b5"))
    assert close(css_hex(material_value(rules, root, "--md-accent-fg-color") or ""), ours("#526cfe"))
    assert palette.PRIMARIES[palette.DEFAULT_PRIMARY].color == "#4051b5"
    assert palette.ACCENTS[palette.DEFAULT_ACCENT][0] == "#526cfe"
    for scheme, selector in (
        ("default", "[data-md-color-scheme=default]"),
        ("slate", "[data-md-color-scheme=slate]"),
    ):
        background = material_value(rules, selector, "--md-default-bg-color")
        text = material_value(rules, selector, "--md-default-fg-color")
        assert background and text, scheme
        ours_background, ours_text = palette.SCHEME_COLORS[scheme]
        assert close(css_hex(background), ours(ours_background)) and close(css_hex(text), ours(ours_text))


# --- colour arithmetic ----------------------------------------------------------------------------


def test_contrast_is_wcags() -> None:
    assert palette.contrast("#ffffff", "#000000") == pytest.approx(21)
    assert palette.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the famous near miss
    # teal #009485: G 148 -> 0.296 linear, B 133 -> 0.235; L = 0.7152*0.296 + 0.0722*0.235 = 0.229;
    # (1 + 0.05) / (0.229 + 0.05) = 3.77 under white
    assert palette.contrast("#009485", "#ffffff") == pytest.approx(3.77, abs=0.01)
    # 95% of it (0, 141, 126) is still short; 90%, (0, 133, 120) = #008578, has 4.53:1
    assert palette.readable("#009485", "#ffffff") == "#008578"
    assert palette.contrast("#008578", "#ffffff") == pytest.approx(4.53, abs=0.01)
    assert palette.readable("#4051b5", "#ffffff") == "#4051b5"  # indigo already has 6.9:1
    assert palette.opaque("#000000de", "#ffc105") == "#211901"  # Material's 87% black text on amber


def test_the_default_card_colours_are_materials_default_palette() -> None:
    scheme = palette.scheme_colors("indigo", "indigo")
    from goals_journal.config.options import card_colors

    assert card_colors(scheme) == (CardColors(), ())


# --- badges: colour-blind safe, readable ----------------------------------------------------------

DEUTERANOPIA = (  # Machado, Oliveira and Fernandes (2009), severity 1, on linear RGB
    (0.367322, 0.860646, -0.227968),
    (0.280085, 0.672501, 0.047413),
    (-0.011820, 0.042940, 0.968881),
)


def linear(color: str) -> list[float]:
    """The linear RGB of a colour."""
    return [
        c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4
        for c in palette.rgb(color)
    ]


def lab(rgb: list[float]) -> tuple[float, float, float]:
    """CIELAB (D65) of linear RGB."""
    x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047
    y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def seen_with_deuteranopia(color: str) -> tuple[float, float, float]:
    """How a colour looks to a reader without green cones, in CIELAB."""
    rgb = linear(color)
    return lab(
        [max(0.0, min(1.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in DEUTERANOPIA]
    )


def wcag(first: str, second: str) -> float:
    """WCAG contrast, computed here from the definition."""

    def luminance(color: str) -> float:
        r, g, b = linear(color)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("primary", sorted(palette.PRIMARIES))
def test_badge_colours_are_readable_and_tell_on_track_from_behind(primary: str) -> None:
    scheme = palette.scheme_colors(primary, "indigo")
    colors = state_colors(CardColors(primary=scheme.primary, on_primary=scheme.on_primary))
    for state, color in colors.items():
        assert wcag(color.fill, color.text) >= 4.5, (state, color)
    good, behind = colors["on-track"], colors["behind"]
    # a reader with deuteranopia still sees two different colours (CIELAB distance; 20 is far apart)
    assert math.dist(seen_with_deuteranopia(good.fill), seen_with_deuteranopia(behind.fill)) >= 30
    assert math.dist(lab(linear(good.fill)), lab(linear(behind.fill))) >= 30


# --- real builds: the same journal in different palettes ------------------------------------------

JOURNAL: dict[str, str | bytes] = {
    "goals/ahead.md": goal(
        "Answer questions",
        "2027-01-01",
        due="2027-12-31",
        metrics={"answers": {"label": "Questions answered", "target": 73}},
    ),
    "goals/lagging.md": goal(
        "Write letters",
        "2027-01-01",
        due="2027-12-31",
        metrics={"letters": {"label": "Letters", "target": 3650}},
    ),
    "journal/2027/2027-01-10-day.md": entry(
        "Busy.", goals=["ahead", "lagging"], metrics={"answers": 12, "letters": 1}
    ),
}
# as of 20 Jan: answers 12, the pace line at 73 * 20 / 365 = 4 -> on track;
# letters 1, the pace line at 3650 * 20 / 365 = 200 -> behind


def theme(palette_option: Any, **extra: Any) -> dict[str, Any]:
    """mkdocs.yml settings with Material and a palette."""
    return {"theme": {"name": "material", "palette": palette_option}, **extra}


def pixel(built: Built, path: str, xy: tuple[int, int] = (4, 4)) -> str:
    """The colour of one pixel of a built PNG."""
    with Image.open(built.site / path) as image:
        red, green, blue = image.convert("RGB").getpixel(xy)  # type: ignore[misc]
    return f"#{red:02x}{green:02x}{blue:02x}"


def colours_of(built: Built, path: str) -> set[str]:
    """Every colour a built PNG uses."""
    with Image.open(built.site / path) as image:
        found = image.convert("RGB").getcolors(1 << 16) or []
    return {"#{:02x}{:02x}{:02x}".format(*rgb) for _, rgb in found}


def badge_fill(built: Built, goal_id: str) -> tuple[str, str]:
    """The fill of a badge's message half and the colour of its text."""
    svg = etree.fromstring((built.site / f"goals/{goal_id}/badge.svg").read_bytes())
    rects = svg.findall(f".//{SVG}rect[@x]")
    texts = svg.findall(f".//{SVG}text")
    assert len(rects) == 1 and len(texts) == 2
    return rects[0].get("fill"), texts[1].get("fill")


@pytest.fixture(scope="module")
def teal(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The journal with Material's teal primary and deep orange accent (the mapping form)."""
    root = tmp_path_factory.mktemp("teal") / "project"
    return build_journal(root, JOURNAL, config=theme({"primary": "teal", "accent": "deep orange"}))


@pytest.fixture(scope="module")
def indigo(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The same journal in indigo with an amber accent."""
    root = tmp_path_factory.mktemp("indigo") / "project"
    return build_journal(root, JOURNAL, config=theme({"primary": "indigo", "accent": "amber"}))


def test_cards_follow_the_primary_colour(teal: Built, indigo: Built) -> None:
    # teal #009485 has 3.8:1 under Material's white text: deepened 10% to #008578 (4.5:1);
    # indigo #4051b5 already has 6.9:1 and stays
    for card in ("assets/card.png", "goals/ahead/card.png", "goals/lagging/card.png", "review/2027/card.png"):
        assert pixel(teal, card) == "#008578", card
        assert pixel(indigo, card) == "#4051b5", card
        assert "#ffffff" in colours_of(teal, card) and "#ffffff" in colours_of(indigo, card)


def test_cards_draw_with_the_accent_where_it_stands_out(teal: Built, indigo: Built) -> None:
    # deep orange #ff6e42 on #008578 has 1.6:1, so it moves towards the white text in steps of 5%
    # until 3:1: 60% of the way, (255, 197, 179) = #ffc5b3
    assert palette.stands_out("#ff6e42", "#008578", "#ffffff") == "#ffc5b3"
    assert "#ffc5b3" in colours_of(teal, "goals/ahead/card.png")
    # amber #ffaa00 on indigo already has 3.5:1 (the road, the words "ahead of pace")
    assert palette.contrast("#ffaa00", "#4051b5") >= 3
    assert "#ffaa00" in colours_of(indigo, "goals/ahead/card.png")
    assert "#ffaa00" not in colours_of(teal, "goals/ahead/card.png")


def test_badges_follow_the_primary_colour(teal: Built, indigo: Built) -> None:
    assert badge_fill(teal, "ahead") == ("#008578", "#ffffff")
    assert badge_fill(indigo, "ahead") == ("#4051b5", "#ffffff")
    # behind, beside teal (hue 174 degrees) and indigo (231): vermillion, deepened to #c05500 (4.6:1)
    assert badge_fill(teal, "lagging") == badge_fill(indigo, "lagging") == ("#c05500", "#ffffff")


def test_a_green_site_is_behind_in_blue(site_root: Path) -> None:
    built = build_journal(site_root, JOURNAL, config=theme({"primary": "green"}))
    # green #4cae4f deepens to #39823b (75%) for white text; beside a green, behind is Okabe and Ito's
    # blue #0072b2 (5.2:1 under white), never red against green
    assert badge_fill(built, "ahead") == ("#39823b", "#ffffff")
    assert badge_fill(built, "lagging") == ("#0072b2", "#ffffff")


def test_the_list_form_uses_its_light_scheme(site_root: Path) -> None:
    schemes = [
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "indigo", "accent": "amber"},
        {
            "media": "(prefers-color-scheme: light)",
            "scheme": "default",
            "primary": "teal",
            "accent": "deep orange",
        },
    ]
    built = build_journal(site_root, JOURNAL, config=theme(schemes))
    assert pixel(built, "goals/ahead/card.png") == "#008578"  # the light entry, though listed second
    assert badge_fill(built, "ahead") == ("#008578", "#ffffff")


def test_amber_cards_have_dark_text(site_root: Path) -> None:
    built = build_journal(site_root, JOURNAL, config=theme({"primary": "amber", "accent": "indigo"}))
    # amber #ffc105 keeps Material's 87% black text: over amber that is #211901 (10.7:1)
    assert pixel(built, "goals/ahead/card.png") == "#ffc105"
    assert "#211901" in colours_of(built, "goals/ahead/card.png")
    assert badge_fill(built, "ahead") == ("#ffc105", "#211901")


CUSTOM_CSS = """
/* the site's own colours, as Material's documentation shows them */
:root > * {
  --md-primary-fg-color: #EE0F0F;
  --md-accent-fg-color: #ffd600;
}
[data-md-color-scheme="slate"] { --md-primary-fg-color: #123456; }
"""


def test_custom_colours_come_from_the_sites_stylesheet(site_root: Path) -> None:
    files = {**JOURNAL, "docs/stylesheets/extra.css": CUSTOM_CSS}
    config = theme({"primary": "custom", "accent": "custom"}, extra_css=["stylesheets/extra.css"])
    built = build_journal(site_root, files, config=config)
    # #ee0f0f has 4.46:1 under white; 95% of it, (226, 14, 14) = #e20e0e, has 4.9:1 (the dark
    # scheme's #123456 is not the cards')
    assert palette.contrast("#ee0f0f", "#ffffff") < 4.5 <= palette.contrast("#e20e0e", "#ffffff")
    assert pixel(built, "goals/ahead/card.png") == "#e20e0e"
    assert badge_fill(built, "ahead") == ("#e20e0e", "#ffffff")
    # the custom accent #ffd600 has 3.5:1 on it already
    assert "#ffd600" in colours_of(built, "goals/ahead/card.png")


def test_custom_colours_without_a_stylesheet_are_materials_indigo(
    site_root: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.goals-journal")
    built = build_journal(site_root, JOURNAL, config=theme({"primary": "custom"}), strict=True)
    assert pixel(built, "goals/ahead/card.png") == "#4051b5"  # what Material shows without the variables
    custom = [r for r in caplog.records if "is custom" in r.getMessage()]
    assert [r.levelno for r in custom] == [logging.INFO]  # a note: the strict build passed
    notes = [r.getMessage() for r in custom]
    assert "no stylesheet of extra_css sets --md-primary-fg-color" in notes[0]
    assert "Material's default indigo" in notes[0]


def test_a_misspelt_colour_is_a_warning_at_its_line(site_root: Path) -> None:
    built = build_journal(site_root, JOURNAL, config=theme({"primary": "tael"}), expect_problems=True)
    (warning,) = built.warnings
    mkdocs_yml = (site_root / "mkdocs.yml").read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(mkdocs_yml, start=1) if "primary: tael" in text)
    assert warning.startswith(f"mkdocs.yml:{line}: theme.palette primary 'tael' is not a Material colour")
    assert "use one of red, pink, purple" in warning and pixel(built, "goals/ahead/card.png") == "#4051b5"


def test_card_options_still_win(site_root: Path) -> None:
    options = {"card_background": "#222222", "card_accent": "gold"}
    built = build_journal(site_root, JOURNAL, options=options, config=theme({"primary": "teal"}))
    assert pixel(built, "goals/ahead/card.png") == "#222222"
    assert "#ffd700" in colours_of(built, "goals/ahead/card.png")  # gold
    assert "#ffffff" in colours_of(built, "goals/ahead/card.png")  # the text that reads on #222
    assert badge_fill(built, "ahead") == ("#008578", "#ffffff")  # badges follow the theme


def test_unreadable_card_options_are_a_warning(site_root: Path) -> None:
    options = {"card_background": "#ffffff", "card_text": "#eeeeee"}
    built = build_journal(site_root, JOURNAL, options=options, expect_problems=True)
    (warning,) = built.warnings
    assert "card_text #eeeeee on card_background #ffffff has a contrast of 1.2:1" in warning
    assert warning.startswith("mkdocs.yml:")
