"""Equipment facts for work orders and incidents: the asset and fault asked about, and the log fixes that fit them.

A search for a fault returns its nearest neighbours, which include other faults on the same asset and other assets'
faults that share a word ("alarm"). A work order keeps only the entries about the fault asked about, so a battery
fix never lands in an occlusion-alarm work order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from retrieval.shorthand import default_shorthand
from tools.reports.extract import is_request, sentences

ASSET = re.compile(r"\b([A-Z]{2,5}-\d{2,6}[A-Z]?)\b")
_EQUIPMENT = re.compile(
    r"\b(infusion pump|ventilator|defibrillator|defib|patient monitor|monitor|autoclave|steriliser|sterilizer|"
    r"ct scanner|ct|mri|x-?ray|ultrasound|lab analy[sz]er|analy[sz]er|centrifuge|conveyor|pump)\b",
    re.I,
)
_WHEN = re.compile(
    r"\b(today|yesterday|this (?:morning|afternoon|evening)|last night|overnight|\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}:\d{2}|\d{1,2} ?(?:am|pm)|on (?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday))\b",
    re.I,
)
_WHERE = re.compile(
    r"\b(?:in|at|on|near)\s+(?:the\s+)?((?:ward|bay|line|room|theatre|theater|unit|floor|hangar|icu|workshop|"
    r"corridor|ed|a&e|bathroom|car park|lab|laboratory|pharmacy|clinic|cssd|radiology)\b(?:\s+[A-Za-z]?\d[\w-]*)?"
    r"(?:\s+corridor)?)",
    re.I,
)
_CAUSE = re.compile(r"\b(?:because(?: of)?|due to|caused by)\s+([^.?!;]{3,160})", re.I)
_IMPACT = re.compile(
    r"\b(hurt|injur\w*|harm\w*|cut|bruis\w*|bleed\w*|damage\w*|stopped|downtime|delay\w*|evacuated|nobody|no one|"
    r"lost|fracture\w*)\b",
    re.I,
)
_PART = re.compile(
    r"\b(?:replaced|repld|r&r|changed|installed|fitted|new)\s+(?:the\s+|a\s+|an\s+)?"
    r"([a-z0-9][a-z0-9 /'-]{1,40}?)(?=\s+(?:with|and|to|on|in)\b|[.,;]|$)",
    re.I,
)
_TOKEN = re.compile(r"[a-z0-9%]+")
# Words that say a fault exists without saying which: two entries sharing only these are different faults.
_GENERIC = frozenset(
    "alarm alm alarms error fault message warning test fails failed failure keeps going off with the a an and on "
    "at in of to after every all when will not from its their during only reads set below above is was are it "
    "too very even shows unit device machine system".split()
)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def fault_terms(text: str) -> set[str]:
    """The words that name a fault, shorthand expanded ("occl alm" -> occlusion), equipment names left out."""
    plain = default_shorthand().normalise(ASSET.sub(" ", _EQUIPMENT.sub(" ", text)))
    return {_stem(t) for t in _TOKEN.findall(plain) if t not in _GENERIC and not t.isdigit()}


@dataclass(slots=True)
class Fix:
    """One kept log entry, split into what was found and what was done."""

    citation_id: str
    title: str
    asset: str | None
    problem: str
    finding: str
    actions: str
    parts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Equipment:
    """What the user said about the asset and the log entries about the same fault."""

    asset: str | None = None
    equipment: str | None = None
    symptom: list[str] = field(default_factory=list)
    fixes: list[Fix] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # citation ids of entries about other faults
    duplicates: list[Fix] = field(default_factory=list)  # entries repeating a kept one (cited, not shown)


def _split_fix(hit: dict[str, Any]) -> Fix:
    problem, _, action = str(hit.get("snippet", "")).partition("| Action:")
    # Medical-equipment logs state the finding first ("Battery degraded. Replaced battery, ..."); a one-sentence
    # action is only the action.
    parts = [p.strip() for p in re.split(r"(?<=\.)\s+", action.strip()) if p.strip()]
    finding, actions = (parts[0], " ".join(parts[1:])) if len(parts) > 1 else ("", " ".join(parts))
    meta = hit.get("metadata") or {}
    found = [m.group(1).strip().lower() for m in _PART.finditer(actions or action)]
    return Fix(
        citation_id=str(hit.get("citation_id")),
        title=str(hit.get("title", "")),
        asset=str(meta["asset_id"]) if meta.get("asset_id") else None,
        problem=problem.strip(),
        finding=finding,
        actions=actions,
        parts=list(dict.fromkeys(found)),
    )


def relevant(fault: set[str], problem: str) -> bool:
    """Whether a log problem is the fault asked about: two fault words shared (one when the fault has only one)."""
    shared = fault & fault_terms(problem)
    return len(shared) >= min(2, len(fault)) and bool(shared)


def extract_equipment(user_texts: Sequence[str], hits: Sequence[dict[str, Any]]) -> Equipment:
    """The asset, the fault as the user described it, and the log entries about that fault (each problem once)."""
    said = sentences(user_texts)
    eq = Equipment(symptom=said)
    text = " ".join(said)
    asset = ASSET.search(text)
    eq.asset = asset.group(1) if asset else None
    kind = _EQUIPMENT.search(text)
    eq.equipment = kind.group(1).lower() if kind else None
    fault = fault_terms(text)
    seen: set[str] = set()
    for hit in hits:
        fix = _split_fix(hit)
        other_asset = eq.asset is not None and fix.asset is not None and fix.asset != eq.asset
        if not fault or not relevant(fault, fix.problem):
            eq.dropped.append(fix.citation_id)
            continue
        keys = {default_shorthand().duplicate_key(x) for x in (fix.problem, fix.finding + fix.actions) if x}
        if keys & seen:
            # The same problem written again (often in shorthand): its text is shown once, both entries cited.
            seen |= keys
            eq.duplicates.append(fix)
            continue
        seen |= keys
        if other_asset:
            fix.title = f"{fix.title} (same fault on another asset)"
        eq.fixes.append(fix)
    return eq


@dataclass(slots=True)
class IncidentFacts:
    """What the user said happened, where, when, with what effect and why."""

    what: list[str] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    when: list[str] = field(default_factory=list)
    impact: list[str] = field(default_factory=list)
    cause: list[str] = field(default_factory=list)


def extract_incident(user_texts: Sequence[str]) -> IncidentFacts:
    """Incident facts from the user's sentences; a clause about the effect is impact, a "because" clause the cause."""
    facts = IncidentFacts()
    for sentence in sentences(user_texts):
        facts.cause += [m.group(1).strip() for m in _CAUSE.finditer(sentence)]
        facts.when += [m.group(1) for m in _WHEN.finditer(sentence) if m.group(1) not in facts.when]
        facts.where += [m.group(1) for m in _WHERE.finditer(sentence) if m.group(1) not in facts.where]
        main = _CAUSE.split(sentence)[0]
        for clause in re.split(r",\s+|;\s*", main):
            clause = clause.strip(" .")
            if not clause or is_request(clause):
                continue
            (facts.impact if _IMPACT.search(clause) and facts.what else facts.what).append(clause)
    return facts
