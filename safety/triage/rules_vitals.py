"""Observations in nurse shorthand read as numbers: the NEWS2 escalation rule, not a phrase list.

"T 39.6, RR 30, SpO2 91%, BP 88/46, HR 124" names no condition, so no phrase rule or exemplar sees it; its numbers do.
Each sentence's observations are scored with the Royal College of Physicians' National Early Warning Score 2 (2017):
an aggregate of 5 or more, or any single parameter scoring 3, calls for an urgent response, and raises a flag here.
A GCS of 12 or less, a lactate of 4 mmol/L or more and a stated NEWS2 of 7 or more flag too. The category follows
what the sentence says around the numbers (bleeding, infection, a fall, breathing), else the sepsis pathway, which
is what NICE NG51 asks for an unexplained deteriorating patient.
"""

from __future__ import annotations

import re

from safety.triage.rules import counts_at

_NUM = r"\s*(?:of|is|was|at|:|=|now|down to|dropping to|dropped to)?\s*"
_HR = re.compile(r"\b(?:heart rate|pulse|hr)" + _NUM + r"(\d{2,3})\b|\b(\d{2,3})\s*(?:bpm|beats (?:a|per) min\w*)\b")
# (blood pressure as other languages' notes write it: "Blutdruck 75/45", "tension 80/50", "tensiune 70/40")
_SBP = re.compile(
    r"\b(?:bp|blood pressure|sbp|systolic(?: pressure)?|nibp|blutdruck|tension(?: art[ée]rielle)?|"
    r"presi[oó]n arterial|pressione arteriosa|press[aã]o arterial|ci[sś]nienie(?: krwi)?|tensiune(?: arterial[aă])?|"
    r"tansiyon|bloeddruk)" + _NUM + r"(\d{2,3})(?:\s*/\s*\d{2,3})?\b"
)
_RR = re.compile(r"\b(?:breathing rate|resp(?:iratory)? rate|resps|rr)" + _NUM + r"(\d{1,2})\b")
_SPO2 = re.compile(
    r"\b(?:oxygen saturation|sat(?:uration)?s?|spo2|o2)" + _NUM + r"(\d{2})\s*%?|desat\w*\s*(?:to\s*)?(\d{2})\b"
)
_TEMP = re.compile(r"\b(?:t|temp(?:erature)?)" + _NUM + r"(3[2-9]|4[0-3])(?:[.,](\d))?\b")
_GCS = re.compile(
    r"\bgcs\s*(?:of|is|was|:|=|dropped|down|fell|now)?\s*(?:from\s*)?(?:\d{1,2}\s*(?:->|→|to)\s*)?(\d{1,2})\b"
)
_LACTATE = re.compile(r"\blactate" + _NUM + r"(\d{1,2}(?:[.,]\d)?)")
# BTS/SIGN 158: a peak flow under half the patient's best or predicted is an acute severe attack.
_PEF = re.compile(
    r"\bpeak ?flow\s*(?:of|is|was|at|:|=|now|only|down to)?\s*(\d{2,3})\b[^.;]{0,40}?\b(?:normal\w*|usual\w*|best|"
    r"predicted|usually)\s*(?:is|of|=|:|around|about)?\s*(\d{2,3})\b"
)
_PEF_USUAL_FIRST = re.compile(  # "peak flow is usually 450, right now it's 160"
    r"\bpeak ?flow\s*(?:is\s+)?(?:usually|normally|normal is|best is)\s*(\d{2,3})\b[^.;]{0,40}?\b(?:now|today|right now|"
    r"tonight)\s*(?:it'?s|is|was|:)?\s*(\d{2,3})\b"
)
_NEWS = re.compile(r"\bnews2?(?: score)?" + _NUM + r"(\d{1,2})\b")
_CONFUSED = re.compile(
    r"(?<!no )(?<!not )(?<!denies )\b(new(ly)? confus\w*|acutely confused|new confusion|not making sense|delirious)\b"
)
_SCALE_2 = re.compile(r"\b(scale 2|target (sats |spo2 )?88|88 ?(-|to) ?92|hypercapni\w*|co2 retain\w*)")
_RANGE = re.compile(
    r"\b(target|range|aim|between|goal|normal|things like|such as|criteria|e\.g\.?|if)\b[^.;]*|\d+\s*(-|–|to)\s*\d+\s*%"
)  # not a reading
_SENTENCE = re.compile(r"(?:[^.;\n]|\.(?=\d))+")  # "35.1" stays in its sentence
_CONTEXT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bleeding", re.compile(r"bleed|haemat|hemat|haemorrh|hemorrh|melaena|melena|varices|blood loss|\bpr blood")),
    ("head_injury", re.compile(r"\b(fall|fell|fallen|head|haematoma|hematoma)\b")),
    (
        "obstetric",
        # (a gestation is 10/40 to 42/40: "70/40" is a blood pressure)
        re.compile(
            r"pregnan|post-?partum|lochia|\b([1-3]\d|4[0-2])/40\b|\b[2-4]\d weeks\b|\bg\dp\d\b|antenatal|labour|labor"
        ),
    ),
    ("overdose", re.compile(r"overdos|blister packs?|tablets|empty (bottle|packet)|poison|toxic")),
    (
        "anaphylaxis",  # (and in other languages: hives, a sting, contrast dye)
        re.compile(
            r"anaphyla|angioedema|urticaria|hives|allerg|alerg|adrenaline|quaddel|nesselsucht|urticaire|orticaria|"
            r"pokrzywk|(wespen|bienen)stich|kontrastmittel|contrast|picadura|piq[uû]re"
        ),
    ),
)


def _band(value: float, bands: tuple[tuple[float, float, int], ...]) -> int:
    return next((points for low, high, points in bands if low <= value <= high), 0)


def _score(sentence: str) -> tuple[int, int, set[str]]:
    """(NEWS2 aggregate, highest single parameter, which parameters scored) for one sentence."""
    points: dict[str, int] = {}
    if m := _RR.search(sentence):
        points["rr"] = _band(float(m.group(1)), ((0, 8, 3), (9, 11, 1), (21, 24, 2), (25, 80, 3)))
    if m := _SPO2.search(sentence):
        value = float(m.group(1) or m.group(2))
        # NEWS2 SpO2 scale 2 for hypercapnic respiratory failure (target 88-92%): 88 and above scores nothing.
        scale_2 = ((40, 83, 3), (84, 85, 2), (86, 87, 1))
        points["spo2"] = _band(value, scale_2 if _SCALE_2.search(sentence) else ((40, 91, 3), (92, 93, 2), (94, 95, 1)))
    if m := _SBP.search(sentence):
        points["sbp"] = _band(float(m.group(1)), ((30, 90, 3), (91, 100, 2), (101, 110, 1), (220, 300, 3)))
    if m := _HR.search(sentence):
        points["hr"] = _band(
            float(m.group(1) or m.group(2)), ((20, 40, 3), (41, 50, 1), (91, 110, 1), (111, 130, 2), (131, 300, 3))
        )
    if m := _TEMP.search(sentence):
        value = float(m.group(1)) + float(m.group(2) or 0) / 10
        points["temp"] = _band(value, ((30, 35.0, 3), (35.1, 36.0, 1), (38.1, 39.0, 1), (39.1, 45, 2)))
    if _CONFUSED.search(sentence):
        points["avpu"] = 3
    scored = {k for k, v in points.items() if v}
    return sum(points.values()), max(points.values(), default=0), scored


def _category(sentence: str, scored: set[str]) -> str:
    for key, pattern in _CONTEXT:
        if pattern.search(sentence):
            return key
    if scored and scored <= {"spo2", "rr"}:
        return "breathing"
    if scored == {"hr"}:  # a pulse far out of range on its own is the heart's (Resuscitation Council brady/tachy)
        return "chest_pain"
    return "sepsis"


def match_vitals(lowered: str) -> list[str]:
    """Categories raised by observations that call for an urgent response (NEWS2), per sentence."""
    hits: list[str] = []
    for match in _SENTENCE.finditer(lowered):
        sentence = _RANGE.sub(" ", match.group(0))
        if not any(ch.isdigit() for ch in sentence) or not counts_at(lowered, match.start(), match.end()):
            continue
        total, highest, scored = _score(sentence)
        news = _NEWS.search(sentence)
        lactate = _LACTATE.search(sentence)
        gcs = _GCS.search(sentence)
        low_gcs = gcs is not None and 3 <= int(gcs.group(1)) <= 12
        if low_gcs:
            scored.add("gcs")
        severe_bp = (m := _SBP.search(sentence)) is not None and int(m.group(1)) >= 160
        if severe_bp and _CONTEXT[2][1].search(sentence):  # severe hypertension in pregnancy (NICE NG133)
            total = max(total, 5)
        if not (
            total >= 5
            or highest >= 3
            or low_gcs
            or (news and int(news.group(1)) >= 7)
            or (lactate and float(lactate.group(1).replace(",", ".")) >= 4)
            or ((pef := _PEF.search(sentence)) is not None and 2 * int(pef.group(1)) < int(pef.group(2)))
            or (
                (usual := _PEF_USUAL_FIRST.search(sentence)) is not None
                and 2 * int(usual.group(2)) < int(usual.group(1))
            )
        ):
            continue
        peak_flow = _PEF.search(sentence) or _PEF_USUAL_FIRST.search(sentence)
        key = _category(sentence, scored) if scored or not peak_flow else "breathing"
        if low_gcs and key == "sepsis" and scored == {"gcs"}:
            key = "unconscious"
        if key not in hits:
            hits.append(key)
    return hits
