"""The call to the multimodal model and the structured reading it must return."""

from __future__ import annotations

import base64
import json
import re
from typing import Any, Literal, cast

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage
from pydantic import BaseModel, Field, ValidationError, model_validator

OUTPUT_INSTRUCTIONS = (
    'Reply with one JSON object only: {"findings": [short strings], "impression": string, '
    '"confidence": "low"|"medium"|"high", "next_step": string, "limitations": [short strings]}.'
)
# Asked for when the OCR text goes with the image: each finding says where it came from, and what the model itself
# read of medicine names and codes is kept apart from what OCR read.
SOURCED_INSTRUCTIONS = (
    'Reply with one JSON object only: {"findings": [{"finding": short string, "from": "text" | "image"}], '
    '"medicines": [medicine names you can read in the image], "codes": [error or alarm codes you can read], '
    '"impression": string, "confidence": "low"|"medium"|"high", "next_step": string, '
    '"limitations": [short strings]}. "from" is "text" when the finding rests on the OCR text given above and '
    '"image" when you saw it yourself in the picture.'
)
_JSON_OBJECT = re.compile(r"\{.*\}", re.S)
Source = Literal["ocr", "vision"]
_FROM = {"text": "ocr", "ocr": "ocr", "ocr text": "ocr", "image": "vision", "vision": "vision", "picture": "vision"}


class VisionReading(BaseModel):
    """A preliminary read by the vision model; shown as such, never as a diagnosis.

    ``finding_sources`` has one entry per finding: "ocr" when the model says the finding rests on the OCR text it
    was given, "vision" when it says it saw it (and for plain-string findings, which carry no claim).
    """

    findings: list[str] = Field(default_factory=list)
    finding_sources: list[Source] = Field(default_factory=list)
    medicines: list[str] = Field(default_factory=list, description="Medicine names the model says it read.")
    codes: list[str] = Field(default_factory=list, description="Error or alarm codes the model says it read.")
    impression: str = ""
    confidence: Literal["low", "medium", "high"] = "low"
    next_step: str = ""
    limitations: list[str] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _sourced_findings(cls, value: Any) -> Any:
        """Findings may come as strings or as {"finding": ..., "from": "text"|"image"}; split them in two lists."""
        if not isinstance(value, dict) or not isinstance(value.get("findings"), list):
            return value
        texts: list[str] = []
        sources: list[str] = []
        for item in value["findings"]:
            if isinstance(item, dict):
                text = item.get("finding") or item.get("text") or item.get("description") or ""
                origin = _FROM.get(str(item.get("from") or item.get("source") or "").strip().lower(), "vision")
            else:
                text, origin = item, "vision"
            if isinstance(text, str) and text.strip():
                texts.append(text.strip())
                sources.append(origin)
        given = value.get("finding_sources")
        keep = isinstance(given, list) and len(given) == len(texts) and all(s in ("ocr", "vision") for s in given)
        return {**value, "findings": texts, "finding_sources": cast(list[str], given) if keep else sources}


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
