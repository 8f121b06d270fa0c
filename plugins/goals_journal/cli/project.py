"""The journal's configuration: mkdocs.yml read as MkDocs reads it, and the plugin's options in it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import options
from ..core.settings import Folders, Settings
from .errors import CommandError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


@dataclass(frozen=True)
class Project:
    """A journal's MkDocs configuration and the goals-journal plugin's options in it."""

    file: Path
    config: MkDocsConfig
    plugin_options: Any  # the plugin's options, as MkDocs read and checked them
    warnings: tuple[str, ...] = ()  # what MkDocs warned about in mkdocs.yml (--strict builds stop on them)

    def resolved(self) -> options.Resolved:
        """The plugin's settings and what is wrong with them, resolved exactly as a build resolves them."""
        try:
            return options.resolve(self.plugin_options, options.site_config(self.config), serving=False)
        except options.OptionError as error:
            raise CommandError(f"{self.file}: {error}") from None

    def settings(self) -> Settings:
        """The plugin's settings, resolved exactly as a build resolves them."""
        return self.resolved().settings

    def folders(self) -> Folders:
        """The project root, goals and journal folders and time zone (without the feed settings)."""
        try:
            return options.folders(self.plugin_options, options.site_config(self.config))
        except options.OptionError as error:
            raise CommandError(f"{self.file}: {error}") from None


def load_project(option: str | None) -> Project:
    """The journal whose mkdocs.yml is `option` or in the current folder."""
    file = _config_file(option)
    config, warnings = _load_mkdocs(file)
    plugin = config.plugins.get(options.PLUGIN_NAME)
    if plugin is None:
        raise CommandError(
            f"{file} does not use the goals-journal plugin: add '- goals-journal' under 'plugins:'"
        )
    return Project(file, config, plugin.config, warnings)


def _config_file(option: str | None) -> Path:
    """The mkdocs.yml to read; a clear error when there is none."""
    if option:
        if not Path(option).is_file():
            raise CommandError(f"{option} does not exist: pass the mkdocs.yml of your journal with --config")
        return Path(option)
    for name in CONFIG_NAMES:
        if Path(name).is_file():
            return Path(name)
    raise CommandError(
        "there is no mkdocs.yml in this folder: run goals in your journal's folder, "
        "pass --config FILE, or start a new journal with 'goals init'"
    )


class _Messages(logging.Handler):
    """Keeps what MkDocs logs while it reads the configuration (instead of printing it)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Remember each warning and error message."""
        (self.errors if record.levelno >= logging.ERROR else self.warnings).append(record.getMessage())


def _load_mkdocs(file: Path) -> tuple[MkDocsConfig, tuple[str, ...]]:
    """Read and validate mkdocs.yml as MkDocs does, with its warnings; its first error becomes a CommandError."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    messages = _Messages()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(messages)
    try:
        return load_config(str(file)), tuple(messages.warnings)
    except MkDocsException as error:
        raise CommandError(f"{file}: {messages.errors[0] if messages.errors else error}") from None
    finally:
        logger.removeHandler(messages)


def shown(path: Path) -> str:
    """A path as the person would type it: relative to the current folder when below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
