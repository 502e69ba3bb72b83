"""Equipment identifiers in OCR text: error and alarm codes, model and serial numbers, asset ids.

Patterns tolerate what OCR does to screens and nameplates: lost spaces ("E-27OCCLUSION", "SN:4471XB2"),
letter O read for zero inside numbers. Each value is returned as printed (tidied), once, in reading order.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

# Asset tags as this product's logs write them (VNT-0107, IP-0121): 2-4 letters, a hyphen, 3-5 digits.
_ASSET = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2,4})\s?-\s?(\d{3,5})(?![0-9])")
# Label words glued in front of an asset tag ("ASSETIP-0121", "TAG:VNT-0107") are split off first.
_ASSET_LABEL = re.compile(
    r"\b(ASSET(?:\s*(?:ID|TAG|NO))?|TAG|EQUIP(?:MENT)?\s*ID|INV(?:ENTORY)?\s*(?:NO)?)\s*[:#.]?\s*", re.I
)
_SERIAL = re.compile(
    r"(?<![A-Za-z])(?:S\s?/\s?N|SN|SER(?:IAL)?\.?\s*(?:NO\.?|NUMBER|NUM|#)?)\s*[:#.]?\s*([A-Z0-9][A-Z0-9\-/]{3,})",
    re.I,
)
_MODEL = re.compile(
    r"(?<![A-Za-z])(?:M[O0]DEL|MOD\.|TYPE|REF|P\s?/\s?N)\s*(?:NO\.?|#)?\s*[:#.]?\s*([A-Z0-9][A-Z0-9\-/.]*[A-Z0-9])",
    re.I,
)
# Codes: a word prefix (space allowed) or a single letter glued or hyphenated to the number.
_CODE = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    r"(?P<word>ERR(?:OR)?(?:\s*CODE)?|ALARM(?:\s*CODE)?|ALM|AL|FAULT(?:\s*CODE)?|FLT|CODE|WARN(?:ING)?|WRN)"
    r"\s*[-:#.]?\s*(?P<wnum>[A-Z]?\d{1,4}(?:[A-Z](?![A-Za-z]))?)"
    r"|(?P<letter>[EAFW])(?P<sep>-?)(?P<lnum>\d{1,4}))(?![0-9])",
    re.I,
)


# OCR reads zero as the letter O after a code letter ("FO7") or inside a number ("PM-O1O2").
_LETTER_O = re.compile(r"(?<![A-Za-z])([EAFW]-?|\d)[Oo](?=\d)")


class EquipmentText(BaseModel):
    """Identifiers read from a screen, label or nameplate."""

    codes: list[str] = Field(default_factory=list, description="Error and alarm codes, e.g. E-27, ERR 104, A12.")
    models: list[str] = Field(default_factory=list)
    serials: list[str] = Field(default_factory=list)
    asset_ids: list[str] = Field(default_factory=list)


def code_key(code: str) -> str:
    """The comparison form of a code or identifier: upper case letters and digits only ("Err 104" -> "ERR104")."""
    return re.sub(r"[^A-Z0-9]", "", code.upper())


def _add(out: list[str], value: str) -> None:
    if value and code_key(value) not in {code_key(v) for v in out}:
        out.append(value)


def _has_digit(value: str) -> bool:
    return any(c.isdigit() for c in value)


def read_equipment_text(lines: list[str]) -> EquipmentText:
    """Codes, model and serial numbers and asset ids in the OCR lines of one image."""
    found = EquipmentText()
    for raw in lines:
        line = _ASSET_LABEL.sub(lambda m: m.group(0).rstrip() + " ", raw)
        line = _LETTER_O.sub(lambda m: m.group(1) + "0", line)
        taken: list[tuple[int, int]] = []
        for match in _SERIAL.finditer(line):
            if _has_digit(match.group(1)):
                _add(found.serials, match.group(1).strip("-/"))
                taken.append(match.span())
        for match in _MODEL.finditer(line):
            if _has_digit(match.group(1)) and not _overlaps(match.span(), taken):
                _add(found.models, match.group(1))
                taken.append(match.span())
        for match in _ASSET.finditer(line):
            if not _overlaps(match.span(), taken):
                _add(found.asset_ids, f"{match.group(1)}-{match.group(2)}")
                taken.append(match.span())
        for match in _CODE.finditer(line):
            if _overlaps(match.span(), taken):
                continue
            if match.group("word"):
                word = re.sub(r"\s+", " ", match.group("word").upper())
                number = match.group("wnum").upper()
                # "Last fault F33": the code is F33; the word only announced it.
                _add(found.codes, number if number[0].isalpha() else f"{word} {number}")
            else:
                _add(found.codes, f"{match.group('letter').upper()}{match.group('sep')}{match.group('lnum')}")
    return found


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)
