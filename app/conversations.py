"""Conversations as a front end shows them: listed, renamed, deleted, and each past turn rebuilt from the checkpoints.

Resuming a conversation needs no storage of its own: every finished turn is a checkpoint of the graph whose state
holds that turn's tool results, citations, flags and answer, so the turn renders exactly as it first appeared.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from langchain_core.messages import AIMessage, HumanMessage
from langchain_core.runnables import RunnableConfig
from pydantic import BaseModel

from agent.personas import PERSONAS, Persona, PersonaName, get_persona
from app.admin import User
from app.images import UnreadableImage, render_image
from app.logs import start_logging
from app.reports import ExportRefused, Report, ReviewDecision, export, formats_for, to_markdown
from app.schemas import TurnResult
from app.service import CareForge
from core.threads import ThreadInfo

__all__ = [
    "PERSONAS",
    "Conversation",
    "ExportRefused",
    "Report",
    "ReviewDecision",
    "export",
    "formats_for",
    "to_markdown",
    "PastTurn",
    "Persona",
    "PersonaName",
    "Thumbnail",
    "User",
    "aturns",
    "adelete",
    "conversations",
    "get_persona",
    "persona",
    "persona_title",
    "rename",
    "save_upload",
    "start_logging",
    "thumbnail",
]

Conversation = ThreadInfo


class PastTurn(BaseModel):
    """One stored turn: the user's message and files, and the result as it was first shown."""

    question: str
    attachments: list[dict[str, str]] = []  # {"path", "name"}: the original file name
    result: TurnResult


class Thumbnail(BaseModel):
    """A small PNG of an attached file, or why there is none."""

    png: bytes | None = None
    kind: str = ""
    size: tuple[int, int] = (0, 0)
    error: str | None = None


def conversations(agent: CareForge, user: User | None, limit: int = 100) -> list[Conversation]:
    """The conversations a user may open, most recently used first."""
    return agent.visible_threads(user, limit=limit)


def rename(agent: CareForge, user: User | None, thread_id: str, title: str) -> None:
    """Retitle one of the user's conversations (ValueError for an empty title, PermissionError if not theirs)."""
    agent.authorize(user, thread_id)
    agent.threads.rename(thread_id, title)


async def adelete(agent: CareForge, user: User | None, thread_id: str) -> None:
    """Delete a conversation: its checkpoints (messages, results, reports) and its place in the list."""
    agent.authorize(user, thread_id)
    async with agent.graph() as graph:
        saver = graph.checkpointer
        if saver is not None and not isinstance(saver, bool):
            await saver.adelete_thread(thread_id)
    agent.threads.delete(thread_id)


def _result(agent: CareForge, thread_id: str, values: dict[str, Any], review: dict[str, Any] | None) -> PastTurn:
    messages = values.get("messages", [])
    question = next((m.text for m in reversed(messages) if isinstance(m, HumanMessage)), "")
    result = TurnResult.from_state(
        values,
        thread_id=thread_id,
        persona=values.get("persona", "patient"),
        routing_mode=agent.settings.routing_mode.value,
        model=agent.settings.model_name,
        question=question,
        review=review,
    )
    files = [{"path": a["path"], "name": a["name"]} for a in values.get("attachments", []) or []]
    return PastTurn(question=question, attachments=files, result=result)


def _finished(values: dict[str, Any]) -> bool:
    messages = values.get("messages", [])
    last = messages[-1] if messages else None
    return isinstance(last, AIMessage) and not last.tool_calls


async def aturns(agent: CareForge, thread_id: str, user: User | None = None) -> list[PastTurn]:
    """Every turn of a conversation, oldest first, rebuilt from the checkpoint that ended it.

    A turn paused for a report review is the last one, with its pending review (and no answer yet).
    """
    agent.authorize(user, thread_id)
    config = RunnableConfig(configurable={"thread_id": thread_id})
    turns: list[PastTurn] = []
    seen: set[int] = set()
    async with agent.graph() as graph:
        latest = await graph.aget_state(config)
        async for snapshot in graph.aget_state_history(config):
            values = dict(snapshot.values)
            count = len(values.get("messages", []))
            if snapshot.next or count in seen or not _finished(values):
                continue
            seen.add(count)
            turns.append(_result(agent, thread_id, values, None))
    turns.reverse()
    pending = [i.value for i in latest.interrupts if isinstance(i.value, dict)]
    if pending:
        turns.append(_result(agent, thread_id, dict(latest.values), pending[0]))
    return turns


def save_upload(name: str, data: bytes, folder: Path) -> Path:
    """Keep an upload under its original name in a folder named by its content (the same file is stored once)."""
    safe = "".join(ch for ch in Path(name).name if ch.isalnum() or ch in " ._-()").strip()[-120:] or "upload"
    path = folder / hashlib.sha256(data).hexdigest()[:16] / safe
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_bytes(data)
    return path


def thumbnail(agent: CareForge, path: str | Path) -> Thumbnail:
    """A de-identified preview of an attached image, DICOM or video frame, or the reason it cannot be read."""
    try:
        rendered = render_image(path, agent.resources.image_limits)
    except UnreadableImage as exc:
        return Thumbnail(error=str(exc))
    except OSError as exc:
        return Thumbnail(error=f"the file is no longer available ({type(exc).__name__})")
    return Thumbnail(png=rendered.preview, kind=rendered.kind.value, size=(rendered.size[0], rendered.size[1]))


def persona_title(name: str) -> str:
    """A persona's display name."""
    return PERSONAS[PersonaName(name)].title if name in {p.value for p in PersonaName} else name


def persona(name: str) -> Persona:
    """The persona of that name (ValueError when there is none)."""
    return get_persona(name)
