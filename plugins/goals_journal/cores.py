"""A second core for the plugin's own work, where a process can simply be forked (Linux)."""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor


def second_core() -> ProcessPoolExecutor | None:
    """A one-process pool forked from this one (so it shares what is in memory), or None."""
    if sys.platform != "linux" or (os.cpu_count() or 1) < 2:  # fork is unsafe on macOS, absent on Windows
        return None
    return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
