"""Where each part of an image's reading came from: the OCR text (read by code) or the vision model (looked at it).

With a vision model configured, the OCR text goes with the image as context; the structured result then labels
every finding, medicine name and code with its source, and the summary says which came from which. Only what OCR
read (through the drug resolver) feeds the interaction check: a name only the vision model reports is shown,
labelled, and left for the reader to confirm.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tools.drugs import DrugNameResolver
from tools.images.codes import code_key
from tools.images.reading import TextRead, default_resolver
from tools.images.vision import VisionReading

OCR_LABEL = "read from the image text (OCR)"
VISION_LABEL = "seen by the vision model"
LABELS = {"ocr": OCR_LABEL, "vision": VISION_LABEL}
MODEL_ONLY_NOTE = "not checked for interactions: confirm it on the image"


def filter_reading(reading: VisionReading, text_filter: Callable[[str], str] | None) -> VisionReading:
    """The model's reading with the read-text filter (identifier redaction) applied: it looked at the same pixels."""
    if text_filter is None:
        return reading
    return reading.model_copy(
        update={
            "findings": [text_filter(f) for f in reading.findings],
            "medicines": [text_filter(m) for m in reading.medicines],
            "codes": [text_filter(c) for c in reading.codes],
            "impression": text_filter(reading.impression),
            "next_step": text_filter(reading.next_step),
            "limitations": [text_filter(x) for x in reading.limitations],
        }
    )


def _merge(entries: dict[str, dict[str, Any]], key: str, value: str, source: str, field: str) -> None:
    entry = entries.setdefault(key, {field: value, "sources": []})
    if LABELS[source] not in entry["sources"]:
        entry["sources"].append(LABELS[source])


def provenance(
    read: TextRead | None, reading: VisionReading | None, resolver: DrugNameResolver | None = None
) -> dict[str, Any]:
    """Findings, medicines and codes, each with the sources that gave it (``LABELS`` values)."""
    findings: list[dict[str, str]] = []
    medicines: dict[str, dict[str, Any]] = {}
    codes: dict[str, dict[str, Any]] = {}
    if read is not None:
        for ingredient in read.ingredients:
            _merge(medicines, ingredient, ingredient, "ocr", "name")
        for code in read.codes:
            _merge(codes, code_key(code), code, "ocr", "code")
    if reading is not None:
        sources = reading.finding_sources + ["vision"] * (len(reading.findings) - len(reading.finding_sources))
        findings = [{"text": f, "source": LABELS[s]} for f, s in zip(reading.findings, sources, strict=False)]
        resolver = resolver or default_resolver()
        for name in reading.medicines:
            resolved = resolver.resolve(name).ingredients if name.strip() else []
            for ingredient in resolved or [name.strip().lower()]:
                if ingredient:
                    _merge(medicines, ingredient, ingredient, "vision", "name")
        for code in reading.codes:
            if code_key(code):
                _merge(codes, code_key(code), code.strip(), "vision", "code")
    for entry in medicines.values():
        entry["checked_for_interactions"] = OCR_LABEL in entry["sources"]
    return {
        "labels": LABELS,
        "findings": findings,
        "medicines": list(medicines.values()),
        "codes": list(codes.values()),
    }


def _sources(entry: dict[str, Any]) -> str:
    return " and ".join(entry["sources"])


def provenance_lines(found: dict[str, Any], ocr_given: bool) -> list[str]:
    """Summary sentences: the findings labelled by source, then medicines and codes with theirs."""
    lines: list[str] = []
    findings = found["findings"]
    if not ocr_given:
        texts = "; ".join(f["text"] for f in findings) or "none stated"
        lines.append(f"Findings (preliminary): {texts}.")
        lines.append(f"Source of the findings: {VISION_LABEL} (no text was read from the image).")
    else:
        texts = "; ".join(f"{f['text']} [{f['source']}]" for f in findings) or "none stated"
        lines.append(f"Findings (preliminary): {texts}.")
    named = [
        f"{m['name']} ({_sources(m)}{'' if m['checked_for_interactions'] else '; ' + MODEL_ONLY_NOTE})"
        for m in found["medicines"]
    ]
    if named:
        lines.append("Medicine names by source: " + "; ".join(named) + ".")
    coded = [f"{c['code']} ({_sources(c)})" for c in found["codes"]]
    if coded:
        lines.append("Codes by source: " + "; ".join(coded) + ".")
    return lines
