"""A generator's own preview server run as a child process of `goals serve`, which ends with it."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import FrameType


class Stopped(Exception):
    """`goals serve` was asked to stop (SIGTERM)."""


def _stop(number: int, frame: FrameType | None) -> None:
    """Turn SIGTERM into an exception, so that the child is ended too."""
    raise Stopped


@contextmanager
def child(command: Sequence[str]) -> Iterator[subprocess.Popen[bytes]]:
    """Run `command`; when the block ends (even by SIGTERM or Ctrl-C), end the command too."""
    previous = signal.signal(signal.SIGTERM, _stop)
    process = subprocess.Popen(list(command))
    try:
        yield process
    finally:
        signal.signal(signal.SIGTERM, previous)
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def run_child(
    command: Sequence[str], while_running: Callable[[subprocess.Popen[bytes]], None] | None = None
) -> int:
    """Run `command` to its end (calling `while_running` until then); its exit code, 0 when stopped."""
    try:
        with child(command) as process:
            if while_running is not None:
                while_running(process)
            return process.wait()
    except Stopped:
        return 0
