"""A turn's input message and its run context, checked before anything runs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from langchain_core.messages import HumanMessage

from agent.context import Context, Services
from agent.personas import get_persona
from agent.state import Attachment
from core.settings import RoutingMode, Settings
from core.users import User


def run_context(
    settings: Settings, services: Services, persona: str, routing: RoutingMode | str | None, user: User | None = None
) -> Context:
    """The graph's runtime context for one run; raises ValueError on an unknown persona before anything runs."""
    get_persona(persona)
    return Context(
        persona=persona,
        routing_mode=RoutingMode(routing or settings.routing_mode),
        max_steps=settings.max_steps,
        redact_model_input=settings.redact_model_input,
        model_timeout_s=settings.request_timeout_s * (settings.max_retries + 1) + 1,
        addendum_tokens=settings.addendum_tokens,
        addendum_timeout_s=min(settings.addendum_timeout_s, settings.request_timeout_s),
        user=user.username if user else None,
        services=services,
    )


def turn_input(text: str, attachments: Sequence[str | Path], max_chars: int) -> dict[str, Any]:
    """The graph input for a message and its attached files; a clear ValueError for an empty or oversized one."""
    if not isinstance(text, str):
        raise TypeError(f"a message is text, not {type(text).__name__}")
    if not text.strip():
        raise ValueError("the message is empty")
    if len(text) > max_chars:
        raise ValueError(
            f"the message is {len(text):,} characters; the limit is {max_chars:,}. "
            "Attach long documents through ingestion instead."
        )
    files = [Attachment(path=str(Path(p)), name=Path(p).name) for p in attachments]
    return {"messages": [HumanMessage(content=text)], "attachments": files}
