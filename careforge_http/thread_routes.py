"""Threads (list, history, rename, delete) and their reports (list, decide, export), as the agent lets the key's user.

Every facade call carries the user: the agent decides what they may open (their own threads; a care team's patients;
everything for an admin) and which reports their role may decide. A thread they may not open answers 404.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from fastapi import Path as PathParam
from pydantic import BaseModel, Field

from careforge_http.auth import Principal
from careforge_http.errors import RESPONSES, ApiError
from careforge_http.runtime import PrincipalDep, Runtime, RuntimeDep, thread_missing
from careforge_http.turns import THREAD_ID
from core.threads import ThreadInfo
from tools.reports import ExportRefused, Report, export

router = APIRouter(prefix="/v1/threads", tags=["threads"], responses=RESPONSES)
ThreadPath = Annotated[str, PathParam(pattern=THREAD_ID)]


class ThreadList(BaseModel):
    """The caller's threads, most recent first."""

    threads: list[ThreadInfo]


class ThreadHistory(BaseModel):
    """A thread and its visible conversation."""

    thread: ThreadInfo
    messages: list[dict[str, str]]


class Rename(BaseModel):
    """A new title."""

    title: str = Field(min_length=1, max_length=120)


class Decision(BaseModel):
    """A reviewer's decision; who decides and in which role come from the key's user, never from the body."""

    decision: Literal["approve", "edit", "reject"]
    edits: dict[str, str] = Field(default_factory=dict, description="Section name to new text (decision 'edit').")
    note: str = Field("", max_length=2000)


class ReportList(BaseModel):
    """Decided reports, then a draft awaiting review (if any)."""

    reports: list[Report]
    awaiting_review: bool


MEDIA = {
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
    "pdf": "application/pdf",
    "fhir": "application/fhir+json",
}


async def _reports(runtime: Runtime, thread_id: str, principal: Principal) -> list[Report]:
    try:
        return await runtime.agent.areports(thread_id, user=principal.user)
    except PermissionError as exc:
        raise thread_missing(thread_id) from exc


@router.get("", response_model=ThreadList, summary="List your threads")
async def list_threads(
    runtime: RuntimeDep, principal: PrincipalDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> ThreadList:
    """The threads the key's user may list (their own; an admin's is everyone's), most recently used first."""
    return ThreadList(threads=runtime.list_threads(principal, limit))


@router.get("/{thread_id}", response_model=ThreadHistory, summary="A thread and its messages")
async def get_thread(thread_id: ThreadPath, runtime: RuntimeDep, principal: PrincipalDep) -> ThreadHistory:
    """The thread's index entry and its user messages and final answers."""
    info = runtime.owned(thread_id, principal)
    try:
        messages = await runtime.agent.ahistory(thread_id, user=principal.user)
    except PermissionError as exc:
        raise thread_missing(thread_id) from exc
    return ThreadHistory(thread=info, messages=messages)


@router.patch("/{thread_id}", response_model=ThreadInfo, summary="Rename a thread")
async def rename_thread(
    thread_id: ThreadPath, body: Rename, runtime: RuntimeDep, principal: PrincipalDep
) -> ThreadInfo:
    """Give the thread a new title."""
    runtime.owned(thread_id, principal)
    try:
        runtime.agent.threads.rename(thread_id, body.title)
    except ValueError as exc:  # a title of only spaces
        raise ApiError(422, "invalid_request", str(exc)) from exc
    return runtime.owned(thread_id, principal)


@router.delete("/{thread_id}", status_code=204, summary="Delete a thread")
async def delete_thread(thread_id: ThreadPath, runtime: RuntimeDep, principal: PrincipalDep) -> Response:
    """Delete the conversation and its index entry (the audit trail keeps its redacted rows)."""
    runtime.owned(thread_id, principal)
    await runtime.delete_thread(thread_id)
    return Response(status_code=204)


@router.get("/{thread_id}/reports", response_model=ReportList, summary="The thread's reports")
async def list_reports(thread_id: ThreadPath, runtime: RuntimeDep, principal: PrincipalDep) -> ReportList:
    """Decided reports, then the draft awaiting review."""
    runtime.owned(thread_id, principal)
    reports = await _reports(runtime, thread_id, principal)
    return ReportList(reports=reports, awaiting_review=bool(reports) and reports[-1].status == "draft")


@router.post("/{thread_id}/reports/decision", summary="Approve, edit or reject the draft awaiting review")
async def decide_report(thread_id: ThreadPath, body: Decision, runtime: RuntimeDep, principal: PrincipalDep) -> Report:
    """Apply the decision as the key's user and role; 403 when that role may not decide this kind of report.

    The agent sets the editor and role from the user and its report policy refuses a role that may not decide (the
    draft then still waits, with the reason). ``edit`` changes sections and leaves a draft; ``approve`` is its own step.
    """
    runtime.owned(thread_id, principal)
    reports = await _reports(runtime, thread_id, principal)
    if not reports or reports[-1].status != "draft":
        raise ApiError(409, "nothing_to_review", f"thread {thread_id} has no report awaiting review")
    draft = reports[-1]
    decision = {"decision": body.decision, "edits": body.edits, "note": body.note}
    try:
        result = await runtime.agent.adecide(thread_id, decision, persona=principal.personas[0], user=principal.user)
    except PermissionError as exc:
        raise thread_missing(thread_id) from exc
    except ValueError as exc:  # decided meanwhile by another request
        raise ApiError(409, "nothing_to_review", str(exc)) from exc
    if result.review is not None:  # refused by the report policy: still paused on the same draft, nothing lost
        reason = str(result.review.get("error") or "the decision was not applied")
        if principal.user.role.value not in result.review.get("approvers", ()):
            raise ApiError(403, "role_cannot_decide", reason)
        raise ApiError(422, "decision_refused", reason)
    runtime.after_turn(result, principal, decided=True)
    reports = await _reports(runtime, thread_id, principal)  # after an edit, the draft waits again: it is the last
    return next((r for r in reports if r.id == draft.id), reports[-1])


@router.get(
    "/{thread_id}/reports/export",
    summary="Export the latest approved report",
    response_class=Response,
    responses={200: {"content": {m: {} for m in MEDIA.values()}, "description": "the report in the format asked"}},
)
async def export_report(
    thread_id: ThreadPath,
    runtime: RuntimeDep,
    principal: PrincipalDep,
    format: Literal["md", "json", "pdf", "fhir"] = "md",  # noqa: A002 - the public query parameter's name
    draft: bool = False,
) -> Response:
    """The latest approved report (or with ``draft=true`` the latest report, marked as a draft), as the CLI does."""
    runtime.owned(thread_id, principal)
    reports = await _reports(runtime, thread_id, principal)
    if not reports:
        raise ApiError(404, "report_not_found", f"thread {thread_id} has no reports")
    chosen = next((r for r in reversed(reports) if r.status == "approved"), None) or reports[-1]
    try:
        data = export(chosen, format, allow_draft=draft)
    except ExportRefused as exc:
        raise ApiError(409, "export_refused", str(exc)) from exc
    extension = {"md": "md", "json": "json", "pdf": "pdf", "fhir": "fhir.json"}[format]
    disposition = f'attachment; filename="{chosen.kind.value}-{chosen.id}.{extension}"'
    return Response(data, media_type=MEDIA[format], headers={"Content-Disposition": disposition})
