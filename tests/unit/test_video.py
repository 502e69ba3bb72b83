"""Video uploads: type detection, limits on the header before decoding, key frames, contact sheet, bad files."""

from __future__ import annotations

import base64
import io
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from tests.conftest import scripted
from tools.drugs import DrugNameResolver, default_knowledge_base
from tools.images import ImageLimits, UnreadableImage, analyze_image, detect_kind, render_image
from tools.images.video import VideoLimits, key_frames, probe
from tools.registry import ToolResources, build_tools

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def scene(colour: tuple[int, int, int], text: str = "", size: tuple[int, int] = (320, 240)) -> np.ndarray:
    image = Image.new("RGB", size, colour)
    if text:
        ImageDraw.Draw(image).text((12, 90), text, font=ImageFont.truetype(FONT, 26), fill="white")
    return np.asarray(image)


def write_clip(
    path: Path,
    frames: list[tuple[np.ndarray, float]],
    codec: str = "libx264",
    fmt: str | None = None,
    options: dict[str, str] | None = None,
) -> Path:
    """Frames with explicit times in seconds, so a two-frame file can declare a ten-minute duration."""
    with av.open(str(path), "w", format=fmt, options=options or {}) as out:
        stream = out.add_stream(codec, rate=10)
        stream.height, stream.width = frames[0][0].shape[:2] if frames else (240, 320)
        stream.pix_fmt = "yuv420p"
        stream.time_base = Fraction(1, 10)
        for pixels, at in frames:
            frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
            frame.pts, frame.time_base = round(at * 10), Fraction(1, 10)
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


@pytest.fixture(scope="module")
def three_scenes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    scenes = [scene((30, 60, 160)), scene((20, 20, 20), "E-27 OCCLUSION"), scene((200, 180, 40))]
    frames = [(scenes[i // 10], i / 10) for i in range(30)]
    return write_clip(tmp_path_factory.mktemp("video") / "pump.mp4", frames)


def test_video_types_are_detected_from_content() -> None:
    assert detect_kind(b"\x00\x00\x00\x18ftypisom" + bytes(200)).value == "mp4"
    assert detect_kind(b"\x00\x00\x00\x14ftypqt  " + bytes(200)).value == "mov"
    assert detect_kind(b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + bytes(200)).value == "webm"
    with pytest.raises(UnreadableImage, match="Matroska"):
        detect_kind(b"\x1a\x45\xdf\xa3\x9f\x42\x82\x88matroska" + bytes(200))
    with pytest.raises(UnreadableImage, match="HEIC"):
        detect_kind(b"\x00\x00\x00\x18ftypheic" + bytes(200))


def test_render_image_refuses_a_video_with_a_pointer_to_the_video_path(three_scenes: Path) -> None:
    with pytest.raises(UnreadableImage, match="is a MP4 video"):
        render_image(three_scenes)


def test_each_scene_gives_one_key_frame(three_scenes: Path) -> None:
    found = key_frames(three_scenes)
    assert [round(k.time_s) for k in found.frames] == [0, 1, 2]
    assert found.decoded == 30


def test_key_frames_are_bounded(three_scenes: Path) -> None:
    assert len(key_frames(three_scenes, VideoLimits(max_key_frames=2)).frames) == 2


def test_video_tool_reads_text_in_key_frames_and_writes_a_contact_sheet(three_scenes: Path, tmp_path: Path) -> None:
    output = analyze_image(three_scenes, preview_dir=tmp_path)
    assert output.error is None, output.summary
    assert output.data["read"]["codes"] == ["E-27"]
    assert "3 key frame(s) at 0.0 s, 1.0 s, 2.0 s" in output.summary
    sheet = Image.open(output.data["preview_path"])
    assert sheet.width == 3 * (1024 // 3) and sheet.height > 100  # one row of three tiles


def _colour(part: dict[str, Any]) -> tuple[int, ...]:
    png = base64.b64decode(part["image_url"]["url"].removeprefix("data:image/png;base64,"))
    return tuple(int(v) for v in np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))[5:30, 5:30].mean(axis=(0, 1)))


def test_video_upload_sends_every_key_frame_in_time_order_to_the_vision_model(three_scenes: Path) -> None:
    reply = {
        "findings": [{"finding": "alarm E-27 on the pump screen", "from": "text"}, "the screen turns yellow"],
        "codes": ["E-27"],
        "confidence": "medium",
    }
    model = scripted(json.dumps(reply))
    limits = ImageLimits(model_images=8)  # a server started with --limit-mm-per-prompt '{"image": 8}'
    output = analyze_image(three_scenes, "what happens?", vision=model, limits=limits)  # the upload path
    assert len(model.seen) == 1  # one request
    parts = model.seen[0][0].content
    images = [part for part in parts if part["type"] == "image_url"]
    assert len(images) == 3 and parts[0]["type"] == "text"
    blue, dark, yellow = (_colour(part) for part in images)  # the scenes' colours, in time order
    assert blue[2] > 120 and max(dark) < 40 and yellow[0] > 150 and yellow[2] < 90
    assert "[1.0 s] E-27 OCCLUSION" in parts[0]["text"].split("<<<OCR")[1]  # frame text, stamped and quoted
    assert output.data["vision_status"] == "key frames read by the vision model"
    assert output.data["provenance"]["findings"][0]["source"] == "read from the image text (OCR)"
    assert "the screen turns yellow [seen by the vision model]" in output.summary


def test_the_registered_tool_passes_the_vision_model_for_videos(three_scenes: Path) -> None:
    kb = default_knowledge_base()
    model = scripted('{"findings": ["pump screen"], "confidence": "low"}')
    resources = ToolResources(
        kb=kb, resolver=DrugNameResolver(kb), vision=lambda: model, image_limits=ImageLimits(model_images=8)
    )
    tool = next(t for t in build_tools(resources) if t.name == "analyze_image")
    assert tool.func is not None
    _, artifact = tool.func(path=str(three_scenes), question="what happens?")
    assert artifact["data"]["reading"]["findings"] == ["pump screen"]
    assert sum(part["type"] == "image_url" for part in model.seen[0][0].content) == 3


def test_more_key_frames_than_the_server_takes_go_as_one_contact_sheet(three_scenes: Path) -> None:
    model = scripted('{"findings": ["three scenes"], "confidence": "low"}')
    output = analyze_image(three_scenes, vision=model)  # default: 2 images per request, as the shipped profiles
    parts = model.seen[0][0].content
    images = [part for part in parts if part["type"] == "image_url"]
    assert len(images) == 1 and "one contact sheet of 3 key frames in time order" in parts[0]["text"]
    png = base64.b64decode(images[0]["image_url"]["url"].removeprefix("data:image/png;base64,"))
    assert Image.open(io.BytesIO(png)).width == 3 * (1024 // 3)  # the three frames side by side
    assert output.data["reading"]["findings"] == ["three scenes"]


def test_without_a_vision_model_a_video_gets_computed_facts_only(three_scenes: Path) -> None:
    output = analyze_image(three_scenes, vision=None)
    assert output.data["reading"] is None and output.data["provenance"] is None
    assert "needs a multimodal model" in output.summary


def test_4k_ten_minute_video_is_refused_from_the_header(tmp_path: Path) -> None:
    big = scene((10, 10, 10), size=(3840, 2160))
    path = write_clip(tmp_path / "cctv.mp4", [(big, 0.0), (big, 600.0)])
    output = analyze_image(path)
    assert output.error and "3840x2160 pixels; the limit is 2.1 MP" in output.error


def test_limits_are_enforced_before_any_frame_is_decoded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def never(frame: Any) -> Any:
        raise AssertionError("a frame was decoded")

    monkeypatch.setattr("tools.images.video._thumb", never)
    big = scene((10, 10, 10), size=(3840, 2160))
    path = write_clip(tmp_path / "cctv.mp4", [(big, 0.0), (big, 600.0)])  # 4K, ten minutes by its header
    output = analyze_image(path)
    assert output.error and "the limit is 2.1 MP per frame" in output.error
    long = write_clip(tmp_path / "long.mp4", [(scene((10, 10, 10)), 0.0), (scene((10, 10, 10)), 600.0)])
    assert "lasts 10.0 minutes" in (analyze_image(long).error or "")


def test_ten_minute_video_is_refused_before_decoding(tmp_path: Path) -> None:
    small = scene((10, 10, 10))
    path = write_clip(tmp_path / "long.mp4", [(small, 0.0), (small, 600.0)])
    with pytest.raises(UnreadableImage, match=r"lasts 10.0 minutes; the limit is 5 minutes"):
        probe(path)


def test_video_with_no_frames_is_a_clear_error(tmp_path: Path) -> None:
    header_only = tmp_path / "empty.mp4"
    header_only.write_bytes(b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2")
    output = analyze_image(header_only)
    assert output.error and output.summary.startswith("Could not analyse empty.mp4: ")
    assert any(m in output.error for m in ("no video stream", "no decodable frames", "cannot be opened"))


def test_video_stream_without_frames_is_a_clear_error(tmp_path: Path) -> None:
    frames = [(scene((30, 60, 160)), i / 10) for i in range(5)]
    whole = write_clip(tmp_path / "whole.mp4", frames, options={"movflags": "faststart"}).read_bytes()
    path = tmp_path / "noframes.mp4"
    path.write_bytes(whole[: whole.index(b"mdat") + 4])  # the header and index, then nothing: no frame data
    output = analyze_image(path)
    assert output.error and output.summary.startswith("Could not analyse noframes.mp4: ")
    assert any(m in output.error for m in ("no decodable frames", "no frame size", "cannot be opened", "no video"))


def test_truncated_mp4_is_a_clear_error_or_a_partial_read(three_scenes: Path, tmp_path: Path) -> None:
    data = three_scenes.read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(data[: len(data) // 2])
    output = analyze_image(cut)
    assert output.error and "cannot be opened (corrupt or truncated?)" in output.error


def test_mp4_cut_after_its_index_gives_the_frames_before_the_cut(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    frames = [(rng.integers(0, 255, (240, 320, 3), dtype=np.uint8), i / 10) for i in range(40)]  # incompressible
    whole = write_clip(tmp_path / "whole.mp4", frames, options={"movflags": "faststart"})  # the index first
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    output = analyze_image(cut)
    assert output.error is None, output.error
    assert 0 < output.data["video"]["decoded_frames"] < 40  # what was there, and no crash


def test_webm_is_read(tmp_path: Path) -> None:
    frames = [(scene((30, 60, 160)), i / 10) for i in range(5)]
    path = write_clip(tmp_path / "clip.webm", frames, codec="libvpx", fmt="webm")
    output = analyze_image(path)
    assert output.error is None and output.data["video"]["codec"] == "vp8"
