"""Deterministic extraction of the clinical case from what the user wrote: who, where, what was measured, medicines.

A report is built from these facts, not from the request that asked for it. Every fact keeps the wording and the
value the user gave ("INR 4.2", "warfarin 5 mg"); nothing is inferred, so a fact the conversation does not hold is
simply absent and its section says "not stated".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

from safety.redaction.names import redact_names
from tools.drugs import name_words


class NameLike(Protocol):
    """What the drug name reader returns for each medicine it finds in free text."""

    typed: str
    ingredients: list[str]
    start: int | None
    end: int | None
    kind: str


MedicineReader = Callable[[str], Sequence[NameLike]]

# Class and everyday names the interaction knowledge base does not list as ingredients, yet a handoff must carry
# ("on insulin", "allergic to penicillin").
_CLASS_NAMES = re.compile(
    r"\b(insulin|penicillins?|sulfonamides?|sulfa drugs?|nsaids?|opioids?|cephalosporins?|latex|oxygen)\b", re.I
)


@dataclass(slots=True)
class _Found:
    typed: str
    ingredients: list[str]
    start: int | None
    end: int | None
    kind: str = "medicine"


def _with_classes(reader: MedicineReader, text: str) -> list[NameLike]:
    """The reader's names plus class names it does not know, in text order."""
    found: list[NameLike] = list(reader(text))
    taken = [(m.start or 0, m.end or 0) for m in found]
    for m in _CLASS_NAMES.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            found.append(_Found(m.group(1), [m.group(1).lower()], m.start(), m.end()))
    return sorted(found, key=lambda m: m.start or 0)


_TITLE_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?")
_BED = re.compile(r"\bbed (?:no\.? ?)?(\d{1,3}[A-Z]?)\b", re.I)
_WARD = re.compile(r"\b(ward (?:\d{1,2}[A-Z]?|[A-Z]\d?)|ICU|HDU|CCU|NICU|ED|A&E|bay \d{1,2})\b")
_AGE = re.compile(
    r"\b(\d{1,3})[- ]?(?:years?|yrs?|yo|y/o)(?:[- ]old)?\b|"
    r"\b(?:aged?|he's|she's|he is|she is) (\d{1,3})\b(?! ?(?:mg|kg|%))",
    re.I,
)
_BARE_AGE = re.compile(r"^(\d{2,3})$")
_LABELS = (
    r"BP|blood pressure|HR|heart rate|pulse|RR|resp(?:iratory)? rate|SpO2|O2 sats|sats|saturations|temp(?:erature)?|"
    r"GCS|pain score|glucose|BM|blood sugar|BGL|ketones|INR|K\+?|potassium|Na|sodium|Hb|ha?emoglobin|WBC|CRP|"
    r"lactate|troponin|creatinine|eGFR|platelets|urea|magnesium|weight|aPTT|NEWS2?|urine output"
)
_MEASURE = re.compile(
    rf"\b({_LABELS})(?![\w+])(?:\s+(?:is|was|of|at|now|today|this morning|=)|:)*\s*"
    r"(\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?)(?![:\d])(\s*(?:%|mmol/L|mmHg|kg|°C|bpm|mg/L|g/L|ng/L|mL/h|/min))?"
    r"(\s+on (?:\d+ ?L(?:/min)?|air|room air|\d+% ?O2))?",
    re.I,
)
_DOSE = re.compile(r"^\s*(\d+(?:\.\d+)?\s*(?:mg|mcg|micrograms?|g|units?(?:/h)?|ml|mL|%|puffs?)\b)", re.I)
_ASKED = re.compile(
    r"\b(?:can|could|may|should|to|whether|if)\b(?:\s+\w+){0,3}?\s+(?:take|have|add|give|use|drink|start)\b|"
    r"\bwhether\b|\bis it (?:ok|okay|safe)\b|\bwhat about\b|\basked about\b|\basks? about\b|\binstead of\b",
    re.I,
)
_CURRENT = re.compile(r"\b(?:on|takes?|taking|receiving|prescribed|currently|my|using|given|started)\b", re.I)
_ALLERGY = re.compile(r"\b(?:allerg\w*|intoleran\w*|reaction to)\b", re.I)
REQUEST = re.compile(
    r"\b(report|summary|summari[sz]e|handoff|hand-off|handover|sbar|work order|write[- ]up|write up)\b", re.I
)
_REQUEST_VERB = re.compile(r"\b(draft|write|prepare|generate|create|make|give|need|want|please|pls|do)\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
_CLAUSE = re.compile(r",\s+|:\s+|;\s*")
_HISTORY = re.compile(
    r"\b(admitted|history|hx|pmh|known|post-?op|day \d+ (?:post|after)|after (?:\w+ ){0,2}(?:surgery|replacement|"
    r"resection|operation)|diagnosed|background|type [12] diabetes|copd|lives)\b",
    re.I,
)
_PLAN = re.compile(
    r"^(?:plan\b|needs?\b|to be\b|recheck|re-check|repeat|review|monitor|hold|withhold|continue|chase|escalate|"
    r"call|refer|keep|awaiting|due|follow[- ]up|mark|check|obs|neuro obs)",
    re.I,
)
_FOR = re.compile(r"\bfor (?:my|his|her|their|a|an|the) ([a-z][a-z ]{2,40}?)(?=[.,;?!]|$)", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_FILLER = frozenset(
    "he she they i we is was are has had have the a an and in on at with of to for his her their it its who "
    "patient pt man woman lady gentleman now currently also today this morning please i'm im he's she's i've "
    "they're we're".split()
)
# Words that only qualify a medicine ("daily", "as needed"): a clause of these and a name says nothing more.
_MED_FILLER = _FILLER | frozenset(
    "daily twice day every bd od tds qds prn as needed nightly night evening regular regularly dose takes take "
    "taking on".split()
)


@dataclass(slots=True)
class Medicine:
    """A medicine the user named, as written, with what the name stands for and the dose given with it."""

    typed: str
    ingredients: list[str]
    dose: str = ""

    def label(self) -> str:
        """E.g. "Coumadin (warfarin) 5 mg": the name as written, the ingredient when it differs, the dose as stated."""
        shown = self.typed
        plain = ", ".join(self.ingredients)
        if plain and plain.lower() != self.typed.lower():
            shown += f" ({plain})"
        return f"{shown} {self.dose}".strip()


@dataclass(slots=True)
class Case:
    """What the conversation states about the patient; each list keeps the user's order."""

    name: str | None = None
    bed: str | None = None
    ward: str | None = None
    age: str | None = None
    measurements: list[str] = field(default_factory=list)
    current: list[Medicine] = field(default_factory=list)
    asked: list[Medicine] = field(default_factory=list)
    mentioned: list[Medicine] = field(default_factory=list)
    allergies: list[str] = field(default_factory=list)
    concerns: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)
    plans: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # "for my knee pain": why a medicine was asked about
    statements: list[str] = field(default_factory=list)  # every sentence that is not the report request

    def who(self, with_name: bool) -> str:
        """'Patient in bed 4, ward 7B, age 78', with the name first only when the deployment allows it."""
        place = ", ".join(x for x in (self.bed and f"bed {self.bed}", self.ward and self.ward) if x)
        parts = [(self.name if with_name and self.name else "Patient") + (f" in {place}" if place else "")]
        if self.age:
            parts.append(f"age {self.age}")
        return ", ".join(parts) if (place or self.age or (with_name and self.name)) else ""


@cache
def default_reader() -> MedicineReader:
    """The bundled knowledge base's free-text reader, built once (about 0.3 s) when no reader is passed."""
    from tools.drugs import DrugNameResolver, default_knowledge_base

    return DrugNameResolver(default_knowledge_base()).find_in_text


def is_request(text: str) -> bool:
    """True for a sentence or clause that only asks for the report ("Please draft the SBAR handoff for bed 4")."""
    if not REQUEST.search(text):
        return False
    rest = [w for w in _WORD.findall(REQUEST.sub(" ", text)) if w.lower() not in _FILLER]
    return bool(_REQUEST_VERB.search(text)) or len(rest) <= 2


def sentences(texts: Sequence[str]) -> list[str]:
    """The user's sentences, oldest first, without the ones that only ask for a report."""
    out = []
    for text in texts:
        for sentence in _SENTENCE.split(text.strip()):
            sentence = sentence.strip()
            if sentence and is_request(sentence):
                # "Bed 4 is on warfarin, prepare an SBAR handoff": keep the clauses that are not the request.
                sentence = ", ".join(c for c in re.split(r",\s+", sentence) if not is_request(c)).strip()
            if sentence:
                out.append(sentence)
    return out


def _medicines(text: str, reader: MedicineReader, case: Case) -> list[tuple[int, int]]:
    """Classify each medicine in ``text`` as current, asked about or an allergy; returns the spans it used."""
    spans = []
    for match in _with_classes(reader, text):
        if match.start is None or match.end is None or match.kind == "food":
            continue
        end = match.end
        dose = _DOSE.match(text[end:])
        if dose:
            end += dose.end()
        spans.append((match.start, end))
        med = Medicine(match.typed, list(match.ingredients), dose.group(1) if dose else "")
        before = text[max(text.rfind(".", 0, match.start), text.rfind("?", 0, match.start), 0) : match.start]
        # The cue nearest the name decides: "I take Coumadin and wonder if I can take Advil" -> current, asked.
        last = {
            "asked": max((m.end() for m in _ASKED.finditer(before)), default=-1),
            "current": max((m.end() for m in _CURRENT.finditer(before)), default=-1),
            "allergy": max((m.end() for m in _ALLERGY.finditer(before)), default=-1),
        }
        role = max(last, key=lambda k: (last[k], k == "asked"))
        if last[role] < 0:
            case.mentioned.append(med)
        elif role == "allergy":
            case.allergies.append(med.label())
        else:
            target = case.asked if role == "asked" else case.current
            if all(m.ingredients != med.ingredients for m in (*case.current, *case.asked)):
                target.append(med)
    return spans


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def _content(clause: str) -> str:
    """The clause without leftover joiners; empty when only filler words remain."""
    words = _WORD.findall(clause)
    if not [w for w in words if w.lower() not in _FILLER]:
        return ""
    return re.sub(r"\s{2,}", " ", clause).strip(" ,.;:-")


def extract_case(user_texts: Sequence[str], reader: MedicineReader | None = None) -> Case:
    """The case the user's messages state (report requests left out)."""
    reader = reader or default_reader()
    case = Case()
    for sentence in sentences(user_texts):
        case.statements.append(sentence)
        spans = _medicines(sentence, reader, case)
        case.reasons += [m.group(1).strip() for m in _FOR.finditer(sentence) if spans]
        for rx, attr in ((_TITLE_NAME, "name"), (_BED, "bed"), (_WARD, "ward")):
            for m in rx.finditer(sentence):
                setattr(case, attr, getattr(case, attr) or m.group(m.lastindex or 0))
                spans.append(m.span())
        for m in _AGE.finditer(sentence):
            case.age = case.age or (m.group(1) or m.group(2))
            spans.append(m.span())
        for m in _MEASURE.finditer(sentence):
            unit = (m.group(3) or "").replace(" %", "%")
            case.measurements.append(f"{m.group(1)} {m.group(2)}{unit}{m.group(4) or ''}".strip())
            spans.append(m.span())
        _clauses(_blank(sentence, spans), bool(_with_classes(reader, sentence)), case)
    return case


def _clauses(text: str, had_medicine: bool, case: Case) -> None:
    plan = False
    for raw in _CLAUSE.split(text):
        age = _BARE_AGE.match(raw.strip())
        if age and not case.age and 0 < int(age.group(1)) < 120:
            case.age = age.group(1)
            continue
        if re.match(r"^\s*plan\b", raw, re.I):
            plan = True  # "Plan: repeat lactate ..." - what follows the colon is the plan
        clause = _content(re.sub(r"^\s*plan\b", "", raw, flags=re.I))
        if not clause or is_request(clause):
            continue
        if had_medicine and not [w for w in _WORD.findall(clause) if w.lower() not in _MED_FILLER]:
            continue
        if plan or _PLAN.match(clause):
            case.plans.append(clause)
        elif _HISTORY.search(clause):
            case.history.append(clause)
        elif not (had_medicine and _ASKED.search(clause)):
            case.concerns.append(clause)


def private(text: str, allow_names: bool) -> str:
    """Text fit for a report: person names replaced unless the deployment allows them in reports."""
    return text if allow_names else redact_names(text, name_words())
