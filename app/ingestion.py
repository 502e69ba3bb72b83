"""Ingestion as a front end offers it: a preview, a column mapping the user confirms, a plain count of the result."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from app.service import CareForge
from retrieval.records import IngestReport  # plain records; the retrieval stack loads only when an ingest runs

if TYPE_CHECKING:
    from retrieval.search import Retriever

__all__ = [
    "FIELDS",
    "IGNORE",
    "IngestReport",
    "Outcome",
    "Preview",
    "can_ingest",
    "demo_sources",
    "ingest_documents",
    "ingest_folder",
    "ingest_log",
    "ingest_log_file",
    "preview",
    "store_counts",
    "suggest",
]

# What a maintenance-log entry is made of, in the words the page shows; "problem" is the one a row cannot lack.
FIELDS = {
    "problem": "Problem (what went wrong) - required",
    "action": "Action (what fixed it)",
    "date": "Date",
    "equipment": "Equipment type",
    "asset_id": "Asset id",
    "log_id": "Entry id",
    "location": "Location",
}
IGNORE = ""
# Header words seen in real exports, beyond the ones the ingester knows itself.
_GUESSES = {
    "problem": (
        "problem",
        "issue",
        "fault",
        "symptom",
        "description",
        "complaint",
        "error",
        "defect",
        "reported_issue",
    ),
    "action": ("action", "fix", "resolution", "repair", "remedy", "work_done", "corrective_action", "solution"),
    "date": ("date", "when", "reported", "opened", "timestamp", "day"),
    "equipment": ("equipment", "device", "equipment_type", "type", "model", "machine"),
    "asset_id": ("asset_id", "asset", "equipment_id", "device_id", "serial", "tag"),
    "log_id": ("log_id", "id", "ident", "work_order", "wo", "ticket"),
    "location": ("location", "site", "ward", "room", "department"),
}


class Preview(BaseModel):
    """The first rows of a log file, its columns and the mapping CareForge suggests for them."""

    columns: list[str]
    rows: list[dict[str, Any]]
    suggested: dict[str, str]  # column -> field, or "" to ignore it
    error: str | None = None


class Outcome(BaseModel):
    """What an ingest did, in counts a person can read."""

    read: int = 0
    added: int = 0
    unchanged: int = 0
    skipped: int = 0
    reasons: list[str] = []
    error: str | None = None

    @classmethod
    def of(cls, report: IngestReport) -> Outcome:
        """The counts of a retrieval ingest report."""
        return cls(
            read=report.read,
            added=report.added,
            unchanged=report.unchanged,
            skipped=report.malformed,
            reasons=report.malformed_examples,
            error=report.error,
        )


def _key(column: str) -> str:
    return "_".join(column.strip().lower().replace("-", " ").split())


def suggest(columns: list[str]) -> dict[str, str]:
    """A field for each column the words of its header name (each field used once), else nothing."""
    taken: set[str] = set()
    mapping: dict[str, str] = {}
    for column in columns:
        key = _key(column)
        field = next((f for f, words in _GUESSES.items() if key in words and f not in taken), IGNORE)
        if field:
            taken.add(field)
        mapping[column] = field
    return mapping


def _records(name: str, data: bytes) -> tuple[list[str], list[dict[str, Any]]]:
    text = data.decode("utf-8-sig", errors="replace")
    if name.lower().endswith(".jsonl"):
        rows: list[dict[str, Any]] = []
        for line in text.splitlines():
            if line.strip():
                try:
                    value = json.loads(line)
                except json.JSONDecodeError:
                    value = None
                rows.append(value if isinstance(value, dict) else {"__error__": "not a JSON object"})
        columns = list(dict.fromkeys(k for r in rows for k in r if k != "__error__"))
        return columns, rows
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return list(reader.fieldnames or []), list(reader)


def preview(name: str, data: bytes, rows: int = 5) -> Preview:
    """The columns and first rows of an uploaded CSV or JSONL log, with a suggested mapping."""
    try:
        columns, records = _records(name, data)
    except csv.Error as exc:
        return Preview(columns=[], rows=[], suggested={}, error=f"not a readable CSV file ({exc})")
    if not columns:
        return Preview(columns=[], rows=[], suggested={}, error="the file has no header row or no fields")
    shown = [{c: r.get(c, "") for c in columns} for r in records[:rows]]
    return Preview(columns=columns, rows=shown, suggested=suggest(columns))


def _rewrite(name: str, data: bytes, mapping: dict[str, str], folder: Path) -> Path:
    """The file with only the mapped columns, named by their fields (row numbers unchanged for the reasons)."""
    _columns, records = _records(name, data)
    chosen = {c: f for c, f in mapping.items() if f}
    path = folder / Path(name).name
    if path.suffix.lower() == ".jsonl":
        lines = []
        for r in records:
            out = {"__error__": r["__error__"]} if "__error__" in r else {f: r.get(c) for c, f in chosen.items()}
            lines.append(json.dumps(out) if "__error__" not in out else "[]")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(dict.fromkeys(chosen.values())))
        writer.writeheader()
        for r in records:
            writer.writerow({f: r.get(c, "") for c, f in chosen.items()})
    return path


def can_ingest(agent: CareForge) -> bool:
    """Whether this deployment has a vector store to ingest into."""
    return agent.resources.retriever is not None


def ingest_log(
    agent: CareForge,
    name: str,
    data: bytes,
    mapping: dict[str, str],
    progress: Callable[[int], None] | None = None,
) -> Outcome:
    """Ingest a maintenance log with the user's column mapping (column -> field; "" ignores the column)."""
    if agent.resources.retriever is None:
        return Outcome(error="this deployment has no vector store configured")
    if "problem" not in mapping.values():
        return Outcome(error="choose the column that says what went wrong (Problem): every entry needs one")
    from retrieval.ingest import ingest_logs

    retriever = agent.resources.retriever()
    with tempfile.TemporaryDirectory() as folder:
        path = _rewrite(name, data, mapping, Path(folder))
        report = ingest_logs(path, retriever.store, retriever.shorthand, progress=progress)
    return Outcome.of(report)


def ingest_documents(agent: CareForge, files: list[tuple[str, bytes]]) -> Outcome:
    """Ingest Markdown, text or PDF documents (each with a 'Source:' line) as vetted knowledge."""
    if agent.resources.retriever is None:
        return Outcome(error="this deployment has no vector store configured")
    from retrieval.ingest_docs import ingest_docs

    with tempfile.TemporaryDirectory() as folder:
        for name, data in files:
            (Path(folder) / Path(name).name).write_bytes(data)
        report = ingest_docs(Path(folder), agent.resources.retriever().store)
    return Outcome.of(report)


def store_counts(agent: CareForge) -> tuple[int, int] | None:
    """Log entries and document passages in the vector store (None without one); raises what the store raises."""
    if agent.resources.retriever is None:
        return None
    from retrieval.store import DOCS, LOGS

    store = agent.resources.retriever().store
    return store.count(LOGS), store.count(DOCS)


def ingest_log_file(
    retriever: Retriever,
    path: Path,
    mapping: dict[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest a CSV or JSONL maintenance log from disk (``mapping``: column -> field, for headers it does not know)."""
    from retrieval.ingest import ingest_logs

    return ingest_logs(path, retriever.store, retriever.shorthand, mapping, progress=progress)


def ingest_folder(
    retriever: Retriever, directory: Path, trust: str = "vetted", progress: Callable[[int], None] | None = None
) -> IngestReport:
    """Ingest the Markdown, text and PDF documents of a folder as vetted (or unvetted) knowledge."""
    from retrieval.ingest_docs import ingest_docs

    return ingest_docs(directory, retriever.store, trust=trust, progress=progress)


def demo_sources() -> tuple[list[Path], Path]:
    """The bundled demo corpora: the maintenance logs (medical equipment, MaintNet aviation) and the knowledge notes."""
    from retrieval import DEMO_DATA

    logs = [DEMO_DATA / name for name in ("medical_equipment_logs.csv", "maintnet_aviation_logs.csv")]
    return logs, DEMO_DATA / "knowledge"
