"""Section texts per report kind, from the extracted case, the equipment facts and the tool results.

Texts hold what was stated and what the tools found, in plain words; citation ids go in ``Section.citations`` and
are rendered as a sources list by the exports, so no "[ddi:...]" runs through the prose.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tools.reports.equipment import Equipment, IncidentFacts
from tools.reports.extract import Case, Medicine, private
from tools.reports.models import NOT_STATED, ReportKind, Section

Cite = Callable[[str, str, str], str]
GET_HELP = "Call emergency services for chest pain, trouble breathing, fainting or severe bleeding."


def _s(lines: list[str], *cites: str) -> Section:
    """A section of the non-empty lines, or "not stated" when there are none."""
    text = "\n".join(x for x in lines if x).strip()
    return Section(text=text, citations=list(dict.fromkeys(c for c in cites if c))) if text else Section()


def _not_stated(why: str) -> Section:
    return Section(text=f"{NOT_STATED} ({why})")


def _labels(meds: list[Medicine]) -> str:
    return ", ".join(m.label() for m in meds)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _interactions(drugs: list[dict[str, Any]], cite: Cite, plain: bool) -> tuple[list[str], list[str], list[str]]:
    """(finding lines, management lines, citation ids) of the drug tool's interaction findings."""
    found, manage, ids = [], [], []
    for i in drugs:
        ids.append(cite(i["id"], "drug_interaction", f"{i['drug_a']} + {i['drug_b']}"))
        pair = f"{i['drug_a']} and {i['drug_b']}" if plain else f"{i['drug_a']} + {i['drug_b']}"
        if plain:
            found.append(f"{pair} can interact ({i['severity']}): {i['effect']}")
            manage.append(f"About {pair}: {i['management']}")
        else:
            found.append(f"Interaction ({i['severity']}): {pair} - {i['effect']}")
            manage.append(f"{pair}: {i['management']}")
    return found, manage, ids


def _image(images: list[dict[str, Any]], cite: Cite) -> dict[str, Section]:
    if not images:
        return {}
    img = images[-1]
    cid = cite(img["citation_id"], "image", img.get("file", "image"))
    meta = img.get("metadata") or {}
    view = meta.get("ViewPosition")
    technique = ", ".join(
        str(v)
        for v in (
            meta.get("Modality"),
            meta.get("BodyPartExamined"),
            view and f"{view} view",
            meta.get("StudyDescription"),
        )
        if v
    )
    limits = list((img.get("quality") or {}).get("issues", [])) + list(img.get("warnings", []))
    reading = img.get("reading")
    parts = {"technique": _s([f"{technique or img.get('format', 'image')} ({img.get('file')})"], cid)}
    if reading:
        parts["findings"] = _s([f"- {f}" for f in reading.get("findings", [])], cid)
        impression = reading.get("impression")
        parts["impression"] = (
            _s([f"{impression} (model confidence {reading.get('confidence')})"], cid) if impression else Section()
        )
        limits += reading.get("limitations", [])
    else:
        parts["findings"] = _not_stated("no visual read: " + str(img.get("vision_status", "no multimodal model")))
        parts["impression"] = _not_stated("no visual read")
    limits.append("Preliminary read; must be confirmed by a radiologist.")
    parts["limitations"] = _s([f"- {x}" for x in limits], cid)
    return parts


def _asked_line(case: Case) -> str:
    if not case.asked:
        return ""
    why = f" (for {', '.join(dict.fromkeys(case.reasons))})" if case.reasons else ""
    return f"Asked about: {_labels(case.asked)}{why}; not a current medicine."


def fill_clinical(
    kind: ReportKind,
    case: Case,
    drugs: list[dict[str, Any]],
    images: list[dict[str, Any]],
    alerts: list[str],
    cite: Cite,
    allow_names: bool,
) -> dict[str, Section]:
    """Sections of a radiology report, nursing handoff or visit summary."""

    def said(lines: list[str]) -> list[str]:
        return [_sentence(private(x, allow_names)) for x in lines]

    img = _image(images, cite)
    if kind is ReportKind.RADIOLOGY:
        return {"indication": _s([" ".join(said(case.statements))]), **img}
    plain = kind is ReportKind.VISIT_SUMMARY
    found, manage, ids = _interactions(drugs, cite, plain)
    image_ids = [i["citation_id"] for i in images]
    if kind is ReportKind.NURSING_HANDOFF:
        who = case.who(allow_names)
        meds = [f"Current medicines: {_labels(case.current)}" if case.current else ""]
        meds.append(f"Allergies: {', '.join(case.allergies)}" if case.allergies else "")
        imaging = [f"Imaging: {img['technique'].text}"] if img else []
        observed = [f"Observations as stated: {', '.join(case.measurements)}"] if case.measurements else []
        read = [f"Image (preliminary): {img['findings'].text}"] if img and img["findings"].stated else []
        return {
            "situation": _s([f"{who}." if who else "", *said(case.concerns)]),
            "background": _s([*said(case.history), *meds, *imaging], *image_ids),
            "assessment": _s([*alerts, *observed, *found, *read], *ids, *(image_ids if read else [])),
            "recommendation": _s([*said(case.plans), _asked_line(case), *manage], *ids),
        }
    reason = said(case.concerns)
    if case.asked:
        why = f" for {', '.join(dict.fromkeys(case.reasons))}" if case.reasons else ""
        reason.append(f"You asked whether you can take {_labels(case.asked)}{why}.")
    elif case.reasons:
        reason.append(f"For {', '.join(dict.fromkeys(case.reasons))}.")
    told = [f"You told us: {', '.join(case.measurements)}."] if case.measurements else []
    if images:
        told.append(
            "Your image was checked for quality; "
            + ("a preliminary read was made." if img["findings"].stated else "no one has read it yet.")
        )
    medicines = [f"You take: {_labels(case.current)}." if case.current else ""]
    medicines.append(
        f"You asked about: {_labels(case.asked)} (not one of your current medicines)." if case.asked else ""
    )
    medicines.append(f"Allergies: {', '.join(case.allergies)}." if case.allergies else "")
    return {
        "reason_for_visit": _s(reason),
        "what_we_found": _s([*found, *told], *ids, *image_ids),
        "medicines": _s(medicines),
        "next_steps": _s([*manage, *said(case.plans)], *ids),
        "when_to_get_help": _s(alerts or [GET_HELP]),
    }


def fill_work_order(eq: Equipment, alerts: list[str], cite: Cite) -> dict[str, Section]:
    """A work order scoped to the asset and fault asked about, from the log fixes of that fault."""
    ids = [cite(f.citation_id, "log", f.title) for f in [*eq.fixes, *eq.duplicates]]
    findings = list(dict.fromkeys(f.finding for f in eq.fixes if f.finding))
    actions = list(dict.fromkeys(f.actions for f in eq.fixes if f.actions))
    parts = list(dict.fromkeys(p for f in eq.fixes for p in f.parts))
    asset = [f"{eq.asset}" + (f" ({eq.equipment})" if eq.equipment else "")] if eq.asset else []
    return {
        "asset": _s(asset) if asset else (_not_stated(f"equipment: {eq.equipment}") if eq.equipment else Section()),
        "symptom": _s([" ".join(eq.symptom)]),
        "probable_cause": _s([f"- Past finding for this fault: {x}" for x in findings], *ids),
        "actions": _s([f"- {x}" for x in actions], *ids),
        "parts": _s([", ".join(parts)], *ids) if parts else _not_stated("no part replaced in the cited fixes"),
        "safety_notes": _s(alerts),
    }


def fill_incident(facts: IncidentFacts, eq: Equipment, alerts: list[str], cite: Cite) -> dict[str, Section]:
    """An incident report from what the user said; causes only where the user gave one."""
    fixes = fill_work_order(eq, [], cite)["actions"] if eq.fixes else Section()
    where = facts.where or ([f"asset {eq.asset}"] if eq.asset else [])
    return {
        "what": _s(["; ".join(_sentence(w) for w in facts.what)]),
        "where": _s([", ".join(where)]),
        "when": _s([", ".join(facts.when)]),
        "impact": _s([*alerts, *(_sentence(i) for i in facts.impact)]),
        "root_cause": _s(facts.cause) if facts.cause else _not_stated("needs investigation"),
        "corrective_actions": fixes,
        "preventive_actions": _not_stated("to be set by the reviewer"),
    }
