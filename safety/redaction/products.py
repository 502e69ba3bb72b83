"""Product and model names before a number ("Humalog Mix 25", "Sysmex XN 1000", "Band 6", "GOLD 3").

A brand, a device model, a grade or a scale is written as a word and a small number; a person's name is not, unless
the number is an age ("Ava 19yo") or a bed. A run of words the detector took for a name is given back when a small
number follows it directly and nothing but a weak cue put it there: no title, no name label, no relative before it,
its first word is no listed first name and its last no listed surname that is no English word ("Patel 61").
"""

from __future__ import annotations

import re
from typing import Protocol

# A street before its house number is an address, left for the address rule: "vive en Calle Quintana 14".
_ADDRESS_BEFORE = re.compile(
    r"\b(?:live[sd]?|living|address|adresse|domicilio|residente|vive|morada|wohnhaft|wohnt|resides?)\b[^;\n]{0,40}$",
    re.I,
)
# Where care happens, not who receives it: "born at Frimley Park", "treated at the Marsden", "admitted to Hope
# Farm". A hospital named without an institution word is a place; a person is not born at or admitted to a person.
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:born|admitted|transferred|delivered|treated|discharged|attends?|attending|seen|operated|ward)"
    r"[ \t]+(?:at|to|in|from)[ \t]+(?:the[ \t]+)?|\b(?:at|to|from)[ \t]+the[ \t]+)$",
    re.I,
)
# A number of one to four digits with at most a short unit ("20G", "35%", "IIb" is a word), not part of a date, a
# time, a phone number or a range, and not an age ("19yo", "84 years", "3 M").
_NUMBER_AFTER = re.compile(
    r"[ \t]+\d{1,4}(?:[A-Za-z%]{1,3})?(?![\d/:.,-]?\d)(?![ \t]*(?:y|yo|yr|yrs|years?|m|f|mo|months?|wks?"
    r"|weeks?|days?|d)\b)(?!\w)",
    re.I,
)


class _Words(Protocol):
    text: str
    titled: set[int]
    strong_cued: set[int]
    kin: set[int]
    words: list[re.Match[str]]

    def adjacent(self, i: int) -> bool: ...

    def in_first(self, i: int) -> bool: ...

    def surname(self, i: int) -> bool: ...


def give_back_products(t: _Words, hits: set[int]) -> set[int]:
    """``hits`` without the runs that read as a place of care, or a product, a model or a grade with its number."""
    drop: set[int] = set()
    for i in sorted(hits):
        if i - 1 in hits and t.adjacent(i - 1):
            continue  # not the first word of its run
        run = [i]
        while run[-1] + 1 in hits and t.adjacent(run[-1]):
            run.append(run[-1] + 1)
        cued = any(t.words[k].start() in t.titled | t.strong_cued | t.kin for k in run)
        if not cued and _PLACE_BEFORE.search(t.text, max(0, t.words[i].start() - 40), t.words[i].start()):
            drop.update(run)
            continue
        if not _NUMBER_AFTER.match(t.text, t.words[run[-1]].end()):
            continue
        # A short word in capitals before a number is a score's name ("ASA 3", "GCS 14"), though a name list has it.
        short = len(run) == 1 and t.words[i].group().isupper() and len(t.words[i].group()) <= 4
        if (
            cued
            or not short
            and (t.in_first(i) or t.surname(run[-1]))
            or _ADDRESS_BEFORE.search(t.text, 0, t.words[run[-1]].end())
        ):
            continue
        drop.update(run)
    return hits - drop
