"""A second core for the plugin's own work, where a process can simply be forked (Linux)."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any


def second_core(
    initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = ()
) -> ProcessPoolExecutor | None:
    """A one-process pool forked from this one (so it shares what is in memory), or None."""
    if sys.platform != "linux" or (os.cpu_count() or 1) < 2:  # fork is unsafe on macOS, absent on Windows
        return None
    context = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(1, mp_context=context, initializer=initializer, initargs=initargs)


def every_core() -> ProcessPoolExecutor | None:
    """A pool with a process per core, or None on a single core."""
    cores = os.cpu_count() or 1
    return ProcessPoolExecutor(max_workers=cores) if cores > 1 else None
