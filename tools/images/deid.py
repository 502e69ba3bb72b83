"""DICOM de-identification: the Basic Application Level Confidentiality Profile (PS3.15 E.1-1), in full, and more.

The profile table (655 attributes with their actions, PS3.15 2026c) comes from the maintained ``dicom-anonymizer``
package (Kitware, BSD-3-Clause), so it follows the standard's editions instead of a hand-copied subset; the actions
are applied here so that UIDs map the same way in every process (hash-derived) and nothing is printed. Beyond the
profile: every person name anywhere in the dataset, private tags, overlays and curves go too.

Free-text descriptions (StudyDescription, SeriesDescription, ImageComments, ...) are on the profile's remove list, so
they never reach the model, the thread or the audit: the product never sends DICOM headers to the model (only
re-encoded pixels and the kept metadata), and the kept metadata comes from the de-identified copy.
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Callable
from typing import Any

from dicomanonymizer.dicomfields_selector import dicom_anonymization_database_selector
from dicomanonymizer.simpledicomanonymizer import replace_element
from pydicom import DataElement, Dataset
from pydicom.datadict import keyword_for_tag
from pydicom.multival import MultiValue
from pydicom.uid import generate_uid

PROFILE_EDITION = "dicomfields_2026c"
# The table's combined actions, reduced to the most protective one the standard allows for each ("X/Z/D": remove).
_CATEGORIES = {
    "D_TAGS": "D",
    "Z_TAGS": "Z",
    "X_TAGS": "X",
    "U_TAGS": "U",
    "Z_D_TAGS": "Z",
    "X_Z_TAGS": "X",
    "X_D_TAGS": "X",
    "X_Z_D_TAGS": "X",
    "X_Z_U_STAR_TAGS": "X",
}


def _load_table() -> tuple[dict[int, str], list[tuple[int, int, int, int, str]]]:
    table = dicom_anonymization_database_selector(PROFILE_EDITION)
    exact: dict[int, str] = {}
    masked: list[tuple[int, int, int, int, str]] = []
    for category, action in _CATEGORIES.items():
        for tag in table[category]:
            if len(tag) == 2:
                exact[(tag[0] << 16) | tag[1]] = action
            else:  # a repeating group: (group, element, group mask, element mask), e.g. overlay data 60xx,3000
                masked.append((tag[0], tag[1], tag[2], tag[3], action))
    return exact, masked


TAG_ACTIONS, MASKED_ACTIONS = _load_table()
# Action per keyword, for the attributes pydicom names: "X" remove, "Z" empty, "D" dummy value, "U" new UID.
PROFILE: dict[str, str] = {kw: a for tag, a in TAG_ACTIONS.items() if (kw := keyword_for_tag(tag))}
# Kept for the answer: none of these identifies a person, and none is on the profile's lists.
KEPT_METADATA = (
    "Modality",
    "BodyPartExamined",
    "ViewPosition",
    "ImageLaterality",
    "Laterality",
    "PixelSpacing",
    "ImagerPixelSpacing",
    "SliceThickness",
    "PhotometricInterpretation",
    "BitsStored",
    "Rows",
    "Columns",
    "NumberOfFrames",
    "Manufacturer",
)
_INTEGERS = {"BitsStored", "Rows", "Columns", "NumberOfFrames"}


def _action(element: DataElement) -> str | None:
    tag = int(element.tag)
    action = TAG_ACTIONS.get(tag)
    if action is None:
        group, elem = tag >> 16, tag & 0xFFFF
        for g, e, gmask, emask, masked in MASKED_ACTIONS:
            if group & gmask == g & gmask and elem & emask == e & emask:
                return masked
    if action is None and element.VR == "PN":
        return "Z"  # a person's name in any attribute the table does not list
    return action


def _new_uid(value: Any) -> Any:
    # Hash-derived: the same original UID maps to the same new UID in every process, so series stay together.
    if isinstance(value, MultiValue | list):
        return [generate_uid(entropy_srcs=[str(v)]) for v in value]
    return generate_uid(entropy_srcs=[str(value)])


_APPLY: dict[str, Callable[[Dataset, DataElement], None]] = {
    "X": lambda dataset, element: dataset.__delitem__(element.tag),
    # Zero length, as the standard says (dicom-anonymizer writes 00010101 into dates instead).
    "Z": lambda _dataset, element: setattr(element, "value", [] if element.VR == "SQ" else None),
    "D": lambda _dataset, element: (
        setattr(element, "value", _new_uid(element.value))
        if element.VR == "UI"
        else setattr(element, "value", [])
        if element.VR == "SQ"
        else replace_element(element)
    ),
    "U": lambda _dataset, element: setattr(element, "value", _new_uid(element.value)) if element.value else None,
}


def _scrub(ds: Dataset) -> None:
    def visit(dataset: Dataset, element: DataElement) -> None:
        action = _action(element)
        if action is not None:
            _APPLY[action](dataset, element)

    ds.walk(visit)


def deidentify(ds: Dataset) -> Dataset:
    """A de-identified copy of ``ds``; the original is left untouched. UIDs map consistently (hash-derived)."""
    clean = copy.deepcopy(ds)  # a shallow copy shares data elements with the original
    clean.remove_private_tags()
    for tag in [t for t in clean.keys() if 0x6000 <= t.group <= 0x60FF or 0x5000 <= t.group <= 0x50FF]:
        del clean[tag]  # overlays can carry burned-in text; curves (retired) can carry annotations
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rewriting non-conformant values (over-long, odd UIDs) warns
        _scrub(clean)
    if hasattr(clean, "file_meta") and "MediaStorageSOPInstanceUID" in clean.file_meta and "SOPInstanceUID" in clean:
        clean.file_meta.MediaStorageSOPInstanceUID = clean.SOPInstanceUID
    clean.PatientIdentityRemoved = "YES"
    # LO values are at most 64 characters: one value per statement.
    clean.DeidentificationMethod = [
        f"DICOM PS3.15 E.1-1 basic profile ({PROFILE_EDITION[-5:]} table)",
        "all person names, private tags, overlays, curves removed",
    ]
    return clean


def kept_metadata(ds: Dataset) -> dict[str, object]:
    """The non-identifying attributes the answer may mention, as JSON-friendly values.

    Called on the de-identified copy: attributes the profile removes (the descriptions among them) are absent.
    """
    out: dict[str, object] = {}
    for keyword in KEPT_METADATA:
        if PROFILE.get(keyword) in {"X", "Z", "D"}:
            continue  # never, even when called on an original by mistake
        value = ds.get(keyword)
        if value is None or value == "":
            continue
        if keyword in _INTEGERS:
            out[keyword] = int(value)
        elif hasattr(value, "__iter__") and not isinstance(value, str):
            out[keyword] = [float(v) for v in value]
        elif keyword == "SliceThickness":
            out[keyword] = float(value)
        else:
            out[keyword] = str(value)
    return out


def burned_in_annotation(ds: Dataset) -> str | None:
    """A warning when the image may show identifiers in its pixels."""
    declared = str(ds.get("BurnedInAnnotation", "")).upper()
    if declared == "YES":
        return "the file declares burned-in annotation: the pixels may show identifiers"
    if not declared and str(ds.get("Modality", "")) in {"US", "SC", "XC", "OT", "ES"}:
        return "burned-in annotation not declared; ultrasound and secondary-capture images often show identifiers"
    return None
