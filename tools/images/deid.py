"""DICOM de-identification: the Basic Application Level Confidentiality Profile (PS3.15 E.1-1), and more.

The profile's actions apply to the attributes it names; every person name anywhere in the dataset, private tags and
overlays go too.

The product never sends DICOM headers to the model (only re-encoded pixels and the kept metadata), but the metadata
it keeps comes from the de-identified copy, so nothing identifying can slip into an answer or a log.
"""

from __future__ import annotations

import copy
import warnings

from pydicom import DataElement, Dataset
from pydicom.uid import generate_uid

# Action per keyword: "Z" keep the attribute with an empty value, "X" remove, "U" replace the UID consistently.
PROFILE: dict[str, str] = {
    "PatientName": "Z",
    "PatientID": "Z",
    "PatientBirthDate": "Z",
    "PatientBirthTime": "X",
    "PatientSex": "Z",
    "PatientAge": "X",
    "PatientSize": "X",
    "PatientWeight": "X",
    "PatientAddress": "X",
    "PatientTelephoneNumbers": "X",
    "PatientMotherBirthName": "X",
    "PatientBirthName": "X",
    "PatientComments": "X",
    "PatientReligiousPreference": "X",
    "OtherPatientIDs": "X",
    "OtherPatientIDsSequence": "X",
    "OtherPatientNames": "X",
    "IssuerOfPatientID": "X",
    "MedicalRecordLocator": "X",
    "EthnicGroup": "X",
    "Occupation": "X",
    "MilitaryRank": "X",
    "CountryOfResidence": "X",
    "RegionOfResidence": "X",
    "AdditionalPatientHistory": "X",
    "ResponsiblePerson": "X",
    "ResponsibleOrganization": "X",
    "CurrentPatientLocation": "X",
    "AdmissionID": "X",
    "InstitutionName": "X",
    "InstitutionAddress": "X",
    "InstitutionalDepartmentName": "X",
    "ReferringPhysicianName": "Z",
    "ReferringPhysicianAddress": "X",
    "ReferringPhysicianTelephoneNumbers": "X",
    "PerformingPhysicianName": "X",
    "NameOfPhysiciansReadingStudy": "X",
    "PhysiciansOfRecord": "X",
    "RequestingPhysician": "X",
    "OperatorsName": "X",
    "ScheduledPerformingPhysicianName": "X",
    "StationName": "X",
    "DeviceSerialNumber": "X",
    "AccessionNumber": "Z",
    "StudyID": "Z",
    "StudyDate": "Z",
    "StudyTime": "Z",
    "ContentDate": "Z",
    "ContentTime": "Z",
    "SeriesDate": "X",
    "SeriesTime": "X",
    "AcquisitionDate": "X",
    "AcquisitionTime": "X",
    "AcquisitionDateTime": "X",
    "InstanceCreationDate": "X",
    "InstanceCreationTime": "X",
    "PerformedProcedureStepStartDate": "X",
    "PerformedProcedureStepID": "X",
    "RequestAttributesSequence": "X",
    "ImageComments": "X",
    "FrameComments": "X",
    "DerivationDescription": "X",
    "StudyInstanceUID": "U",
    "SeriesInstanceUID": "U",
    "SOPInstanceUID": "U",
    "FrameOfReferenceUID": "U",
    "ReferencedSOPInstanceUID": "U",
    "InstanceCreatorUID": "U",
}
# Kept for the answer: none of these identifies a person.
KEPT_METADATA = (
    "Modality",
    "BodyPartExamined",
    "ViewPosition",
    "ImageLaterality",
    "Laterality",
    "PixelSpacing",
    "ImagerPixelSpacing",
    "SliceThickness",
    "StudyDescription",
    "SeriesDescription",
    "PhotometricInterpretation",
    "BitsStored",
    "Rows",
    "Columns",
    "NumberOfFrames",
    "Manufacturer",
)
_INTEGERS = {"BitsStored", "Rows", "Columns", "NumberOfFrames"}


def _scrub(ds: Dataset) -> None:
    def visit(dataset: Dataset, element: DataElement) -> None:
        action = PROFILE.get(element.keyword)
        if element.VR == "PN" and action is None:
            action = "Z"  # a person's name in any attribute the table does not list
        if action == "X":
            del dataset[element.tag]
        elif action == "Z":
            element.value = None
        elif action == "U" and element.value:
            element.value = generate_uid(entropy_srcs=[str(element.value)])

    ds.walk(visit)


def deidentify(ds: Dataset) -> Dataset:
    """A de-identified copy of ``ds``; the original is left untouched. UIDs map consistently (hash-derived)."""
    clean = copy.deepcopy(ds)  # a shallow copy shares data elements with the original
    clean.remove_private_tags()
    for tag in [t for t in clean.keys() if 0x6000 <= t.group <= 0x60FF]:
        del clean[tag]  # overlays can carry burned-in text
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rewriting non-conformant values (over-long, odd UIDs) warns
        _scrub(clean)
    if hasattr(clean, "file_meta") and "MediaStorageSOPInstanceUID" in clean.file_meta and "SOPInstanceUID" in clean:
        clean.file_meta.MediaStorageSOPInstanceUID = clean.SOPInstanceUID
    clean.PatientIdentityRemoved = "YES"
    clean.DeidentificationMethod = "CareForge basic profile subset; private tags, overlays removed"
    return clean


def kept_metadata(ds: Dataset) -> dict[str, object]:
    """The non-identifying attributes the answer may mention, as JSON-friendly values."""
    out: dict[str, object] = {}
    for keyword in KEPT_METADATA:
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
