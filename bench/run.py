"""Benchmark: the same synthetic journal built six ways, at several sizes, side by side.

(a) MkDocs + Material + this plugin, every feature on (social cards from a warm cache; the cold
    first build is reported apart); (b) MkDocs + Material rendering the same Markdown files with
    entries out of the nav, the floor for any MkDocs design; (c) Material's blog plugin with the
    same posts; (d) Hugo, a theme-less site of the same entries; (e) the journal of (a) through
    Zensical (`goals build --engine zensical`: its working folder and Zensical's cache warm, the
    cold first build apart); (f) the plain Markdown of (b) through Zensical (`zensical build`),
    the floor for Zensical. Wall time is the median of --repeat runs, memory the peak resident size
    of the build process.

    python bench/run.py [--sizes 500 2000 5000] [--repeat 3] [--profile 2000] [--out bench/RESULTS.md]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import importlib.util
import io
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

GOALS = 5
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
FRONT = re.compile(r"^---\n(.*?)\n---\n", re.S)


@dataclass
class Result:
    """One way of building one journal size."""

    seconds: float
    cold: float | None
    memory_mb: float
    pages: int
    size_mb: float


def run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Run a build; return (wall seconds, peak memory in MB)."""
    timer = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
    start = time.perf_counter()
    done = subprocess.run([*timer, *command], cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{done.stderr[-3000:]}")
    memory = float(done.stderr.strip().splitlines()[-1]) / 1024 if timer else 0.0
    return seconds, memory


def measure(command: list[str], cwd: Path, site: Path, repeat: int, cold: bool = False) -> Result:
    """Median time of `repeat` builds (after one cold build when asked), memory, pages and size."""
    first = run(command, cwd)[0] if cold else None
    runs = [run(command, cwd) for _ in range(repeat)]
    pages = sum(1 for _ in site.rglob("*.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6
    return Result(statistics.median(r[0] for r in runs), first, max(r[1] for r in runs), pages, size)


def mkdocs_yml(extra: str, nav_excludes: str = "") -> str:
    """An mkdocs.yml for the benchmark sites."""
    return (
        "site_name: Bench\nsite_url: https://example.org/bench/\ntheme:\n  name: material\n  font: false\n"
        f"{nav_excludes}plugins:\n  - search\n{extra}"
    )


def setup(root: Path, entries: int) -> dict[str, Path]:
    """Write the journal and the four projects; return each project's folder."""
    journal = root / "journal-src"
    after = generate(journal, entries, GOALS)
    today = after - dt.timedelta(days=1)
    projects = {name: root / name for name in ("plugin", "plain", "blog", "hugo", "plain-zensical")}
    plugin = projects["plugin"]
    shutil.copytree(journal, plugin)
    (plugin / "docs").mkdir()
    (plugin / "mkdocs.yml").write_text(mkdocs_yml(f"  - goals-journal:\n      today: {today}\n"), "utf-8")
    plain = projects["plain"]
    shutil.copytree(journal / "journal", plain / "docs" / "journal")
    shutil.copytree(journal / "goals", plain / "docs" / "goals")
    (plain / "docs" / "index.md").write_text("# Bench\n", "utf-8")
    (plain / "mkdocs.yml").write_text(mkdocs_yml("", "not_in_nav: |\n  /journal/\n"), "utf-8")
    shutil.copytree(plain, projects["plain-zensical"])  # Zensical writes its own site/ and .cache/
    blog = projects["blog"]
    posts = blog / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (blog / "docs" / "blog" / "index.md").write_text("# Blog\n", "utf-8")
    (blog / "docs" / "index.md").write_text("# Bench\n", "utf-8")
    for path in sorted((journal / "journal").rglob("*.md")):
        posts.joinpath(path.name).write_text(_blog_post(path), "utf-8")
    (blog / "mkdocs.yml").write_text(mkdocs_yml("  - blog\n"), "utf-8")
    _hugo_site(journal, projects["hugo"])
    return projects


def _blog_post(path: Path) -> str:
    """An entry as a Material blog post: the same body, with the date the blog plugin needs."""
    text = path.read_text("utf-8")
    match = FRONT.match(text)
    body = text[match.end() :] if match else text
    title = re.search(r"^title: (.*)$", match.group(1), re.M) if match else None
    return f"---\ndate: {path.name[:10]}\n---\n\n# {title.group(1) if title else path.stem}\n\n{body}"


def _hugo_site(journal: Path, hugo: Path) -> None:
    """A minimal theme-less Hugo site with the same entries."""
    content = hugo / "content" / "journal"
    content.mkdir(parents=True)
    for path in sorted((journal / "journal").rglob("*.md")):
        text = path.read_text("utf-8")
        match = FRONT.match(text)
        title = re.search(r"^title: (.*)$", match.group(1), re.M) if match else None
        body = text[match.end() :] if match else text
        name = title.group(1) if title else path.stem
        content.joinpath(path.name).write_text(
            f'---\ntitle: "{name}"\ndate: {path.name[:10]}\n---\n{body}', "utf-8"
        )
    layouts = hugo / "layouts" / "_default"
    layouts.mkdir(parents=True)
    page = '<!doctype html><title>{{ .Title }}</title><main>{{ block "main" . }}{{ end }}</main>'
    (layouts / "baseof.html").write_text(page, "utf-8")
    (layouts / "single.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}', "utf-8"
    )
    (layouts / "list.html").write_text(
        '{{ define "main" }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}',
        "utf-8",
    )
    (hugo / "hugo.toml").write_text(
        'baseURL = "https://example.org/bench/"\ntitle = "Bench"\nbuildFuture = true\n', "utf-8"
    )


def zensical_results(projects: dict[str, Path], repeat: int) -> dict[str, Result]:
    """(e) the journal through Zensical with this plugin's host, (f) the plain Markdown through Zensical."""
    ours = [
        sys.executable,
        "-m",
        "goals_journal.cli.main",
        "build",
        "--engine",
        "zensical",
        "-d",
        "site-zensical",
    ]
    plugin, plain = projects["plugin"], projects["plain-zensical"]
    zensical = [sys.executable, "-m", "zensical", "build"]
    return {
        "e": measure(ours, plugin, plugin / "site-zensical", repeat, cold=True),
        "f": measure(zensical, plain, plain / "site", repeat, cold=True),
    }


def profile_plugin(project: Path) -> str:
    """Where the plugin's own time goes in one build (cProfile, functions of goals_journal)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site-profile"))
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.runcall(build, config)
    total = time.perf_counter() - start
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(r"goals_journal/(hosts|core|pages|outputs|speed)/", 18)
    lines = [line for line in out.getvalue().splitlines() if "goals_journal" in line or "cumtime" in line]
    return f"Whole build under cProfile: {total:.1f} s\n\n```text\n" + "\n".join(lines) + "\n```\n"


def dirty_report(size: int, project: Path, full: float) -> str:
    """One entry edited under `mkdocs serve --dirty` (bench/dirty.py, in its own process)."""
    done = subprocess.run(
        [sys.executable, str(Path(__file__).parent / "dirty.py"), str(project), "--json"],
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    rebuilt = result["rebuilt_pages"]
    return (
        f"\n## One edited entry under `mkdocs serve --dirty`, {size} entries\n\n"
        "| first build | rebuild | rebuild / first | rebuild / full (a) | pages rewritten | cards drawn | same as a clean build |\n"
        "| ---: | ---: | ---: | ---: | ---: | ---: | --- |\n"
        f"| {result['first_seconds']:.2f} s | {result['rebuild_seconds']:.2f} s | "
        f"{result['rebuild_seconds'] / result['first_seconds']:.2f} | {result['rebuild_seconds'] / full:.2f} | "
        f"{len(rebuilt)} of {result['pages']} | {result['cards_drawn']} | "
        f"{'yes' if result['same_as_clean'] else 'no: ' + ', '.join(result['different'])} |\n\n"
        f"Pages rewritten: {', '.join(f'`{p}`' for p in rebuilt)}.\n"
    )


def versions() -> str:
    """Machine, Python and tool versions."""
    from importlib import metadata

    import material
    import mkdocs

    hugo = (
        subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split(" ")[:2]
        if shutil.which("hugo")
        else ["no hugo"]
    )
    zensical = f", Zensical {metadata.version('zensical')}" if importlib.util.find_spec("zensical") else ""
    return (
        f"{dt.date.today()}, {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"MkDocs {mkdocs.__version__}, Material {material.__version__}, {' '.join(hugo)}{zensical}"
    )


def main() -> None:
    """Run the benchmark and write the results table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=int, default=2000, help="size to profile (0: none)")
    parser.add_argument("--dirty", type=int, default=5000, help="size to edit under serve --dirty (0: none)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "RESULTS.md")
    args = parser.parse_args()
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
    rows, profile, dirty = [], "", ""
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as folder:
            projects = setup(Path(folder), size)
            results = {
                "a": measure(mkdocs, projects["plugin"], projects["plugin"] / "site", args.repeat, cold=True),
                "b": measure(mkdocs, projects["plain"], projects["plain"] / "site", args.repeat),
                "c": measure(mkdocs, projects["blog"], projects["blog"] / "site", args.repeat),
            }
            if shutil.which("hugo"):
                hugo = ["hugo", "--quiet", "-d", "public"]
                results["d"] = measure(hugo, projects["hugo"], projects["hugo"] / "public", args.repeat)
            if importlib.util.find_spec("zensical"):
                results.update(zensical_results(projects, args.repeat))
            feeds = sum(p.stat().st_size for p in (projects["plugin"] / "site").glob("feed.*")) / 1e3
            if size == args.profile:
                profile = profile_plugin(projects["plugin"])
            if size == args.dirty:  # last: it edits the journal
                dirty = dirty_report(size, projects["plugin"], results["a"].seconds)
            rows.append((size, results, feeds))
            print(size, {k: round(v.seconds, 2) for k, v in results.items()}, flush=True)
    report = (
        table(rows, args.repeat)
        + dirty
        + ("\n## Where the plugin's time goes\n\n" + profile if profile else "")
    )
    args.out.write_text(f"# Benchmark results\n\n{versions()}\n\n{report}", "utf-8")
    print(report)


def table(rows: list[tuple[int, dict[str, Result], float]], repeat: int) -> str:
    """The results as a Markdown table."""
    names = {
        "a": "(a) plugin",
        "b": "(b) plain MkDocs",
        "c": "(c) Material blog",
        "d": "(d) Hugo",
        "e": "(e) plugin, Zensical",
        "f": "(f) plain Zensical",
    }
    lines = [
        f"Median of {repeat} builds; (a) and (e) with a warm card cache (and (e), (f) with Zensical's cache "
        "warm), their cold first builds in brackets. For (e), a/b is e/f and a/c is e/a.",
        "",
        "| entries | build | pages | seconds | ms/entry | peak MB | site MB | a/b | a/c |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, results, feeds in rows:
        for key, result in results.items():
            seconds = f"{result.seconds:.2f}" + (f" ({result.cold:.1f} cold)" if result.cold else "")
            ratios = " | "
            if key == "a":
                ratios = f"{result.seconds / results['b'].seconds:.2f} | {result.seconds / results['c'].seconds:.2f}"
            elif key == "e":
                ratios = f"{result.seconds / results['f'].seconds:.2f} | {result.seconds / results['a'].seconds:.2f}"
            lines.append(
                f"| {size} | {names[key]} | {result.pages} | {seconds} | {1000 * result.seconds / size:.1f} | "
                f"{result.memory_mb:.0f} | {result.size_mb:.1f} | {ratios} |"
            )
        lines.append(f"| {size} | feeds (feed.xml + feed.json) | | | | | {feeds:.0f} kB | | |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
