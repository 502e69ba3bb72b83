"""Ingestion of maintenance logs (CSV, JSONL) with stable, content-derived ids; documents: ``ingest_docs``."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from retrieval.records import IngestReport, LogEntry
from retrieval.shorthand import Shorthand
from retrieval.store import LOGS, EmbedderMismatch, VectorStore

BATCH = 256
# Part of every log entry's content hash: raise it when what is embedded or stored for an entry changes, so that
# ingesting again refreshes entries stored the old way. 2: embed the normalised problem, store problem keys.
LOG_INDEX_VERSION = "2"
MAX_FIELD = 10_000  # characters; longer fields are malformed rows, not silently truncated data
# Column names seen in real log exports, mapped to LogEntry fields (a --map column=field overrides them).
DEFAULT_COLUMNS = {
    "ident": "log_id",
    "log_id": "log_id",
    "id": "log_id",
    "work_order": "log_id",
    "wo": "log_id",
    "problem": "problem",
    "description": "problem",
    "fault": "problem",
    "symptom": "problem",
    "action": "action",
    "resolution": "action",
    "fix": "action",
    "work_done": "action",
    "asset_id": "asset_id",
    "asset": "asset_id",
    "equipment_id": "asset_id",
    "equipment": "equipment",
    "equipment_type": "equipment",
    "type": "equipment",
    "date": "date",
    "reported": "date",
    "location": "location",
}
Progress = Callable[[int], None]  # called with the rows read so far


def stable_hash(*parts: str) -> str:
    """A short content hash: an unchanged entry keeps its id and is not re-embedded."""
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


def _rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    if path.suffix.lower() == ".jsonl":
        with path.open(encoding="utf-8", errors="replace") as fh:
            for n, line in enumerate(fh, start=1):
                if line.strip():
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as exc:
                        yield n, {"__error__": f"invalid JSON ({exc.msg})"}
                        continue
                    yield n, row if isinstance(row, dict) else {"__error__": "not a JSON object"}
    else:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh), start=2):
                yield n, row


def _entry(row: dict[str, Any], mapping: dict[str, str], path: Path, n: int) -> LogEntry | str:
    if "__error__" in row:
        return str(row["__error__"])
    fields: dict[str, Any] = {}
    for column, value in row.items():
        target = mapping.get(str(column).strip().lower())
        if target and value not in (None, ""):
            text = str(value).strip()
            if len(text) > MAX_FIELD:
                return f"field {column!r} longer than {MAX_FIELD} characters"
            fields.setdefault(target, text)
    if not fields.get("problem"):
        return "no problem/description text"
    if fields.get("date"):
        try:
            fields["date"] = dt.date.fromisoformat(fields["date"][:10]).isoformat()
        except ValueError:
            return f"unreadable date {fields['date']!r}"
    fields.setdefault("log_id", stable_hash(path.name, fields["problem"], fields.get("action", "")))
    try:
        return LogEntry(**fields, source_file=path.name, source_row=n)
    except ValidationError as exc:
        return exc.errors()[0]["msg"]


def ingest_logs(
    path: Path,
    store: VectorStore,
    shorthand: Shorthand,
    mapping: dict[str, str] | None = None,
    progress: Progress | None = None,
    collection: str = LOGS,
) -> IngestReport:
    """Ingest a CSV or JSONL log file. Re-running it (even after an interruption) converges to the same collection."""
    report = IngestReport(source=str(path), collection=collection)
    started = time.perf_counter()
    if not path.is_file():
        report.error = f"no such file: {path}"
        return report
    if path.suffix.lower() not in (".csv", ".jsonl"):
        report.error = f"unsupported log format {path.suffix!r}: use .csv or .jsonl"
        return report
    if (mismatch := embedder_mismatch(store, collection)) is not None:
        report.error = mismatch
        return report
    columns = {**DEFAULT_COLUMNS, **{k.lower(): v for k, v in (mapping or {}).items()}}
    batch: list[LogEntry] = []

    def flush() -> None:
        ids = [f"log:{e.log_id}" for e in batch]
        hashes = [
            stable_hash(LOG_INDEX_VERSION, e.text, e.asset_id or "", e.date or "", e.equipment or "") for e in batch
        ]
        have = store.existing(collection, ids)
        todo = [i for i, (cid, h) in enumerate(zip(ids, hashes, strict=True)) if have.get(cid) != h]
        report.unchanged += len(batch) - len(todo)
        if todo:
            store.upsert(
                collection,
                [ids[i] for i in todo],
                [batch[i].text for i in todo],
                [shorthand.normalise(batch[i].match_text) for i in todo],
                [_log_metadata(batch[i], hashes[i], shorthand) for i in todo],
            )
            report.added += len(todo)
        batch.clear()

    seen: set[str] = set()
    try:
        for n, row in _rows(path):
            report.read += 1
            entry = _entry(row, columns, path, n)
            if isinstance(entry, str):
                report.malformed += 1
                if len(report.malformed_examples) < 5:
                    report.malformed_examples.append(f"row {n}: {entry}")
                continue
            if entry.log_id in seen:  # a repeated id in one file would overwrite its twin
                entry.log_id = f"{entry.log_id}-{n}"
            seen.add(entry.log_id)
            batch.append(entry)
            if len(batch) >= BATCH:
                flush()
                if progress:
                    progress(report.read)
        if batch:
            flush()
    except (OSError, csv.Error, UnicodeError) as exc:
        report.error = f"{type(exc).__name__}: {exc}"
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def embedder_mismatch(store: VectorStore, collection: str) -> str | None:
    """Why the collection cannot take vectors from this embedder, or None when it can."""
    try:
        store.collection(collection)
    except EmbedderMismatch as exc:
        return str(exc)
    return None


def _log_metadata(entry: LogEntry, content_hash: str, shorthand: Shorthand) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "log_id": entry.log_id,
        "source_file": entry.source_file,
        "source_row": entry.source_row,
        "content_hash": content_hash,
        "dup_key": shorthand.duplicate_key(entry.text),  # identical entries
        "problem_key": shorthand.duplicate_key(entry.problem),  # the same problem, perhaps another fix
        "problem": entry.problem[:500],
    }
    for key in ("asset_id", "equipment", "date", "location"):
        value = getattr(entry, key)
        if value:
            meta[key] = value.lower() if key == "equipment" else value
    if entry.date:
        meta["date_ord"] = dt.date.fromisoformat(entry.date).toordinal()  # Chroma filters compare numbers
    return meta
