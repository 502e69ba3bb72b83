"""Administration: users and care-team grants, and the audit trail."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from app.cli.common import JsonOpt, admin, dump, fail, out, settings

audit_app = typer.Typer(help="The audit trail: print it, or verify its hash chain.")
users_app = typer.Typer(help="CareForge users and care-team grants (the local user must be an admin).")


@audit_app.callback(invoke_without_command=True)
def audit(
    ctx: typer.Context,
    thread: Annotated[str | None, typer.Option("--thread", help="Only this conversation.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="ISO date or time, e.g. 2026-11-23.")] = None,
    limit: Annotated[int, typer.Option("--limit")] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array instead of JSON lines.")] = False,
) -> None:
    """Print the audit trail (identifiers redacted) as JSON lines."""
    from app.admin import audit_rows

    if ctx.invoked_subcommand is not None:
        return
    rows = audit_rows(settings(), thread, since, limit)
    if as_json:
        dump(list(rows))
        return
    for row in rows:
        out(json.dumps(row))


@audit_app.command("verify")
def audit_verify(as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False) -> None:
    """Check the audit trail's hash chain; exit 1 and name the first broken row when it does not hold."""
    from app.admin import verify_audit

    report = verify_audit(settings())
    out(json.dumps(report.as_dict()) if as_json else report.message())
    if not report.ok:
        raise typer.Exit(1)


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
    store = admin()
    if store.get(username) is not None:
        fail(f"user {username!r} exists")
    try:
        user = store.add(username, password, role, display)
    except ValueError as exc:  # a bad name, a short password or an unknown role
        raise typer.BadParameter(str(exc)) from exc
    out(f"Created {user.username} ({user.role.value}).")


@users_app.command("list")
def users_list(as_json: JsonOpt = False) -> None:
    """The users and their roles."""
    users = admin().users()
    out(
        json.dumps([u.model_dump(mode="json") for u in users])
        if as_json
        else "\n".join(f"{u.username}\t{u.role.value}\t{u.display_name}" for u in users)
    )


@users_app.command("grant")
def users_grant(clinician: str, patient: str) -> None:
    """Put a clinician on a patient's care team: they may open the patient's conversations."""
    store = admin()
    for name in (clinician, patient):
        if store.get(name) is None:
            fail(f"no such user {name!r}; list them with: careforge users list")
    store.grant(clinician, patient)
    out(f"{clinician} may now open {patient}'s conversations.")
