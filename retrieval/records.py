"""Typed records of the retrieval layer: what is stored, what a search returns, what an ingest reports."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

ACTION_SEPARATOR = " | Action: "  # joins a log entry's problem and fix in its stored text


class LogEntry(BaseModel):
    """One maintenance-log row."""

    log_id: str
    problem: str
    action: str = ""
    asset_id: str | None = None
    equipment: str | None = None
    date: str | None = Field(None, description="ISO date, YYYY-MM-DD.")
    location: str | None = None
    source_file: str
    source_row: int

    @property
    def match_text(self) -> str:
        """What a fault description is matched against: the reported problem, with the equipment type."""
        return f"{self.equipment}: {self.problem}" if self.equipment else self.problem

    @property
    def text(self) -> str:
        """What is embedded and indexed."""
        return f"{self.problem}{ACTION_SEPARATOR}{self.action}" if self.action else self.problem


class DocChunk(BaseModel):
    """One overlapping chunk of a vetted document."""

    chunk_id: str
    title: str
    section: str
    text: str
    source: str
    path: str


class OtherFix(BaseModel):
    """Another log entry with the same problem and a different recorded fix."""

    citation_id: str
    title: str
    action: str
    source: str = ""


class Hit(BaseModel):
    """One search result with a citation id the answer and the UI use."""

    citation_id: str
    kind: str  # "log" or "doc"
    title: str
    snippet: str
    score: float
    metadata: dict[str, Any] = Field(default_factory=dict)
    similar: int = Field(0, description="Near-duplicates collapsed into this hit.")
    other_fixes: list[OtherFix] = Field(
        default_factory=list, description="Collapsed log entries with the same problem but a different fix."
    )
    suspicious: bool = Field(False, description="Contains instruction-like text; treated strictly as data.")


class SearchResult(BaseModel):
    """The ranked hits of one search."""

    query: str
    expanded_query: str
    hits: list[Hit]
    filters: dict[str, Any] = Field(default_factory=dict)
    error: str | None = None


class IngestReport(BaseModel):
    """What an ingest did; malformed rows are counted and shown, never silently lost."""

    source: str
    collection: str
    read: int = 0
    added: int = 0
    unchanged: int = 0
    malformed: int = 0
    malformed_examples: list[str] = Field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None
