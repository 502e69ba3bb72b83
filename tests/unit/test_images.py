"""The image tool on real DICOM files and generated photos: detection, limits, rendering, de-identification,
quality facts, domain prompts and the vision call."""

from __future__ import annotations

import base64
import io
import json
import struct
import zlib
from pathlib import Path

import numpy as np
import pydicom
import pytest
from PIL import Image
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

from tests.conftest import scripted
from tools.images import ImageLimits, UnreadableImage, analyze_image, deidentify, detect_kind, render_image
from tools.images.deid import PROFILE
from tools.images.dicom_pixels import linear_window
from tools.images.prompts import ImageDomain, choose_domain

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "dicom"
CHEST_CR = SAMPLES / "RG1_J2KI.dcm"
ALL_DICOM = [*sorted(SAMPLES.glob("*.dcm")), *(Path(get_testdata_file(n)) for n in ("CT_small.dcm", "MR_small.dcm"))]
BIG = ImageLimits(max_side=4096)


def png_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, format="PNG")
    return buffer.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def png_header_only(width: int, height: int) -> bytes:
    """A PNG signature and IHDR declaring a size, with no image data: what a decompression bomb looks like."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return b"\x89PNG\r\n\x1a\n" + chunk


def tiny_dicom(
    path: Path, rows: int = 8, columns: int = 8, frames: int | None = None, *, preamble: bool = True
) -> Path:
    ds = Dataset()
    ds.PatientName, ds.PatientID, ds.Modality = "Doe^Jane", "MRN-778899", "CR"
    ds.SOPClassUID, ds.SOPInstanceUID = "1.2.840.10008.5.1.4.1.1.1", generate_uid()
    ds.Rows, ds.Columns, ds.BitsAllocated, ds.BitsStored, ds.HighBit = rows, columns, 16, 12, 11
    ds.SamplesPerPixel, ds.PhotometricInterpretation, ds.PixelRepresentation = 1, "MONOCHROME2", 0
    if frames:
        ds.NumberOfFrames = frames
    ds.PixelData = np.arange(64, dtype=np.uint16).reshape(8, 8).tobytes()
    if preamble:
        ds.file_meta = FileMetaDataset()
        ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.save_as(path, enforce_file_format=True)
    else:
        ds.save_as(path, implicit_vr=True, little_endian=True)
    return path


# --- detection and limits -------------------------------------------------------------------------------------------


def test_type_comes_from_content_not_the_extension(tmp_path: Path) -> None:
    fake_dcm = write(tmp_path / "scan.dcm", png_bytes(np.full((300, 300), 128, np.uint8)))
    rendered = render_image(fake_dcm)
    assert rendered.kind.value == "png"


def test_dicom_without_preamble_is_recognised_by_content(tmp_path: Path) -> None:
    rendered = render_image(tiny_dicom(tmp_path / "bare.img", preamble=False))
    assert rendered.kind.value == "dicom"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Patient notes: all fine.\n" * 20, "it looks like text"),
        (b"%PDF-1.7\n" + bytes(300), "it is a PDF"),
        (b"GIF89a" + bytes(300), "GIF and TIFF are not supported"),
        (bytes(range(256)) * 2, "unrecognised binary content"),
    ],
)
def test_unsupported_content_gets_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    with pytest.raises(UnreadableImage, match=message):
        render_image(write(tmp_path / "upload.png", content))


def test_empty_and_missing_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(UnreadableImage, match=r"empty \(0 bytes\)"):
        render_image(write(tmp_path / "empty.png", b""))
    with pytest.raises(UnreadableImage, match="no such file: nothing.dcm"):
        render_image(tmp_path / "nothing.dcm")


def test_file_over_the_byte_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = write(tmp_path / "big.png", png_bytes(np.zeros((600, 600), np.uint8)) + bytes(3_000_000))
    with pytest.raises(UnreadableImage, match=r"3 MB; the limit is 1 MB"):
        render_image(big, ImageLimits(max_bytes=1_000_000))


def test_decompression_bomb_png_is_refused_before_decoding(tmp_path: Path) -> None:
    with pytest.raises(UnreadableImage, match=r"100000x100000 pixels \(10000 MP\); the limit is 60 MP"):
        render_image(write(tmp_path / "bomb.png", png_header_only(100_000, 100_000)))


def test_zero_sized_image_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableImage, match="0x0|cannot be decoded"):
        render_image(write(tmp_path / "zero.png", png_header_only(0, 0)))


def test_huge_declared_dicom_size_is_refused_before_decoding(tmp_path: Path) -> None:
    with pytest.raises(UnreadableImage, match=r"60000x60000 pixels"):
        render_image(tiny_dicom(tmp_path / "huge.dcm", rows=60_000, columns=60_000))


def test_too_many_frames_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableImage, match="declares 5000 frames; the limit is 1000"):
        render_image(tiny_dicom(tmp_path / "cine.dcm", frames=5000))


def test_truncated_png_is_a_clear_error(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    data = png_bytes(rng.integers(0, 255, (400, 400), dtype=np.uint8))
    with pytest.raises(UnreadableImage, match="cannot be decoded"):
        render_image(write(tmp_path / "cut.png", data[: len(data) // 2]))


def test_truncated_dicom_is_a_clear_error(tmp_path: Path) -> None:
    data = CHEST_CR.read_bytes()
    with pytest.raises(UnreadableImage, match="DICOM pixel data"):
        render_image(write(tmp_path / "cut.dcm", data[: len(data) // 2]))


def test_dicom_with_too_few_pixel_bytes_is_a_clear_error() -> None:
    with pytest.raises(UnreadableImage, match="less than expected"):
        render_image(get_testdata_file("MR_truncated.dcm"))


def test_dicom_without_an_image_is_a_clear_error() -> None:
    with pytest.raises(UnreadableImage, match="no image"):
        render_image(get_testdata_file("test-SR.dcm"))


def test_detect_kind_reads_magic_bytes() -> None:
    assert detect_kind(bytes(128) + b"DICM" + bytes(10)).value == "dicom"
    assert detect_kind(b"\xff\xd8\xff\xe0" + bytes(200)).value == "jpeg"
    assert detect_kind(b"RIFF\x00\x00\x00\x00WEBPVP8 " + bytes(200)).value == "webp"


# --- rendering ------------------------------------------------------------------------------------------------------


def test_ct_without_a_window_gets_the_soft_tissue_default_exactly() -> None:
    path = get_testdata_file("CT_small.dcm")
    ds = pydicom.dcmread(path)
    hu = ds.pixel_array.astype(np.float32) * float(ds.RescaleSlope) + float(ds.RescaleIntercept)
    rendered = render_image(path, BIG, question="any mass?")
    expected = np.rint(linear_window(hu, 40, 400) * 255)
    assert rendered.metadata["window"] == "soft-tissue window (default) 40/400"
    for y, x in [(10, 10), (64, 64), (100, 30), (30, 100)]:
        assert abs(int(rendered.display[y, x]) - int(expected[y, x])) <= 1
    # The formula itself: -160 HU and below is black, 240 HU and above is white, 40 HU is mid-grey.
    assert list(np.rint(linear_window(np.array([-161.0, 40.0, 240.0]), 40, 400) * 255)) == [0, 128, 255]


def test_ct_question_about_lungs_selects_the_lung_window() -> None:
    rendered = render_image(get_testdata_file("CT_small.dcm"), BIG, question="is there a pneumothorax?")
    assert rendered.metadata["window"] == "lung window (default) -600/1500"


def test_window_from_the_file_is_applied() -> None:
    path = get_testdata_file("MR_small.dcm")
    ds = pydicom.dcmread(path)
    rendered = render_image(path, BIG)
    expected = np.rint(linear_window(ds.pixel_array.astype(np.float32), 600, 1600) * 255)
    assert rendered.metadata["window"] == "window 600/1600 from file"
    assert np.abs(rendered.display.astype(int) - expected.astype(int)).max() <= 1


def test_monochrome1_chest_radiograph_is_inverted_bones_bright_lungs_darker() -> None:
    rendered = render_image(CHEST_CR)
    d = rendered.display.astype(float)
    h, w = d.shape
    spine = d[int(h * 0.5) - 10 : int(h * 0.5) + 10, int(w * 0.5) - 10 : int(w * 0.5) + 10].mean()
    lung = d[int(h * 0.4) - 10 : int(h * 0.4) + 10, int(w * 0.7) - 10 : int(w * 0.7) + 10].mean()
    assert "MONOCHROME1 inverted for display" in rendered.notes
    assert spine > 200 and lung < spine - 50
    assert max(d.shape) == 1024 and rendered.size == (1841, 1955)


def test_palette_colour_becomes_rgb() -> None:
    rendered = render_image(get_testdata_file("examples_palette.dcm"))
    image = Image.open(io.BytesIO(rendered.png))
    assert image.mode == "RGB"
    rgb = np.asarray(image).astype(int)
    assert np.abs(rgb[..., 0] - rgb[..., 2]).max() > 30  # really coloured, not grey in three channels


def test_ybr_multiframe_ultrasound_shows_the_middle_frame_in_rgb() -> None:
    rendered = render_image(get_testdata_file("examples_ybr_color.dcm"))
    assert rendered.notes == ["frame 16 of 30 shown"]
    assert Image.open(io.BytesIO(rendered.png)).mode == "RGB"


def test_multiframe_mr_becomes_a_montage() -> None:
    rendered = render_image(SAMPLES / "emri_small.dcm")
    assert rendered.notes[0].startswith("montage of frames 1, 2, 3")
    assert rendered.display.shape == (192, 192)  # 3 x 3 tiles of 64 px


def test_model_png_and_preview_respect_their_sizes() -> None:
    rendered = render_image(SAMPLES / "MR2_UNCI.dcm", ImageLimits(max_side=300, preview_side=100))
    assert Image.open(io.BytesIO(rendered.png)).size == (300, 300)
    assert Image.open(io.BytesIO(rendered.preview)).size == (100, 100)


# --- de-identification ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_DICOM, ids=lambda p: p.name)
def test_no_identifying_tag_survives_deidentification(path: Path) -> None:
    original = pydicom.dcmread(path)
    clean = deidentify(original)
    names: list[str] = []
    clean.walk(lambda _ds, el: names.append(str(el.value)) if el.VR == "PN" and el.value else None)
    assert names == []
    for keyword, action in PROFILE.items():
        if action == "X":
            assert keyword not in clean, keyword
        elif action == "Z" and keyword in clean:
            assert not clean[keyword].value, keyword
        elif action == "U" and keyword in original and original[keyword].value:
            assert clean[keyword].value != original[keyword].value
    assert not any(tag.is_private for tag in clean.keys())
    assert clean.PatientIdentityRemoved == "YES"
    assert deidentify(original).SOPInstanceUID == clean.SOPInstanceUID  # consistent mapping
    assert original.PatientName == pydicom.dcmread(path).PatientName  # the original is untouched


def test_nothing_identifying_reaches_the_tool_output_or_the_model(tmp_path: Path) -> None:
    path = tiny_dicom(tmp_path / "jane.dcm")
    model = scripted('{"findings": ["none"], "impression": "x", "confidence": "low"}')
    output = analyze_image(path, "What do you see?", "nurse", vision=model, limits=BIG)
    dumped = output.model_dump_json()
    assert "Doe" not in dumped and "MRN-778899" not in dumped
    sent = json.dumps([m.content for m in model.seen[0]])
    assert "Doe" not in sent and "778899" not in sent
    png = base64.b64decode(model.seen[0][0].content[1]["image_url"]["url"].split(",", 1)[1])
    assert b"Doe" not in png and b"tEXt" not in png


def test_photo_exif_is_stripped(tmp_path: Path) -> None:
    image = Image.fromarray(np.full((300, 400, 3), 90, np.uint8))
    exif = Image.Exif()
    exif[0x013B] = "Jane Doe"  # Artist
    path = tmp_path / "knee.jpg"
    image.save(path, exif=exif)
    rendered = render_image(path)
    assert "EXIF metadata removed" in rendered.notes
    assert b"Jane Doe" not in rendered.png and b"Jane Doe" not in rendered.preview


def test_ultrasound_warns_about_possible_burned_in_identifiers() -> None:
    rendered = render_image(SAMPLES / "US1_UNCI.dcm")
    assert any("burned-in annotation" in w for w in rendered.warnings)


def test_overlays_are_reported_and_removed_from_the_deidentified_copy() -> None:
    path = SAMPLES / "MR-SIEMENS-DICOM-WithOverlays.dcm"
    assert "overlay planes present, not drawn" in render_image(path).notes
    assert not any(0x6000 <= t.group <= 0x60FF for t in deidentify(pydicom.dcmread(path)).keys())


# --- analysis -------------------------------------------------------------------------------------------------------


def test_without_a_vision_model_only_computed_facts_are_returned(tmp_path: Path) -> None:
    output = analyze_image(CHEST_CR, "Is there a pneumothorax?", "nurse", vision=None, preview_dir=tmp_path)
    assert output.error is None
    assert output.data["reading"] is None
    assert "needs a multimodal model" in output.summary and "Findings" not in output.summary
    assert output.data["domain"] == "chest_xray"
    assert output.data["metadata"]["Modality"] == "CR" and output.data["metadata"]["ViewPosition"] == "PA"
    assert Path(output.data["preview_path"]).read_bytes().startswith(b"\x89PNG")
    assert output.citations[0].id.startswith("image:")


def test_vision_model_gets_a_domain_prompt_and_the_png_and_its_reading_is_returned() -> None:
    reply = {
        "findings": ["no visible pleural line"],
        "impression": "no pneumothorax seen",
        "confidence": "medium",
        "next_step": "radiologist review",
        "limitations": ["single view"],
    }
    model = scripted(f"Sure: ```json\n{json.dumps(reply)}\n```")
    output = analyze_image(CHEST_CR, "Is there a pneumothorax?", "nurse", vision=model)
    assert {k: output.data["reading"][k] for k in reply} == reply
    assert (
        "Findings (preliminary): no visible pleural line. Source of the findings: seen by the vision model"
        in output.summary
    )
    assert "not a diagnosis" in output.summary
    text, image = model.seen[0][0].content
    assert "chest radiograph" in text["text"] and "pleural line" in text["text"] and "Modality: CR" in text["text"]
    png = base64.b64decode(image["image_url"]["url"].removeprefix("data:image/png;base64,"))
    assert Image.open(io.BytesIO(png)).size == (964, 1024)


def test_unstructured_vision_reply_gives_no_findings() -> None:
    output = analyze_image(CHEST_CR, "pneumothorax?", "nurse", vision=scripted("The lungs look great to me."))
    assert output.data["reading"] is None
    assert "Visual read failed (the model did not return a structured reading)" in output.summary


def test_unreadable_file_is_an_error_value_not_an_exception(tmp_path: Path) -> None:
    output = analyze_image(write(tmp_path / "notes.dcm", b"hello\n" * 40))
    assert output.error and "looks like text" in output.error
    assert output.summary.startswith("Could not analyse notes.dcm")


@pytest.mark.parametrize(
    ("pixels", "issue"),
    [
        (np.full((300, 300), 128, np.uint8), "blank"),
        (np.random.default_rng(1).integers(0, 30, (300, 300), dtype=np.uint8), "too dark"),
        (np.random.default_rng(2).integers(235, 256, (300, 300), dtype=np.uint8), "overexposed"),
        (np.random.default_rng(3).integers(100, 125, (300, 300), dtype=np.uint8), "low contrast"),
        (np.random.default_rng(4).integers(0, 256, (120, 90), dtype=np.uint8), "too small: 90x120"),
    ],
)
def test_quality_problems_are_computed(tmp_path: Path, pixels: np.ndarray, issue: str) -> None:
    output = analyze_image(write(tmp_path / "p.png", png_bytes(pixels)))
    assert any(i.startswith(issue) for i in output.data["quality"]["issues"]), output.data["quality"]


def test_blank_image_is_not_sent_to_the_vision_model(tmp_path: Path) -> None:
    model = scripted("never used")
    output = analyze_image(write(tmp_path / "b.png", png_bytes(np.zeros((300, 300), np.uint8))), vision=model)
    assert model.seen == [] and "blank" in output.data["vision_status"]


@pytest.mark.parametrize(
    ("metadata", "persona", "question", "dicom", "domain"),
    [
        ({"Modality": "CR", "BodyPartExamined": "CHEST"}, "nurse", "", True, ImageDomain.CHEST_XRAY),
        ({"Modality": "DX"}, "nurse", "is the wrist broken?", True, ImageDomain.RADIOGRAPH),
        ({"Modality": "MR"}, "nurse", "", True, ImageDomain.CROSS_SECTIONAL),
        ({"Modality": "US"}, "nurse", "", True, ImageDomain.ULTRASOUND),
        ({}, "patient", "is this wound infected?", False, ImageDomain.WOUND),
        ({}, "patient", "this mole changed colour", False, ImageDomain.SKIN_LESION),
        ({}, "patient", "my knee is swollen", False, ImageDomain.CLINICAL_PHOTO),
        ({}, "technician", "crack in this weld?", False, ImageDomain.INDUSTRIAL_DEFECT),
        ({}, "technician", "what does the pressure gauge read?", False, ImageDomain.EQUIPMENT_PANEL),
        ({}, "technician", "look at this", False, ImageDomain.INDUSTRIAL_DEFECT),
    ],
)
def test_domain_comes_from_metadata_then_question_then_persona(metadata, persona, question, dicom, domain) -> None:
    assert choose_domain(metadata, persona, question, dicom) is domain
