"""The generators `goals build` and `goals serve` run: MkDocs (the default), ProperDocs (the maintained
MkDocs 1.x fork, which runs the plugin as MkDocs does) and Zensical (through the Zensical host, which
gets mkdocs.yml as MkDocs reads it)."""

from __future__ import annotations

import sys
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from ..hosts.children import run_child
from ..hosts.heads import social_profiles
from ..hosts.zensical import engine as zensical_engine
from ..hosts.zensical.sources import DocsFile, MarkdownSettings, Sources
from .errors import CommandError
from .project import Project, load_project

LOGGERS = {"mkdocs": "mkdocs", "properdocs": "properdocs", "zensical": "goals_journal.zensical"}
EDIT_FEATURES = ("content.action.edit", "content.action.view")


def use_engine(name: str) -> None:
    """Make the engine ready in this process, before mkdocs.yml is read (ProperDocs stands in for MkDocs)."""
    if name == "properdocs":
        if find_spec("properdocs") is None:
            raise CommandError("ProperDocs is not installed: pip install properdocs")
        loaded = sys.modules.get("mkdocs")
        if loaded is not None and loaded.__name__ != "properdocs":
            raise CommandError("ProperDocs must run in a process that has not loaded MkDocs: run goals again")
        import_module("properdocs.replacement")  # from now on, every mkdocs.* import is ProperDocs'
    elif name == "zensical":
        try:
            zensical_engine.zensical()
        except zensical_engine.ZensicalError as error:
            raise CommandError(str(error)) from None


def build_with_mkdocs(project: Project, into: Path, strict: bool) -> None:
    """The MkDocs (or ProperDocs) build of the journal, in this process, into `into`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project.file), site_dir=str(into), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def zensical_sources(project: Project) -> Sources:
    """What the Zensical host needs of mkdocs.yml, read as MkDocs reads it."""
    from mkdocs.structure.files import InclusionLevel, get_files

    from ..config import options

    config = project.config
    docs = tuple(
        DocsFile(
            file.src_uri,
            Path(str(file.abs_src_path)),
            in_nav=file.inclusion.value > InclusionLevel.NOT_IN_NAV.value,
            draft=file.inclusion == InclusionLevel.DRAFT,
        )
        for file in get_files(config)
        if file.inclusion.value >= InclusionLevel.DRAFT.value and file.abs_src_path  # drafts: serve only
    )
    features = config.theme.get("features") or []
    return Sources(
        config_file=project.file.resolve(),
        plugin_options=project.plugin_options,
        site=options.site_config(config),
        docs=docs,
        markdown=MarkdownSettings(list(config.markdown_extensions), dict(config.mdx_configs)),
        profiles=social_profiles(config),
        edit_uri=config.edit_uri,
        edit_links=bool(config.repo_url and config.edit_uri and any(f in features for f in EDIT_FEATURES)),
        plugins=tuple(
            str(name) for name in config.plugins if name not in config.hooks
        ),  # hooks are plugins too
        hooks=tuple(str(name) for name in config.hooks),
    )


def serve_with(name: str, config: str | None, address: str | None) -> int:
    """`goals serve`: the engine's own preview (MkDocs', ProperDocs'), or the Zensical host's."""
    if name == "zensical":
        return zensical_engine.serve(lambda: zensical_sources(load_project(config)), address)
    project = load_project(config)  # its errors, said before the engine starts
    command = [sys.executable, "-m", name, "serve", "-f", str(project.file)]
    return run_child([*command, *(["-a", address] if address else [])])
