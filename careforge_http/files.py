"""Images (upload, then attach by id to a turn) and ingestion of logs and documents as jobs with progress."""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, UploadFile
from pydantic import BaseModel

from careforge_http.auth import Principal
from careforge_http.errors import RESPONSES, ApiError
from careforge_http.runtime import PrincipalDep, Runtime, RuntimeDep
from careforge_http.store import write_atomically
from core.database import private_dir
from tools.images.formats import UnreadableImage, detect_kind

router = APIRouter(prefix="/v1", tags=["files"], responses=RESPONSES)
_CHUNK = 1024 * 1024


class ImageInfo(BaseModel):
    """A stored upload; pass ``id`` in a turn's ``attachments``."""

    id: str
    name: str
    size: int
    kind: str


class Job(BaseModel):
    """An ingestion job: ``queued``, ``running``, ``succeeded`` or ``failed``, with progress and the ingest report."""

    id: str
    kind: str
    status: str
    done: int
    total: int
    fraction: float
    report: dict[str, Any] | None = None
    error: str | None = None
    created_at: str
    updated_at: str


def store_image(runtime: Runtime, principal: Principal, name: str, data: bytes) -> ImageInfo:
    """Check an image's size and type from its bytes, then keep it for the caller."""
    limit = min(runtime.http.max_upload_mb, runtime.agent.settings.image_max_mb) * 1024 * 1024
    if len(data) > limit:
        raise ApiError(413, "payload_too_large", f"the image is larger than {limit:,} bytes")
    if not data:
        raise ApiError(422, "invalid_request", "the image is empty")
    try:
        kind = detect_kind(data[:512])
    except UnreadableImage as exc:
        raise ApiError(415, "unsupported_media_type", str(exc)) from exc
    # One folder per user (by a digest of the name, never the name itself): uploads are not shared across users.
    path = write_atomically(runtime.upload_folder(principal), name, data)
    upload_id = uuid.uuid4().hex
    display = Path(name).name or "upload"
    runtime.store.add_upload(upload_id, principal.username, path, display, len(data), kind.value, data)
    return ImageInfo(id=upload_id, name=Path(name).name or "upload", size=len(data), kind=kind.value)


async def _read(upload: UploadFile, limit: int) -> bytes:
    chunks, size = [], 0
    while chunk := await upload.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "payload_too_large", f"{upload.filename or 'the file'} is larger than {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post("/images", status_code=201, response_model=ImageInfo, summary="Upload an image")
async def upload_image(
    file: Annotated[UploadFile, File(description="DICOM, PNG, JPEG or WebP")],
    runtime: RuntimeDep,
    principal: PrincipalDep,
) -> ImageInfo:
    """Store an image; its type is read from its bytes (415 otherwise); refer to its id in a turn."""
    data = await _read(file, runtime.http.max_upload_mb * 1024 * 1024)
    return await asyncio.to_thread(store_image, runtime, principal, file.filename or "upload", data)


def _job(row: dict[str, Any]) -> Job:
    total = max(1, int(row["total"]))
    fraction = 1.0 if row["status"] == "succeeded" else min(0.99, int(row["done"]) / total)
    return Job(**{k: v for k, v in row.items() if k != "user"}, fraction=round(fraction, 3))


def _may_ingest(runtime: Runtime, principal: Principal) -> Any:
    if not principal.ingest:
        raise ApiError(403, "forbidden", "this key may not ingest data (set ingest = true on its entry)")
    if runtime.agent.resources.retriever is None:
        raise ApiError(503, "no_vector_store", "this deployment has no vector store configured")
    return runtime.agent.resources.retriever


def _start_job(runtime: Runtime, principal: Principal, kind: str, total: int, work: Any, cleanup: Path) -> Job:
    job_id = uuid.uuid4().hex
    runtime.store.add_job(job_id, principal.username, kind, total)
    last = [0.0]

    def progress(done: int) -> None:
        if time.monotonic() - last[0] > 0.2:  # a row per progress tick would make SQLite the bottleneck
            last[0] = time.monotonic()
            runtime.store.update_job(job_id, "running", done=done)

    async def run() -> None:
        runtime.store.update_job(job_id, "running")
        try:
            report = await asyncio.to_thread(work, progress)
            status = "failed" if report.error else "succeeded"
            runtime.store.update_job(
                job_id, status, done=report.read, report=report.model_dump(mode="json"), error=report.error
            )
        except Exception as exc:  # the job records the failure; the server stays up
            runtime.store.update_job(job_id, "failed", error=f"{type(exc).__name__}: {exc}"[:500])
        finally:
            shutil.rmtree(cleanup, ignore_errors=True)

    runtime.keep(asyncio.get_running_loop().create_task(run(), name=f"job-{job_id}"))
    row = runtime.store.job(job_id, principal.username)
    assert row is not None
    return _job(row)


@router.post("/ingest/logs", status_code=202, response_model=Job, summary="Ingest a maintenance log (job)")
async def ingest_logs(
    file: Annotated[UploadFile, File(description="CSV or JSONL")],
    runtime: RuntimeDep,
    principal: PrincipalDep,
    mapping: Annotated[str | None, Form(description='JSON object column -> field, e.g. {"Fault": "problem"}')] = None,
) -> Job:
    """Start ingesting the log; poll ``GET /v1/jobs/{id}`` for progress and the report."""
    retriever = _may_ingest(runtime, principal)
    try:
        columns = json.loads(mapping) if mapping else None
    except json.JSONDecodeError as exc:
        raise ApiError(400, "malformed_json", f"mapping is not JSON: {exc}") from exc
    if columns is not None and not (isinstance(columns, dict) and all(isinstance(v, str) for v in columns.values())):
        raise ApiError(422, "invalid_request", "mapping is a JSON object of column name to field name")
    data = await _read(file, runtime.http.max_ingest_mb * 1024 * 1024)
    folder = Path(tempfile.mkdtemp(prefix="ingest-", dir=private_dir(runtime.agent.settings.upload_dir)))
    path = write_atomically(folder, file.filename or "log.csv", data)
    work = lambda progress: runtime.ingesters.logs(path, retriever(), columns, progress)  # noqa: E731
    return _start_job(runtime, principal, "logs", max(1, data.count(b"\n")), work, folder)


@router.post("/ingest/docs", status_code=202, response_model=Job, summary="Ingest documents (job)")
async def ingest_docs(
    files: Annotated[list[UploadFile], File(description="Markdown, text or PDF, each with a 'Source:' line")],
    runtime: RuntimeDep,
    principal: PrincipalDep,
) -> Job:
    """Start ingesting the documents; poll ``GET /v1/jobs/{id}``."""
    retriever = _may_ingest(runtime, principal)
    folder = Path(tempfile.mkdtemp(prefix="ingest-", dir=private_dir(runtime.agent.settings.upload_dir)))
    for upload in files:
        name = Path(upload.filename or "doc.md").name
        (folder / name).write_bytes(await _read(upload, runtime.http.max_ingest_mb * 1024 * 1024))
    work = lambda progress: runtime.ingesters.docs(folder, retriever())  # noqa: E731
    return _start_job(runtime, principal, "docs", len(files), work, folder)


@router.get("/jobs/{job_id}", response_model=Job, summary="An ingestion job's progress")
async def get_job(job_id: str, runtime: RuntimeDep, principal: PrincipalDep) -> Job:
    """Status, rows done of the estimated total, and the ingest report at the end."""
    row = runtime.store.job(job_id, principal.username)
    if row is None:
        raise ApiError(404, "job_not_found", f"no job {job_id}")
    return _job(row)
