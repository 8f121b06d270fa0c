"""The example journal in a real browser: Playwright drives Chromium against the built site.

Each checked page, at desktop and phone widths in the light and dark palettes, loads without
console errors or failed requests, does not scroll sideways, shows its progress bars and charts
with enough contrast, and (on desktop) has no serious axe-core violations; every internal link of
the whole site resolves. Screenshots are written to screenshots/browser/ (git-ignored) to look at.
Without Chromium, Playwright or axe-core the module is skipped, unless CI is set: then it fails.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from browser import harness
from conftest import ROOT, run_build

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response

PREFIX = "/clay-and-kindness/"
PAGES = {
    "home": "",
    "goal": "goals/help-others/",  # totals and a weekly rate
    "goal-daily": "goals/active-following/",  # a daily rate, a weekly rate and a ratio
    "goal-totals": "goals/strategic-partners/",
    "archive": "journal/",
    "entry": "journal/2026/11/09/the-middle-of-the-list/",
    "roundup": "helped/2026/W46/",
    "month": "helped/2026/11/",
    "helped": "helped/",
    "review": "review/2026/",
    "missing": "404.html",  # what every address that is not there shows
    "mastodon": "share/mastodon/",
}
WIDTHS = {"desktop": 1280, "phone": 390}
SCHEMES = {"light": "default", "dark": "slate"}
WITH_BARS = {"home", "goal", "goal-daily", "goal-totals", "review"}
WITH_MARKS = {"roundup", "month", "helped", "review"}  # a breakdown by kind, rows of bars
WITH_CHARTS = {"home", "goal", "goal-daily", "goal-totals", "review"}
# Material's primary colours: the charts' ink follows whichever the site sets
PRIMARIES = [
    "red",
    "pink",
    "purple",
    "deep-purple",
    "indigo",
    "blue",
    "light-blue",
    "cyan",
    "teal",
    "green",
    "light-green",
    "lime",
    "yellow",
    "amber",
    "orange",
    "deep-orange",
    "brown",
    "grey",
    "blue-grey",
    "black",
    "white",
]
MIN_TEXT_PX = 9  # chart labels scale with the chart; below this they are hard to read on a phone
SHOTS = ROOT / "screenshots" / "browser"
VARIANTS = [(page, width, scheme) for page in PAGES for width in WIDTHS for scheme in SCHEMES]
VARIANT_IDS = [f"{page}-{width}-{scheme}" for page, width, scheme in VARIANTS]
# Problems found here whose fix lies outside the files this module may change, each with that fix.
# test_known_problem_is_fixed is a strict xfail for each: once one is fixed it fails, so that its
# entry is removed here and the tests above guard the fix from then on.
KNOWN: dict[str, str] = {}  # problems left to fix, each with its fix (none now)

MISSING = harness.missing()
if MISSING and not harness.in_ci():
    pytest.skip(
        "browser tests skipped, this machine lacks: " + "; ".join(MISSING) + " (under CI=true they fail)",
        allow_module_level=True,
    )


@dataclass
class Report:
    """What one page showed in one viewport and palette."""

    problems: list[str] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    probe: dict[str, Any] = field(default_factory=dict)
    axe: list[dict[str, Any]] = field(default_factory=list)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example journal, as of its pinned 2026-11-22, built for and served at http://127.0.0.1:PORT/clay-and-kindness/."""
    root = tmp_path_factory.mktemp("browser")
    (root / "site").mkdir()
    with harness.SiteServer(root / "site", PREFIX) as server:
        for name in ("goals", "journal", "docs"):
            shutil.copytree(ROOT / name, root / name)
        config = (ROOT / "mkdocs.yml").read_text("utf-8")
        config, urls = re.subn(r"(?m)^site_url: .*$", f"site_url: {server.url}", config)
        assert urls == 1, "mkdocs.yml no longer has one site_url"
        assert re.search(r"(?m)^ +today: 2026-11-22$", config), "the example journal no longer pins its today"
        (root / "mkdocs.yml").write_text(config, "utf-8")
        run_build(root / "mkdocs.yml", root / "site", strict=True)
        yield server.url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole module."""
    if MISSING:
        pytest.fail("CI is set, so the browser tests must run, but this machine lacks: " + "; ".join(MISSING))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=harness.chromium_path(), args=harness.CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def reports(site: str, browser: Browser) -> dict[tuple[str, str, str], Report]:
    """Each page variant visited once, on first use, and remembered for every test that asks."""
    SHOTS.mkdir(parents=True, exist_ok=True)

    class Reports(dict[tuple[str, str, str], Report]):
        """A dict that visits a variant the first time it is looked up."""

        def __missing__(self, key: tuple[str, str, str]) -> Report:
            self[key] = visit(browser, site, *key)
            return self[key]

    return Reports()


def visit(browser: Browser, site: str, page_name: str, width: str, scheme: str) -> Report:
    """Load one page in a fresh context, probe it, run axe-core on desktop, and take a screenshot."""
    phone = width == "phone"
    context = browser.new_context(
        viewport={"width": WIDTHS[width], "height": 844 if phone else 900},
        color_scheme="dark" if scheme == "dark" else "light",
        is_mobile=phone,
        has_touch=phone,
        reduced_motion="reduce",
    )
    report = Report()
    try:
        page = context.new_page()
        listen(page, site, report)
        response = page.goto(site + PAGES[page_name], wait_until="networkidle")
        assert response is not None and response.status == 200, f"{page_name}: {response}"
        page.add_script_tag(path=str(harness.PROBE))
        report.probe = page.evaluate("window.gjProbe.report()")
        report.axe = run_axe(page)
        page.screenshot(path=str(SHOTS / f"{page_name}-{width}-{scheme}.png"), full_page=True)
    finally:
        context.close()
    return report


def listen(page: Page, site: str, report: Report) -> None:
    """Record console errors, uncaught exceptions, failed or erroring requests, and requests off the site."""

    def on_request(request: Request) -> None:
        if not request.url.startswith((site, "data:", "blob:")):
            report.third_party.append(request.url)

    def on_response(response: Response) -> None:
        if response.status >= 400:
            report.problems.append(f"HTTP {response.status} for {response.url}")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            report.problems.append(f"console error: {message.text} at {message.location['url']}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: report.problems.append(f"uncaught exception: {error}"))
    page.on("requestfailed", lambda r: report.problems.append(f"request failed: {r.url} ({r.failure})"))
    page.on("request", on_request)
    page.on("response", on_response)


def run_axe(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations on the page, with their impact, help text and the first few elements."""
    page.add_script_tag(path=str(harness.AXE))
    result: list[dict[str, Any]] = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary.replace(/\\s+/g, " ")),
        }))"""
    )
    return result


def unknown(problems: list[str]) -> list[str]:
    """The problems that are not listed in KNOWN."""
    return [problem for problem in problems if not any(known in problem for known in KNOWN)]


def serious(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """axe-core violations of impact serious or critical."""
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def below(items: list[dict[str, Any]]) -> list[str]:
    """The contrast measurements under what they need, as readable lines."""
    return [
        f"{item['what']}: {item['ratio']}:1 < {item['need']}:1"
        for item in items
        if item["ratio"] < item["need"]
    ]


@pytest.mark.parametrize(("page", "width", "scheme"), VARIANTS, ids=VARIANT_IDS)
def test_page_loads_without_errors(reports: dict[Any, Report], page: str, width: str, scheme: str) -> None:
    report = reports[page, width, scheme]
    assert unknown(report.problems) == []
    assert report.third_party == [], "the site should make no requests to other hosts"
    assert report.probe["scheme"] == SCHEMES[scheme], "the palette did not follow prefers-color-scheme"


@pytest.mark.parametrize(("page", "width", "scheme"), VARIANTS, ids=VARIANT_IDS)
def test_page_does_not_scroll_sideways(
    reports: dict[Any, Report], page: str, width: str, scheme: str
) -> None:
    overflow = reports[page, width, scheme].probe["overflow"]
    assert overflow["scrollWidth"] <= min(overflow["width"], WIDTHS[width]), overflow["culprits"]


@pytest.mark.parametrize(("page", "width", "scheme"), VARIANTS, ids=VARIANT_IDS)
def test_progress_bars_are_visible_with_contrast(
    reports: dict[Any, Report], page: str, width: str, scheme: str
) -> None:
    probe = reports[page, width, scheme].probe
    bars = probe["bars"]
    assert bool(bars) == (page in WITH_BARS)
    for bar in bars:
        assert bar["trackVisible"] and bar["fillVisible"], bar
        assert bar["percent"] == 0 or bar["fillWidth"] > 0, bar
    weak = [
        f"{bar['label']}: fill/track {bar['fillVsTrack']}:1, fill/around {bar['fillVsAround']}:1 ({bar['colors']})"
        for bar in bars
        if min(bar["fillVsTrack"], bar["fillVsAround"]) < 3
    ]
    assert weak == [], "progress bar fills need 3:1 against their track and surroundings"
    assert below(probe["labels"]) == [], "bar labels and legends need text contrast"


@pytest.mark.parametrize(("page", "width", "scheme"), VARIANTS, ids=VARIANT_IDS)
def test_charts_are_visible_with_contrast(
    reports: dict[Any, Report], page: str, width: str, scheme: str
) -> None:
    charts = reports[page, width, scheme].probe["charts"]
    assert bool(charts) == (page in WITH_CHARTS)
    for chart in charts:
        assert chart["visible"], f"chart {chart['label']!r} is not visible"
        assert chart["marks"], f"chart {chart['label']!r} draws no data"
        assert below(chart["marks"]) == [], f"{chart['label']}: data marks need 3:1 against the background"
        assert below(chart["texts"]) == [], f"{chart['label']}: chart text needs text contrast"
        tiny = [text["what"] for text in chart["texts"] if text["size"] < MIN_TEXT_PX]
        assert tiny == [], f"{chart['label']}: chart text is drawn smaller than {MIN_TEXT_PX}px"


@pytest.mark.parametrize(("page", "width", "scheme"), VARIANTS, ids=VARIANT_IDS)
def test_help_bars_and_dots_are_visible_with_contrast(
    reports: dict[Any, Report], page: str, width: str, scheme: str
) -> None:
    marks = reports[page, width, scheme].probe["marks"]
    assert bool(marks) == (page in WITH_MARKS)
    assert below(marks) == [], "bars, breakdowns and legend dots need 3:1 against the page"


@pytest.mark.parametrize(("page", "width", "scheme"), VARIANTS, ids=VARIANT_IDS)
def test_the_page_title_is_a_real_heading(
    reports: dict[Any, Report], page: str, width: str, scheme: str
) -> None:
    heading = reports[page, width, scheme].probe["heading"]
    assert heading is not None, "every page needs a title"
    assert heading["ratio"] >= 4.5 and heading["weight"] >= 700, heading


@pytest.mark.parametrize(("page", "width", "scheme"), VARIANTS, ids=VARIANT_IDS)
def test_no_serious_accessibility_violations(
    reports: dict[Any, Report], page: str, width: str, scheme: str
) -> None:
    violations = serious(reports[page, width, scheme].axe)
    assert [v for v in violations if v["id"] not in KNOWN] == []


@pytest.mark.parametrize(("page", "scheme"), [(p, s) for p in PAGES for s in SCHEMES])
def test_charts_fit_a_phone_or_open_at_today(reports: dict[Any, Report], page: str, scheme: str) -> None:
    for chart in reports[page, "phone", scheme].probe["charts"]:
        if chart["todayInView"] is None:
            assert chart["fits"], f"{chart['label']!r} sticks out of the phone's screen"
        else:  # a calendar may scroll sideways, but opens with today on screen
            assert chart["todayInView"], f"{chart['label']!r} does not open at today"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_chart_colours_are_legible_in_every_material_primary(
    site: str, browser: Browser, scheme: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site + PAGES["goal"], wait_until="networkidle")
        page.add_script_tag(path=str(harness.PROBE))
        results = page.evaluate("names => window.gjProbe.primaries(names)", PRIMARIES)
    finally:
        context.close()
    assert len(results) > 5 * len(PRIMARIES)
    weak = sorted(set(below(results)))
    assert weak == [], "\n".join(weak)


BAD_PAGE = """<!doctype html><html><head><meta name="viewport" content="width=device-width">
<title>bad</title></head><body><div style="width:600px">too wide</div>
<div style="overflow-x:auto"><div style="width:900px">scrolls in its own box: fine</div></div>
<div class="gj-metric"><span style="color:#bbb">faint label</span><div class="gj-bar" aria-label="pale"
aria-valuenow="50" style="height:8px;background:#eee"><span style="display:block;height:100%;width:50%;
background:#ccc"></span></div></div><svg class="gj-chart" viewBox="0 0 100 20" width="50" height="10">
<title>pale chart</title><rect class="gj-met" width="10" height="10" fill="#ddd"/><text y="9">tiny</text></svg>
</body></html>"""


def test_the_probe_sees_problems(browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.set_content(BAD_PAGE)
        page.add_script_tag(path=str(harness.PROBE))
        probe = page.evaluate("window.gjProbe.report()")
    finally:
        context.close()
    assert probe["overflow"]["scrollWidth"] > probe["overflow"]["width"] == 390
    assert [culprit for culprit in probe["overflow"]["culprits"] if "fine" in culprit] == []
    assert any('"too wide"' in culprit for culprit in probe["overflow"]["culprits"])
    assert [bar["fillVsTrack"] < 3 for bar in probe["bars"]] == [True]
    assert len(below(probe["labels"])) == 1
    (chart,) = probe["charts"]
    assert len(below(chart["marks"])) == 1 and chart["texts"][0]["size"] < MIN_TEXT_PX


def test_the_mastodon_page_says_what_it_is_for_only_when_opened_directly(browser: Browser, site: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(site + PAGES["mastodon"], wait_until="networkidle")
        assert page.is_visible("#gj-mastodon-direct") and page.input_value("#gj-text") == ""
        page.goto(site + PAGES["mastodon"] + "?text=Shared%20words", wait_until="networkidle")
        assert not page.is_visible("#gj-mastodon-direct") and page.input_value("#gj-text") == "Shared words"
        assert page.get_attribute("#gj-instance", "placeholder") is None
    finally:
        context.close()


def test_every_internal_link_resolves(site: str) -> None:
    crawl = harness.crawl(site)
    assert crawl.broken == []
    assert len(crawl.pages) >= 40, crawl.pages  # the crawl reached the whole site
    linked = {site + path for name, path in PAGES.items() if name != "missing"}  # no page links the 404
    assert linked <= set(crawl.pages)


def test_every_link_of_the_missing_page_resolves_from_a_deep_address(site: str) -> None:
    status, content_type, body = harness.fetch(site + "404.html")
    assert status == 200
    deep = site + "no/such/page/at/all/"  # where a reader meets the page: its links must not depend on it
    targets = {link for link in harness.links(deep, content_type, body) if link.startswith(site)}
    assert len(targets) >= 8, targets  # home, goals, journal, help, entries, stylesheets
    assert [t for t in sorted(targets) if harness.fetch(t)[0] != 200] == []


def test_screenshots_are_written(reports: dict[Any, Report]) -> None:
    for page, width, scheme in VARIANTS:
        reports[page, width, scheme]  # visits the variant if no test did yet
        assert (SHOTS / f"{page}-{width}-{scheme}.png").stat().st_size > 5000


# Material's primary colours, from its palette stylesheet: teal and indigo.
PALETTE_PRIMARY = {"teal": (0x00, 0x94, 0x85), "indigo": (0x40, 0x51, 0xB5)}


def _rgb(color: str) -> tuple[float, float, float]:
    """A computed CSS colour, rgb(...) or color(srgb ...), as 0..255 channels."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", color)]
    if color.startswith("color("):
        return (numbers[0] * 255, numbers[1] * 255, numbers[2] * 255)
    return (numbers[0], numbers[1], numbers[2])


def _mix(color: tuple[int, int, int], share: float, other: int) -> tuple[float, float, float]:
    """`share` of `color` mixed in sRGB with grey level `other` (0 black, 255 white)."""
    r, g, b = (channel * share + other * (1 - share) for channel in color)
    return (r, g, b)


@pytest.mark.parametrize("primary", PALETTE_PRIMARY)
def test_chart_and_bar_colours_follow_the_material_palette(
    tmp_path: Path, browser: Browser, primary: str
) -> None:
    from conftest import build_journal
    from test_reader_view import journal

    palette = [
        {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": primary},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": primary},
    ]
    built = build_journal(tmp_path, journal(), config={"theme": {"name": "material", "palette": palette}})
    with harness.SiteServer(built.site, "/journal/") as server:
        for scheme, ink, busiest in (
            # light: the primary itself; a day of 6 (1 entry, 5 helped) is level 4, 38 % ink and black
            ("light", PALETTE_PRIMARY[primary], _mix(PALETTE_PRIMARY[primary], 0.38, 0)),
            # dark: the primary lightened with 45 % white; level 4 is that ink with 70 % white
            ("dark", _mix(PALETTE_PRIMARY[primary], 0.55, 255), None),
        ):
            context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
            try:
                page = context.new_page()
                page.goto(server.url + "goals/help/", wait_until="networkidle")
                found = page.evaluate(
                    """() => [".gj-actual", ".gj-strip .gj-met", ".gj-heatmap .gj-l4",
                              ".gj-metric--on-track .gj-bar > span"].map(css => {
                        const style = getComputedStyle(document.querySelector(css));
                        return [css, css.includes("actual") ? style.stroke
                                : css.includes("bar") ? style.backgroundColor : style.fill];
                    })"""
                )
            finally:
                context.close()
            level4 = busiest or tuple(c * 0.3 + 255 * 0.7 for c in ink)
            for css, color in found:
                expected = level4 if "l4" in css else ink
                got = _rgb(color)
                assert all(abs(a - b) <= 1.5 for a, b in zip(got, expected, strict=True)), (
                    f"{primary} {scheme}: {css} is {color}, not {expected}"
                )


# Other languages (issue 19) -----------------------------------------------------------------------

LANGUAGES = ("de", "ar")  # German's longer words; Arabic's right-to-left page
LANGUAGE_PAGES = ("home", "goal", "goal-daily", "roundup")


@pytest.fixture(scope="module")
def language_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The example journal with theme.language de and ar, each served under the site's path."""
    with contextlib.ExitStack() as servers:
        sites = {}
        for code in LANGUAGES:
            root = tmp_path_factory.mktemp(f"browser-{code}")
            (root / "site").mkdir()
            server = servers.enter_context(harness.SiteServer(root / "site", PREFIX))
            for name in ("goals", "journal", "docs"):
                shutil.copytree(ROOT / name, root / name)
            config = (ROOT / "mkdocs.yml").read_text("utf-8")
            config = re.sub(r"(?m)^site_url: .*$", f"site_url: {server.url}", config)
            config = config.replace("  name: material\n", f"  name: material\n  language: {code}\n")
            (root / "mkdocs.yml").write_text(config, "utf-8")
            run_build(root / "mkdocs.yml", root / "site", strict=True)
            sites[code] = server.url
        yield sites


@pytest.mark.parametrize(("code", "page"), [(c, p) for c in LANGUAGES for p in LANGUAGE_PAGES])
def test_other_languages_fit_a_phone(
    language_sites: dict[str, str], browser: Browser, code: str, page: str
) -> None:
    """In German and in Arabic (mirrored), a phone page loads cleanly, never scrolls sideways, and its
    charts fit or open at today (the calendar's scroll trick holds in a right-to-left page too)."""
    report = visit(browser, language_sites[code], page, "phone", "light")
    assert unknown(report.problems) == [] and report.third_party == []
    overflow = report.probe["overflow"]
    assert overflow["scrollWidth"] <= min(overflow["width"], WIDTHS["phone"]), overflow["culprits"]
    for chart in report.probe["charts"]:
        assert chart["fits"] if chart["todayInView"] is None else chart["todayInView"], chart["label"]
