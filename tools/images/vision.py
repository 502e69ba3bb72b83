"""The call to the multimodal model and the structured reading it must return."""

from __future__ import annotations

import base64
import json
import re
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage
from pydantic import BaseModel, Field, ValidationError

OUTPUT_INSTRUCTIONS = (
    'Reply with one JSON object only: {"findings": [short strings], "impression": string, '
    '"confidence": "low"|"medium"|"high", "next_step": string, "limitations": [short strings]}.'
)
_JSON_OBJECT = re.compile(r"\{.*\}", re.S)


class VisionReading(BaseModel):
    """A preliminary read by the vision model; shown as such, never as a diagnosis."""

    findings: list[str] = Field(default_factory=list)
    impression: str = ""
    confidence: Literal["low", "medium", "high"] = "low"
    next_step: str = ""
    limitations: list[str] = Field(default_factory=list)


class VisionFailed(RuntimeError):
    """The model could not be asked or did not answer in the required structure."""


def parse_reading(text: str) -> VisionReading:
    """The reading inside a model reply (fenced or bare JSON); raises VisionFailed when there is none."""
    match = _JSON_OBJECT.search(text)
    if match is None:
        raise VisionFailed("the model did not return a structured reading")
    try:
        return VisionReading.model_validate(json.loads(match.group(0)))
    except (json.JSONDecodeError, ValidationError) as exc:
        raise VisionFailed(f"the model's reading is malformed: {str(exc).splitlines()[0]}") from exc


def read_image(model: BaseChatModel, png: bytes, prompt: str) -> VisionReading:
    """Send the PNG and the prompt to the model and parse its structured reading."""
    return read_images(model, [png], prompt)


def read_images(model: BaseChatModel, pngs: list[bytes], prompt: str) -> VisionReading:
    """Send several PNGs (a video's key frames, in time order) with one prompt; vLLM accepts several per request."""
    content: list[str | dict[str, Any]] = [{"type": "text", "text": prompt}]
    for png in pngs:
        url = "data:image/png;base64," + base64.b64encode(png).decode()
        content.append({"type": "image_url", "image_url": {"url": url}})
    message = HumanMessage(content=content)
    try:
        reply = model.invoke([message])
    except Exception as exc:  # transport and server errors of any client library
        raise VisionFailed(f"the vision model could not be reached: {type(exc).__name__}: {exc}") from exc
    return parse_reading(reply.text if hasattr(reply, "text") and isinstance(reply.text, str) else str(reply.content))
