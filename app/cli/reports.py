"""Drafted reports (show, decide, export) and the image tool on its own."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.common import AlwaysJsonOpt, JsonOpt, agent, fail, known_thread, local_user, out

if TYPE_CHECKING:
    from app.reports import Report

FORMATS = ("md", "json", "pdf", "fhir", "cmms")
report_app = typer.Typer(help="Drafted reports: show, decide (approve, edit, reject), export.", no_args_is_help=True)


def _reports(thread: str) -> list[Report]:
    """The thread's reports; exit 1 for an unknown thread or one without reports."""
    forge = agent()
    known_thread(forge, local_user(forge), thread)
    reports = asyncio.run(forge.areports(thread))
    if not reports:
        fail(f"thread {thread} has no reports")
    return reports


@report_app.command("show")
def report_show(thread: str, as_json: JsonOpt = False) -> None:
    """Print the thread's reports (decided ones, then a draft awaiting review) as Markdown."""
    from app.reports import to_markdown

    reports = _reports(thread)
    if as_json:
        out(json.dumps([r.model_dump(mode="json") for r in reports], indent=2))
        return
    for report in reports:
        out(to_markdown(report))


@report_app.command("decide")
def report_decide(
    thread: str,
    decision: Annotated[str, typer.Argument(help="approve, edit (stays a draft) or reject")],
    editor: Annotated[str, typer.Option("--editor", help="Who decides (recorded with the report).")],
    role: Annotated[
        str, typer.Option("--role", help="The decider's role: patient, nurse, technician, supervisor, radiologist...")
    ],
    edit: Annotated[list[str] | None, typer.Option("--set", help="SECTION=new text (repeatable; any case).")] = None,
    note: Annotated[str, typer.Option("--note")] = "",
    as_json: JsonOpt = False,
) -> None:
    """Approve, edit or reject the draft a paused turn is waiting on; prints the report once, as decided."""
    from pydantic import ValidationError

    from app.reports import Report, ReviewDecision, section_name, to_markdown

    edits = {section_name(k): v for k, v in (item.split("=", 1) for item in edit or [] if "=" in item)}
    # The graph resumes under a persona; roles beyond the three personas decide as the nearest one.
    persona = {"patient": "patient", "technician": "technician", "supervisor": "technician"}.get(role.lower(), "nurse")
    try:
        value = ReviewDecision.model_validate(
            {"decision": decision, "editor": editor, "role": role, "edits": edits, "note": note}
        )
    except (ValidationError, ValueError) as exc:
        raise typer.BadParameter(str(exc)) from exc
    forge = agent()
    known_thread(forge, local_user(forge), thread)
    try:
        result = asyncio.run(forge.adecide(thread, value, persona=persona))
    except ValueError as exc:  # nothing awaits review in this thread
        fail(str(exc))
    if result.review is not None and result.review.get("error"):
        fail(f"not applied: {result.review['error']}")
    report = Report.model_validate(result.review["report"] if result.review is not None else result.reports[-1])
    if as_json:
        out(report.model_dump_json(indent=2))
    else:
        out(to_markdown(report))
    if result.review is not None:  # an edit: the changed draft waits for an explicit approve
        hint = (
            f"Edited; still a draft. Approve with: careforge report decide {thread} approve --editor NAME --role ROLE"
        )
        typer.echo(hint, err=as_json)


@report_app.command("export")
def report_export(
    thread: str,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, json, pdf, fhir (clinical) or cmms")] = "md",
    out_file: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (stdout for text formats).")
    ] = None,
    draft: Annotated[bool, typer.Option("--draft", help="Export an unapproved draft, marked as such.")] = False,
) -> None:
    """Export the thread's latest approved report (or, with --draft, the latest report marked as a draft)."""
    from app.reports import ExportRefused, export

    if fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; choose {', '.join(FORMATS)}")
    if fmt == "pdf" and out_file is None:
        raise typer.BadParameter("PDF is binary: pass --out FILE")
    reports = _reports(thread)
    chosen = next((r for r in reversed(reports) if r.status == "approved"), None) or reports[-1]
    try:
        data = export(chosen, fmt, allow_draft=draft)  # type: ignore[arg-type]
    except ExportRefused as exc:  # not approved, rejected, or the wrong kind for the format
        fail(str(exc))
    if out_file is None:
        out(data.decode())
        return
    try:
        out_file.write_bytes(data)
    except OSError as exc:
        fail(f"cannot write {out_file}: {exc.strerror or exc}")
    out(f"wrote {out_file} ({len(data)} bytes, {chosen.kind.value} {chosen.id}, {chosen.status})")


def image(
    path: Path,
    question: Annotated[str, typer.Option("--question", "-q")] = "",
    persona: Annotated[str, typer.Option("--persona", "-p", help="patient, nurse or technician")] = "nurse",
    preview: Annotated[Path | None, typer.Option("--png", help="Also write the model-ready PNG here.")] = None,
    as_json: AlwaysJsonOpt = True,
) -> None:
    """Analyse one image without the agent: metadata, quality, and a visual read when the model can see (JSON)."""
    from app.images import UnreadableImage, analyze, model_png

    if not path.is_file():
        fail(f"no such file: {path}")
    forge = agent()
    result = analyze(forge, path, question, persona)
    out(result.model_dump_json(indent=2))
    if result.error:
        fail(result.error)
    if preview is not None:
        try:
            preview.write_bytes(model_png(forge, path, question))
        except UnreadableImage as exc:  # the file changed under us
            fail(str(exc))
        except OSError as exc:
            fail(f"cannot write {preview}: {exc.strerror or exc}")
