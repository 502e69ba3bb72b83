"""careforge: the command line.

One module per command group: ``chat`` (ask, chat, threads), ``ingest`` (ingest, search), ``reports`` (report,
image), ``admin`` (users, audit), ``server`` (serve, llm) and ``system`` (config, doctor, eval). Exit codes are
the same everywhere: 0 ok, 1 failed, 2 usage error (``common.EXIT_CODES``).
"""

from __future__ import annotations

from typing import Annotated

import typer

from app.cli import admin, chat, ingest, reports, server, system
from app.cli.common import EXIT_CODES, settings

app = typer.Typer(
    help="CareForge: a grounded assistant for clinics and factory floors.",
    epilog=f"{EXIT_CODES} Data goes to stdout (--json where a command prints data); progress and errors to stderr.",
    no_args_is_help=True,
)


def version() -> str:
    """The installed package's version."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("careforge")
    except PackageNotFoundError:
        return "unknown (not installed)"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"careforge {version()}")
        raise typer.Exit()


@app.callback()
def _setup(
    _version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Log to the data directory with identifiers redacted."""
    from app.logs import start_logging

    start_logging(settings())


app.command()(chat.ask)
app.command()(chat.chat)
app.command()(chat.threads)
app.add_typer(ingest.ingest_app, name="ingest")
app.command()(ingest.search)
app.add_typer(reports.report_app, name="report")
app.command()(reports.image)
app.command("eval")(system.evaluate)
app.add_typer(admin.audit_app, name="audit")
app.add_typer(admin.users_app, name="users")
app.command()(system.config)
app.command()(system.doctor)
app.command()(server.serve)
app.add_typer(server.llm_app, name="llm")


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
