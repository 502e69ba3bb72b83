"""careforge: ask, chat, image, ingest, search, audit, config, doctor, llm (serve, stop, profiles)."""

from __future__ import annotations

import asyncio
import json
import shlex
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from core.settings import RoutingMode, Settings, get_settings

if TYPE_CHECKING:
    from retrieval.records import IngestReport
    from retrieval.search import Retriever
    from tools.reports import Report

app = typer.Typer(help="CareForge: a grounded assistant for clinics and factory floors.", no_args_is_help=True)
llm_app = typer.Typer(help="The model server: embedded vLLM on the CPU, or GPU profiles.", no_args_is_help=True)
app.add_typer(llm_app, name="llm")

PersonaOpt = Annotated[str, typer.Option("--persona", "-p", help="patient, nurse or technician")]
RoutingOpt = Annotated[RoutingMode | None, typer.Option("--routing", help="llm, rules or hybrid")]


def _local_user(agent: Any) -> Any:
    """The CareForge user this command acts as (CAREFORGE_LOCAL_USER); roles come from the user store."""
    return agent.users.ensure_local(agent.settings.local_user)


def _settings() -> Settings:
    return get_settings()


@app.callback()
def _setup() -> None:
    """Log to the data directory with identifiers redacted."""
    from app.privacy import redact
    from core.logs import configure_logging

    configure_logging(_settings().log_path, redact)


def _out(text: str) -> None:
    typer.echo(text)


@app.command()
def ask(
    question: str,
    persona: PersonaOpt = "patient",
    image: Annotated[list[Path] | None, typer.Option("--image", help="Attach an image (repeatable).")] = None,
    thread: Annotated[str | None, typer.Option("--thread", help="Continue a conversation.")] = None,
    routing: RoutingOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole trace as JSON.")] = False,
) -> None:
    """Ask one question and print the answer (or the whole turn as JSON), as the configured local user."""
    from app.service import CareForge

    agent = CareForge(_settings())
    try:
        user = _local_user(agent)
        result = asyncio.run(
            agent.arun(question, persona=persona, thread_id=thread, attachments=image or [], routing=routing, user=user)
        )
    except PermissionError as exc:
        _out(f"Not allowed: {exc}")
        raise typer.Exit(1) from exc
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    if as_json:
        _out(result.model_dump_json(indent=2))
    else:
        from tools.reports import review_hint

        _out(result.answer)
        if result.review:
            _out(review_hint(result.review, result.thread_id))
        _out(f"\n[thread {result.thread_id} | tools: {', '.join(t['tool'] for t in result.tool_calls) or 'none'}]")


@app.command()
def chat(
    persona: PersonaOpt = "patient",
    thread: Annotated[str | None, typer.Option("--thread")] = None,
    routing: RoutingOpt = None,
) -> None:
    """Interactive chat with streamed answers. Type /quit to leave, '/image PATH question' to attach."""
    from app.service import CareForge

    agent = CareForge(_settings())
    user = _local_user(agent)
    try:
        agent.authorize(user, thread, persona)
    except PermissionError as exc:
        _out(f"Not allowed: {exc}")
        raise typer.Exit(1) from exc
    thread_id = thread or uuid.uuid4().hex
    _out(f"CareForge ({persona}, signed in as {user.username}) - thread {thread_id}. /quit to leave.")

    async def turn(text: str, attachments: list[str]) -> None:
        async for event in agent.astream(
            text, persona=persona, thread_id=thread_id, attachments=attachments, routing=routing, user=user
        ):
            if event.type == "tool":
                _out(f"  [tool] {event.data['tool']} ({event.data['duration_ms']:.1f} ms)")
            elif event.type == "token":  # guidance and findings first, then any checked model sentences
                sys.stdout.write(event.data)
                sys.stdout.flush()
            elif event.type == "done":
                dropped = event.data.flags.get("prose_dropped", [])
                _out(f"\n[{len(dropped)} model sentence(s) left out: not supported by the results]" if dropped else "")

    while True:
        try:
            line = input("> ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if line in ("/quit", "/exit"):
            break
        if not line:
            continue
        attachments: list[str] = []
        if line.startswith("/image "):
            parts = shlex.split(line[7:])
            attachments, line = parts[:1], " ".join(parts[1:]) or "Describe this image."
        asyncio.run(turn(line, attachments))


ingest_app = typer.Typer(help="Load maintenance logs and documents into the vector store.", no_args_is_help=True)
app.add_typer(ingest_app, name="ingest")


def _retriever() -> Retriever:
    from app.service import retriever_for

    return retriever_for(_settings())


def _report(report: IngestReport) -> None:
    _out(report.model_dump_json(indent=2))
    if report.error:
        raise typer.Exit(code=1)


@ingest_app.command("logs")
def ingest_logs_cmd(
    file: Path,
    map_: Annotated[list[str] | None, typer.Option("--map", help="column=field, e.g. --map Fault=problem")] = None,
) -> None:
    """Ingest a CSV or JSONL maintenance log (fields: log_id, problem, action, asset_id, equipment, date)."""
    _admin()  # the vector store is what every answer cites: only an admin adds to it
    from tqdm import tqdm

    from retrieval.ingest import ingest_logs

    mapping = {}
    for item in map_ or []:
        column, _, field = item.partition("=")
        if not field:
            raise typer.BadParameter(f"--map takes column=field, got {item!r}")
        mapping[column] = field
    retriever = _retriever()
    with tqdm(desc=file.name, unit=" rows") as bar:
        report = ingest_logs(
            file, retriever.store, retriever.shorthand, mapping, progress=lambda read: bar.update(read - bar.n)
        )
    _report(report)


@ingest_app.command("docs")
def ingest_docs_cmd(
    directory: Path,
    unvetted: Annotated[bool, typer.Option("--unvetted", help="Mark them unvetted (needed for non-admins).")] = False,
) -> None:
    """Ingest Markdown, text and PDF documents (each with a 'Source:' line).

    Vetted documents are quoted to anyone and need an admin; unvetted ones are labelled and never quoted to a patient.
    """
    from app.service import CareForge
    from retrieval.ingest import ingest_docs

    if not unvetted:
        _admin()
    else:
        _local_user(CareForge(_settings()))  # any signed-in user may add unvetted documents
    _report(ingest_docs(directory, _retriever().store, trust="unvetted" if unvetted else "vetted"))


@ingest_app.command("demo")
def ingest_demo() -> None:
    """Ingest the bundled demo corpora (medical-equipment logs, MaintNet aviation logs, knowledge notes)."""
    _admin()
    from retrieval import DEMO_DATA
    from retrieval.ingest import ingest_docs, ingest_logs

    retriever = _retriever()
    for name in ("medical_equipment_logs.csv", "maintnet_aviation_logs.csv"):
        r = ingest_logs(DEMO_DATA / name, retriever.store, retriever.shorthand)
        _out(f"{name}: read {r.read}, added {r.added}, unchanged {r.unchanged}, malformed {r.malformed}")
    r = ingest_docs(DEMO_DATA / "knowledge", retriever.store)
    _out(f"knowledge: {r.read} documents, added {r.added} chunks, unchanged {r.unchanged}")


@app.command()
def search(
    query: str,
    docs: Annotated[bool, typer.Option("--docs", help="Search the documents instead of the logs.")] = False,
    asset: Annotated[str | None, typer.Option("--asset")] = None,
    k: Annotated[int, typer.Option("-k")] = 5,
) -> None:
    """Search the maintenance logs (or documents) directly, without the agent."""
    r = _retriever()
    result = r.search_knowledge(query, k) if docs else r.search_logs(query, asset=asset, k=k)
    _out(result.model_dump_json(indent=2))


report_app = typer.Typer(help="Drafted reports: show, decide (approve, edit, reject), export.", no_args_is_help=True)
app.add_typer(report_app, name="report")


def _reports(thread: str) -> list[Report]:
    from app.service import CareForge

    reports = asyncio.run(CareForge(_settings()).areports(thread))
    if not reports:
        raise typer.BadParameter(f"thread {thread} has no reports")
    return reports


@report_app.command("show")
def report_show(thread: str) -> None:
    """Print the thread's reports (decided ones, then a draft awaiting review) as Markdown."""
    from tools.reports import to_markdown

    for report in _reports(thread):
        _out(to_markdown(report))


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
) -> None:
    """Approve, edit or reject the draft a paused turn is waiting on; prints the report once, as decided."""
    from pydantic import ValidationError

    from app.service import CareForge
    from tools.reports import Report, ReviewDecision, section_name, to_markdown

    edits = {section_name(k): v for k, v in (item.split("=", 1) for item in edit or [] if "=" in item)}
    # The graph resumes under a persona; roles beyond the three personas decide as the nearest one.
    persona = {"patient": "patient", "technician": "technician", "supervisor": "technician"}.get(role.lower(), "nurse")
    try:
        value = ReviewDecision.model_validate(
            {"decision": decision, "editor": editor, "role": role, "edits": edits, "note": note}
        )
        result = asyncio.run(CareForge(_settings()).adecide(thread, value, persona=persona))
    except (ValidationError, ValueError) as exc:
        raise typer.BadParameter(str(exc)) from exc
    if result.review is not None and result.review.get("error"):
        _out(f"Not applied: {result.review['error']}")
        raise typer.Exit(1)
    if result.review is not None:  # an edit: the changed draft waits for an explicit approve
        _out(to_markdown(Report.model_validate(result.review["report"])))
        _out(f"Edited; still a draft. Approve with: careforge report decide {thread} approve --editor NAME --role ROLE")
        return
    _out(to_markdown(Report.model_validate(result.reports[-1])))


@report_app.command("export")
def report_export(
    thread: str,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, json, pdf, fhir (clinical) or cmms")] = "md",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (stdout for text formats).")] = None,
    draft: Annotated[bool, typer.Option("--draft", help="Export an unapproved draft, marked as such.")] = False,
) -> None:
    """Export the thread's latest approved report (or, with --draft, the latest report marked as a draft)."""
    from tools.reports import ExportRefused, export

    reports = _reports(thread)
    chosen = next((r for r in reversed(reports) if r.status == "approved"), None) or reports[-1]
    try:
        data = export(chosen, fmt, allow_draft=draft)  # type: ignore[arg-type]
    except ExportRefused as exc:
        raise typer.BadParameter(str(exc)) from exc
    if out is not None:
        out.write_bytes(data)
        _out(f"wrote {out} ({len(data)} bytes, {chosen.kind.value} {chosen.id}, {chosen.status})")
    elif fmt == "pdf":
        raise typer.BadParameter("PDF is binary: pass --out FILE")
    else:
        _out(data.decode())


@app.command()
def image(
    path: Path,
    question: Annotated[str, typer.Option("--question", "-q")] = "",
    persona: PersonaOpt = "nurse",
    preview: Annotated[Path | None, typer.Option("--png", help="Also write the model-ready PNG here.")] = None,
) -> None:
    """Analyse one image without the agent: metadata, quality, and a visual read when the model can see."""
    from app.service import CareForge
    from tools.images import UnreadableImage, analyze_image, render_image

    settings = _settings()
    agent = CareForge(settings)
    limits = agent.resources.image_limits
    vision = agent.resources.vision() if agent.resources.vision else None
    output = analyze_image(path, question, persona, vision=vision, limits=limits, preview_dir=settings.preview_dir)
    _out(output.model_dump_json(indent=2))
    if output.error:
        raise typer.Exit(1)
    if preview is not None:
        try:
            preview.write_bytes(render_image(path, limits, question).png)
        except UnreadableImage as exc:  # the file changed under us
            raise typer.BadParameter(str(exc)) from exc


@app.command("eval")
def evaluate(
    routing: Annotated[list[str] | None, typer.Option("--routing", help="rules and/or hybrid (default both)")] = None,
    out: Annotated[Path, typer.Option("--out", help="Where to write the pass table.")] = Path("docs/evaluation.md"),
) -> None:
    """Run the fixed end-to-end evaluation through the real agent and write its pass table."""
    from app.service import CareForge
    from evaluation.report import write_section
    from evaluation.runner import markdown, run_cases
    from retrieval.store import LOGS

    settings = _settings()
    agent = CareForge(settings)
    retriever = agent.resources.retriever() if agent.resources.retriever else None
    if retriever is not None and retriever.store.count(LOGS) == 0:
        _out("The vector store is empty: ingesting the bundled demo data first.")
        ingest_demo()
    caps = agent.capabilities(refresh=True)
    outcomes = []
    for mode in routing or ["rules", "hybrid"]:
        outcomes += asyncio.run(run_cases(agent, mode))
    table = markdown(outcomes, settings.model_name, caps.reachable)
    write_section(out, "end-to-end", table)  # the triage and other component reports in the file stay
    _out(table)
    if not all(o.passed for o in outcomes):
        raise typer.Exit(1)


audit_app = typer.Typer(help="The audit trail: print it, or verify its hash chain.")
app.add_typer(audit_app, name="audit")


@audit_app.callback(invoke_without_command=True)
def audit(
    ctx: typer.Context,
    thread: Annotated[str | None, typer.Option("--thread", help="Only this conversation.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="ISO date or time, e.g. 2026-11-23.")] = None,
    limit: Annotated[int, typer.Option("--limit")] = 200,
) -> None:
    """Print the audit trail (identifiers redacted) as JSON lines."""
    from app.privacy import redact
    from core.audit import AuditLog

    if ctx.invoked_subcommand is not None:
        return
    for row in AuditLog(_settings().audit_path, redact).read(thread, since, limit):
        _out(json.dumps(row))


@audit_app.command("verify")
def audit_verify(as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False) -> None:
    """Check the audit trail's hash chain; exit 1 and name the first broken row when it does not hold."""
    from app.privacy import redact
    from core.audit import AuditLog

    report = AuditLog(_settings().audit_path, redact).verify()
    _out(json.dumps(report.as_dict()) if as_json else report.message())
    if not report.ok:
        raise typer.Exit(1)


users_app = typer.Typer(help="CareForge users and care-team grants (the local user must be an admin).")
app.add_typer(users_app, name="users")


def _admin() -> Any:
    from app.service import CareForge

    agent = CareForge(_settings())
    user = _local_user(agent)
    if user.role.value != "admin":
        _out(f"Not allowed: {user.username} is a {user.role.value}; managing users needs an admin.")
        raise typer.Exit(1)
    return agent.users


@users_app.command("add")
def users_add(
    username: str,
    role: Annotated[
        str, typer.Option("--role", help="patient, nurse, physician, radiologist, technician, supervisor or admin")
    ],
    display: Annotated[str, typer.Option("--display", help="The name shown on reports.")] = "",
    password: Annotated[
        str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True, envvar="CAREFORGE_NEW_PASSWORD")
    ] = "",
) -> None:
    """Create a user (the password is asked for, or read from CAREFORGE_NEW_PASSWORD)."""
    try:
        user = _admin().add(username, password, role, display)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    _out(f"Created {user.username} ({user.role.value}).")


@users_app.command("list")
def users_list(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """The users and their roles."""
    users = _admin().users()
    _out(
        json.dumps([u.model_dump(mode="json") for u in users])
        if as_json
        else "\n".join(f"{u.username}\t{u.role.value}\t{u.display_name}" for u in users)
    )


@users_app.command("grant")
def users_grant(clinician: str, patient: str) -> None:
    """Put a clinician on a patient's care team: they may open the patient's conversations."""
    _admin().grant(clinician, patient)
    _out(f"{clinician} may now open {patient}'s conversations.")


@app.command()
def config() -> None:
    """Print the effective settings (secrets masked)."""
    _out(json.dumps(_settings().masked(), indent=2))


@app.command()
def doctor() -> None:
    """Probe the model endpoint and report what it can do."""
    from core.llm import probe_endpoint
    from tools.drugs import default_knowledge_base

    settings = _settings()
    caps = probe_endpoint(settings)
    kb = default_knowledge_base()
    report = {
        "model_endpoint": caps.model_dump(),
        "vision_trusted_why": (
            "the endpoint accepts images and CAREFORGE_MODEL_VISION_TRUSTED is true"
            if caps.vision_trusted
            else "the endpoint does not accept images"
            if not caps.accepts_images
            else "CAREFORGE_MODEL_VISION_TRUSTED is false: images are not sent for a visual read"
        ),
        "answer_quality": _answer_quality(caps.reachable, settings.model_name, settings.addendum_tokens),
        "drug_knowledge_base": kb.meta,
    }
    _out(json.dumps(report, indent=2, default=str))
    if not caps.reachable:
        raise typer.Exit(code=1)


def _answer_quality(reachable: bool, model: str, budget: int) -> str:
    """Which answer this endpoint gives, in words (the README's table says the same)."""
    if not reachable:
        return "model down: answers are composed from the tool results alone (complete, no model sentences)"
    if budget == 0:
        return "model passage off (CAREFORGE_ADDENDUM_TOKENS=0): answers are composed from the tool results"
    if "smollm2" in model.lower():
        return (
            "embedded SmolLM2-135M: the composed answer, plus at most a few model sentences that pass the "
            "grounding check (most are dropped; the composed answer carries the facts)"
        )
    return f"{model}: the composed answer plus up to {budget} tokens of checked model sentences"


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to bind; 0.0.0.0 only behind TLS and a firewall.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port")] = 8080,
) -> None:
    """Serve the HTTP API (/v1: turns, threads, reports, images, ingestion, OpenAI-compatible chat)."""
    import uvicorn

    from careforge_http import create_app

    uvicorn.run(create_app(settings=_settings()), host=host, port=port, log_level="info")


@llm_app.command("serve")
def llm_serve(
    profile: Annotated[str | None, typer.Option("--profile", help="A GPU profile name.")] = None,
    print_only: Annotated[bool, typer.Option("--print", help="Print the command, do not run it.")] = False,
    foreground: Annotated[bool, typer.Option("--foreground", help="Stay attached; Ctrl-C stops the server.")] = False,
    vision: Annotated[
        bool,
        typer.Option("--tiny-vlm", help="Serve the tiny Idefics3 built from SmolLM2 (image path proof) on port+2."),
    ] = False,
) -> None:
    """Start the embedded CPU server (default) or a documented GPU profile."""
    from model_server import embedded
    from model_server.profiles import PROFILES

    settings = _settings()
    if profile is not None:
        if profile not in PROFILES:
            raise typer.BadParameter(f"unknown profile {profile!r}; choose one of: {', '.join(PROFILES)}")
        cmd = PROFILES[profile].command()
        _out(shlex.join(cmd))
        if PROFILES[profile].notes:
            _out(f"# {PROFILES[profile].notes}")
        if not print_only:
            import subprocess

            raise typer.Exit(subprocess.call(cmd))  # noqa: S603
        return
    server = embedded.EmbeddedServer(
        settings.data_dir,
        port=settings.embedded_port + (2 if vision else 0),
        variant="vision" if vision else "text",
    )
    if print_only:
        _out(shlex.join(server.command()))
        return
    _out(f"Starting the embedded vLLM server (log: {server.log_file}) ...")
    pid = embedded.start(server, wait_s=600 if vision else 300)
    _out(f"Ready at {server.base_url} (pid {pid}).")
    if foreground:
        try:
            while embedded.is_ready(server, timeout_s=5):
                import time

                time.sleep(2)
        except KeyboardInterrupt:
            pass
        finally:
            embedded.stop(server)
            _out("Stopped.")


@llm_app.command("stop")
def llm_stop() -> None:
    """Stop the embedded server."""
    from model_server import embedded

    settings = _settings()
    stopped = embedded.stop(embedded.EmbeddedServer(settings.data_dir, port=settings.embedded_port))
    embedded.stop(embedded.EmbeddedServer(settings.data_dir, port=settings.embedded_port + 2, variant="vision"))
    _out("Stopped." if stopped else "No embedded server was running.")


@llm_app.command("profiles")
def llm_profiles() -> None:
    """List the GPU serving profiles."""
    from model_server.profiles import PROFILES

    for p in PROFILES.values():
        _out(f"{p.name:18} {p.description}")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
