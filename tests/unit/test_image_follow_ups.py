"""What an image's text names is followed up: a label's medicine against the thread's, a screen's code in the logs."""

from __future__ import annotations

from pathlib import Path

from langgraph.checkpoint.memory import InMemorySaver
from PIL import Image, ImageDraw, ImageFont

from agent.planner import RulePlanner
from app.service import CareForge
from tests.conftest import TEXT_ONLY, scripted


def _label(path: Path, lines: list[str]) -> Path:
    image = Image.new("RGB", (900, 80 + 70 * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=42)
    for n, line in enumerate(lines):
        draw.text((40, 40 + 70 * n), line, fill="black", font=font)
    image.save(path)
    return path


def test_a_labels_medicine_is_checked_against_the_threads(resources) -> None:
    read = {"medicines": [{"typed": "WARFARIN SODIUM", "ingredients": ["warfarin"], "resolution": "exact"}]}
    result = {"tool": "analyze_image", "artifact": {"data": {"read": read}}}
    calls = RulePlanner(resources.resolver).follow_ups([result], ("ibuprofen",), {"check_drug_interactions"})
    assert [(c.name, c.args) for c in calls] == [("check_drug_interactions", {"drugs": ["ibuprofen", "warfarin"]})]


def test_a_screens_code_is_looked_up_in_the_logs_once(resources) -> None:
    read = {"codes": ["E-27"], "asset_ids": ["IP-0121"]}
    image = {"tool": "analyze_image", "artifact": {"data": {"read": read}}}
    planner = RulePlanner(resources.resolver)
    [call] = planner.follow_ups([image], (), {"search_maintenance_logs"})
    assert call.args == {"query": "E-27 IP-0121", "asset": "IP-0121"}
    searched = {"tool": "search_maintenance_logs", "artifact": {}}
    assert planner.follow_ups([image, searched], (), {"search_maintenance_logs"}) == []


async def test_a_photographed_label_is_checked_against_a_medicine_named_earlier(settings, resources, tmp_path) -> None:
    agent = CareForge(
        settings,
        model=scripted("ok", "ok", "ok"),
        resources=resources,
        capabilities=TEXT_ONLY,
        checkpointer=InMemorySaver(),
    )
    await agent.arun("I take ibuprofen for my knee", persona="patient", routing="rules", thread_id="lbl")
    label = _label(tmp_path / "label.png", ["WARFARIN SODIUM 5 mg", "Take 1 tablet daily"])
    result = await agent.arun(
        "Is this new one ok with what I take?", persona="patient", routing="rules", thread_id="lbl", attachments=[label]
    )
    tools = [t["tool"] for t in result.tool_calls]
    assert tools == ["analyze_image", "check_drug_interactions"], tools
    check = result.tool_calls[1]
    assert set(check["args"]["drugs"]) == {"ibuprofen", "warfarin"}
    assert check["artifact"]["data"]["interactions"][0]["severity"] == "major"
    assert "serious" in result.answer
