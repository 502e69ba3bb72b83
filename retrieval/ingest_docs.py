"""Ingestion of documents (Markdown, text, PDF): heading-aware chunks with stable, content-derived ids."""

from __future__ import annotations

import re
import time
from pathlib import Path

from retrieval.ingest import BATCH, Progress, embedder_mismatch, stable_hash
from retrieval.records import DocChunk, IngestReport
from retrieval.store import DOCS, VectorStore

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


DOC_SUFFIXES = (".md", ".txt", ".pdf")


def read_document(path: Path) -> tuple[str, str | None]:
    """The text of a Markdown, text or PDF file, and the PDF's own title if it has one.

    Raises ValueError with a readable reason for a PDF that cannot be read (corrupt, encrypted, image-only).
    """
    if path.suffix.lower() != ".pdf":
        return path.read_text(encoding="utf-8", errors="replace"), None
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise ValueError("the PDF is encrypted")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
        title = reader.metadata.title if reader.metadata else None
    except (PdfReadError, OSError, KeyError, TypeError) as exc:
        raise ValueError(f"the PDF cannot be read: {exc}") from exc
    if not text.strip():
        raise ValueError("the PDF has no extractable text (scanned pages need OCR)")
    return text, title


def chunk_document(path: Path, size: int = 800, overlap: int = 150) -> list[DocChunk]:
    """Split a Markdown, text or PDF file by section, then into overlapping chunks that keep title and section."""
    text, pdf_title = read_document(path)
    title, section, source = pdf_title or path.stem.replace("-", " ").title(), "", "unattributed"
    sections: list[tuple[str, list[str]]] = [("", [])]
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading and len(heading.group(1)) == 1 and title == (pdf_title or path.stem.replace("-", " ").title()):
            title = heading.group(2).strip()
        elif heading:
            sections.append((heading.group(2).strip(), []))
        elif line.lower().startswith("source:"):
            source = line.split(":", 1)[1].strip()
        else:
            sections[-1][1].append(line)
    chunks: list[DocChunk] = []
    for section, lines in sections:
        body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
        start = 0
        while body and start < len(body):
            piece = body[start : start + size]
            slug = re.sub(r"[^a-z0-9]+", "-", section.lower()).strip("-") or "intro"
            chunks.append(
                DocChunk(
                    chunk_id=f"doc:{path.stem}#{slug}-{len(chunks)}",
                    title=title,
                    section=section,
                    text=piece,
                    source=source,
                    path=path.name,
                )
            )
            if start + size >= len(body):
                break
            start += size - overlap
    return chunks


def ingest_docs(
    directory: Path,
    store: VectorStore,
    collection: str = DOCS,
    trust: str = "vetted",
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest every .md, .txt and .pdf file below a directory; unreadable files are counted with the reason.

    ``trust`` is stored on every chunk: "vetted" (bundled, or added by an admin) or "unvetted" (anyone else's).
    ``progress`` is called with the number of chunks stored so far.
    """
    report = IngestReport(source=str(directory), collection=collection)
    started = time.perf_counter()
    if not directory.is_dir():
        report.error = f"no such directory: {directory}"
        return report
    if (mismatch := embedder_mismatch(store, collection)) is not None:
        report.error = mismatch
        return report
    chunks: list[DocChunk] = []
    for path in sorted(directory.rglob("*")):
        if path.suffix.lower() in DOC_SUFFIXES and path.is_file():
            report.read += 1
            try:
                found = chunk_document(path)
            except ValueError as exc:
                report.malformed += 1
                report.malformed_examples.append(f"{path.name}: {exc}")
                continue
            if not found:
                report.malformed += 1
                report.malformed_examples.append(f"{path.name}: no text")
            chunks.extend(found)
    if chunks:
        hashes = [stable_hash(c.title, c.section, c.text, c.source, trust) for c in chunks]
        have = store.existing(collection, [c.chunk_id for c in chunks])
        todo = [i for i, c in enumerate(chunks) if have.get(c.chunk_id) != hashes[i]]
        report.unchanged = len(chunks) - len(todo)
        for start in range(0, len(todo), BATCH):
            part = [chunks[i] for i in todo[start : start + BATCH]]
            store.upsert(
                collection,
                [c.chunk_id for c in part],
                [c.text for c in part],
                [f"{c.title}. {c.section}. {c.text}" for c in part],
                [
                    {
                        "title": c.title,
                        "section": c.section,
                        "source": c.source,
                        "path": c.path,
                        "content_hash": hashes[todo[start + j]],
                        "trust": trust,
                    }
                    for j, c in enumerate(part)
                ],
            )
            if progress:
                progress(start + len(part))
        report.added = len(todo)
    report.seconds = round(time.perf_counter() - started, 3)
    return report
