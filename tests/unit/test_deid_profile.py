"""DICOM de-identification against the full PS3.15 E.1-1 basic profile table (from dicom-anonymizer)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pydicom
import pytest
from dicomanonymizer.dicomfields_selector import dicom_anonymization_database_selector
from pydicom.datadict import dictionary_VR, keyword_for_tag
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

from tests.conftest import scripted
from tools.images import analyze_image
from tools.images.deid import PROFILE, PROFILE_EDITION, TAG_ACTIONS, deidentify, kept_metadata
from tools.images.render import ImageLimits

SECRET = "QUIBBLESWORTH"


def _value(vr: str, tag: int) -> object:
    # A recognisable value of the right shape for every value representation the table uses.
    if vr in {"PN", "LO", "SH", "LT", "ST", "UT", "UC", "CS", "AE"}:
        return f"{SECRET}{tag:08X}"[:16] if vr in {"SH", "CS", "AE"} else f"{SECRET} {tag:08X} MRN12345678"
    return {
        "DA": "19600102",
        "TM": "101112",
        "DT": "19600102101112",
        "AS": "064Y",
        "UI": f"1.2.826.0.1.{tag}",
        "DS": "71.5",
        "IS": "7",
        "UR": "http://example.org/jane",
        "US": 7,
        "SS": 7,
        "UL": 7,
        "SL": 7,
        "FL": 7.0,
        "FD": 7.0,
        "OB": b"SECRET",
        "OW": b"SECRET",
        "UN": b"SECRET",
        "SV": 7,
        "UV": 7,
    }.get(vr)


def every_profile_attribute() -> Dataset:
    """A dataset with every attribute of the basic profile that pydicom knows set to an identifying value."""
    ds = Dataset()
    for tag in TAG_ACTIONS:
        try:
            vr = dictionary_VR(tag).split(" or ")[0]
        except KeyError:
            continue  # too new for pydicom's dictionary: a file cannot name it by keyword either
        if vr == "SQ":
            item = Dataset()
            item.PatientName = f"{SECRET}^Jonathan"
            item.CodeMeaning = "x"
            ds.add_new(tag, vr, Sequence([item]))
        elif (value := _value(vr, tag)) is not None:
            ds.add_new(tag, vr, value)
    ds.Modality, ds.Rows, ds.Columns = "MR", 8, 8
    return ds


def test_the_profile_is_the_standards_full_table_not_a_subset() -> None:
    table = dicom_anonymization_database_selector(PROFILE_EDITION)
    assert len(TAG_ACTIONS) >= 640 and len(table["ALL_TAGS"]) >= 650
    assert PROFILE["StudyDescription"] == "X" and PROFILE["SeriesDescription"] == "X"
    assert PROFILE["PatientName"] == "Z" and PROFILE["StudyInstanceUID"] == "U"


def test_no_basic_profile_attribute_survives_with_its_value() -> None:
    original = every_profile_attribute()
    assert len(original) > 500
    clean = deidentify(original)
    survivors = []
    for element in original:
        if int(element.tag) not in TAG_ACTIONS:
            continue  # Modality, Rows, Columns: set for a valid image, not on the profile's lists
        kept = clean.get(element.tag)
        if kept is None or kept.value in ("", None, [], b"") or kept.VR == "SQ" and len(kept.value) == 0:
            continue
        if kept.value == element.value or SECRET in str(kept.value):
            survivors.append(keyword_for_tag(element.tag) or f"{int(element.tag):08X}")
    assert survivors == []
    texts: list[str] = []
    clean.walk(lambda _ds, el: texts.append(str(el.value)))
    assert not any(SECRET in t for t in texts)


def test_removed_attributes_are_gone_and_uids_map_the_same_way_every_time() -> None:
    original = every_profile_attribute()
    clean = deidentify(original)
    for keyword, action in PROFILE.items():
        if action == "X":
            assert keyword not in clean, keyword
    assert clean.StudyInstanceUID != original.StudyInstanceUID
    assert deidentify(original).StudyInstanceUID == clean.StudyInstanceUID
    assert clean.PatientIdentityRemoved == "YES" and "E.1-1" in str(clean.DeidentificationMethod)


def _described_file(path: Path) -> Path:
    ds = Dataset()
    ds.PatientName, ds.PatientID, ds.Modality = "Quibblesworth^Jonathan", "MRN12345678", "MR"
    ds.StudyDescription = "MR brain for Quibblesworth Jonathan MRN12345678"
    ds.SeriesDescription = "T2 axial Quibblesworth"
    ds.ImageComments = "called Jonathan's wife on 07700 900123"
    ds.SOPClassUID, ds.SOPInstanceUID = "1.2.840.10008.5.1.4.1.1.4", generate_uid()
    ds.Rows = ds.Columns = 64
    ds.BitsAllocated = ds.BitsStored = 8
    ds.HighBit, ds.SamplesPerPixel, ds.PixelRepresentation = 7, 1, 0
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.PixelData = (np.arange(64 * 64) % 251).astype(np.uint8).tobytes()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID, ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPClassUID, ds.SOPInstanceUID
    ds.save_as(path, enforce_file_format=True)
    return path


def test_free_text_descriptions_never_reach_the_metadata_the_tool_output_or_the_model(tmp_path: Path) -> None:
    path = _described_file(tmp_path / "brain.dcm")
    assert "StudyDescription" not in kept_metadata(deidentify(pydicom.dcmread(path)))
    model = scripted('{"findings": ["none"], "impression": "x", "confidence": "low"}')
    output = analyze_image(
        path, "What do you see?", "nurse", vision=model, limits=ImageLimits(max_side=256, preview_side=64)
    )
    dumped = output.model_dump_json() + json.dumps([str(m.content) for m in model.seen[0]])
    for secret in ("Quibblesworth", "12345678", "Jonathan", "T2 axial", "900123"):
        assert secret not in dumped, secret


@pytest.mark.parametrize("keyword", ["StudyDescription", "SeriesDescription", "PatientSex", "Modality"])
def test_kept_metadata_never_reports_a_profile_attribute_even_from_an_original(keyword: str) -> None:
    ds = Dataset()
    ds.StudyDescription, ds.SeriesDescription, ds.PatientSex, ds.Modality = "MR brain for Jane", "T2", "F", "MR"
    assert (keyword in kept_metadata(ds)) == (keyword == "Modality")
