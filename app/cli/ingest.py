"""The vector store: ingest logs and documents (with progress on stderr), and search it without the agent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.common import AlwaysJsonOpt, JsonOpt, admin, agent, err, fail, local_user, out, progress, retriever

if TYPE_CHECKING:
    from app.ingestion import IngestReport

ingest_app = typer.Typer(help="Load maintenance logs and documents into the vector store.", no_args_is_help=True)


def _finish(report: IngestReport) -> None:
    """Print the report as JSON; exit 1 when the ingest failed."""
    out(report.model_dump_json(indent=2))
    if report.error:
        fail(report.error)


def _logs(file: Path, mapping: dict[str, str] | None = None) -> IngestReport:
    from app.ingestion import ingest_log_file

    r = retriever()
    with progress(file.name, "rows") as update:
        report = ingest_log_file(r, file, mapping, progress=update)
        update(report.read)
    return report


def _docs(directory: Path, trust: str = "vetted") -> IngestReport:
    from app.ingestion import ingest_folder

    with progress(directory.name, "chunks", every=100) as update:
        report = ingest_folder(retriever(), directory, trust=trust, progress=update)
    return report


@ingest_app.command("logs")
def ingest_logs_cmd(
    file: Path,
    map_: Annotated[list[str] | None, typer.Option("--map", help="column=field, e.g. --map Fault=problem")] = None,
    as_json: AlwaysJsonOpt = True,
) -> None:
    """Ingest a CSV or JSONL maintenance log (fields: log_id, problem, action, asset_id, equipment, date).

    Prints the report as JSON (progress goes to stderr).
    """
    mapping = {}
    for item in map_ or []:
        column, _, field = item.partition("=")
        if not field:
            raise typer.BadParameter(f"--map takes column=field, got {item!r}")
        mapping[column] = field
    admin()  # the vector store is what every answer cites: only an admin adds to it
    if not file.is_file():
        fail(f"no such file: {file}")
    _finish(_logs(file, mapping))


@ingest_app.command("docs")
def ingest_docs_cmd(
    directory: Path,
    unvetted: Annotated[bool, typer.Option("--unvetted", help="Mark them unvetted (needed for non-admins).")] = False,
    as_json: AlwaysJsonOpt = True,
) -> None:
    """Ingest Markdown, text and PDF documents (each with a 'Source:' line); prints the report as JSON.

    Vetted documents are quoted to anyone and need an admin; unvetted ones are labelled and never quoted to a patient.
    """
    if not unvetted:
        admin()
    else:
        local_user(agent())  # any signed-in user may add unvetted documents
    if not directory.is_dir():
        fail(f"no such directory: {directory}")
    _finish(_docs(directory, "unvetted" if unvetted else "vetted"))


def demo() -> list[IngestReport]:
    """Ingest the bundled demo corpora, with progress on stderr; return the reports."""
    from app.ingestion import demo_sources

    logs, knowledge = demo_sources()
    reports = [_logs(path) for path in logs]
    reports.append(_docs(knowledge))
    return reports


@ingest_app.command("demo")
def ingest_demo(as_json: JsonOpt = False) -> None:
    """Ingest the bundled demo corpora (medical-equipment logs, MaintNet aviation logs, knowledge notes)."""
    admin()
    reports = demo()
    if as_json:
        out("[" + ",\n".join(r.model_dump_json(indent=2) for r in reports) + "]")
    else:
        for r in reports:
            out(
                f"{Path(r.source).name}: read {r.read}, added {r.added}, unchanged {r.unchanged}, "
                f"malformed {r.malformed}"
            )
    failed = [r.error for r in reports if r.error]
    if failed:
        fail("; ".join(e for e in failed if e))


def search(
    query: str,
    docs: Annotated[bool, typer.Option("--docs", help="Search the documents instead of the logs.")] = False,
    asset: Annotated[str | None, typer.Option("--asset", help="Only this asset id (logs).")] = None,
    equipment: Annotated[
        str | None, typer.Option("--equipment", help="Only this equipment type, e.g. ventilator (logs).")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only entries on or after this date, e.g. 2024-01-31.")
    ] = None,
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="How many hits.")] = 5,
    as_json: AlwaysJsonOpt = True,
) -> None:
    """Search the maintenance logs (or documents) directly, without the agent; prints the hits as JSON."""
    if docs and (asset or equipment or since):
        raise typer.BadParameter("--asset, --equipment and --since filter the logs; drop them with --docs")
    if since:
        try:
            dt.date.fromisoformat(since)
        except ValueError as exc:
            raise typer.BadParameter(f"--since takes a date like 2024-01-31, got {since!r}") from exc
    from app.search import search as search_store

    result = search_store(retriever(), query, docs=docs, asset=asset, equipment=equipment, since=since, k=k)
    out(result.model_dump_json(indent=2))
    if result.error:
        fail(result.error)
    if not result.hits:
        err("No hits." + (" Is the store empty? careforge ingest demo" if not (asset or equipment or since) else ""))
