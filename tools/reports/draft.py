"""Fill a report from the conversation and the tool results.

Structure and citations are code: every stated section cites the tool results it came from, and a section nothing
supports says "not stated".
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from tools.reports.models import (
    BODIES,
    NOT_STATED,
    TITLES,
    EvidenceItem,
    Report,
    ReportKind,
    Section,
)

_ASSET = re.compile(r"\b([A-Z]{2,5}-?\d{2,6}[A-Z]?)\b")
_WHEN = re.compile(
    r"\b(today|yesterday|this (morning|afternoon|evening)|last night|on \d{4}-\d{2}-\d{2}|\d{4}-\d{2}-\d{2}|"
    r"at \d{1,2}(:\d{2})? ?(am|pm)?)\b",
    re.I,
)
_WHERE = re.compile(
    r"\b(?:in|at|on) (the )?((?:ward|bay|line|room|hangar|unit|floor|theatre|icu)(?:\s+[A-Za-z]?\d[\w-]*)?)", re.I
)
_CAUSE = re.compile(r"\b(?:because|due to|caused by)\b([^.?!]{3,160})", re.I)
_PART = re.compile(
    r"\b(?:replaced|changed|installed|new|fitted)\s+(?:the\s+|a\s+|an\s+)?([a-z][a-z -]{2,40}?)(?=[.,;]|$| and | with)",
    re.I,
)
_REPORT_REQUEST = re.compile(r"\b(report|summary|handoff|hand-off|sbar|work order)\b", re.I)


@dataclass(slots=True)
class Evidence:
    """What the conversation established, grouped by the tool that established it."""

    user_texts: list[str]
    alerts: list[str] = field(default_factory=list)
    drugs: list[dict[str, Any]] = field(default_factory=list)  # interaction findings
    drug_names: list[str] = field(default_factory=list)
    unknown_drugs: list[str] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)  # image_analysis data + citation id
    logs: list[dict[str, Any]] = field(default_factory=list)  # hits
    docs: list[dict[str, Any]] = field(default_factory=list)
    items: dict[str, EvidenceItem] = field(default_factory=dict)

    def cite(self, item_id: str, kind: str, title: str) -> str:
        """Record that a section cites this item; returns its id."""
        self.items.setdefault(item_id, EvidenceItem(id=item_id, kind=kind, title=title))
        return item_id


def gather(user_texts: list[str], artifacts: list[dict[str, Any]], alerts: list[str] | None = None) -> Evidence:
    """Group tool artifacts (ToolOutput dumps, oldest first) by kind; failed results are left out."""
    ev = Evidence(user_texts=[t for t in user_texts if t.strip()], alerts=list(alerts or []))
    for art in artifacts:
        if art.get("error"):
            continue
        data = art.get("data") or {}
        kind = art.get("kind")
        if kind == "drug_interactions":
            ev.drugs.extend(data.get("interactions", []))
            for name in data.get("names", []):
                if name.get("ingredients"):
                    ev.drug_names.extend(i for i in name["ingredients"] if i not in ev.drug_names)
            ev.unknown_drugs.extend(data.get("unknown", []))
        elif kind == "image_analysis":
            cid = next((c["id"] for c in art.get("citations", [])), f"image:{data.get('sha256_16', '?')}")
            ev.images.append({**data, "citation_id": cid})
        elif kind in ("maintenance_logs", "knowledge"):
            (ev.logs if kind == "maintenance_logs" else ev.docs).extend(data.get("hits", []))
    return ev


def _s(text: str, *cites: str) -> Section:
    return Section(text=text, citations=[c for c in cites if c])


def _not_stated(why: str = "") -> Section:
    return Section(text=f"{NOT_STATED} ({why})" if why else NOT_STATED)


def _complaint(ev: Evidence) -> str | None:
    """The user's own description: the latest message that is not the report request itself."""
    for text in reversed(ev.user_texts):
        if not _REPORT_REQUEST.search(text) or len(text.split()) > 12:
            return text.strip()[:600]
    return None


def _interaction_lines(ev: Evidence, plain: bool = False) -> tuple[str, list[str]]:
    lines, cites = [], []
    for i in ev.drugs:
        cites.append(ev.cite(i["id"], "drug_interaction", f"{i['drug_a']} + {i['drug_b']}"))
        if plain:
            lines.append(f"{i['drug_a']} and {i['drug_b']} can interact ({i['severity']}): {i['effect']}")
        else:
            lines.append(f"{i['severity'].upper()}: {i['drug_a']} + {i['drug_b']} - {i['effect']} [{i['id']}]")
    return "\n".join(lines), cites


def _image_parts(ev: Evidence) -> dict[str, Section]:
    if not ev.images:
        return {}
    img = ev.images[-1]
    cid = ev.cite(img["citation_id"], "image", img.get("file", "image"))
    meta = img.get("metadata") or {}
    technique = ", ".join(
        str(v)
        for v in (
            meta.get("Modality"),
            meta.get("BodyPartExamined"),
            meta.get("ViewPosition") and f"{meta['ViewPosition']} view",
            meta.get("StudyDescription"),
            meta.get("window"),
        )
        if v
    )
    limits = list((img.get("quality") or {}).get("issues", [])) + list(img.get("warnings", []))
    reading = img.get("reading")
    parts = {"technique": _s(f"{technique or img.get('format', 'image')} ({img.get('file')})", cid)}
    if reading:
        parts["findings"] = _s("\n".join(f"- {f}" for f in reading.get("findings", [])) or NOT_STATED, cid)
        parts["impression"] = _s(
            f"{reading.get('impression') or NOT_STATED} (model confidence {reading.get('confidence')})", cid
        )
        limits += reading.get("limitations", [])
    else:
        why = "no visual read: " + str(img.get("vision_status", "no multimodal model"))
        parts["findings"] = _not_stated(why)
        parts["impression"] = _not_stated("no visual read")
    limits.append("Preliminary read; must be confirmed by a radiologist.")
    parts["limitations"] = _s("\n".join(f"- {x}" for x in limits), cid)
    return parts


def _log_parts(ev: Evidence) -> dict[str, Section]:
    if not ev.logs:
        return {}
    top = ev.logs[:3]
    cites = [ev.cite(h["citation_id"], "log", h["title"]) for h in top]
    causes, actions = [], []
    for h in top:
        problem, _, action = h["snippet"].partition("| Action:")
        causes.append(f"Similar past fault: {problem.strip()} [{h['citation_id']}]")
        if action.strip():
            actions.append(f"- {action.strip()} [{h['citation_id']}]")
    parts = {
        "probable_cause": _s("\n".join(causes), *cites),
        "actions": _s("\n".join(actions), *cites) if actions else _not_stated("past entries record no action"),
    }
    found = [m.group(1).strip() for h in top for m in _PART.finditer(h["snippet"])]
    parts["parts"] = _s(", ".join(dict.fromkeys(found)), *cites) if found else _not_stated()
    parts["evidence"] = _s("\n".join(f"- [{h['citation_id']}] {h['title']}" for h in top), *cites)
    return parts


def _fill(kind: ReportKind, ev: Evidence, request: str) -> dict[str, Section]:
    complaint = _complaint(ev)
    said = _s(complaint) if complaint else _not_stated()
    alerts = _s("\n".join(ev.alerts)) if ev.alerts else None
    drugs_text, drug_cites = _interaction_lines(ev)
    if kind is ReportKind.RADIOLOGY:
        return {"indication": said, **_image_parts(ev)}
    if kind is ReportKind.NURSING_HANDOFF:
        background = []
        if ev.drug_names:
            background.append("Medicines: " + ", ".join(ev.drug_names))
        if ev.images:
            background.append("Imaging: " + _image_parts(ev)["technique"].text)
        img = _image_parts(ev)
        assessment = "\n".join(x for x in (alerts.text if alerts else "", drugs_text) if x)
        if img and img["findings"].stated:
            assessment += "\nImage (preliminary): " + img["findings"].text
        recommend = [f"- {i['management']} [{i['id']}]" for i in ev.drugs]
        return {
            "situation": said,
            "background": _s("\n".join(background), *drug_cites) if background else _not_stated(),
            "assessment": _s(assessment.strip(), *drug_cites, *(img["findings"].citations if img else []))
            if assessment.strip()
            else _not_stated(),
            "recommendation": _s("\n".join(recommend), *drug_cites) if recommend else _not_stated(),
        }
    if kind is ReportKind.VISIT_SUMMARY:
        plain, _ = _interaction_lines(ev, plain=True)
        found = [plain] if plain else []
        if ev.images:
            img = _image_parts(ev)
            found.append(
                "Your image was checked for quality; "
                + ("a preliminary read was made." if img["findings"].stated else "no one has read it yet.")
            )
        steps = [f"- {i['management']}" for i in ev.drugs]
        return {
            "reason_for_visit": said,
            "what_we_found": _s("\n".join(found), *drug_cites, *[i["citation_id"] for i in ev.images])
            if found
            else _not_stated(),
            "medicines": _s(", ".join(ev.drug_names), *drug_cites) if ev.drug_names else _not_stated(),
            "next_steps": _s("\n".join(steps), *drug_cites) if steps else _not_stated(),
            "when_to_get_help": alerts
            or _s("Call emergency services for chest pain, trouble breathing, fainting or severe bleeding."),
        }
    logs = _log_parts(ev)
    asset = next((m.group(1) for t in ev.user_texts for m in _ASSET.finditer(t)), None)
    if asset is None:
        asset = next((str(h["metadata"]["asset_id"]) for h in ev.logs if h.get("metadata", {}).get("asset_id")), None)
    if kind is ReportKind.WORK_ORDER:
        return {
            "asset": _s(asset) if asset else _not_stated(),
            "symptom": said,
            **logs,
            "safety_notes": alerts or _not_stated(),
        }
    text = " ".join(ev.user_texts)
    when, where, cause = _WHEN.search(text), _WHERE.search(text), _CAUSE.search(text)
    return {
        "what": said,
        "where": _s(where.group(2).strip()) if where else (_s(f"asset {asset}") if asset else _not_stated()),
        "when": _s(when.group(0)) if when else _not_stated(),
        "impact": alerts or _not_stated(),
        "root_cause": _s(cause.group(1).strip()) if cause else _not_stated("needs investigation"),
        "corrective_actions": logs.get("actions", _not_stated()),
        "preventive_actions": _not_stated("to be set by the reviewer"),
    }


def draft_report(kind: ReportKind | str, evidence: Evidence, request: str = "") -> Report:
    """A draft of ``kind`` from ``evidence``; sections nothing supports say "not stated"."""
    kind = ReportKind(kind)
    sections = _fill(kind, evidence, request)
    body = BODIES[kind].model_validate({"kind": kind.value, **sections})
    cited = {c for s in sections.values() for c in s.citations}
    return Report(
        id=f"rpt-{uuid.uuid4().hex[:12]}",
        kind=kind,
        title=TITLES[kind],
        created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        body=body,
        evidence=[item for item_id, item in evidence.items.items() if item_id in cited],
    )
