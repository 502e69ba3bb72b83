"""What every tool returns: a short summary for the model, structured data for the UI and the guards."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class SourceRef(BaseModel):
    """A citable item a tool produced (an interaction fact, a log entry, a document chunk, an image)."""

    id: str
    kind: str
    title: str
    snippet: str = ""
    source: str = ""


class ToolOutput(BaseModel):
    """The artifact of a tool call: ``summary`` goes to the model, the rest travels as structured data."""

    kind: str = Field(description="Which renderer the UI uses, e.g. drug_interactions.")
    summary: str
    data: dict[str, Any] = Field(default_factory=dict)
    citations: list[SourceRef] = Field(default_factory=list)
    error: str | None = Field(None, description="A user-readable reason when the tool could not do its job.")

    def as_message(self) -> tuple[str, dict[str, Any]]:
        """The (content, artifact) pair a ``content_and_artifact`` tool returns."""
        return self.summary, self.model_dump(mode="json")
