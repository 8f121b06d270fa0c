"""Screenshot built pages with headless Chromium: python tools/screenshot.py [--width N] [--dark] PATH..."""

from __future__ import annotations

import argparse
import functools
import http.server
import subprocess
import tempfile
import threading
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    """Serve `folder` on a free loopback port in a background thread."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def shoot(url: str, out: Path, width: int, height: int, dark: bool) -> None:
    """Save a PNG of `url` at the given window size and colour scheme."""
    with tempfile.TemporaryDirectory() as profile:
        flags = [*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"]
        if dark:
            flags.append("--force-dark-mode")
        subprocess.run(
            ["chromium", *flags, f"--screenshot={out}", "--virtual-time-budget=3000", url],
            check=True,
            capture_output=True,
            timeout=60,
        )


def main() -> None:
    """Screenshot each path of the built site."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", help="site paths such as / or goals/help-others/")
    parser.add_argument("--site", default="site", type=Path)
    parser.add_argument("--out", default="screenshots", type=Path)
    parser.add_argument("--width", default=1280, type=int)
    parser.add_argument("--height", default=1400, type=int)
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(exist_ok=True)
    server = serve(args.site)
    try:
        for path in args.paths:
            name = path.strip("/").replace("/", "_") or "home"
            out = args.out / f"{name}-{args.width}{'-dark' if args.dark else ''}.png"
            shoot(
                f"http://127.0.0.1:{server.server_port}/{path.lstrip('/')}",
                out.resolve(),
                args.width,
                args.height,
                args.dark,
            )
            print(out)
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
