"""What the `goals` command reports when the person can fix something."""

from __future__ import annotations


class CommandError(Exception):
    """Something the person can fix: printed as one line, then `goals` exits with `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
